/*
 * layout.h - where each part of the browser goes for a window size.
 *
 * Wide windows put the tree and the detail side by side, narrow ones stack
 * them; below a minimum only a "window too small" message is drawn.
 */
#ifndef HC_TUI_LAYOUT_H
#define HC_TUI_LAYOUT_H

#include <stdbool.h>

#include "paint.h"

/* Smallest window the browser draws in; anything less gets the message. */
#define HC_MIN_COLS 24
#define HC_MIN_ROWS 7
/* From this width on, the panes sit side by side. */
#define HC_WIDE_COLS 80
/* The detail's width side by side, at least, when the tree grows. */
#define HC_DETAIL_MIN 60
/* The detail's text is wrapped at most this wide: longer lines are hard to
 * read (the rest of a wide pane stays blank). */
#define HC_DETAIL_MEASURE 100

struct hc_layout {
	int rows, cols;
	bool too_small;
	bool side_by_side;
	struct hc_rect search;  /* top line */
	struct hc_rect tree;
	struct hc_rect sep;     /* a column (side by side) or a row (stacked) */
	struct hc_rect detail;
	struct hc_rect status;  /* bottom line */
};

/* want_w: the cells the tree's text takes (hc_tree_text_width); want_rows:
 * the rows it has to show. Side by side the tree gets its text's width when
 * the detail keeps HC_DETAIL_MIN cells; stacked, the detail gets the rows the
 * tree does not need. */
void hc_layout_compute(struct hc_layout *l, int rows, int cols, int want_w, int want_rows);

/* Draw the separator; `title` is written into a stacked separator row. */
void hc_layout_draw_sep(const struct hc_layout *l, const char *title,
                        attr_t title_attr);

/* The message shown instead of everything when the window is too small.
 * Returns the row and column where the cursor should rest. */
void hc_layout_draw_too_small(const struct hc_layout *l, int *cy, int *cx);

#endif
