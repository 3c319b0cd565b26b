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
