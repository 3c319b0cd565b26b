/*
 * test_index.c - the index made at build time (src/gen_index.c →
 * catalog_index.c) equals the one the library builds at run time from the
 * same table with libunistring: every field, folded copy, map, typo word
 * and byte set. A stale or wrongly emitted index
 * fails here. Also: the catalog, each small table beside it (extra.h) and
 * the browser's array of the catalog and the codes outside 100-599 get views
 * of that one index, which answer as run-time builds of the same arrays do;
 * any other array is built at run time.
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
#include "chars.h"
#include "../made.h"
#include "extra.h"
#include "index.h"
#include "match.h"
#include "names.h"
#include "../names_read.h"
#include "search.h"
#include "textdict.h"

static void test_builtin_equals_runtime(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();
	size_t n = hc_catalog_count();
	struct hc_index *bi = hc_index_new(e, n);
	struct hc_index *rt = hc_index_build(e, n);

	(void)state;
	assert_non_null(bi);
	assert_non_null(rt);
	/* -Dprebuilt_index=false (the static binary): built at run time. */
	assert_true(bi->builtin == (hc_prebuilt.n_parts > 0));
	assert_false(rt->builtin);
	assert_int_equal(bi->n, rt->n);
	assert_memory_equal(bi->first_field, rt->first_field, (n + 1) * sizeof *bi->first_field);
	assert_memory_equal(bi->first_word, rt->first_word, (n + 1) * sizeof *bi->first_word);
	assert_memory_equal(bi->has, rt->has, n * sizeof *bi->has);
	assert_int_equal(bi->n_words, rt->n_words);
	for (size_t i = 0; i < rt->n_words; i++) {
		assert_int_equal(bi->words[i].field, rt->words[i].field);
		assert_int_equal(bi->words[i].at, rt->words[i].at);
		assert_int_equal(bi->words[i].len, rt->words[i].len);
	}
	for (size_t i = 0; i < rt->first_field[n]; i++) {
		const struct hc_sfield *a = &bi->fields[i], *b = &rt->fields[i];

		assert_int_equal(a->caps, b->caps);
		assert_int_equal(a->len, b->len);
		assert_int_equal(a->field, b->field);
		assert_int_equal(a->item, b->item);
	}
	assert_int_equal(bi->n_smaps, rt->n_smaps);
	if (rt->n_smaps)
		assert_memory_equal(bi->smaps, rt->smaps, rt->n_smaps * sizeof *rt->smaps);
	assert_int_equal(bi->text_len, rt->text_len);
	assert_int_equal(bi->maps_len, rt->maps_len);
	if (rt->text_len)
		assert_memory_equal(bi->text, rt->text, rt->text_len);
	if (rt->maps_len)
		assert_memory_equal(bi->maps, rt->maps, rt->maps_len * sizeof *rt->maps);
	hc_index_free(bi);      /* the view only: its arrays are const */
	hc_index_free(rt);
}

/* The bytes of the index itself and of its lookups (issue 18: no more than
 * the text it indexes), against the bytes of the displayed strings it
 * covers. */
static void test_compact(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();
	size_t n = hc_catalog_count(), text = 0, size;
	struct hc_index *ix = hc_index_new(e, n);
	char code[4];

	(void)state;
	for (size_t i = 0; i < n; i++)
		for (size_t fi = ix->first_field[i]; fi < ix->first_field[i + 1]; fi++)
			text += strlen(hc_entry_field(&e[i], (enum hc_field)ix->fields[fi].field,
			                              ix->fields[fi].item, code));
	size = sizeof *ix + ix->first_field[n] * sizeof *ix->fields +
	       ix->n_words * sizeof *ix->words + 2 * (n + 1) * sizeof *ix->first_field +
	       n * sizeof *ix->has + ix->text_len + ix->maps_len * sizeof *ix->maps +
	       ix->n_smaps * sizeof *ix->smaps;
	print_message("# index %zu bytes for %zu bytes of text (%.2f)\n", size, text,
	              (double)size / (double)text);
	if (ix->dict) {         /* the lookups (none in the static build) */
		size += ix->first_field[n] * sizeof *ix->kind + ix->dict->len +
		        257 * sizeof *ix->dict->first + ix->typos->len +
		        (HC_TYPO_LENS + 1) * sizeof *ix->typos->first +
		        ix->n_by_name * sizeof *ix->by_name;
		print_message("# with its lookups %zu bytes (%.2f)\n", size,
		              (double)size / (double)text);
	}
	assert_true(sizeof(struct hc_sfield) == 8);
	assert_true(size <= text);
	hc_index_free(ix);
}

/* A string that folding changes beyond ASCII capitals keeps a folded copy,
 * and maps when its layout moved (ß → ss); an ASCII one keeps neither. */
static struct hc_entry odd[1];

static void make_odd(void)
{
	const struct hc_entry t[] = {
		{ .code = 299, .phrase_en = S("Stra\xc3\x9f" "e"), .summary_en = S("Plain ASCII Text") },
	};

	_Static_assert(sizeof t == sizeof odd, "odd: the count above");
	memcpy(odd, t, sizeof t);
}

static void test_copies_only_when_needed(void **state)
{
	struct hc_index *ix = hc_index_build(odd, 1);

	(void)state;
	assert_non_null(ix);
	assert_int_equal(ix->first_field[1], 2);
	assert_int_not_equal(hc_sf_copy(&ix->fields[0]), HC_NONE);
	assert_true(ix->fields[0].caps & HC_SF_MAPPED);
	assert_int_equal(ix->n_smaps, 1);
	assert_int_equal(ix->smaps[0].field, 0);
	assert_string_equal((const char *)ix->text + hc_sf_copy(&ix->fields[0]), "strasse");
	/* the copy is read folded: no capital of the shown "Straße" counts,
	 * though its offset shares their bits */
	assert_int_equal(hc_sf_capitals(&ix->fields[0]), 0);
	assert_string_equal((const char *)hc_field_text(ix, 0, 0).s, "strasse");
	assert_int_equal(ix->fields[0].len, 7);
	assert_int_equal(hc_sf_copy(&ix->fields[1]), HC_NONE);
	assert_false(ix->fields[1].caps & HC_SF_MAPPED);
	/* "Plain ASCII Text": read as shown, its capitals folded as they come */
	assert_int_equal(hc_sf_capitals(&ix->fields[1]),
	                 1u << ('P' - 'A') | 1u << 0 | 1u << ('S' - 'A') | 1u << ('C' - 'A') |
	                 1u << ('I' - 'A') | 1u << ('T' - 'A'));
	assert_memory_equal(hc_field_text(ix, 0, 1).s, "Plain ASCII Text", 16);
	assert_int_equal(ix->text_len, 8);
	hc_index_free(ix);
}

/* Two searches give the same hits, in the same order, with the same
 * spans. */
static void same_results(const struct hc_results *a, const struct hc_results *b,
                         const char *q)
{
	if (a->n != b->n || a->partial != b->partial)
		fail_msg("%s: %zu vs %zu hits", q, a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct hc_hit *x = &a->hits[i], *y = &b->hits[i];

		if (x->entry != y->entry || x->rank != y->rank || x->score != y->score ||
		    x->fine != y->fine || x->matched != y->matched || x->coded != y->coded ||
		    x->n_spans != y->n_spans ||
		    memcmp(x->spans, y->spans, x->n_spans * sizeof *x->spans) != 0)
			fail_msg("%s: hit %zu differs (entry %zu vs %zu)", q, i, x->entry, y->entry);
	}
}

static char **query_files;      /* the test's arguments */
static int n_query_files;

/* The index reads the displayed strings, folding their ASCII capitals as it
 * compares; an index holding a folded copy of every field must answer
 * exactly alike. And the index made at build time looks English terms up
 * in its dictionary of the fields' words and its typo words (textdict.h,
 * typodict.h), where the folded one,
 * built at run time, has none and reads every field: the two must answer
 * exactly alike as well. Over every query of the judged set and of the
 * development sets (the files are the test's arguments) and some of other
 * shapes. */
static void test_shown_text_equals_folded_copies(void **state)
{
	static const char *const more[] = {
		"NOT FOUND", "Not Found", "t", "T", "ti", "시", "시간초과", "시간 초과", "ㅇㅊ",
		"ㅅㄱㅊㄱ", "forbiden", "gatewya", "리다이랙트", "HTTP/1.1 404 Not Found",
		"Retry-After", "요청 헤더", "too large request", "X-Frame", "cloudflare 520",
	};
	const struct hc_entry *e = hc_catalog_entries();
	size_t n = hc_catalog_count(), count = 0;
	struct hc_index *bi = hc_index_new(e, n), *all = hc_index_build_folded(e, n);
	struct hc_results a = { 0 }, b = { 0 };
	char line[4096];
	FILE *f;

	(void)state;
	assert_non_null(bi);
	assert_non_null(all);
	assert_int_equal(all->text_len > 200000, 1);    /* the copies are there */
	/* looked up in one (the static build's makes none), read in the other */
	assert_true(bi->dict != NULL || !hc_index_lookups_at_run_time);
	assert_null(all->dict);
	for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
		assert_int_equal(hc_search(bi, more[i], strlen(more[i]), &a), HC_SEARCH_OK);
		assert_int_equal(hc_search(all, more[i], strlen(more[i]), &b), HC_SEARCH_OK);
		same_results(&a, &b, more[i]);
		count++;
	}
	assert_true(n_query_files > 0);
	for (int fi = 0; fi < n_query_files; fi++) {
	f = fopen(query_files[fi], "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *q = strchr(line, '\t'), *end;

		if (line[0] == '#' || !q || !(q = strchr(q + 1, '\t')))
			continue;
		q++;
		end = strchr(q, '\t');
		if (!end)
			continue;
		hc_search(bi, q, (size_t)(end - q), &a);
		hc_search(all, q, (size_t)(end - q), &b);
		same_results(&a, &b, q);
		count++;
	}
	fclose(f);
	}
	print_message("# %zu queries answered alike\n", count);
	assert_true(count > 600 * (size_t)n_query_files / 2);
	hc_results_free(&a);
	hc_results_free(&b);
	hc_index_free(bi);
	hc_index_free(all);
}

/* The tables beside the catalog, and the browser's copy of the catalog with
 * the codes outside 100-599 after it, get views of the prebuilt index (its
 * entries shifted for a table that is not first) that answer every query as
 * a run-time build of the same array does. */
/* The dictionary made at build time is the one the library builds at run
 * time over the same three tables laid end to end (gen_index.c), byte for
 * byte; so are the names in order. */
/* The three tables the index made at build time covers, end to end, in
 * its order (index.h: hc_prebuilt); *n entries, to free. */
static struct hc_entry *all_tables(size_t *n)
{
	size_t nc = hc_catalog_count(), no, ni;
	const struct hc_entry *other = hc_extra_other(&no), *iis = hc_extra_iis(&ni);
	struct hc_entry *all = malloc((nc + no + ni) * sizeof *all);

	assert_non_null(all);
	memcpy(all, hc_catalog_entries(), nc * sizeof *all);
	memcpy(all + nc, other, no * sizeof *all);
	memcpy(all + nc + no, iis, ni * sizeof *all);
	*n = nc + no + ni;
	return all;
}

static void test_builtin_dict_equals_runtime(void **state)
{
	size_t n;
	struct hc_entry *all = all_tables(&n);
	const struct hc_textdict *b = hc_prebuilt.ix ? hc_prebuilt.ix->dict : NULL;
	struct hc_index *rt;

	(void)state;
	rt = hc_index_build(all, n);
	assert_non_null(rt);
	assert_true(hc_index_add_dict(rt));
	assert_non_null(rt->dict);
	if (hc_prebuilt.n_parts > 0) {  /* not in the static build */
		assert_non_null(b);
		assert_int_equal(b->len, rt->dict->len);
		assert_int_equal(b->n_fields, rt->dict->n_fields);
		assert_memory_equal(b->first, rt->dict->first, 257 * sizeof *b->first);
		assert_memory_equal(b->records, rt->dict->records, b->len);
		/* compact: a third of the text it indexes (textdict.h) */
		assert_true(b->len < 110000);
		/* and the names in order (names.h) */
		assert_int_equal(hc_prebuilt.ix->n_by_name, rt->n_by_name);
		assert_memory_equal(hc_prebuilt.ix->by_name, rt->by_name,
		                    rt->n_by_name * sizeof *rt->by_name);
		/* the fields' kinds, and the typo words (typodict.h) */
		assert_memory_equal(hc_prebuilt.ix->kind, rt->kind, b->n_fields);
		for (size_t i = 0; i < b->n_fields; i++)
			assert_int_equal(rt->kind[i], rt->fields[i].field);
		assert_non_null(rt->typos);
		assert_int_equal(hc_prebuilt.ix->typos->len, rt->typos->len);
		assert_memory_equal(hc_prebuilt.ix->typos->first, rt->typos->first,
		                    (HC_TYPO_LENS + 1) * sizeof *rt->typos->first);
		assert_memory_equal(hc_prebuilt.ix->typos->records, rt->typos->records,
		                    rt->typos->len);
	}
	hc_index_free(rt);
	free(all);
}

static void test_views_equal_runtime(void **state)
{
	static const char *const q[] = {
		"timeout", "000", "0", "999", "783", "500.19", "500", "5xx", "not found",
		"load balancer", "curl", "config", "linkedin", "shopify", "로드 밸런서", "권한",
		"ㅅㄱㅊㄱ", "handler", "web.config", "403.14", "forbidden", "goaway",
	};
	size_t nc = hc_catalog_count(), no, ni;
	const struct hc_entry *other = hc_extra_other(&no), *iis = hc_extra_iis(&ni);
	struct hc_entry *both = malloc((nc + no) * sizeof *both);
	const struct { const struct hc_entry *e; size_t n; } arrays[] = {
		{ hc_catalog_entries(), nc }, { other, no }, { iis, ni }, { both, nc + no },
	};
	struct hc_results a = { 0 }, b = { 0 };

	(void)state;
	assert_non_null(both);
	memcpy(both, hc_catalog_entries(), nc * sizeof *both);
	memcpy(both + nc, other, no * sizeof *both);
	for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++) {
		struct hc_index *v = hc_index_new(arrays[k].e, arrays[k].n);
		struct hc_index *rt = hc_index_build(arrays[k].e, arrays[k].n);

		assert_non_null(v);
		assert_non_null(rt);
		assert_true(v->builtin == (hc_prebuilt.n_parts > 0));
		assert_true(v->entries == arrays[k].e);
		assert_int_equal(v->n, arrays[k].n);
		assert_int_equal(v->first_field[v->n] - v->first_field[0], rt->first_field[rt->n]);
		assert_int_equal(v->first_word[v->n] - v->first_word[0], rt->first_word[rt->n]);
		assert_memory_equal(v->has, rt->has, rt->n * sizeof *rt->has);
		for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
			enum hc_search_status s1 = hc_search(v, q[i], strlen(q[i]), &a);
			enum hc_search_status s2 = hc_search(rt, q[i], strlen(q[i]), &b);

			assert_int_equal(s1, s2);
			if (s1 == HC_SEARCH_OK)
				same_results(&a, &b, q[i]);
		}
		hc_index_free(v);
		hc_index_free(rt);
	}
	hc_results_free(&a);
	hc_results_free(&b);
	free(both);
}

/* The names in order (names.h) find what reading finds, in the index made
 * at build time (its views list every part's names) and in one made at
 * run time: for every name's whole text, its first 1, 2, 3, 4, 5 and 7
 * bytes, and the text with a letter more; each folded. */
static void test_names_equal_reading(void **state)
{
	size_t nc = hc_catalog_count(), no, ni, probes = 0, found = 0;
	const struct hc_entry *other = hc_extra_other(&no), *iis = hc_extra_iis(&ni);
	struct hc_entry *both = malloc((nc + no) * sizeof *both);
	const struct { const struct hc_entry *e; size_t n; } arrays[] = {
		{ hc_catalog_entries(), nc }, { other, no }, { iis, ni }, { both, nc + no },
	};
	static const size_t cut[] = { 1, 2, 3, 4, 5, 7, 0, 1000 };

	(void)state;
	assert_non_null(both);
	memcpy(both, hc_catalog_entries(), nc * sizeof *both);
	memcpy(both + nc, other, no * sizeof *both);
	for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++) {
		struct hc_index *ixs[2] = { hc_index_new(arrays[k].e, arrays[k].n),
		                            hc_index_build(arrays[k].e, arrays[k].n) };
		size_t n = arrays[k].n;
		uint8_t *got = malloc(n), *want = malloc(n);

		assert_non_null(got);
		assert_non_null(want);
		for (int x = 0; x < 2; x++) {
			const struct hc_index *ix = ixs[x];

			assert_non_null(ix);
			/* (the static build's indexes have none unless asked) */
			assert_true(hc_index_add_lookups(ixs[x]));
			assert_non_null(ix->by_name);
			for (size_t e = 0; e < n; e++)
				for (size_t fi = ix->first_field[e];
				     fi < ix->first_field[e + 1] && hc_sf_tier(&ix->fields[fi]) == HC_TIER_NAME;
				     fi++) {
					struct hc_ftext ft = hc_field_text(ix, e, fi);
					uint8_t s[300];

					if (ft.n + 1 > sizeof s)
						continue;
					for (size_t i = 0; i < ft.n; i++)
						s[i] = hc_lc(ft.s[i]);
					s[ft.n] = 'x';
					for (size_t c = 0; c < sizeof cut / sizeof *cut; c++) {
						size_t len = cut[c] == 0 ? ft.n : cut[c] == 1000 ? ft.n + 1
						           : cut[c];

						if (len > ft.n + 1 || (cut[c] && cut[c] < 1000 && len >= ft.n))
							continue;
						memset(got, 0, n);
						hc_names_find(ix, s, len, got, 0);
						hc_test_names_by_reading(ix, s, len, want);
						assert_memory_equal(got, want, n);
						probes++;
						for (size_t e2 = 0; e2 < n; e2++)
							found += got[e2] != 0;
					}
				}
		}
		hc_index_free(ixs[0]);
		hc_index_free(ixs[1]);
		free(got);
		free(want);
	}
	print_message("# %zu probes, %zu entries marked\n", probes, found);
	assert_true(probes > 10000 && found > probes);
	free(both);
}

/* Any other array (a sub-range, parts not in a row, a changed copy) is
 * built at run time. */
static void test_other_tables_built(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();
	size_t nc = hc_catalog_count(), ni;
	const struct hc_entry *iis = hc_extra_iis(&ni);
	struct hc_entry *gap = malloc((nc + ni) * sizeof *gap);
	struct hc_index *ix = hc_index_new(e, 10);

	(void)state;
	assert_non_null(ix);
	assert_false(ix->builtin);
	assert_int_equal(ix->n, 10);
	hc_index_free(ix);
	assert_non_null(gap);
	memcpy(gap, e, nc * sizeof *gap);
	memcpy(gap + nc, iis, ni * sizeof *gap);
	ix = hc_index_new(gap, nc + ni);        /* catalog then IIS: not in a row */
	assert_non_null(ix);
	assert_false(ix->builtin);
	hc_index_free(ix);
	gap[3].summary_en = S("changed");          /* not the catalog any more */
	ix = hc_index_new(gap, nc);
	assert_non_null(ix);
	assert_false(ix->builtin);
	hc_index_free(ix);
	free(gap);
}

/* The dictionary of the fields' words (textdict.h) against reading them:
 * for every term cut from the catalog's own text at a word start (each
 * length from 1 to HC_TD_TERM_MAX bytes, ending anywhere: inside a word,
 * on punctuation, on a character of several bytes) and some of other
 * shapes, the fields it finds (names, keywords, headers, vendor and
 * running text), and where whole, are those that hc_match_field finds. */
static void check_term(const struct hc_index *ix, const struct hc_textdict *d,
                       const uint8_t *s, size_t n, size_t *checked)
{
	size_t words = hc_textdict_words(d);
	uint64_t *found = calloc(2 * words, sizeof *found), *whole = found + words;
	struct hc_term t = { 0 };

	assert_non_null(found);
	if (!hc_textdict_usable(d, s, n)) {
		free(found);
		return;
	}
	hc_textdict_find(d, s, n, found, whole);
	t.s = s;
	t.n = n;
	t.kind = T_WORD;
	t.anchor = true;        /* usable: it starts with a word character */
	for (size_t e = 0; e < ix->n; e++)
		for (size_t fi = ix->first_field[e]; fi < ix->first_field[e + 1]; fi++) {
			struct hc_ftext ft;
			size_t a, b;
			bool w, hit;
			uint64_t bit = (uint64_t)1 << (fi & 63);

			ft = hc_field_text(ix, e, fi);
			hit = hc_match_field(&ft, &t, &a, &b, &w);
			if (hit != ((found[fi >> 6] & bit) != 0) ||
			    (hit && w != ((whole[fi >> 6] & bit) != 0)))
				fail_msg("'%.*s' in field %zu: read %d/%d, dictionary %d/%d", (int)n,
				         (const char *)s, fi, hit, hit && w, (found[fi >> 6] & bit) != 0,
				         (whole[fi >> 6] & bit) != 0);
		}
	free(found);
	(*checked)++;
}

static void test_textdict_equals_reading(void **state)
{
	static const char *const shapes[] = {
		"content-type", "retry-after:", "http/1.1", "x-", "e.g.", "404", "4x", "ab",
		"utf-8", "straße", "timeout", "timeouts", "time-out", "a1", "zz", "url을",
	};
	const struct hc_entry *e = hc_catalog_entries();
	size_t n = hc_catalog_count(), checked = 0, seen = 0;
	struct hc_index *ix = hc_index_build(e, n);
	const struct hc_textdict *d;

	(void)state;
	assert_non_null(ix);
	assert_true(hc_index_add_dict(ix));
	assert_non_null(ix->dict);
	d = ix->dict;
	assert_int_equal(d->n_fields, ix->first_field[n]);
	for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++)
		check_term(ix, d, (const uint8_t *)shapes[i], strlen(shapes[i]), &checked);
	/* every seventh word start of every field: its cuts of every length */
	for (size_t en = 0; en < ix->n; en++)
		for (size_t fi = ix->first_field[en]; fi < ix->first_field[en + 1]; fi++) {
			struct hc_ftext ft = hc_field_text(ix, en, fi);

			for (size_t at = 0; at + 1 < ft.n; at++) {
				uint8_t low[HC_TD_TERM_MAX];

				if (hc_utf8_is_continuation(ft.s[at]) || hc_word_before(ft.s, at) ||
				    seen++ % 7)
					continue;
				for (size_t k = 0; k < HC_TD_TERM_MAX && at + k < ft.n; k++)
					low[k] = ft.s[at + k] >= 'A' && ft.s[at + k] <= 'Z'
					         ? (uint8_t)(ft.s[at + k] + 32) : ft.s[at + k];
				for (size_t len = 1; len <= HC_TD_TERM_MAX && at + len <= ft.n; len++)
					if (len == ft.n - at || !hc_utf8_is_continuation(ft.s[at + len]))
						check_term(ix, d, low, len, &checked);
			}
		}
	print_message("# %zu terms found alike\n", checked);
	assert_true(checked > 10000);
	hc_index_free(ix);
}

/* The typo words (typodict.h) against reading them: for a sample of the
 * typo words of the catalog and the tables beside it, the word itself and
 * its neighbours one edit away of every shape (each letter dropped, each
 * pair of neighbours swapped, each letter changed, a letter added at each
 * place), the fields with a word one edit from the term are exactly those
 * where hc_typo_fits finds one. */
static void check_typo(const struct hc_index *ix, const uint8_t *s, size_t n, size_t *checked)
{
	size_t words = hc_textdict_words(ix->dict);
	uint64_t *found = calloc(2 * words, sizeof *found), *read = found + words;
	struct hc_term t = { 0 };

	assert_non_null(found);
	t.s = s;
	t.n = n;
	t.kind = T_WORD;
	t.typo = true;
	hc_typodict_find(ix->typos, s, n, found);
	for (size_t e = 0; e < ix->n; e++)
		for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++) {
			const struct hc_tword *tw = &ix->words[w];
			struct hc_ftext ft = hc_field_text(ix, e, tw->field);

			if (hc_typo_fits(ft.s, tw, &t))
				read[tw->field >> 6] |= (uint64_t)1 << (tw->field & 63);
		}
	for (size_t k = 0; k < words; k++)
		if (found[k] != read[k])
			fail_msg("typo '%.*s': fields %zu..: read %016llx, typo words %016llx", (int)n,
			         (const char *)s, 64 * k, (unsigned long long)read[k],
			         (unsigned long long)found[k]);
	free(found);
	(*checked)++;
}

static void test_typodict_equals_reading(void **state)
{
	size_t count, checked = 0;
	struct hc_entry *all = all_tables(&count);
	struct hc_index *ix;

	(void)state;
	ix = hc_index_build(all, count);
	assert_non_null(ix);
	assert_true(hc_index_add_lookups(ix));
	for (size_t e = 0; e < ix->n; e++)
		for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++) {
			const struct hc_tword *tw = &ix->words[w];
			struct hc_ftext ft = hc_field_text(ix, e, tw->field);
			uint8_t word[TYPO_MAX + 2], ed[TYPO_MAX + 3];
			size_t n = tw->len;

			if (w % 13)
				continue;
			for (size_t i = 0; i < n; i++)
				word[i] = hc_lc(ft.s[tw->at + i]);
			if (n >= TYPO_MIN && n <= TYPO_MAX)
				check_typo(ix, word, n, &checked);
			for (size_t i = 0; i < n; i++) {
				/* dropped */
				memcpy(ed, word, i);
				memcpy(ed + i, word + i + 1, n - i - 1);
				if (n - 1 >= TYPO_MIN)
					check_typo(ix, ed, n - 1, &checked);
				/* changed */
				memcpy(ed, word, n);
				ed[i] = word[i] == 'x' ? 'q' : 'x';
				if (n >= TYPO_MIN && n <= TYPO_MAX)
					check_typo(ix, ed, n, &checked);
				/* swapped with the next */
				if (i + 1 < n && word[i] != word[i + 1] && n >= TYPO_MIN && n <= TYPO_MAX) {
					memcpy(ed, word, n);
					ed[i] = word[i + 1];
					ed[i + 1] = word[i];
					check_typo(ix, ed, n, &checked);
				}
				/* added */
				memcpy(ed, word, i);
				ed[i] = 'e';
				memcpy(ed + i + 1, word + i, n - i);
				if (n + 1 >= TYPO_MIN && n + 1 <= TYPO_MAX)
					check_typo(ix, ed, n + 1, &checked);
			}
		}
	print_message("# %zu typo terms found alike\n", checked);
	assert_true(checked > 3000);
	hc_index_free(ix);
	free(all);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_equals_runtime),
		cmocka_unit_test(test_views_equal_runtime),
		cmocka_unit_test(test_builtin_dict_equals_runtime),
		cmocka_unit_test(test_other_tables_built),
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_copies_only_when_needed),
		cmocka_unit_test(test_shown_text_equals_folded_copies),
		cmocka_unit_test(test_textdict_equals_reading),
		cmocka_unit_test(test_typodict_equals_reading),
		cmocka_unit_test(test_names_equal_reading),
	};

	query_files = argv + 1;
	n_query_files = argc - 1;
	make_odd();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
