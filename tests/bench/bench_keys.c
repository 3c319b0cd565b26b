/*
 * bench_keys.c - the search cost of tests/bench/run.sh: index building,
 * keystrokes and query length, over the real table and two 100x tables.
 *
 *   bench_keys TABLE          for callgrind (instructions)
 *   bench_keys time TABLE     wall-clock medians (CLOCK_MONOTONIC)
 *
 * TABLE is "real" (the catalog), "x100" (100 identical copies of it) or
 * "x100v" (100 copies, each but the first with its text varied: letters of
 * English words and Hangul syllables shifted by the copy number, so that
 * the copies do not share their words; lengths stay the same).
 *
 * The work is: building the index once, then every query of `keys` (what
 * a person types, one keystroke at a time) and of `lengths` (1 to 64
 * terms) into one reused result buffer, as the browser does (no spans, then
 * the names' spans of the first SHOWN hits), then the first key again, and
 * the first key over the index without its one-letter answers made at
 * build time (kind "ranked": what ranking it costs); each is one
 * call of bench_call. For callgrind (which takes one function per option):
 *   valgrind --tool=callgrind --collect-atstart=no
 *     --toggle-collect=bench_call --dump-after=bench_call bench_keys x100v
 * writes one profile for the index, then one per query. Prints
 * "kind<TAB>query<TAB>hits" per call (kind: index, build, key, len, again or
 * ranked), and in time
 * mode a fourth column, the median ns. Not a test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "index.h"
#include "search.h"
#include "timing.h"

#define COPIES 100

static const char *const keys[] = {
	"t", "ti", "tim", "time", "timeo", "timeou", "timeout",
	"4", "40", "404",
	"시", "시간",
	"ㅇㅊ",
};

/* Query length: n words taken in turn from this list (the longer queries
 * repeat words, as a paste or a stuck key would). */
static const char *const words[] = {
	"request", "timeout", "gateway", "server", "proxy", "not", "found", "too",
	"many", "요청", "시간", "초과",
};
static const int lengths[] = { 1, 2, 4, 8, 16, 32, 64 };

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The rows a list shows, whose names' spans the browser finds after a
 * search (hc_browser_show_rows): a tall pane's (a 24-line terminal's tree
 * has 18). */
#define SHOWN 40

/* The query that asks bench_call to build an index at run time. */
static const char BUILD[] = "(build)";

/* One measured call: with q NULL, get the index over t[0..n) into *ix as the
 * program does (hc_index_new: the catalog's is made at build time); with q
 * BUILD, build one at run time (hc_index_build: what any other table, and
 * the static binary's first search, costs); else run q into r. Not static
 * and never inlined: callgrind toggles on it. */
__attribute__((noinline)) size_t bench_call(const struct hc_entry *t, size_t n,
                                            struct hc_index **ix, const char *q,
                                            struct hc_results *r);

size_t bench_call(const struct hc_entry *t, size_t n, struct hc_index **ix, const char *q,
                  struct hc_results *r)
{
	if (!q) {
		*ix = hc_index_new(t, n);
		return 0;
	}
	if (q == BUILD) {
		*ix = hc_index_build(t, n);
		return 0;
	}
	if (hc_search(*ix, q, strlen(q), r) != HC_SEARCH_OK)
		return 0;
	for (size_t i = 0; i < r->n && i < SHOWN; i++)
		hc_hit_spans(*ix, r, &r->hits[i], HC_SPANS_ROW);
	return r->n;
}

/* ---- the varied copies ------------------------------------------------- */

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fputs("bench_keys: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

/* A copy of s with letters of words of 4+ letters and Hangul syllables
 * shifted by k (k > 0): same byte length, different words. */
static const char *vary(const char *s, unsigned k)
{
	size_t n;
	unsigned char *o;

	if (!s)
		return NULL;
	n = strlen(s);
	o = xmalloc(n + 1);
	memcpy(o, s, n + 1);
	for (size_t i = 0; i < n;) {
		if ((o[i] | 0x20) >= 'a' && (o[i] | 0x20) <= 'z') {
			size_t j = i;

			while (j < n && (o[j] | 0x20) >= 'a' && (o[j] | 0x20) <= 'z')
				j++;
			if (j - i >= 4) {       /* shift one letter, chosen by k */
				size_t p = i + 1 + k % (j - i - 1);
				unsigned char base = o[p] >= 'a' ? 'a' : 'A';

				o[p] = (unsigned char)(base + (o[p] - base + k) % 26);
			}
			i = j;
		} else if (o[i] >= 0xea && o[i] <= 0xed && i + 2 < n) {
			unsigned cp = ((o[i] & 0x0fu) << 12) | ((o[i + 1] & 0x3fu) << 6) | (o[i + 2] & 0x3fu);

			if (cp >= 0xac00 && cp <= 0xd7a3) {
				cp = 0xac00 + (cp - 0xac00 + 28u * k) % 11172u;     /* next vowel */
				o[i] = (unsigned char)(0xe0 | (cp >> 12));
				o[i + 1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
				o[i + 2] = (unsigned char)(0x80 | (cp & 0x3f));
			}
			i += 3;
		} else {
			i++;
		}
	}
	return (const char *)o;
}

/* vary() of a table string, made into pool HC_POOL_MADE (catalog.h). */
static hc_sref vary_ref(hc_sref r, unsigned k)
{
	const char *s = vary(hc_str(r), k);
	hc_sref made = s ? hc_sref_make(s) : 0;

	free((void *)s);
	return made;
}

static struct hc_strs vary_strs(struct hc_strs s, unsigned k)
{
	const char **v;
	struct hc_strs made;

	if (!s.n)
		return s;
	v = xmalloc(s.n * sizeof *v);
	for (unsigned i = 0; i < s.n; i++)
		v[i] = vary(hc_strs_at(s, i), k);
	made = hc_strs_make(v, s.n);
	for (unsigned i = 0; i < s.n; i++)
		free((void *)v[i]);
	free(v);
	return made;
}

static struct hc_entry *make_table(const char *kind, size_t *n)
{
	const struct hc_entry *real = hc_catalog_entries();
	size_t m = hc_catalog_count();
	struct hc_entry *t = xmalloc(m * COPIES * sizeof *t);
	bool varied = strcmp(kind, "x100v") == 0;

	for (unsigned c = 0; c < COPIES; c++)
		for (size_t i = 0; i < m; i++) {
			struct hc_entry *e = &t[c * m + i];

			*e = real[i];
			if (!varied || c == 0)
				continue;
			e->phrase_en = vary_ref(e->phrase_en, c);
			e->name_ko = vary_ref(e->name_ko, c);
			e->aliases_en = vary_strs(e->aliases_en, c);
			e->aliases_ko = vary_strs(e->aliases_ko, c);
			e->summary_en = vary_ref(e->summary_en, c);
			e->summary_ko = vary_ref(e->summary_ko, c);
			e->desc_en = vary_ref(e->desc_en, c);
			e->desc_ko = vary_ref(e->desc_ko, c);
			e->note_en = vary_ref(e->note_en, c);
			e->note_ko = vary_ref(e->note_ko, c);
		}
	*n = m * COPIES;
	return t;
}

/* ---- the queries -------------------------------------------------------- */

struct query {
	const char *kind;
	char text[HC_QUERY_MAX + 1];
};

static size_t make_queries(struct query *q)
{
	size_t n = 0;

	for (size_t i = 0; i < N(keys); i++, n++) {
		q[n].kind = "key";
		snprintf(q[n].text, sizeof q[n].text, "%s", keys[i]);
	}
	for (size_t i = 0; i < N(lengths); i++, n++) {
		size_t len = 0;

		q[n].kind = "len";
		q[n].text[0] = '\0';
		for (int w = 0; w < lengths[i]; w++)
			len += (size_t)snprintf(q[n].text + len, sizeof q[n].text - len, "%s%s",
			                        w ? " " : "", words[(size_t)w % N(words)]);
	}
	/* the first key once more, after every other search: what being
	 * first costs (the first call also makes the work space) */
	q[n].kind = "again";
	snprintf(q[n].text, sizeof q[n].text, "%s", keys[0]);
	return n + 1;
}

static double elapsed(double t0)
{
	return now_ns() - t0;
}

/* Runs f until 0.2 s or 201 runs (at least 5); the median. */
#define MEDIAN_OF(result, body)                                              \
	do {                                                                    \
		static double v_[201];                                              \
		int k_ = 0;                                                         \
		double start_ = now_ns();                                           \
		while (k_ < 201 && (k_ < 5 || now_ns() - start_ < 2e8)) {           \
			double t0_ = now_ns();                                          \
			body;                                                           \
			v_[k_++] = elapsed(t0_);                                        \
		}                                                                   \
		qsort(v_, (size_t)k_, sizeof v_[0], cmp_double);                    \
		(result) = k_ % 2 ? v_[k_ / 2] : (v_[k_ / 2 - 1] + v_[k_ / 2]) / 2;  \
	} while (0)

int main(int argc, char **argv)
{
	static struct query q[N(keys) + N(lengths) + 1];
	/* as the browser searches: no spans, then the names' of the rows shown */
	struct hc_results r = { .spans_of = HC_SPANS_NONE };
	const struct hc_entry *table = hc_catalog_entries();
	struct hc_entry *big = NULL;
	struct hc_index *ix = NULL;
	size_t n = hc_catalog_count(), nq = make_queries(q);
	bool timed = argc == 3 && strcmp(argv[1], "time") == 0;
	const char *kind = argv[argc - 1];

	if ((argc != 2 && !timed) ||
	    (strcmp(kind, "real") && strcmp(kind, "x100") && strcmp(kind, "x100v"))) {
		fputs("usage: bench_keys [time] real|x100|x100v\n", stderr);
		return 2;
	}
	if (strcmp(kind, "real") != 0)
		table = big = make_table(kind, &n);
	printf("# %s table: %zu entries\n", kind, n);
	if (timed) {
		double ns;
		struct hc_index *tmp = NULL;

		MEDIAN_OF(ns, (bench_call(table, n, &tmp, NULL, NULL), hc_index_free(tmp)));
		printf("index\t%zu entries\t0\t%.0f\n", n, ns);
	}
	bench_call(table, n, &ix, NULL, NULL);
	if (!ix) {
		fputs("bench_keys: out of memory building the index\n", stderr);
		return 1;
	}
	if (!timed)
		printf("index\t%zu entries\t0\n", n);
	{
		struct hc_index *built = NULL;
		double ns;

		if (timed) {
			MEDIAN_OF(ns, (bench_call(table, n, &built, BUILD, NULL),
			               hc_index_free(built)));
			printf("build\t%zu entries\t0\t%.0f\n", n, ns);
		} else {
			bench_call(table, n, &built, BUILD, NULL);
			hc_index_free(built);
			printf("build\t%zu entries\t0\n", n);
		}
	}
	for (size_t i = 0; i < nq; i++) {
		size_t hits = bench_call(table, n, &ix, q[i].text, &r);

		if (timed) {
			double ns;

			MEDIAN_OF(ns, bench_call(table, n, &ix, q[i].text, &r));
			printf("%s\t%s\t%zu\t%.0f\n", q[i].kind, q[i].text, hits, ns);
		} else {
			printf("%s\t%s\t%zu\n", q[i].kind, q[i].text, hits);
		}
	}
	/* the first key ranked at run time: the same index without the
	 * one-letter queries' answers made at build time (firstkeys.h) */
	{
		struct hc_index plain = *ix, *pp = &plain;
		size_t hits;

		plain.first_keys = NULL;
		hits = bench_call(table, n, &pp, keys[0], &r);
		if (timed) {
			double ns;

			MEDIAN_OF(ns, bench_call(table, n, &pp, keys[0], &r));
			printf("ranked\t%s\t%zu\t%.0f\n", keys[0], hits, ns);
		} else {
			printf("ranked\t%s\t%zu\n", keys[0], hits);
		}
	}
	hc_results_free(&r);
	hc_index_free(ix);
	free(big);      /* the varied strings live until exit */
	return 0;
}
