/*
 * help_view.c - a framed box in the middle of the screen with the key list,
 * wrapped to its width.
 */
#include "help_view.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "term.h"
#include "text.h"
#include "ui_text.h"

#define MAX_LINES 256
#define LINE_MAX_BYTES 200

/* The laid-out lines; a leading '#' marks a heading. */
static struct {
	bool valid, ko;
	int width;              /* inner width laid out for */
	int n;
	char line[MAX_LINES][LINE_MAX_BYTES];
} L;

static void push(const char *pre, const char *s, size_t n)
{
	size_t pn = strlen(pre);

	if (L.n >= MAX_LINES)
		return;
	if (pn + n >= LINE_MAX_BYTES)
		n = LINE_MAX_BYTES - pn - 1;
	memcpy(L.line[L.n], pre, pn);
	memcpy(L.line[L.n] + pn, s, n);
	L.line[L.n][pn + n] = '\0';
	L.n++;
}

struct wctx {
	const char *first, *rest;
	bool started;
};

static void on_line(const char *s, size_t n, void *ud)
{
	struct wctx *c = ud;

	push(c->started ? c->rest : c->first, s, n);
	c->started = true;
}

static void wrap(const char *first, const char *rest, const char *s, int width)
{
	struct wctx c = { first, rest, false };

	if (width < 1)
		width = 1;
	if (hc_text_wrap_with(s, strlen(s), width, hc_paint_width, on_line, &c) == 0)
		push(first, "", 0);
}

static int key_col(const char *const *h, int n)
{
	int w = 0;

	for (int i = 0; i < n; i++) {
		const char *tab = strchr(h[i], '\t');
		int kw;

		if (h[i][0] == '#' || !tab)
			continue;
		kw = hc_paint_width(h[i], (size_t)(tab - h[i]));
		w = kw > w ? kw : w;
	}
	return w + 2;
}

/* Lay out for an inner width iw. */
static void lay_out(int iw, bool ko)
{
	int n, kc;
	const char *const *h = hc_ui_help(ko, &n);
	char pad[64];

	if (L.valid && L.width == iw && L.ko == ko)
		return;
	L.valid = true;
	L.width = iw;
	L.ko = ko;
	L.n = 0;
	kc = key_col(h, n);
	if (kc > 24)
		kc = 24;
	for (int i = 0; i <= n; i++) {
		const char *s = i < n ? h[i] : "";
		const char *tab = strchr(s, '\t');

		if (i == n) {
			/* The tree's status tags, from hc_status_tag(): one a
			 * line, so that a tag never parts from its name. */
			push("#", ko ? "표시" : "Markers", ko ? 6 : 7);
			for (int st = 0; st <= HC_STATUS_UNOFFICIAL; st++) {
				const char *tag = hc_status_tag((enum hc_status)st);
				char line[64];

				if (!tag)
					continue;
				snprintf(line, sizeof line, "%s %s", tag,
				         hc_status_name((enum hc_status)st));
				push("", line, strlen(line));
			}
			continue;
		}
		if (s[0] == '#' || !tab) {
			push("", s, strlen(s));
			continue;
		}
		if (iw - kc >= 20) {
			/* KEYS      description, wrapped under itself */
			int kw = hc_paint_width(s, (size_t)(tab - s));
			char first[96];
			size_t kn = (size_t)(tab - s);

			if (kn + (size_t)(kc - kw) + 1 > sizeof first)
				kn = 0;
			memcpy(first, s, kn);
			memset(first + kn, ' ', (size_t)(kc - kw));
			first[kn + (size_t)(kc - kw)] = '\0';
			memset(pad, ' ', (size_t)kc);
			pad[kc] = '\0';
			wrap(first, pad, tab + 1, iw - kc);
		} else {
			/* Narrow: the keys on their own line, the text under them. */
			push("", s, (size_t)(tab - s));
			wrap("  ", "  ", tab + 1, iw - 2);
		}
	}
}

/* The box's width for a screen: the widest line at full width, or the
 * screen. */
static int box_width(struct hc_rect screen, bool ko)
{
	int n, w = 0, kc;
	const char *const *h = hc_ui_help(ko, &n);

	kc = key_col(h, n);
	if (kc > 24)
		kc = 24;
	for (int i = 0; i < n; i++) {
		const char *tab = strchr(h[i], '\t');
		int lw = tab ? kc + hc_paint_swidth(tab + 1) : hc_paint_swidth(h[i]);

		w = lw > w ? lw : w;
	}
	w += 4;                 /* frame and a space each side */
	return w > screen.w ? screen.w : w;
}

int hc_help_lines(struct hc_rect screen, bool ko)
{
	lay_out(box_width(screen, ko) - 4, ko);
	return L.n;
}

void hc_help_draw(struct hc_rect screen, int top, bool ko, int *cy, int *cx)
{
	int rows = screen.h, cols = screen.w;
	int w = box_width(screen, ko), h, x0, y0, i, inner_h;
	struct hc_pen p;

	lay_out(w - 4, ko);
	h = L.n + 2;
	if (h > rows)
		h = rows;
	x0 = screen.x + (cols - w) / 2;
	y0 = screen.y + (rows - h) / 2;
	*cy = y0;
	*cx = x0;
	if (w < 5 || h < 3)
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
	p.end--;
	hc_pen_puts(&p, hc_ui(HC_UI_HELP_TITLE, ko), A_BOLD);
	while (p.x < p.end)
		hc_pen_puts(&p, "-", A_NORMAL);
	p.end++;
	hc_pen_puts(&p, "+", A_NORMAL);
	for (i = 0; i < inner_h; i++) {
		int k = top + i;
		const char *s = k < L.n ? L.line[k] : "";
		attr_t at = A_NORMAL;

		p = hc_pen_at(y0 + 1 + i, x0, w);
		hc_pen_puts(&p, "| ", A_NORMAL);
		if (*s == '#') {
			s++;
			at = hc_term_accent_attr();
		}
		p.end -= 2;
		hc_pen_puts(&p, s, at);
		p.end++;
		hc_pen_fill(&p, A_NORMAL);
		p.end++;
		hc_pen_puts(&p, "|", A_NORMAL);
	}
	p = hc_pen_at(y0 + h - 1, x0, w);
	hc_pen_puts(&p, "+", A_NORMAL);
	p.end--;
	hc_pen_puts(&p, hc_ui(top + inner_h < L.n ? HC_UI_HELP_MORE : HC_UI_HELP_CLOSE, ko),
	            A_BOLD);
	while (p.x < p.end)
		hc_pen_puts(&p, "-", A_NORMAL);
	p.end++;
	hc_pen_puts(&p, "+", A_NORMAL);
	*cy = y0 + 1;
	*cx = x0 + 2;
}
