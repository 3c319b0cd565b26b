/*
 * fuzz_textdict.c - libFuzzer target: the lookups of an index's words, the
 * dictionary of every field's words (src/textdict.h) and the distinct typo
 * words (src/typodict.h), answer as reading the fields does.
 *
 * Input: TERM, a NUL byte, then the text of a one-entry table's fields of
 * three tiers (its English name, its Korean description and its vendor,
 * split at the next two NUL bytes; what is missing is left out). The index
 * built at run time carries both lookups (built over these arbitrary
 * bytes); for every field, the term (folded as a query's would be, ASCII
 * capitals made small) is found there by lookup exactly where
 * hc_match_field finds it, and whole exactly where it does; and when the
 * term is one a typo may stand for (4 to 40 small ASCII letters), the
 * fields the typo words give are exactly those where a word of the field
 * fits it (hc_typo_fits). The term is valid UTF-8, as every query's is
 * (hc_search refuses the rest): "h" and the first byte of a no-break space
 * would be found by reading "h\xc2\xa0", where the dictionary's token stops
 * at the space (the first input this target found). Thousands of runs a
 * second, where fuzz_search's whole oracle runs tens.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "catalog.h"
#include "chars.h"
#include "index.h"
#include "../made.h"
#include "match.h"
#include "search.h"
#include "textdict.h"
#include "typodict.h"
#include "parts.h"

#define CHECK(c)                                                                                \
	do {                                                                                    \
		if (!(c)) {                                                                     \
			fprintf(stderr, "fuzz_textdict: check failed: %s (line %d)\n", #c, __LINE__); \
			abort();                                                                \
		}                                                                               \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Small ASCII letters only: what a query's typo term is (search.c). */
static bool typo_term(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size), *rest;
	uint8_t term[TYPO_MAX];     /* HC_TD_TERM_MAX for the dictionary */
	size_t tn, left;
	char *text[3] = { NULL, NULL, NULL };
	struct hc_entry e[1] = { { .code = 299 } };
	struct hc_index *ix;
	const struct hc_textdict *d;
	uint64_t *found, *whole;
	size_t words;
	struct hc_term t = { 0 };

	if (!nul)
		return 0;
	tn = (size_t)(nul - data);
	if (tn > sizeof term || u8_check(data, tn))
		return 0;
	for (size_t i = 0; i < tn; i++)
		term[i] = hc_lc(data[i]);
	rest = nul + 1;
	left = size - tn - 1;
	for (int k = 0; k < 3 && rest; k++)
		text[k] = hc_fuzz_part(&rest, &left);
	hc_made_reset();
	e[0].phrase_en = text[0] ? S(text[0]) : 0;
	e[0].desc_ko = text[1] ? S(text[1]) : 0;
	e[0].vendor = text[2] ? S(text[2]) : 0;
	ix = hc_index_build(e, 1);
	CHECK(ix != NULL && hc_index_add_lookups(ix) && ix->dict != NULL && ix->typos != NULL);
	d = ix->dict;
	words = hc_textdict_words(d);
	CHECK(d->n_fields == ix->first_field[1]);
	if (hc_textdict_usable(d, term, tn)) {
		found = calloc(2 * words + 1, sizeof *found);
		CHECK(found != NULL);
		whole = found + words;
		hc_textdict_find(d, term, tn, found, whole);
		t.s = term;
		t.n = tn;
		t.kind = T_WORD;
		t.anchor = true;
		for (size_t fi = 0; fi < ix->first_field[1]; fi++) {
			struct hc_ftext ft;
			uint64_t bit = (uint64_t)1 << (fi & 63);
			size_t a, b;
			bool w, hit;

			CHECK(ix->kind[fi] == ix->fields[fi].field);
			ft = hc_field_text(ix, 0, fi);
			hit = hc_match_field(&ft, &t, &a, &b, &w);
			CHECK(hit == ((found[fi >> 6] & bit) != 0));
			CHECK(!hit || w == ((whole[fi >> 6] & bit) != 0));
		}
		free(found);
	}
	if (tn >= TYPO_MIN && tn <= TYPO_MAX && typo_term(term, tn)) {
		uint64_t *typo = calloc(words + 1, sizeof *typo), read = 0;

		CHECK(typo != NULL);
		hc_typodict_find(ix->typos, term, tn, typo);
		t.s = term;
		t.n = tn;
		t.kind = T_WORD;
		t.typo = true;
		for (size_t w = ix->first_word[0]; w < ix->first_word[1]; w++) {
			const struct hc_tword *tw = &ix->words[w];
			struct hc_ftext ft = hc_field_text(ix, 0, tw->field);

			if (hc_typo_fits(ft.s, tw, &t))
				read |= (uint64_t)1 << tw->field;
		}
		CHECK(ix->first_field[1] <= 64);        /* one word of fields */
		CHECK(typo[0] == read);
		free(typo);
	}
	hc_index_free(ix);
	for (int k = 0; k < 3; k++)
		free(text[k]);
	return 0;
}
