/*
 * match.h - one query term against one field of the index.
 *
 * A term is a piece of the folded query (query.h splits it, search.c
 * classifies it): a code pattern, an English word (matched at a word start,
 * a whole word preferred), a Korean word (anywhere, spaces of the text
 * ignored; or without its particle; or in the table's spelling), or 초성
 * (hangul.h). Typos: an English word one edit from a word of a name, alias
 * or keyword; a Korean word one syllable (same initial) off.
 */
#ifndef HC_MATCH_H
#define HC_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "index.h"

#define ALT_MAX 96
#define SYL_TYPO_MIN 3          /* Korean typos: 3 to 12 syllables */
#define SYL_TYPO_MAX 12

enum hc_term_kind {
	T_PATTERN,      /* a code pattern: matches codes only */
	T_WORD,         /* matches at a word start */
	T_HANGUL,       /* matches anywhere, spaces in the text ignored */
	T_JAMO,         /* syllables and 초성, matched against syllable arrays */
};

struct hc_term {
	const uint8_t *s;               /* folded */
	size_t n;
	enum hc_term_kind kind;
	size_t stem;                    /* T_HANGUL: length without a particle */
	bool anchor;                    /* T_WORD: must start a word */
	bool typo;                      /* may match a name word one edit away */
	bool optional;                  /* noise: scores if it matches */
	bool header;                    /* typed as a header's name (query.h) */
	uint8_t header_of;              /* "header": 1 + the term it names */
	uint8_t alt[ALT_MAX];           /* T_WORD: its American spelling, or */
	size_t alt_n;
	bool alt_stem;                  /* the word without its ending;
	                                   T_HANGUL: the table's spelling */
	uint16_t syl[SYL_TYPO_MAX];     /* T_HANGUL: syllables, for typos */
	size_t n_syl;
	struct hc_bytes has, has_alt;   /* bytes of s[0..stem) and of alt */
	struct hc_pattern pat;
	const uint16_t *jamo;           /* T_JAMO: syllable, or HC_JAMO_INITIAL|i */
	size_t n_jamo;
	/* T_WORD, where the index has a dictionary of its fields' words that
	 * can answer the term (and its other spelling): the fields that match
	 * it (bit f of tx_found) and those where it is a whole word
	 * (tx_whole), as hc_match_field would find; else NULL (search.c). */
	const uint64_t *tx_found, *tx_whole;
	/* with typo, where the index has its typo words (typodict.h): the
	 * fields with a word one edit from the term, as hc_match_typo reads;
	 * else NULL */
	const uint64_t *typo_found;
};

/* Where t matches exactly in the field, as a range [*a, *b) of the folded
 * string, and whether as a whole word (Korean: at a word start). Not for
 * patterns. */
bool hc_match_field(const struct hc_ftext *ft, const struct hc_term *t, size_t *a, size_t *b,
                    bool *whole);

/* True when term x is followed by term y (after one space; any white space
 * or none when either is Korean) somewhere in the field; two 초성 terms
 * when they match there as one (ㅍㅇㅈ ㅁㄹ in 페이지 만료). */
bool hc_match_pair(const struct hc_ftext *ft, const struct hc_term *x, const struct hc_term *y);

/* 2 when the field is the folded w[0..wl), 1 when it starts with it, else
 * 0; with skip_space the field's white space is ignored (Korean). */
int hc_match_whole(const struct hc_ftext *ft, const uint8_t *w, size_t wl, bool skip_space);

/* Whether a[0..an) and b[0..bn) are at most one edit apart (Damerau,
 * optimal string alignment: a letter added, dropped, changed, or two
 * neighbours swapped). */
bool hc_one_edit(const uint8_t *a, size_t an, const uint8_t *b, size_t bn);
/* True when t matches entry e only as a typo (see above). */
bool hc_match_typo(const struct hc_index *ix, size_t e, const struct hc_term *t);
/* The typo word w of a field whose text is s fits t (English). */
bool hc_typo_fits(const uint8_t *s, const struct hc_tword *w, const struct hc_term *t);
/* Where the Korean typo t lies in the field, as a range of the folded
 * string. */
bool hc_hangul_typo_span(const struct hc_ftext *ft, const struct hc_term *t, size_t *a,
                         size_t *b);

#endif
