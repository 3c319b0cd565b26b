/*
 * test_rank.c - the ranking model of search.h on small made-up tables:
 * each case builds the few entries it needs, so that the expected order
 * follows from the rule under test alone (real-table checks are in
 * test_search.c and tests/search/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "../made.h"
#include "search.h"

static struct hc_results res;

#define N(a) (sizeof (a) / sizeof (a)[0])
#define LIST(a) { a, (unsigned char)N(a) }

/* Runs q over entries and checks the order of the hits by code. */
static void expect_order(const struct hc_entry *entries, size_t n, const char *q,
                         const int *codes, size_t n_codes)
{
	struct hc_index *ix = hc_index_new(entries, n);

	assert_non_null(ix);
	assert_int_equal(hc_search(ix, q, strlen(q), &res), HC_SEARCH_OK);
	assert_int_equal(res.n, n_codes);
	for (size_t i = 0; i < n_codes; i++)
		assert_int_equal(entries[res.hits[i].entry].code, codes[i]);
	hc_index_free(ix);
}

/* Equally good: the registered code comes before a vendor's, whatever the
 * table order (420 Twitter before 429 in code order). */
static void test_registered_first(void **state)
{
	static const char *const kw[] = { "rate limit" };
	const struct hc_entry t[] = {
		{ .code = 420, .vendor = S("Twitter"), .phrase_en = S("Enhance Your Calm"),
		  .keywords_en = L(kw) },
		{ .code = 429, .phrase_en = S("Too Many Requests"), .keywords_en = L(kw) },
	};
	const int want[] = { 429, 420 };

	(void)state;
	expect_order(t, N(t), "rate limit", want, 2);
}

/* A name, alias or keyword above running text. */
static void test_names_above_text(void **state)
{
	static const char *const kw[] = { "throttle" };
	const struct hc_entry t[] = {
		{ .code = 400, .phrase_en = S("Bad"), .desc_en = S("Servers throttle clients.") },
		{ .code = 429, .phrase_en = S("Many"), .keywords_en = L(kw) },
	};
	const int want[] = { 429, 400 };

	(void)state;
	expect_order(t, N(t), "throttle", want, 2);
}

/* A run of the query's words that is a whole keyword (or name) counts
 * more than the same words at the start of a longer name: in "server not
 * modified", "not modified" is all of 304's keyword, only the start of the
 * other's name (which, as a name, would otherwise come first). */
static void test_name_in_query(void **state)
{
	static const char *const kw[] = { "not modified" };
	const struct hc_entry t[] = {
		{ .code = 300, .phrase_en = S("Not Modified Yet"), .desc_en = S("The server waits.") },
		{ .code = 304, .phrase_en = S("Cached"), .keywords_en = L(kw),
		  .desc_en = S("The server says so.") },
	};
	const int want[] = { 304, 300 };

	(void)state;
	expect_order(t, N(t), "server not modified", want, 2);
}

/* A whole word above a prefix inside a longer word: "auth" is not
 * "Non-Authoritative". */
static void test_whole_word(void **state)
{
	static const char *const kw[] = { "auth failed" };
	const struct hc_entry t[] = {
		{ .code = 203, .phrase_en = S("Non-Authoritative Information") },
		{ .code = 401, .phrase_en = S("Unauthorized"), .keywords_en = L(kw) },
	};
	const int want[] = { 401, 203 };

	(void)state;
	expect_order(t, N(t), "auth", want, 2);
}

/* Every term matched, or nothing of the entry: the one with both words
 * only; with a word no entry has, the entries with most words, flagged. */
static void test_all_terms(void **state)
{
	const struct hc_entry t[] = {
		{ .code = 500, .phrase_en = S("Server Error") },
		{ .code = 503, .phrase_en = S("Server Busy") },
		{ .code = 418, .phrase_en = S("Busy Teapot Server") },
	};
	const int both[] = { 503, 418 };
	const int some[] = { 503, 418, 500 };

	(void)state;
	expect_order(t, N(t), "server busy", both, 2);
	assert_false(res.partial);
	expect_order(t, N(t), "server busy zzyzx", some, 3);
	assert_true(res.partial);
	assert_int_equal(res.terms, 3);
	assert_int_equal(res.matched, 2);
}

/* Words side by side in a keyword count more than the same words apart. */
static void test_pairs(void **state)
{
	static const char *const apart[] = { "timed in; out of order" };
	static const char *const together[] = { "upstream timed out" };
	const struct hc_entry t[] = {
		{ .code = 499, .phrase_en = S("Apart"), .keywords_en = L(apart) },
		{ .code = 504, .phrase_en = S("Together"), .keywords_en = L(together) },
	};
	const int want[] = { 504, 499 };

	(void)state;
	expect_order(t, N(t), "timed out", want, 2);
}

/* Noise words never exclude an entry, and a status line means its code. */
static void test_noise_and_status(void **state)
{
	const struct hc_entry t[] = {
		{ .code = 404, .phrase_en = S("Not Found") },
		{ .code = 410, .phrase_en = S("Gone") },
	};
	const int code[] = { 404 };

	(void)state;
	expect_order(t, N(t), "what does error 404 mean", code, 1);
	expect_order(t, N(t), "HTTP/1.1 404 Whatever Text", code, 1);
	assert_int_equal(res.hits[0].rank, HC_RANK_CODE_EXACT);
	expect_order(t, N(t), "HttpStatus.NOT_FOUND", code, 1);
}

/* A code typed in a sentence that otherwise matches elsewhere wins. */
static void test_typed_code_first(void **state)
{
	const struct hc_entry t[] = {
		{ .code = 218, .phrase_en = S("Page Does Not Work"), .desc_en = S("This page is broken") },
		{ .code = 500, .phrase_en = S("Internal Server Error") },
	};
	const int want[] = { 500, 218 };

	(void)state;
	expect_order(t, N(t), "this page does not work 500", want, 2);
	assert_true(res.partial);
}

/* Korean: particles, spelling variants and a one-syllable typo. */
static void test_korean(void **state)
{
	static const char *const kw[] = { "업로드 용량 초과" };
	static const char *const al[] = { "리다이렉트" };
	const struct hc_entry t[] = {
		{ .code = 413, .phrase_en = S("Content Too Large"), .name_ko = S("콘텐츠가 너무 큼"),
		  .keywords_ko = L(kw) },
		{ .code = 302, .phrase_en = S("Found"), .name_ko = S("발견됨"), .aliases_ko = L(al) },
	};
	const int large[] = { 413 };
	const int redirect[] = { 302 };

	(void)state;
	expect_order(t, N(t), "용량이 초과", large, 1);
	expect_order(t, N(t), "컨텐츠가 너무 큼", large, 1);
	expect_order(t, N(t), "리다이랙트", redirect, 1);
	assert_int_equal(res.hits[0].rank, HC_RANK_TYPO);
}

/* British spellings find the American ones. */
static void test_british(void **state)
{
	const struct hc_entry t[] = {
		{ .code = 401, .phrase_en = S("Unauthorized") },
		{ .code = 200, .phrase_en = S("OK") },
	};
	const int want[] = { 401 };

	(void)state;
	expect_order(t, N(t), "unauthorised", want, 1);
}

static int teardown(void **state)
{
	(void)state;
	hc_results_free(&res);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registered_first),
		cmocka_unit_test(test_names_above_text),
		cmocka_unit_test(test_name_in_query),
		cmocka_unit_test(test_whole_word),
		cmocka_unit_test(test_all_terms),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_noise_and_status),
		cmocka_unit_test(test_typed_code_first),
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_british),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
