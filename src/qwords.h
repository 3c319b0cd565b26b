/*
 * qwords.h - the words of a query: which ones can be left out, and the other
 * spellings people type for the table's words (Korean stems: kstem.h).
 *
 * No curses, no table, no allocation; every word is a byte range of the
 * folded query (query.h splits it). Noise words are optional terms: they add
 * to the score when they match and are never required (query.h). They are
 * listed once, in qwords.c: English fillers of a question (which, what,
 * status, code, error, should, return, want, tell …), the words around a
 * constant or a call (sc, res, abort, raise, throw, send, title), and Korean
 * fillers and question endings (에러, 오류, 코드, 상태, 응답, 뭐, 무슨, 반환,
 * 해야, 궁금합니다, 내려줘야 …).
 */
#ifndef HC_QWORDS_H
#define HC_QWORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when the folded word s[0..n) is a noise word (the list in qwords.c). */
bool hc_query_is_noise(const uint8_t *s, size_t n);

/* The American spelling of a British word (s folded, ASCII): -ise, -ised,
 * -ising, -isation … → -ize …, -our → -or, with at least three letters
 * before the ending. Writes it to out (cap bytes) and returns its length,
 * or 0 when s has no such ending. */
size_t hc_query_american(const uint8_t *s, size_t n, uint8_t *out, size_t cap);

/* The English word s[0..n) without -ing (6 letters at least), -ed (5) or
 * a plural -s (4, not -ss); n when it has none of them. */
size_t hc_query_stem_en(const uint8_t *s, size_t n);

/* The length of an English possessive without its "'s" or "’s" ("url's",
 * "server’s"): the word the table writes ("URL length"); 0 when it has none. */
size_t hc_query_possessive(const uint8_t *s, size_t n);

/* Whether the English word s[0..n) is a negated verb, "isn't", "can't",
 * "doesn’t" (an apostrophe or U+2019 before the t): it means "not". */
bool hc_query_negated(const uint8_t *s, size_t n);

/* Misspellings that are never right, corrected in place, each to a
 * spelling of the same length: 됬 (됬다, 금지됬음) is always 됐. */
void hc_query_respell(uint8_t *s, size_t n);

/* The Hangul term s[0..n) with a variant spelling replaced by the table's
 * (컨텐츠 → 콘텐츠, 메소드 → 메서드, 메세지 → 메시지, 어플리케이션 →
 * 애플리케이션, 리다이렉트 → 리디렉션, 타임아웃 → 시간초과, 없어요·없을 → 없음 …),
 * written to out
 * (cap bytes); returns its length, or 0 when it has none. */
size_t hc_query_variant(const uint8_t *s, size_t n, uint8_t *out, size_t cap);

#endif
