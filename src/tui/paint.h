/*
 * paint.h - write UTF-8 text into a run of cells, clipped by display width.
 *
 * Every string the browser shows goes through a pen: it is clipped by grapheme
 * and width first, then written as wide characters, so a wide character is
 * never split or wrapped at the right edge. Widths here are wcwidth()'s, the
 * ones ncurses places characters by (hc_text_width's libunistring widths
 * differ on a few code points). In a locale that is
 * not UTF-8 the text is transliterated (to ASCII under LANG=C) so that no
 * mojibake reaches the terminal.
 */
#ifndef HC_TUI_PAINT_H
#define HC_TUI_PAINT_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

/* A rectangle of cells on stdscr. */
struct hc_rect {
	int y, x, h, w;
};

/* Writes on row y from column x up to (not including) column end. */
struct hc_pen {
	int y, x, end;
};

void hc_paint_set_utf8(bool utf8);

/* Display width of s[0..n) as the pen would draw it. */
int hc_paint_width(const char *s, size_t n);
int hc_paint_swidth(const char *s);

/* Byte length of the longest prefix of s[0..n) that fits in cols cells. */
size_t hc_paint_clip(const char *s, size_t n, int cols, int *used);

/* Bytes of the grapheme cluster at s[0..n) (at least 1 when n > 0): a piece
 * of text drawn with its own attributes should start and end on these. */
size_t hc_paint_grapheme(const char *s, size_t n);

struct hc_pen hc_pen_at(int y, int x, int w);

/* Write as much of s[0..n) as fits; returns the cells written. */
int hc_pen_put(struct hc_pen *p, const char *s, size_t n, attr_t attr);
int hc_pen_puts(struct hc_pen *p, const char *s, attr_t attr);

/* Write spaces up to the end (or n cells, whichever is less). */
void hc_pen_fill(struct hc_pen *p, attr_t attr);
void hc_pen_pad(struct hc_pen *p, int n, attr_t attr);

/* Fill a rectangle with spaces. */
void hc_paint_clear(struct hc_rect r, attr_t attr);

#endif
