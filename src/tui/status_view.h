/*
 * status_view.h - the bottom line: how many entries show, the language, the
 * focus, and either the last message or the key hints.
 *
 * It fits its width without cutting a word: hints are dropped from the end
 * (whole), the detail position and the language go before a message is
 * touched, and a message too long for the line is cut at a space with "…".
 */
#ifndef HC_TUI_STATUS_VIEW_H
#define HC_TUI_STATUS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "options.h"
#include "paint.h"
#include "ui_text.h"


/* Everything the status line shows. */
struct hc_status_info {
	size_t total;           /* entries in the table */
	size_t matches;         /* hits, while filtering */
	bool filtering;
	enum hc_lang lang;      /* the language shown */
	bool ko;                /* the interface speaks Korean */
	enum hc_hints hints;
	/* Detail position, shown when detail_lines > 0: lines first..last of
	 * detail_lines (1-based, inclusive). */
	int detail_first, detail_last, detail_lines;
	const char *msg;        /* a message instead of the hints, or NULL/"" */
};

void hc_status_draw(const struct hc_status_info *s, struct hc_rect r);

/* The text the line would show (without attributes) into buf: for tests of
 * the fitting rules, and used by hc_status_draw. */
void hc_status_text(const struct hc_status_info *s, int width, char *buf, size_t size,
                    size_t *left_len);

#endif
