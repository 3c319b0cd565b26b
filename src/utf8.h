/*
 * utf8.h - one place for what the program knows about characters: decoding
 * UTF-8, stepping by grapheme, Hangul and jamo classes, control and invisible
 * characters, the ASCII spellings shown where the locale has no such
 * character, and both measures of width side by side.
 *
 * Two widths, on purpose: hc_uc_width() is libunistring's (the CLI wraps by
 * it; it does not depend on the locale), hc_uc_wcwidth() is the C library's
 * wcwidth(), which is what ncurses places characters by (the browser's pen
 * measures with it). They disagree on ~90 code points (U+4DC0 is one cell to
 * libunistring and two to glibc): measure what is drawn with the function
 * that draws it. No curses here.
 */
#ifndef HC_UTF8_H
#define HC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t hc_uc;

/* Decode the character at s[0..n) (n >= 1) into *uc and return its length.
 * An invalid or truncated sequence is one byte long, decodes as U+FFFD and
 * sets *bad (may be NULL), so that every module steps over bad input the same
 * way: one replacement per bad byte. */
size_t hc_utf8_decode(const char *s, size_t n, hc_uc *uc, bool *bad);

/* A byte that continues a multibyte character (10xxxxxx): not a place to
 * cut a string. */
bool hc_utf8_is_continuation(unsigned char b);

/* Bytes of the grapheme cluster at the start of s[0..n) (0 when n == 0); a
 * byte that is not UTF-8 is a cluster of its own. */
size_t hc_utf8_grapheme(const char *s, size_t n);

/* C0 controls, DEL and C1 controls. */
bool hc_uc_is_control(hc_uc uc);

/* Characters that draw nothing and would make what is shown differ from what
 * is meant: zero-width space/joiners, marks of direction and the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the line
 * and paragraph separators, the BOM, soft hyphen, word joiner and the
 * invisible operators, the Hangul fillers, interlinear annotation marks. */
bool hc_uc_is_invisible(hc_uc uc);

/* Hangul: precomposed syllables (U+AC00-U+D7A3). */
bool hc_uc_is_syllable(hc_uc uc);
/* Hangul jamo: conjoining (U+1100-U+11FF, U+A960-U+A97F, U+D7B0-U+D7FF) and
 * compatibility (U+3130-U+318F). */
bool hc_uc_is_jamo(hc_uc uc);
/* Any Hangul character: a syllable or a jamo. */
bool hc_uc_is_hangul(hc_uc uc);
/* A compatibility consonant a person types as an initial (ㄱ U+3131 … ㅎ U+314E). */
bool hc_uc_is_compat_consonant(hc_uc uc);

/* The ASCII spelling of a character the table or the interface uses, for a
 * locale that cannot show it ("§" is "sec.", "—" is "--"), or NULL when there
 * is none (the caller shows '?'). The CLI and the browser both use this table. */
const char *hc_uc_ascii(hc_uc uc);

/* Cells by libunistring (uc_width, UTF-8): controls and invalid count 1. */
int hc_uc_width(hc_uc uc);
/* Cells by the C library's wcwidth() in the current locale, as ncurses
 * places them: -1 for what wcwidth refuses (the caller draws a replacement). */
int hc_uc_wcwidth(hc_uc uc);

#endif
