/*
 * browser.h - the browser's state without curses: which rows of the class
 * tree are visible, which one is selected, which classes are expanded, and
 * the search filter with its hit map and per-class counts.
 *
 * The entries given must be sorted by code (as the catalog is), so that each
 * class 1xx..5xx is one contiguous run; an entry whose class digit is not 1..5
 * is never shown, except the codes outside 100-599, one run after the table's
 * own entries (HC_GROUP_OTHER). Any array will do: the real catalog, or a small made-up table
 * in the unit tests. The views read the fields below; only the functions here
 * change them (the same rule as for app.c: one writer).
 *
 * Rows: a class row for each class (hidden while a filter is on and the class
 * has no hit), followed, when the class is expanded, by its entries (only the
 * hits while filtering). The selection follows the same entry (or its class)
 * across every rebuild.
 */
#ifndef HC_BROWSER_H
#define HC_BROWSER_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "search.h"

/* A visible line of the tree: a class, or an entry under it. */
struct hc_row {
	size_t entry;           /* index into entries (entry rows only) */
	unsigned char digit;    /* class 1..5, or HC_GROUP_OTHER */
	bool is_class;
};

/* The sixth group, after 5xx: codes outside 100-599 ("000", "0", "999"; an
 * entry with a code_text and no sub-status, extra.h), given after the
 * table's entries in the same array. Sub-status entries are never shown. */
enum { HC_GROUP_OTHER = 6, HC_GROUPS = 7 };

struct hc_browser {
	const struct hc_entry *entries;
	size_t n_entries;
	size_t class_first[HC_GROUPS];  /* first entry of class digit d */
	size_t class_total[HC_GROUPS];  /* entries per class digit */

	/* Search: one results buffer reused on every query. The index is
	 * built on the first search (browsing needs none). */
	struct hc_index *ix;
	struct hc_results res;
	int *hit_of;            /* per entry: index into res.hits, or -1 */
	size_t class_hits[HC_GROUPS];
	bool filtering;         /* a non-empty query is applied */
	unsigned search_gen;    /* bumped whenever the hits change (caches) */

	bool expanded[HC_GROUPS];
	bool saved_expanded[HC_GROUPS]; /* the tree as it was before the filter */

	/* NULL: table order. Else a permutation of the entries that keeps
	 * each class's run in place (the log lens's order by count). */
	const size_t *order;

	struct hc_row *rows;
	size_t n_rows;
	size_t sel;             /* selected row; meaningless if n_rows == 0 */
};

/* Set up over entries[0..n) with every class collapsed and the first row
 * selected. False when out of memory (then hc_browser_free is still safe). */
bool hc_browser_init(struct hc_browser *b, const struct hc_entry *entries,
                     size_t n);
void hc_browser_free(struct hc_browser *b);

/* Search for query[0..len). HC_SEARCH_OK applies the filter: only classes and
 * entries with a hit stay, classes with hits are expanded and the best hit is
 * selected. HC_SEARCH_EMPTY ends the filter (as hc_browser_clear_search).
 * Any other status leaves the state as it was. */
enum hc_search_status hc_browser_search(struct hc_browser *b, const char *query,
                                        size_t len);

/* End the filter: the tree comes back as it was before the search, with the
 * class of the selected entry expanded so that it stays in view. */
void hc_browser_clear_search(struct hc_browser *b);

/* Move the selection by delta rows, clamped to the first and last row. */
void hc_browser_move(struct hc_browser *b, long delta);

/* Select row i (clamped to the last row). */
void hc_browser_select_row(struct hc_browser *b, size_t i);

/* Select entry idx, expanding its class when needed. False when the entry is
 * not visible (filtered out, or not in a class). */
bool hc_browser_select(struct hc_browser *b, size_t idx);

/* Right/Enter on the selection: expand a collapsed class, or step onto the
 * first code of an expanded one. Returns true when the selection is a code
 * (the caller moves the focus to its detail), false otherwise. */
bool hc_browser_expand(struct hc_browser *b);

/* Left on the selection: collapse an expanded class, or from a code go up to
 * its class row. */
void hc_browser_collapse(struct hc_browser *b);

/* Open a closed class or close an open one (the selection must be a class). */
void hc_browser_toggle(struct hc_browser *b);

/* Select the next (dir > 0) or previous hit in table order, wrapping around.
 * False when there is no filter or it has no hit. */
bool hc_browser_next_match(struct hc_browser *b, int dir);

/* Show each class's entries in the order given (see order above; NULL:
 * table order). The selection stays on the same entry. */
void hc_browser_set_order(struct hc_browser *b, const size_t *order);

/* The selected row, or NULL when the tree is empty. */
const struct hc_row *hc_browser_selected(const struct hc_browser *b);

/* The search hit for an entry while filtering, or NULL. */
const struct hc_hit *hc_browser_hit(const struct hc_browser *b, size_t entry);

#endif
