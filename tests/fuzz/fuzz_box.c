/* fuzz_box.c - libFuzzer target for the search box's editing
 * (src/tui/search_box.c): a program of edits read from the input.
 *
 * Each step: one byte picks the edit (insert a code point from the next 3
 * bytes, insert ASCII, backspace, delete, left, right, home, end, clear, or
 * set the box from the next bytes). After every step: the text is valid
 * UTF-8, NUL-terminated, at most HC_QUERY_MAX bytes, NFC, every character in
 * it one the box accepts, and the caret inside it on a grapheme boundary. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "search_box.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		abort();
	return 0;
}

static void check(const struct hc_box *b)
{
	const uint8_t *s = (const uint8_t *)b->q, *p = s, *end = s + b->len;
	uint8_t nfc[HC_QUERY_MAX * 4];
	size_t n = sizeof nfc;
	uint8_t *r;
	bool on = b->caret == 0;

	if (b->len > HC_QUERY_MAX || b->caret > b->len || b->q[b->len] != '\0' ||
	    strlen(b->q) != b->len)
		abort();
	if (u8_check(s, b->len))
		abort();
	while (p < end) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, p, (size_t)(end - p));

		if (!hc_box_accepts(uc))
			abort();
		p += k;
	}
	/* The caret sits on a grapheme boundary. */
	for (p = s; p < end && !on;) {
		p = u8_grapheme_next(p, end);
		if (!p)
			break;
		on = (size_t)(p - s) == b->caret;
	}
	if (!on)
		abort();
	r = u8_normalize(UNINORM_NFC, s, b->len, nfc, &n);
	if (!r || n != b->len || memcmp(r, s, n) != 0)
		abort();
	if (r != nfc)
		free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hc_box box;
	size_t i = 0;

	memset(&box, 0, sizeof box);
	while (i < size) {
		uint8_t op = data[i++];
		enum hc_edit e = HC_EDIT_NONE;

		switch (op % 11) {
		case 0:
			if (i + 3 <= size) {
				unsigned long cp = ((unsigned long)data[i] << 16 |
				                    (unsigned long)data[i + 1] << 8 | data[i + 2]) % 0x110000;

				e = hc_box_insert(&box, cp);
				if (e == HC_EDIT_TEXT && !hc_box_accepts(cp))
					abort();
				i += 3;
			}
			break;
		case 1: e = hc_box_backspace(&box); break;
		case 2: e = hc_box_delete(&box); break;
		case 3: e = hc_box_left(&box); break;
		case 4: e = hc_box_right(&box); break;
		case 5: e = hc_box_home(&box); break;
		case 6: e = hc_box_end(&box); break;
		case 7: e = hc_box_clear(&box); break;
		case 8: {
			size_t n = i < size ? data[i++] : 0;

			if (n > size - i)
				n = size - i;
			hc_box_set(&box, (const char *)data + i, n);
			i += n;
			break;
		}
		default:
			/* Hangul jamo and syllables often, to exercise NFC. */
			if (i < size) {
				uint8_t c = data[i++];
				unsigned long cp = op % 11 == 9 ? 0x1100 + c % 0x80 :
				                   c < 0x80 ? c : 0xac00 + c * 37u;

				e = hc_box_insert(&box, cp);
			}
			break;
		}
		(void)e;
		check(&box);
	}
	return 0;
}
