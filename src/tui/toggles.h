/*
 * toggles.h - L, e, C and M; what app.c calls.
 */
#ifndef HC_TUI_TOGGLES_H
#define HC_TUI_TOGGLES_H

struct hc_app;
struct hc_run;

/* L: both languages, Korean, English, in turn. */
void hc_toggle_lang(struct hc_app *a);
/* e: show or hide the example exchange (and scroll to it). */
void hc_toggle_example(struct hc_run *R);
/* C: the next language first in In code. */
void hc_toggle_code_lang(struct hc_app *a);
/* M: mouse reporting on or off. */
void hc_toggle_mouse(struct hc_app *a);

#endif
