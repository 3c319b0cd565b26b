/*
 * tree_view.h - the class tree: five classes and, under the expanded ones,
 * their codes with names, status tags and search highlights.
 */
#ifndef HC_TUI_TREE_VIEW_H
#define HC_TUI_TREE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "browser.h"
#include "loglens.h"
#include "options.h"
#include "paint.h"

/* How to show the tree besides the browser's state. */
struct hc_tree_look {
	size_t top;             /* first row shown */
	enum hc_lang lang;      /* the language shown */
	bool quiet_sel;         /* the focus is elsewhere: underline, not reverse */
	const char *empty;      /* said when no row is shown */
	/* The log lens (NULL: none): each code's lines at the right edge, the
	 * class rows with the class's lines. */
	const struct hc_loglens *lens;
	/* Per entry: marked for comparison ("*" before the code), or NULL. */
	const bool *marks;
};

/* Draw rows look->top.. of b into r; *cursor_y, *cursor_x get the selected
 * row's line and the column of its code (r.y, r.x when nothing is selected).
 * A row wider than r is cut at a space and ends with an ellipsis. */
void hc_tree_draw(const struct hc_browser *b, const struct hc_tree_look *look,
                  struct hc_rect r, int *cursor_y, int *cursor_x);

/* Cells the widest row of the whole table takes in a language (every class
 * open), with its right margin: the width the tree wants. */
int hc_tree_text_width(const struct hc_browser *b, enum hc_lang lang);

#endif
