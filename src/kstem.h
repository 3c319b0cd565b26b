/*
 * kstem.h - the stem of a Korean query word: the word without the particle
 * or the verb ending people put after it, so that 초과되었습니다 finds
 * 초과 and 필요합니다 finds 필요. No curses, no table, no allocation.
 *
 * A Korean word is a stem followed by what grammar glues to it, and the
 * table writes the stems (시간 초과, 업그레이드 필요, 요청 접수). The
 * stemmer takes off, in this order, at most one of each:
 *  1. a particle or a final ending: 이 가 을 를 은 는 에서 으로 … ;
 *     습니다 어요 었습니다 었고 는데 니까 더니 하면 … ;
 *  2. a verb-making syllable left before that ending: 되 하 해 돼 됐 했
 *     당하 시키 (초과되 → 초과, 처리했 → 처리), and the copula 이 after an
 *     ending only (찻주전자입니다 → 찻주전자 takes 입니다 as one ending).
 * Each step keeps two syllables at least (one before an ending of three
 * syllables or more: 없습니다 → 없), so that short nouns are never cut: 과도
 * is not 과 + 도. The search tries a word as typed first and its stem only
 * when that fails, and a match of the stem never counts as a whole word.
 */
#ifndef HC_KSTEM_H
#define HC_KSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The length of the stem of the Hangul word s[0..n) (UTF-8); n when
 * nothing comes off. */
size_t hc_query_stem(const uint8_t *s, size_t n);

/* Whether s[0..n) is, whole, one of the particles and endings of step 1
 * (what follows an English word in 에러가 nginx가 떠요). */
bool hc_query_is_ending(const uint8_t *s, size_t n);

/* Whether s[0..n) is, whole, a particle that follows a noun (를, 에서, 하고
 * …): typed apart from its noun, it says nothing of what is searched. */
bool hc_query_is_particle(const uint8_t *s, size_t n);

#endif
