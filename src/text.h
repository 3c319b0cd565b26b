/*
 * text.h - measure, wrap, clip and clean UTF-8 text in terminal cells.
 *
 * Everything here counts display cells (libunistring's widths), never bytes:
 * a Hangul syllable is two cells and is never split. No curses here; the CLI
 * and the browser both draw with these.
 */
#ifndef HC_TEXT_H
#define HC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Display width of s[0..n) in cells. Invalid bytes and control characters
 * count as one cell each (they are drawn as a replacement). */
int hc_text_width(const char *s, size_t n);

/* Longest prefix of s[0..n) that fits in `cols` cells and ends on a grapheme
 * boundary. Returns its length in bytes and stores its width in *used (may be
 * NULL). */
size_t hc_text_clip(const char *s, size_t n, int cols, int *used);

/* Called for each wrapped line: the bytes of the line, without the break. */
typedef void (*hc_line_fn)(const char *line, size_t n, void *ud);

/*
 * Wrap s[0..n) to `width` cells (>= 1). "\n" in s ends a paragraph. Lines break
 * at spaces and at the places UAX #14 allows between other scripts, but never
 * between two Hangul characters (Korean keeps words together, as CSS
 * word-break: keep-all); a word wider than the line still breaks, by grapheme.
 * Spaces at a break are dropped. Returns the number of lines emitted.
 */
size_t hc_text_wrap(const char *s, size_t n, int width, hc_line_fn fn, void *ud);

/* Measures s[0..n) in cells, as hc_text_width does. */
typedef int (*hc_width_fn)(const char *s, size_t n);

/* hc_text_wrap with another measure of each grapheme (NULL: hc_text_width),
 * so that text is wrapped by the widths it will be drawn with: the browser
 * passes its terminal's, which differ in a legacy locale ("§" is two cells
 * under EUC-KR, and "sec." under LANG=C). */
size_t hc_text_wrap_with(const char *s, size_t n, int width, hc_width_fn measure,
                         hc_line_fn fn, void *ud);

/* True when s[0..n) is valid UTF-8 with no control characters (C0, DEL, C1). */
bool hc_text_is_clean(const char *s, size_t n);

/*
 * Copy s[0..n) into a new NUL-terminated string with every invalid byte and
 * every control character (C0, DEL, C1, including ESC) replaced by U+FFFD,
 * and every invisible character (utf8.h: bidi controls such as U+202E, the
 * line separator U+2028, ZWJ, BOM …) spelled "<U+202E>", so that it can be
 * echoed in a message safely and be seen. Returns NULL when out of memory;
 * stores the length in *out_len (may be NULL). Free with free().
 */
char *hc_text_sanitize(const char *s, size_t n, size_t *out_len);

/* Remove the invisible characters (utf8.h) from the valid UTF-8 string s in
 * place, as the browser's search box refuses them: "time<ZWJ>out" is
 * "timeout", "<BOM>404" is "404". Returns the new length. */
size_t hc_text_strip_invisible(char *s, size_t n);

/*
 * Convert UTF-8 text to the locale's character set for output. "UTF-8" copies
 * as is; in another charset each character is written as that charset
 * encodes it (Korean in EUC-KR, CP949 or GB18030), else as its ASCII spelling
 * (utf8.h, the browser's table: "§" -> "sec.", "—" -> "--"), else as '?'. An
 * invalid byte or U+FFFD is never written as UTF-8 bytes. Returns a new NUL-terminated string (free with free()) or NULL
 * when out of memory; stores its length in *out_len.
 */
char *hc_text_to_charset(const char *s, size_t n, const char *charset, size_t *out_len);

/*
 * s[0..n), in `charset` (as from locale_charset()), as UTF-8: what a legacy
 * locale (EUC-KR, GB18030 …) hands the program as arguments. Returns a new
 * NUL-terminated string (free with free()) and its length in *out_len, or
 * NULL with errno EILSEQ when s is not valid in that charset (or the charset
 * is unknown: EINVAL), ENOMEM when out of memory. iconv, as for the other
 * direction (libunistring's converter would link a second copy of the same
 * work into the static binary).
 */
char *hc_text_from_charset(const char *s, size_t n, const char *charset, size_t *out_len);

/* True when `charset` (as from locale_charset()) can show Hangul. */
bool hc_charset_has_hangul(const char *charset);

#endif
