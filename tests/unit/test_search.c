/*
 * test_search.c - the search engine over the real table and small made-up
 * tables.
 *
 * Expectations are written by hand from the table source (data/4xx.txt and
 * its siblings: phrases, Korean names, aliases, headers and vendors are
 * quoted in the comments), not captured from the program's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "../made.h"
#include "index.h"
#include "search.h"

static struct hc_index *ix;
static struct hc_results res;

static int setup(void **state)
{
	(void)state;
	ix = hc_index_new(hc_catalog_entries(), hc_catalog_count());
	return ix ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	hc_results_free(&res);
	hc_index_free(ix);
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

static enum hc_search_status search_in(const struct hc_index *x,
                                       const char *q, size_t len)
{
	return hc_search(x, q, len, &res);
}

/* Runs q over the real table and expects success. */
static void search(const char *q)
{
	assert_int_equal(search_in(ix, q, strlen(q)), HC_SEARCH_OK);
}

static const struct hc_entry *entry_of(size_t i)
{
	return &hc_catalog_entries()[res.hits[i].entry];
}

/* Position of the first hit with this code (and vendor, when given), or -1. */
static long pos_of(int code, const char *vendor)
{
	for (size_t i = 0; i < res.n; i++) {
		const struct hc_entry *e = entry_of(i);

		if (e->code != code)
			continue;
		if (!vendor || (hc_str(e->vendor) && strcmp(hc_str(e->vendor), vendor) == 0))
			return (long)i;
	}
	return -1;
}

static enum hc_rank rank_of(int code, const char *vendor)
{
	long p = pos_of(code, vendor);

	assert_true(p >= 0);
	return res.hits[p].rank;
}

static void expect_rank(int code, const char *vendor, enum hc_rank want)
{
	long p = pos_of(code, vendor);

	if (p < 0)
		fail_msg("%d %s: not found", code, vendor ? vendor : "");
	if (res.hits[p].rank != want)
		fail_msg("%d: rank %s, want %s", code,
		         hc_rank_name(res.hits[p].rank), hc_rank_name(want));
}

/* The span of hit i in field (and item), or NULL. */
static const struct hc_span *span_in(size_t i, enum hc_field field,
                                     unsigned item)
{
	for (unsigned k = 0; k < res.hits[i].n_spans; k++) {
		const struct hc_span *s = &res.hits[i].spans[k];

		if (s->field == field && s->item == item)
			return s;
	}
	return NULL;
}

static void expect_span(size_t i, enum hc_field field, unsigned item,
                        unsigned start, unsigned len)
{
	const struct hc_span *s = span_in(i, field, item);

	if (!s)
		fail_msg("no span in field %d item %u", field, item);
	assert_int_equal(s->start, start);
	assert_int_equal(s->len, len);
}

static bool is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

static int group_of(enum hc_rank r)
{
	return r <= HC_RANK_NAME_PREFIX ? (int)r : HC_RANK_NAME_PREFIX + 1;
}

/* p comes before h as search.h says: a typed code, then code and
 * whole-name matches, then registered before a vendor the query does not
 * name when only noise tells them apart, then score, then registered before
 * vendor (except in code lists), then fine score, then terms matched, then
 * table order. */
static void check_order(const struct hc_entry *entries, const struct hc_hit *p,
                        const struct hc_hit *h)
{
	bool vp = hc_str(entries[p->entry].vendor) != NULL, vh = hc_str(entries[h->entry].vendor) != NULL;

	assert_true(p->coded >= h->coded);
	if (p->coded != h->coded)
		return;
	assert_true(group_of(p->rank) <= group_of(h->rank));
	if (group_of(p->rank) != group_of(h->rank))
		return;
	/* a registered code before a vendor's the query does not name, when
	 * only noise words tell them apart */
	if (vp != vh && h->rank > HC_RANK_CODE_PREFIX && !(vp ? p : h)->vendor_named &&
	    p->score - p->noise == h->score - h->noise) {
		assert_false(vp);
		return;
	}
	assert_true(p->score >= h->score);
	if (p->score != h->score)
		return;
	if (vp != vh && h->rank > HC_RANK_CODE_PREFIX) {
		assert_false(vp);
		return;
	}
	assert_true(p->fine >= h->fine);
	if (p->fine != h->fine)
		return;
	assert_true(p->matched >= h->matched);
	if (p->matched != h->matched)
		return;
	assert_true(h->entry > p->entry);
}

/* Every span lies inside its string, on character boundaries; hits come in
 * the documented order (the result proper, then the partial matches that
 * fill it, each part in that order). */
static void check_results(const struct hc_entry *entries)
{
	for (size_t i = 0; i < res.n; i++) {
		const struct hc_hit *h = &res.hits[i];
		const struct hc_entry *e = &entries[h->entry];

		assert_true(h->n_spans <= HC_HIT_MAX_SPANS);
		assert_true(res.complete <= res.n);
		if (i > 0 && i != res.complete)
			check_order(entries, &res.hits[i - 1], h);
		for (unsigned k = 0; k < h->n_spans; k++) {
			const struct hc_span *s = &h->spans[k];
			char code[4];
			const char *t = hc_span_text(e, s, code);
			size_t n;

			assert_non_null(t);
			n = strlen(t);
			assert_true(s->len > 0);
			assert_true((size_t)s->start + s->len <= n);
			assert_false(is_cont((unsigned char)t[s->start]));
			if ((size_t)s->start + s->len < n)
				assert_false(is_cont((unsigned char)t[s->start + s->len]));
		}
	}
}

/* The text a span covers equals want (bytes). */
static void expect_span_text(size_t i, enum hc_field field, unsigned item,
                             const char *want)
{
	const struct hc_span *s = span_in(i, field, item);
	char code[4];
	const char *t;

	assert_non_null(s);
	t = hc_span_text(entry_of(i), s, code);
	assert_non_null(t);
	assert_int_equal(s->len, strlen(want));
	assert_memory_equal(t + s->start, want, s->len);
}

/* Two result lists are the same: entries, ranks and spans. */
static void expect_same_hits(const struct hc_hit *want, size_t n)
{
	assert_int_equal(res.n, n);
	for (size_t i = 0; i < n; i++) {
		const struct hc_hit *h = &res.hits[i];

		assert_int_equal(h->entry, want[i].entry);
		assert_int_equal(h->rank, want[i].rank);
		assert_int_equal(h->n_spans, want[i].n_spans);
		assert_memory_equal(h->spans, want[i].spans,
		                    h->n_spans * sizeof h->spans[0]);
	}
}

/* ---- codes and patterns ------------------------------------------------- */

/* 404 Not Found: the one registered entry with code 404. */
static void test_exact_code(void **state)
{
	size_t first, n = hc_catalog_find_code(404, &first);

	(void)state;
	search("404");
	check_results(hc_catalog_entries());
	assert_int_equal(res.n, n);
	assert_int_equal(entry_of(0)->code, 404);
	assert_int_equal(res.hits[0].rank, HC_RANK_CODE_EXACT);
	expect_span(0, HC_FIELD_CODE, 0, 0, 3);
}

/* 499 is Esri ArcGIS "Token Required" and nginx "Client Closed Request":
 * both come back, in table order. */
static void test_exact_code_two_vendors(void **state)
{
	(void)state;
	search("499");
	check_results(hc_catalog_entries());
	assert_int_equal(res.n, 2);
	expect_rank(499, "nginx", HC_RANK_CODE_EXACT);
	expect_rank(499, "Esri ArcGIS", HC_RANK_CODE_EXACT);
	assert_true(res.hits[0].entry < res.hits[1].entry);
}

/* 4xx.txt has every code from 400 to 409: "40" lists them in order. */
static void test_code_prefix(void **state)
{
	(void)state;
	search("40");
	check_results(hc_catalog_entries());
	assert_int_equal(res.n, 10);
	for (size_t i = 0; i < 10; i++) {
		assert_int_equal(entry_of(i)->code, 400 + (int)i);
		assert_int_equal(res.hits[i].rank, HC_RANK_CODE_PREFIX);
	}
	expect_span(0, HC_FIELD_CODE, 0, 0, 2);
	/* "40x" is the same set. */
	search("40x");
	assert_int_equal(res.n, 10);
	assert_int_equal(entry_of(0)->code, 400);
	assert_int_equal(entry_of(9)->code, 409);
}

/* hc_search_words (--search): "404" is a word of the text, never the code.
 * 410 Gone's description: "404 Not Found makes no claim about permanence". */
static void test_words_only(void **state)
{
	(void)state;
	assert_int_equal(hc_search_words(ix, "404", 3, &res), HC_SEARCH_OK);
	check_results(hc_catalog_entries());
	assert_true(res.n > 1);
	for (size_t i = 0; i < res.n; i++) {
		assert_int_not_equal(res.hits[i].rank, HC_RANK_CODE_EXACT);
		assert_int_not_equal(res.hits[i].rank, HC_RANK_CODE_PREFIX);
		assert_null(span_in(i, HC_FIELD_CODE, 0));
	}
	expect_rank(410, NULL, HC_RANK_TEXT);
	/* No text has the word "5?3": it is not a pattern here. */
	assert_int_equal(hc_search_words(ix, "5?3", 3, &res), HC_SEARCH_OK);
	assert_int_equal(res.n, 0);
	/* Words still work as words, and the same checks apply. */
	assert_int_equal(hc_search_words(ix, "not found", 9, &res), HC_SEARCH_OK);
	assert_true(res.n > 0);
	assert_int_equal(entry_of(0)->code, 404);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	assert_int_equal(hc_search_words(ix, "\x01", 1, &res), HC_SEARCH_INVALID);
	assert_int_equal(hc_search_words(NULL, "404", 3, &res), HC_SEARCH_INVALID);
}

/* "4xx" and "4XX" give the whole class, registered and vendor codes. */
static void test_code_class(void **state)
{
	size_t first, n = hc_catalog_class_range(4, &first);

	(void)state;
	search("4xx");
	check_results(hc_catalog_entries());
	assert_int_equal(res.n, n);
	for (size_t i = 0; i < res.n; i++) {
		assert_int_equal(entry_of(i)->code / 100, 4);
		assert_int_equal(res.hits[i].rank, HC_RANK_CODE_PREFIX);
	}
	expect_span(0, HC_FIELD_CODE, 0, 0, 1);
	search("4XX");
	assert_int_equal(res.n, n);
	search("4");
	assert_int_equal(res.n, n);
}

/* 5?3: 503 Service Unavailable and Cloudflare's 523 Origin Is Unreachable;
 * nothing else in 5xx ends in 3. */
static void test_code_wildcard(void **state)
{
	(void)state;
	search("5?3");
	check_results(hc_catalog_entries());
	assert_int_equal(res.n, 2);
	assert_int_equal(entry_of(0)->code, 503);
	assert_int_equal(entry_of(1)->code, 523);
	expect_rank(523, "Cloudflare", HC_RANK_CODE_PREFIX);
	/* The given digits are highlighted, the wildcard is not. */
	expect_span(0, HC_FIELD_CODE, 0, 0, 1);
	assert_int_equal(res.hits[0].n_spans, 2);
	assert_int_equal(res.hits[0].spans[1].start, 2);
	assert_int_equal(res.hits[0].spans[1].len, 1);
}

/* A code narrows words: 408 Request Timeout is the 4xx timeout; 504 Gateway
 * Timeout is not in 4xx. */
static void test_code_and_word(void **state)
{
	(void)state;
	search("4xx timeout");
	assert_true(pos_of(408, NULL) >= 0);
	assert_int_equal(pos_of(504, NULL), -1);
	search("5xx timeout");
	assert_true(pos_of(504, NULL) >= 0);
	assert_int_equal(pos_of(408, NULL), -1);
}

/* ---- English words ------------------------------------------------------ */

/* 404 "Not Found" is named exactly; 302 "Found" does not contain "not". */
static void test_phrase_exact(void **state)
{
	(void)state;
	search("not found");
	check_results(hc_catalog_entries());
	assert_int_equal(entry_of(0)->code, 404);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	expect_span_text(0, HC_FIELD_PHRASE_EN, 0, "Not");
	assert_int_equal(res.hits[0].spans[0].start, 0);
	assert_int_equal(res.hits[0].spans[1].start, 4);
	assert_int_equal(res.hits[0].spans[1].len, 5);
	/* 302 Found alone: its phrase is exact. */
	search("found");
	expect_rank(302, NULL, HC_RANK_NAME_EXACT);
	expect_rank(404, NULL, HC_RANK_NAME_WORD);
	assert_true(pos_of(302, NULL) < pos_of(404, NULL));
}

/* Case folding: any case finds the same entries with the same spans. */
static void test_case_insensitive(void **state)
{
	struct hc_hit first[4];
	size_t n;

	(void)state;
	search("not found");
	n = res.n;
	assert_true(n > 0 && n <= 4);
	memcpy(first, res.hits, n * sizeof *first);
	search("NOT FOUND");
	expect_same_hits(first, n);
	search("nOt fOuNd");
	expect_same_hits(first, n);
}

/* "forb" starts "Forbidden" (403); "unavail" starts 451 "Unavailable For
 * Legal Reasons" but is only a word of 503 "Service Unavailable". */
static void test_name_prefix(void **state)
{
	(void)state;
	search("forb");
	expect_rank(403, NULL, HC_RANK_NAME_PREFIX);
	assert_int_equal(entry_of(0)->code, 403);
	expect_span_text(0, HC_FIELD_PHRASE_EN, 0, "Forb");
	search("unavail");
	expect_rank(451, NULL, HC_RANK_NAME_PREFIX);
	expect_rank(503, NULL, HC_RANK_NAME_WORD);
	assert_true(pos_of(451, NULL) < pos_of(503, NULL));
}

/* Former names: 413 "Payload Too Large; Request Entity Too Large", 302
 * "Moved Temporarily", 422 "Unprocessable Entity". */
static void test_alias(void **state)
{
	(void)state;
	search("Payload Too Large");
	check_results(hc_catalog_entries());
	assert_int_equal(entry_of(0)->code, 413);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	expect_span_text(0, HC_FIELD_ALIAS_EN, 0, "Payload");
	search("request entity");
	expect_rank(413, NULL, HC_RANK_NAME_PREFIX);
	expect_span_text((size_t)pos_of(413, NULL), HC_FIELD_ALIAS_EN, 1,
	                 "Request");
	search("moved temporarily");
	assert_int_equal(entry_of(0)->code, 302);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	search("entity");
	assert_true(rank_of(422, NULL) <= HC_RANK_NAME_WORD);
	assert_true(rank_of(413, NULL) <= HC_RANK_NAME_WORD);
}

/* Several words narrow, in any order and field: "header too large" names
 * 431 "Request Header Fields Too Large", nginx 494 "Request Header Too
 * Large" and Shopify 430 (alias "Request Header Fields Too Large"); 413
 * "Content Too Large" has no "header" in its names. */
static void test_multi_word(void **state)
{
	size_t n_too, n_large;
	struct hc_hit first[64];
	size_t n;

	(void)state;
	search("too");
	n_too = res.n;
	search("large");
	n_large = res.n;
	search("too large");
	assert_true(res.n <= n_too && res.n <= n_large);
	n = res.n;
	assert_true(n <= 64);
	memcpy(first, res.hits, n * sizeof *first);
	search("large too");
	assert_int_equal(res.n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(res.hits[i].entry, first[i].entry);

	search("header too large");
	check_results(hc_catalog_entries());
	expect_rank(431, NULL, HC_RANK_NAME_WORD);
	expect_rank(494, "nginx", HC_RANK_NAME_WORD);
	expect_rank(430, "Shopify", HC_RANK_NAME_WORD);
	if (pos_of(413, NULL) >= 0)
		assert_true(rank_of(413, NULL) > HC_RANK_NAME_WORD);
	/* A word no entry has: the entries matching the other three, flagged. */
	search("header too large zzyzx");
	assert_true(res.partial);
	assert_int_equal(res.terms, 4);
	assert_int_equal(res.matched, 3);
	assert_true(pos_of(431, NULL) >= 0);
	check_results(hc_catalog_entries());
	search("header too large");
	assert_false(res.partial);
	assert_int_equal(res.matched, 3);
	/* No word matches: nothing, and no partial flag. */
	search("zzyzx qqxq");
	assert_int_equal(res.n, 0);
	assert_false(res.partial);
}

/* A sentence whose full matches are all in running text: an entry missing
 * one of its words competes (search.h), but never one missing a vendor or
 * a name's word; and among the codes a partial query types, those matching
 * more words come first. Each case failed before the rule. */
static void test_sentence(void **state)
{
	(void)state;
	/* 200 OK has all three words in its text; 204 lacks "success". */
	search("success without body");
	assert_int_equal(pos_of(200, NULL), 0);
	assert_true(pos_of(204, NULL) >= 0 && pos_of(204, NULL) < 3);
	assert_false(res.partial);
	check_results(hc_catalog_entries());
	/* "ArcGIS" is the vendor of the only full match: 401, which has the
	 * other two words as a keyword, must not jump over it. */
	search("ArcGIS 토큰 만료");
	assert_int_equal(pos_of(498, "Esri ArcGIS"), 0);
	/* Three words that all name 304 (a header-tier match) are no sentence
	 * to loosen: the result stays the full matches. */
	search("not modified etag");
	assert_int_equal(pos_of(304, NULL), 0);
	assert_false(res.partial);
	/* Korean neighbours side by side by their stems: 잘못된 게이트웨이라고
	 * holds 502's Korean name (431 and 503 came first). */
	search("잘못된 게이트웨이라고 뜨고 사이트가 안 열려요");
	assert_int_equal(pos_of(502, NULL), 0);
	/* A one-hump name, cut on a second try when words are left over
	 * (403 was third behind 404 and 429). */
	search("django PermissionDenied exception status");
	assert_int_equal(pos_of(403, NULL), 0);
	search("WebSocket");
	assert_int_equal(pos_of(101, NULL), 0);
	assert_false(res.partial);
	/* "나오는" is nowhere: partial; 507 matches 5xx and the other words. */
	search("서버 저장 공간이 부족할 때 나오는 5xx 코드");
	assert_true(res.partial);
	assert_int_equal(pos_of(507, NULL), 0);
}

/* Fewer than three entries match every word: the best partial matches
 * follow, up to three hits, counted apart (res.complete); never after a
 * code or a name typed. The first case had one hit before the rule. */
static void test_fill(void **state)
{
	(void)state;
	search("delete call works but returns no body at all");
	assert_int_equal(pos_of(200, NULL), 0);
	assert_int_equal(res.complete, 1);
	assert_int_equal(res.n, 3);
	assert_true(pos_of(204, NULL) > 0);
	assert_false(res.partial);
	for (size_t i = res.complete; i < res.n; i++)
		assert_true(res.hits[i].matched < res.terms);
	check_results(hc_catalog_entries());
	/* A code typed, or the whole query a name: the result as it is. */
	search("404 not found");
	assert_int_equal(res.complete, res.n);
	search("Gateway Timeout");
	assert_int_equal(pos_of(504, NULL), 0);
	assert_int_equal(res.complete, res.n);
	/* A code set aside is not the code asked for (query.h): 404 was
	 * first. */
	search("영구 삭제된 글은 404 대신 다른 코드 써도 되나요?");
	assert_int_equal(pos_of(410, NULL), 0);
	search("탈퇴한 회원 조회 시 404 대신 410 써도 되나요?");
	assert_int_equal(pos_of(410, NULL), 0);
	/* English typed in Hangul, on the last try (translit.h): nothing or
	 * 502 first before. */
	search("낫 파운드");
	assert_int_equal(pos_of(404, NULL), 0);
	search("언오소라이즈드");
	assert_int_equal(pos_of(401, NULL), 0);
	search("투 매니 리퀘스트");
	assert_int_equal(pos_of(429, NULL), 0);
	/* Hangul typed in English mode, on the last try (dubeol.h): nothing
	 * before. dlswmd vlfdy is 인증 필요, tlrks chrhk 시간 초과. */
	search("dlswmd vlfdy");
	assert_int_equal(pos_of(401, NULL), 0);
	search("tlrks chrhk");
	assert_int_equal(pos_of(408, NULL), 0);
	assert_int_equal(res.read_as_len, strlen("시간 초과"));
	assert_memory_equal(res.read_as, "시간 초과", res.read_as_len);
	search("낫 파운드");
	assert_memory_equal(res.read_as, "not found", res.read_as_len);
	/* A two-syllable Korean word with its final consonant mistyped, on
	 * the last try (만은 for 많은): 413 was first, 429 not in the first
	 * three; a query all of whose words match stays as it is. */
	search("너무 만은 요청");
	assert_int_equal(pos_of(429, NULL), 0);
	/* ... or its vowel (권환 for 권한): nothing close was listed */
	search("권환 없음");
	assert_int_equal(pos_of(403, NULL), 0);
	/* A Squid access log line: 422 was first, 407 not in the first three */
	search("TCP_DENIED/407 3856 GET http://example.com/ - HIER_NONE/- text/html");
	assert_int_equal(pos_of(407, NULL), 0);
	/* English typed in Korean mode (dubeol.h): nothing before */
	search("ㅜㅐㅅ 래ㅕㅜㅇ");
	assert_int_equal(pos_of(404, NULL), 0);
	assert_memory_equal(res.read_as, "not found", res.read_as_len);
	search("timeout");
	assert_null(res.read_as);
	/* In a partial result, a rare word in a name or keyword weighs more:
	 * "forever" (410's keywords) against "page" (404's): 404 was first. */
	search("page was delete forever");
	check_results(hc_catalog_entries());
	assert_true(res.partial);
	assert_int_equal(pos_of(410, NULL), 0);
	/* One word: nothing to fill from. */
	search("webdav");
	assert_int_equal(res.complete, res.n);
}

/* A sentence that holds every word of a name apart and out of order is
 * about that code (rank.c, cover_score); 405 was first, 505 not in the
 * first three. A short query is weighed by the other rules: 권한이 없대요
 * stays 403. 권한 없음 is 403's (permission); 401 was translated so once, and
 * its description says so, which keeps it second, not first. */
static void test_name_covered(void **state)
{
	(void)state;
	search("서버가 요청에 사용된 HTTP 주 버전을 지원하지 않을 때 코드");
	assert_int_equal(pos_of(505, NULL), 0);
	search("client sent no required SSL certificate while reading client request headers");
	assert_int_equal(pos_of(496, "nginx"), 0);
	search("권한이 없대요");
	assert_int_equal(pos_of(403, NULL), 0);
	search("권한 없음");
	assert_int_equal(pos_of(403, NULL), 0);
	assert_int_equal(pos_of(401, NULL), 1);
}

/* Headers: Retry-After is listed by 413, Twitter's 420, 429 and 503. */
/* A sentence that holds a code's name, with one of the name's words typed
 * twice: "not" is one term, but "not modified" was typed side by side, and
 * that whole name puts 304 first. */
static void test_name_in_sentence(void **state)
{
	(void)state;
	search("image not updating because server says not modified");
	assert_true(res.n > 0);
	assert_int_equal(entry_of(0)->code, 304);
	search("cloudflare a timeout occurred after 100 seconds");
	assert_true(res.n > 0);
	assert_int_equal(entry_of(0)->code, 524);
	/* 502 has every word ("reverse proxy" is one of its keywords), 504
	 * misses "reverse" but its whole name is typed: 504, said partial. */
	/* A constant written as code is, in a sentence, is its code; a
	 * plain word that names one ("OK", "GONE") is not. */
	search("HttpStatusCode.Redirect 가 몇번 코드인지");
	assert_int_equal(pos_of(302, NULL), 0);
	search("render status: :see_other after the form");
	assert_int_equal(pos_of(303, NULL), 0);
	search("GONE page after delete");
	assert_true(res.n == 0 || !res.hits[0].coded);
	/* An identifier that is one of 503's keywords whole is not cut into
	 * words, which are 408's name; nor in a package's dotted path. */
	search("AsyncRequestTimeoutException");
	assert_int_equal(pos_of(503, NULL), 0);
	search("o.s.w.c.request.async.AsyncRequestTimeoutException");
	assert_int_equal(pos_of(503, NULL), 0);
	search("ASP.NET Core AntiforgeryValidationException 응답코드");
	assert_int_equal(pos_of(400, NULL), 0);
	search("MaxUploadSizeExceededException which status should this map to");
	assert_int_equal(pos_of(413, NULL), 0);
	/* "nginx client closed" is one of 499's keywords, which takes the run;
	 * its name "client closed request" is in the sentence all the same. */
	search("nginx client closed request before upstream responded");
	assert_int_equal(pos_of(499, "nginx"), 0);
	/* 511 has every word, name-tier; 401's name 인증 필요 is typed: listed */
	search("인증이 필요한 페이지");
	assert_true(pos_of(401, NULL) >= 0 && pos_of(401, NULL) < 3);
	/* Noise left "other" alone, which starts keywords of 403: 303's name
	 * is in the sentence. */
	search("when do you use see other");
	assert_int_equal(pos_of(303, NULL), 0);
	search("why does my reverse proxy return gateway timeout");
	assert_int_equal(pos_of(504, NULL), 0);
	assert_int_equal(pos_of(502, NULL), 1);
	assert_true(res.partial);
}

static void test_header(void **state)
{
	(void)state;
	search("retry-after");
	check_results(hc_catalog_entries());
	expect_rank(429, NULL, HC_RANK_HEADER);
	expect_rank(503, NULL, HC_RANK_HEADER);
	expect_rank(413, NULL, HC_RANK_HEADER);
	expect_rank(420, "Twitter", HC_RANK_HEADER);
	expect_span_text((size_t)pos_of(429, NULL), HC_FIELD_HEADER, 0,
	                 "Retry-After");
	/* 401: "Headers: WWW-Authenticate; Authorization". */
	search("WWW-Authenticate");
	expect_rank(401, NULL, HC_RANK_HEADER);
	expect_span((size_t)pos_of(401, NULL), HC_FIELD_HEADER, 0, 0, 16);
	search("authorization");
	expect_span_text((size_t)pos_of(401, NULL), HC_FIELD_HEADER, 1,
	                 "Authorization");
	/* A word typed as a header's name counts as a name where it is one
	 * of the entry's headers, and so does the word "header" after it:
	 * "allow" alone finds 400's allowed_hosts first, "Allow header" the
	 * code that sends Allow (405). */
	search("allow");
	assert_int_equal(pos_of(400, NULL), 0);
	search("Allow header");
	assert_int_equal(pos_of(405, NULL), 0);
	expect_rank(405, NULL, HC_RANK_NAME_WORD);
	search("Allow 헤더를 보내는 코드");
	assert_int_equal(pos_of(405, NULL), 0);
	search("Expect 헤더");
	assert_int_equal(pos_of(417, NULL), 0);
	expect_rank(417, NULL, HC_RANK_NAME_PREFIX);
	/* in a sentence, the header named decides over the other words
	 * (400 first without HEADER_BONUS) */
	search("server can't meet the Expect header the client sent");
	assert_int_equal(pos_of(417, NULL), 0);
}

/* A bug report pasted whole (18 terms here) that no entry matches in every
 * word still gets the best partial matches (the fallback runs up to 32
 * required terms). */
static void test_long_report(void **state)
{
	(void)state;
	search("재현 경로: 앱 실행 후 1시간 방치 → 마이페이지 진입 / 기대 결과: 정상 조회 / "
	       "실제 결과: 액세스 토큰 만료로 재로그인 요구");
	assert_true(res.partial);
	assert_true(pos_of(401, NULL) >= 0 && pos_of(401, NULL) < 3);
}

/* A Korean compound no entry has is cut where both halves are whole words
 * of names or keywords (중복키 found nothing: 409 has 중복 and 고유 키). */
static void test_korean_compound(void **state)
{
	(void)state;
	search("중복키");
	assert_true(res.n > 0);
	assert_int_equal(pos_of(409, NULL), 0);
	search("중복키 오류");
	assert_int_equal(pos_of(409, NULL), 0);
}

/* A word joined by '-' or '/' that no entry has is cut on the second try
 * ("form-data" found nothing); one the table has stays whole. */
static void test_joined_words(void **state)
{
	(void)state;
	search("form-data");
	assert_true(res.n > 0);
	assert_int_equal(pos_of(415, NULL), 0);
	search("multipart/form-data");
	assert_int_equal(pos_of(415, NULL), 0);
	search("Proxy-Authenticate header");
	assert_int_equal(pos_of(407, NULL), 0);
	expect_rank(407, NULL, HC_RANK_NAME_WORD);
}

/* Vendors: Cloudflare's codes are 520-527 and 530 (530 also has a Pantheon
 * entry, "Site Frozen"); they rank as vendor matches, before any text. */
static void test_vendor(void **state)
{
	static const int cf[] = { 520, 521, 522, 523, 524, 525, 526, 527, 530 };
	size_t n_vendor = 0;

	(void)state;
	search("cloudflare");
	check_results(hc_catalog_entries());
	/* The vendor (or a keyword naming it) finds all nine. */
	for (size_t i = 0; i < sizeof cf / sizeof cf[0]; i++) {
		assert_true(rank_of(cf[i], "Cloudflare") <= HC_RANK_HEADER);
	}
	for (size_t i = 0; i < res.n; i++)
		if (entry_of(i)->vendor && !strcmp(hc_str(entry_of(i)->vendor), "Cloudflare"))
			n_vendor++;
	assert_int_equal(n_vendor, sizeof cf / sizeof cf[0]);
	expect_span_text((size_t)pos_of(523, "Cloudflare"), HC_FIELD_VENDOR, 0, "Cloudflare");
	/* nginx: 444, 494, 495, 496, 497, 499. */
	search("NGINX");
	assert_true(rank_of(444, "nginx") <= HC_RANK_HEADER);
	assert_true(rank_of(497, "nginx") <= HC_RANK_HEADER);
	assert_true(rank_of(499, "nginx") <= HC_RANK_HEADER);
	/* Esri's 498 has 토큰 만료 among its keywords as 401 has, and 응답, a
	 * noise word, in its text: 401 first, as Esri is not named; named, the
	 * noise counts again. */
	search("토큰 만료됐을 때 응답 코드");
	check_results(hc_catalog_entries());
	assert_int_equal(entry_of(0)->code, 401);
	assert_true(pos_of(401, NULL) < pos_of(498, "Esri ArcGIS"));
	assert_false(res.hits[pos_of(498, "Esri ArcGIS")].vendor_named);
	search("arcgis 토큰 만료됐을 때 응답 코드");
	assert_true(res.hits[pos_of(498, "Esri ArcGIS")].vendor_named);
	assert_int_equal(entry_of(0)->code, 498);
}

/* Words only in running text: 400's description says "malformed syntax,
 * broken message framing and deceptive request routing". */
static void test_text(void **state)
{
	(void)state;
	search("deceptive routing");
	expect_rank(400, NULL, HC_RANK_TEXT);
	/* Words match at word starts only: "eceptive" is inside a word. */
	search("eceptive");
	assert_int_equal(pos_of(400, NULL), -1);
}

/* ---- typos -------------------------------------------------------------- */

/* One letter missing, swapped or extra in "Forbidden" still finds 403. */
static void test_typo(void **state)
{
	static const char *const slips[] = {
		"forbiden", "forbiddne", "fobidden", "forbbidden", "forbidxen",
	};

	(void)state;
	for (size_t i = 0; i < sizeof slips / sizeof slips[0]; i++) {
		search(slips[i]);
		check_results(hc_catalog_entries());
		assert_true(res.n >= 1);
		assert_int_equal(entry_of(0)->code, 403);
		assert_int_equal(res.hits[0].rank, HC_RANK_TYPO);
		expect_span_text(0, HC_FIELD_PHRASE_EN, 0, "Forbidden");
	}
	search("forbidden");
	assert_int_equal(entry_of(0)->code, 403);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	/* 502 Bad Gateway and 504 Gateway Timeout, with "ya" swapped. */
	search("gatewya");
	expect_rank(502, NULL, HC_RANK_TYPO);
	expect_rank(504, NULL, HC_RANK_TYPO);
	/* Two edits, or a word too short to guess, find nothing. */
	search("frobiddne");
	assert_int_equal(res.n, 0);
	search("gne");
	assert_int_equal(pos_of(410, NULL), -1);
}

/* A typo ranks below every exact match: "timeuot" with a real word. */
static void test_typo_ranks_last(void **state)
{
	(void)state;
	search("gateway timeuot");
	expect_rank(504, NULL, HC_RANK_TYPO);
	/* 504 "Gateway Timeout" starts with it; 502 "Bad Gateway" has it. */
	search("gateway");
	expect_rank(504, NULL, HC_RANK_NAME_PREFIX);
	expect_rank(502, NULL, HC_RANK_NAME_WORD);
}

/* ---- Korean ------------------------------------------------------------- */

/* 404 "찾을 수 없음", its alias "페이지 없음". */
static void test_korean_name(void **state)
{
	(void)state;
	search("찾을 수 없음");
	check_results(hc_catalog_entries());
	assert_int_equal(entry_of(0)->code, 404);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	expect_span_text(0, HC_FIELD_NAME_KO, 0, "찾을");
	search("찾을");
	expect_rank(404, NULL, HC_RANK_NAME_PREFIX);
	expect_span((size_t)pos_of(404, NULL), HC_FIELD_NAME_KO, 0, 0, 6);
	search("페이지 없음");
	expect_rank(404, NULL, HC_RANK_NAME_EXACT);
	expect_span_text((size_t)pos_of(404, NULL), HC_FIELD_ALIAS_KO, 0,
	                 "페이지");
}

/* Spaces inside Korean phrases are optional. "시간 초과" is in the names of
 * 408 "요청 시간 초과", 440 "로그인 시간 초과", 504 "게이트웨이 시간 초과",
 * 522 "연결 시간 초과", 524 "오리진 응답 시간 초과", 598, 599. */
static void test_korean_spacing(void **state)
{
	static const int named[] = { 408, 440, 504, 522, 524, 598, 599 };

	(void)state;
	/* In names or keywords of each (408 has "시간 초과" as a keyword). */
	search("시간초과");
	check_results(hc_catalog_entries());
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		assert_true(rank_of(named[i], NULL) <= HC_RANK_NAME_WORD);
	/* The span runs across the space of "요청 시간 초과". */
	expect_span((size_t)pos_of(408, NULL), HC_FIELD_NAME_KO, 0, 7, 13);
	expect_span_text((size_t)pos_of(408, NULL), HC_FIELD_NAME_KO, 0,
	                 "시간 초과");
	search("시간 초과");
	check_results(hc_catalog_entries());
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		assert_true(rank_of(named[i], NULL) <= HC_RANK_NAME_WORD);
	/* Whole names without their spaces are still exact. */
	search("요청시간초과");
	assert_int_equal(entry_of(0)->code, 408);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	search("찾을수없음");
	assert_int_equal(entry_of(0)->code, 404);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
}

/* Text typed on macOS arrives decomposed (NFD): 찾을 is
 * U+110E U+1161 U+11BD U+110B U+1173 U+11AF. */
static void test_korean_nfd(void **state)
{
	static const char nfd[] = "\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd"
	                          "\xe1\x84\x8b\xe1\x85\xb3\xe1\x86\xaf";
	struct hc_hit nfc_hits[8];
	size_t n;

	(void)state;
	search("찾을");
	n = res.n;
	assert_true(n > 0 && n <= 8);
	memcpy(nfc_hits, res.hits, n * sizeof *nfc_hits);
	search(nfd);
	expect_same_hits(nfc_hits, n);
	expect_rank(404, NULL, HC_RANK_NAME_PREFIX);
	/* 시간 in NFD: U+1109 U+1175 U+1100 U+1161 U+11AB, and 초과 in NFC. */
	search("\xe1\x84\x89\xe1\x85\xb5\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xab"
	       " 초과");
	assert_true(rank_of(408, NULL) <= HC_RANK_NAME_WORD);
	assert_true(rank_of(504, NULL) <= HC_RANK_NAME_WORD);
}

/* 초성: ㅇㅊ stands for 요청, found in 400 "잘못된 요청", 408 "요청 시간 초과",
 * 429 "너무 많은 요청"; ㅅㄱㅊㄱ is 시간 초과 (across the space). */
static void test_chosung(void **state)
{
	(void)state;
	search("ㅇㅊ");
	check_results(hc_catalog_entries());
	expect_rank(400, NULL, HC_RANK_NAME_WORD);
	expect_rank(408, NULL, HC_RANK_NAME_WORD);
	expect_rank(429, NULL, HC_RANK_NAME_WORD);
	expect_span_text((size_t)pos_of(408, NULL), HC_FIELD_NAME_KO, 0, "요청");
	expect_span_text((size_t)pos_of(400, NULL), HC_FIELD_NAME_KO, 0, "요청");

	search("ㅅㄱㅊㄱ");
	check_results(hc_catalog_entries());
	expect_rank(408, NULL, HC_RANK_NAME_WORD);
	expect_rank(504, NULL, HC_RANK_NAME_WORD);
	expect_span_text((size_t)pos_of(504, NULL), HC_FIELD_NAME_KO, 0,
	                 "시간 초과");
	assert_int_equal(pos_of(404, NULL), -1);

	/* ㅊㅇㅅㅇㅇ: 찾을 수 없음 (404) and nothing else by name. */
	search("ㅊㅇㅅㅇㅇ");
	expect_rank(404, NULL, HC_RANK_NAME_WORD);
	/* Syllables and 초성 mixed, as an IME shows them mid-word. */
	search("요ㅊ");
	expect_rank(408, NULL, HC_RANK_NAME_WORD);
	/* ㄳ only ends syllables: no crash, no 초성 match in a name. */
	search("ㄳ");
	for (size_t i = 0; i < res.n; i++)
		assert_true(res.hits[i].rank > HC_RANK_NAME_WORD);
	/* 초성 word by word side by side in one name: Laravel's 페이지 만료
	 * (300, 403 and 410 have each word somewhere, and came first). */
	search("ㅍㅇㅈ ㅁㄹ");
	assert_int_equal(pos_of(419, "Laravel"), 0);
}

/* ---- ranking ------------------------------------------------------------ */

/* Every query's result is sorted by rank and keeps table order in ties. */
static void test_ranking_order(void **state)
{
	static const char *const queries[] = {
		"40", "4xx", "5?3", "time", "request", "too", "요청", "ㅇ", "e",
		"not", "cache", "gatewya", "시간", "a", "content",
	};

	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		search(queries[i]);
		check_results(hc_catalog_entries());
	}
	/* The exact code comes before everything else. */
	search("404");
	assert_int_equal(entry_of(0)->code, 404);
	/* "time": names 408 Request Timeout, 440 Login Time-out and 504
	 * Gateway Timeout before any summary or description. */
	search("time");
	assert_true(pos_of(408, NULL) < 7);
	assert_true(pos_of(440, NULL) < 7);
	assert_true(pos_of(504, NULL) < 7);
}

/* ---- input checks ------------------------------------------------------- */

static void test_invalid_input(void **state)
{
	static const char *const bad[] = {
		"\xff", "ab\x01", "\x1b[31m", "a\x7f", "\xc2\x85\x61",
		"\xc0\xaf", "\xed\xa0\x80", "\xe2\x82", "tab\there", "nl\n",
	};
	char big[HC_QUERY_MAX + 2];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(search_in(ix, bad[i], strlen(bad[i])),
		                 HC_SEARCH_INVALID);
		assert_int_equal(res.n, 0);
	}
	/* A NUL inside the given length is a control character. */
	assert_int_equal(search_in(ix, "40\0" "4", 4), HC_SEARCH_INVALID);
	memset(big, 'a', sizeof big);
	assert_int_equal(search_in(ix, big, HC_QUERY_MAX + 1),
	                 HC_SEARCH_TOO_LONG);
	assert_int_equal(search_in(ix, big, HC_QUERY_MAX), HC_SEARCH_OK);
	assert_int_equal(search_in(ix, "", 0), HC_SEARCH_EMPTY);
	assert_int_equal(search_in(ix, NULL, 0), HC_SEARCH_EMPTY);
	assert_int_equal(search_in(ix, "   \xe3\x80\x80 ", 7), HC_SEARCH_EMPTY);
	assert_int_equal(search_in(ix, NULL, 3), HC_SEARCH_INVALID);
	assert_int_equal(search_in(NULL, "404", 3), HC_SEARCH_INVALID);
	assert_int_equal(hc_search(ix, "404", 3, NULL), HC_SEARCH_INVALID);
	/* Not NUL-terminated: only len bytes are read. */
	assert_int_equal(search_in(ix, "4045", 3), HC_SEARCH_OK);
	assert_int_equal(entry_of(0)->code, 404);
}

/* Odd but valid input never crashes and keeps spans sane. */
static void test_odd_input(void **state)
{
	static const char *const odd[] = {
		"x", "xxx", "???", "0", "600", "9xx", "4x", "-", "'", "a-",
		"\xcc\x81", " \xcc\x81", "\xef\xbf\xbd", "\xf0\x9f\x98\x80",
		"\xce\x90", "ß", "İ", "ǰ", "ㅏ", "ᄋᄎ", "가\xe1\x86\xa8",
	};
	char many[HC_QUERY_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		enum hc_search_status st = search_in(ix, odd[i], strlen(odd[i]));

		/* Punctuation alone ("???", "-") is no term at all. */
		assert_true(st == HC_SEARCH_OK ||
		            (st == HC_SEARCH_EMPTY && strspn(odd[i], "?'-") == strlen(odd[i])));
		check_results(hc_catalog_entries());
	}
	/* The most terms a query can have: 512 one-letter words. */
	for (size_t i = 0; i < sizeof many; i += 2) {
		many[i] = 'a';
		many[i + 1] = ' ';
	}
	assert_int_equal(search_in(ix, many, sizeof many), HC_SEARCH_OK);
	check_results(hc_catalog_entries());
	/* Conjoining initials typed alone (NFD 초성) work like ㅇㅊ. */
	search("\xe1\x84\x8b\xe1\x84\x8e");
	expect_rank(408, NULL, HC_RANK_NAME_WORD);
}

/* Once grown, the buffer is reused: no allocation on later keystrokes. */
static void test_buffer_reuse(void **state)
{
	static const char *const queries[] = { "e", "ㅇㅊ", "4xx", "a", "요" };
	struct hc_hit *hits;
	size_t cap;

	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		search(queries[i]);
	hits = res.hits;
	cap = res.cap;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		search(queries[i]);
	assert_ptr_equal(res.hits, hits);
	assert_int_equal(res.cap, cap);
}

static void test_rank_names(void **state)
{
	(void)state;
	for (int r = HC_RANK_CODE_EXACT; r <= HC_RANK_TYPO; r++) {
		assert_non_null(hc_rank_name((enum hc_rank)r));
		assert_string_not_equal(hc_rank_name((enum hc_rank)r), "?");
		for (int s = HC_RANK_CODE_EXACT; s < r; s++)
			assert_string_not_equal(hc_rank_name((enum hc_rank)r),
			                        hc_rank_name((enum hc_rank)s));
	}
	assert_string_equal(hc_rank_name((enum hc_rank)99), "?");
}

/* ---- spans over text whose folding changes its bytes -------------------- */

static const char *const odd_aliases[] = { NULL, "Gro\xc3\x9f Alias" };

/* Made-up entries: ß folds to "ss", the Kelvin sign K (3 bytes) to "k", and
 * one phrase and one Korean name are stored decomposed (NFD). */
static struct hc_entry odd_table[3];

static void make_odd_table(void)
{
	const struct hc_entry t[] = {
		{ .code = 299, .phrase_en = S("Stra\xc3\x9f" "e Closed"),
		  .aliases_en = hc_strs_make(odd_aliases, 2) },
		{ .code = 298, .phrase_en = S("\xe2\x84\xaa" "elvin Scale") },
		{ .code = 297, .phrase_en = S("Cafe\xcc\x81 Noir"),
		  /* 찾을 수, decomposed */
		  .name_ko = S("\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd\xe1\x84\x8b"
		             "\xe1\x85\xb3\xe1\x86\xaf \xe1\x84\x89\xe1\x85\xae") },
	};

	_Static_assert(sizeof t == sizeof odd_table, "odd_table: the count above");
	memcpy(odd_table, t, sizeof t);
}

static void test_spans_after_folding(void **state)
{
	struct hc_index *x = hc_index_new(odd_table, 3);
	const struct hc_span *s;

	(void)state;
	assert_non_null(x);
	/* "stras" ends inside the "ss" of ß: the whole ß is highlighted. */
	assert_int_equal(search_in(x, "stras", 5), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	check_results(odd_table);
	s = &res.hits[0].spans[0];
	assert_int_equal(s->field, HC_FIELD_PHRASE_EN);
	assert_int_equal(s->start, 0);
	assert_int_equal(s->len, 6);            /* "Straß" */
	assert_int_equal(search_in(x, "STRASSE", 7), HC_SEARCH_OK);
	assert_int_equal(res.hits[0].spans[0].len, 7);   /* "Straße" */
	/* "groß" in the second alias (the first one is NULL). */
	assert_int_equal(search_in(x, "gross", 5), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.hits[0].spans[0].field, HC_FIELD_ALIAS_EN);
	assert_int_equal(res.hits[0].spans[0].item, 1);
	assert_int_equal(res.hits[0].spans[0].len, 5);

	/* K (U+212A) folds to k: "kelvin" covers 3 + 5 bytes. */
	assert_int_equal(search_in(x, "kelvin", 6), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.hits[0].entry, 1);
	assert_int_equal(res.hits[0].spans[0].start, 0);
	assert_int_equal(res.hits[0].spans[0].len, 8);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_PREFIX);
	/* "scale" comes after the multi-byte letter: offsets shift by 2. */
	assert_int_equal(search_in(x, "scale", 5), HC_SEARCH_OK);
	assert_int_equal(res.hits[0].spans[0].start, 9);
	assert_int_equal(res.hits[0].spans[0].len, 5);

	/* é stored as e + U+0301 is found by the composed é. */
	assert_int_equal(search_in(x, "café", strlen("café")), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.hits[0].spans[0].start, 0);
	assert_int_equal(res.hits[0].spans[0].len, 6);
	check_results(odd_table);
	assert_int_equal(search_in(x, "noir", 4), HC_SEARCH_OK);
	assert_int_equal(res.hits[0].spans[0].start, 7);

	/* The decomposed Korean name: 18 bytes of jamo for 찾을. */
	assert_int_equal(search_in(x, "찾을", strlen("찾을")), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.hits[0].entry, 2);
	s = &res.hits[0].spans[0];
	assert_int_equal(s->field, HC_FIELD_NAME_KO);
	assert_int_equal(s->start, 0);
	assert_int_equal(s->len, 18);
	assert_int_equal(search_in(x, "찾을수", strlen("찾을수")), HC_SEARCH_OK);
	assert_int_equal(res.hits[0].rank, HC_RANK_NAME_EXACT);
	assert_int_equal(res.hits[0].spans[0].len, 25);
	assert_int_equal(search_in(x, "ㅊㅇ", strlen("ㅊㅇ")), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.hits[0].spans[0].len, 18);
	check_results(odd_table);
	hc_index_free(x);
}

/* A one-letter term follows the rule of every term (match.c find_word): the
 * letter standing alone if a field has it ("t" in "the t key"), else the
 * first word it starts, so that the dictionary of the fields' words
 * (textdict.h) answers it as reading does. (It once took the first word
 * always, to spare reading every name to its end on the first key typed;
 * the dictionary reads none.) Capitals in the shown text match (the index
 * reads it, folding ASCII capitals as it compares). Both indexes alike: the
 * one with the lookups, and the folded one, which reads. */
static struct hc_entry letter_table[1];

static void make_letter_table(void)
{
	const struct hc_entry t[] = {
		{ .code = 299, .phrase_en = S("Try The t Key TRY") },
	};

	_Static_assert(sizeof t == sizeof letter_table, "letter_table: the count above");
	memcpy(letter_table, t, sizeof t);
}

static void test_one_letter_whole_word(void **state)
{
	struct hc_index *x = hc_index_new(letter_table, 1), *r = hc_index_build_folded(letter_table, 1);
	unsigned score;

	(void)state;
	assert_non_null(x);
	assert_non_null(x->dict);
	assert_non_null(r);
	assert_null(r->dict);
	assert_int_equal(search_in(r, "t", 1), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	score = res.hits[0].score;
	assert_int_equal(res.hits[0].spans[0].start, 8);        /* the "t" alone */
	assert_int_equal(search_in(x, "t", 1), HC_SEARCH_OK);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.hits[0].score, score);
	assert_int_equal(res.hits[0].spans[0].field, HC_FIELD_PHRASE_EN);
	assert_int_equal(res.hits[0].spans[0].start, 8);
	assert_int_equal(res.hits[0].spans[0].len, 1);
	assert_int_equal(search_in(x, "k", 1), HC_SEARCH_OK);   /* no "k" alone */
	assert_int_equal(res.hits[0].spans[0].start, 10);       /* "K" of Key */
	assert_int_equal(res.hits[0].score + 1, score);         /* not whole */
	assert_int_equal(search_in(x, "try", 3), HC_SEARCH_OK);
	assert_int_equal(res.hits[0].spans[0].start, 0);
	assert_int_equal(res.hits[0].spans[0].len, 3);
	assert_int_equal(search_in(x, "ke", 2), HC_SEARCH_OK);  /* prefix of Key */
	assert_int_equal(res.hits[0].spans[0].start, 10);
	assert_int_equal(search_in(x, "key", 3), HC_SEARCH_OK); /* whole word */
	assert_int_equal(res.hits[0].spans[0].start, 10);
	assert_int_equal(res.hits[0].spans[0].len, 3);
	assert_int_equal(search_in(x, "the", 3), HC_SEARCH_OK);
	assert_int_equal(res.hits[0].spans[0].start, 4);
	hc_index_free(x);
	hc_index_free(r);
}

/* An empty index answers every query with nothing. */
static void test_empty_index(void **state)
{
	struct hc_index *x = hc_index_new(NULL, 0);

	(void)state;
	assert_non_null(x);
	assert_int_equal(search_in(x, "404", 3), HC_SEARCH_OK);
	assert_int_equal(res.n, 0);
	hc_index_free(x);
	hc_index_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_code),
		cmocka_unit_test(test_exact_code_two_vendors),
		cmocka_unit_test(test_code_prefix),
		cmocka_unit_test(test_code_class),
		cmocka_unit_test(test_code_wildcard),
		cmocka_unit_test(test_words_only),
		cmocka_unit_test(test_code_and_word),
		cmocka_unit_test(test_phrase_exact),
		cmocka_unit_test(test_case_insensitive),
		cmocka_unit_test(test_name_prefix),
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_multi_word),
		cmocka_unit_test(test_name_in_sentence),
		cmocka_unit_test(test_sentence),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_name_covered),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_joined_words),
		cmocka_unit_test(test_korean_compound),
		cmocka_unit_test(test_long_report),
		cmocka_unit_test(test_vendor),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_typo),
		cmocka_unit_test(test_typo_ranks_last),
		cmocka_unit_test(test_korean_name),
		cmocka_unit_test(test_korean_spacing),
		cmocka_unit_test(test_korean_nfd),
		cmocka_unit_test(test_chosung),
		cmocka_unit_test(test_ranking_order),
		cmocka_unit_test(test_invalid_input),
		cmocka_unit_test(test_odd_input),
		cmocka_unit_test(test_buffer_reuse),
		cmocka_unit_test(test_rank_names),
		cmocka_unit_test(test_spans_after_folding),
		cmocka_unit_test(test_one_letter_whole_word),
		cmocka_unit_test(test_empty_index),
	};

	make_odd_table();
	make_letter_table();
	return cmocka_run_group_tests(tests, setup, teardown);
}
