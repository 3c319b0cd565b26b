/* test_decide.c - facts, links, the guide's walk and replies, the quiz's draw and judging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "facts.h"
#include "guide.h"
#include "quiz.h"

static const struct hc_entry *entry(int code)
{
	size_t first;

	assert_true(hc_catalog_find_code(code, &first) > 0);
	return &hc_catalog_entries()[first];
}

static const char *token(int code, enum hc_fact f)
{
	static char buf[128];

	return hc_fact_token(entry(code), f, buf, sizeof buf);
}

/* Redirects, by RFC 9110 §15.4.2-§15.4.9. */
static void test_redirect_facts(void **state)
{
	(void)state;
	assert_string_equal(token(301, HC_FACT_REDIRECT), "permanent");
	assert_string_equal(token(308, HC_FACT_REDIRECT), "permanent");
	assert_string_equal(token(302, HC_FACT_REDIRECT), "temporary");
	assert_string_equal(token(307, HC_FACT_REDIRECT), "temporary");
	assert_string_equal(token(303, HC_FACT_REDIRECT), "other");
	assert_string_equal(token(300, HC_FACT_REDIRECT), "choice");
	assert_string_equal(token(304, HC_FACT_REDIRECT), "none");
	assert_string_equal(token(301, HC_FACT_METHOD), "may-change");
	assert_string_equal(token(302, HC_FACT_METHOD), "may-change");
	assert_string_equal(token(303, HC_FACT_METHOD), "to-get");
	assert_string_equal(token(307, HC_FACT_METHOD), "kept");
	assert_string_equal(token(308, HC_FACT_METHOD), "kept");
	assert_null(token(404, HC_FACT_REDIRECT));
	assert_null(token(304, HC_FACT_METHOD));
}

/* Content: 1xx, 204, 205 and 304 have none (RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5). */
static void test_body_facts(void **state)
{
	static const int none[] = { 100, 101, 102, 103, 204, 205, 304 };
	static const int some[] = { 200, 201, 206, 301, 400, 404, 500 };

	(void)state;
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		assert_string_equal(token(none[i], HC_FACT_BODY), "none");
	for (size_t i = 0; i < sizeof some / sizeof some[0]; i++)
		assert_string_equal(token(some[i], HC_FACT_BODY), "allowed");
}

/* The MUSTs of RFC 9110 §15.2.2, §15.5.2, §15.5.6, §15.5.8, §15.5.22 and §15.3.7.1. */
static void test_header_facts(void **state)
{
	(void)state;
	assert_string_equal(token(401, HC_FACT_HEADER), "must WWW-Authenticate");
	assert_string_equal(token(405, HC_FACT_HEADER), "must Allow");
	assert_string_equal(token(407, HC_FACT_HEADER), "must Proxy-Authenticate");
	assert_string_equal(token(426, HC_FACT_HEADER), "must Upgrade");
	assert_string_equal(token(101, HC_FACT_HEADER), "must Upgrade");
	assert_string_equal(token(206, HC_FACT_HEADER), "must Content-Range");
	assert_string_equal(token(429, HC_FACT_HEADER), "may Retry-After");
	assert_string_equal(token(503, HC_FACT_HEADER), "may Retry-After");
	assert_null(token(403, HC_FACT_HEADER));
}

static void test_retry_and_kind_facts(void **state)
{
	(void)state;
	assert_string_equal(token(429, HC_FACT_RETRY), "later");     /* RFC 6585 §4 */
	assert_string_equal(token(503, HC_FACT_RETRY), "later");     /* RFC 9110 §15.6.4 */
	assert_string_equal(token(408, HC_FACT_RETRY), "same");      /* RFC 9110 §15.5.9 */
	assert_string_equal(token(421, HC_FACT_RETRY), "same");      /* RFC 9110 §15.5.20 */
	assert_string_equal(token(401, HC_FACT_RETRY), "changed");   /* RFC 9110 §15.5.2 */
	assert_string_equal(token(403, HC_FACT_RETRY), "changed");   /* RFC 9110 §15.5.4 */
	assert_string_equal(token(410, HC_FACT_RETRY), "no");        /* RFC 9110 §15.5.11 */
	assert_string_equal(token(200, HC_FACT_RETRY), "not-needed");
	assert_null(token(500, HC_FACT_RETRY));                      /* no RFC says */
	assert_string_equal(token(100, HC_FACT_KIND), "interim");
	assert_string_equal(token(103, HC_FACT_KIND), "interim");
	assert_string_equal(token(101, HC_FACT_KIND), "switch");
	assert_string_equal(token(200, HC_FACT_KIND), "final");
	assert_string_equal(token(418, HC_FACT_OUTCOME), "client-error");
}

/* RFC 9110 §15.1's heuristically cacheable list, and 451 by RFC 7725 §3. */
static void test_cacheable_facts(void **state)
{
	static const int yes[] = { 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501 };
	static const int no[] = { 201, 302, 303, 307, 400, 401, 403, 500, 502, 503 };

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_string_equal(token(yes[i], HC_FACT_CACHEABLE), "yes");
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_string_equal(token(no[i], HC_FACT_CACHEABLE), "no");
}

/* A vendor code has only what follows from its class. */
static void test_vendor_facts(void **state)
{
	const struct hc_entry *all = hc_catalog_entries();
	char buf[64];
	const char *ref = "x";

	(void)state;
	for (size_t i = 0; i < hc_catalog_count(); i++) {
		if (!all[i].vendor)
			continue;
		assert_null(hc_fact_token(&all[i], HC_FACT_RETRY, buf, sizeof buf));
		assert_string_equal(hc_fact_text(&all[i], HC_FACT_RETRY, false, buf, sizeof buf, &ref),
		                    "—");
		assert_string_equal(ref, "");
		assert_non_null(hc_fact_token(&all[i], HC_FACT_OUTCOME, buf, sizeof buf));
	}
	/* A buffer too small is cut, not overrun. */
	assert_string_equal(hc_fact_text(entry(301), HC_FACT_METHOD, false, buf, 5, NULL), "POST");
}

static void test_links(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(hc_link_rfc(entry(404), buf, sizeof buf),
	                    "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5");
	assert_string_equal(hc_link_rfc(entry(429), buf, sizeof buf),
	                    "https://www.rfc-editor.org/rfc/rfc6585.html#section-4");
	assert_string_equal(hc_link_rfc(entry(104), buf, sizeof buf),
	                    "https://datatracker.ietf.org/doc/draft-ietf-httpbis-resumable-upload/");
	/* 418 cites "RFC 9110 §15.5.19; RFC 2324 §2.3.2": the first. */
	assert_string_equal(hc_link_rfc(entry(418), buf, sizeof buf),
	                    "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.19");
	assert_string_equal(hc_link_mdn(entry(404), false, buf, sizeof buf),
	                    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404");
	assert_string_equal(hc_link_mdn(entry(404), true, buf, sizeof buf),
	                    "https://developer.mozilla.org/ko/docs/Web/HTTP/Reference/Status/404");
	assert_null(hc_link_mdn(entry(407), true, buf, sizeof buf));  /* no Korean page */
	assert_null(hc_link_mdn(entry(306), false, buf, sizeof buf)); /* no page at all */
	assert_null(hc_link_rfc(entry(404), buf, 10));                /* would not fit */
	size_t first;

	assert_true(hc_catalog_find_code(444, &first) > 0);
	assert_null(hc_link_rfc(&hc_catalog_entries()[first], buf, sizeof buf));
	assert_null(hc_link_mdn(&hc_catalog_entries()[first], false, buf, sizeof buf));
}

static void test_replies(void **state)
{
	static const char *const yes[] = { "y", "Y", "yes", " YES ", "예", "네", "ㅇ", "yes\n" };
	static const char *const no[] = { "n", "No", "아니요", "아니오", "ㄴ", "\tno\r\n" };
	static const char *const other[] = { "", "maybe", "yess", "예예", "1", "ye s" };

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_int_equal(hc_guide_parse_reply(yes[i], strlen(yes[i])), 1);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_int_equal(hc_guide_parse_reply(no[i], strlen(no[i])), 0);
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
		assert_int_equal(hc_guide_parse_reply(other[i], strlen(other[i])), -1);
}

/* Paths (yes = 1) from the first question to each answer, by depth-first search. */
static void find_paths(int at, unsigned path, unsigned depth, unsigned *paths, unsigned *depths,
                       unsigned *visits)
{
	assert_true(depth < 32);                /* no cycle, no absurd depth */
	assert_true(++*visits < 100000);
	if (at < 0) {
		size_t a = (size_t)(-(at + 1));

		assert_true(a < hc_guide_answer_count());
		paths[a] = path;
		depths[a] = depth;
		return;
	}
	const struct hc_guide_question *q = hc_guide_question((size_t)at);

	assert_non_null(q);
	find_paths(q->yes, path | 1u << depth, depth + 1, paths, depths, visits);
	find_paths(q->no, path, depth + 1, paths, depths, visits);
}

/* Every answer can be reached, and walking its path through the API ends on it. */
static void test_guide_walks(void **state)
{
	unsigned paths[256], depths[256], visits = 0;

	(void)state;
	assert_true(hc_guide_answer_count() >= 30 && hc_guide_answer_count() <= 256);
	for (size_t a = 0; a < hc_guide_answer_count(); a++)
		depths[a] = 99;
	find_paths(0, 0, 0, paths, depths, &visits);
	for (size_t a = 0; a < hc_guide_answer_count(); a++) {
		struct hc_guide_walk w;

		assert_true(depths[a] != 99);
		hc_guide_start(&w);
		for (unsigned k = 0; k < depths[a]; k++) {
			assert_non_null(hc_guide_current(&w));
			assert_null(hc_guide_result(&w));
			hc_guide_answer_yes_no(&w, paths[a] >> k & 1);
		}
		assert_null(hc_guide_current(&w));
		assert_ptr_equal(hc_guide_result(&w), hc_guide_answer(a));
		assert_ptr_equal(hc_guide_answer_for(hc_guide_answer(a)->code), hc_guide_answer(a));
		assert_true(hc_guide_answer(a)->n_rule_out > 0);
	}
	/* Every registered code is an answer or excluded with a reason. */
	const struct hc_entry *all = hc_catalog_entries();

	for (size_t i = 0; i < hc_catalog_count(); i++) {
		if (all[i].vendor)
			continue;
		bool ans = hc_guide_answer_for(all[i].code) != NULL;
		bool ex = hc_guide_excluded_for(all[i].code) != NULL;

		assert_true(ans != ex);
	}
	assert_null(hc_guide_excluded_for(429));
	assert_non_null(hc_guide_excluded_for(100));
}

static int fake_lookup(const char *s, size_t n, void *ud)
{
	(void)ud;
	return n == 9 && memcmp(s, "Not Found", 9) == 0 ? 404 : -1;
}

static void test_quiz(void **state)
{
	struct hc_quiz a, b;
	struct hc_quiz_question qa, qb;
	unsigned char seen[1000] = { 0 };
	unsigned n = 0;

	(void)state;
	hc_quiz_init(&a, 42, 0);
	hc_quiz_init(&b, 42, 0);
	while (hc_quiz_next(&a, &qa)) {
		assert_true(hc_quiz_next(&b, &qb));
		assert_int_equal(qa.kind, qb.kind);
		assert_ptr_equal(qa.entry, qb.entry);
		assert_ptr_equal(qa.other, qb.other);
		assert_false(seen[qa.entry->code]);   /* each code once */
		seen[qa.entry->code] = 1;
		assert_null(hc_str(qa.entry->vendor));
		if (qa.kind == HC_QUIZ_PAIR) {
			assert_non_null(qa.other);
			assert_int_not_equal(qa.other->code, qa.entry->code);
			assert_int_equal(qa.line->code, qa.other->code);
		}
		n++;
	}
	assert_false(hc_quiz_next(&b, &qb));
	assert_true(n >= 40);

	/* Another seed asks in another order. */
	hc_quiz_init(&a, 42, 0);
	hc_quiz_init(&b, 43, 0);
	bool differ = false;

	for (int i = 0; i < 5; i++) {
		hc_quiz_next(&a, &qa);
		hc_quiz_next(&b, &qb);
		differ |= qa.entry != qb.entry;
	}
	assert_true(differ);

	/* A class keeps to its class. */
	hc_quiz_init(&a, 1, 4);
	while (hc_quiz_next(&a, &qa))
		assert_int_equal(qa.entry->code / 100, 4);

	/* Judging: three digits are a code, anything else goes to the look-up. */
	qa.entry = entry(404);
	assert_true(hc_quiz_judge(&qa, " 404\n", 5, fake_lookup, NULL));
	assert_false(hc_quiz_judge(&qa, "410", 3, fake_lookup, NULL));
	assert_true(hc_quiz_judge(&qa, "Not Found", 9, fake_lookup, NULL));
	assert_false(hc_quiz_judge(&qa, "Gone", 4, fake_lookup, NULL));
	assert_false(hc_quiz_judge(&qa, "", 0, fake_lookup, NULL));
	assert_false(hc_quiz_judge(&qa, "Not Found", 9, NULL, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redirect_facts),
		cmocka_unit_test(test_body_facts),
		cmocka_unit_test(test_header_facts),
		cmocka_unit_test(test_retry_and_kind_facts),
		cmocka_unit_test(test_cacheable_facts),
		cmocka_unit_test(test_vendor_facts),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_replies),
		cmocka_unit_test(test_guide_walks),
		cmocka_unit_test(test_quiz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
