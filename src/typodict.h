/*
 * typodict.h - the typo words of an index (index.h: the ASCII words of the
 * English names, aliases and keywords), each once, so that an English term
 * that misses is compared with each distinct word of a fitting length
 * instead of with every word of every entry (issue 18: a search read the
 * 34 KB of words, and the names and keywords they lie in, on every key of
 * four letters or more).
 *
 * A term is a typo of a word when they are one edit apart (match.h:
 * hc_typo_fits; an edit is a letter added, dropped, changed, or two
 * neighbours swapped), which depends on the word's letters alone: so a
 * field has a typo of the term exactly when one of its distinct words
 * does, and hc_typodict_find answers what hc_match_typo would for every
 * entry at once (tests/unit/test_index.c checks it against reading, term by
 * term; tests/fuzz/fuzz_typodict.c on arbitrary tables).
 *
 * Like the dictionary of the fields' words (textdict.h) it is one of an
 * index's lookups (index.h: hc_index_add_lookups), made at build time as
 * const data by src/gen_index.c, or at run time beside an index built then;
 * none in the static binary, which reads the words.
 *
 * The records are sorted by the word's length, then bytewise;
 * records[first[k] .. first[k + 1]) hold the words of k letters. A record:
 * the word's k letters (small ASCII), how many fields have it and the bytes
 * they take (LEB128, leb128.h), then those fields' indexes in the index's
 * fields array, ascending, each as the difference from the one before.
 */
#ifndef HC_TYPODICT_H
#define HC_TYPODICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hc_index;

/* Words are TYPO_MIN - 1 to TYPO_MAX + 1 letters (index.h). */
#define HC_TYPO_LENS 42         /* first[] has HC_TYPO_LENS + 1 offsets */

struct hc_typodict {
	const uint8_t *records;
	const uint32_t *first;  /* [HC_TYPO_LENS + 1] byte offsets into records */
	size_t len;             /* bytes of records */
};

/* Adds to found bit f (a set of the index's fields, as textdict.h's sets:
 * hc_textdict_words(d) 64-bit words) for each field f that has a word one
 * edit from the term s[0..n), which is TYPO_MIN to TYPO_MAX small ASCII
 * letters (hc_term.typo). */
void hc_typodict_find(const struct hc_typodict *d, const uint8_t *s, size_t n, uint64_t *found);

/* Builds the typo dictionary of ix's words: records and first[HC_TYPO_LENS
 * + 1] newly allocated. A hash table of the distinct words; only they are
 * sorted. False when out of memory. */
bool hc_typodict_build(const struct hc_index *ix, uint8_t **records, size_t *len,
                       uint32_t **first);

#endif
