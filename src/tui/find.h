/*
 * find.h - search in the detail's text; what app.c calls.
 */
#ifndef HC_TUI_FIND_H
#define HC_TUI_FIND_H

struct hc_run;
struct hc_key;

/* Empty the find line; no match current. */
void hc_find_clear(struct hc_run *R);
/* The matches for the find line's text in the detail as built (after
 * each build of the detail). */
void hc_find_refresh(struct hc_run *R);
/* n / N: the next (dir > 0) or previous match, shown in the pane. */
void hc_find_step(struct hc_run *R, int dir);
/* A key typed into the find line. */
void hc_find_key(struct hc_run *R, const struct hc_key *k);

#endif
