/*
 * tree_view.h - the class tree: five classes and, under the expanded ones,
 * their codes with names, status tags and search highlights.
 */
#ifndef HC_TUI_TREE_VIEW_H
#define HC_TUI_TREE_VIEW_H

#include "app.h"

/* Draw rows tree_top.. into r; *cursor_y gets the selected row's line (or
 * r.y when nothing is selected). */
void hc_tree_draw(const struct hc_app *a, struct hc_rect r, int *cursor_y);

#endif
