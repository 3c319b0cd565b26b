/*
 * dubeol.h - Hangul typed with the keyboard still in English mode: on the
 * standard Korean layout (두벌식, KS X 5002) the keys of "dlswmd vlfdy"
 * are 인증 필요. People who forget the 한/영 key type such words, and a
 * search box should read them as they were meant. No curses, no table, no
 * allocation.
 *
 * The query is rewritten only when it is ASCII (in a query with Hangul, an
 * acronym is typed on purpose: 오리진 DNS 오류) and every token of letters
 * alone (other tokens, such as 404, stay) spells whole syllables from first to
 * last, as a query typed in the wrong mode does; one English word that
 * does not keeps the whole query as typed ("for" spells 랙, "the" 솓, but
 * "for the" with "timeout" stays). Syllables are a consonant, a vowel (or
 * one of the seven vowel pairs the layout composes, ㅗ+ㅏ = ㅘ …), and an
 * optional final consonant (or one of the eleven pairs, ㄹ+ㄱ = ㄺ …), a
 * consonant followed by a vowel starting the next syllable. Most English
 * words fail at once (a word starting with a vowel key, two vowel keys that
 * do not pair, a shifted key no final takes), and the search uses the
 * rewrite only as a last try, when words are left unmatched, keeping it
 * only when fewer are (search.h). Shifted keys are the doubled consonants
 * (Q W E R T: ㅃ ㅉ ㄸ ㄲ ㅆ) and ㅒ ㅖ (O P); any other capital is its
 * small letter (caps lock).
 */
#ifndef HC_DUBEOL_H
#define HC_DUBEOL_H

#include <stddef.h>
#include <stdint.h>

/* Copies s[0..n) (UTF-8) into out, which has room for 2 * n bytes, with
 * each token of ASCII letters replaced by the syllables it spells when
 * every such token spells some; returns the length written. */
size_t hc_query_dubeol(const uint8_t *s, size_t n, uint8_t *out);

/* The syllables the keys s[0..n) (ASCII letters) spell, in UTF-8 into out
 * (room for 2 * n bytes): their length, or 0 when they spell none or not
 * all of them do. */
size_t hc_dubeol_word(const uint8_t *s, size_t n, uint8_t *out);

/* The other way: English typed with the layout still in Korean mode gives
 * jamo and syllables, ㅜㅐㅅ 래ㅕㅜㅇ for "not found". When the query has a
 * vowel standing alone (which no Korean word, nor a 초성 abbreviation, has),
 * each token of Hangul alone is written as the keys that typed it, in small
 * letters; else the query is copied as it is. out has room for 2 * n bytes
 * (a syllable of three bytes is five keys at most). */
size_t hc_query_dubeol_keys(const uint8_t *s, size_t n, uint8_t *out);

#endif
