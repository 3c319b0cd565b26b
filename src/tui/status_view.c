/*
 * status_view.c - drawing the status line.
 */
#include "status_view.h"

#include <stdio.h>

static const char *lang_label(enum hc_lang l)
{
	switch (l) {
	case HC_LANG_EN: return "en";
	case HC_LANG_KO: return "ko";
	case HC_LANG_BOTH: break;
	}
	return "en+ko";
}

static const char *hints(const struct hc_app *a)
{
	switch (a->focus) {
	case HC_FOCUS_SEARCH:
		return "Enter: keep  Esc: clear  Up/Down: select  ?: help";
	case HC_FOCUS_DETAIL:
		return "j/k: scroll  Tab: tree  y: copy  ?: help  q: quit";
	case HC_FOCUS_TREE:
		break;
	}
	return "/: search  Tab: detail  L: lang  y: copy  ?: help  q: quit";
}

void hc_status_draw(const struct hc_app *a, struct hc_rect r)
{
	struct hc_pen p = hc_pen_at(r.y, r.x, r.w);
	attr_t bar = A_REVERSE;
	char left[96];
	int n;

	if (a->filtering)
		n = snprintf(left, sizeof left, " %zu of %zu match | %s",
		             a->res.n, a->n_entries, lang_label(hc_app_lang(a)));
	else
		n = snprintf(left, sizeof left, " %zu codes | %s", a->n_entries,
		             lang_label(hc_app_lang(a)));
	if (n > 0 && a->focus == HC_FOCUS_DETAIL && a->detail_lines > 0 &&
	    (size_t)n < sizeof left) {
		int last = a->detail_top + a->lay.detail.h;

		if (last > a->detail_lines)
			last = a->detail_lines;
		snprintf(left + n, sizeof left - (size_t)n, " | detail %d-%d/%d",
		         a->detail_top + 1, last, a->detail_lines);
	}
	hc_pen_puts(&p, left, bar | A_BOLD);
	hc_pen_puts(&p, " | ", bar);
	if (a->msg[0])
		hc_pen_puts(&p, a->msg, bar | A_BOLD);
	else
		hc_pen_puts(&p, hints(a), bar);
	hc_pen_fill(&p, bar);
}
