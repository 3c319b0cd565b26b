/*
 * app.h - the browser's state. Only app.c changes it; the views get a const
 * pointer and draw from it.
 */
#ifndef HC_TUI_APP_H
#define HC_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "layout.h"
#include "options.h"
#include "search.h"
#include "search_box.h"
#include "tui.h"

enum hc_focus {
	HC_FOCUS_TREE,
	HC_FOCUS_DETAIL,
	HC_FOCUS_SEARCH,
};

/* A visible line of the tree: a class, or an entry under it. */
struct hc_row {
	size_t entry;           /* index into the catalog (entries only) */
	unsigned char digit;    /* class 1..5 */
	bool is_class;
};

struct hc_app {
	const struct hc_tui_config *cfg;
	const struct hc_entry *entries;
	size_t n_entries;
	size_t class_total[6];  /* entries per class digit */

	/* Search: one results buffer reused on every keystroke. */
	struct hc_index *ix;
	struct hc_results res;
	int *hit_of;            /* per entry: index into res.hits, or -1 */
	size_t class_hits[6];
	bool filtering;         /* a non-empty query is applied */
	bool search_pending;    /* the query changed; search before use */
	unsigned search_gen;    /* bumped on every search (for caches) */

	enum hc_lang lang;      /* chosen with L; see hc_app_lang() */
	bool example;           /* e: the detail shows the example exchange */
	struct hc_code_pref code;       /* In code: languages first (C cycles the first) */
	unsigned view_gen;      /* bumped when example or code change (caches) */
	bool expanded[6];
	bool saved_expanded[6]; /* the tree as it was before the filter */

	struct hc_row *rows;
	size_t n_rows;
	size_t sel;             /* selected row; meaningless if n_rows == 0 */
	size_t tree_top;        /* first row shown */
	int detail_top;         /* first detail line shown */
	int detail_lines;       /* lines in the detail for the selection */

	enum hc_focus focus;
	bool help;
	int help_top;
	struct hc_box box;
	char msg[256];          /* status message until the next key */
	struct hc_layout lay;
};

/* The language actually shown: English only when the locale cannot show
 * Hangul, whatever was chosen. */
enum hc_lang hc_app_lang(const struct hc_app *a);

/* The search hit for an entry while filtering, or NULL. */
const struct hc_hit *hc_app_hit(const struct hc_app *a, size_t entry);

/* The selected row, or NULL when the tree is empty. */
const struct hc_row *hc_app_selected(const struct hc_app *a);

#endif
