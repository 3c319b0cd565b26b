/*
 * rank.c - print what the search engine ranks first for each query.
 *
 * Reads one query per line on stdin and writes one line per query:
 * a flag ("all" or "partial": whether every word matched) and then the
 * results best first, each as CODE or CODE/VENDOR, tab-separated, at most
 * MAX_SHOWN of them (with -v, each with its rank, score, fine score and
 * terms matched). Links the model library alone (no CLI, no curses):
 * tests/search/eval.py scores its output against the judged query set.
 */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "search.h"

#define MAX_SHOWN 1000

int main(int argc, char **argv)
{
	int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	const struct hc_entry *all = hc_catalog_entries();
	struct hc_index *ix = hc_index_new(all, hc_catalog_count());
	struct hc_results r = { 0 };
	char line[HC_QUERY_MAX + 2];

	if (!ix) {
		fprintf(stderr, "rank: out of memory\n");
		return 2;
	}
	while (fgets(line, sizeof line, stdin)) {
		size_t n = strcspn(line, "\n");
		enum hc_search_status st = hc_search(ix, line, n, &r);

		fputs(st != HC_SEARCH_OK ? "error" : r.partial ? "partial" : "all", stdout);
		for (size_t i = 0; st == HC_SEARCH_OK && i < r.n && i < MAX_SHOWN; i++) {
			const struct hc_entry *e = &all[r.hits[i].entry];

			printf("\t%03u", e->code);
			if (e->vendor)
				printf("/%s", hc_str(e->vendor));
			if (verbose)   /* -v: how it ranked, for tuning */
				printf(" [%s s%u f%u m%u]", hc_rank_name(r.hits[i].rank),
				       r.hits[i].score, r.hits[i].fine, r.hits[i].matched);
		}
		putchar('\n');
	}
	hc_results_free(&r);
	hc_index_free(ix);
	return ferror(stdout) ? 2 : 0;
}
