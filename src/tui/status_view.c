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

static const char *hints(enum hc_hints h)
{
	switch (h) {
	case HC_HINTS_SEARCH:
		return "Enter: keep  Esc: clear  Up/Down: select  ?: help";
	case HC_HINTS_DETAIL:
		return "j/k: scroll  Tab: tree  y: copy  ?: help  q: quit";
	case HC_HINTS_TREE:
		break;
	}
	return "/: search  Tab: detail  L: lang  y: copy  ?: help  q: quit";
}

void hc_status_draw(const struct hc_status_info *s, struct hc_rect r)
{
	struct hc_pen p = hc_pen_at(r.y, r.x, r.w);
	attr_t bar = A_REVERSE;
	char left[96];
	int n;

	if (s->filtering)
		n = snprintf(left, sizeof left, " %zu of %zu match | %s",
		             s->matches, s->total, lang_label(s->lang));
	else
		n = snprintf(left, sizeof left, " %zu codes | %s", s->total,
		             lang_label(s->lang));
	if (n > 0 && s->detail_lines > 0 && (size_t)n < sizeof left)
		snprintf(left + n, sizeof left - (size_t)n, " | detail %d-%d/%d",
		         s->detail_first, s->detail_last, s->detail_lines);
	hc_pen_puts(&p, left, bar | A_BOLD);
	hc_pen_puts(&p, " | ", bar);
	if (s->msg && s->msg[0])
		hc_pen_puts(&p, s->msg, bar | A_BOLD);
	else
		hc_pen_puts(&p, hints(s->hints), bar);
	hc_pen_fill(&p, bar);
}
