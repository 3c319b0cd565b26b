/*
 * status_view.h - the bottom line: how many entries show, the language, the
 * focus, and either the last message or the key hints.
 */
#ifndef HC_TUI_STATUS_VIEW_H
#define HC_TUI_STATUS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "options.h"
#include "paint.h"

/* Which key hints fit the focus. */
enum hc_hints {
	HC_HINTS_TREE,
	HC_HINTS_DETAIL,
	HC_HINTS_SEARCH,
};

/* Everything the status line shows. */
struct hc_status_info {
	size_t total;           /* entries in the table */
	size_t matches;         /* hits, while filtering */
	bool filtering;
	enum hc_lang lang;      /* the language shown */
	enum hc_hints hints;
	/* Detail position, shown when detail_lines > 0: lines first..last of
	 * detail_lines (1-based, inclusive). */
	int detail_first, detail_last, detail_lines;
	const char *msg;        /* a message instead of the hints, or NULL/"" */
};

void hc_status_draw(const struct hc_status_info *s, struct hc_rect r);

#endif
