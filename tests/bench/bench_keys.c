/*
 * bench_keys.c - the search keystrokes of tests/bench/run.sh, for callgrind.
 *
 * Builds the index over the real table ("real") or over a synthetic table
 * of 100 copies of it ("x100"), then runs the queries a person produces by
 * typing, one keystroke at a time, into one reused result buffer, as the
 * browser does. Each keystroke is one call of bench_key(), so that
 *   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='bench_key*'
 *     --zero-before='bench_key*' --dump-after='bench_key*' bench_keys real
 * writes one profile per keystroke with only the search in it. Prints
 * "query<TAB>hits" per keystroke. Not a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "search.h"

#define COPIES 100

static const char *const keys[] = {
	"t", "ti", "tim", "time", "timeo", "timeou", "timeout",
	"4", "40", "404",
	"시", "시간",
	"ㅇㅊ",
};

#define N_KEYS (sizeof keys / sizeof keys[0])

/* One keystroke. Not static and never inlined: callgrind toggles on it. */
__attribute__((noinline)) size_t bench_key(const struct hc_index *ix,
                                           const char *q,
                                           struct hc_results *r);

size_t bench_key(const struct hc_index *ix, const char *q,
                 struct hc_results *r)
{
	if (hc_search(ix, q, strlen(q), r) != HC_SEARCH_OK)
		return 0;
	return r->n;
}

int main(int argc, char **argv)
{
	const struct hc_entry *real = hc_catalog_entries();
	size_t n = hc_catalog_count();
	struct hc_entry *big = NULL;
	const struct hc_entry *table = real;
	struct hc_results r = { 0 };
	struct hc_index *ix;

	if (argc != 2 || (strcmp(argv[1], "real") && strcmp(argv[1], "x100"))) {
		fputs("usage: bench_keys real|x100\n", stderr);
		return 2;
	}
	if (!strcmp(argv[1], "x100")) {
		big = malloc(n * COPIES * sizeof *big);
		if (!big) {
			fputs("out of memory\n", stderr);
			return 1;
		}
		for (size_t c = 0; c < COPIES; c++)
			memcpy(big + c * n, real, n * sizeof *real);
		table = big;
		n *= COPIES;
	}
	ix = hc_index_new(table, n);
	if (!ix) {
		fputs("out of memory building the index\n", stderr);
		free(big);
		return 1;
	}
	printf("# %s table: %zu entries\n", argv[1], n);
	for (size_t i = 0; i < N_KEYS; i++)
		printf("%s\t%zu\n", keys[i], bench_key(ix, keys[i], &r));
	hc_results_free(&r);
	hc_index_free(ix);
	free(big);
	return 0;
}
