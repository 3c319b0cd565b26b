/*
 * fold.h - fold text for matching: NFC + Unicode case folding, with a map
 * from folded offsets back to the original.
 *
 * No curses. Text is folded one grapheme at a time (u8_casefold with
 * UNINORM_NFC; ASCII and Hangul syllables by a fast path that gives the
 * same bytes). A grapheme whose folding keeps its byte layout maps byte for
 * byte; one that changes it (ß → ss, NFD → NFC) maps as a whole, so that a
 * span mapped back always covers whole characters of the original.
 */
#ifndef HC_FOLD_H
#define HC_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hc_fold {
	uint8_t *out;                   /* cap bytes */
	uint16_t *lo, *hi;              /* cap + 1 entries each, or both NULL (no
	                                   map): folded offset → original offset
	                                   for a span's start (lo) and end (hi) */
	size_t cap, len;
	bool linear;                    /* every grapheme kept its byte layout */
};

/* Folds s[0..n) into f->out (f->len bytes, not NUL-terminated). Returns 0,
 * 1 when out filled up (the text is cut at a grapheme), or -1 when out of
 * memory. Invalid UTF-8 folds to U+FFFD. With a map, n must be < 65536. */
int hc_fold_text(const uint8_t *s, size_t n, struct hc_fold *f);

#endif
