/*
 * logfmt.h - find the HTTP status on one line of an access log.
 *
 * Formats: nginx and Apache common/combined (and vhost variants), JSON lines,
 * the W3C extended format with "#Fields:" headers (IIS, CloudFront), AWS
 * ALB and classic ELB, HAProxy's HTTP log. Each file gets its own state: the
 * format is settled by the first line that any parser reads, and a line the
 * settled format cannot read is tried with the others (a mixed file) and
 * counted as such. W3C is the one stateful format: "#Fields:" may change
 * mid-file, and the status column moves with it.
 *
 * Only the status field is parsed: a line is never copied, no memory is
 * allocated, and a parser never reads outside line[0..n). No curses here.
 */
#ifndef HC_LOGFMT_H
#define HC_LOGFMT_H

#include <stdbool.h>
#include <stddef.h>

enum hc_logfmt {
	HC_FMT_UNKNOWN,
	HC_FMT_CLF,             /* common and combined (nginx, Apache) */
	HC_FMT_JSON,
	HC_FMT_W3C,
	HC_FMT_ALB,             /* ALB and classic ELB */
	HC_FMT_HAPROXY,
	HC_FMT_COUNT,
};

enum hc_line_kind {
	HC_LINE_STATUS,         /* status holds 100..599 */
	HC_LINE_NO_STATUS,      /* the format's "no response": "-", "000", "-1" */
	HC_LINE_BAD_STATUS,     /* a status field that is no HTTP status ("1000", "600") */
	HC_LINE_META,           /* blank line, W3C directive: not a request */
	HC_LINE_UNKNOWN,        /* no parser could read it */
};

struct hc_logline {
	enum hc_line_kind kind;
	enum hc_logfmt fmt;     /* the parser that read it */
	int status;             /* HC_LINE_STATUS: 100..599 */
	/* ALB/ELB also log the target's status: 100..599, 0 when the target
	 * sent none ("-"), -1 when the format has no such field. */
	int upstream;
	/* HC_LINE_BAD_STATUS: where the field is, to quote it in a message. */
	size_t field_off, field_len;
};

#define HC_W3C_FIELDS_MAX 64

struct hc_logfmt_state {
	enum hc_logfmt fmt;     /* settled format, or HC_FMT_UNKNOWN */
	bool forced;            /* --format: no detection, no fallback */
	int w3c_status;         /* column of sc-status in the current #Fields, or -1 */
	bool w3c_fields_seen;
};

void hc_logfmt_init(struct hc_logfmt_state *st, enum hc_logfmt forced);

/* Read one line (without its '\n'; a trailing '\r' is allowed). */
void hc_logfmt_line(struct hc_logfmt_state *st, const char *line, size_t n,
                    struct hc_logline *out);

/* "combined", "json", "w3c", "alb", "haproxy" ("unknown"). */
const char *hc_logfmt_name(enum hc_logfmt f);

/* A --format name: the names above and the aliases common, nginx, apache,
 * clf, jsonl, iis, cloudfront, elb. */
bool hc_logfmt_parse_name(const char *s, enum hc_logfmt *out);

/* For --help and messages: "combined, json, w3c, alb, haproxy". */
const char *hc_logfmt_names(void);

#endif
