/* fuzz_logline.c - libFuzzer target for the access-log parsers: detection
 * and every format forced, line by line, into the counts table.
 *
 * Input: lines of a log. Each line is read by a detecting state (one per
 * input, as for a file, so that W3C #Fields carry over) and by one state per
 * forced format. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logcount.h"
#include "logfmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct hc_logline *l, size_t n)
{
	switch (l->kind) {
	case HC_LINE_STATUS:
		if (l->status < HC_CODE_MIN || l->status > HC_CODE_MAX)
			abort();
		break;
	case HC_LINE_BAD_STATUS:
		if (l->field_off > n || l->field_len > n - l->field_off || l->field_len == 0)
			abort();
		break;
	default:
		break;
	}
	if (l->upstream > HC_CODE_MAX || (l->upstream > 0 && l->upstream < HC_CODE_MIN))
		abort();
	if ((unsigned)l->fmt >= HC_FMT_COUNT)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hc_logcount c;
	struct hc_logfmt_state st[HC_FMT_COUNT];
	const char *p = (const char *)data, *end = p + size;

	hc_logcount_init(&c, 2);
	for (int f = 0; f < HC_FMT_COUNT; f++)
		hc_logfmt_init(&st[f], (enum hc_logfmt)f);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		/* a copy of exactly n bytes, so that ASan sees any overread */
		char *line = malloc(n ? n : 1);
		struct hc_logline l;

		if (!line)
			break;
		memcpy(line, p, n);
		for (int f = 0; f < HC_FMT_COUNT; f++) {
			hc_logfmt_line(&st[f], line, n, &l);
			check(&l, n);
			if (st[f].forced && l.kind != HC_LINE_META && l.kind != HC_LINE_UNKNOWN &&
			    l.fmt != (enum hc_logfmt)f)
				abort();    /* a forced format never falls back */
			if (f == 0)
				hc_logcount_add(&c, &l, st[0].fmt, line, n);
		}
		free(line);
		p = nl ? nl + 1 : end;
	}
	if (c.counted + c.no_status + c.bad_status + c.unknown + c.meta != c.lines)
		abort();
	for (int code = HC_CODE_MIN; code <= HC_CODE_MAX; code++)
		for (unsigned i = 0; i < 2; i++) {
			const char *s = hc_logcount_sample(&c, code, i);

			if (s && strlen(s) > HC_SAMPLE_LEN)
				abort();
		}
	hc_logcount_free(&c);
	return 0;
}
