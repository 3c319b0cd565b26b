/*
 * hangul.h - Hangul characters, syllables and 초성 (initial consonant) matching.
 *
 * No curses, no table: 초성 look-up and matching over arrays of
 * syllables. A syllable array holds, for each Hangul syllable of a folded
 * string, its offset from U+AC00 (HC_SYL_BREAK for any other character
 * between syllables; spaces vanish but mark the next syllable as a word
 * start). A 초성 query element is HC_JAMO_INITIAL | i, i = 0 (ㄱ) … 18 (ㅎ).
 */
#ifndef HC_HANGUL_H
#define HC_HANGUL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unitypes.h>

#include "utf8.h"

#define HC_SYL_BREAK 0xFFFFu       /* a non-Hangul character in a syllable array */
#define HC_JAMO_INITIAL 0x8000u    /* a query element that is a 초성 index */
#define HC_SYL_PER_INITIAL 588     /* 21 vowels × 28 finals */
#define HC_SYL_FINALS 28           /* syllables that share an initial and a vowel */

/* The character classes are utf8.h's (hc_uc_is_syllable, hc_uc_is_hangul);
 * these two names are kept for the matcher's tests. */
static inline bool hc_is_syllable(ucs4_t c)
{
	return hc_uc_is_syllable(c);
}

static inline bool hc_is_hangul(ucs4_t c)
{
	return hc_uc_is_hangul(c);
}

/* The 초성 index (0 = ㄱ … 18 = ㅎ) a typed consonant stands for, or -1.
 * Compatibility jamo (ㅇ U+3147) and conjoining initials (NFD input) count;
 * final-only clusters (ㄳ, ㄺ …) never begin a syllable. */
int hc_initial_of_jamo(ucs4_t c);
/* True when the UTF-8 string s[0..n) has a Hangul character. */
bool hc_has_hangul(const uint8_t *s, size_t n);

/* The syllable array of the UTF-8 string s[0..n): for each syllable, its
 * offset from U+AC00 (HC_SYL_BREAK for a run of other characters), its
 * byte offset in s (at) and whether it starts a word (word). Returns how
 * many; each array must hold n. */
size_t hc_syllables(const uint8_t *s, size_t n, uint16_t *syl, uint16_t *at, uint8_t *word);

/* Whether query element want (a syllable, or HC_JAMO_INITIAL | i) fits the
 * syllable syl. */
bool hc_jamo_fits(uint16_t want, uint16_t syl);

/* Where the query elements want[0..k) run through the syllable array
 * syl[0..n) (word[i] is 1 where syllable i starts a word). With in_word
 * (running text), the match must begin at a word start and stay inside the
 * word; else it may start anywhere and run across spaces. Prefers a match
 * at a word start; *whole says whether it is one. Returns false when none. */
bool hc_syl_find(const uint16_t *syl, const uint8_t *word, size_t n, const uint16_t *want,
                 size_t k, bool in_word, size_t *at, bool *whole);

/* Where the syllables want[0..k) occur in syl[0..n) with exactly one
 * syllable different but of the same initial consonant (리다이랙트 for
 * 리다이렉트), across spaces as an exact Korean match may be (찾을수업음 for
 * 찾을 수 없음), never across a break (HC_SYL_BREAK). Two syllables (k
 * == 2) may differ in one final consonant only (만은 for 많은) or in one
 * vowel only (권환 for 권한). */
bool hc_syl_typo(const uint16_t *syl, size_t n, const uint16_t *want,
                 size_t k, size_t *at);

#endif
