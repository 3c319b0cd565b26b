/*
 * search_box.c - editing and drawing the search line.
 */
#include "search_box.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "term.h"
#include "utf8.h"

bool hc_box_accepts(unsigned long cp)
{
	if (hc_uc_is_control(cp))
		return false;
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return false;
	/* Noncharacters, and invisible format characters and fillers that
	 * would make what is shown differ from what is searched (utf8.h). */
	if ((cp & 0xfffe) == 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef))
		return false;
	if (hc_uc_is_invisible(cp))
		return false;
	/* Every other default-ignorable code point (Unicode: drawn as nothing):
	 * U+034F, U+180B..U+180F, variation selectors, tag characters... */
	if (uc_is_property_default_ignorable_code_point((ucs4_t)cp))
		return false;
	return iswprint((wint_t)cp) != 0;
}

/* Largest grapheme boundary at or before pos. */
static size_t snap(const char *s, size_t len, size_t pos)
{
	const uint8_t *b = (const uint8_t *)s, *p = b, *end = b + len;

	while (p < end) {
		const uint8_t *nx = p + hc_utf8_grapheme((const char *)p, (size_t)(end - p));

		if ((size_t)(nx - b) > pos)
			break;
		p = nx;
	}
	return (size_t)(p - b);
}

/* Keep the text NFC, so that jamo typed or pasted one by one become the
 * syllable they spell. The caret follows the text before it. False (text
 * unchanged) when the NFC form does not fit or memory ran out: a character
 * such as U+095B decomposes, so NFC can be longer than what was typed. */
static bool normalize(struct hc_box *b)
{
	static uint8_t whole[HC_QUERY_MAX * 3 + 16];
	static uint8_t head[HC_QUERY_MAX * 3 + 16];
	size_t wlen = sizeof whole, hlen = sizeof head, caret, i = 0;
	uint8_t *w, *h;

	/* ASCII is its own NFC: most queries are, and then libunistring's
	 * composition tables are not read (their pages stay out of memory). */
	while (i < b->len && (unsigned char)b->q[i] < 0x80)
		i++;
	if (i == b->len)
		return true;
	w = u8_normalize(UNINORM_NFC, (const uint8_t *)b->q, b->len, whole, &wlen);
	if (!w)
		return false;
	if (wlen > HC_QUERY_MAX) {
		if (w != whole)
			free(w);
		return false;
	}
	if (b->caret == b->len) {
		caret = wlen;
	} else {
		h = u8_normalize(UNINORM_NFC, (const uint8_t *)b->q, b->caret,
		                 head, &hlen);
		caret = h && hlen <= wlen && memcmp(w, h, hlen) == 0 ? hlen : wlen;
		if (h && h != head)
			free(h);
	}
	memcpy(b->q, w, wlen);
	b->len = wlen;
	b->q[wlen] = '\0';
	b->caret = snap(b->q, b->len, caret);
	if (w != whole)
		free(w);
	return true;
}

enum hc_edit hc_box_insert(struct hc_box *b, unsigned long cp)
{
	uint8_t enc[8];
	int k;

	if (!hc_box_accepts(cp))
		return HC_EDIT_REFUSED;
	k = u8_uctomb(enc, (ucs4_t)cp, (int)sizeof enc);
	if (k <= 0)
		return HC_EDIT_REFUSED;
	if (b->len + (size_t)k > HC_QUERY_MAX)
		return HC_EDIT_FULL;
	memmove(b->q + b->caret + k, b->q + b->caret, b->len - b->caret);
	memcpy(b->q + b->caret, enc, (size_t)k);
	b->len += (size_t)k;
	b->caret += (size_t)k;
	b->q[b->len] = '\0';
	if (!normalize(b)) {
		/* Take it out again: the box never holds text that is not NFC. */
		b->caret -= (size_t)k;
		memmove(b->q + b->caret, b->q + b->caret + k, b->len - b->caret - (size_t)k);
		b->len -= (size_t)k;
		b->q[b->len] = '\0';
		return HC_EDIT_FULL;
	}
	return HC_EDIT_TEXT;
}

static void cut(struct hc_box *b, size_t from, size_t to)
{
	memmove(b->q + from, b->q + to, b->len - to);
	b->len -= to - from;
	b->q[b->len] = '\0';
	b->caret = from;
	(void)normalize(b);     /* removing characters cannot lengthen NFC */
}

enum hc_edit hc_box_backspace(struct hc_box *b)
{
	const uint8_t *s = (const uint8_t *)b->q;
	const uint8_t *p;

	if (b->caret == 0)
		return HC_EDIT_NONE;
	p = u8_grapheme_prev(s + b->caret, s);
	cut(b, p ? (size_t)(p - s) : 0, b->caret);
	return HC_EDIT_TEXT;
}

enum hc_edit hc_box_delete(struct hc_box *b)
{
	if (b->caret >= b->len)
		return HC_EDIT_NONE;
	cut(b, b->caret, b->caret + hc_utf8_grapheme(b->q + b->caret, b->len - b->caret));
	return HC_EDIT_TEXT;
}

enum hc_edit hc_box_left(struct hc_box *b)
{
	const uint8_t *s = (const uint8_t *)b->q;
	const uint8_t *p;

	if (b->caret == 0)
		return HC_EDIT_NONE;
	p = u8_grapheme_prev(s + b->caret, s);
	b->caret = p ? (size_t)(p - s) : 0;
	return HC_EDIT_CARET;
}

enum hc_edit hc_box_right(struct hc_box *b)
{
	if (b->caret >= b->len)
		return HC_EDIT_NONE;
	b->caret += hc_utf8_grapheme(b->q + b->caret, b->len - b->caret);
	return HC_EDIT_CARET;
}

enum hc_edit hc_box_home(struct hc_box *b)
{
	if (b->caret == 0)
		return HC_EDIT_NONE;
	b->caret = 0;
	return HC_EDIT_CARET;
}

enum hc_edit hc_box_end(struct hc_box *b)
{
	if (b->caret == b->len)
		return HC_EDIT_NONE;
	b->caret = b->len;
	return HC_EDIT_CARET;
}

enum hc_edit hc_box_kill_end(struct hc_box *b)
{
	if (b->caret >= b->len)
		return HC_EDIT_NONE;
	cut(b, b->caret, b->len);
	return HC_EDIT_TEXT;
}

enum hc_edit hc_box_kill_word(struct hc_box *b)
{
	size_t from = b->caret;

	if (from == 0)
		return HC_EDIT_NONE;
	/* As readline's Ctrl-W: the blanks before the caret, then the word. */
	while (from > 0 && b->q[from - 1] == ' ')
		from--;
	while (from > 0 && b->q[from - 1] != ' ')
		from--;
	cut(b, from, b->caret);
	return HC_EDIT_TEXT;
}

enum hc_edit hc_box_clear(struct hc_box *b)
{
	if (b->len == 0)
		return HC_EDIT_NONE;
	b->len = 0;
	b->caret = 0;
	b->q[0] = '\0';
	return HC_EDIT_TEXT;
}

bool hc_box_set(struct hc_box *b, const char *s, size_t n)
{
	bool all = true;
	size_t i = 0;

	hc_box_clear(b);
	while (i < n) {
		hc_uc uc;
		bool bad;

		i += hc_utf8_decode(s + i, n - i, &uc, &bad);
		if (bad) {
			all = false;
			continue;
		}
		/* Control characters and tabs become word breaks. */
		if (uc == '\t' || uc == '\n' || uc == '\r')
			uc = ' ';
		switch (hc_box_insert(b, uc)) {
		case HC_EDIT_FULL:
			return false;
		case HC_EDIT_REFUSED:
			all = false;
			break;
		default:
			break;
		}
	}
	return all;
}

void hc_box_draw(const struct hc_box *b, struct hc_rect r, bool focused,
                 int *cursor_x)
{
	hc_box_draw_as(b, r, focused, "Search: ",
	               "press / or a digit to search, ? for help", cursor_x);
}

void hc_box_draw_as(const struct hc_box *b, struct hc_rect r, bool focused,
                    const char *label, const char *idle, int *cursor_x)
{
	struct hc_pen p = hc_pen_at(r.y, r.x, r.w);
	int avail, caret_w;
	size_t start = 0;

	hc_pen_puts(&p, label, hc_term_accent_attr());
	if (!focused && b->len == 0) {
		hc_pen_puts(&p, idle, A_NORMAL);
		*cursor_x = p.x;
		return;
	}
	/* Scroll the text so that the caret (and one cell after it) shows. */
	avail = p.end - p.x - 1;
	if (avail < 1)
		avail = 1;
	/* Drop whole graphemes from the left: widths add up, so one pass. */
	caret_w = hc_paint_width(b->q, b->caret);
	while (caret_w > avail && start < b->caret) {
		size_t next = start + hc_utf8_grapheme(b->q + start, b->caret - start);

		caret_w -= hc_paint_width(b->q + start, next - start);
		start = next;
	}
	*cursor_x = p.x + caret_w;
	hc_pen_put(&p, b->q + start, b->len - start,
	           focused ? A_BOLD : A_NORMAL);
	if (*cursor_x >= r.x + r.w)
		*cursor_x = r.x + r.w - 1;
}
