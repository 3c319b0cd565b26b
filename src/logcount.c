/* logcount.c - the counts table: allocation, samples, merging. */
#include "logcount.h"

#include <stdlib.h>
#include <string.h>

#define SAMPLE_SLOT (HC_SAMPLE_LEN + 1)

bool hc_logcount_init(struct hc_logcount *c, unsigned samples_per_code)
{
	*c = (struct hc_logcount){ 0 };
	if (samples_per_code == 0)
		return true;
	if (samples_per_code > 16)
		samples_per_code = 16;
	c->n_samples = calloc(HC_CODE_SLOTS, 1);
	c->samples = malloc((size_t)HC_CODE_SLOTS * samples_per_code * SAMPLE_SLOT);
	if (!c->n_samples || !c->samples) {
		hc_logcount_free(c);
		return false;
	}
	c->sample_max = samples_per_code;
	return true;
}

void hc_logcount_free(struct hc_logcount *c)
{
	free(c->n_samples);
	free(c->samples);
	c->n_samples = NULL;
	c->samples = NULL;
	c->sample_max = 0;
}

static char *slot(const struct hc_logcount *c, int code, unsigned i)
{
	return c->samples + ((size_t)code * c->sample_max + i) * SAMPLE_SLOT;
}

void hc_logcount_sample_add(struct hc_logcount *c, int code, const char *line, size_t n)
{
	char *s;

	if (!c->sample_max || code < 0 || code >= HC_CODE_SLOTS || c->n_samples[code] >= c->sample_max)
		return;
	if (n > HC_SAMPLE_LEN)
		n = HC_SAMPLE_LEN;
	if (n > 0 && line[n - 1] == '\r')
		n--;
	s = slot(c, code, c->n_samples[code]++);
	memcpy(s, line, n);
	s[n] = '\0';
}

const char *hc_logcount_sample(const struct hc_logcount *c, int code, unsigned i)
{
	if (!c->sample_max || code < 0 || code >= HC_CODE_SLOTS || i >= c->n_samples[code])
		return NULL;
	return slot(c, code, i);
}

void hc_logcount_add_long(struct hc_logcount *c, uint64_t n)
{
	c->lines += n;
	c->long_lines += n;
}

void hc_logcount_merge(struct hc_logcount *into, const struct hc_logcount *from)
{
	for (int i = 0; i < HC_CODE_SLOTS; i++) {
		into->code[i] += from->code[i];
		into->target[i] += from->target[i];
		for (unsigned k = 0; k < (from->sample_max ? from->n_samples[i] : 0u); k++) {
			const char *s = hc_logcount_sample(from, i, k);

			hc_logcount_sample_add(into, i, s, strlen(s));
		}
	}
	for (int f = 0; f < HC_FMT_COUNT; f++)
		into->by_format[f] += from->by_format[f];
	into->target_none += from->target_none;
	into->lines += from->lines;
	into->counted += from->counted;
	into->no_status += from->no_status;
	into->bad_status += from->bad_status;
	into->unknown += from->unknown;
	into->meta += from->meta;
	into->long_lines += from->long_lines;
	into->other_format += from->other_format;
}

uint64_t hc_logcount_not_read(const struct hc_logcount *c)
{
	return c->bad_status + c->unknown + c->long_lines;
}

uint64_t hc_logcount_class(const struct hc_logcount *c, int digit)
{
	uint64_t sum = 0;

	if (digit < 1 || digit > 5)
		return 0;
	for (int i = digit * 100; i < digit * 100 + 100; i++)
		sum += c->code[i];
	return sum;
}
