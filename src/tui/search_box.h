/*
 * search_box.h - the one-line search field: an NFC UTF-8 buffer edited by
 * grapheme, and its drawing.
 *
 * Only printable characters get in (control characters, invalid sequences
 * and invisible format characters are refused), so the text can always be
 * shown and searched as it is.
 */
#ifndef HC_TUI_SEARCH_BOX_H
#define HC_TUI_SEARCH_BOX_H

#include <stdbool.h>
#include <stddef.h>

#include "paint.h"
#include "search.h"

struct hc_box {
	char q[HC_QUERY_MAX + 1];       /* NUL-terminated, NFC */
	size_t len;
	size_t caret;                   /* byte offset, on a grapheme boundary */
};

enum hc_edit {
	HC_EDIT_NONE,           /* nothing to do (e.g. Backspace at the start) */
	HC_EDIT_TEXT,           /* the text changed: search again */
	HC_EDIT_CARET,          /* only the caret moved */
	HC_EDIT_REFUSED,        /* not a printable character */
	HC_EDIT_FULL,           /* the line is full */
};

/* True for a code point the box takes as typed text. */
bool hc_box_accepts(unsigned long cp);

enum hc_edit hc_box_insert(struct hc_box *b, unsigned long cp);
enum hc_edit hc_box_backspace(struct hc_box *b);  /* a whole grapheme */
enum hc_edit hc_box_delete(struct hc_box *b);
enum hc_edit hc_box_left(struct hc_box *b);
enum hc_edit hc_box_right(struct hc_box *b);
enum hc_edit hc_box_home(struct hc_box *b);
enum hc_edit hc_box_end(struct hc_box *b);
enum hc_edit hc_box_clear(struct hc_box *b);
enum hc_edit hc_box_kill_end(struct hc_box *b);   /* Ctrl-K: caret to the end */
enum hc_edit hc_box_kill_word(struct hc_box *b);  /* Ctrl-W: the word before the caret */

/* Replace the text with outside input (the -i query), one code point at a
 * time through the same filter as typing. Returns false when something was
 * dropped (invalid, control characters, or too long). */
bool hc_box_set(struct hc_box *b, const char *s, size_t n);

/* Draw the search line; *cursor_x gets the caret's column. */
void hc_box_draw(const struct hc_box *b, struct hc_rect r, bool focused,
                 int *cursor_x);

/* The same with its own label and the text shown while idle and empty. */
void hc_box_draw_as(const struct hc_box *b, struct hc_rect r, bool focused,
                    const char *label, const char *idle, int *cursor_x);

#endif
