/*
 * status_view.h - the bottom line: how many entries show, the language, the
 * focus, and either the last message or the key hints.
 */
#ifndef HC_TUI_STATUS_VIEW_H
#define HC_TUI_STATUS_VIEW_H

#include "app.h"

void hc_status_draw(const struct hc_app *a, struct hc_rect r);

#endif
