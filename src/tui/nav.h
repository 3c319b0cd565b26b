/*
 * nav.h - links, history and go to a code; what app.c calls.
 */
#ifndef HC_TUI_NAV_H
#define HC_TUI_NAV_H

struct hc_run;
struct hc_key;

/* ] / [: select the next (dir > 0) or previous link in the detail. */
void hc_nav_link_step(struct hc_run *R, int dir);
/* Enter in the detail: follow the selected link (or select the first). */
void hc_nav_follow(struct hc_run *R);
/* b, Backspace: back to where the last link or ":" was taken from. */
void hc_nav_back(struct hc_run *R);
/* A key typed into the ":" line; Enter goes to the code. */
void hc_nav_goto_key(struct hc_run *R, const struct hc_key *k);

#endif
