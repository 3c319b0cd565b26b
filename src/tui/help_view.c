/*
 * help_view.c - a framed box in the middle of the screen with the key list.
 */
#include "help_view.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "term.h"

static char markers[128];

/* "#Markers: [u] unofficial [d] deprecated …", from hc_status_tag(), the
 * tags the tree shows. */
static void markers_line(void)
{
	size_t o = 0;

	if (markers[0])
		return;
	o += (size_t)snprintf(markers, sizeof markers, "#Markers:");
	for (int s = 0; s <= HC_STATUS_UNOFFICIAL && o < sizeof markers; s++) {
		const char *tag = hc_status_tag((enum hc_status)s);

		if (tag)
			o += (size_t)snprintf(markers + o, sizeof markers - o, " %s %s", tag,
			                      hc_status_name((enum hc_status)s));
	}
}

/* ASCII only: the overlay must read the same in every locale. A line that
 * starts with '#' is a heading. */
static const char *const help[] = {
	"#Moving around",
	"Up/Down, k/j      move the selection",
	"PgUp/PgDn         move a page",
	"Home/End, g/G     first / last row",
	"Right, l, Enter   expand a class; on a code, go to its detail",
	"Left, h           collapse, or go to the class (from the detail: back)",
	"Tab               focus tree / detail (j/k scroll it)",
	"#Searching",
	"/                 search by code, name or words",
	"0-9               start a search with that digit",
	"n / N             next / previous match",
	"Enter             keep the filter, back to the tree",
	"Esc               clear the search",
	"Backspace, Ctrl-U delete a character / the line (Left/Right move)",
	"#Other",
	"L                 language: both -> ko -> en",
	"y / Y             copy \"CODE Phrase\" / the constant (OSC 52)",
	"e / C             example on/off / next language of In code",
	"m c w u s         mark, compare, which code?, copy URL, sort (--log)",
	"? / q             this help / quit",
	"Mouse             click selects, the wheel scrolls",
	markers,        /* from the catalog's status tags: see markers_line() */
};

#define N_HELP ((int)(sizeof help / sizeof help[0]))

int hc_help_lines(void)
{
	markers_line();
	return N_HELP;
}

void hc_help_draw(struct hc_rect screen, int top, int *cy, int *cx)
{
	int rows = screen.h, cols = screen.w;
	int w = 0, h, x0, y0, i, inner_h;
	struct hc_pen p;

	markers_line();
	for (i = 0; i < N_HELP; i++) {
		int lw = hc_paint_swidth(help[i]);

		if (lw > w)
			w = lw;
	}
	w += 4;                 /* frame and a space each side */
	h = N_HELP + 2;
	if (w > cols)
		w = cols;
	if (h > rows)
		h = rows;
	x0 = screen.x + (cols - w) / 2;
	y0 = screen.y + (rows - h) / 2;
	*cy = y0;
	*cx = x0;
	if (w < 3 || h < 3)
		return;
	inner_h = h - 2;
	/* Blank the box first: writing over half of a wide character that
	 * lies underneath would leave curses a stray half to "repair". */
	{
		struct hc_rect box = { y0, x0, h, w };

		hc_paint_clear(box, A_NORMAL);
	}

	/* '+', '-' and '|': ACS line characters are ambiguous in width. */
	p = hc_pen_at(y0, x0, w);
	hc_pen_puts(&p, "+", A_NORMAL);
	hc_pen_puts(&p, " Help ", A_BOLD);
	while (p.x < p.end - 1)
		hc_pen_puts(&p, "-", A_NORMAL);
	hc_pen_puts(&p, "+", A_NORMAL);
	for (i = 0; i < inner_h; i++) {
		int k = top + i;
		const char *s = k < N_HELP ? help[k] : "";
		attr_t at = A_NORMAL;

		p = hc_pen_at(y0 + 1 + i, x0, w);
		hc_pen_puts(&p, "| ", A_NORMAL);
		if (*s == '#') {
			s++;
			at = hc_term_accent_attr();
		}
		p.end--;
		hc_pen_puts(&p, s, at);
		hc_pen_fill(&p, A_NORMAL);
		p.end++;
		hc_pen_puts(&p, "|", A_NORMAL);
	}
	p = hc_pen_at(y0 + h - 1, x0, w);
	hc_pen_puts(&p, "+", A_NORMAL);
	p.end--;
	hc_pen_puts(&p, top + inner_h < N_HELP ?
	            " j/k: more, any other key closes " :
	            " any key closes ", A_BOLD);
	while (p.x < p.end)
		hc_pen_puts(&p, "-", A_NORMAL);
	p.end++;
	hc_pen_puts(&p, "+", A_NORMAL);
	*cy = y0 + 1;
	*cx = x0 + 2;
}
