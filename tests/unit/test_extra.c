/* test_extra.c - look-ups of the IIS sub-status codes and the codes outside
 * 100-599 (extra.h), on the generated tables; expectations from data/iis.txt
 * and data/other-codes.txt as Microsoft's and the vendors' pages give them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extra.h"

static void test_find_substatus(void **state)
{
	const struct hc_entry *e;
	char code[4];

	(void)state;
	assert_int_equal(hc_extra_find("500.19", &e), 1);
	assert_int_equal(e->code, 500);
	assert_string_equal(hc_str(e->code_text), "500.19");
	assert_string_equal(hc_str(e->phrase_en), "Configuration data is invalid");
	assert_string_equal(hc_entry_field(e, HC_FIELD_CODE, 0, code), "500.19");
	assert_true(hc_extra_is_iis(e));
	assert_false(hc_extra_is_other(e));
	/* Written exactly: no prefix, no other separator. */
	assert_int_equal(hc_extra_find("500.1", &e), 0);
	assert_int_equal(hc_extra_find("500,19", &e), 0);
	assert_int_equal(hc_extra_find("500", &e), 0);
	assert_int_equal(hc_extra_find("", &e), 0);
	assert_null(e);
	/* Pasted from the IIS error page, or with spaces around it. */
	assert_int_equal(hc_extra_find("HTTP Error 500.19 - Internal Server Error", &e), 1);
	assert_string_equal(hc_str(e->code_text), "500.19");
	assert_int_equal(hc_extra_find("  404.3 ", &e), 1);
	assert_string_equal(hc_str(e->code_text), "404.3");
	assert_int_equal(hc_extra_find("see 403.14.", &e), 1);
	assert_string_equal(hc_str(e->code_text), "403.14");
	assert_int_equal(hc_extra_find(" 999", &e), 1);
	assert_string_equal(hc_str(e->vendor), "LinkedIn");
	/* Not a sub-status standing alone: a version, a longer number, a word. */
	assert_int_equal(hc_extra_find("v1500.19", &e), 0);
	assert_int_equal(hc_extra_find("500.19.2", &e), 0);
	assert_int_equal(hc_extra_find("1500.19", &e), 0);
	assert_int_equal(hc_extra_find("500.1900", &e), 0);
	assert_int_equal(hc_extra_find("error 0", &e), 0);
	assert_int_equal(hc_extra_find("HTTP Error 500.99", &e), 0);
}

static void test_find_outside(void **state)
{
	const struct hc_entry *a, *b;

	(void)state;
	/* "0" and "000" are two codes with the value 0. */
	assert_int_equal(hc_extra_find("0", &a), 1);
	assert_int_equal(hc_extra_find("000", &b), 1);
	assert_true(a != b);
	assert_int_equal(a->code, 0);
	assert_int_equal(b->code, 0);
	assert_string_equal(hc_str(b->vendor), "AWS ELB");
	assert_int_equal(hc_extra_find("999", &a), 1);
	assert_string_equal(hc_str(a->vendor), "LinkedIn");
	assert_int_equal(hc_extra_find("783", &a), 1);
	assert_string_equal(hc_str(a->vendor), "Shopify");
	assert_true(hc_extra_is_other(a));
	assert_false(hc_extra_is_iis(a));
	assert_int_equal(hc_extra_find("404", &a), 0);
}

static void test_iis_of(void **state)
{
	const struct hc_entry *e;
	size_t n = hc_extra_iis_of(500, &e), i;

	(void)state;
	/* 500.0 500.19 500.21 500.22 500.24 500.30 500.31 500.50, in order. */
	assert_int_equal(n, 8);
	assert_string_equal(hc_str(e[0].code_text), "500.0");
	assert_string_equal(hc_str(e[1].code_text), "500.19");
	assert_string_equal(hc_str(e[7].code_text), "500.50");
	for (i = 0; i < n; i++)
		assert_int_equal(e[i].code, 500);
	assert_int_equal(hc_extra_iis_of(418, &e), 0);
	assert_null(e);
	assert_int_equal(hc_extra_iis_of(403, &e), 2);
}

static void test_tables(void **state)
{
	size_t ni, no;
	const struct hc_entry *iis = hc_extra_iis(&ni), *other = hc_extra_other(&no);

	(void)state;
	assert_true(ni >= 27);
	assert_int_equal(no, 4);
	for (size_t i = 0; i < ni; i++) {
		assert_non_null(hc_str(iis[i].code_text));
		assert_true(iis[i].code >= 100 && iis[i].code <= 599);
		assert_non_null(strchr(hc_str(iis[i].code_text), '.'));
		if (i)  /* sorted by (code, sub-status) */
			assert_true(iis[i - 1].code < iis[i].code ||
			            (iis[i - 1].code == iis[i].code &&
			             atoi(strchr(hc_str(iis[i - 1].code_text), '.') + 1) <
			             atoi(strchr(hc_str(iis[i].code_text), '.') + 1)));
	}
	for (size_t i = 0; i < no; i++) {
		assert_true(other[i].code < 100 || other[i].code > 599);
		assert_int_equal(other[i].status, HC_STATUS_UNOFFICIAL);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_substatus),
		cmocka_unit_test(test_find_outside),
		cmocka_unit_test(test_iis_of),
		cmocka_unit_test(test_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
