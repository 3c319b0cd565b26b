/*
 * firstkeys.h - the answers to the queries of one letter or digit, made at
 * build time, so that the first key typed in the search box costs a copy
 * (issue 18 item 2: the first search key no slower than the later ones).
 *
 * A query of one letter ("t") matches a word start in nearly every entry:
 * it reads the dictionary's part of that letter (every word that starts
 * with it), ranks ~100 entries and sorts them, about twice what any longer
 * query costs, whose results are fewer. The index is const, so the answer
 * to each such query is too: src/gen_index.c runs hc_search on each of
 * a-z and 0-9 (a capital is answered as its small letter, which the search
 * folds it to) over the browser's table (the catalog and the codes outside
 * 100-599) and keeps the answer, hits in order, when it is a full one
 * (every hit matched the query, nothing partial, nothing read in another
 * script), which for these queries it always is. The same answers serve a
 * view of fewer of those entries (the CLI's catalog) without the hits past
 * it: a one-term answer ranks each entry on its own, in an order that does
 * not depend on the others, and the tool checks that it is so. hc_search
 * then parses the query as before (hc_hit_spans needs it), copies the hits
 * instead of ranking, and finds their spans as the caller asks. The spans
 * are not kept: a list asks for the rows it shows, a few.
 *
 * A hit is its entry (a byte) and its combo: rank, score, fine, noise and
 * a byte of flags (matched, the terms' bits, coded, named, vendor_named),
 * HC_FK_COMBO bytes (hc_firstkeys_pack), of which all 36 answers have ~20
 * distinct ones, in runs (hits in order share them: they are sorted by
 * them), so ~2,400 hits take ~3.4 KB. The tool checks that each hit comes
 * back whole and stops the build when one does not;
 * tests/unit/test_firstkeys.c checks every one-byte query over every view
 * of the index against the same view without them, hit by hit and span by
 * span. None in the static binary (no index is made at build time there).
 */
#ifndef HC_FIRSTKEYS_H
#define HC_FIRSTKEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hc_hit;

#define HC_FK_KEYS 36           /* a-z, 0-9 */
#define HC_FK_COMBO 5           /* bytes of a hit but its entry */

struct hc_firstkeys {
	size_t n_entries;       /* of the table they answer for (a view of
	                           the first n <= n_entries of them uses
	                           them too) */
	const uint8_t *combos;  /* HC_FK_COMBO bytes each */
	const uint8_t *entries; /* a byte a hit, the answers one after another */
	const uint8_t *runs;    /* two bytes a run of hits: how many, combo */
	const uint16_t *at;     /* [HC_FK_KEYS + 1]: key k's hits are
	                           entries[at[k] .. at[k + 1]), none (an empty
	                           run) when it is not kept */
	const uint16_t *run_at; /* [HC_FK_KEYS + 1]: and its runs */
	const uint8_t *terms;   /* [HC_FK_KEYS]: hc_results.terms, .matched */
	const uint8_t *matched;
};

/* The key number of the one-byte query c (a-z, 0-9; a capital is its
 * small letter, as the search folds it), else -1. */
static inline int hc_firstkeys_key(uint8_t c)
{
	if (c >= 'A' && c <= 'Z')
		c = (uint8_t)(c - 'A' + 'a');
	return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + (c - '0') : -1;
}

/* How many hits key k's answer has (0: none kept). */
static inline size_t hc_firstkeys_count(const struct hc_firstkeys *fk, int k)
{
	return (size_t)fk->at[k + 1] - fk->at[k];
}

/* Hit h but its entry in HC_FK_COMBO bytes; false when it does not fit
 * (its entry past a byte, a field too large for its byte, a term past the
 * first, a rare-word bonus, spans kept). */
bool hc_firstkeys_pack(const struct hc_hit *h, uint8_t combo[HC_FK_COMBO]);

/* The hit of entry `entry` with that combo (no spans: spans_of
 * HC_SPANS_NONE). */
void hc_firstkeys_unpack(const uint8_t combo[HC_FK_COMBO], uint8_t entry, struct hc_hit *h);

/* Key k's answer into out (room for hc_firstkeys_count), less the hits of
 * entries from n on; how many it wrote. */
size_t hc_firstkeys_get(const struct hc_firstkeys *fk, int k, size_t n, struct hc_hit *out);

#endif
