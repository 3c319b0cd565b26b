/*
 * textdict.h - the words of the running text (summaries, descriptions and
 * notes: the HC_TIER_TEXT fields of index.h), so that an English term is
 * looked up there instead of read through 217 KB of text (issue 18: the
 * memory and the first key of a search).
 *
 * An English term matches at a word start (match.h): where the character
 * before is no word character (chars.h) and the text from there on starts
 * with the term, ASCII capitals of the text made small. So the dictionary
 * holds, for every such place of a text field, its token: the folded bytes
 * from the word start to the next white space (a term has none), cut after
 * HC_TD_TOKEN_MAX bytes at a character boundary; and for every distinct
 * token the fields that have it. A term's fields are those of the tokens
 * it starts, and a field has it as a whole word when one of those tokens
 * ends there or goes on with no word character. That is exactly what
 * reading the field would find (hc_match_field on an English term), which
 * tests/unit/test_index.c checks query by query against an index that has
 * no dictionary. What it cannot answer it leaves to the matchers: a term
 * longer than HC_TD_TERM_MAX, one that does not start with a word character
 * or holds white space, and every Korean and 초성 term.
 *
 * The index made at build time carries one (src/gen_index.c writes it as
 * const data); an index built at run time has none and reads the text.
 *
 * The records are sorted by token, bytewise, a token before the longer ones
 * it starts; records[first[b] .. first[b + 1]) are those whose token starts
 * with the byte b. A record: the token's length (1 byte), its bytes, how
 * many fields have it (2 bytes, little-endian), and their indexes in the
 * index's fields array (2 bytes each, ascending).
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
#define HC_TD_WORDS 80          /* 64-bit words of a field set: at most
                                   5,120 fields (gen_index fails beyond) */

struct hc_textdict {
	const uint8_t *records;
	const uint32_t *first;  /* [257] byte offsets into records */
	size_t len;             /* bytes of records */
};

/* Whether d can answer the English term s[0..n): see above. */
bool hc_textdict_usable(const struct hc_textdict *d, const uint8_t *s, size_t n);

/* Adds to found (and to whole, where it is a whole word) bit f for each
 * text field f that has the term s[0..n) at a word start. Each set has
 * HC_TD_WORDS words. The term must be usable. */
void hc_textdict_find(const struct hc_textdict *d, const uint8_t *s, size_t n,
                      uint64_t *found, uint64_t *whole);

/* Builds the dictionary of ix's text fields (the build-time tool): records
 * and first[257] newly allocated. False when out of memory or when ix has
 * more fields than a set holds. */
bool hc_textdict_build(const struct hc_index *ix, uint8_t **records, size_t *len,
                       uint32_t **first);

#endif
