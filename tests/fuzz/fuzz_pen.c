/* fuzz_pen.c - libFuzzer target for the pen (src/tui/paint.c): clipping and
 * widths, and what it writes on a curses screen (newterm on /dev/null).
 *
 * Input: x, width and mode bytes, then text. Invariants: the clip is a prefix
 * that fits (its width is what hc_paint_width says, never more than asked)
 * and a wider allowance never clips shorter; the pen writes only inside
 * [x, x + width) of its row: every other cell of that row and the rows
 * around it keep the sentinel drawn before. */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "paint.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ROW 5

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");

	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8") || !out || !in)
		abort();
	if (!newterm("xterm-256color", out, in))
		abort();
	return 0;
}

static bool sentinel_at(int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;

	if (mvwin_wch(stdscr, y, x, &cc) != OK)
		return false;
	if (getcchar(&cc, wc, &a, &pair, NULL) != OK)
		return false;
	return wc[0] == L'#';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t n, len, len2;
	int x, w, used = -1, used2, got, y, c;
	struct hc_pen p;

	if (size < 3)
		return 0;
	x = data[0] % COLS;
	w = data[1] % (COLS - x + 1);
	hc_paint_set_utf8(!(data[2] & 1));
	s = (const char *)data + 3;
	n = size - 3;

	len = hc_paint_clip(s, n, w, &used);
	if (len > n || used < 0 || used > w || hc_paint_width(s, len) != used)
		abort();
	if (len < n && hc_paint_grapheme(s + len, n - len) == 0)
		abort();
	len2 = hc_paint_clip(s, n, w + 1, &used2);
	if (len2 < len || used2 < used)
		abort();
	if (hc_paint_width(s, n) < 0)
		abort();

	for (y = ROW - 1; y <= ROW + 1; y++)
		mvwhline(stdscr, y, 0, '#', COLS);
	p = hc_pen_at(ROW, x, w);
	got = hc_pen_put(&p, s, n, (attr_t)(data[2] & 2 ? A_BOLD : A_NORMAL));
	if (got != used || p.x != x + used || p.x > p.end)
		abort();
	hc_pen_fill(&p, A_NORMAL);
	if (p.x != x + w)
		abort();
	for (y = ROW - 1; y <= ROW + 1; y++)
		for (c = 0; c < COLS; c++) {
			bool inside = y == ROW && c >= x && c < x + w;

			if (!inside && !sentinel_at(y, c))
				abort();
		}
	return 0;
}
