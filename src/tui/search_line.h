/*
 * search_line.h - the search line's keys and edits, the search run; what
 * app.c calls, and the editing keys find.c and nav.c share for their lines.
 */
#ifndef HC_TUI_SEARCH_LINE_H
#define HC_TUI_SEARCH_LINE_H

#include <stdbool.h>

#include "search_box.h"

struct hc_app;
struct hc_run;
struct hc_key;

/* Search the browser for the search line's text now. */
void hc_search_run(struct hc_app *a);
/* Run the search the last edits asked for, once. */
void hc_search_flush(struct hc_app *a);
/* n / N in the tree: the next (dir > 0) or previous match. */
void hc_search_next(struct hc_app *a, int dir);
/* Drop the search filter (the line's text stays). */
void hc_search_stop_filter(struct hc_app *a);
/* Focus the search line, the caret at its end. */
void hc_search_open(struct hc_app *a);
/* What an edit of the search line means: a search later, or a message. */
void hc_search_edit(struct hc_app *a, enum hc_edit e);
/* Leave the search line, its text and filter gone. */
void hc_search_cancel(struct hc_app *a);
/* A key typed into the search line. */
void hc_search_key(struct hc_run *R, const struct hc_key *k);
/* True when the search line takes k without looking at the results (text,
 * an edit, a caret move, Esc, a key it ignores): the search may wait for
 * the next draw. False for the keys that move in or go to the results. */
bool hc_search_key_defers(const struct hc_key *k);
/* A key inside a bracketed paste: text for the search (or find) line. */
void hc_search_paste(struct hc_run *R, const struct hc_key *k);

/* The editing keys of every line (search, find, go to); true when k was
 * one of them, *e what it did. */
bool hc_line_edit(struct hc_box *box, const struct hc_key *k, enum hc_edit *e);
bool hc_line_is_backspace(const struct hc_key *k);

#endif
