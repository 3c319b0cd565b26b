/*
 * overlay.h - a framed box over the whole browser, holding lines of text:
 * the compare table (c) and the "which code?" guide (w) use it. The lines
 * are kept here, already wrapped or fitted to inner_width().
 */
#ifndef HC_TUI_OVERLAY_H
#define HC_TUI_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "paint.h"

struct hc_overlay {
	char *buf;              /* the lines' text, each NUL-terminated */
	size_t len, cap;
	size_t *off;
	attr_t *attr;
	size_t n, cap_lines;
	bool oom;
	int top;                /* first line shown */
};

/* Cells available to a line in a box over screen. */
int hc_overlay_inner_width(struct hc_rect screen);

void hc_overlay_clear(struct hc_overlay *o);
/* Add one line (n bytes of s), cut to nothing else: the caller fits it. */
void hc_overlay_add(struct hc_overlay *o, const char *s, size_t n, attr_t attr);
/* Add s wrapped to width cells, each line after indent spaces. */
void hc_overlay_wrap(struct hc_overlay *o, const char *s, int width, int indent, attr_t attr);

/* Scroll by delta lines (kept in range when drawn). */
void hc_overlay_scroll(struct hc_overlay *o, int delta);

/* Draw the box over screen with title on its top edge and foot on its
 * bottom edge; the cursor rests at its first line. */
void hc_overlay_draw(struct hc_overlay *o, struct hc_rect screen, const char *title,
                     const char *foot, int *cy, int *cx);

void hc_overlay_free(struct hc_overlay *o);

#endif
