/*
 * rank.h - how well an entry answers a parsed query, and the order of hits.
 *
 * The model is documented in search.h. The parsed query (struct hc_query)
 * is built by search.c from query.h's terms.
 */
#ifndef HC_RANK_H
#define HC_RANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index.h"
#include "match.h"
#include "query.h"
#include "search.h"

#define HC_RANK_NONE (HC_RANK_TYPO + 1)
/* Folding a query triples its length at worst (U+0390 → ΐ). */
#define QBUF (3 * HC_QUERY_MAX + 8)
/* A word of ASCII letters this long, one word of a keyword, is an
 * identifier (an exception's name, AsyncRequestTimeoutException): the query
 * keeps it whole (search.c) and it scores as a one-word name (rank.c). */
#define HC_IDENT_MIN 12
/* Whole queries are compared with names and keywords, all much shorter. */
#define WHOLE_MAX 256

/* A parsed query. Its members are in the order a short query writes them
 * (issue 18: memory after a search): the counts and flags, the whole query,
 * the typed order and the first terms share the first page of the work
 * space (search.c); the folded text, the later terms and the jamo, written
 * as far as the query is long, come after. */
struct hc_query {
	size_t fold_len;
	size_t n_terms;
	size_t n_seq;
	size_t n_jamo;
	size_t whole_len[2];
	bool whole_ok, whole_hangul;
	const uint8_t *whole_of;        /* per entry, the names whole[0] is or
	                                   starts (names.h: hc_names_find's
	                                   marks, bits 0-1) and whole[1] (bits
	                                   2-3); or NULL: whole_rank reads the
	                                   names (search.c sets it) */
	size_t n_required;
	bool status_line;
	bool words_only;                /* no code patterns (hc_search_words) */
	bool typo2;                     /* a two-syllable Korean word may have
	                                   its final consonant mistyped (만은 for
	                                   많은): a last try (search.c) */
	unsigned char seq[HC_SEQ_MAX];  /* terms in typed order (query.h) */
	uint8_t whole[2][WHOLE_MAX];    /* the terms joined by one space (or,
	                                   for Korean, none): all of them, and
	                                   the required ones only */
	struct hc_term terms[HC_TERMS_MAX];
	uint8_t fold[QBUF];
	uint16_t jamo[HC_QUERY_MAX];
};

/* How entry e fares: rank (HC_RANK_NONE when it does not match), score,
 * fine score, required terms matched, and whether a typed code matched. */
struct hc_ematch {
	int rank;
	unsigned score, fine, matched, coded;
	unsigned noise;         /* of the score, what noise words added */
	bool vendor_named;      /* a word of the query is a word of the
	                           entry's vendor ("nginx") */
	unsigned named;         /* the query holds, side by side, a whole name
	                           or alias of the entry (two terms or more) */
};

/* Scores entry e; trank[i] gets term i's band (HC_RANK_NONE: no match).
 * With all_required, gives up at the first required term that fails. */
struct hc_ematch hc_rank_entry(const struct hc_index *ix, size_t e, const struct hc_query *q,
                               bool all_required, unsigned char *trank);

/* Whether some entry matches the term t (typos included). */
bool hc_rank_term_found(const struct hc_index *ix, const struct hc_term *t);
/* Whether some entry has t as a whole word of a name, an alias or a
 * keyword: starting a word and ending one (before a space or the end). */
bool hc_rank_term_named(const struct hc_index *ix, const struct hc_term *t);

/* Sorts r->hits[0..n) best first (search.h), using r->hits[n..2n) as
 * scratch: a stable merge sort, no allocation. */
void hc_sort_hits(const struct hc_index *ix, struct hc_results *r);

#endif
