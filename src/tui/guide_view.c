/*
 * guide_view.c - the "which code?" overlay.
 */
#include "guide_view.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"

#define CTRL(c) ((c) & 0x1f)

void hc_guide_view_open(struct hc_guide_view *gv)
{
	hc_guide_start(&gv->w);
	gv->n_back = 0;
	gv->open = true;
	gv->said_no_reply = false;
	gv->o.top = 0;
}

static int answer(struct hc_guide_view *gv, bool yes)
{
	const struct hc_guide_answer *a;

	if (!hc_guide_current(&gv->w))
		return 0;
	if (gv->n_back < HC_GUIDE_DEPTH)
		gv->back[gv->n_back++] = gv->w.at;
	hc_guide_answer_yes_no(&gv->w, yes);
	gv->o.top = 0;
	a = hc_guide_result(&gv->w);
	return a ? a->code : 0;
}

int hc_guide_view_key(struct hc_guide_view *gv, const struct hc_key *k)
{
	bool done = hc_guide_current(&gv->w) == NULL;

	gv->said_no_reply = false;
	if (k->kind == HC_KEY_SPECIAL) {
		switch (k->sp) {
		case HC_SP_ENTER:
			if (done) {
				gv->open = false;
				return 0;
			}
			return answer(gv, true);
		case HC_SP_BACKSPACE: case HC_SP_LEFT:
			goto back;
		case HC_SP_UP: hc_overlay_scroll(&gv->o, -1); return 0;
		case HC_SP_DOWN: hc_overlay_scroll(&gv->o, 1); return 0;
		case HC_SP_PGUP: hc_overlay_scroll(&gv->o, -10); return 0;
		case HC_SP_PGDN: hc_overlay_scroll(&gv->o, 10); return 0;
		default: return 0;
		}
	}
	if (k->kind != HC_KEY_CHAR)
		return 0;
	switch (k->c) {
	case 'y': case 'Y':
		return done ? 0 : answer(gv, true);
	case 'n': case 'N':
		return done ? 0 : answer(gv, false);
	case '\r': case '\n':
		if (done) {
			gv->open = false;
			return 0;
		}
		return answer(gv, true);
	case 127: case CTRL('h'): case 'b':
		goto back;
	case 'j': hc_overlay_scroll(&gv->o, 1); return 0;
	case 'k': hc_overlay_scroll(&gv->o, -1); return 0;
	case 27: case 'q': case 'Q': case 'w':
		gv->open = false;
		return 0;
	default:
		gv->said_no_reply = true;
		return 0;
	}
back:
	if (gv->n_back) {
		gv->w.at = gv->back[--gv->n_back];
		if (gv->w.steps)
			gv->w.steps--;
		gv->o.top = 0;
	}
	return 0;
}

static void both(struct hc_overlay *o, enum hc_lang lang, const char *en, const char *ko,
                 int width, int indent, attr_t attr)
{
	if (lang != HC_LANG_KO && en)
		hc_overlay_wrap(o, en, width, indent, attr);
	if (lang != HC_LANG_EN && ko)
		hc_overlay_wrap(o, ko, width, indent, attr);
}

/* The registered entry of a code (the guide's answers are registered). */
static const struct hc_entry *entry_of(int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);
	const struct hc_entry *all = hc_catalog_entries();

	for (size_t i = 0; i < n; i++)
		if (!all[first + i].vendor)
			return &all[first + i];
	return n ? &all[first] : NULL;
}

void hc_guide_view_draw(struct hc_guide_view *gv, struct hc_rect screen, enum hc_lang lang,
                        int *cy, int *cx)
{
	int w = hc_overlay_inner_width(screen);
	const struct hc_guide_question *q = hc_guide_current(&gv->w);
	const struct hc_guide_answer *a = hc_guide_result(&gv->w);
	bool ko = lang == HC_LANG_KO;
	char buf[512];

	hc_overlay_clear(&gv->o);
	if (q) {
		snprintf(buf, sizeof buf, ko ? "질문 %u" : "Question %u", gv->w.steps + 1);
		hc_overlay_add(&gv->o, buf, strlen(buf), A_DIM);
		both(&gv->o, lang, hc_str(q->ask_en), hc_str(q->ask_ko), w, 0, A_BOLD);
		hc_overlay_add(&gv->o, "", 0, A_NORMAL);
		hc_overlay_wrap(&gv->o, ko ? "y 또는 Enter: 예   n: 아니요   Backspace: 이전 질문   Esc: 나가기"
		                : "y or Enter: yes   n: no   Backspace: back one question   Esc: leave",
		                w, 0, A_NORMAL);
		if (gv->said_no_reply)
			hc_overlay_wrap(&gv->o, ko ? "y(예) 또는 n(아니요)로 답하십시오."
			                : "Answer y (yes) or n (no).", w, 0, A_BOLD);
	} else if (a) {
		const struct hc_entry *e = entry_of(a->code);

		if (lang == HC_LANG_BOTH && e)
			snprintf(buf, sizeof buf, "→ %03u %s · %s", a->code, hc_str(e->phrase_en), hc_str(e->name_ko));
		else if (e)
			snprintf(buf, sizeof buf, "→ %03u %s", a->code, ko ? hc_str(e->name_ko) : hc_str(e->phrase_en));
		else
			snprintf(buf, sizeof buf, "→ %03u", a->code);
		hc_overlay_wrap(&gv->o, buf, w, 0, A_BOLD);
		both(&gv->o, lang, hc_str(a->why_en), hc_str(a->why_ko), w, 2, A_NORMAL);
		if (a->n_rule_out) {
			hc_overlay_add(&gv->o, "", 0, A_NORMAL);
			hc_overlay_wrap(&gv->o, ko ? "다른 후보" : lang == HC_LANG_BOTH ?
			                "Not these / 다른 후보" : "Not these", w, 0, A_BOLD);
		}
		for (size_t i = 0; i < a->n_rule_out; i++) {
			const struct hc_rule_out *r = hc_guide_rule_out(a, i);

			if (lang != HC_LANG_KO) {
				snprintf(buf, sizeof buf, "%d %s", r->code, hc_str(r->en));
				hc_overlay_wrap(&gv->o, buf, w, 2, A_NORMAL);
			}
			if (lang != HC_LANG_EN) {
				snprintf(buf, sizeof buf, "%d %s", r->code, hc_str(r->ko));
				hc_overlay_wrap(&gv->o, buf, w, 2, A_NORMAL);
			}
		}
		hc_overlay_add(&gv->o, "", 0, A_NORMAL);
		hc_overlay_wrap(&gv->o, ko ? "트리에서 선택했습니다. Enter 또는 Esc: 닫기, Backspace: 이전 질문"
		                : "Selected in the tree. Enter or Esc closes, Backspace goes back.",
		                w, 0, A_NORMAL);
	}
	hc_overlay_draw(&gv->o, screen, ko ? "어떤 코드를 써야 할까요?" : "Which code should I use?",
	                ko ? "Esc: 나가기" : "Esc leaves", cy, cx);
}

void hc_guide_view_free(struct hc_guide_view *gv)
{
	hc_overlay_free(&gv->o);
}
