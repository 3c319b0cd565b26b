/*
 * fuzz_textdict.c - libFuzzer target: the dictionary of the running text
 * (src/textdict.h) answers as reading the text does.
 *
 * Input: TERM, a NUL byte, then the text of a one-entry table's running
 * text fields (its English summary, its Korean description and its English
 * note, split at the next two NUL bytes; what is missing is left out). The
 * index built at run time carries a dictionary of them (textdict.c builds
 * it over these arbitrary bytes); for every text field, the term (folded as
 * a query's would be, ASCII capitals made small) is found there by lookup
 * exactly where hc_match_field finds it, and whole exactly where it does.
 * The term is valid UTF-8, as every query's is (hc_search refuses the rest):
 * "h" and the first byte of a no-break space would be found by reading
 * "h\xc2\xa0", where the dictionary's token stops at the space (the first
 * input this target found). Thousands of runs a second, where
 * fuzz_search's whole oracle runs tens.
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
#include "parts.h"

#define CHECK(c)                                                                                \
	do {                                                                                    \
		if (!(c)) {                                                                     \
			fprintf(stderr, "fuzz_textdict: check failed: %s (line %d)\n", #c, __LINE__); \
			abort();                                                                \
		}                                                                               \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size), *rest;
	uint8_t term[HC_TD_TERM_MAX];
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
	e[0].summary_en = text[0] ? S(text[0]) : 0;
	e[0].desc_ko = text[1] ? S(text[1]) : 0;
	e[0].note_en = text[2] ? S(text[2]) : 0;
	ix = hc_index_build(e, 1);
	CHECK(ix != NULL && hc_index_add_dict(ix) && ix->dict != NULL);
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

			if (ix->fields[fi].tier != HC_TIER_TEXT) {
				CHECK(!(found[fi >> 6] & bit));
				continue;
			}
			ft = hc_field_text(ix, 0, fi);
			hit = hc_match_field(&ft, &t, &a, &b, &w);
			CHECK(hit == ((found[fi >> 6] & bit) != 0));
			CHECK(!hit || w == ((whole[fi >> 6] & bit) != 0));
		}
		free(found);
	}
	hc_index_free(ix);
	for (int k = 0; k < 3; k++)
		free(text[k]);
	return 0;
}
