/*
 * browser.c - the browser's rows, selection, expansion and search filter.
 * No curses: see browser.h.
 */
#include "browser.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int class_of(const struct hc_entry *e)
{
	int d = e->code / 100;

	if (e->code_text)       /* outside the five classes (extra.h) */
		return strchr(hc_str(e->code_text), '.') ? 0 : HC_GROUP_OTHER;
	return d >= 1 && d <= 5 ? d : 0;
}

static bool same_row(const struct hc_row *x, const struct hc_row *y)
{
	return x->is_class == y->is_class && x->digit == y->digit &&
	       (x->is_class || x->entry == y->entry);
}

const struct hc_row *hc_browser_selected(const struct hc_browser *b)
{
	return b->n_rows > 0 && b->sel < b->n_rows ? &b->rows[b->sel] : NULL;
}

const struct hc_hit *hc_browser_hit(const struct hc_browser *b, size_t entry)
{
	int k;

	if (!b->filtering || entry >= b->n_entries)
		return NULL;
	k = b->hit_of[entry];
	return k >= 0 && (size_t)k < b->res.n ? &b->res.hits[k] : NULL;
}

const struct hc_hit *hc_browser_hit_full(const struct hc_browser *b, size_t entry,
                                         struct hc_hit *buf)
{
	const struct hc_hit *h = hc_browser_hit(b, entry);

	if (!h)
		return NULL;
	*buf = *h;
	hc_hit_spans(b->ix, &b->res, buf, HC_SPANS_ALL);
	return buf;
}

void hc_browser_show_rows(struct hc_browser *b, size_t top, size_t n)
{
	if (!b->filtering)
		return;
	for (size_t i = top; i < b->n_rows && i - top < n; i++) {
		const struct hc_row *row = &b->rows[i];
		int k = row->is_class ? -1 : b->hit_of[row->entry];

		if (k >= 0 && (size_t)k < b->res.n)
			hc_hit_spans(b->ix, &b->res, &b->res.hits[k], HC_SPANS_ROW);
	}
}

/* Recompute the visible rows from expanded[] and the filter, keeping the
 * selection on the same entry (or its class) when it is still there. */
static void rebuild_rows(struct hc_browser *b)
{
	struct hc_row old = { 0, 0, false };
	bool had = b->n_rows > 0;
	size_t old_sel = b->sel, i;
	int d;

	if (had)
		old = b->rows[b->sel < b->n_rows ? b->sel : 0];
	b->n_rows = 0;
	for (d = 1; d < HC_GROUPS; d++) {
		size_t first = b->class_first[d], n = b->class_total[d];
		struct hc_row cr = { 0, (unsigned char)d, true };

		if (b->filtering && b->class_hits[d] == 0)
			continue;
		if (d == HC_GROUP_OTHER && n == 0)     /* no such codes given */
			continue;
		b->rows[b->n_rows++] = cr;
		if (!b->expanded[d])
			continue;
		for (size_t k = first; k < first + n && k < b->n_entries; k++) {
			struct hc_row er;

			i = b->order ? b->order[k] : k;
			er = (struct hc_row){ i, (unsigned char)d, false };
			if (!b->filtering || b->hit_of[i] >= 0)
				b->rows[b->n_rows++] = er;
		}
	}
	b->sel = 0;
	if (!had || b->n_rows == 0)
		return;
	for (i = 0; i < b->n_rows; i++)
		if (same_row(&b->rows[i], &old)) {
			b->sel = i;
			return;
		}
	for (i = 0; i < b->n_rows; i++)
		if (b->rows[i].is_class && b->rows[i].digit == old.digit) {
			b->sel = i;
			return;
		}
	b->sel = old_sel < b->n_rows ? old_sel : b->n_rows - 1;
}

bool hc_browser_init(struct hc_browser *b, const struct hc_entry *entries,
                     size_t n)
{
	size_t i;

	memset(b, 0, sizeof *b);
	b->entries = entries;
	b->n_entries = n;
	/* the list shows names, of the rows on the screen: a search finds no
	 * spans; the rows drawn get their names' (hc_browser_show_rows), the
	 * detail pane the selected hit's (hc_browser_hit_full) */
	b->res.spans_of = HC_SPANS_NONE;
	for (i = 0; i < n; i++) {
		int d = class_of(&entries[i]);

		if (d && b->class_total[d]++ == 0)
			b->class_first[d] = i;
	}
	b->hit_of = malloc((n + 1) * sizeof *b->hit_of);
	b->rows = malloc((n + HC_GROUPS) * sizeof *b->rows);
	if (!b->hit_of || !b->rows)
		return false;
	for (i = 0; i < n; i++)
		b->hit_of[i] = -1;
	rebuild_rows(b);
	return true;
}

void hc_browser_free(struct hc_browser *b)
{
	hc_results_free(&b->res);
	if (b->ix)
		hc_index_free(b->ix);
	free(b->hit_of);
	free(b->rows);
	memset(b, 0, sizeof *b);
}

void hc_browser_move(struct hc_browser *b, long delta)
{
	long s;

	if (b->n_rows == 0)
		return;
	s = (long)b->sel + delta;
	if (delta < 0 && s > (long)b->sel)
		s = 0;                  /* overflow guard for huge deltas */
	if (s < 0)
		s = 0;
	if (s >= (long)b->n_rows)
		s = (long)b->n_rows - 1;
	b->sel = (size_t)s;
}

void hc_browser_select_row(struct hc_browser *b, size_t i)
{
	if (b->n_rows == 0)
		return;
	b->sel = i < b->n_rows ? i : b->n_rows - 1;
}

bool hc_browser_select(struct hc_browser *b, size_t idx)
{
	int d;
	size_t i;

	if (idx >= b->n_entries)
		return false;
	d = class_of(&b->entries[idx]);
	if (!d)
		return false;
	if (!b->expanded[d]) {
		b->expanded[d] = true;
		rebuild_rows(b);
	}
	for (i = 0; i < b->n_rows; i++)
		if (!b->rows[i].is_class && b->rows[i].entry == idx) {
			b->sel = i;
			return true;
		}
	return false;
}

bool hc_browser_expand(struct hc_browser *b)
{
	const struct hc_row *r = hc_browser_selected(b);

	if (!r)
		return false;
	if (!r->is_class)
		return true;
	if (!b->expanded[r->digit]) {
		b->expanded[r->digit] = true;
		rebuild_rows(b);
	} else if (b->sel + 1 < b->n_rows && !b->rows[b->sel + 1].is_class) {
		b->sel++;
	}
	return false;
}

void hc_browser_collapse(struct hc_browser *b)
{
	const struct hc_row *r = hc_browser_selected(b);
	size_t i;

	if (!r)
		return;
	if (r->is_class) {
		if (b->expanded[r->digit]) {
			b->expanded[r->digit] = false;
			rebuild_rows(b);
		}
		return;
	}
	for (i = b->sel; i-- > 0;)
		if (b->rows[i].is_class) {
			b->sel = i;
			return;
		}
}

void hc_browser_toggle(struct hc_browser *b)
{
	const struct hc_row *r = hc_browser_selected(b);

	if (!r || !r->is_class)
		return;
	b->expanded[r->digit] = !b->expanded[r->digit];
	rebuild_rows(b);
}

void hc_browser_clear_search(struct hc_browser *b)
{
	const struct hc_row *r;
	size_t i;

	if (!b->filtering)
		return;
	b->filtering = false;
	b->search_gen++;
	for (i = 0; i < b->n_entries; i++)
		b->hit_of[i] = -1;
	memcpy(b->expanded, b->saved_expanded, sizeof b->expanded);
	r = hc_browser_selected(b);
	/* Keep the entry the search led to in view. */
	if (r && !r->is_class)
		b->expanded[r->digit] = true;
	rebuild_rows(b);
}

enum hc_search_status hc_browser_search(struct hc_browser *b, const char *query,
                                        size_t len)
{
	enum hc_search_status st;
	size_t i;
	int d;

	if (!b->ix)
		b->ix = hc_index_new(b->entries, b->n_entries);
	st = b->ix ? hc_search(b->ix, query, len, &b->res) : HC_SEARCH_NOMEM;
	if (st == HC_SEARCH_EMPTY)
		hc_browser_clear_search(b);
	if (st != HC_SEARCH_OK)
		return st;
	if (!b->filtering)
		memcpy(b->saved_expanded, b->expanded, sizeof b->expanded);
	b->filtering = true;
	b->search_gen++;
	for (i = 0; i < b->n_entries; i++)
		b->hit_of[i] = -1;
	memset(b->class_hits, 0, sizeof b->class_hits);
	for (i = 0; i < b->res.n; i++) {
		size_t e = b->res.hits[i].entry;

		if (e >= b->n_entries || b->hit_of[e] >= 0)
			continue;
		d = class_of(&b->entries[e]);
		if (!d)
			continue;
		b->hit_of[e] = (int)i;
		b->class_hits[d]++;
	}
	for (d = 1; d < HC_GROUPS; d++)
		b->expanded[d] = b->class_hits[d] > 0;
	rebuild_rows(b);
	/* The best match is selected (hits are sorted best first). */
	for (i = 0; i < b->res.n; i++)
		if (hc_browser_select(b, b->res.hits[i].entry))
			break;
	return st;
}

void hc_browser_set_order(struct hc_browser *b, const size_t *order)
{
	b->order = order;
	rebuild_rows(b);
}

bool hc_browser_next_match(struct hc_browser *b, int dir)
{
	const struct hc_row *r = hc_browser_selected(b);
	long n = (long)b->n_entries, cur = dir > 0 ? -1 : 0, k;

	if (!b->filtering || b->res.n == 0 || n == 0)
		return false;
	dir = dir > 0 ? 1 : -1;
	if (r && !r->is_class) {
		cur = (long)r->entry;
	} else if (r) {
		long first = (long)b->class_first[r->digit];

		cur = dir > 0 ? first - 1 : first;
	}
	for (k = 1; k <= n; k++) {
		long i = ((cur + dir * k) % n + n) % n;

		if (b->hit_of[i] >= 0 && hc_browser_select(b, (size_t)i))
			return true;
	}
	return false;
}

void hc_browser_expand_all(struct hc_browser *b, bool open)
{
	int d;

	for (d = 1; d < HC_GROUPS; d++)
		b->expanded[d] = open && (!b->filtering || b->class_hits[d] > 0);
	rebuild_rows(b);
}

size_t hc_browser_entry_of(const struct hc_browser *b, unsigned code)
{
	size_t i;

	for (i = 0; i < b->n_entries; i++)
		if (b->entries[i].code == code)
			return class_of(&b->entries[i]) ? i : SIZE_MAX;
	return SIZE_MAX;
}

/* Select entry idx, ending the filter when it hides it. */
static bool show_entry(struct hc_browser *b, size_t idx)
{
	if (idx >= b->n_entries || !class_of(&b->entries[idx]))
		return false;
	if (b->filtering && b->hit_of[idx] < 0)
		hc_browser_clear_search(b);
	return hc_browser_select(b, idx);
}

bool hc_browser_go(struct hc_browser *b, size_t idx, int mark)
{
	const struct hc_row *r = hc_browser_selected(b);
	struct hc_place from = { SIZE_MAX, mark };

	if (idx >= b->n_entries || !class_of(&b->entries[idx]))
		return false;
	if (r && !r->is_class) {
		if (r->entry == idx)
			return false;
		from.entry = r->entry;
	}
	if (!show_entry(b, idx))
		return false;
	if (from.entry != SIZE_MAX) {
		if (b->n_hist == HC_HISTORY_MAX) {
			memmove(b->hist, b->hist + 1, (HC_HISTORY_MAX - 1) * sizeof b->hist[0]);
			b->n_hist--;
		}
		b->hist[b->n_hist++] = from;
	}
	return true;
}

bool hc_browser_back(struct hc_browser *b, int *mark)
{
	while (b->n_hist > 0) {
		struct hc_place p = b->hist[--b->n_hist];

		if (show_entry(b, p.entry)) {
			*mark = p.mark;
			return true;
		}
	}
	return false;
}

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

size_t hc_browser_links(const struct hc_browser *b, const struct hc_doc *d, unsigned self,
                        struct hc_link *out, size_t max)
{
	size_t n = 0, i, k;

	for (i = 0; i < d->n; i++) {
		const struct hc_doc_item *it = &d->items[i];
		const unsigned char *t = (const unsigned char *)hc_doc_text(d, it);

		if (it->role == HC_DOC_SEE && !it->cont && it->code != self &&
		    hc_browser_entry_of(b, it->code) != SIZE_MAX) {
			if (n < max)
				out[n] = (struct hc_link){ i, 0, 0, it->code };
			n++;
		}
		if (it->role != HC_DOC_PARA && it->role != HC_DOC_SEE && it->role != HC_DOC_FACT)
			continue;
		for (k = 0; k + 3 <= it->len; k++) {
			unsigned code;

			if (!is_digit(t[k]) || !is_digit(t[k + 1]) || !is_digit(t[k + 2]))
				continue;
			if ((k > 0 && is_alnum(t[k - 1])) || (k + 3 < it->len && is_alnum(t[k + 3]))) {
				while (k < it->len && is_alnum(t[k]))
					k++;
				continue;
			}
			/* "RFC 9110 §15.5.5" has no code in it: a number after
			 * a dot or "§" is a section. */
			if (k > 0 && (t[k - 1] == '.' || t[k - 1] == 0xa7))
				continue;
			code = (unsigned)((t[k] - '0') * 100 + (t[k + 1] - '0') * 10 + (t[k + 2] - '0'));
			if (code != self && hc_browser_entry_of(b, code) != SIZE_MAX) {
				if (n < max)
					out[n] = (struct hc_link){ i, k, k + 3, (unsigned short)code };
				n++;
			}
			k += 2;
		}
	}
	return n;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

size_t hc_browser_find_text(const struct hc_doc *d, const char *q, size_t qn,
                            struct hc_find *out, size_t max)
{
	size_t n = 0, i, k, j;

	if (qn == 0)
		return 0;
	for (i = 0; i < d->n; i++) {
		const struct hc_doc_item *it = &d->items[i];
		const char *t = hc_doc_text(d, it);

		for (k = 0; k + qn <= it->len;) {
			for (j = 0; j < qn && lower((unsigned char)t[k + j]) ==
			            lower((unsigned char)q[j]); j++)
				;
			if (j < qn) {
				k++;
				continue;
			}
			if (n < max)
				out[n] = (struct hc_find){ i, k, k + qn };
			n++;
			k += qn;
		}
	}
	return n;
}
