/*
 * find.c - search in the detail's text ("/" with the detail focused, as in
 * less): the line it is typed in, its matches in the detail as built, n / N
 * between them, the pane scrolled to the current one.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "app_state.h"
#include "browser.h"
#include "detail_view.h"
#include "find.h"
#include "search_box.h"
#include "search_line.h"
#include "ui_text.h"

/* The find line emptied, no match current. */
void hc_find_clear(struct hc_run *R)
{
	hc_box_clear(&R->a.fbox);
	R->n_finds = 0;
	R->find_cur = -1;
}

/* The detail's matches for fbox's text, in the detail as built. */
void hc_find_refresh(struct hc_run *R)
{
	struct hc_app *a = &R->a;

	if (a->fbox.len && !R->finds && !(R->finds = malloc(MAX_FINDS * sizeof *R->finds))) {
		say_ui(a, HC_UI_NOMEM_ANY);
		hc_box_clear(&a->fbox); /* as if emptied: nothing to find */
	}
	R->n_finds = a->fbox.len ? hc_browser_find_text(&R->detail.doc, a->fbox.q, a->fbox.len,
	                                               R->finds, MAX_FINDS) : 0;
	if (R->n_finds > MAX_FINDS)
		R->n_finds = MAX_FINDS;
	if (R->find_cur >= (long)R->n_finds)
		R->find_cur = -1;
}

/* n / N in the detail: the next match after (before) the current one, or
 * from the top of the pane. */
void hc_find_step(struct hc_run *R, int dir)
{
	struct hc_app *a = &R->a;
	long n = (long)R->n_finds;

	if (n == 0) {
		say_ui(a, HC_UI_FIND_NONE, a->fbox.q);
		return;
	}
	if (R->find_cur < 0) {
		long k;

		for (k = 0; k < n; k++)
			if (hc_detail_line_of(&R->detail, R->finds[k].item, R->finds[k].st) >=
			    a->detail_top)
				break;
		R->find_cur = dir > 0 ? (k < n ? k : 0) : (k > 0 ? k - 1 : n - 1);
	} else {
		R->find_cur = ((R->find_cur + (dir > 0 ? 1 : -1)) % n + n) % n;
	}
	show_line(R, hc_detail_line_of(&R->detail, R->finds[R->find_cur].item,
	                               R->finds[R->find_cur].st));
	say_ui(a, HC_UI_FIND_POS, (size_t)R->find_cur + 1, (size_t)n);
}

/* Typing into the detail's search: the matches follow every edit, and the
 * first one at or below the top of the pane is shown (as less's
 * incremental search). */
void hc_find_key(struct hc_run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	enum hc_edit e;
	bool edited = false;

	if (hc_line_is_backspace(k) && a->fbox.len == 0) {
		a->focus = HC_FOCUS_DETAIL;
		return;
	}
	if (hc_line_edit(&a->fbox, k, &e)) {
		edited = e == HC_EDIT_TEXT;
	} else if (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_ENTER) {
		a->focus = HC_FOCUS_DETAIL;
	} else if (k->kind == HC_KEY_CHAR) {
		switch (k->c) {
		case '\r': case '\n': case '\t':
			a->focus = HC_FOCUS_DETAIL;
			if (R->n_finds == 0 && a->fbox.len)
				say_ui(a, HC_UI_FIND_NONE, a->fbox.q);
			break;
		case 27:
			hc_find_clear(R);
			a->focus = HC_FOCUS_DETAIL;
			break;
		default:
			if (k->c >= 0x20 && k->c != 0x7f) {
				e = hc_box_insert(&a->fbox, (unsigned long)k->c);
				edited = e == HC_EDIT_TEXT;
			}
			break;
		}
	}
	if (edited) {
		R->find_cur = -1;
		R->find_jump = true;
	}
}
