/*
 * lens.c - the actions of the log lens and of issue 16 in the browser: s (the
 * tree in order of log lines), m (mark a code for comparison), c (compare
 * the marked codes) and selecting the code the guide (w) reached. The
 * overlays themselves are compare_view.c and guide_view.c.
 */
#include <stdbool.h>
#include <stddef.h>

#include "app_state.h"
#include "browser.h"
#include "compare.h"
#include "compare_view.h"
#include "lens.h"
#include "loglens.h"
#include "search_box.h"

/* s: the tree in order of log lines (most first in each class), and back. */
void hc_lens_sort(struct hc_app *a)
{
	if (!a->lens) {
		say(a, "Sorting by count needs a log: httpcodes --log FILE.");
		return;
	}
	a->by_count = !a->by_count;
	hc_browser_set_order(&a->b, a->by_count ? a->order : NULL);
	say(a, a->by_count ? "Sorted by log lines (s: by code)." : "Sorted by code (s: by log lines).");
}

/* m: mark the selected code for comparison, or unmark it. */
void hc_lens_mark(struct hc_app *a)
{
	const struct hc_entry *e = selected_entry(a, "mark it for comparison");
	size_t i;

	if (!e)
		return;
	i = (size_t)(e - a->b.entries);
	if (a->marks[i]) {
		size_t k = 0;

		a->marks[i] = false;
		for (size_t j = 0; j < a->n_marked; j++)
			if (a->marked[j] != i)
				a->marked[k++] = a->marked[j];
		a->n_marked = k;
		say(a, "Unmarked %03u (%zu marked; c compares).", (unsigned)e->code % 1000, a->n_marked);
		return;
	}
	if (a->n_marked == HC_COMPARE_MAX) {
		say(a, "At most %d codes are compared: m on a marked code unmarks it.", HC_COMPARE_MAX);
		return;
	}
	a->marks[i] = true;
	a->marked[a->n_marked++] = i;
	say(a, "Marked %03u (%zu marked; c compares, m again unmarks).",
	    (unsigned)e->code % 1000, a->n_marked);
}

/* c: compare the marked codes (or the selection and its nearest code). */
void hc_lens_compare(struct hc_app *a)
{
	const struct hc_row *r = hc_browser_selected(&a->b);
	const struct hc_entry *sel = r && !r->is_class ? &a->b.entries[r->entry] : NULL;
	const struct hc_entry *m[HC_COMPARE_MAX], *v[HC_COMPARE_MAX];
	size_t n;

	for (size_t i = 0; i < a->n_marked; i++)
		m[i] = &a->b.entries[a->marked[i]];
	n = hc_compare_pick(sel, m, a->n_marked, v);
	if (n < 2) {
		say(a, "Mark codes with m, then c compares them (or select a code).");
		return;
	}
	hc_compare_view_open(&a->cmp, v, n);
}

/* The guide reached code: select it in the tree (its registered entry). */
void hc_lens_select_code(struct hc_app *a, int code)
{
	for (size_t i = 0; i < a->b.n_entries; i++)
		if (a->b.entries[i].code == code && !a->b.entries[i].vendor) {
			if (!hc_browser_select(&a->b, i)) {
				hc_browser_clear_search(&a->b);
				hc_box_clear(&a->box);
				hc_browser_select(&a->b, i);
			}
			a->focus = HC_FOCUS_TREE;
			return;
		}
}
