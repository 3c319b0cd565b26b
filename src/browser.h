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
#include "doc.h"
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

/* A place the history can go back to: an entry, and a number its owner keeps
 * with it (the browser keeps the detail pane's scroll line there). */
struct hc_place {
	size_t entry;
	int mark;
};

#define HC_HISTORY_MAX 64

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

	/* Where links were followed from, oldest first (the oldest is
	 * dropped when full), as less's and man's back stack. */
	struct hc_place hist[HC_HISTORY_MAX];
	size_t n_hist;
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

/* The search hit for an entry while filtering, or NULL. A search finds no
 * spans (hc_results.spans_of): a hit in rows a view has asked to show
 * (hc_browser_show_rows) has its names' spans, what the list draws. */
const struct hc_hit *hc_browser_hit(const struct hc_browser *b, size_t entry);

/* Gives the hits among rows [top, top + n) their names' spans, kept until
 * the next search: what a view calls before it draws those rows. */
void hc_browser_show_rows(struct hc_browser *b, size_t top, size_t n);

/* The same hit copied into buf with its spans over every field (the detail
 * pane's), or NULL. */
const struct hc_hit *hc_browser_hit_full(const struct hc_browser *b, size_t entry,
                                         struct hc_hit *buf);

/* Open (open true) or close every class: ncdu's and vim's "all folds".
 * While filtering only the classes with hits open. The selection stays on
 * its entry when it is still shown, else on its class. */
void hc_browser_expand_all(struct hc_browser *b, bool open);

/* The entry a link to `code` goes to: the first entry with that code (the
 * table orders the vendors of a shared code by how often people meet
 * them), or SIZE_MAX when the table has none or it is in no class. */
size_t hc_browser_entry_of(const struct hc_browser *b, unsigned code);

/* Follow a link to entry idx: the selected entry (with `mark`) goes on the
 * history, the filter ends when it hides idx, and idx is selected. False
 * (nothing changed) when idx is not shown in any class or is the selection. */
bool hc_browser_go(struct hc_browser *b, size_t idx, int mark);

/* Back to the last place the history holds: selects it and gives its mark.
 * False when the history is empty. Places that can no longer be shown are
 * skipped. */
bool hc_browser_back(struct hc_browser *b, int *mark);

/*
 * The links of an entry's document, in reading order: each see-also line
 * (its code is the line's prefix: st == en == 0, the whole item), then every
 * three-digit number in a paragraph, a fact or a see-also text that is a code
 * of the table (other than `self`) and stands alone (no digit or letter
 * right before or after it: "502" and "(502)" but not "5023" or "502x").
 * Returns how many there are; at most max are stored.
 */
struct hc_link {
	size_t item;            /* index into d->items */
	size_t st, en;          /* bytes of the item's text; 0, 0: the see-also prefix */
	unsigned short code;
};
size_t hc_browser_links(const struct hc_browser *b, const struct hc_doc *d, unsigned self,
                        struct hc_link *out, size_t max);

/*
 * Every place q[0..qn) occurs in the text of the document's items (and
 * labels are not searched), in reading order, ASCII letters compared without
 * case; other characters compared as they are (NFC both). Matches do not
 * overlap. Returns how many there are; at most max are stored.
 */
struct hc_find {
	size_t item;
	size_t st, en;
};
size_t hc_browser_find_text(const struct hc_doc *d, const char *q, size_t qn,
                            struct hc_find *out, size_t max);

#endif
