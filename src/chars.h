/*
 * chars.h - the character tests the search modules share (inline).
 *
 * White space between terms, word characters (letters and digits of
 * alphabetic scripts; Hangul is left out so that an English word glued to a
 * Korean particle, "URL을", still starts a word). Decoding and the Hangul
 * classes are utf8.h's.
 */
#ifndef HC_CHARS_H
#define HC_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unictype.h>
#include <unistr.h>

#include "utf8.h"

/* White space between terms and inside Korean phrases. The newline only
 * occurs in the table (between paragraphs); queries cannot contain it. */
static inline bool hc_is_space(ucs4_t c)
{
	return c == ' ' || c == '\n' || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	       c == 0x3000;
}

/* An ASCII capital made small; any other byte unchanged. The index reads
 * displayed strings through this where folding changes nothing else. */
static inline uint8_t hc_lc(uint8_t b)
{
	return b >= 'A' && b <= 'Z' ? (uint8_t)(b + 32) : b;
}

static inline bool hc_is_word_char(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	return !hc_uc_is_hangul(c) && uc_is_alnum(c);  /* the cheap test first */
}

/* True when the character before s[at] is part of a word. */
static inline bool hc_word_before(const uint8_t *s, size_t at)
{
	ucs4_t c;

	if (at == 0)
		return false;
	if (s[at - 1] < 0x80)
		return hc_is_word_char(s[at - 1]);
	if (!u8_prev(&c, s + at, s))
		return false;
	return hc_is_word_char(c);
}

#endif
