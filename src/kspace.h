/*
 * kspace.h - Korean typed without its spaces, spaced again: people type
 * 파일이너무커서안올라가요 for 파일이 너무 커서 안 올라가요. No curses, no table,
 * no allocation.
 *
 * The search matches Korean with the text's spaces ignored, so a phrase
 * typed without spaces is found when it is the table's own; a sentence is
 * not, because its particles and endings differ from the table's. Cutting
 * it where Korean spacing puts word breaks lets each word be matched (and
 * stemmed) on its own. The rules, inside a run of Hangul syllables of
 * KSPACE_MIN or more with no space:
 *  - after a particle syllable (이 가 을 를 은 는 에 도 서; not 로 고 면, so
 *    frequent inside loanwords: 프로토콜, 로그, 고객) with two
 *    syllables or more before it and two or more after it, unless the two
 *    syllables from it start a word (클라이언트, 사용가능, 프록시서버);
 *  - before and after an adverb people type between words (너무 안 못 잘
 *    다시 계속 아직 자꾸 그냥 진짜 정말) with two syllables or more on the
 *    side cut (one-syllable 안 못 잘 only with a cut before them: 보안 stays);
 *  - before 때 after a syllable ending in ㄹ with two syllables or more
 *    before it (할때, 점검중일때: the verb's ㄹ before 때 "when"; not 때문
 *    "because"), in a run of KSPACE_MIN_WHEN syllables or more.
 * Guesses, so the search uses them only as a last try, when words are left
 * unmatched, and keeps the result only when fewer are (search.h).
 */
#ifndef HC_KSPACE_H
#define HC_KSPACE_H

#include <stddef.h>
#include <stdint.h>

#define KSPACE_MIN 5
#define KSPACE_MIN_WHEN 3

/* Copies s[0..n) (UTF-8) into out, which has room for 2 * n bytes, with a
 * space at each break above; returns the length written (n when nothing
 * was cut). */
size_t hc_query_kspace(const uint8_t *s, size_t n, uint8_t *out);

#endif
