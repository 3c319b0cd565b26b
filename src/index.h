/*
 * index.h - the search index: every searchable string of an entry, folded
 * and prepared once. Shared by the modules of the search engine (index,
 * match, rank, search); callers use search.h.
 *
 * Each string (phrase, Korean name, aliases, keywords, headers, vendor,
 * summaries, descriptions, notes) becomes an hc_sfield: its folded text
 * (fold.h), the maps back to the displayed string when folding moved bytes,
 * a copy without white space and a syllable array when it has Hangul. The
 * fields of entry i are fields[first_field[i] .. first_field[i + 1]), in
 * tier order (names and keywords, headers and vendor, text). The ASCII
 * words of English names, aliases and keywords are listed for typo
 * matching, and each entry keeps the set of bytes its folded text uses.
 */
#ifndef HC_INDEX_H
#define HC_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

/* Spans and maps are 16-bit: an original string is searched only up to
 * ORIG_MAX bytes, so that its folded form (at most three times longer)
 * still fits in FOLD_MAX. No real field comes near either. */
#define ORIG_MAX 21000u
#define FOLD_MAX 65535u

#define TYPO_MIN 4              /* shorter words have too many neighbours */
#define TYPO_MAX 40

/* What a match in a field is worth, best last: a term's score is
 * HC_TERM_SCORE(tier, whole word). */
enum { HC_TIER_TYPO, HC_TIER_TEXT, HC_TIER_HEADER, HC_TIER_NAME };
#define HC_TERM_SCORE(tier, whole) ((tier) * 2 + (whole))

/* One searchable string of an entry, prepared once. */
struct hc_sfield {
	const uint8_t *fold;            /* NFC + case-folded, NUL-terminated */
	const uint16_t *lo, *hi;        /* fold offset → orig offset for a span's
	                                   start / end; NULL when they are equal */
	const uint8_t *strip;           /* fold without white space (Hangul) */
	const uint16_t *strip_at;       /* strip offset → fold offset, or NULL */
	const uint16_t *syl;            /* syllable - U+AC00, or HC_SYL_BREAK */
	const uint16_t *syl_at;         /* fold offset of each syllable */
	const uint8_t *syl_word;        /* 1 where a syllable starts a word */
	uint16_t fold_len, strip_len, n_syl;
	unsigned char field, item;      /* enum hc_field and item */
	unsigned char rank;             /* the hc_rank band of a match here */
	unsigned char tier;             /* HC_TIER_NAME, _HEADER or _TEXT */
	unsigned char fine;             /* 1 for the better fields of a tier */
	bool hangul;
};

/* A word of an English name, alias or keyword, for typo matching. */
struct hc_tword {
	size_t field;                   /* index into hc_index.fields */
	uint16_t at, len;               /* in the folded string */
};

/* A set of byte values: which bytes an entry's folded text (or a term)
 * uses. A term with a byte its entry lacks cannot match it, which one AND
 * tells without scanning the text: most terms miss most entries. */
struct hc_bytes {
	uint64_t bit[4];
};

void hc_bytes_add(struct hc_bytes *b, const uint8_t *s, size_t n);
/* How many byte values of t are missing from e. */
unsigned hc_bytes_missing(const struct hc_bytes *e, const struct hc_bytes *t);

struct hc_chunk;

struct hc_index {
	const struct hc_entry *entries;
	size_t n;
	struct hc_sfield *fields;
	size_t *first_field;            /* entry i: [first_field[i], [i+1]) */
	struct hc_tword *words;
	size_t *first_word;             /* entry i: [first_word[i], [i+1]) */
	size_t n_words, cap_words;
	struct hc_bytes *has;           /* entry i: the bytes its text uses */
	struct hc_chunk *arena;         /* folded strings and maps */
	bool builtin;                   /* const data made at build time */
};

/* hc_index_new and hc_index_free are declared in search.h: hc_index_new
 * returns the index made at build time when it is asked for the catalog,
 * else builds one (hc_index_build: benchmarks' and fuzzers' tables, and
 * the build-time tool itself, src/gen_index.c). */
struct hc_index *hc_index_build(const struct hc_entry *entries, size_t n);

/* The index emitted at build time for exactly this array (the catalog), or
 * NULL: defined by the generated catalog_index.c (or by index_none.c in
 * the tool that generates it). Its data is const; never freed. */
struct hc_index *hc_index_builtin(const struct hc_entry *entries, size_t n);

#endif
