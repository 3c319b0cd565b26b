/* response.c - response heads, line by line, and what their headers say. */
#include "response.h"

#include <string.h>
#include <strings.h>

static const char *const hdr_names[] = {
	[HC_HDR_LOCATION] = "Location",
	[HC_HDR_WWW_AUTHENTICATE] = "WWW-Authenticate",
	[HC_HDR_PROXY_AUTHENTICATE] = "Proxy-Authenticate",
	[HC_HDR_ALLOW] = "Allow",
	[HC_HDR_RETRY_AFTER] = "Retry-After",
	[HC_HDR_CONTENT_RANGE] = "Content-Range",
	[HC_HDR_CONTENT_TYPE] = "Content-Type",
	[HC_HDR_ETAG] = "ETag",
	[HC_HDR_LAST_MODIFIED] = "Last-Modified",
	[HC_HDR_DATE] = "Date",
	[HC_HDR_CACHE_CONTROL] = "Cache-Control",
};

const char *hc_hdr_name(enum hc_hdr h)
{
	return (size_t)h < sizeof hdr_names / sizeof hdr_names[0] ? hdr_names[h] : "?";
}

void hc_resp_init(struct hc_resp_parser *p)
{
	memset(p, 0, sizeof *p);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Copy s[0..n) into dst[cap], cut to fit. */
static void put(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* "HTTP/1.1 404 Not Found", "HTTP/2 404", "HTTP/1.0 200": the length of the
 * protocol token (0 when this is no status line); *code and *reason set. */
static size_t status_line(const char *s, size_t n, int *code, const char **reason,
                          size_t *reason_len)
{
	size_t i = 5, proto;

	if (n < 10 || memcmp(s, "HTTP/", 5) != 0 || !is_digit(s[5]))
		return 0;
	while (i < n && is_digit(s[i]))
		i++;
	if (i < n && s[i] == '.') {
		i++;
		if (i >= n || !is_digit(s[i]))
			return 0;
		while (i < n && is_digit(s[i]))
			i++;
	}
	proto = i;
	if (proto - 5 > 4 || i + 4 > n || s[i] != ' ' || !is_digit(s[i + 1]) ||
	    !is_digit(s[i + 2]) || !is_digit(s[i + 3]) || (i + 4 < n && s[i + 4] != ' '))
		return 0;
	*code = (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	i += 4;
	while (i < n && s[i] == ' ')
		i++;
	*reason = s + i;
	*reason_len = n - i;
	return proto;
}

bool hc_resp_is_status_line(const char *s, size_t n)
{
	int code;
	const char *r;
	size_t rn;

	if (n >= 2 && s[0] == '<' && s[1] == ' ') {
		s += 2;
		n -= 2;
	}
	if (n > 0 && s[n - 1] == '\r')
		n--;
	return status_line(s, n, &code, &r, &rn) > 0;
}

static struct hc_response *current(struct hc_resp_parser *p)
{
	return p->n > 0 && p->dropped == 0 ? &p->v[p->n - 1] : &p->spill;
}

static void header(struct hc_response *r, const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	size_t name_len, vs, ve;

	r->n_headers++;
	if (!colon || colon == s)
		return;
	name_len = (size_t)(colon - s);
	for (size_t h = 0; h < HC_HDR_COUNT; h++) {
		if (strlen(hdr_names[h]) != name_len || strncasecmp(s, hdr_names[h], name_len) != 0)
			continue;
		if (r->has[h])
			return; /* the first one counts */
		vs = name_len + 1;
		ve = n;
		while (vs < ve && (s[vs] == ' ' || s[vs] == '\t'))
			vs++;
		while (ve > vs && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
			ve--;
		r->has[h] = true;
		put(r->value[h], sizeof r->value[h], s + vs, ve - vs);
		return;
	}
}

void hc_resp_line(struct hc_resp_parser *p, const char *s, size_t n)
{
	int code;
	const char *reason;
	size_t reason_len, proto;

	p->line_no++;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	/* curl -v: "> " is what was sent, "< " what came back, "* " commentary */
	if (n >= 1 && s[0] == '>' && (n == 1 || s[1] == ' ')) {
		char m[sizeof p->method];
		size_t i = 2, k = 0;

		p->in_head = false;
		while (i < n && k + 1 < sizeof m && s[i] >= 'A' && s[i] <= 'Z')
			m[k++] = s[i++];
		m[k] = '\0';
		/* a request line is METHOD SP target SP HTTP/x; the rest are its
		 * headers */
		if (k > 0 && i < n && s[i] == ' ' && memmem(s + i, n - i, " HTTP/", 6))
			memcpy(p->method, m, k + 1);
		return;
	}
	if (n >= 1 && s[0] == '*' && (n == 1 || s[1] == ' '))
		return;
	if (n >= 1 && s[0] == '<' && (n == 1 || s[1] == ' ')) {
		s += n >= 2 ? 2 : 1;
		n -= n >= 2 ? 2 : 1;
		if (n > 0 && s[n - 1] == '\r')
			n--;
	}
	proto = status_line(s, n, &code, &reason, &reason_len);
	if (proto > 0) {
		struct hc_response *r;

		if (p->n < HC_RESP_MAX && p->dropped == 0) {
			r = &p->v[p->n++];
		} else {
			p->dropped++;
			r = &p->spill;
		}
		memset(r, 0, sizeof *r);
		r->line = p->line_no;
		r->code = code;
		put(r->proto, sizeof r->proto, s, proto);
		put(r->reason, sizeof r->reason, reason, reason_len);
		put(r->method, sizeof r->method, p->method, strlen(p->method));
		p->in_head = true;
		return;
	}
	if (!p->in_head)
		return;
	if (n == 0) {
		p->in_head = false;
		return;
	}
	if (s[0] == ' ' || s[0] == '\t')
		return; /* obsolete line folding: a continuation, not a header */
	header(current(p), s, n);
}

/* ---- dates and numbers ---- */

static long long days_from_civil(long long y, int m, int d)
{
	/* Howard Hinnant's algorithm: days since 1970-01-01, proleptic Gregorian. */
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int month_of(const char *s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

	for (int m = 0; m < 12; m++)
		if (strncmp(s, months + 3 * m, 3) == 0)
			return m + 1;
	return 0;
}

/* Digits s[*i..) into *v (at most `max` of them); false when none. */
static bool number(const char *s, size_t n, size_t *i, int max, long long *v)
{
	int k = 0;

	*v = 0;
	while (*i < n && k < max && is_digit(s[*i])) {
		*v = *v * 10 + (s[(*i)++] - '0');
		k++;
	}
	return k > 0;
}

/*
 * The three forms of RFC 9110 §5.6.7, read by their parts: a day of the
 * month, a month name, a year, hh:mm:ss, in whatever order the form puts them
 * (the weekday is skipped; "GMT" is required except in asctime form).
 */
bool hc_http_date(const char *s, size_t n, long long *out)
{
	long long day = -1, year = -1, hh = -1, mm = -1, ss = -1, v;
	int month = 0;
	bool gmt = false, asctime = false;
	size_t i = 0;

	while (i < n) {
		char c = s[i];

		if (c == ' ' || c == ',' || c == '-') {
			i++;
		} else if (is_digit(c)) {
			size_t start = i;

			if (!number(s, n, &i, 4, &v) || (i < n && is_digit(s[i])))
				return false;
			if (i < n && s[i] == ':') {
				if (hh >= 0)
					return false;
				hh = v;
				i++;
				if (!number(s, n, &i, 2, &mm) || i >= n || s[i] != ':')
					return false;
				i++;
				if (!number(s, n, &i, 2, &ss))
					return false;
			} else if (i - start <= 2 && day < 0) {
				day = v;
			} else if (year < 0) {
				year = i - start == 2 ? (v < 70 ? 2000 + v : 1900 + v) : v;
			} else {
				return false;
			}
		} else if (c >= 'A' && c <= 'Z') {
			size_t start = i;

			while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
				i++;
			if (i - start == 3 && strncmp(s + start, "GMT", 3) == 0) {
				gmt = true;
			} else if (i - start == 3 && month_of(s + start)) {
				if (month)
					return false;
				month = month_of(s + start);
				/* asctime puts the month before the day */
				if (day < 0)
					asctime = true;
			} else if (i - start < 3 || i - start > 9 || month) {
				return false; /* the weekday comes first, once */
			}
		} else {
			return false;
		}
	}
	if (day < 1 || day > 31 || month == 0 || year < 1900 || year > 9999 || hh < 0 || hh > 23 ||
	    mm > 59 || ss > 60 || (!gmt && !asctime))
		return false;
	*out = days_from_civil(year, month, (int)day) * 86400 + hh * 3600 + mm * 60 + ss;
	return true;
}

/* delta-seconds: digits only. */
static bool seconds(const char *s, long long *out)
{
	size_t n = strlen(s), i = 0;

	if (n == 0 || n > 15)
		return false;
	return number(s, n, &i, 15, out) && i == n;
}

/* "bytes 0-499/1234", "bytes 0-499/(star)", "bytes (star)/1234". */
static bool content_range(const char *s, long long *first, long long *last, long long *len)
{
	size_t n = strlen(s), i = 0;

	if (n < 7 || strncasecmp(s, "bytes ", 6) != 0)
		return false;
	i = 6;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == '*') {
		*first = *last = -1;
		i++;
	} else {
		if (!number(s, n, &i, 18, first) || i >= n || s[i] != '-')
			return false;
		i++;
		if (!number(s, n, &i, 18, last) || *last < *first)
			return false;
	}
	if (i >= n || s[i] != '/')
		return false;
	i++;
	if (i < n && s[i] == '*' && i + 1 == n && *first >= 0) {
		*len = -1;
		return true;
	}
	if (!number(s, n, &i, 18, len) || i != n)
		return false;
	return *first < 0 || *last < *len;
}

/* ---- checks ---- */

static size_t add(struct hc_finding *out, size_t k, size_t max, enum hc_fact f, bool problem,
                  long long a, long long b, long long c)
{
	if (k < max)
		out[k] = (struct hc_finding){ f, problem, { a, b, c } };
	return k + 1;
}

static bool is_redirect(int code)
{
	return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
}

bool hc_redirect_is_permanent(int code)
{
	return code == 301 || code == 308;
}

size_t hc_resp_check(const struct hc_response *r, struct hc_finding *out, size_t max)
{
	size_t k = 0;
	long long a, b, c;

	if (r->code < 100 || r->code > 599)
		return add(out, k, max, HC_FACT_NOT_A_STATUS, true, r->code, 0, 0);
	if (is_redirect(r->code))
		k = r->has[HC_HDR_LOCATION] ? add(out, k, max, HC_FACT_LOCATION, false, 0, 0, 0)
		                            : add(out, k, max, HC_FACT_NO_LOCATION, true, 0, 0, 0);
	else if (r->has[HC_HDR_LOCATION] && (r->code == 201 || r->code == 300))
		k = add(out, k, max, HC_FACT_LOCATION, false, 0, 0, 0);
	if (r->code == 401 && !r->has[HC_HDR_WWW_AUTHENTICATE])
		k = add(out, k, max, HC_FACT_NO_WWW_AUTHENTICATE, true, 0, 0, 0);
	if (r->code == 407 && !r->has[HC_HDR_PROXY_AUTHENTICATE])
		k = add(out, k, max, HC_FACT_NO_PROXY_AUTHENTICATE, true, 0, 0, 0);
	if (r->code == 405 && !r->has[HC_HDR_ALLOW])
		k = add(out, k, max, HC_FACT_NO_ALLOW, true, 0, 0, 0);
	if (r->has[HC_HDR_RETRY_AFTER]) {
		const char *v = r->value[HC_HDR_RETRY_AFTER];

		if (seconds(v, &a)) {
			k = add(out, k, max, HC_FACT_RETRY_SECONDS, false, a, 0, 0);
		} else if (hc_http_date(v, strlen(v), &a)) {
			if (r->has[HC_HDR_DATE] &&
			    hc_http_date(r->value[HC_HDR_DATE], strlen(r->value[HC_HDR_DATE]), &b))
				k = add(out, k, max, HC_FACT_RETRY_DATE, false, a - b, 1, 0);
			else
				k = add(out, k, max, HC_FACT_RETRY_DATE, false, a, 0, 0);
		} else {
			k = add(out, k, max, HC_FACT_RETRY_BAD, true, 0, 0, 0);
		}
	} else if (r->code == 429 || r->code == 503) {
		k = add(out, k, max, HC_FACT_NO_RETRY_AFTER, false, 0, 0, 0);
	}
	if (r->code == 206) {
		if (r->has[HC_HDR_CONTENT_RANGE]) {
			if (content_range(r->value[HC_HDR_CONTENT_RANGE], &a, &b, &c) && a >= 0)
				k = add(out, k, max, HC_FACT_RANGE, false, a, b, c);
			else
				k = add(out, k, max, HC_FACT_RANGE_BAD, true, 0, 0, 0);
		} else if (r->has[HC_HDR_CONTENT_TYPE] &&
		           strncasecmp(r->value[HC_HDR_CONTENT_TYPE], "multipart/byteranges", 20) == 0) {
			k = add(out, k, max, HC_FACT_RANGE_MULTIPART, false, 0, 0, 0);
		} else {
			k = add(out, k, max, HC_FACT_NO_CONTENT_RANGE, true, 0, 0, 0);
		}
	}
	if (r->code == 416 && r->has[HC_HDR_CONTENT_RANGE]) {
		if (content_range(r->value[HC_HDR_CONTENT_RANGE], &a, &b, &c) && a < 0)
			k = add(out, k, max, HC_FACT_UNSATISFIED_RANGE, false, c, 0, 0);
		else
			k = add(out, k, max, HC_FACT_RANGE_BAD, true, 0, 0, 0);
	}
	if (r->code == 304) {
		if (r->has[HC_HDR_ETAG] || r->has[HC_HDR_LAST_MODIFIED])
			k = add(out, k, max, HC_FACT_VALIDATORS, false, r->has[HC_HDR_ETAG],
			        r->has[HC_HDR_LAST_MODIFIED], 0);
		else
			k = add(out, k, max, HC_FACT_NO_VALIDATORS, false, 0, 0, 0);
	}
	return k < max ? k : max;
}

size_t hc_chain_check(const struct hc_response *v, size_t n, struct hc_finding *out, size_t max)
{
	size_t k = 0, hops = 0, last = 0;
	bool perm = false, temp = false;

	for (size_t i = 0; i < n; i++) {
		if (v[i].code < 200)
			continue;       /* 1xx are interim, not hops */
		hops++;
		last = i;
		if (is_redirect(v[i].code)) {
			if (hc_redirect_is_permanent(v[i].code))
				perm = true;
			else
				temp = true;
		}
	}
	if (hops < 2)
		return 0;
	if (perm && temp)
		k = add(out, k, max, HC_FACT_CHAIN_MIXED, true, 0, 0, 0);
	/* The method of the next request shows what the client did. */
	for (size_t i = 0; i < n; i++) {
		size_t j = i + 1;

		if (!is_redirect(v[i].code) || !v[i].method[0])
			continue;
		while (j < n && v[j].code < 200 && !v[j].method[0])
			j++;
		if (j >= n || !v[j].method[0] || strcmp(v[i].method, v[j].method) == 0)
			continue;
		if (v[i].code == 307 || v[i].code == 308)
			k = add(out, k, max, HC_FACT_METHOD_CHANGED_BAD, true, (long long)i, 0, 0);
		else if (strcmp(v[i].method, "POST") == 0 && strcmp(v[j].method, "GET") == 0 &&
		         v[i].code != 303)
			k = add(out, k, max, HC_FACT_METHOD_CHANGED, true, (long long)i, 0, 0);
	}
	if (is_redirect(v[last].code))
		k = add(out, k, max, HC_FACT_CHAIN_UNFINISHED, false, 0, 0, 0);
	return k < max ? k : max;
}
