/*
 * logcount.h - the counts of one or more logs: lines per status code, the
 * lines that carried no status or could not be read, and a few sample lines
 * per code.
 *
 * Fixed size whatever the input (arrays indexed by code); samples, when
 * asked for, are kept as raw bytes cut to HC_SAMPLE_LEN: whoever shows one
 * cleans it first (hc_text_sanitize), since a log line may hold anything.
 * Used by the CLI's --count and by the browser's log lens; no curses here.
 */
#ifndef HC_LOGCOUNT_H
#define HC_LOGCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "logfmt.h"

#define HC_CODE_MIN 100
#define HC_CODE_MAX 599
#define HC_CODE_SLOTS (HC_CODE_MAX + 1)
#define HC_SAMPLE_LEN 240

struct hc_logcount {
	uint64_t code[HC_CODE_SLOTS];     /* lines by status (100..599) */
	/* ALB/ELB: the target's status beside the load balancer's */
	uint64_t target[HC_CODE_SLOTS];
	uint64_t target_none;             /* ... and "-": the target sent nothing */
	uint64_t lines;                   /* every line seen, read or not */
	uint64_t counted;                 /* lines with a status (sum of code[]) */
	uint64_t no_status;               /* "-", "000", "-1": no response was sent */
	uint64_t bad_status;              /* a status field that is no HTTP status */
	uint64_t unknown;                 /* lines no parser could read */
	uint64_t meta;                    /* blank lines, W3C directives */
	uint64_t long_lines;              /* skipped by the reader (see logscan.h) */
	uint64_t other_format;            /* read by another parser than the file's */
	uint64_t by_format[HC_FMT_COUNT];
	/* samples: up to sample_max per code, HC_SAMPLE_LEN bytes each */
	unsigned sample_max;
	unsigned char *n_samples;         /* [HC_CODE_SLOTS] */
	char *samples;                    /* [HC_CODE_SLOTS][sample_max][HC_SAMPLE_LEN + 1] */
};

/* samples_per_code 0: no samples and no allocation. False when out of memory. */
bool hc_logcount_init(struct hc_logcount *c, unsigned samples_per_code);
void hc_logcount_free(struct hc_logcount *c);

/* Count one line as read by hc_logfmt_line (line[0..n) for the samples).
 * file_fmt is the file's settled format, to tell a mixed-in line. */
static inline void hc_logcount_add(struct hc_logcount *c, const struct hc_logline *l,
                                   enum hc_logfmt file_fmt, const char *line, size_t n);

/* Lines the reader skipped as too long. */
void hc_logcount_add_long(struct hc_logcount *c, uint64_t n);

/* into += from (samples too, while there is room). */
void hc_logcount_merge(struct hc_logcount *into, const struct hc_logcount *from);

/* Sample i of a code, NUL-terminated raw bytes, or NULL. */
const char *hc_logcount_sample(const struct hc_logcount *c, int code, unsigned i);

/* Lines read but not counted by code: never silently dropped. */
uint64_t hc_logcount_not_read(const struct hc_logcount *c);

/* Sum of code[] over a class digit 1..5. */
uint64_t hc_logcount_class(const struct hc_logcount *c, int digit);

/* Keep a sample (called by hc_logcount_add). */
void hc_logcount_sample_add(struct hc_logcount *c, int code, const char *line, size_t n);

/* Inline: this is the one call per line on the hot path. */
static inline void hc_logcount_add(struct hc_logcount *c, const struct hc_logline *l,
                                   enum hc_logfmt file_fmt, const char *line, size_t n)
{
	c->lines++;
	switch (l->kind) {
	case HC_LINE_STATUS:
		c->code[l->status]++;
		c->counted++;
		if (c->sample_max && c->n_samples[l->status] < c->sample_max)
			hc_logcount_sample_add(c, l->status, line, n);
		break;
	case HC_LINE_NO_STATUS:
		c->no_status++;
		break;
	case HC_LINE_BAD_STATUS:
		c->bad_status++;
		break;
	case HC_LINE_META:
		c->meta++;
		return;
	case HC_LINE_UNKNOWN:
		c->unknown++;
		return;
	}
	c->by_format[l->fmt]++;
	if (l->fmt != file_fmt)
		c->other_format++;
	if (l->upstream > 0)
		c->target[l->upstream]++;
	else if (l->upstream == 0)
		c->target_none++;
}

#endif
