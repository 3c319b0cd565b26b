/*
 * compare_view.h - the compare overlay (key c): the same table as
 * --compare (compare.h), fitted to the window or stacked when narrow, in
 * the language shown. Scrolls with j/k, arrows and pages; any other key
 * closes it.
 */
#ifndef HC_TUI_COMPARE_VIEW_H
#define HC_TUI_COMPARE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "compare.h"
#include "keys.h"
#include "options.h"
#include "overlay.h"

struct hc_compare_view {
	bool open;
	const struct hc_entry *v[HC_COMPARE_MAX];
	size_t n;
	struct hc_overlay o;
	/* what the lines were made for */
	int width;
	enum hc_lang lang;
};

void hc_compare_view_open(struct hc_compare_view *cv, const struct hc_entry *const *v, size_t n);
/* Returns false when the key closed it. */
bool hc_compare_view_key(struct hc_compare_view *cv, const struct hc_key *k);
void hc_compare_view_draw(struct hc_compare_view *cv, struct hc_rect screen, enum hc_lang lang,
                          int *cy, int *cx);
void hc_compare_view_free(struct hc_compare_view *cv);

#endif
