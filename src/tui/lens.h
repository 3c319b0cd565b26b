/*
 * lens.h - s, m and c, and the guide's answer selected; what app.c calls.
 */
#ifndef HC_TUI_LENS_H
#define HC_TUI_LENS_H

struct hc_app;

/* s: sort the tree by log lines, or back by code. */
void hc_lens_sort(struct hc_app *a);
/* m: mark the selected code, or unmark it. */
void hc_lens_mark(struct hc_app *a);
/* c: open the comparison of the marked codes. */
void hc_lens_compare(struct hc_app *a);
/* The guide reached code: select its registered entry in the tree. */
void hc_lens_select_code(struct hc_app *a, int code);

#endif
