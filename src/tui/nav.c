/*
 * nav.c - moving between entries: the detail's links ([ ] to select, Enter to
 * follow), the history (b, Backspace: back where a link or ":" was taken
 * from, at the same scroll) and ":" with a code (go to its entry).
 */
#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>
#include <stdlib.h>

#include "app_state.h"
#include "browser.h"
#include "detail_view.h"
#include "nav.h"
#include "search_box.h"
#include "search_line.h"
#include "ui_text.h"

void hc_nav_link_step(struct hc_run *R, int dir)
{
	struct hc_app *a = &R->a;
	long n = (long)(R->n_links < MAX_LINKS ? R->n_links : MAX_LINKS);
	const struct hc_link *l;

	if (n == 0) {
		say_ui(a, HC_UI_NO_LINKS);
		return;
	}
	if (R->link_sel < 0)
		R->link_sel = dir > 0 ? 0 : n - 1;
	else
		R->link_sel = ((R->link_sel + (dir > 0 ? 1 : -1)) % n + n) % n;
	l = &R->links[R->link_sel];
	show_line(R, hc_detail_line_of(&R->detail, l->item, l->st));
	say_ui(a, HC_UI_LINK, (size_t)R->link_sel + 1, (size_t)n, (unsigned)l->code);
}

/* Enter in the detail: follow the selected link (the first, when none is
 * selected yet, is selected first). */
void hc_nav_follow(struct hc_run *R)
{
	struct hc_app *a = &R->a;
	size_t idx;

	if (R->link_sel < 0 || (size_t)R->link_sel >= R->n_links) {
		hc_nav_link_step(R, 1);
		return;
	}
	idx = hc_browser_entry_of(&a->b, R->links[R->link_sel].code);
	if (hc_browser_go(&a->b, idx, a->detail_top)) {
		R->goto_line = 0;
		if (!a->b.filtering && a->box.len)
			hc_box_clear(&a->box);
	}
}

void hc_nav_back(struct hc_run *R)
{
	struct hc_app *a = &R->a;
	int mark;
	const struct hc_row *r;

	if (!hc_browser_back(&a->b, &mark)) {
		say_ui(a, HC_UI_BACK_EMPTY);
		return;
	}
	if (!a->b.filtering && a->box.len)
		hc_box_clear(&a->box);
	R->goto_line = mark;
	r = hc_browser_selected(&a->b);
	if (r && !r->is_class)
		say_ui(a, HC_UI_BACK_TO, (unsigned)a->b.entries[r->entry].code % 1000);
}

/* ":" and a code, Enter: the code's entry (a link from the tree). */
static void goto_code(struct hc_run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_row *r = hc_browser_selected(&a->b);
	size_t idx = SIZE_MAX;
	int mark = a->focus == HC_FOCUS_DETAIL ? a->detail_top : 0;

	a->focus = HC_FOCUS_TREE;
	if (a->gbox.len == 3)
		idx = hc_browser_entry_of(&a->b, (unsigned)atoi(a->gbox.q));
	if (idx == SIZE_MAX) {
		say_ui(a, HC_UI_GOTO_UNKNOWN, a->gbox.q);
		return;
	}
	if (r && !r->is_class && r->entry == idx)
		return;
	if (!hc_browser_go(&a->b, idx, mark))
		hc_browser_select(&a->b, idx);
	else
		R->goto_line = 0;
	if (!a->b.filtering && a->box.len)
		hc_box_clear(&a->box);
}

void hc_nav_goto_key(struct hc_run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	enum hc_edit e;

	if (hc_line_is_backspace(k) && a->gbox.len == 0) {
		a->focus = HC_FOCUS_TREE;
		return;
	}
	if (hc_line_edit(&a->gbox, k, &e))
		return;
	if (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_ENTER) {
		goto_code(R);
		return;
	}
	if (k->kind != HC_KEY_CHAR)
		return;
	if (k->c == '\r' || k->c == '\n') {
		goto_code(R);
	} else if (k->c == 27) {
		a->focus = HC_FOCUS_TREE;
	} else if (k->c >= '0' && k->c <= '9' && a->gbox.len < 3) {
		hc_box_insert(&a->gbox, (unsigned long)k->c);
	}
}
