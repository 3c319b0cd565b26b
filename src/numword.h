/*
 * numword.h - a status code said in words.
 *
 * People say codes as much as they type them: "사백사 에러", "오백삼이 떠요",
 * "four oh four", "five hundred error", "a four twenty nine". This module
 * rewrites such number words in a query to digits, so that the rest of the
 * search sees "404 에러" and "500 error". No curses, no allocation, nothing
 * but the query's own bytes.
 *
 * What is read as a code, only when its value is 100 to 599:
 *   - Sino-Korean numerals at the start of a token, hundreds first: 사백사
 *     (404), 오백 (500), 사백십팔 (418), 사백이십구 (429); the digit before 백
 *     is required (백 alone is a word). Or three digits said one by one with a
 *     zero among them: 사공사 (404), 오공삼 (503), 이공공 (200); without a
 *     zero, only as a whole token (사이구 429, 오이이 522: 사이 and 오이 are
 *     words too), and not a count (일이삼) or a span of days (사오일, 이삼일).
 *     What follows in the token is kept ("사백사에러" → "404에러");
 *   - English number words, as whole words, case ignored: a digit and
 *     "hundred" with an optional "and" and a number below 100 (five hundred,
 *     four hundred and four, four hundred four); a digit, then "oh", "o" or
 *     "zero", then a digit (four oh four, five zero three), or three digits
 *     one by one (four one three, four two nine; not a count: one two
 *     three); a digit and a
 *     number from 10 to 99 (four twenty nine, four eighteen).
 * Anything else is copied as it is.
 */
#ifndef HC_NUMWORD_H
#define HC_NUMWORD_H

#include <stddef.h>
#include <stdint.h>

/* Copies s[0..n) into out (room for n bytes: the digits are never longer
 * than the words), with codes said in words written as digits. Returns the
 * length written. */
size_t hc_numword_rewrite(const uint8_t *s, size_t n, uint8_t *out);

#endif
