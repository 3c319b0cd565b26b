/* test_ui_text.c - the browser's words (src/tui/ui_text.c): every message in
 * both languages, with the same printf arguments (the Korean column names
 * them by position, and app.c formats them with vsnprintf), the same hints
 * and the same help lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ui_text.h"

/* The conversions of a format by argument position ("zu", "s", "03u" -> 'u'):
 * conv[i] is the conversion character of argument i + 1, 0 when unused. */
static int conversions(const char *f, char conv[8])
{
	int next = 1, n = 0;

	memset(conv, 0, 8);
	for (const char *p = f; *p; p++) {
		int pos;

		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		pos = next++;
		if (p[0] >= '1' && p[0] <= '9' && p[1] == '$') {
			pos = p[0] - '0';
			p += 2;
		}
		while (*p && strchr("0123456789.-+ #zlh", *p))
			p++;
		assert_true(pos >= 1 && pos <= 8);
		conv[pos - 1] = *p;
		n = pos > n ? pos : n;
	}
	return n;
}

static void test_messages(void **state)
{
	(void)state;
	for (int id = 0; id < HC_UI_COUNT; id++) {
		const char *en = hc_ui((enum hc_ui)id, false), *ko = hc_ui((enum hc_ui)id, true);
		char ce[8], ck[8];

		assert_non_null(en);
		assert_non_null(ko);
		assert_true(en[0] != '\0');
		assert_true(ko[0] != '\0');
		assert_int_equal(conversions(en, ce), conversions(ko, ck));
		assert_memory_equal(ce, ck, 8);
	}
	assert_string_equal(hc_ui(HC_UI_MATCH_ONE, false), "%zu match of %zu");
	assert_string_equal(hc_ui(HC_UI_COUNT, true), "");
}

/* The formats are the table's (checked above to take the same arguments). */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void test_grammar(void **state)
{
	char buf[64];

	(void)state;
	snprintf(buf, sizeof buf, hc_ui(HC_UI_MATCH_ONE, false), (size_t)1, (size_t)107);
	assert_string_equal(buf, "1 match of 107");
	snprintf(buf, sizeof buf, hc_ui(HC_UI_MATCH_MANY, false), (size_t)3, (size_t)107);
	assert_string_equal(buf, "3 matches of 107");
	snprintf(buf, sizeof buf, hc_ui(HC_UI_MATCH_MANY, true), (size_t)3, (size_t)107);
	assert_string_equal(buf, "107개 중 3개 일치");
}

static void test_hints_and_help(void **state)
{
	(void)state;
	for (int w = HC_HINTS_TREE; w <= HC_HINTS_GOTO; w++) {
		int ne, nk;
		const struct hc_hint *e = hc_ui_hints((enum hc_hints)w, false, &ne);
		const struct hc_hint *k = hc_ui_hints((enum hc_hints)w, true, &nk);

		assert_int_equal(ne, nk);
		for (int i = 0; i < ne; i++) {
			assert_string_equal(e[i].key, k[i].key);
			/* "?" is typed in the search line: never offered there. */
			if (w == HC_HINTS_SEARCH || w == HC_HINTS_FIND || w == HC_HINTS_GOTO)
				assert_string_not_equal(e[i].key, "?");
		}
	}
	{
		int ne, nk;
		const char *const *e = hc_ui_help(false, &ne);
		const char *const *k = hc_ui_help(true, &nk);

		assert_int_equal(ne, nk);
		for (int i = 0; i < ne; i++) {
			assert_int_equal(e[i][0] == '#', k[i][0] == '#');
			assert_int_equal(strchr(e[i], '\t') != NULL, strchr(k[i], '\t') != NULL);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_grammar),
		cmocka_unit_test(test_hints_and_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
