/*
 * fuzz_search.c - libFuzzer target for the query parser and matcher.
 *
 * Each input is searched as a query over three indexes: the real table, a
 * small table of strings whose folding changes their bytes (ß, K, İ, NFD),
 * and, when the input holds a NUL byte, a one-entry table whose text is
 * whatever follows the NUL (so that index building meets arbitrary bytes
 * too). Every result is checked: statuses agree with an independent check of
 * the input, hits come in the order search.h gives, partial results keep
 * their promise, and every span lies inside its string and, for valid
 * UTF-8, on character boundaries. The real table and the text table are
 * also searched through an index that holds a folded copy of every field,
 * which must answer exactly alike. The query parser (query.h: status lines,
 * codes in words, identifiers, noise) and the numbers-in-words rewrite
 * (numword.h) are also run alone on every input.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "catalog.h"
#include "../made.h"
#include "index.h"
#include "numword.h"
#include "expand.h"
#include "query.h"
#include "kspace.h"
#include "translit.h"
#include "dubeol.h"
#include "kstem.h"
#include "qwords.h"
#include "search.h"
#include "../spans.h"

#define CHECK(cond)                                                     \
	do {                                                            \
		if (!(cond)) {                                          \
			fprintf(stderr, "%s:%d: check failed: %s\n",    \
			        __FILE__, __LINE__, #cond);             \
			abort();                                        \
		}                                                       \
	} while (0)

static bool cut_all(const uint8_t *w, size_t n, const void *ctx)
{
	(void)w, (void)n, (void)ctx;
	return true;
}

/* Whether a and b are the same bytes once spaces and the characters the
 * query expansion may cut into one ('-' '/' '_' '(' ')' '<' '>' '\' ':'
 * '.') are skipped in both. */
static bool same_but_cuts(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
	static const char cuts[] = " -/_()<>\\:.";
	size_t i = 0, j = 0;

	for (;;) {
		while (i < an && memchr(cuts, a[i], sizeof cuts - 1))
			i++;
		while (j < bn && memchr(cuts, b[j], sizeof cuts - 1))
			j++;
		if (i == an || j == bn)
			return i == an && j == bn;
		if (a[i++] != b[j++])
			return false;
	}
}

static const char *const odd_aliases[] = {
	"Stra\xc3\x9f\x65", "\xc4\xb0stanbul", "\xce\x90 \xe1\xbe\x80",
};

static const char *const odd_headers[] = { "X-\xe2\x84\xaa" "ey", NULL };

static const char *const odd_keywords[] = {
	"upstream timed out", "\xc3\x9f too large", "http/1.1 404",
	"\xed\x83\x80\xec\x9e\x84\xec\x95\x84\xec\x9b\x83 \xec\x98\xa4\xeb\xa5\x98", /* 타임아웃 오류 */
	"\xec\xbd\x98\xed\x85\x90\xec\xb8\xa0 \xec\x97\x86\xec\x9d\x8c", /* 콘텐츠 없음 */
};

static struct hc_entry odd_table[2];

static void make_odd_table(void)
{
	const struct hc_entry t[] = {
		{ .code = 299, .phrase_en = S("Gro\xc3\x9f \xe2\x84\xaa" "elvin"),
		  .aliases_en = hc_strs_make(odd_aliases, 3), .headers = hc_strs_make(odd_headers, 2),
		  .keywords_en = hc_strs_make(odd_keywords, 3), .keywords_ko = hc_strs_make(odd_keywords + 3, 2) },
		{ .code = 404, .phrase_en = S("Cafe\xcc\x81 e\xcc\x81\xcc\x81 Noir"),
		  /* 찾을 수 없음 with 찾을 decomposed */
		  .name_ko = S("\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd\xe1\x84\x8b"
		             "\xe1\x85\xb3\xe1\x86\xaf 수 없음"),
		  .vendor = S("\xef\xac\x83 Vendor"),
		  .desc_ko = S("요청 시간\n초과 (ㄱ) 가\xe1\x86\xa8 \xe1\x84\x80") },
	};

	_Static_assert(sizeof t == sizeof odd_table, "odd_table: the count above");
	memcpy(odd_table, t, sizeof t);
}

static struct hc_index *real_ix, *odd_ix, *real_folded;
static struct hc_results res;

/* Valid UTF-8 without C0, DEL or C1: what hc_search must accept. */
static bool clean(const uint8_t *s, size_t n)
{
	if (u8_check(s, n))
		return false;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, n - i);

		if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
			return false;
		i += (size_t)k;
	}
	return true;
}

static bool is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

static void check_span(const struct hc_entry *e, const struct hc_span *s)
{
	char code[4];
	const char *t = hc_span_text(e, s, code);
	size_t n, end;

	CHECK(t != NULL);
	n = strlen(t);
	end = (size_t)s->start + s->len;
	CHECK(s->len > 0);
	CHECK(end <= n);
	if (u8_check((const uint8_t *)t, n))
		return;         /* no boundaries to keep in broken text */
	CHECK(!is_cont((unsigned char)t[s->start]));
	CHECK(end == n || !is_cont((unsigned char)t[end]));
}

static int group_of(enum hc_rank r)
{
	return r <= HC_RANK_NAME_PREFIX ? (int)r : HC_RANK_NAME_PREFIX + 1;
}

/* p may come before h (search.h): typed code, band group, registered before
 * a vendor the query does not name when only noise tells them apart, score,
 * registered before vendor (not in code lists), fine score, terms matched,
 * table order. */
static bool in_order(const struct hc_entry *entries, const struct hc_hit *p,
                     const struct hc_hit *h)
{
	bool vp = hc_str(entries[p->entry].vendor) != NULL, vh = hc_str(entries[h->entry].vendor) != NULL;

	if (p->coded != h->coded)
		return p->coded;
	if (p->coded && p->matched != h->matched)
		return p->matched > h->matched;
	if (group_of(p->rank) != group_of(h->rank))
		return group_of(p->rank) < group_of(h->rank);
	if (vp != vh && h->rank > HC_RANK_CODE_PREFIX && !(vp ? p : h)->vendor_named &&
	    p->score - p->noise == h->score - h->noise)
		return !vp;
	if (p->score != h->score)
		return p->score > h->score;
	if (vp != vh && h->rank > HC_RANK_CODE_PREFIX)
		return !vp;
	if (p->fine != h->fine)
		return p->fine > h->fine;
	if (p->matched != h->matched)
		return p->matched > h->matched;
	return p->entry < h->entry;
}

/* The query parser alone, on any valid UTF-8 (it is given folded text, but
 * must not care): terms inside the input, distinct, within the limits. */
static void check_split(const uint8_t *q, size_t n)
{
	static uint8_t wide[2 * HC_QUERY_MAX];
	struct hc_qterms t;
	size_t wn;

	if (n > HC_QUERY_MAX || u8_check(q, n))
		return;
	wn = hc_query_expand(q, n, wide);
	CHECK(wn <= 2 * n);
	/* the second try's cutting (one hump enough) only ever cuts more:
	 * as long or longer, valid UTF-8, within its room */
	{
		static uint8_t humps[2 * HC_QUERY_MAX];
		size_t hn = hc_query_expand_humps(q, n, humps);

		CHECK(hn <= 2 * n && hn >= wn && !u8_check(humps, hn));
		/* and cutting joined words too: within its room, valid
		 * UTF-8, and the same bytes as the query once spaces and the
		 * characters a cut turns into one are taken out of both */
		{
			static uint8_t joined[2 * HC_QUERY_MAX];
			size_t jn = hc_query_expand_joined(q, n, cut_all, NULL, joined);

			CHECK(jn <= 2 * n && jn >= hn && !u8_check(joined, jn));
			CHECK(same_but_cuts(q, n, joined, jn));
		}
	}
	/* the last try's Korean spacing only adds spaces: the same bytes
	 * once the spaces are taken out, valid UTF-8, within its room */
	{
		static uint8_t spaced[4 * HC_QUERY_MAX];
		size_t sn = hc_query_kspace(wide, wn, spaced), k = 0;

		CHECK(sn <= 2 * wn && sn >= wn && !u8_check(spaced, sn));
		for (size_t i = 0; i < sn; i++)
			if (!(spaced[i] == ' ' && (k >= wn || wide[k] != ' ')))
				CHECK(k < wn && spaced[i] == wide[k++]);
		CHECK(k == wn);
	}
	/* English typed in Hangul: within its room, valid UTF-8, and the
	 * same when it has nothing to spell */
	{
		static uint8_t spelt[4 * HC_QUERY_MAX];
		size_t tn = hc_query_translit(wide, wn, spelt);

		CHECK(tn <= 2 * wn && !u8_check(spelt, tn));
		if (tn == wn && memcmp(spelt, wide, wn) == 0)
			CHECK(hc_query_translit(spelt, tn, spelt + tn) == tn);
	}
	/* The keyboard's other mode (dubeol.h), both ways: valid UTF-8 in its
	 * room; Hangul spelled only from an ASCII query, and nothing left to
	 * spell in what it wrote; keys written only for a query with Hangul */
	{
		/* wide is at most 2 * HC_QUERY_MAX bytes: the spelling at most 3
		 * of those, and the second reading its own room after it */
		static uint8_t spelt[9 * HC_QUERY_MAX];
		size_t dn = hc_query_dubeol(wide, wn, spelt), kn;
		bool ascii = true;

		for (size_t i = 0; i < wn; i++)
			ascii = ascii && wide[i] < 0x80;
		CHECK(dn <= 2 * wn && !u8_check(spelt, dn));
		if (dn != wn || memcmp(spelt, wide, wn) != 0) {
			CHECK(ascii);
			CHECK(hc_query_dubeol(spelt, dn, spelt + dn) == dn);
		}
		kn = hc_query_dubeol_keys(wide, wn, spelt);
		CHECK(kn <= 2 * wn && !u8_check(spelt, kn));
		if (ascii)
			CHECK(kn == wn && memcmp(spelt, wide, wn) == 0);
	}
	for (int words = 0; words < 2; words++) {
		hc_query_split(wide, wn, words, &t);
		CHECK(t.n <= HC_TERMS_MAX && t.n_required <= t.n);
		CHECK(t.n == 0 || t.n_required >= 1);
		CHECK(!(words && t.status_line));
		/* every term was typed; the typed order names terms only */
		CHECK(t.n_seq <= HC_SEQ_MAX && t.n_seq >= t.n);
		for (unsigned i = 0; i < t.n_seq; i++)
			CHECK(t.seq[i] < t.n);
		for (unsigned i = 0; i < t.n; i++) {
			CHECK(t.t[i].len > 0 && (size_t)t.t[i].at + t.t[i].len <= wn);
			CHECK(!u8_check(wide + t.t[i].at, t.t[i].len));
			CHECK(hc_query_stem(wide + t.t[i].at, t.t[i].len) <= t.t[i].len);
			for (unsigned j = 0; j < i; j++)
				CHECK(t.t[j].len != t.t[i].len ||
				      memcmp(wide + t.t[j].at, wide + t.t[i].at, t.t[i].len) != 0);
		}
	}
}

static void check_results(const struct hc_entry *entries, size_t n_entries)
{
	/* The partial matches that fill a result of fewer than three full
	 * ones (search.h) follow it: three hits in all at most, each one
	 * missing a word, none twice. */
	CHECK(res.complete <= res.n);
	if (res.complete < res.n)
		CHECK(res.n <= 3 && res.complete > 0 && !res.partial);
	for (size_t i = res.complete; i < res.n; i++) {
		CHECK(res.hits[i].matched < res.terms);
		for (size_t j = 0; j < i; j++)
			CHECK(res.hits[j].entry != res.hits[i].entry);
	}
	/* the best score among the hits that match the most words */
	unsigned most_score = 0;

	for (size_t i = 0; i < res.complete; i++)
		if (res.hits[i].matched == res.matched &&
		    res.hits[i].score - res.hits[i].rare > most_score)
			most_score = res.hits[i].score - res.hits[i].rare;
	for (size_t i = 0; i < res.complete; i++) {
		const struct hc_hit *h = &res.hits[i];

		CHECK(h->entry < n_entries);
		CHECK(h->rank >= HC_RANK_CODE_EXACT && h->rank <= HC_RANK_TYPO);
		CHECK(h->n_spans <= HC_HIT_MAX_SPANS);
		CHECK(h->matched >= 1 && h->matched <= res.terms);
		/* A partial result: at least half as many words as the best,
		 * or the code typed, or a score above every hit that matches
		 * the most; or a sentence's loose pass (search.h): one word
		 * less at most. Not partial: the first hit matched every word,
		 * the others all of them or (a sentence) all but one. */
		CHECK(h->rare <= h->score);
		CHECK(res.partial ? ((2 * h->matched >= res.matched || h->coded ||
		                      h->score - h->rare > most_score) &&
		                     h->matched <= res.matched) ||
		                    h->matched + 1 >= res.terms
		                  : h->matched + (i > 0) >= res.terms);
		if (i == 0 && !res.partial)
			CHECK(h->matched == res.terms);
		if (i > 0)
			CHECK(in_order(entries, &res.hits[i - 1], h));
	}
	for (size_t i = 0; i < res.n; i++) {
		const struct hc_hit *h = &res.hits[i];

		CHECK(h->entry < n_entries && h->n_spans <= HC_HIT_MAX_SPANS);
		CHECK(h->matched >= 1 && h->matched <= res.terms);
		if (i > res.complete)
			CHECK(in_order(entries, &res.hits[i - 1], h));
		for (unsigned k = 0; k < h->n_spans; k++)
			check_span(&entries[h->entry], &h->spans[k]);
	}
}

static void run_one(const struct hc_index *ix, const struct hc_entry *entries,
                    size_t n_entries, const uint8_t *q, size_t n, bool words)
{
	enum hc_search_status st = words ? hc_search_words(ix, (const char *)q, n, &res)
	                                 : hc_search(ix, (const char *)q, n, &res);

	if (n > HC_QUERY_MAX) {
		CHECK(st == HC_SEARCH_TOO_LONG);
	} else if (!clean(q, n)) {
		CHECK(st == HC_SEARCH_INVALID);
	} else {
		CHECK(st == HC_SEARCH_OK || st == HC_SEARCH_EMPTY);
	}
	if (st != HC_SEARCH_OK) {
		CHECK(res.n == 0);
		return;
	}
	check_results(entries, n_entries);
	for (size_t i = 0; words && i < res.n; i++)
		CHECK(res.hits[i].rank > HC_RANK_CODE_PREFIX);
}

/* The same query over an index holding a folded copy of every field
 * (index.h: hc_index_build_folded) gives exactly the hits of res: reading
 * the shown text with its ASCII capitals folded is reading the copy; and
 * the index made at build time looks English terms up in its dictionary of
 * every field's words and its typo words (textdict.h, typodict.h), which
 * the folded one has none of. That
 * search asks for no spans (hc_results.spans_of, as the browser does):
 * hc_hit_spans gives each hit its row's (those of res's in the fields a row
 * shows), then all of them. */
static void same_as_folded(const struct hc_index *folded, const uint8_t *q, size_t n,
                           bool words)
{
	static struct hc_results other = { .spans_of = HC_SPANS_NONE };

	if (words)
		hc_search_words(folded, (const char *)q, n, &other);
	else
		hc_search(folded, (const char *)q, n, &other);
	CHECK(other.n == res.n && other.partial == res.partial && other.complete == res.complete);
	for (size_t i = 0; i < res.n; i++) {
		const struct hc_hit *x = &res.hits[i], *y = &other.hits[i];
		struct hc_hit row = *y, all;

		CHECK(x->entry == y->entry && x->rank == y->rank && x->score == y->score &&
		      x->fine == y->fine && x->matched == y->matched && y->n_spans == 0);
		hc_hit_spans(folded, &other, &row, HC_SPANS_ROW);
		CHECK(hc_test_row_spans_fit(x, &row));
		all = row;
		hc_hit_spans(folded, &other, &all, HC_SPANS_ALL);
		CHECK(all.n_spans == x->n_spans &&
		      memcmp(x->spans, all.spans, x->n_spans * sizeof *x->spans) == 0);
	}
}

/* Both entry points: with code patterns, and words only (--search). */
static void run(const struct hc_index *ix, const struct hc_entry *entries,
                size_t n_entries, const uint8_t *q, size_t n, const struct hc_index *folded)
{
	run_one(ix, entries, n_entries, q, n, false);
	if (folded)
		same_as_folded(folded, q, n, false);
	run_one(ix, entries, n_entries, q, n, true);
	if (folded)
		same_as_folded(folded, q, n, true);
}

/* A one-entry table made of text: index building over arbitrary bytes. */
static void run_text_table(const uint8_t *q, size_t qn, const uint8_t *t,
                           size_t tn)
{
	char *text = malloc(tn + 1);
	struct hc_entry e[1] = { { .code = 200 } };
	struct hc_index *ix, *folded;

	CHECK(text != NULL);
	memcpy(text, t, tn);
	text[tn] = '\0';
	hc_made_reset();        /* the last input's text; odd_table's is kept */
	e[0].phrase_en = e[0].name_ko = e[0].desc_ko = S(text);
	ix = hc_index_new(e, 1);
	folded = hc_index_build_folded(e, 1);
	CHECK(ix != NULL && folded != NULL);
	run(ix, e, 1, q, qn, folded);
	hc_index_free(ix);
	hc_index_free(folded);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);

#ifdef HC_FUZZ_QUERY_ONLY
	/* fuzz_query: the query's parsing and rewrites alone, at a thousand
	 * times the speed of the whole search's oracle, for millions of runs */
	(void)nul;
	check_split(data, size);
	if (size <= HC_QUERY_MAX) {
		static uint8_t said[HC_QUERY_MAX];

		CHECK(hc_numword_rewrite(data, size, said) <= size);
	}
	return 0;
#endif
	if (!real_ix) {
		real_ix = hc_index_new(hc_catalog_entries(), hc_catalog_count());
		make_odd_table();
		hc_made_keep();
		odd_ix = hc_index_new(odd_table, 2);
		real_folded = hc_index_build_folded(hc_catalog_entries(), hc_catalog_count());
		CHECK(real_ix && odd_ix && real_folded);
	}
	check_split(data, size);
	if (size <= HC_QUERY_MAX) {     /* codes said in words never grow */
		static uint8_t said[HC_QUERY_MAX];

		CHECK(hc_numword_rewrite(data, size, said) <= size);
	}
	run(real_ix, hc_catalog_entries(), hc_catalog_count(), data, size, real_folded);
	run(odd_ix, odd_table, 2, data, size, NULL);
	if (nul)
		run_text_table(data, (size_t)(nul - data), nul + 1,
		               size - (size_t)(nul - data) - 1);
	return 0;
}
