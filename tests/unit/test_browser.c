/* test_browser.c - the browser model (rows, selection, expansion, filter,
 * next match) on a small made-up table, then once on the real catalog. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "browser.h"
#include "../made.h"
#include "../spans.h"
#include "catalog.h"

/* Seven made-up entries: two in 1xx, none in 2xx and 3xx, three in 4xx,
 * one in 5xx, and one outside every class (never shown). */
static struct hc_entry table[7];

static void make_table(void)
{
	const struct hc_entry t[] = {
		{ .code = 100, .phrase_en = S("Alpha Start") },
		{ .code = 101, .phrase_en = S("Beta Switch") },
		{ .code = 400, .phrase_en = S("Gamma Wrong") },
		{ .code = 404, .phrase_en = S("Delta Missing") },
		{ .code = 418, .phrase_en = S("Teapot Gamma") },
		{ .code = 503, .phrase_en = S("Epsilon Busy") },
		{ .code = 999, .phrase_en = S("Gamma Outside") },
	};

	_Static_assert(sizeof t == sizeof table, "table: the count above");
	memcpy(table, t, sizeof t);
}
#define N (sizeof table / sizeof table[0])

/* The rows as a string: "1" for a class row, "100" for an entry row. */
static const char *rows(const struct hc_browser *b)
{
	static char buf[256];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < b->n_rows && o + 8 < sizeof buf; i++) {
		const struct hc_row *r = &b->rows[i];
		int n = r->is_class ? snprintf(buf + o, sizeof buf - o, "%s%d", o ? " " : "", r->digit)
		                    : snprintf(buf + o, sizeof buf - o, "%s%u", o ? " " : "",
		                               (unsigned)b->entries[r->entry].code);

		o += (size_t)n;
	}
	return buf;
}

static unsigned sel_code(const struct hc_browser *b)
{
	const struct hc_row *r = hc_browser_selected(b);

	assert_non_null(r);
	return r->is_class ? (unsigned)r->digit : b->entries[r->entry].code;
}

static int setup(void **state)
{
	struct hc_browser *b = malloc(sizeof *b);

	if (!b || !hc_browser_init(b, table, N))
		return -1;
	*state = b;
	return 0;
}

static int teardown(void **state)
{
	hc_browser_free(*state);
	free(*state);
	return 0;
}

static void test_init(void **state)
{
	struct hc_browser *b = *state;

	/* Every class shows, even an empty one; all collapsed. */
	assert_string_equal(rows(b), "1 2 3 4 5");
	assert_int_equal(b->class_total[1], 2);
	assert_int_equal(b->class_total[2], 0);
	assert_int_equal(b->class_total[4], 3);
	assert_int_equal(b->class_first[4], 2);
	assert_int_equal(b->class_total[5], 1);
	assert_int_equal(b->sel, 0);
	assert_false(b->filtering);
	assert_null(hc_browser_hit(b, 0));
}

static void test_move_and_clamp(void **state)
{
	struct hc_browser *b = *state;

	hc_browser_move(b, 3);
	assert_int_equal(sel_code(b), 4);
	hc_browser_move(b, 100);
	assert_int_equal(sel_code(b), 5);
	hc_browser_move(b, -100);
	assert_int_equal(sel_code(b), 1);
	hc_browser_move(b, LONG_MIN / 2);
	assert_int_equal(b->sel, 0);
	hc_browser_select_row(b, SIZE_MAX);
	assert_int_equal(sel_code(b), 5);
	hc_browser_select_row(b, 1);
	assert_int_equal(sel_code(b), 2);
}

static void test_expand_collapse(void **state)
{
	struct hc_browser *b = *state;

	hc_browser_select_row(b, 3);                    /* 4xx */
	assert_false(hc_browser_expand(b));             /* opens it */
	assert_string_equal(rows(b), "1 2 3 4 400 404 418 5");
	assert_int_equal(sel_code(b), 4);               /* still on the class */
	assert_false(hc_browser_expand(b));             /* steps onto 400 */
	assert_int_equal(sel_code(b), 400);
	assert_true(hc_browser_expand(b));              /* a code: go to detail */
	hc_browser_move(b, 2);
	assert_int_equal(sel_code(b), 418);
	hc_browser_collapse(b);                         /* up to its class */
	assert_int_equal(sel_code(b), 4);
	hc_browser_collapse(b);                         /* closes it */
	assert_string_equal(rows(b), "1 2 3 4 5");
	assert_int_equal(sel_code(b), 4);
	hc_browser_collapse(b);                         /* nothing more */
	assert_string_equal(rows(b), "1 2 3 4 5");
	/* An empty class opens to nothing and stays selected. */
	hc_browser_select_row(b, 1);
	assert_false(hc_browser_expand(b));
	assert_string_equal(rows(b), "1 2 3 4 5");
	assert_int_equal(sel_code(b), 2);
	/* Toggle from a class row; on a code row it does nothing. */
	hc_browser_select_row(b, 0);
	hc_browser_toggle(b);
	assert_string_equal(rows(b), "1 100 101 2 3 4 5");
	hc_browser_move(b, 1);
	hc_browser_toggle(b);
	assert_string_equal(rows(b), "1 100 101 2 3 4 5");
	hc_browser_move(b, -1);
	hc_browser_toggle(b);
	assert_string_equal(rows(b), "1 2 3 4 5");
}

static void test_selection_follows_rebuild(void **state)
{
	struct hc_browser *b = *state;

	/* Opening a class above keeps the selection on the same row. */
	assert_true(hc_browser_select(b, 5));           /* 503 */
	assert_string_equal(rows(b), "1 2 3 4 5 503");
	hc_browser_select_row(b, 0);
	hc_browser_toggle(b);
	assert_true(hc_browser_select(b, 5));
	assert_int_equal(sel_code(b), 503);
	hc_browser_select_row(b, 0);
	hc_browser_toggle(b);                           /* close 1xx */
	assert_int_equal(sel_code(b), 1);
	/* The entry outside every class cannot be selected. */
	assert_false(hc_browser_select(b, 6));
	assert_false(hc_browser_select(b, N + 3));
}

static void test_search_filters(void **state)
{
	struct hc_browser *b = *state;
	unsigned gen = b->search_gen;

	hc_browser_select_row(b, 0);
	hc_browser_toggle(b);                           /* 1xx open before */
	assert_int_equal(hc_browser_search(b, "gamma", 5), HC_SEARCH_OK);
	assert_true(b->filtering);
	assert_true(b->search_gen != gen);
	/* Only classes with hits, expanded; the best hit selected. */
	assert_string_equal(rows(b), "4 400 418");
	assert_int_equal(b->class_hits[4], 2);
	assert_int_equal(b->class_hits[1], 0);
	assert_non_null(hc_browser_hit(b, 2));
	assert_null(hc_browser_hit(b, 3));
	/* 999 matches too, but it is in no class: no hit kept for it. */
	assert_null(hc_browser_hit(b, 6));
	assert_int_equal(sel_code(b), 400);

	/* next match wraps around in table order. */
	assert_true(hc_browser_next_match(b, 1));
	assert_int_equal(sel_code(b), 418);
	assert_true(hc_browser_next_match(b, 1));
	assert_int_equal(sel_code(b), 400);
	assert_true(hc_browser_next_match(b, -1));
	assert_int_equal(sel_code(b), 418);
	/* From a class row: the first hit at or after its first entry. */
	hc_browser_select_row(b, 0);
	assert_true(hc_browser_next_match(b, 1));
	assert_int_equal(sel_code(b), 400);

	/* A narrower search keeps filtering; the old tree is remembered. */
	assert_int_equal(hc_browser_search(b, "teapot", 6), HC_SEARCH_OK);
	assert_string_equal(rows(b), "4 418");
	/* An invalid query leaves the state alone. */
	assert_int_equal(hc_browser_search(b, "\xff", 1), HC_SEARCH_INVALID);
	assert_string_equal(rows(b), "4 418");
	/* Nothing found: no rows at all, no selection. */
	assert_int_equal(hc_browser_search(b, "zzzzqqq", 7), HC_SEARCH_OK);
	assert_string_equal(rows(b), "");
	assert_null(hc_browser_selected(b));
	assert_false(hc_browser_next_match(b, 1));
	hc_browser_move(b, 1);
	assert_false(hc_browser_expand(b));

	/* The empty query ends the filter: the tree as before, plus the
	 * class of the entry the search led to. */
	assert_int_equal(hc_browser_search(b, "teapot", 6), HC_SEARCH_OK);
	assert_int_equal(hc_browser_search(b, "  ", 2), HC_SEARCH_EMPTY);
	assert_false(b->filtering);
	assert_string_equal(rows(b), "1 100 101 2 3 4 400 404 418 5");
	assert_int_equal(sel_code(b), 418);
	assert_false(hc_browser_next_match(b, 1));
	hc_browser_clear_search(b);                     /* twice is harmless */
	assert_string_equal(rows(b), "1 100 101 2 3 4 400 404 418 5");
}

static void test_code_search(void **state)
{
	struct hc_browser *b = *state;

	assert_int_equal(hc_browser_search(b, "5xx", 3), HC_SEARCH_OK);
	assert_string_equal(rows(b), "5 503");
	assert_int_equal(sel_code(b), 503);
	assert_int_equal(hc_browser_search(b, "404", 3), HC_SEARCH_OK);
	assert_string_equal(rows(b), "4 404");
	hc_browser_clear_search(b);
	assert_string_equal(rows(b), "1 2 3 4 400 404 418 5");
	assert_int_equal(sel_code(b), 404);
	assert_false(b->filtering);
	assert_int_equal(b->hit_of[3], -1);
}

static void test_empty_table(void **state)
{
	struct hc_browser b;

	(void)state;
	assert_true(hc_browser_init(&b, table, 0));
	assert_string_equal(rows(&b), "1 2 3 4 5");
	assert_false(hc_browser_next_match(&b, 1));
	assert_int_equal(hc_browser_search(&b, "x", 1), HC_SEARCH_OK);
	assert_string_equal(rows(&b), "");
	hc_browser_free(&b);
}

/* Acceptance on the real table: 404 is found and selected. */
static void test_real_catalog(void **state)
{
	struct hc_browser b;
	const struct hc_row *r;

	(void)state;
	assert_true(hc_browser_init(&b, hc_catalog_entries(), hc_catalog_count()));
	assert_int_equal(hc_browser_search(&b, "not found", 9), HC_SEARCH_OK);
	r = hc_browser_selected(&b);
	assert_non_null(r);
	assert_false(r->is_class);
	assert_int_equal(b.entries[r->entry].code, 404);
	hc_browser_free(&b);
}

/* + and -: every class opens or closes; the selection stays on its entry. */
static void test_expand_all(void **state)
{
	struct hc_browser *b = *state;

	hc_browser_expand_all(b, true);
	assert_string_equal(rows(b), "1 100 101 2 3 4 400 404 418 5 503");
	assert_true(hc_browser_select(b, 3));
	hc_browser_expand_all(b, false);
	assert_string_equal(rows(b), "1 2 3 4 5");
	assert_int_equal(sel_code(b), 4);
	/* While filtering, only the classes with hits open. */
	assert_int_equal(hc_browser_search(b, "gamma", 5), HC_SEARCH_OK);
	hc_browser_expand_all(b, false);
	assert_string_equal(rows(b), "4");
	hc_browser_expand_all(b, true);
	assert_string_equal(rows(b), "4 400 418");
}

/* Links followed and back, as less's and man's history. */
static void test_history(void **state)
{
	struct hc_browser *b = *state;
	int mark = -1;

	assert_int_equal(hc_browser_entry_of(b, 404), 3);
	assert_int_equal(hc_browser_entry_of(b, 999), SIZE_MAX);  /* in no class */
	assert_int_equal(hc_browser_entry_of(b, 200), SIZE_MAX);
	assert_false(hc_browser_back(b, &mark));
	assert_true(hc_browser_select(b, 0));                    /* 100 */
	assert_true(hc_browser_go(b, 3, 7));                     /* to 404 */
	assert_int_equal(sel_code(b), 404);
	assert_false(hc_browser_go(b, 3, 1));                    /* already there */
	assert_false(hc_browser_go(b, 6, 1));                    /* 999: nowhere */
	assert_true(hc_browser_go(b, 5, 2));                     /* to 503 */
	assert_int_equal(b->n_hist, 2);
	assert_true(hc_browser_back(b, &mark));
	assert_int_equal(sel_code(b), 404);
	assert_int_equal(mark, 2);
	assert_true(hc_browser_back(b, &mark));
	assert_int_equal(sel_code(b), 100);
	assert_int_equal(mark, 7);
	assert_false(hc_browser_back(b, &mark));
	/* A link to an entry the filter hides ends the filter. */
	assert_int_equal(hc_browser_search(b, "delta", 5), HC_SEARCH_OK);
	assert_int_equal(sel_code(b), 404);
	assert_true(hc_browser_go(b, 0, 0));
	assert_false(b->filtering);
	assert_int_equal(sel_code(b), 100);
	assert_true(hc_browser_back(b, &mark));
	assert_int_equal(sel_code(b), 404);
	/* A full history drops its oldest place. */
	for (int i = 0; i < HC_HISTORY_MAX + 5; i++)
		assert_true(hc_browser_go(b, i % 2 ? 3u : 0u, i));
	assert_int_equal(b->n_hist, HC_HISTORY_MAX);
	assert_int_equal(b->hist[HC_HISTORY_MAX - 1].mark, HC_HISTORY_MAX + 4);
}

/* A made-up document: items' text in one buffer. */
static void add_item(struct hc_doc *d, struct hc_doc_item *items, char *buf,
                     enum hc_doc_role role, unsigned short code, bool cont, const char *t)
{
	struct hc_doc_item *it = &items[d->n++];

	memset(it, 0, sizeof *it);
	it->role = role;
	it->code = code;
	it->cont = cont;
	it->off = d->len;
	it->len = strlen(t);
	memcpy(buf + d->len, t, it->len);
	d->len += it->len;
}

static void test_links(void **state)
{
	struct hc_browser *b = *state;
	struct hc_doc_item items[8];
	char buf[512];
	struct hc_doc d = { .items = items, .buf = buf };
	struct hc_link l[8];

	add_item(&d, items, buf, HC_DOC_TITLE, 0, false, "404 Delta Missing");
	add_item(&d, items, buf, HC_DOC_PARA, 0, false,
	         "Unlike 400, and (503) and 101; not 4040, 503x, 200 or 999, nor RFC 9110 \xc2\xa7" "101; self 404.");
	add_item(&d, items, buf, HC_DOC_SEE, 418, false, "Teapot is 100 times sillier");
	add_item(&d, items, buf, HC_DOC_SEE, 418, true, "(the same in Korean)");
	add_item(&d, items, buf, HC_DOC_SEE, 200, false, "not in this table");
	assert_int_equal(hc_browser_links(b, &d, 404, l, 8), 5);
	assert_int_equal(l[0].code, 400);
	assert_int_equal(l[0].item, 1);
	assert_memory_equal(hc_doc_text(&d, &items[1]) + l[0].st, "400", 3);
	assert_int_equal(l[0].en - l[0].st, 3);
	assert_int_equal(l[1].code, 503);
	assert_int_equal(l[2].code, 101);
	assert_int_equal(l[3].code, 418);
	assert_int_equal(l[3].item, 2);
	assert_int_equal(l[3].st, 0);
	assert_int_equal(l[3].en, 0);
	assert_int_equal(l[4].code, 100);
	assert_int_equal(l[4].item, 2);
	/* Only as many as asked for are written; all are counted. */
	assert_int_equal(hc_browser_links(b, &d, 404, l, 2), 5);
}

static void test_find_text(void **state)
{
	struct hc_doc_item items[4];
	char buf[256];
	struct hc_doc d = { .items = items, .buf = buf };
	struct hc_find f[8];

	(void)state;
	add_item(&d, items, buf, HC_DOC_PARA, 0, false, "Proxy, proxy and PROXY; a proxyproxy.");
	add_item(&d, items, buf, HC_DOC_PARA, 0, false, "\xed\x94\x84\xeb\xa1\x9d\xec\x8b\x9c \xed\x94\x84\xeb\xa1\x9d\xec\x8b\x9c");
	assert_int_equal(hc_browser_find_text(&d, "proxy", 5, f, 8), 5);
	assert_int_equal(f[0].st, 0);
	assert_int_equal(f[1].st, 7);
	assert_int_equal(f[2].st, 17);
	assert_int_equal(f[3].st, 26);
	assert_int_equal(f[4].st, 31);
	/* Every match in a paragraph, not only the first (issue 14, item 2). */
	assert_int_equal(hc_browser_find_text(&d, "\xed\x94\x84\xeb\xa1\x9d", 6, f, 8), 2);
	assert_int_equal(f[0].item, 1);
	assert_int_equal(f[1].st, 10);
	assert_int_equal(hc_browser_find_text(&d, "xx", 2, f, 8), 0);
	assert_int_equal(hc_browser_find_text(&d, "", 0, f, 8), 0);
	assert_int_equal(hc_browser_find_text(&d, "proxy", 5, f, 1), 5);
}

/* On the real table: 502's document links to 504, and a link followed from
 * a search result comes back. */
static void test_real_links(void **state)
{
	struct hc_browser b;
	struct hc_doc d = { 0 };
	struct hc_link l[64];
	size_t n, i, e502 = SIZE_MAX, e504;
	bool to504 = false;
	int mark = 0;

	(void)state;
	assert_true(hc_browser_init(&b, hc_catalog_entries(), hc_catalog_count()));
	e502 = hc_browser_entry_of(&b, 502);
	e504 = hc_browser_entry_of(&b, 504);
	assert_true(e502 != SIZE_MAX && e504 != SIZE_MAX);
	assert_true(hc_doc_entry(&d, &b.entries[e502], HC_LANG_EN, NULL));
	n = hc_browser_links(&b, &d, 502, l, 64);
	assert_true(n > 0 && n <= 64);
	for (i = 0; i < n; i++) {
		assert_int_not_equal(l[i].code, 502);
		to504 |= l[i].code == 504;
	}
	assert_true(to504);
	assert_int_equal(hc_browser_search(&b, "bad gateway", 11), HC_SEARCH_OK);
	assert_int_equal(b.entries[hc_browser_selected(&b)->entry].code, 502);
	assert_true(hc_browser_go(&b, e504, 3));
	assert_true(hc_browser_back(&b, &mark));
	assert_int_equal(b.entries[hc_browser_selected(&b)->entry].code, 502);
	assert_int_equal(mark, 3);
	hc_doc_free(&d);
	hc_browser_free(&b);
}

/* The list shows names, of the rows on the screen: a search in the browser
 * finds no spans, the rows a view shows get those of the fields a row shows
 * (hc_browser_show_rows), and the detail pane asks for the rest
 * (hc_browser_hit_full); each is then what a plain search finds. */

/* The hit's row, or n_rows. */
static size_t row_of(const struct hc_browser *b, size_t entry)
{
	size_t i;

	for (i = 0; i < b->n_rows; i++)
		if (!b->rows[i].is_class && b->rows[i].entry == entry)
			break;
	return i;
}

static void test_hit_spans(void **state)
{
	static const char *const queries[] = {
		"timeout", "upstream", "retry", "cache", "페이지", "요청 시간", "ㅇㅊ", "4xx body", "forbiden",
		"t", "cloudflare", "nginx 499",
	};
	struct hc_browser b;
	struct hc_results plain = { 0 };
	size_t beyond = 0, shown = 0, unshown = 0, in_row = 0, vendor = 0;

	(void)state;
	assert_true(hc_browser_init(&b, hc_catalog_entries(), hc_catalog_count()));
	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++) {
		const char *q = queries[k];

		assert_int_equal(hc_browser_search(&b, q, strlen(q)), HC_SEARCH_OK);
		assert_int_equal(hc_search(b.ix, q, strlen(q), &plain), HC_SEARCH_OK);
		assert_int_equal(plain.n, b.res.n);
		for (size_t i = 0; i < plain.n; i++)
			assert_int_equal(hc_browser_hit(&b, plain.hits[i].entry)->n_spans, 0);
		/* rows 2..8 shown (a class row among them), then every row */
		for (int pass = 0; pass < 2; pass++) {
			if (pass == 0)
				hc_browser_show_rows(&b, 2, 7);
			else
				hc_browser_show_rows(&b, 0, b.n_rows);
			for (size_t i = 0; i < plain.n; i++) {
				const struct hc_hit *want = &plain.hits[i];
				const struct hc_hit *h = hc_browser_hit(&b, want->entry);
				size_t row = row_of(&b, want->entry);

				assert_non_null(h);
				if (pass == 0 && (row < 2 || row >= 9)) {
					assert_int_equal(h->n_spans, 0);
					unshown += row < b.n_rows;
					continue;
				}
				shown += pass == 0;
				assert_true(hc_test_row_spans_fit(want, h));
				in_row += h->n_spans > 0;
				for (unsigned s = 0; s < h->n_spans; s++)
					vendor += h->spans[s].field == HC_FIELD_VENDOR;
			}
		}
		for (size_t i = 0; i < plain.n; i++) {
			const struct hc_hit *want = &plain.hits[i];
			const struct hc_hit *h = hc_browser_hit(&b, want->entry);
			struct hc_hit buf;
			const struct hc_hit *full = hc_browser_hit_full(&b, want->entry, &buf);

			assert_ptr_equal(full, &buf);
			assert_int_equal(full->n_spans, want->n_spans);
			assert_memory_equal(full->spans, want->spans, want->n_spans * sizeof *want->spans);
			beyond += full->n_spans > h->n_spans;
		}
	}
	print_message("# %zu hits with spans beyond their rows' (%zu within); %zu rows shown first, "
	              "%zu not\n", beyond, in_row, shown, unshown);
	assert_true(beyond > 20);       /* the pane's spans are not the list's */
	assert_true(in_row > 20 && shown > 20 && unshown > 20);
	assert_true(vendor > 0);        /* "cloudflare": the row shows its vendor */
	hc_results_free(&plain);
	hc_browser_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_and_clamp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_expand_collapse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_selection_follows_rebuild, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_code_search, setup, teardown),
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_real_catalog),
		cmocka_unit_test_setup_teardown(test_expand_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links, setup, teardown),
		cmocka_unit_test(test_find_text),
		cmocka_unit_test(test_real_links),
		cmocka_unit_test(test_hit_spans),
	};

	make_table();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
