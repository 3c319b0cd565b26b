/* text.c - display width, clipping, wrapping and cleaning, in terminal cells. */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>

#include "utf8.h"

static const char utf8_encoding[] = "UTF-8";

/* Decode for display: bad bytes and controls come back as U+FFFD, the
 * replacement the caller will draw. An ASCII byte is itself (most of the
 * text drawn and printed: no decoder call). */
static int next_char(const char *s, size_t n, hc_uc *uc)
{
	unsigned char b = (unsigned char)s[0];
	size_t len;

	if (b < 0x80) {
		*uc = hc_uc_is_control(b) ? 0xfffd : b;
		return 1;
	}
	len = hc_utf8_decode(s, n, uc, NULL);

	if (hc_uc_is_control(*uc))
		*uc = 0xfffd;
	return (int)len;
}

int hc_text_width(const char *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n;) {
		hc_uc uc;

		/* Every ASCII byte is one cell: a control is drawn as U+FFFD,
		 * which is one cell too (test_text checks all 128). */
		if ((unsigned char)s[i] < 0x80) {
			w++;
			i++;
			continue;
		}
		i += (size_t)next_char(s + i, n - i, &uc);
		w += hc_uc_width(uc);
	}
	return w;
}

/* End of the grapheme cluster starting at s[i]. */
static size_t grapheme_end(const char *s, size_t n, size_t i)
{
	return i + hc_utf8_grapheme(s + i, n - i);
}

size_t hc_text_clip(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		size_t j = grapheme_end(s, n, i);
		int gw = hc_text_width(s + i, j - i);

		if (w + gw > cols)
			break;
		w += gw;
		i = j;
	}
	if (used)
		*used = w;
	return i;
}

static bool is_space(hc_uc uc)
{
	return uc == ' ';
}

/*
 * Korean breaks at spaces (CSS word-break: keep-all): UAX #14 allows a break
 * between any two syllables and between a syllable and a Latin word ("URL에"),
 * so forbid every break that touches a Hangul character unless a space is on
 * one side.
 */
static void keep_korean_words(const char *s, size_t n, char *breaks)
{
	hc_uc prev = ' ';
	size_t i = 0;

	while (i < n && (unsigned char)s[i] < 0x80)     /* ASCII has no Hangul */
		i++;
	if (i == n)
		return;
	if (i > 0)      /* an ASCII character is its own code point */
		prev = (unsigned char)s[i - 1];
	while (i < n) {
		hc_uc uc;
		int len = next_char(s + i, n - i, &uc);

		if (breaks[i] == UC_BREAK_POSSIBLE && !is_space(prev) && !is_space(uc) &&
		    (hc_uc_is_hangul(prev) || hc_uc_is_hangul(uc)))
			breaks[i] = UC_BREAK_PROHIBITED;
		prev = uc;
		i += (size_t)len;
	}
}

/* Emit s[a..b) without trailing spaces. */
static void emit_line(const char *s, size_t a, size_t b, hc_line_fn fn, void *ud)
{
	while (b > a && s[b - 1] == ' ')
		b--;
	fn(s + a, b - a, ud);
}

/* May a line break before s[i]? From UAX #14 (with Korean kept whole) when
 * the break table could be had; else at spaces only. */
static bool can_break(const char *breaks, const char *s, size_t i)
{
	if (breaks)
		return breaks[i] != UC_BREAK_PROHIBITED;
	return i > 0 && s[i - 1] == ' ' && s[i] != ' ';
}

static size_t wrap_paragraph(const char *s, size_t n, int width, hc_width_fn measure,
                             hc_line_fn fn, void *ud)
{
	char stack_breaks[2048];
	char *breaks;
	size_t lines = 0, start = 0, i = 0, last_break = 0;
	int col = 0, col_at_break = 0;
	bool ascii_cells = measure == hc_text_width;

	/* No more bytes than cells to fill: it fits as it is, since no
	 * character takes more cells than bytes (hc_text_width), so no break
	 * table is worked out (most of a one-shot's output: 404's, 2 KB,
	 * spent 205k of its 534k instructions finding breaks). */
	if (ascii_cells && n <= (size_t)width) {
		emit_line(s, 0, n, fn, ud);
		return 1;
	}
	breaks = n <= sizeof stack_breaks ? stack_breaks : malloc(n);
	/* Without memory for the break table the whole paragraph is still
	 * wrapped, at spaces (and by grapheme inside a longer word). */
	if (breaks) {
		u8_possible_linebreaks((const uint8_t *)s, n, utf8_encoding, breaks);
		keep_korean_words(s, n, breaks);
	}

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		size_t j;
		int gw;

		/* ASCII before ASCII is a grapheme of one cell (but CR LF),
		 * as hc_utf8_grapheme and hc_text_width would say. */
		if (ascii_cells && b < 0x80 && b != '\r' &&
		    (i + 1 == n || (unsigned char)s[i + 1] < 0x80)) {
			j = i + 1;
			gw = 1;
		} else {
			j = grapheme_end(s, n, i);
			gw = measure(s + i, j - i);
		}

		if (i > start && can_break(breaks, s, i)) {
			last_break = i;
			col_at_break = col;
		}
		/* A space may hang past the edge: it is trimmed at the break. */
		/* A grapheme wider than the whole line (width 1, a syllable) goes
		 * on a line of its own rather than looping. */
		if (col + gw > width && i > start && !(j - i == 1 && s[i] == ' ')) {
			if (last_break > start) {
				emit_line(s, start, last_break, fn, ud);
				start = last_break;
				col -= col_at_break;
			} else {
				emit_line(s, start, i, fn, ud);
				start = i;
				col = 0;
			}
			lines++;
			while (start < n && s[start] == ' ')
				start++, col--;
			if (col < 0)
				col = 0;
			last_break = start;
			/* Look at this grapheme again: what is left of the line
			 * before it may still be too wide (hanging spaces). */
			if (start > i)
				i = start;
			continue;
		}
		col += gw;
		i = j;
	}
	if (start < n || lines == 0) {
		emit_line(s, start, n, fn, ud);
		lines++;
	}
	if (breaks != stack_breaks)
		free(breaks);       /* free(NULL) when there was none */
	return lines;
}

size_t hc_text_wrap(const char *s, size_t n, int width, hc_line_fn fn, void *ud)
{
	return hc_text_wrap_with(s, n, width, NULL, fn, ud);
}

size_t hc_text_wrap_with(const char *s, size_t n, int width, hc_width_fn measure,
                         hc_line_fn fn, void *ud)
{
	size_t lines = 0, p = 0;

	if (width < 1)
		width = 1;
	if (!measure)
		measure = hc_text_width;
	for (;;) {
		const char *nl = memchr(s + p, '\n', n - p);
		size_t e = nl ? (size_t)(nl - s) : n;

		lines += wrap_paragraph(s + p, e - p, width, measure, fn, ud);
		if (!nl)
			break;
		p = e + 1;
	}
	return lines;
}

bool hc_text_is_clean(const char *s, size_t n)
{
	if (u8_check((const uint8_t *)s, n) != NULL)
		return false;
	for (size_t i = 0; i < n;) {
		hc_uc uc;
		size_t len = hc_utf8_decode(s + i, n - i, &uc, NULL);

		if (hc_uc_is_control(uc))
			return false;
		i += (size_t)len;
	}
	return true;
}

size_t hc_text_strip_invisible(char *s, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		hc_uc uc;
		size_t len = hc_utf8_decode(s + i, n - i, &uc, NULL);

		if (!hc_uc_is_invisible(uc)) {
			memmove(s + o, s + i, len);
			o += len;
		}
		i += len;
	}
	if (o < n)
		s[o] = '\0';
	return o;
}

char *hc_text_sanitize(const char *s, size_t n, size_t *out_len)
{
	static const char repl[] = "\xef\xbf\xbd";
	/* Worst case: a 2-byte invisible character becomes "<U+00AD>" (8). */
	char *out = malloc(n * 4 + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		hc_uc uc;
		bool bad;
		size_t len = hc_utf8_decode(s + i, n - i, &uc, &bad);

		if (bad || hc_uc_is_control(uc)) {
			memcpy(o, repl, 3);
			o += 3;
		} else if (hc_uc_is_invisible(uc)) {
			o += sprintf(o, "<U+%04X>", (unsigned)uc);
		} else {
			memcpy(o, s + i, len);
			o += len;
		}
		i += (size_t)len;
	}
	*o = '\0';
	if (out_len)
		*out_len = (size_t)(o - out);
	return out;
}

bool hc_charset_has_hangul(const char *charset)
{
	/* GB18030 encodes all of Unicode, Hangul included. */
	static const char *const ok[] = { "UTF-8", "EUC-KR", "CP949", "UHC", "JOHAB", "GB18030" };

	for (size_t i = 0; charset && i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(charset, ok[i]) == 0)
			return true;
	return false;
}

/*
 * Text in a charset that is not UTF-8, one character at a time: printable
 * ASCII, tab and newline as they are; another character as the charset
 * encodes it (cd, when there is one), else its ASCII spelling (utf8.h: the
 * browser's pen uses the same table), else '?'. So "§" stays "§" under
 * EUC-KR and GB18030 and becomes "sec." under LANG=C, and an invalid byte or
 * U+FFFD is never written as UTF-8 bytes.
 */
static char *to_legacy(const char *s, size_t n, iconv_t cd, size_t *out_len)
{
	/* A character grows at most from 2 bytes to 4 ("§" -> "sec.") or from
	 * 1 byte to 1; GB18030 and EUC charsets need at most 4 per character. */
	size_t cap = n * 4 + 16;
	char *out = malloc(cap), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		hc_uc uc;
		bool bad;
		size_t len = hc_utf8_decode(s + i, n - i, &uc, &bad);
		const char *sp;

		if (uc == '\n' || uc == '\t' || (uc >= 0x20 && uc < 0x7f)) {
			*o++ = (char)uc;
		} else {
			char *in = (char *)s + i, *w = o;
			size_t inleft = len, left = cap - (size_t)(o - out) - 1;

			if (!bad && uc >= 0xa0 && uc != 0xfffd && cd != (iconv_t)-1 &&
			    iconv(cd, &in, &inleft, &w, &left) != (size_t)-1 && inleft == 0) {
				o = w;
			} else {
				if (cd != (iconv_t)-1)
					iconv(cd, NULL, NULL, NULL, NULL);
				sp = bad ? NULL : hc_uc_ascii(uc);
				if (!sp)
					sp = "?";
				memcpy(o, sp, strlen(sp));
				o += strlen(sp);
			}
		}
		i += len;
	}
	if (cd != (iconv_t)-1) {
		size_t left = cap - (size_t)(o - out) - 1;

		iconv(cd, NULL, NULL, &o, &left);       /* back to the initial shift state */
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

char *hc_text_from_charset(const char *s, size_t n, const char *charset, size_t *out_len)
{
	/* One byte becomes at most 3 bytes of UTF-8 (a single-byte charset's
	 * letter in the BMP), four at most 4 (GB18030's four-byte forms). */
	size_t cap = 3 * n + 8, left = cap - 1;
	char *out, *o, *in = (char *)s;
	size_t inleft = n;
	iconv_t cd = iconv_open("UTF-8", charset);
	int err = 0;

	if (cd == (iconv_t)-1)
		return NULL;
	out = o = malloc(cap);
	if (!out)
		err = ENOMEM;
	else if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1 ||
	         iconv(cd, NULL, NULL, &o, &left) == (size_t)-1)
		err = errno == E2BIG ? ENOMEM : EILSEQ;   /* EINVAL: cut short */
	iconv_close(cd);
	if (err) {
		free(out);
		errno = err;
		return NULL;
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

static bool is_ascii_charset(const char *charset)
{
	return strcmp(charset, "ASCII") == 0 || strcmp(charset, "ANSI_X3.4-1968") == 0 ||
	       strcmp(charset, "US-ASCII") == 0;
}

/* Output text is the program's own (tabs and newlines are layout); text that
 * came from outside has been through hc_text_sanitize already. */
char *hc_text_to_charset(const char *s, size_t n, const char *charset, size_t *out_len)
{
	size_t len = n;
	char *out;

	if (!charset || strcmp(charset, "UTF-8") == 0) {
		out = malloc(n + 1);
		if (out) {
			memcpy(out, s, n);
			out[n] = '\0';
		}
	} else {
		iconv_t cd = is_ascii_charset(charset) ? (iconv_t)-1 : iconv_open(charset, "UTF-8");

		out = to_legacy(s, n, cd, &len);
		if (cd != (iconv_t)-1)
			iconv_close(cd);
	}
	if (out && out_len)
		*out_len = len;
	return out;
}
