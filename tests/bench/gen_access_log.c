/*
 * gen_access_log.c - a deterministic combined-format access log for the
 * --count benchmark (issue 11): the same bytes on every machine for a given
 * size, from a fixed-seed xorshift generator.
 *
 * usage: gen_access_log BYTES > access.log
 *
 * Mix: mostly 200s, then 304, 404, 301/302, 499, 5xx; IPv4 and IPv6 clients,
 * HTTP/1.1, HTTP/2.0 and HTTP/3 in the request line, query strings, a few
 * quoted user agents with spaces. Lines average about 200 bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 16);
}

int main(int argc, char **argv)
{
	static const struct {
		int code;
		int weight;     /* per 1000 */
	} codes[] = {
		{ 200, 780 }, { 304, 60 }, { 404, 45 }, { 301, 25 }, { 302, 20 }, { 206, 10 },
		{ 499, 12 }, { 500, 6 }, { 502, 8 }, { 503, 5 }, { 504, 3 }, { 401, 10 },
		{ 403, 8 }, { 429, 4 }, { 400, 4 },
	};
	static const char *const methods[] = { "GET", "GET", "GET", "GET", "POST", "HEAD", "PUT" };
	static const char *const paths[] = {
		"/", "/index.html", "/static/app.3f9c2.js", "/static/style.css", "/api/v1/users",
		"/api/v1/orders?page=2&sort=desc", "/images/logo.png", "/favicon.ico", "/login",
		"/search?q=http+status+codes", "/wp-login.php", "/.env", "/robots.txt",
	};
	static const char *const protos[] = { "HTTP/1.1", "HTTP/1.1", "HTTP/2.0", "HTTP/3", "HTTP/1.0" };
	static const char *const agents[] = {
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
		"curl/7.88.1", "Go-http-client/2.0", "python-requests/2.31.0",
		"Googlebot/2.1 (+http://www.google.com/bot.html)",
	};
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	unsigned long long want, written = 0;
	static char buf[1 << 16];

	if (argc != 2 || (want = strtoull(argv[1], NULL, 10)) == 0) {
		fputs("usage: gen_access_log BYTES\n", stderr);
		return 2;
	}
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	for (unsigned long long i = 0; written < want; i++) {
		uint32_t r = next() % 1000, acc = 0;
		int code = 200, n;

		for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
			acc += (uint32_t)codes[k].weight;
			if (r < acc) {
				code = codes[k].code;
				break;
			}
		}
		unsigned sec = (unsigned)(i / 50);
		char ip[48];
		/* one call of next() per statement: argument order is unspecified */
		if (next() % 10 == 0) {
			uint32_t a = next() % 0xffff;
			uint32_t b = next() % 0xffff;

			snprintf(ip, sizeof ip, "2001:db8:%x::%x", a, b);
		} else {
			uint32_t a = 10 + next() % 200;
			uint32_t b = next() % 256;
			uint32_t c = next() % 256;
			uint32_t d = 1 + next() % 254;

			snprintf(ip, sizeof ip, "%u.%u.%u.%u", a, b, c, d);
		}
		const char *user = next() % 20 == 0 ? "alice" : "-";
		const char *method = methods[next() % (sizeof methods / sizeof methods[0])];
		const char *path = paths[next() % (sizeof paths / sizeof paths[0])];
		const char *proto = protos[next() % (sizeof protos / sizeof protos[0])];
		unsigned bytes = code == 304 ? 0 : 100 + next() % 50000;
		const char *referer = next() % 3 ? "-" : "https://www.example.com/";
		const char *agent = agents[next() % (sizeof agents / sizeof agents[0])];

		n = printf("%s - %s [%02u/%s/2026:%02u:%02u:%02u +0000] \"%s %s %s\" %d %u \"%s\" \"%s\"\n",
		           ip, user, 1 + sec / 86400 % 28, months[sec / 2419200 % 12], sec / 3600 % 24,
		           sec / 60 % 60, sec % 60, method, path, proto, code, bytes, referer, agent);
		if (n < 0)
			return 1;
		written += (unsigned long long)n;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
