/*
 * help_view.h - the "?" overlay listing every key (ui_text.c's help), in a
 * framed box wrapped to the window: a key column and its description, or at
 * narrow widths each key on its own line and its description under it.
 */
#ifndef HC_TUI_HELP_VIEW_H
#define HC_TUI_HELP_VIEW_H

#include <stdbool.h>

#include "paint.h"

/* Lines of help text laid out for a screen (for scrolling). */
int hc_help_lines(struct hc_rect screen, bool ko);

/* Draw the overlay centred in screen (over whatever is drawn there),
 * scrolled to line top. *cy, *cx get where the cursor should rest. */
void hc_help_draw(struct hc_rect screen, int top, bool ko, int *cy, int *cx);

#endif
