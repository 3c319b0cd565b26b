/*
 * fuzz_names.c - libFuzzer target: the names in order (src/names.h) find
 * what reading every name finds (rank.c's whole_rank before them).
 *
 * Input: a QUERY, a NUL byte, then up to six NUL-separated strings made the
 * names of a three-entry table: entry 0's English phrase and Korean name,
 * entry 1's phrase and two English keywords, entry 2's phrase (what is
 * missing is left out). The index built at run time over them sorts their
 * name fields (names.c, over these arbitrary bytes); for the query (ASCII
 * capitals made small, as a query's are) and each of its shorter heads,
 * every entry is marked exactly where hc_match_whole finds the string to be
 * the whole of one of its names, or the start of a longer one. Thousands of
 * runs a second.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "chars.h"
#include "index.h"
#include "../made.h"
#include "match.h"
#include "names.h"
#include "search.h"
#include "../names_read.h"
#include "parts.h"

#define CHECK(c)                                                                              \
	do {                                                                                  \
		if (!(c)) {                                                                   \
			fprintf(stderr, "fuzz_names: check failed: %s (line %d)\n", #c, __LINE__); \
			abort();                                                              \
		}                                                                             \
	} while (0)

#define N_ENTRIES 3
#define N_PARTS 6
#define QUERY_MAX 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size), *rest;
	uint8_t q[QUERY_MAX];
	size_t qn, left;
	char *p[N_PARTS] = { NULL };
	const char *kw[2];
	struct hc_entry e[N_ENTRIES] = { { .code = 200 }, { .code = 201 }, { .code = 202 } };
	struct hc_index *ix;

	if (!nul)
		return 0;
	qn = (size_t)(nul - data);
	if (qn > sizeof q)
		return 0;
	for (size_t i = 0; i < qn; i++)
		q[i] = hc_lc(data[i]);
	rest = nul + 1;
	left = size - qn - 1;
	for (int k = 0; k < N_PARTS; k++)
		p[k] = hc_fuzz_part(&rest, &left);
	hc_made_reset();
	e[0].phrase_en = p[0] ? S(p[0]) : 0;
	e[0].name_ko = p[1] ? S(p[1]) : 0;
	e[1].phrase_en = p[2] ? S(p[2]) : 0;
	kw[0] = p[3] ? p[3] : "";
	kw[1] = p[4] ? p[4] : "";
	e[1].keywords_en = hc_strs_make(kw, p[4] ? 2 : p[3] ? 1 : 0);
	e[2].phrase_en = p[5] ? S(p[5]) : 0;
	ix = hc_index_build(e, N_ENTRIES);
	CHECK(ix != NULL && hc_index_add_lookups(ix) && ix->by_name != NULL);
	CHECK(ix->n_by_name <= ix->first_field[N_ENTRIES]);
	for (size_t n = qn; n > 0; n--) {
		uint8_t got[N_ENTRIES] = { 0 }, want[N_ENTRIES];

		hc_names_find(ix, q, n, got, 0);
		hc_test_names_by_reading(ix, q, n, want);
		CHECK(memcmp(got, want, sizeof got) == 0);
		/* and shifted, as the search's second join is marked */
		memset(got, 0, sizeof got);
		hc_names_find(ix, q, n, got, 2);
		for (size_t i = 0; i < N_ENTRIES; i++)
			CHECK(got[i] == (uint8_t)(want[i] << 2));
	}
	hc_index_free(ix);
	for (int k = 0; k < N_PARTS; k++)
		free(p[k]);
	return 0;
}
