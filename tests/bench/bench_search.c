/*
 * bench_search.c - how the cost of a query grows with the table.
 *
 * Runs a fixed set of queries (codes, patterns, English, Korean, 초성, typos,
 * several words) over the real table and over a synthetic table made of 100
 * copies of it, and prints the median time of each query on both, the median
 * over all queries and the ratio. Not a pass/fail test: it exits 0 unless
 * something fails outright.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "search.h"

#include "timing.h"

#define COPIES 100
#define MAX_REPS 2000
#define MIN_REPS 7
#define BUDGET_NS 60000000.0    /* per query and table: about 60 ms */

static const char *const queries[] = {
	"404",
	"40",
	"4xx",
	"5?3",
	"not found",
	"NOT FOUND",
	"timeout",
	"retry-after",
	"cloudflare",
	"cache",
	"gateway proxy",
	"too large request",
	"요청",
	"시간 초과",
	"시간초과",
	"찾을 수 없음",
	"ㅇㅊ",
	"ㅅㄱㅊㄱ",
	"forbiden",
	"gatewya",
	"unavailable service retry",
};

#define N_QUERIES (sizeof queries / sizeof queries[0])

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Median time of one query: repeated until the budget is spent. */
static double time_query(const struct hc_index *ix, const char *q,
                         struct hc_results *r, size_t *hits)
{
	static double samples[MAX_REPS];
	double spent = 0;
	size_t n = 0;

	hc_search(ix, q, strlen(q), r);         /* warm up, grow r */
	*hits = r->n;
	while (n < MAX_REPS && (n < MIN_REPS || spent < BUDGET_NS)) {
		double t0 = now_ns();

		hc_search(ix, q, strlen(q), r);
		samples[n] = now_ns() - t0;
		spent += samples[n++];
	}
	return median(samples, n);
}

/* Times every query over entries[0..n); fills med[] and returns the median
 * over the queries. */
static double run_table(const char *label, const struct hc_entry *entries,
                        size_t n, double *med, size_t *hits)
{
	struct hc_results r = { 0 };
	double t0 = now_ns(), all[N_QUERIES];
	struct hc_index *ix = hc_index_new(entries, n);

	if (!ix) {
		fprintf(stderr, "out of memory building the %s index\n", label);
		exit(1);
	}
	printf("# %s table: %zu entries, index built in %.1f ms\n", label, n,
	       (now_ns() - t0) / 1e6);
	for (size_t i = 0; i < N_QUERIES; i++)
		all[i] = med[i] = time_query(ix, queries[i], &r, &hits[i]);
	hc_results_free(&r);
	hc_index_free(ix);
	return median(all, N_QUERIES);
}

static struct hc_entry *make_big(const struct hc_entry *e, size_t n)
{
	struct hc_entry *big = malloc(n * COPIES * sizeof *big);

	if (!big) {
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	for (size_t c = 0; c < COPIES; c++)
		memcpy(big + c * n, e, n * sizeof *e);
	return big;
}

int main(void)
{
	const struct hc_entry *real = hc_catalog_entries();
	size_t n = hc_catalog_count();
	struct hc_entry *big = make_big(real, n);
	double small_med[N_QUERIES], big_med[N_QUERIES];
	size_t small_hits[N_QUERIES], big_hits[N_QUERIES];
	double ms = run_table("real", real, n, small_med, small_hits);
	double mb = run_table("synthetic x100", big, n * COPIES, big_med,
	                      big_hits);

	printf("%-28s %8s %12s %8s %12s %7s\n", "query", "hits", "real ns",
	       "hits", "x100 ns", "ratio");
	for (size_t i = 0; i < N_QUERIES; i++)
		printf("%-28s %8zu %12.0f %8zu %12.0f %7.1f\n", queries[i],
		       small_hits[i], small_med[i], big_hits[i], big_med[i],
		       big_med[i] / small_med[i]);
	printf("median ns per query: real %.0f, synthetic x100 %.0f, ratio %.1f\n",
	       ms, mb, mb / ms);
	free(big);
	return 0;
}
