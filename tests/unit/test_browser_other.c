/* test_browser_other.c - the browser's sixth group (issue 15): codes outside
 * 100-599 after 5xx, sub-status codes never in the tree; on a made-up table
 * shaped as the browser gets it (the table, then the codes outside). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "browser.h"
#include "../made.h"
#include "doc.h"
#include "extra.h"

static struct hc_entry table[6];

static void make_table(void)
{
	const struct hc_entry t[] = {
		{ .code = 404, .phrase_en = S("Delta Missing") },
		{ .code = 404, .code_text = S("404.3"), .phrase_en = S("Mime Restriction") },
		{ .code = 503, .phrase_en = S("Epsilon Busy") },
		{ .code = 0, .code_text = S("0"), .phrase_en = S("Browser Nothing") },
		{ .code = 0, .code_text = S("000"), .phrase_en = S("Balancer Nothing") },
		{ .code = 999, .code_text = S("999"), .phrase_en = S("Linked Denied") },
	};

	_Static_assert(sizeof t == sizeof table, "table: the count above");
	memcpy(table, t, sizeof t);
}
#define N (sizeof table / sizeof table[0])

static const char *rows(const struct hc_browser *b)
{
	static char buf[256];
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < b->n_rows && o + 8 < sizeof buf; i++) {
		const struct hc_row *r = &b->rows[i];
		char code[4];

		o += (size_t)(r->is_class ? snprintf(buf + o, sizeof buf - o, "%s%d", o ? " " : "", r->digit)
		                          : snprintf(buf + o, sizeof buf - o, "%s%s", o ? " " : "",
		                                     hc_entry_field(&b->entries[r->entry], HC_FIELD_CODE,
		                                                    0, code)));
	}
	return buf;
}

static void test_group(void **state)
{
	struct hc_browser b;

	(void)state;
	assert_true(hc_browser_init(&b, table, N));
	assert_string_equal(rows(&b), "1 2 3 4 5 6");
	assert_int_equal(b.class_total[HC_GROUP_OTHER], 3);
	assert_int_equal(b.class_total[4], 1);  /* 404.3 is not in the tree */
	hc_browser_select_row(&b, 5);
	hc_browser_expand(&b);
	assert_string_equal(rows(&b), "1 2 3 4 5 6 0 000 999");
	hc_browser_collapse(&b);
	hc_browser_select_row(&b, 3);
	hc_browser_expand(&b);
	assert_string_equal(rows(&b), "1 2 3 4 404 5 6");
	hc_browser_free(&b);
}

static void test_search(void **state)
{
	struct hc_browser b;

	(void)state;
	assert_true(hc_browser_init(&b, table, N));
	assert_int_equal(hc_browser_search(&b, "linked", 6), HC_SEARCH_OK);
	assert_string_equal(rows(&b), "6 999");
	assert_true(hc_browser_search(&b, "nothing", 7) == HC_SEARCH_OK);
	assert_string_equal(rows(&b), "6 0 000");
	/* A sub-status found by its words stays out of the tree. */
	assert_true(hc_browser_search(&b, "mime", 4) == HC_SEARCH_OK);
	assert_int_equal(b.n_rows, 0);
	hc_browser_free(&b);
}

/* Without codes outside the range there is no sixth row. */
static void test_no_group(void **state)
{
	struct hc_browser b;

	(void)state;
	assert_true(hc_browser_init(&b, table, 3));
	assert_string_equal(rows(&b), "1 2 3 4 5");
	hc_browser_free(&b);
}

static void test_group_doc(void **state)
{
	struct hc_doc d = { 0 };

	(void)state;
	assert_true(hc_doc_other_group(&d, HC_LANG_KO, 4));
	assert_true(d.n >= 3);
	assert_memory_equal(hc_doc_text(&d, &d.items[0]), "기타 범위 (100~599 밖)", d.items[0].len);
	assert_memory_equal(hc_doc_text(&d, &d.items[1]), "4개 (모두 비공식)", d.items[1].len);
	assert_true(hc_doc_other_group(&d, HC_LANG_EN, 4));
	assert_memory_equal(hc_doc_text(&d, &d.items[0]), "Other codes (outside 100-599)", d.items[0].len);
	/* Copies of the entries are told apart by their spelling. */
	assert_true(hc_extra_is_other(&table[3]));
	assert_true(hc_extra_is_iis(&table[1]));
	assert_false(hc_extra_is_other(&table[0]));
	hc_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_no_group),
		cmocka_unit_test(test_group_doc),
	};

	make_table();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
