/*
 * test_firstkeys.c - the one-letter queries' answers made at build time
 * (src/firstkeys.h, written by src/gen_index.c) are what the search finds
 * without them: every one-byte query, over every view of the prebuilt
 * index, hit by hit and span by span, whatever spans the caller asks for.
 * Also: the search does read them (a made-up answer comes back, less the
 * hits past a smaller view), hits that do not fit are refused, and the
 * views that should have them do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "extra.h"
#include "firstkeys.h"
#include "index.h"
#include "search.h"

static void same_hit(const struct hc_hit *a, const struct hc_hit *b, const char *what)
{
	if (a->entry != b->entry || a->rank != b->rank || a->score != b->score ||
	    a->fine != b->fine || a->matched != b->matched || a->noise != b->noise ||
	    a->vendor_named != b->vendor_named || a->terms != b->terms ||
	    a->named_terms != b->named_terms || a->rare != b->rare || a->coded != b->coded ||
	    a->named != b->named || a->span_terms != b->span_terms ||
	    a->typo_terms != b->typo_terms || a->spans_of != b->spans_of ||
	    a->n_spans != b->n_spans)
		fail_msg("%s: hits differ (entry %zu / %zu, score %u / %u, spans %u / %u)", what,
		         a->entry, b->entry, a->score, b->score, a->n_spans, b->n_spans);
	for (unsigned i = 0; i < a->n_spans; i++)
		if (memcmp(&a->spans[i], &b->spans[i], sizeof a->spans[i]) != 0)
			fail_msg("%s: span %u of entry %zu differs", what, i, a->entry);
}

/* Every one-byte query (and "t" in capitals, and a letter searched as a
 * word) over view v, against the same view without the answers. */
static size_t compare_view(const struct hc_index *v, const char *name)
{
	struct hc_index plain = *v;
	size_t answered = 0;

	plain.first_keys = NULL;
	for (unsigned of = HC_SPANS_ALL; of <= HC_SPANS_NONE; of++)
		for (unsigned c = 1; c < 256; c++) {
			struct hc_results a = { .spans_of = (unsigned char)of };
			struct hc_results b = { .spans_of = (unsigned char)of };
			char q = (char)c, what[64];
			enum hc_search_status sa = hc_search(v, &q, 1, &a);
			enum hc_search_status sb = hc_search(&plain, &q, 1, &b);

			snprintf(what, sizeof what, "%s, query 0x%02x, spans %u", name, c, of);
			assert_int_equal(sa, sb);
			assert_int_equal(a.n, b.n);
			assert_int_equal(a.partial, b.partial);
			assert_int_equal(a.terms, b.terms);
			assert_int_equal(a.matched, b.matched);
			assert_int_equal(a.complete, b.complete);
			assert_int_equal(a.read_as_len, b.read_as_len);
			for (size_t i = 0; i < a.n; i++) {
				same_hit(&a.hits[i], &b.hits[i], what);
				/* as the browser asks for its rows' spans */
				hc_hit_spans(v, &a, &a.hits[i], HC_SPANS_ALL);
				hc_hit_spans(&plain, &b, &b.hits[i], HC_SPANS_ALL);
				same_hit(&a.hits[i], &b.hits[i], what);
			}
			if (v->first_keys && hc_firstkeys_key((uint8_t)c) >= 0 && a.n)
				answered++;
			hc_results_free(&a);
			hc_results_free(&b);
		}
	for (const char *const *w = (const char *const[]){ "4", "t", "T", NULL }; *w; w++) {
		struct hc_results a = { 0 }, b = { 0 };
		char what[64];

		snprintf(what, sizeof what, "%s, \"%s\" as a word or in capitals", name, *w);
		assert_int_equal(hc_search_words(v, *w, 1, &a), hc_search_words(&plain, *w, 1, &b));
		assert_int_equal(a.n, b.n);
		for (size_t i = 0; i < a.n; i++)
			same_hit(&a.hits[i], &b.hits[i], what);
		hc_results_free(&a);
		hc_results_free(&b);
	}
	return answered;
}

static void test_views_answer_alike(void **state)
{
	size_t nc = hc_catalog_count(), no, ni;
	const struct hc_entry *other = hc_extra_other(&no), *iis = hc_extra_iis(&ni);
	struct hc_entry *both = malloc((nc + no) * sizeof *both);
	struct hc_index *cat, *brw, *oth, *ii;
	bool prebuilt = hc_prebuilt.n_parts > 0;

	(void)state;
	assert_non_null(both);
	memcpy(both, hc_catalog_entries(), nc * sizeof *both);
	memcpy(both + nc, other, no * sizeof *both);
	cat = hc_index_new(hc_catalog_entries(), nc);
	brw = hc_index_new(both, nc + no);
	oth = hc_index_new(other, no);
	ii = hc_index_new(iis, ni);
	assert_true(cat && brw && oth && ii);
	/* the CLI's catalog and the browser's array have them where an index
	 * is made at build time; the small tables alone, and the static
	 * binary, none */
	assert_true((cat->first_keys != NULL) == prebuilt);
	assert_true((brw->first_keys != NULL) == prebuilt);
	assert_null(oth->first_keys);
	assert_null(ii->first_keys);
	/* all 36 keys of both are kept (every one matches, fully) */
	/* (and the 26 capitals, which are their small letters) */
	assert_int_equal(compare_view(cat, "catalog"), prebuilt ? 3 * (HC_FK_KEYS + 26) : 0);
	assert_int_equal(compare_view(brw, "browser"), prebuilt ? 3 * (HC_FK_KEYS + 26) : 0);
	compare_view(oth, "other");
	compare_view(ii, "iis");
	hc_index_free(cat);
	hc_index_free(brw);
	hc_index_free(oth);
	hc_index_free(ii);
	free(both);
}

/* A made-up answer for "q" comes back as it is: the search reads them. */
static void test_search_reads_them(void **state)
{
	struct hc_index *v = hc_index_new(hc_catalog_entries(), hc_catalog_count());
	struct hc_index fake;
	struct hc_hit h = { .entry = 5, .rank = HC_RANK_TEXT, .score = 77, .fine = 1,
	                    .matched = 1, .terms = 1, .span_terms = 1 };
	uint8_t combos[2 * HC_FK_COMBO], entries[3] = { 5, 3, 0 }, runs[4] = { 1, 0, 2, 1 };
	uint16_t at[HC_FK_KEYS + 1], run_at[HC_FK_KEYS + 1];
	uint8_t terms[HC_FK_KEYS] = { 0 }, matched[HC_FK_KEYS] = { 0 };
	int kq = hc_firstkeys_key('q');
	struct hc_firstkeys fk;
	struct hc_results r = { .spans_of = HC_SPANS_NONE };

	(void)state;
	assert_non_null(v);
	fk.n_entries = v->n;
	fk.combos = combos;
	fk.entries = entries;
	fk.runs = runs;
	fk.at = at;
	fk.run_at = run_at;
	fk.terms = terms;
	fk.matched = matched;
	/* q: entry 5 (score 77), then 3 and, past a smaller view, 0 (76) */
	assert_true(hc_firstkeys_pack(&h, combos));
	h.score = 76;
	assert_true(hc_firstkeys_pack(&h, combos + HC_FK_COMBO));
	for (int k = 0; k <= HC_FK_KEYS; k++) {
		at[k] = k <= kq ? 0 : 3;
		run_at[k] = k <= kq ? 0 : 2;
	}
	terms[kq] = matched[kq] = 1;
	fake = *v;
	fake.first_keys = &fk;
	assert_int_equal(hc_search(&fake, "q", 1, &r), HC_SEARCH_OK);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.hits[0].entry, 5);
	assert_int_equal(r.hits[0].score, 77);
	assert_int_equal(r.hits[1].entry, 3);
	assert_int_equal(r.hits[1].score, 76);
	assert_int_equal(r.hits[2].entry, 0);
	assert_int_equal(r.hits[2].score, 76);
	assert_int_equal(r.complete, 3);
	assert_false(r.partial);
	/* "x" has none here (an empty run): searched */
	assert_int_equal(hc_search(&fake, "x", 1, &r), HC_SEARCH_OK);
	assert_true(r.n > 3);
	/* answers for a larger table serve this one without the hits past
	 * it; answers for a smaller one are not used */
	fk.n_entries = v->n + 1;
	entries[2] = (uint8_t)v->n;
	assert_int_equal(hc_search(&fake, "q", 1, &r), HC_SEARCH_OK);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.hits[1].entry, 3);
	fk.n_entries = v->n - 1;
	assert_int_equal(hc_search(&fake, "q", 1, &r), HC_SEARCH_OK);
	assert_true(r.n != 2 || r.hits[0].entry != 5);
	hc_results_free(&r);
	hc_index_free(v);
}

static void test_pack_refuses(void **state)
{
	struct hc_hit ok = { .entry = 200, .rank = HC_RANK_TYPO, .score = 255, .fine = 3,
	                     .matched = 1, .noise = 4, .terms = 1, .named_terms = 1,
	                     .span_terms = 1, .typo_terms = 1, .coded = true, .named = true,
	                     .vendor_named = true };
	struct hc_hit back, h;
	uint8_t p[HC_FK_COMBO];

	(void)state;
	assert_true(hc_firstkeys_pack(&ok, p));
	hc_firstkeys_unpack(p, 200, &back);
	assert_int_equal(back.entry, 200);
	assert_int_equal(back.rank, HC_RANK_TYPO);
	assert_int_equal(back.score, 255);
	assert_int_equal(back.fine, 3);
	assert_int_equal(back.noise, 4);
	assert_true(back.matched == 1 && back.terms == 1 && back.named_terms == 1 &&
	            back.span_terms == 1 && back.typo_terms == 1);
	assert_true(back.coded && back.named && back.vendor_named);
	assert_int_equal(back.spans_of, HC_SPANS_NONE);
	/* one thing too wide each: an entry or score past a byte, a second
	 * term, a rare-word bonus, a span */
	for (int k = 0; k < 6; k++) {
		h = ok;
		switch (k) {
		case 0: h.entry = 256; break;
		case 1: h.score = 256; break;
		case 2: h.matched = 2; break;
		case 3: h.terms = 2; break;
		case 4: h.rare = 1; break;
		default: h.n_spans = 1; break;
		}
		assert_false(hc_firstkeys_pack(&h, p));
	}
	assert_int_equal(hc_firstkeys_key('a'), 0);
	assert_int_equal(hc_firstkeys_key('z'), 25);
	assert_int_equal(hc_firstkeys_key('0'), 26);
	assert_int_equal(hc_firstkeys_key('9'), 35);
	assert_int_equal(hc_firstkeys_key('T'), hc_firstkeys_key('t'));
	assert_int_equal(hc_firstkeys_key('A'), 0);
	assert_int_equal(hc_firstkeys_key('@'), -1);
	assert_int_equal(hc_firstkeys_key('['), -1);
	assert_int_equal(hc_firstkeys_key('-'), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_views_answer_alike),
		cmocka_unit_test(test_search_reads_them),
		cmocka_unit_test(test_pack_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
