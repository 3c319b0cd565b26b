/* logfmt.c - status extraction for each access-log format, and detection. */
#include "logfmt.h"

#include <limits.h>
#include <string.h>

static const struct {
	const char *name;
	enum hc_logfmt fmt;
} names[] = {
	{ "combined", HC_FMT_CLF },
	{ "json", HC_FMT_JSON },
	{ "w3c", HC_FMT_W3C },
	{ "alb", HC_FMT_ALB },
	{ "haproxy", HC_FMT_HAPROXY },
	/* aliases, after the canonical names so that hc_logfmt_name finds those */
	{ "common", HC_FMT_CLF },
	{ "clf", HC_FMT_CLF },
	{ "nginx", HC_FMT_CLF },
	{ "apache", HC_FMT_CLF },
	{ "jsonl", HC_FMT_JSON },
	{ "iis", HC_FMT_W3C },
	{ "cloudfront", HC_FMT_W3C },
	{ "elb", HC_FMT_ALB },
};

const char *hc_logfmt_name(enum hc_logfmt f)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].fmt == f)
			return names[i].name;
	return "unknown";
}

bool hc_logfmt_parse_name(const char *s, enum hc_logfmt *out)
{
	for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].fmt;
			return true;
		}
	}
	return false;
}

const char *hc_logfmt_names(void)
{
	return "combined (common, nginx, apache), json, w3c (iis, cloudfront), alb (elb), haproxy";
}

void hc_logfmt_init(struct hc_logfmt_state *st, enum hc_logfmt forced)
{
	*st = (struct hc_logfmt_state){ .fmt = forced, .forced = forced != HC_FMT_UNKNOWN,
	                                .w3c_status = -1 };
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A status field: "404"; "-", "000", "0" and "-1" (what servers write when no
 * response was sent); any other run of digits is a bad status. Anything else
 * is not a status field at all, and the line is not in this format.
 */
static bool status_field(const char *p, size_t len, struct hc_logline *o)
{
	int v = 0;

	o->field_off = 0;
	o->field_len = len;
	if ((len == 1 && p[0] == '-') || (len == 2 && p[0] == '-' && p[1] == '1')) {
		o->kind = HC_LINE_NO_STATUS;
		return true;
	}
	if (len == 0 || len > 12)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!is_digit(p[i]))
			return false;
		if (i < 4)
			v = v * 10 + (p[i] - '0');
	}
	if (v == 0 && (len == 1 || len == 3)) {
		o->kind = HC_LINE_NO_STATUS;
	} else if (len == 3 && v >= 100 && v <= 599) {
		o->kind = HC_LINE_STATUS;
		o->status = v;
	} else {
		o->kind = HC_LINE_BAD_STATUS;
	}
	return true;
}

/* status_field on line[a..b), recording the offset for messages. */
static bool status_at(const char *line, const char *a, const char *b, struct hc_logline *o)
{
	if (!status_field(a, (size_t)(b - a), o))
		return false;
	o->field_off = (size_t)(a - line);
	return true;
}

/* True when the quote at q is escaped by an odd run of backslashes. */
static bool escaped(const char *start, const char *q)
{
	size_t k = 0;

	while (q > start && q[-1] == '\\') {
		q--;
		k++;
	}
	return k % 2 == 1;
}

/*
 * host ident user [date] "request" status bytes ["referer" "agent" ...]
 * The request may hold spaces and (escaped) quotes: the status is the token
 * after the first unescaped `" ` that is followed by a status field.
 */
static bool parse_clf(const char *s, size_t n, struct hc_logline *o)
{
	const char *end = s + n, *b, *e, *q;

	if (n < 12 || s[0] == ' ')
		return false;
	b = memchr(s, '[', n);
	if (!b || b == s || b[-1] != ' ')
		return false;
	/* the usual "[10/Oct/2000:13:55:36 -0700]" without a search */
	e = end - b > 27 && b[27] == ']' ? b + 27 : memchr(b, ']', (size_t)(end - b));
	/* "[10/Oct/2000:13:55:36 -0700]" is 28 bytes; allow other precisions */
	if (!e || e - b < 10 || e - b > 48 || end - e < 4 || e[1] != ' ' || e[2] != '"')
		return false;
	for (q = e + 3; q < end;) {
		const char *c = memchr(q, '"', (size_t)(end - q)), *f, *fe;

		if (!c)
			return false;
		if (c + 2 < end && c[1] == ' ' && !escaped(e + 3, c)) {
			f = c + 2;
			/* three digits and a space is the usual case */
			if (end - f > 3 && f[3] == ' ' && is_digit(f[0]) && is_digit(f[1]) &&
			    is_digit(f[2]))
				fe = f + 3;
			else if (!(fe = memchr(f, ' ', (size_t)(end - f))))
				fe = end;
			if (status_at(s, f, fe, o))
				return true;
		}
		q = c + 1;
	}
	return false;
}

/* ---- JSON lines ---- */

enum { TAG_OTHER, TAG_HTTP, TAG_RESPONSE };

struct json {
	const char *p, *end, *line;
	int best_rank;
	struct hc_logline best;
};

#define JSON_DEPTH_MAX 32

static void j_ws(struct json *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

/* A string; *a..*b is its raw content (escapes not decoded). */
static bool j_string(struct json *j, const char **a, const char **b)
{
	if (j->p >= j->end || *j->p != '"')
		return false;
	*a = ++j->p;
	while (j->p < j->end && *j->p != '"') {
		if (*j->p == '\\')
			j->p++;
		j->p++;
	}
	if (j->p >= j->end)
		return false;
	*b = j->p++;
	return true;
}

static bool key_is(const char *a, const char *b, const char *name)
{
	size_t n = strlen(name);

	return (size_t)(b - a) == n && memcmp(a, name, n) == 0;
}

/* Rank of a key as the status (lower wins), or -1: the full ECS path first,
 * then shallower keys, then status_code before status before response_code. */
static int key_rank(const char *a, const char *b, int depth, int parent, int grand)
{
	if (key_is(a, b, "http.response.status_code") ||
	    (key_is(a, b, "status_code") && parent == TAG_RESPONSE && grand == TAG_HTTP))
		return 0;
	if (key_is(a, b, "status_code") || key_is(a, b, "statusCode"))
		return 1 + depth * 3;
	if (key_is(a, b, "status"))
		return 2 + depth * 3;
	if (key_is(a, b, "response_code"))
		return 3 + depth * 3;
	return -1;
}

static bool j_value(struct json *j, int depth, int parent, int grand, int rank);

static bool j_object(struct json *j, int depth, int parent, int grand)
{
	j->p++;                 /* '{' */
	j_ws(j);
	if (j->p < j->end && *j->p == '}') {
		j->p++;
		return true;
	}
	for (;;) {
		const char *a, *b;

		j_ws(j);
		if (!j_string(j, &a, &b))
			return false;
		j_ws(j);
		if (j->p >= j->end || *j->p != ':')
			return false;
		j->p++;
		j_ws(j);
		int tag = key_is(a, b, "http") ? TAG_HTTP : key_is(a, b, "response") ? TAG_RESPONSE :
		          TAG_OTHER;
		if (!j_value(j, depth + 1, tag, parent, key_rank(a, b, depth, parent, grand)))
			return false;
		j_ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == '}') {
			j->p++;
			return true;
		}
		return false;
	}
}

static void j_candidate(struct json *j, int rank, const char *a, const char *b)
{
	struct hc_logline o = { 0 };

	if (rank < 0 || rank >= j->best_rank || !status_at(j->line, a, b, &o))
		return;
	j->best_rank = rank;
	j->best = o;
}

static bool j_value(struct json *j, int depth, int parent, int grand, int rank)
{
	const char *a, *b;

	if (depth > JSON_DEPTH_MAX || j->p >= j->end)
		return false;
	switch (*j->p) {
	case '{':
		return j_object(j, depth, parent, grand);
	case '[':
		j->p++;
		j_ws(j);
		if (j->p < j->end && *j->p == ']') {
			j->p++;
			return true;
		}
		for (;;) {
			j_ws(j);
			if (!j_value(j, depth + 1, TAG_OTHER, TAG_OTHER, -1))
				return false;
			j_ws(j);
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				continue;
			}
			if (j->p < j->end && *j->p == ']') {
				j->p++;
				return true;
			}
			return false;
		}
	case '"':
		if (!j_string(j, &a, &b))
			return false;
		j_candidate(j, rank, a, b);
		return true;
	default:
		a = j->p;
		while (j->p < j->end && (is_digit(*j->p) || strchr("+-.eEtrufalsn", *j->p)))
			j->p++;
		if (j->p == a)
			return false;
		b = j->p;
		if (key_is(a, b, "null")) {
			/* "status": null - no response was sent */
			if (rank >= 0 && rank < j->best_rank) {
				j->best_rank = rank;
				j->best = (struct hc_logline){ .kind = HC_LINE_NO_STATUS,
				                               .field_off = (size_t)(a - j->line),
				                               .field_len = 4 };
			}
		} else if (!key_is(a, b, "true") && !key_is(a, b, "false"))
			j_candidate(j, rank, a, b);
		return true;
	}
}

static bool parse_json(const char *s, size_t n, struct hc_logline *o)
{
	struct json j = { .p = s, .end = s + n, .line = s, .best_rank = INT_MAX };

	j_ws(&j);
	if (j.p >= j.end || *j.p != '{' || !j_object(&j, 0, TAG_OTHER, TAG_OTHER))
		return false;
	j_ws(&j);
	if (j.p != j.end)
		return false;
	if (j.best_rank == INT_MAX) {
		o->kind = HC_LINE_UNKNOWN;
		return true;
	}
	*o = j.best;
	o->upstream = -1;
	return true;
}

/* ---- W3C extended (IIS, CloudFront) ---- */

static bool starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && memcmp(s, prefix, k) == 0;
}

static bool w3c_directive(struct hc_logfmt_state *st, const char *s, size_t n,
                          struct hc_logline *o)
{
	static const char *const directives[] = {
		"#Version:", "#Software:", "#Date:", "#Start-Date:", "#End-Date:", "#Remark:",
	};
	const char *end = s + n, *p;
	int col = 0;

	if (starts(s, n, "#Fields:")) {
		st->w3c_fields_seen = true;
		st->w3c_status = -1;
		for (p = s + 8; p < end;) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			const char *a = p;
			while (p < end && *p != ' ' && *p != '\t')
				p++;
			if (p == a)
				break;
			if (key_is(a, p, "sc-status")) {
				st->w3c_status = col;
				break;
			}
			col++;
		}
		o->kind = HC_LINE_META;
		return true;
	}
	for (size_t i = 0; i < sizeof directives / sizeof directives[0]; i++) {
		if (starts(s, n, directives[i])) {
			o->kind = HC_LINE_META;
			return true;
		}
	}
	return false;
}

static bool parse_w3c(struct hc_logfmt_state *st, const char *s, size_t n, struct hc_logline *o)
{
	const char *end = s + n, *p = s;
	char sep;

	if (n > 0 && s[0] == '#')
		return w3c_directive(st, s, n, o);
	if (!st->w3c_fields_seen)
		return false;
	if (st->w3c_status < 0) {
		o->kind = HC_LINE_UNKNOWN;
		return true;
	}
	/* CloudFront separates with tabs (its values may hold spaces), IIS
	 * with spaces. */
	sep = memchr(s, '\t', n) ? '\t' : ' ';
	for (int col = 0; col < st->w3c_status; col++) {
		p = memchr(p, sep, (size_t)(end - p));
		if (!p)
			return false;
		p++;
	}
	const char *fe = memchr(p, sep, (size_t)(end - p));
	return status_at(s, p, fe ? fe : end, o);
}

/* ---- AWS ALB and classic ELB ---- */

/* Up to `max` space-separated tokens before the first quote. */
static int tokens(const char *s, size_t n, const char *a[], const char *b[], int max)
{
	const char *end = s + n, *p = s;
	int k = 0;

	while (k < max && p < end && *p != '"') {
		const char *sp = memchr(p, ' ', (size_t)(end - p));

		a[k] = p;
		b[k] = sp ? sp : end;
		k++;
		if (!sp)
			break;
		p = sp + 1;
	}
	return k;
}

static bool iso_time(const char *a, const char *b)
{
	return b - a >= 20 && is_digit(a[0]) && a[4] == '-' && a[10] == 'T' && b[-1] == 'Z';
}

static bool timing(const char *a, const char *b)
{
	return b > a && (is_digit(*a) || (*a == '-' && b - a == 2 && a[1] == '1'));
}

static bool parse_alb(const char *s, size_t n, struct hc_logline *o)
{
	const char *a[11], *b[11];
	int k = tokens(s, n, a, b, 11), i;
	struct hc_logline up = { 0 };

	if (k >= 11 && (key_is(a[0], b[0], "http") || key_is(a[0], b[0], "https") ||
	                key_is(a[0], b[0], "h2") || key_is(a[0], b[0], "grpcs") ||
	                key_is(a[0], b[0], "ws") || key_is(a[0], b[0], "wss")) &&
	    iso_time(a[1], b[1]))
		i = 8;          /* type time elb client target t1 t2 t3 elb_status target_status */
	else if (k >= 10 && iso_time(a[0], b[0]))
		i = 7;          /* time elb client backend t1 t2 t3 elb_status backend_status */
	else
		return false;
	if (!timing(a[i - 3], b[i - 3]) || !timing(a[i - 2], b[i - 2]) || !timing(a[i - 1], b[i - 1]))
		return false;
	if (!status_at(s, a[i], b[i], o) || !status_at(s, a[i + 1], b[i + 1], &up))
		return false;
	o->upstream = up.kind == HC_LINE_STATUS ? up.status : 0;
	return true;
}

/* ---- HAProxy HTTP log ---- */

/* TR/Tw/Tc/Tr/Ta (4 to 7 signed numbers, '+' when logged early). */
static bool timers(const char *a, const char *b)
{
	int parts = 1;

	if (a < b && *a == '+')
		a++;
	if (a >= b)
		return false;
	for (const char *p = a; p < b; p++) {
		if (*p == '/')
			parts++;
		else if (!is_digit(*p) && *p != '-' && *p != '+')
			return false;
	}
	return parts >= 4 && parts <= 7;
}

static bool parse_haproxy(const char *s, size_t n, struct hc_logline *o)
{
	const char *end = s + n, *b = s, *e;
	const char *ta[5], *tb[5];

	/* the accept date: " [06/Feb/2009:12:14:14.655] " */
	for (;;) {
		b = memchr(b, '[', (size_t)(end - b));
		if (!b)
			return false;
		/* the usual "[10/Oct/2000:13:55:36 -0700]" without a search */
	e = end - b > 27 && b[27] == ']' ? b + 27 : memchr(b, ']', (size_t)(end - b));
		if (!e)
			return false;
		if (b > s && b[-1] == ' ' && e - b >= 20 && e - b <= 32 && b[3] == '/' &&
		    end - e > 2 && e[1] == ' ' && e[2] != '"')
			break;
		b = e;
	}
	if (tokens(e + 2, (size_t)(end - e - 2), ta, tb, 5) < 4)
		return false;
	if (!memchr(ta[1], '/', (size_t)(tb[1] - ta[1])) || !timers(ta[2], tb[2]))
		return false;
	return status_at(s, ta[3], tb[3], o);
}

/* ---- detection ---- */

static bool parse_as(struct hc_logfmt_state *st, enum hc_logfmt f, const char *s, size_t n,
                     struct hc_logline *o)
{
	bool ok = false;

	switch (f) {
	case HC_FMT_CLF:
		ok = parse_clf(s, n, o);
		break;
	case HC_FMT_JSON:
		ok = parse_json(s, n, o);
		break;
	case HC_FMT_W3C:
		ok = parse_w3c(st, s, n, o);
		break;
	case HC_FMT_ALB:
		ok = parse_alb(s, n, o);
		break;
	case HC_FMT_HAPROXY:
		ok = parse_haproxy(s, n, o);
		break;
	case HC_FMT_UNKNOWN:
	case HC_FMT_COUNT:
		break;
	}
	if (ok)
		o->fmt = f;
	else    /* a parser may have filled fields before it gave up */
		*o = (struct hc_logline){ .kind = HC_LINE_UNKNOWN, .upstream = -1 };
	return ok;
}

/* Most specific first: each later parser would misread fewer of the
 * earlier formats' lines than the other way round. */
static const enum hc_logfmt order[] = {
	HC_FMT_JSON, HC_FMT_W3C, HC_FMT_ALB, HC_FMT_HAPROXY, HC_FMT_CLF,
};

void hc_logfmt_line(struct hc_logfmt_state *st, const char *s, size_t n, struct hc_logline *o)
{
	*o = (struct hc_logline){ .kind = HC_LINE_UNKNOWN, .upstream = -1 };
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0 || s[0] == ' ' || s[0] == '\t') {
		size_t i = 0;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == n) {
			o->kind = HC_LINE_META;
			return;
		}
	}
	if (st->fmt != HC_FMT_UNKNOWN) {
		if (parse_as(st, st->fmt, s, n, o) || st->forced)
			return;
	}
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (order[i] == st->fmt)
			continue;
		*o = (struct hc_logline){ .kind = HC_LINE_UNKNOWN, .upstream = -1 };
		if (parse_as(st, order[i], s, n, o)) {
			if (st->fmt == HC_FMT_UNKNOWN)
				st->fmt = order[i];
			return;
		}
	}
	*o = (struct hc_logline){ .kind = HC_LINE_UNKNOWN, .upstream = -1 };
}
