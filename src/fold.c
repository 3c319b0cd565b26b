/*
 * fold.c - NFC + case folding with offset maps (fold.h).
 */
#include "fold.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "chars.h"
#include "hangul.h"
#include "utf8.h"

#define FOLD_FULL ((size_t)-1)
#define FOLD_NOMEM ((size_t)-2)

static const uint8_t *grapheme_end(const uint8_t *g, const uint8_t *end)
{
	return g + hc_utf8_grapheme((const char *)g, (size_t)(end - g));
}

static bool is_syllable_at(const uint8_t *g, size_t n)
{
	hc_uc c;
	bool bad;

	return n == 3 && hc_utf8_decode((const char *)g, 3, &c, &bad) == 3 && !bad &&
	       hc_uc_is_syllable(c);
}

/* Folds one grapheme into out. Returns its length, FOLD_FULL when it does
 * not fit in room, or FOLD_NOMEM. */
static size_t fold_grapheme(const uint8_t *g, size_t n, uint8_t *out,
                            size_t room)
{
	static const uint8_t replacement[3] = { 0xEF, 0xBF, 0xBD };
	uint8_t buf[64];
	size_t len = sizeof buf;
	const uint8_t *r;
	uint8_t *folded;

	if (n == 1 && g[0] < 0x80) {
		if (room < 1)
			return FOLD_FULL;
		out[0] = g[0] >= 'A' && g[0] <= 'Z' ? (uint8_t)(g[0] + 32) : g[0];
		return 1;
	}
	if (is_syllable_at(g, n)) {
		r = g;          /* Hangul has no case and is already NFC */
		len = n;
		folded = NULL;
	} else {
		folded = u8_casefold(g, n, NULL, UNINORM_NFC, buf, &len);
		if (!folded && errno == ENOMEM)
			return FOLD_NOMEM;
		r = folded;
		if (!folded) {  /* invalid bytes (only in a broken table) */
			r = replacement;
			len = sizeof replacement;
		}
	}
	if (len <= room)
		memcpy(out, r, len);
	if (folded && folded != buf)
		free(folded);
	return len <= room ? len : FOLD_FULL;
}

static bool same_layout(const uint8_t *a, size_t an, const uint8_t *b,
                        size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
		if (hc_utf8_is_continuation(a[i]) != hc_utf8_is_continuation(b[i]))
			return false;
	return true;
}

/* Where each folded byte of a grapheme at orig [os, oe) points back to. A
 * grapheme whose layout changed is highlighted whole or not at all. */
static void record_map(struct hc_fold *f, size_t os, size_t oe, size_t k,
                       bool same)
{
	for (size_t i = 0; i < k; i++) {
		size_t at = f->len + i;

		if (same) {
			f->lo[at] = f->hi[at] = (uint16_t)(os + i);
		} else {
			f->lo[at] = (uint16_t)os;
			f->hi[at] = (uint16_t)(i == 0 ? os : oe);
		}
	}
}

/* Folds s[0..n) into f. Returns 0, 1 when f->out filled up (the text is cut
 * at a grapheme), or -1 when out of memory. */
int hc_fold_text(const uint8_t *s, size_t n, struct hc_fold *f)
{
	const uint8_t *g = s, *end = s + n;
	int ret = 0;

	f->len = 0;
	f->linear = true;
	while (g < end) {
		const uint8_t *next = grapheme_end(g, end);
		size_t gn = (size_t)(next - g);
		size_t k = fold_grapheme(g, gn, f->out + f->len, f->cap - f->len);
		bool same;

		if (k == FOLD_NOMEM)
			return -1;
		if (k == FOLD_FULL) {
			ret = 1;
			break;
		}
		same = same_layout(g, gn, f->out + f->len, k);
		if (f->lo)
			record_map(f, (size_t)(g - s), (size_t)(next - s), k, same);
		f->linear = f->linear && same;
		f->len += k;
		g = next;
	}
	if (f->lo)
		f->lo[f->len] = f->hi[f->len] = (uint16_t)(g - s);
	return ret;
}
