/*
 * help_view.h - the "?" overlay listing every key.
 */
#ifndef HC_TUI_HELP_VIEW_H
#define HC_TUI_HELP_VIEW_H

#include "paint.h"

/* Lines of help text (for scrolling). */
int hc_help_lines(void);

/* Draw the overlay centred in screen (over whatever is drawn there),
 * scrolled to line top. *cy, *cx get where the cursor should rest. */
void hc_help_draw(struct hc_rect screen, int top, int *cy, int *cx);

#endif
