/*
 * help_view.h - the "?" overlay listing every key.
 */
#ifndef HC_TUI_HELP_VIEW_H
#define HC_TUI_HELP_VIEW_H

#include "app.h"

/* Lines of help text (for scrolling). */
int hc_help_lines(void);

/* Draw the overlay over whatever is on the screen, scrolled to help_top.
 * *cy, *cx get where the cursor should rest. */
void hc_help_draw(const struct hc_app *a, int *cy, int *cx);

#endif
