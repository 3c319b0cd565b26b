/*
 * lens_view.h - the log lens's block at the top of the detail pane: how many
 * lines of the log have the selected code (or class), their share, and a few
 * sample lines of that code, cleaned (hc_text_sanitize: an escape sequence
 * in a log line is shown as U+FFFD and text, never sent to the terminal).
 */
#ifndef HC_TUI_LENS_VIEW_H
#define HC_TUI_LENS_VIEW_H

#include "browser.h"
#include "loglens.h"
#include "options.h"
#include "paint.h"

/* Lines the block takes for the selection of b in a pane of r (at most half
 * of it, and at least 2 lines are left to the detail); 0 without a lens. */
int hc_lens_view_height(const struct hc_loglens *L, const struct hc_browser *b,
                        struct hc_rect r);

/* Draw the block in r (r.h from hc_lens_view_height). */
void hc_lens_view_draw(const struct hc_loglens *L, const struct hc_browser *b,
                       enum hc_lang lang, struct hc_rect r);

#endif
