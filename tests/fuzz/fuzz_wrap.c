/* fuzz_wrap.c - libFuzzer target for the text module: wrap, clip, width,
 * sanitize and charset conversion on arbitrary bytes and widths.
 *
 * Input: first byte = width (0..255), the rest = text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct ctx {
	const char *base;
	size_t n;
	int width;
	size_t bytes;
};

static void on_line(const char *line, size_t n, void *ud)
{
	struct ctx *c = ud;

	/* A line lies inside the input... */
	if (line < c->base || line + n > c->base + c->n)
		abort();
	/* ...and fits, unless it is a single grapheme wider than the line. */
	if (hc_text_width(line, n) > c->width && hc_text_clip(line, n, c->width, NULL) != 0)
		abort();
	c->bytes += n;
}

/* The lines as (offset, length) pairs, to compare two wraps. */
struct spans {
	const char *base;
	size_t n, cap;
	size_t (*v)[2];
};

static void on_span(const char *line, size_t n, void *ud)
{
	struct spans *sp = ud;

	if (sp->n == sp->cap)
		abort();        /* more lines than bytes + 1: cannot be */
	sp->v[sp->n][0] = (size_t)(line - sp->base);
	sp->v[sp->n][1] = n;
	sp->n++;
}

/* hc_text_width by another name: hc_text_wrap_with takes its general path
 * (no ASCII fast path, a break table for every paragraph) for it. */
static int width_again(const char *s, size_t n)
{
	return hc_text_width(s, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 1;
	size_t n;
	int used;

	if (size == 0)
		return 0;
	n = size - 1;
	struct ctx c = { s, n, data[0] < 1 ? 1 : data[0], 0 };
	size_t lines = hc_text_wrap(s, n, data[0], on_line, &c);
	if (lines == 0 || c.bytes > n)
		abort();

	/* The fast paths (ASCII graphemes, a paragraph that fits) wrap
	 * exactly as the general one. */
	struct spans fast = { s, 0, n + 2, malloc((n + 2) * sizeof *fast.v) };
	struct spans slow = { s, 0, n + 2, malloc((n + 2) * sizeof *slow.v) };
	if (fast.v && slow.v) {
		hc_text_wrap(s, n, data[0], on_span, &fast);
		hc_text_wrap_with(s, n, data[0], width_again, on_span, &slow);
		if (fast.n != slow.n || memcmp(fast.v, slow.v, fast.n * sizeof *fast.v) != 0)
			abort();
	}
	free(fast.v);
	free(slow.v);

	size_t k = hc_text_clip(s, n, data[0], &used);
	if (k > n || used > data[0] || used != hc_text_width(s, k))
		abort();

	size_t len;
	char *clean = hc_text_sanitize(s, n, &len);
	if (clean) {
		if (!hc_text_is_clean(clean, len) || strlen(clean) != len)
			abort();
		free(clean);
	}
	static const char *const charsets[] = { "UTF-8", "ANSI_X3.4-1968", "EUC-KR" };
	char *conv = hc_text_to_charset(s, n, charsets[data[0] % 3], &len);
	free(conv);
	return 0;
}
