/*
 * links.h - OSC 8 hyperlinks on the "Read more" URLs of the detail pane.
 *
 * ncurses cannot place OSC 8 itself, so after a refresh the URL text that is
 * on screen is written again, at the same place, between the OSC 8 open and
 * close sequences (hyperlink.h), and the cursor is put back. Only when the
 * terminal is known to show them (hc_hyperlinks_supported) and UTF-8.
 */
#ifndef HC_TUI_LINKS_H
#define HC_TUI_LINKS_H

#include "detail_view.h"
#include "paint.h"

/* The detail's visible lines from top in r, as hc_detail_draw drew them;
 * (cy, cx) is where the cursor goes back. */
void hc_links_emit(const struct hc_detail *d, int top, struct hc_rect r, int cy, int cx);

/* The n-th "Read more" URL of the entry in the detail (0: the first), or
 * NULL; *count gets how many there are. */
const char *hc_links_url(const struct hc_detail *d, size_t n, size_t *len, size_t *count);

#endif
