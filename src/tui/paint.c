/*
 * paint.c - clipped, width-aware text output on stdscr.
 */
#include "paint.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>


#include "utf8.h"

static bool utf8 = true;

void hc_paint_set_utf8(bool on)
{
	utf8 = on;
}

/* What one code point becomes in a locale that is not UTF-8: itself when the
 * locale can encode it, else an ASCII stand-in. */
struct cell {
	size_t bytes;           /* consumed from the source */
	int w;                  /* cells */
	wchar_t wc;             /* when ascii is NULL */
	const char *ascii;      /* else these alen bytes */
	size_t alen;
};

static const char printable[] =
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"
	"`abcdefghijklmnopqrstuvwxyz{|}~";

static const char *ascii_for(hc_uc uc)
{
	const char *a = hc_uc_ascii(uc);        /* one table with the CLI: utf8.c */

	return a ? a : "?";
}

static void next_cell(const char *s, size_t n, struct cell *c)
{
	hc_uc uc;
	bool bad;
	size_t len = hc_utf8_decode(s, n, &uc, &bad);
	char mb[MB_LEN_MAX];
	mbstate_t st;

	c->ascii = "?";
	c->alen = 1;
	c->w = 1;
	c->bytes = len;
	if (bad)
		return;
	if (uc < 0x80) {
		if (uc >= 0x20 && uc < 0x7f)
			c->ascii = printable + (uc - 0x20);
		return;
	}
	memset(&st, 0, sizeof st);
	if (uc >= 0xa0 && wcrtomb(mb, (wchar_t)uc, &st) != (size_t)-1) {
		int w = hc_uc_wcwidth(uc);

		if (w >= 0) {
			c->ascii = NULL;
			c->wc = (wchar_t)uc;
			c->w = w;
			return;
		}
	}
	c->ascii = ascii_for(uc);
	c->alen = strlen(c->ascii);
	c->w = (int)c->alen;
}

/*
 * UTF-8 locale: what put_utf8() draws for the character at s (stores its
 * length in *len): the character itself, or U+FFFD (one cell) for a byte
 * that is not UTF-8, a control character or anything wcwidth() refuses.
 */
static hc_uc shown_char(const char *s, size_t n, size_t *len)
{
	hc_uc uc;

	*len = hc_utf8_decode(s, n, &uc, NULL);
	if (hc_uc_is_control(uc) || hc_uc_wcwidth(uc) < 0)
		return 0xfffd;
	return uc;
}

/*
 * Cells of s[0..n) as ncurses will place them: by wcwidth(), which is what
 * ncurses uses. libunistring's uc_width() disagrees on ~90 code points
 * (U+4DC0 is one cell to it and two to wcwidth): a pen that measured with
 * one and drew with the other would run past its end, and a wide character
 * at the last column wraps onto the next line.
 */
static int width_utf8(const char *s, size_t n)
{
	size_t i = 0, len;
	int w = 0;

	while (i < n) {
		int cw = hc_uc_wcwidth(shown_char(s + i, n - i, &len));

		w += cw > 0 ? cw : 0;
		i += len;
	}
	return w;
}

size_t hc_paint_grapheme(const char *s, size_t n)
{
	return hc_utf8_grapheme(s, n);
}

int hc_paint_width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;

	if (utf8)
		return width_utf8(s, n);
	while (i < n) {
		struct cell c;

		next_cell(s + i, n - i, &c);
		w += c.w;
		i += c.bytes;
	}
	return w;
}

int hc_paint_swidth(const char *s)
{
	return hc_paint_width(s, strlen(s));
}

size_t hc_paint_clip(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0;
	int w = 0;

	if (cols < 0)
		cols = 0;
	while (i < n) {
		size_t k;
		int cw;

		if (utf8) {
			/* Whole graphemes: a syllable's jamo stay together. */
			k = hc_utf8_grapheme(s + i, n - i);
			cw = width_utf8(s + i, k);
		} else {
			struct cell c;

			next_cell(s + i, n - i, &c);
			k = c.bytes;
			cw = c.w;
		}
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

struct hc_pen hc_pen_at(int y, int x, int w)
{
	struct hc_pen p = { y, x, x + (w > 0 ? w : 0) };

	return p;
}

/* UTF-8 locale: the clipped bytes as wide characters (see shown_char). */
static void put_utf8(const char *s, size_t n)
{
	wchar_t buf[128];
	size_t i = 0, len;
	int k = 0;

	while (i < n) {
		buf[k++] = (wchar_t)shown_char(s + i, n - i, &len);
		i += len;
		if (k == (int)(sizeof buf / sizeof buf[0])) {
			waddnwstr(stdscr, buf, k);
			k = 0;
		}
	}
	if (k)
		waddnwstr(stdscr, buf, k);
}

/* Other locales: each character as itself or its ASCII stand-in. */
static void put_cells(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		struct cell c;

		next_cell(s + i, n - i, &c);
		if (c.ascii)
			waddnstr(stdscr, c.ascii, (int)c.alen);
		else if (c.w > 0)
			waddnwstr(stdscr, &c.wc, 1);
		i += c.bytes;
	}
}

/* wattrset(stdscr, attr) without ncurses' lib_gen.o: the function forms of
 * its macros, 8 KB of code that wattrset alone linked in and that every
 * start made resident (issue 18). Every attribute and the colour pair off,
 * then attr's on: wattr_on takes the pair from attr's A_COLOR bits, as
 * wattrset does. */
static void set_attr(attr_t attr)
{
	wattr_off(stdscr, (attr_t)~(attr_t)0, NULL);
	wattr_on(stdscr, attr, NULL);
}

int hc_pen_put(struct hc_pen *p, const char *s, size_t n, attr_t attr)
{
	int room = p->end - p->x;
	int used = 0;
	size_t len;

	if (room <= 0 || n == 0 || p->y < 0 || p->y >= LINES)
		return 0;
	len = hc_paint_clip(s, n, room, &used);
	wmove(stdscr, p->y, p->x);
	set_attr(attr);
	if (utf8)
		put_utf8(s, len);
	else
		put_cells(s, len);
	set_attr(A_NORMAL);
	p->x += used;
	return used;
}

int hc_pen_puts(struct hc_pen *p, const char *s, attr_t attr)
{
	return hc_pen_put(p, s, strlen(s), attr);
}

void hc_pen_pad(struct hc_pen *p, int n, attr_t attr)
{
	int room = p->end - p->x;

	if (n > room)
		n = room;
	if (n <= 0 || p->y < 0 || p->y >= LINES)
		return;
	mvwhline(stdscr, p->y, p->x, ' ' | attr, n);
	p->x += n;
}

void hc_pen_fill(struct hc_pen *p, attr_t attr)
{
	hc_pen_pad(p, p->end - p->x, attr);
}

void hc_paint_clear(struct hc_rect r, attr_t attr)
{
	int y;

	for (y = r.y; y < r.y + r.h; y++) {
		struct hc_pen p = hc_pen_at(y, r.x, r.w);

		hc_pen_fill(&p, attr);
	}
}
