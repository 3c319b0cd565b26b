/* test_logs.c - the log reader, the format parsers, the counts table and the
 * response-head parser, linked to the model alone. Expected values are
 * written by hand from the sample lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "json.h"
#include "logcount.h"
#include "logfmt.h"
#include "logscan.h"
#include "response.h"

static struct hc_logline one(struct hc_logfmt_state *st, const char *line)
{
	struct hc_logline l;

	hc_logfmt_line(st, line, strlen(line), &l);
	return l;
}

/* The status of a line read by a fresh detecting state (-1: none). */
static int status_of(const char *line, enum hc_logfmt *fmt)
{
	struct hc_logfmt_state st;
	struct hc_logline l;

	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	l = one(&st, line);
	if (fmt)
		*fmt = l.fmt;
	return l.kind == HC_LINE_STATUS ? l.status : -(int)l.kind - 1;
}

static void test_clf(void **state)
{
	enum hc_logfmt f;

	(void)state;
	assert_int_equal(status_of("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "
	                           "\"GET /apache_pb.gif HTTP/1.0\" 200 2326", &f), 200);
	assert_int_equal(f, HC_FMT_CLF);
	/* combined, IPv6, HTTP/2 and HTTP/3 in the request */
	assert_int_equal(status_of("2001:db8::1 - - [04/Dec/2026:10:00:02 +0000] \"POST /l HTTP/2.0\" "
	                           "401 0 \"https://e/\" \"Mozilla/5.0\"", NULL), 401);
	assert_int_equal(status_of("::1 - - [04/Dec/2026:10:00:03 +0000] \"GET /v HTTP/3\" 206 1 \"-\" \"u\"",
	                           NULL), 206);
	/* spaces and escaped quotes inside the request */
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET /a b c HTTP/1.1\" 404 1 \"-\" "
	                           "\"x\"", NULL), 404);
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET /q?x=\\\" 200 HTTP/1.1\" 503 "
	                           "1 \"-\" \"x\"", NULL), 503);
	/* an empty request (nginx's 400 for a closed connection) and CRLF */
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"\" 400 0 \"-\" \"-\"\r", NULL), 400);
	/* no response: "-", "000"; bad: "1000", "600", "099" */
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" - 0", NULL),
	                 -(int)HC_LINE_NO_STATUS - 1);
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" - 0 \"-\" \"u\"",
	                           NULL), -(int)HC_LINE_NO_STATUS - 1);
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 000 0", NULL),
	                 -(int)HC_LINE_NO_STATUS - 1);
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 1000 0", NULL),
	                 -(int)HC_LINE_BAD_STATUS - 1);
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 600 0", NULL),
	                 -(int)HC_LINE_BAD_STATUS - 1);
	assert_int_equal(status_of("h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 099 0", NULL),
	                 -(int)HC_LINE_BAD_STATUS - 1);
	/* the field of a bad status, for the message */
	struct hc_logfmt_state st;
	const char *bad = "h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 1000 0";
	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	struct hc_logline l = one(&st, bad);
	assert_int_equal(l.field_len, 4);
	assert_memory_equal(bad + l.field_off, "1000", 4);
	/* not a log line */
	assert_int_equal(status_of("hello world", NULL), -(int)HC_LINE_UNKNOWN - 1);
	assert_int_equal(status_of("h - - [x] \"GET / HTTP/1.1\" 200 1", NULL), -(int)HC_LINE_UNKNOWN - 1);
}

static void test_json(void **state)
{
	enum hc_logfmt f;

	(void)state;
	assert_int_equal(status_of("{\"status\":200}", &f), 200);
	assert_int_equal(f, HC_FMT_JSON);
	assert_int_equal(status_of("  {\"status\": \"404\", \"ua\": \"a \\\"b\\\" c\"}", NULL), 404);
	assert_int_equal(status_of("{\"http\":{\"response\":{\"status_code\":503}},\"status\":\"ok\"}", NULL),
	                 503);
	assert_int_equal(status_of("{\"http.response.status_code\":429}", NULL), 429);
	assert_int_equal(status_of("{\"response_code\":302}", NULL), 302);
	assert_int_equal(status_of("{\"res\":{\"statusCode\":201}}", NULL), 201);
	/* top level beats nested; a string that is no status is no candidate */
	assert_int_equal(status_of("{\"upstream\":{\"status\":502},\"status\":499}", NULL), 499);
	assert_int_equal(status_of("{\"status\":\"success\",\"status_code\":500}", NULL), 500);
	/* a key inside a string value is not a key */
	assert_int_equal(status_of("{\"path\":\"{\\\"status\\\":999}\",\"status\":204}", NULL), 204);
	assert_int_equal(status_of("{\"status\":null}", NULL), -(int)HC_LINE_NO_STATUS - 1);
	assert_int_equal(status_of("{\"msg\":\"x\"}", &f), -(int)HC_LINE_UNKNOWN - 1);
	assert_int_equal(f, HC_FMT_JSON);
	/* broken JSON is not JSON */
	assert_int_equal(status_of("{\"status\":200", &f), -(int)HC_LINE_UNKNOWN - 1);
	assert_int_equal(f, HC_FMT_UNKNOWN);
}

static void test_w3c(void **state)
{
	struct hc_logfmt_state st;
	struct hc_logline l;

	(void)state;
	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	/* data before any #Fields is no W3C line */
	assert_int_equal(one(&st, "2026-12-04 10:00:00 GET / 200").kind, HC_LINE_UNKNOWN);
	assert_int_equal(one(&st, "#Version: 1.0").kind, HC_LINE_META);
	assert_int_equal(st.fmt, HC_FMT_W3C);
	assert_int_equal(one(&st, "#Fields: date time cs-method cs-uri-stem sc-status").kind, HC_LINE_META);
	l = one(&st, "2026-12-04 10:00:00 GET / 200");
	assert_int_equal(l.kind, HC_LINE_STATUS);
	assert_int_equal(l.status, 200);
	/* the fields change mid-file: the status moves */
	one(&st, "#Fields: date time sc-status cs-method");
	l = one(&st, "2026-12-04 10:00:00 404 GET");
	assert_int_equal(l.status, 404);
	/* CloudFront: tabs, and values with spaces */
	one(&st, "#Fields: date time x-edge-location cs(User-Agent) sc-status");
	l = one(&st, "2026-12-04\t10:00:00\tICN54\tMozilla 5.0 (X11)\t403");
	assert_int_equal(l.status, 403);
	/* no sc-status column */
	one(&st, "#Fields: date time cs-method");
	l = one(&st, "2026-12-04 10:00:00 GET");
	assert_int_equal(l.kind, HC_LINE_UNKNOWN);
	assert_int_equal(l.fmt, HC_FMT_W3C);
}

static void test_alb_haproxy(void **state)
{
	struct hc_logfmt_state st;
	struct hc_logline l;
	enum hc_logfmt f;

	(void)state;
	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	l = one(&st, "https 2026-12-04T10:00:01.186641Z app/lb/50dc [2001:db8::5]:2817 - -1 -1 -1 502 - 34 "
	             "366 \"GET https://e:443/ HTTP/2.0\" \"curl\"");
	assert_int_equal(l.fmt, HC_FMT_ALB);
	assert_int_equal(l.status, 502);
	assert_int_equal(l.upstream, 0);
	l = one(&st, "http 2026-12-04T10:00:00.1Z app/lb/1 1.2.3.4:1 10.0.0.1:80 0.000 0.001 0.000 200 404 "
	             "34 366 \"GET http://e/ HTTP/1.1\" \"c\"");
	assert_int_equal(l.status, 200);
	assert_int_equal(l.upstream, 404);
	/* classic ELB */
	l = one(&st, "2026-12-04T10:00:04.945958Z my-lb 192.0.2.5:2817 10.0.0.1:80 0.000073 0.001048 "
	             "0.000057 301 301 0 29 \"GET http://e/ HTTP/1.1\" \"c\" - -");
	assert_int_equal(l.status, 301);
	assert_int_equal(l.upstream, 301);

	assert_int_equal(status_of("Dec  4 10:00:00 lb haproxy[1]: 192.0.2.1:3 [04/Dec/2026:10:00:00.655] "
	                           "http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "
	                           "\"GET / HTTP/1.1\"", &f), 200);
	assert_int_equal(f, HC_FMT_HAPROXY);
	assert_int_equal(status_of("x: [2001:db8::9]:4 [04/Dec/2026:10:00:02.100] fe be/<NOSRV> "
	                           "0/-1/-1/-1/0 -1 0 - - CR-- 2/2/0/0/0 0/0 \"<BADREQ>\"", NULL),
	                 -(int)HC_LINE_NO_STATUS - 1);
	assert_int_equal(status_of("x: 1.2.3.4:5 [04/Dec/2026:10:00:02.100] fe be/s +0/0/1/2/+3 404 0 - - ----",
	                           NULL), 404);
	/* a TCP log (three timers) has no status */
	assert_int_equal(status_of("x: 1.2.3.4:5 [04/Dec/2026:10:00:02.100] tcp-in app/srv1 0/1/100 2750 --",
	                           NULL), -(int)HC_LINE_UNKNOWN - 1);
}

static void test_detection(void **state)
{
	struct hc_logfmt_state st;
	struct hc_logline l;
	enum hc_logfmt f;

	(void)state;
	/* the first readable line settles the format; another is counted as mixed */
	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	assert_int_equal(one(&st, "").kind, HC_LINE_META);
	assert_int_equal(st.fmt, HC_FMT_UNKNOWN);
	one(&st, "h - - [04/Dec/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1");
	assert_int_equal(st.fmt, HC_FMT_CLF);
	l = one(&st, "{\"status\":404}");
	assert_int_equal(l.status, 404);
	assert_int_equal(l.fmt, HC_FMT_JSON);
	assert_int_equal(st.fmt, HC_FMT_CLF);
	/* a forced format never falls back */
	hc_logfmt_init(&st, HC_FMT_CLF);
	l = one(&st, "{\"status\":404}");
	assert_int_equal(l.kind, HC_LINE_UNKNOWN);
	/* names */
	assert_true(hc_logfmt_parse_name("nginx", &f));
	assert_int_equal(f, HC_FMT_CLF);
	assert_true(hc_logfmt_parse_name("cloudfront", &f));
	assert_int_equal(f, HC_FMT_W3C);
	assert_false(hc_logfmt_parse_name("Combined", &f));
	assert_string_equal(hc_logfmt_name(HC_FMT_ALB), "alb");
}

static void test_count(void **state)
{
	struct hc_logcount a, b;
	struct hc_logline l = { .kind = HC_LINE_STATUS, .fmt = HC_FMT_CLF, .status = 404, .upstream = -1 };

	(void)state;
	assert_true(hc_logcount_init(&a, 2));
	assert_true(hc_logcount_init(&b, 1));
	hc_logcount_add(&a, &l, HC_FMT_CLF, "first\r", 6);
	hc_logcount_add(&a, &l, HC_FMT_CLF, "second", 6);
	hc_logcount_add(&a, &l, HC_FMT_CLF, "third", 5);
	assert_int_equal(a.code[404], 3);
	assert_string_equal(hc_logcount_sample(&a, 404, 0), "first");
	assert_string_equal(hc_logcount_sample(&a, 404, 1), "second");
	assert_null(hc_logcount_sample(&a, 404, 2));
	l.kind = HC_LINE_UNKNOWN;
	hc_logcount_add(&b, &l, HC_FMT_CLF, "x", 1);
	l = (struct hc_logline){ .kind = HC_LINE_STATUS, .fmt = HC_FMT_JSON, .status = 502, .upstream = 0 };
	hc_logcount_add(&b, &l, HC_FMT_CLF, "y", 1);
	hc_logcount_add_long(&b, 2);
	hc_logcount_merge(&a, &b);
	assert_int_equal(a.lines, 3 + 2 + 2);
	assert_int_equal(a.counted, 4);
	assert_int_equal(a.other_format, 1);
	assert_int_equal(a.target_none, 1);
	assert_int_equal(hc_logcount_not_read(&a), 3);
	assert_int_equal(hc_logcount_class(&a, 4), 3);
	assert_int_equal(hc_logcount_class(&a, 5), 1);
	assert_string_equal(hc_logcount_sample(&a, 502, 0), "y");
	hc_logcount_free(&a);
	hc_logcount_free(&b);
}

/* ---- the reader ---- */

static int temp_with(const void *data, size_t n)
{
	char path[] = "/tmp/test_logs.XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static size_t gz(const char *s, size_t n, unsigned char *out, size_t cap)
{
	z_stream z = { 0 };

	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)s;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	deflateEnd(&z);
	return cap - z.avail_out;
}

/* Read everything; lines joined with '|' into buf. */
static enum hc_scan_result read_all(int fd, const struct hc_scan_opts *o, char *buf, size_t cap,
                                    uint64_t *long_lines)
{
	struct hc_scan *s = hc_scan_new(fd, o);
	enum hc_scan_result r;
	const char *line;
	size_t n, used = 0;

	buf[0] = '\0';
	while ((r = hc_scan_next(s, &line, &n)) == HC_SCAN_LINE) {
		if (used + n + 2 < cap) {
			memcpy(buf + used, line, n);
			used += n;
			buf[used++] = '|';
			buf[used] = '\0';
		}
	}
	if (long_lines)
		*long_lines = hc_scan_long_lines(s);
	hc_scan_free(s);
	return r;
}

static void test_scan(void **state)
{
	char buf[4096];
	uint64_t ll;
	int fd;

	(void)state;
	fd = temp_with("a\nbb\n\nccc", 9);
	assert_int_equal(read_all(fd, NULL, buf, sizeof buf, NULL), HC_SCAN_EOF);
	assert_string_equal(buf, "a|bb||ccc|");
	close(fd);

	/* a line longer than the limit is skipped and counted, the next is read */
	size_t big = HC_SCAN_LINE_MAX * 3;
	char *data = malloc(big + 16);
	memset(data, 'x', big);
	memcpy(data + big, "\nok\n", 4);
	fd = temp_with(data, big + 4);
	assert_int_equal(read_all(fd, NULL, buf, sizeof buf, &ll), HC_SCAN_EOF);
	assert_string_equal(buf, "ok|");
	assert_int_equal(ll, 1);
	close(fd);
	free(data);

	/* gzip, two members one after another */
	unsigned char z[512];
	size_t k = gz("one\ntwo\n", 8, z, sizeof z);
	k += gz("three\n", 6, z + k, sizeof z - k);
	fd = temp_with(z, k);
	assert_int_equal(read_all(fd, NULL, buf, sizeof buf, NULL), HC_SCAN_EOF);
	assert_string_equal(buf, "one|two|three|");
	close(fd);

	/* gzip bigger than one read of the magic-byte sniffer (a regression:
	 * the first read overflowed the inflate input buffer) */
	size_t rn = 40000 * 33, zcap = rn + 4096, got = 0;
	char *raw = malloc(rn);
	unsigned char *zbig = malloc(zcap);
	uint32_t x = 12345;
	for (size_t i = 0; i < rn; i++) {
		x = x * 1103515245u + 12345u;
		raw[i] = i % 33 == 32 ? '\n' : "0123456789abcdef"[(x >> 16) & 15];
	}
	k = gz(raw, rn, zbig, zcap);
	assert_true(k > 256 * 1024);
	fd = temp_with(zbig, k);
	struct hc_scan *sc = hc_scan_new(fd, NULL);
	const char *ln;
	size_t lnn;
	while (hc_scan_next(sc, &ln, &lnn) == HC_SCAN_LINE) {
		assert_int_equal(lnn, 32);
		got++;
	}
	assert_int_equal(got, 40000);
	assert_true(hc_scan_is_gzip(sc));
	hc_scan_free(sc);
	close(fd);
	free(raw);
	free(zbig);

	/* truncated and corrupt gzip: an error, after the lines that were whole */
	char text[2000];
	for (int i = 0; i < 100; i++)
		snprintf(text + i * 20, 21, "line %13d\n", i);
	k = gz(text, 2000, z, sizeof z);
	fd = temp_with(z, k - 12);
	assert_int_equal(read_all(fd, NULL, buf, sizeof buf, NULL), HC_SCAN_ERROR);
	close(fd);
	z[k / 2] ^= 0x55;
	fd = temp_with(z, k);
	assert_int_equal(read_all(fd, NULL, buf, sizeof buf, NULL), HC_SCAN_ERROR);
	close(fd);
}

/* Two ranges of a file read exactly its lines, once each, at any split. */
static void test_scan_ranges(void **state)
{
	const char *text = "l1\nline2\n\nl4 long line\nl5";
	size_t n = strlen(text);
	char a[256], b[256], joined[512];
	int fd = temp_with(text, n);

	(void)state;
	for (off_t mid = 0; mid <= (off_t)n; mid++) {
		struct hc_scan_opts o1 = { .ranged = true, .start = 0, .end = mid };
		struct hc_scan_opts o2 = { .ranged = true, .start = mid };

		if (mid == 0) {
			a[0] = '\0';
		} else {
			read_all(fd, &o1, a, sizeof a, NULL);
		}
		read_all(fd, &o2, b, sizeof b, NULL);
		snprintf(joined, sizeof joined, "%s%s", a, b);
		assert_string_equal(joined, "l1|line2||l4 long line|l5|");
	}
	close(fd);
}

/* ---- responses ---- */

static void feed(struct hc_resp_parser *p, const char *text)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);

		hc_resp_line(p, text, n);
		text += n + (nl ? 1 : 0);
	}
}

static bool has_fact(const struct hc_response *r, enum hc_fact f, long long *n0)
{
	struct hc_finding x[HC_FINDINGS_MAX];
	size_t k = hc_resp_check(r, x, HC_FINDINGS_MAX);

	for (size_t i = 0; i < k; i++) {
		if (x[i].fact == f) {
			if (n0)
				*n0 = x[i].n[0];
			return true;
		}
	}
	return false;
}

static void test_response(void **state)
{
	static struct hc_resp_parser p;
	long long v;

	(void)state;
	hc_resp_init(&p);
	feed(&p, "HTTP/1.1 301 Moved Permanently\r\nLocation: https://e/\r\n\r\n"
	         "<html>body text HTTP/1.1 200 OK</html>\n"
	         "HTTP/2 302\r\nlocation: /x\r\n\r\n"
	         "HTTP/3 200\r\n\r\nHTTP/1.0 401\nHTTP/1.1 405 Method Not Allowed\n");
	assert_int_equal(p.n, 5);
	assert_int_equal(p.v[0].code, 301);
	assert_string_equal(p.v[0].reason, "Moved Permanently");
	assert_string_equal(p.v[0].value[HC_HDR_LOCATION], "https://e/");
	assert_string_equal(p.v[1].proto, "HTTP/2");
	assert_string_equal(p.v[1].reason, "");
	assert_true(p.v[1].has[HC_HDR_LOCATION]);     /* names are case-insensitive */
	assert_int_equal(p.v[2].code, 200);
	assert_int_equal(p.v[2].line, 8);
	assert_true(has_fact(&p.v[3], HC_FACT_NO_WWW_AUTHENTICATE, NULL));
	assert_true(has_fact(&p.v[4], HC_FACT_NO_ALLOW, NULL));
	assert_false(has_fact(&p.v[0], HC_FACT_NO_LOCATION, NULL));

	struct hc_finding x[HC_FINDINGS_MAX];
	size_t k = hc_chain_check(p.v, 3, x, HC_FINDINGS_MAX);
	assert_int_equal(k, 1);
	assert_int_equal(x[0].fact, HC_FACT_CHAIN_MIXED);

	/* curl -v: the method of each hop */
	hc_resp_init(&p);
	feed(&p, "* Trying 127.0.0.1\n> POST /form HTTP/1.1\n> Host: h\n> Content-Length: 3\n>\n"
	         "< HTTP/1.1 302 Found\n< Location: /done\n<\n* Switch to GET\n> GET /done HTTP/1.1\n"
	         ">\n< HTTP/1.1 200 OK\n< \n");
	assert_int_equal(p.n, 2);
	assert_string_equal(p.v[0].method, "POST");
	assert_string_equal(p.v[1].method, "GET");
	k = hc_chain_check(p.v, p.n, x, HC_FINDINGS_MAX);
	assert_int_equal(k, 1);
	assert_int_equal(x[0].fact, HC_FACT_METHOD_CHANGED);
	assert_int_equal(x[0].n[0], 0);

	/* Retry-After, Content-Range, validators */
	hc_resp_init(&p);
	feed(&p, "HTTP/1.1 429 Too Many Requests\nRetry-After: 120\n\n"
	         "HTTP/1.1 503 Service Unavailable\nDate: Fri, 04 Dec 2026 10:00:00 GMT\n"
	         "Retry-After: Fri, 04 Dec 2026 11:30:00 GMT\n\n"
	         "HTTP/1.1 503 Service Unavailable\nRetry-After: soon\n\n"
	         "HTTP/1.1 206 Partial Content\nContent-Range: bytes 100-199/1000\n\n"
	         "HTTP/1.1 206 Partial Content\nContent-Range: bytes 200-100/1000\n\n"
	         "HTTP/1.1 304 Not Modified\nETag: \"x\"\n\n"
	         "HTTP/1.1 304 Not Modified\n\nHTTP/1.1 429 Too Many Requests\n\n");
	assert_int_equal(p.n, 8);
	assert_true(has_fact(&p.v[0], HC_FACT_RETRY_SECONDS, &v));
	assert_int_equal(v, 120);
	assert_true(has_fact(&p.v[1], HC_FACT_RETRY_DATE, &v));
	assert_int_equal(v, 5400);
	assert_true(has_fact(&p.v[2], HC_FACT_RETRY_BAD, NULL));
	assert_true(has_fact(&p.v[3], HC_FACT_RANGE, &v));
	assert_int_equal(v, 100);
	assert_true(has_fact(&p.v[4], HC_FACT_RANGE_BAD, NULL));
	assert_true(has_fact(&p.v[5], HC_FACT_VALIDATORS, NULL));
	assert_true(has_fact(&p.v[6], HC_FACT_NO_VALIDATORS, NULL));
	assert_true(has_fact(&p.v[7], HC_FACT_NO_RETRY_AFTER, NULL));
}

static void test_http_date(void **state)
{
	long long t;

	(void)state;
	/* RFC 9110 §5.6.7's example, in its three forms: 784111777 */
	assert_true(hc_http_date("Sun, 06 Nov 1994 08:49:37 GMT", 29, &t));
	assert_int_equal(t, 784111777);
	assert_true(hc_http_date("Sunday, 06-Nov-94 08:49:37 GMT", 30, &t));
	assert_int_equal(t, 784111777);
	assert_true(hc_http_date("Sun Nov  6 08:49:37 1994", 24, &t));
	assert_int_equal(t, 784111777);
	assert_false(hc_http_date("Sun, 06 Nov 1994 08:49:37", 25, &t));
	assert_false(hc_http_date("120", 3, &t));
	assert_false(hc_http_date("Sun, 32 Nov 1994 08:49:37 GMT", 29, &t));
	assert_true(hc_resp_is_status_line("< HTTP/2 404\r", 13));
	assert_false(hc_resp_is_status_line("HTTP/1.1 20 OK", 14));
	assert_false(hc_resp_is_status_line("HTTP/1.1 2000", 13));
}

/* --count --json and --explain --json write strings with json.h: UTF-8 as is. */
static char *json_of(const char *s, size_t n)
{
	static char *buf;
	size_t len = 0;
	FILE *m;

	free(buf);
	buf = NULL;
	m = open_memstream(&buf, &len);
	assert_non_null(m);
	hc_json_strn(m, s, n);
	fclose(m);
	return buf;
}

static void test_json_strings(void **state)
{
	(void)state;
	assert_string_equal(json_of("a\"b\\c", 5), "\"a\\\"b\\\\c\"");
	assert_string_equal(json_of("\xed\x95\x9c", 3), "\"\xed\x95\x9c\"");            /* 한 */
	assert_string_equal(json_of("\x01\n\x7f", 3), "\"\\u0001\\n\\u007f\"");
	assert_string_equal(json_of("a\0b", 3), "\"a\\u0000b\"");
	assert_string_equal(json_of("", 0), "\"\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clf),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_w3c),
		cmocka_unit_test(test_alb_haproxy),
		cmocka_unit_test(test_detection),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_scan_ranges),
		cmocka_unit_test(test_response),
		cmocka_unit_test(test_http_date),
		cmocka_unit_test(test_json_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
