/*
 * compare_view.c - the compare overlay.
 */
#include "compare_view.h"

#include <stdio.h>
#include <string.h>

void hc_compare_view_open(struct hc_compare_view *cv, const struct hc_entry *const *v, size_t n)
{
	cv->n = n < HC_COMPARE_MAX ? n : HC_COMPARE_MAX;
	memcpy(cv->v, v, cv->n * sizeof *v);
	cv->open = true;
	cv->width = -1;
	cv->o.top = 0;
}

bool hc_compare_view_key(struct hc_compare_view *cv, const struct hc_key *k)
{
	if (k->kind == HC_KEY_SPECIAL) {
		switch (k->sp) {
		case HC_SP_UP: hc_overlay_scroll(&cv->o, -1); return true;
		case HC_SP_DOWN: hc_overlay_scroll(&cv->o, 1); return true;
		case HC_SP_PGUP: hc_overlay_scroll(&cv->o, -10); return true;
		case HC_SP_PGDN: hc_overlay_scroll(&cv->o, 10); return true;
		case HC_SP_HOME: cv->o.top = 0; return true;
		case HC_SP_RESIZE: case HC_SP_MOUSE: case HC_SP_NONE: return true;
		default: break;
		}
	} else if (k->kind == HC_KEY_CHAR && (k->c == 'j' || k->c == 'k' || k->c == ' ')) {
		hc_overlay_scroll(&cv->o, k->c == 'k' ? -1 : k->c == 'j' ? 1 : 10);
		return true;
	} else if (k->kind == HC_KEY_IGNORED) {
		return true;
	}
	cv->open = false;
	return false;
}

void hc_compare_view_draw(struct hc_compare_view *cv, struct hc_rect screen, enum hc_lang lang,
                          int *cy, int *cx)
{
	int w = hc_overlay_inner_width(screen);
	char title[64];
	int t = 0;

	if (w != cv->width || lang != cv->lang) {
		struct hc_compare_lines L = { 0 };

		hc_overlay_clear(&cv->o);
		if (hc_compare_lines(&L, cv->v, cv->n, lang, w)) {
			for (size_t i = 0; i < L.n; i++) {
				const char *s = hc_compare_line(&L, i);

				hc_overlay_add(&cv->o, s, strlen(s), i == 0 ? A_BOLD : A_NORMAL);
			}
		} else {
			hc_overlay_add(&cv->o, "Out of memory.", 14, A_BOLD);
		}
		hc_compare_lines_free(&L);
		cv->width = w;
		cv->lang = lang;
	}
	t = snprintf(title, sizeof title, lang == HC_LANG_KO ? "비교" : "Compare");
	for (size_t i = 0; i < cv->n && t > 0 && (size_t)t < sizeof title - 8; i++)
		t += snprintf(title + t, sizeof title - (size_t)t, " %03u", (unsigned)cv->v[i]->code);
	hc_overlay_draw(&cv->o, screen, title, lang == HC_LANG_KO ? "아무 키나 누르면 닫힘" :
	                "any other key closes", cy, cx);
}

void hc_compare_view_free(struct hc_compare_view *cv)
{
	hc_overlay_free(&cv->o);
}
