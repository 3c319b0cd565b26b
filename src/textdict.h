/*
 * textdict.h - the words of every field of an index (names, aliases,
 * keywords, headers, vendor and the running text), so that an English term
 * is looked up there instead of read through every field of every entry
 * (issue 18: the memory and the first key of a search; first made for the
 * running text alone, hence the name).
 *
 * An English term matches at a word start (match.h): where the character
 * before is no word character (chars.h) and the text from there on starts
 * with the term, ASCII capitals of the text made small. So the dictionary
 * holds, for every such place of a field, its token: the folded bytes
 * from the word start to the next white space (a term has none), cut after
 * HC_TD_TOKEN_MAX bytes at a character boundary; and for every distinct
 * token the fields that have it. A term's fields are those of the tokens
 * it starts, and a field has it as a whole word when one of those tokens
 * ends there or goes on with no word character. That is exactly what
 * reading the field would find (hc_match_field on an English term, whose
 * rule is the same in every field: match.c find_word), which
 * tests/unit/test_index.c checks query by query against an index that has
 * no dictionary. What it cannot answer it leaves to the matchers: a term
 * longer than HC_TD_TERM_MAX, one that does not start with a word character
 * or holds white space, and every Korean and 초성 term.
 *
 * It is one of an index's lookups (index.h: hc_index_add_lookups): the one
 * made at build time as const data (src/gen_index.c writes it), one built
 * at run time in memory beside it (index.c); none in the static binary
 * (which reads the text) nor in hc_index_build_folded's (the tests'
 * reference that reads).
 *
 * The records are sorted by token, bytewise, a token before the longer ones
 * it starts; records[first[b] .. first[b + 1]) are those whose token starts
 * with the byte b. A record: the token's length (1 byte), its bytes, how
 * many fields have it and the bytes they take (LEB128 numbers: 7 bits a
 * byte, low first), and their indexes in the index's fields array,
 * ascending, each as the difference from the one before (LEB128).
 */
#ifndef HC_TEXTDICT_H
#define HC_TEXTDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hc_index;

#define HC_TD_TOKEN_MAX 32      /* bytes of a token kept */
#define HC_TD_TERM_MAX 28       /* longest term looked up: a kept token
                                   longer than it has its next character */

struct hc_textdict {
	const uint8_t *records;
	const uint32_t *first;  /* [257] byte offsets into records */
	size_t len;             /* bytes of records */
	size_t n_fields;        /* field indexes are below it */
};

/* 64-bit words of a set of fields (hc_textdict_find). */
static inline size_t hc_textdict_words(const struct hc_textdict *d)
{
	return (d->n_fields + 63) / 64;
}

/* Whether d can answer the English term s[0..n): see above. */
bool hc_textdict_usable(const struct hc_textdict *d, const uint8_t *s, size_t n);

/* Adds to found (and to whole, where it is a whole word) bit f for each
 * field f that has the term s[0..n) at a word start. Each set has
 * hc_textdict_words(d) words. The term must be usable. */
void hc_textdict_find(const struct hc_textdict *d, const uint8_t *s, size_t n,
                      uint64_t *found, uint64_t *whole);

/* Builds the dictionary of ix's fields: records and first[257] newly
 * allocated. Linear in the text (a hash table of the tokens; only the
 * distinct ones are sorted). False when out of memory. */
bool hc_textdict_build(const struct hc_index *ix, uint8_t **records, size_t *len,
                       uint32_t **first);

#endif
