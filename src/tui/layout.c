/*
 * layout.c - split the window into search line, tree, detail and status.
 */
#include "layout.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static struct hc_rect rect(int y, int x, int h, int w)
{
	struct hc_rect r = { y, x, h > 0 ? h : 0, w > 0 ? w : 0 };

	return r;
}

void hc_layout_compute(struct hc_layout *l, int rows, int cols, int want_w, int want_rows)
{
	int avail;

	memset(l, 0, sizeof *l);
	l->rows = rows > 0 ? rows : 0;
	l->cols = cols > 0 ? cols : 0;
	l->too_small = rows < HC_MIN_ROWS || cols < HC_MIN_COLS;
	if (l->too_small)
		return;

	l->search = rect(0, 0, 1, cols);
	l->status = rect(rows - 1, 0, 1, cols);
	avail = rows - 2;
	if (cols >= HC_WIDE_COLS) {
		/* Tree rows like "  511 Network Authentication Required - ..."
		 * want about 60 cells; the detail gets the rest. */
		int tw = cols * 9 / 20;

		if (tw < 34)
			tw = 34;
		if (tw > 62)
			tw = 62;
		/* A wider window gives the tree its text's width, as long as
		 * the detail keeps a readable 60 cells. */
		if (want_w > tw && cols - 1 - HC_DETAIL_MIN > tw)
			tw = want_w < cols - 1 - HC_DETAIL_MIN ? want_w : cols - 1 - HC_DETAIL_MIN;
		l->side_by_side = true;
		l->tree = rect(1, 0, avail, tw);
		l->sep = rect(1, tw, avail, 1);
		l->detail = rect(1, tw + 1, avail, cols - tw - 1);
	} else {
		int body = avail - 1;   /* one row for the separator */
		int th = (body * 2 + 2) / 5;

		/* Rows the tree has no use for go to the detail. */
		if (want_rows < th)
			th = want_rows;
		if (th < 1)
			th = 1;
		l->tree = rect(1, 0, th, cols);
		l->sep = rect(1 + th, 0, 1, cols);
		l->detail = rect(2 + th, 0, body - th, cols);
	}
}

void hc_layout_draw_sep(const struct hc_layout *l, const char *title,
                        attr_t title_attr)
{
	if (l->too_small)
		return;
	if (l->side_by_side) {
		/* ASCII: box-drawing characters are East-Asian ambiguous and
		 * take two cells in some terminals. */
		mvwvline(stdscr, l->sep.y, l->sep.x, '|', l->sep.h);
	} else {
		struct hc_pen p = hc_pen_at(l->sep.y, 0, l->sep.w);

		hc_pen_puts(&p, "-- ", A_NORMAL);
		if (title && *title) {
			hc_pen_puts(&p, title, title_attr);
			hc_pen_puts(&p, " ", A_NORMAL);
		}
		while (p.x < p.end)
			hc_pen_puts(&p, "-", A_NORMAL);
	}
}

struct msg_lines {
	char text[8][48];
	int n;
};

static void collect(const char *line, size_t n, void *ud)
{
	struct msg_lines *m = ud;

	if (m->n >= 8)
		return;
	if (n >= sizeof m->text[0])
		n = sizeof m->text[0] - 1;
	memcpy(m->text[m->n], line, n);
	m->text[m->n][n] = '\0';
	m->n++;
}

void hc_layout_draw_too_small(const struct hc_layout *l, int *cy, int *cx)
{
	char msg[64];
	struct msg_lines m;
	int top, i;

	*cy = 0;
	*cx = 0;
	if (l->rows <= 0 || l->cols <= 0)
		return;
	snprintf(msg, sizeof msg, "Window too small (need %dx%d)",
	         HC_MIN_COLS, HC_MIN_ROWS);
	m.n = 0;
	/* Measured by the pen that draws it (paint.h), as every view does. */
	hc_text_wrap_with(msg, strlen(msg), l->cols, hc_paint_width, collect, &m);
	top = m.n < l->rows ? (l->rows - m.n) / 2 : 0;
	for (i = 0; i < m.n && top + i < l->rows; i++) {
		int w = hc_paint_swidth(m.text[i]);
		int x = w < l->cols ? (l->cols - w) / 2 : 0;
		struct hc_pen p = hc_pen_at(top + i, x, l->cols - x);

		hc_pen_puts(&p, m.text[i], A_BOLD);
	}
	*cy = top;
}
