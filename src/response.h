/*
 * response.h - read HTTP response heads as people paste them, and say what
 * their headers mean for the status.
 *
 * Input is fed line by line: `curl -sI` and `curl -sIL` output (one head or a
 * chain of them), `curl -v` output (response lines prefixed "< ", request
 * lines "> ", which show the method of each hop, info lines "* "), status
 * lines of HTTP/1.0, 1.1, "HTTP/2 404" and "HTTP/3 200", with or without a
 * reason phrase, CRLF or LF. Anything between heads (bodies, prose) is
 * skipped. At most HC_RESP_MAX heads are kept (the rest are counted); header
 * values are kept as raw bytes cut to HC_RESP_VALUE_MAX, to be cleaned by
 * whoever shows them. Only the headers the checks need are kept.
 *
 * The checks (hc_resp_check, hc_chain_check) return facts as ids and
 * numbers; the words, in either language, are the CLI's. No curses here.
 */
#ifndef HC_RESPONSE_H
#define HC_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HC_RESP_MAX 32
#define HC_RESP_VALUE_MAX 256

enum hc_hdr {
	HC_HDR_LOCATION,
	HC_HDR_WWW_AUTHENTICATE,
	HC_HDR_PROXY_AUTHENTICATE,
	HC_HDR_ALLOW,
	HC_HDR_RETRY_AFTER,
	HC_HDR_CONTENT_RANGE,
	HC_HDR_CONTENT_TYPE,
	HC_HDR_ETAG,
	HC_HDR_LAST_MODIFIED,
	HC_HDR_DATE,
	HC_HDR_CACHE_CONTROL,
	HC_HDR_COUNT,
};

/* "Location", ... as written in the RFCs. */
const char *hc_hdr_name(enum hc_hdr h);

struct hc_response {
	uint64_t line;                  /* line number of the status line */
	char proto[16];                 /* "HTTP/1.1", "HTTP/2" */
	int code;                       /* 100..999 as written */
	char reason[80];                /* may be empty (HTTP/2 has none) */
	char method[16];                /* the request's, when the input shows it ("> POST") */
	unsigned n_headers;             /* every header line of the head */
	bool has[HC_HDR_COUNT];
	char value[HC_HDR_COUNT][HC_RESP_VALUE_MAX + 1];   /* first occurrence, cut */
};

struct hc_resp_parser {
	struct hc_response v[HC_RESP_MAX];
	size_t n;                       /* heads kept */
	size_t dropped;                 /* heads after the first HC_RESP_MAX */
	uint64_t line_no;
	bool in_head;
	struct hc_response spill;       /* where heads past the limit are parsed */
	char method[16];                /* the last request line's method */
};

void hc_resp_init(struct hc_resp_parser *p);
/* One line of input, without its '\n' (a '\r' before it is allowed). */
void hc_resp_line(struct hc_resp_parser *p, const char *line, size_t n);

/* True when s[0..n) is a status line ("HTTP/1.1 404 Not Found"), possibly
 * after a "< " prefix. */
bool hc_resp_is_status_line(const char *s, size_t n);

/* ---- checks ---- */

enum hc_fact {
	HC_FACT_NO_LOCATION,            /* a redirect without Location (problem) */
	HC_FACT_LOCATION,               /* info: where it points */
	HC_FACT_NO_WWW_AUTHENTICATE,    /* 401 without it (problem) */
	HC_FACT_NO_PROXY_AUTHENTICATE,  /* 407 without it (problem) */
	HC_FACT_NO_ALLOW,               /* 405 without Allow (problem) */
	HC_FACT_RETRY_SECONDS,          /* n[0] seconds */
	HC_FACT_RETRY_DATE,             /* n[0] seconds after Date (n[1] = 1), or n[1] = 0: no Date */
	HC_FACT_RETRY_BAD,              /* a Retry-After that is neither (problem) */
	HC_FACT_NO_RETRY_AFTER,         /* 429/503 without it (note) */
	HC_FACT_RANGE,                  /* n[0]-n[1] of n[2] (-1: length unknown) */
	HC_FACT_RANGE_MULTIPART,        /* 206 as multipart/byteranges */
	HC_FACT_NO_CONTENT_RANGE,       /* 206 with neither (problem) */
	HC_FACT_RANGE_BAD,              /* a Content-Range that cannot be read (problem) */
	HC_FACT_UNSATISFIED_RANGE,      /* 416: "bytes *\/n[0]" */
	HC_FACT_VALIDATORS,             /* 304: n[0] = has ETag, n[1] = has Last-Modified */
	HC_FACT_NO_VALIDATORS,          /* 304 with neither (note) */
	HC_FACT_NOT_A_STATUS,           /* a code outside 100..599 (problem) */
	/* chain facts (hc_chain_check) */
	HC_FACT_CHAIN_MIXED,            /* permanent and temporary redirects in one chain */
	HC_FACT_METHOD_CHANGED,         /* n[0]: index of the 301/302/303 hop, POST -> GET */
	HC_FACT_METHOD_CHANGED_BAD,     /* n[0]: a 307/308 hop after which the method changed (problem) */
	HC_FACT_CHAIN_UNFINISHED,       /* the last response is still a redirect */
};

struct hc_finding {
	enum hc_fact fact;
	bool problem;                   /* something the code calls for is missing or wrong */
	long long n[3];
};

#define HC_FINDINGS_MAX 8

/* What the headers of r say for its code. Returns the number of findings. */
size_t hc_resp_check(const struct hc_response *r, struct hc_finding *out, size_t max);

/* The redirect chain v[0..n): facts about the whole chain. */
size_t hc_chain_check(const struct hc_response *v, size_t n, struct hc_finding *out, size_t max);

/* True for 301 and 308 (permanent), false for the others. */
bool hc_redirect_is_permanent(int code);

/* An HTTP-date (IMF-fixdate, RFC 850 or asctime) as seconds since the
 * epoch; false when it is none of them. */
bool hc_http_date(const char *s, size_t n, long long *out);

#endif
