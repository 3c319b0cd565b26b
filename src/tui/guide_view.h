/*
 * guide_view.h - "Which code should I use?" (key w) as an overlay over the
 * browser: the guide's questions (guide.h) one at a time; y or Enter for
 * yes, n for no, Backspace back one question, Esc (or q) leaves. On an
 * answer the browser selects that code and the overlay shows why it fits
 * and why each nearby code was ruled out.
 */
#ifndef HC_TUI_GUIDE_VIEW_H
#define HC_TUI_GUIDE_VIEW_H

#include <stdbool.h>

#include "guide.h"
#include "keys.h"
#include "options.h"
#include "overlay.h"

#define HC_GUIDE_DEPTH 64

struct hc_guide_view {
	bool open;
	struct hc_guide_walk w;
	int back[HC_GUIDE_DEPTH];       /* the questions answered, for Backspace */
	unsigned n_back;
	bool said_no_reply;             /* a key that is no answer: say what is */
	struct hc_overlay o;
};

void hc_guide_view_open(struct hc_guide_view *gv);

/* A key while open. Returns the code to select when this key reached an
 * answer, 0 otherwise; gv->open is false when the key closed it. */
int hc_guide_view_key(struct hc_guide_view *gv, const struct hc_key *k);

void hc_guide_view_draw(struct hc_guide_view *gv, struct hc_rect screen, enum hc_lang lang,
                        int *cy, int *cx);
void hc_guide_view_free(struct hc_guide_view *gv);

#endif
