/*
 * copy.h - copying to the clipboard (OSC 52): the y menu, Y, u and the
 * copied text shown over the screen; what app.c calls.
 */
#ifndef HC_TUI_COPY_H
#define HC_TUI_COPY_H

struct hc_app;
struct hc_run;
struct hc_key;

/* A key while the y menu is open: copies what it names and closes it. */
void hc_copy_menu_key(struct hc_run *R, const struct hc_key *k);
/* A key while the copied text is shown: scrolls it, or closes it. */
void hc_copy_shown_key(struct hc_run *R, const struct hc_key *k);
/* Y: the selected code's constant in the first In code language. */
void hc_copy_constant(struct hc_run *R);
/* u: the selected entry's next "Read more" URL. */
void hc_copy_url(struct hc_run *R);
/* The y menu over the screen; (*cy, *cx) gets where the cursor rests. */
void hc_copy_draw_menu(const struct hc_app *a, int *cy, int *cx);
/* The copied text over the whole screen (a->showing). */
void hc_copy_draw_shown(struct hc_run *R, int *cy, int *cx);

#endif
