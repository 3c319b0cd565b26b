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
#include "catalog.h"

/* Seven made-up entries: two in 1xx, none in 2xx and 3xx, three in 4xx,
 * one in 5xx, and one outside every class (never shown). */
static const struct hc_entry table[] = {
	{ .code = 100, .phrase_en = "Alpha Start" },
	{ .code = 101, .phrase_en = "Beta Switch" },
	{ .code = 400, .phrase_en = "Gamma Wrong" },
	{ .code = 404, .phrase_en = "Delta Missing" },
	{ .code = 418, .phrase_en = "Teapot Gamma" },
	{ .code = 503, .phrase_en = "Epsilon Busy" },
	{ .code = 999, .phrase_en = "Gamma Outside" },
};
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
