/* test_text.c - widths, clipping, wrapping (Korean keep-all) and cleaning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <uniwidth.h>

#include "text.h"
#include "utf8.h"

#define S(lit) lit, sizeof lit - 1

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(hc_text_width(S("abc")), 3);
	assert_int_equal(hc_text_width(S("찾을")), 4);
	assert_int_equal(hc_text_width(S("404 찾을 수 없음")), 3 + 1 + 4 + 1 + 2 + 1 + 4);
	assert_int_equal(hc_text_width(S("e\xcc\x81")), 1);         /* e + combining acute */
	assert_int_equal(hc_text_width(S("\x1b")), 1);              /* drawn as a replacement */
	assert_int_equal(hc_text_width(S("\xff")), 1);              /* invalid byte */
	assert_int_equal(hc_text_width(S("")), 0);
}

/* The ASCII fast paths (hc_text_width, hc_uc_width) against libunistring's
 * own widths: a control byte is drawn as U+FFFD, every other byte is itself. */
static void test_width_ascii(void **state)
{
	(void)state;
	for (unsigned b = 0; b < 0x80; b++) {
		char c = (char)b;
		hc_uc drawn = (b < 0x20 || b == 0x7f) ? 0xfffd : b;
		int want = uc_width(drawn, "UTF-8");

		assert_int_equal(want, 1);
		assert_int_equal(hc_text_width(&c, 1), want);
		if (drawn == b)
			assert_int_equal(hc_uc_width(b), uc_width(b, "UTF-8"));
	}
	/* ASCII beside wide, combining and bad bytes: the sum of the parts */
	assert_int_equal(hc_text_width(S("a\t찾e\xcc\x81\xff~")), 1 + 1 + 2 + 1 + 1 + 1);
}

static void test_clip(void **state)
{
	int used = -1;

	(void)state;
	/* A syllable is two cells: three cells hold one and a half, so one. */
	assert_int_equal(hc_text_clip(S("찾을 수"), 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(hc_text_clip(S("찾을 수"), 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(hc_text_clip(S("찾을 수"), 5, &used), 7);
	assert_int_equal(used, 5);
	assert_int_equal(hc_text_clip(S("Not Found"), 3, &used), 3);
	assert_int_equal(hc_text_clip(S("Not Found"), 99, &used), 9);
	assert_int_equal(used, 9);
	/* A truncated sequence is one bad byte per cell, as in the width. */
	assert_int_equal(hc_text_clip(S("\xe1\x84" "a"), 9, &used), 3);
	assert_int_equal(used, hc_text_width(S("\xe1\x84" "a")));
	/* A decomposed syllable (ᄎ + ᅡ + ᆽ, NFD) is one grapheme: never split. */
	assert_int_equal(hc_text_clip(S("\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd" "x"), 2, &used), 9);
	assert_int_equal(hc_text_clip(S("\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd" "x"), 1, &used), 0);
	/* e + combining accent stays together. */
	assert_int_equal(hc_text_clip(S("e\xcc\x81z"), 1, &used), 3);
}

struct lines {
	char v[128][128];
	int n;
};

static void collect(const char *s, size_t n, void *ud)
{
	struct lines *l = ud;

	assert_true(l->n < 128 && n < 128);
	memcpy(l->v[l->n], s, n);
	l->v[l->n][n] = '\0';
	l->n++;
}

static struct lines wrap(const char *s, int width)
{
	struct lines l = { .n = 0 };
	size_t n = hc_text_wrap(s, strlen(s), width, collect, &l);

	assert_int_equal(n, (size_t)l.n);
	return l;
}

static void test_wrap_english(void **state)
{
	struct lines l = wrap("The server has nothing at this URL", 12);

	(void)state;
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "The server");
	assert_string_equal(l.v[1], "has nothing");
	assert_string_equal(l.v[2], "at this URL");

	l = wrap("abcdefghijkl", 5);    /* a word wider than the line still breaks */
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "abcde");
	assert_string_equal(l.v[1], "fghij");
	assert_string_equal(l.v[2], "kl");

	l = wrap("one\ntwo three", 20); /* "\n" ends a paragraph */
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "one");
	assert_string_equal(l.v[1], "two three");

	/* Found by fuzzing: spaces hang past the edge, and what follows them
	 * may not break (no break before "."); the line must still be cut. */
	l = wrap("% 0         .", 3);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "%");
	assert_string_equal(l.v[1], "0");
	assert_string_equal(l.v[2], ".");

	l = wrap("", 10);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "");
}

static void test_wrap_korean_keeps_words(void **state)
{
	/* Widths: 요청한 6, 리소스를 8, 찾을 4, 수 2, 없음 4. */
	struct lines l = wrap("요청한 리소스를 찾을 수 없음", 8);

	(void)state;
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0], "요청한");
	assert_string_equal(l.v[1], "리소스를");
	assert_string_equal(l.v[2], "찾을 수");
	assert_string_equal(l.v[3], "없음");

	/* A Latin word glued to a particle stays whole: "URL에" is one word. */
	l = wrap("요청한 URL에 없음", 7);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[1], "URL에");
	/* ... after an ASCII start too (the Hangul rule skips the ASCII
	 * before the first other byte, and reads its last character) */
	l = wrap("see the URL에 없음", 8);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "see the");
	assert_string_equal(l.v[1], "URL에");
	assert_string_equal(l.v[2], "없음");
	l = wrap("x URL에요요", 5);      /* too wide: cut by cells, not at 에 */
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "x");
	assert_string_equal(l.v[1], "URL에");
	assert_string_equal(l.v[2], "요요");

	/* A Korean word wider than the line breaks between syllables, never
	 * inside one. */
	l = wrap("가나다라마바", 4);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "가나");
	assert_string_equal(l.v[1], "다라");
	assert_string_equal(l.v[2], "마바");
	l = wrap("가나다", 3);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "가");

	/* Width 1 cannot hold a syllable: one per line, no endless loop. */
	l = wrap("가나", 1);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "가");
	assert_string_equal(l.v[1], "나");
}

static void test_wrap_never_exceeds_width(void **state)
{
	static const char text[] = "서버가 요청을 이해했지만 권한이 없어 거절했습니다. The server "
	                           "understood the request but refuses it (RFC 9110 §15.5.4).";

	(void)state;
	for (int w = 2; w < 40; w++) {
		struct lines l = wrap(text, w);
		for (int i = 0; i < l.n; i++)
			if (hc_text_width(l.v[i], strlen(l.v[i])) > w)
				fail_msg("width %d: line '%s' is too wide", w, l.v[i]);
	}
}

/* A terminal that draws "§" as "sec." (four cells) and the rest as
 * hc_text_width does, as the browser's pen does under LANG=C. */
static int sec_width(const char *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n;) {
		size_t k = 1;

		while (i + k < n && ((unsigned char)s[i + k] & 0xc0) == 0x80)
			k++;
		w += k == 2 && memcmp(s + i, "\xc2\xa7", 2) == 0 ? 4 : hc_text_width(s + i, k);
		i += k;
	}
	return w;
}

/* hc_text_wrap_with wraps by the measure it is given: no line is wider than
 * the width as that terminal draws it, and no text is lost. */
static void test_wrap_with_measure(void **state)
{
	static const char ref[] = "RFC 9110 §15.5.19; RFC 2324 §2.3.2";
	struct lines l = { .n = 0 };
	char joined[256] = "";

	(void)state;
	/* Measured by hc_text_width, "RFC 9110 §15.5.19;" (18 cells) fits 20. */
	assert_string_equal(wrap(ref, 20).v[0], "RFC 9110 §15.5.19;");
	assert_int_equal(hc_text_wrap_with(ref, strlen(ref), 20, sec_width, collect, &l), 3);
	assert_string_equal(l.v[0], "RFC 9110");
	assert_string_equal(l.v[1], "§15.5.19; RFC");
	assert_string_equal(l.v[2], "2324 §2.3.2");
	for (int i = 0; i < l.n; i++) {
		assert_true(sec_width(l.v[i], strlen(l.v[i])) <= 20);
		strcat(joined, i ? " " : "");
		strcat(joined, l.v[i]);
	}
	assert_string_equal(joined, ref);
	/* NULL is hc_text_width: the same lines as hc_text_wrap. */
	l.n = 0;
	hc_text_wrap_with(ref, strlen(ref), 20, NULL, collect, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "RFC 9110 §15.5.19;");
}

/* hc_text_width by another name: wrapping with it takes the general path
 * (grapheme by grapheme, each measured), where hc_text_wrap takes the ASCII
 * fast path. */
static int width_by_call(const char *s, size_t n)
{
	return hc_text_width(s, n);
}

/* The fast path wraps exactly as the general one, at every width, over
 * ASCII beside CR LF, controls, combining marks, Hangul and bad bytes. It
 * checks the widths and the breaks: the fast path's grapheme rule (not
 * before CR, not before a non-ASCII byte) cannot change a line on its own,
 * as UAX #14 forbids a break inside CR LF and before a combining mark. */
static void test_wrap_fast_path(void **state)
{
	static const char *const texts[] = {
		"The server has nothing at this URL; try GET /index.html again.",
		"a\r\nb c\r\n\r\nd e\rf",
		"cafe\xcc\x81 re\xcc\x81sume\xcc\x81 na\xcc\x88ive words",
		"404 찾을 수 없음: URL에 리소스가 없음 (Not Found)",
		"tab\there esc\x1b[31m red \xff\xfe bad bytes",
		"averyveryverylongwordwithoutanyspacesatallinit x",
	};

	(void)state;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		for (int w = 1; w <= 70; w++) {
			struct lines fast = { .n = 0 }, slow = { .n = 0 };
			size_t nf = hc_text_wrap(texts[t], strlen(texts[t]), w, collect, &fast);
			size_t ns = hc_text_wrap_with(texts[t], strlen(texts[t]), w, width_by_call,
			                              collect, &slow);

			assert_int_equal(nf, ns);
			for (int i = 0; i < fast.n; i++)
				assert_string_equal(fast.v[i], slow.v[i]);
		}
	}
}

static void test_sanitize(void **state)
{
	size_t n;
	char *s;

	(void)state;
	s = hc_text_sanitize(S("a\x1b[31mb"), &n);
	assert_string_equal(s, "a\xef\xbf\xbd[31mb");
	assert_int_equal(n, strlen(s));
	free(s);
	s = hc_text_sanitize(S("\xff\xef\xbf"), &n);   /* invalid, then truncated */
	assert_null(strchr(s, '\xff'));
	assert_non_null(strstr(s, "\xef\xbf\xbd"));
	assert_true(hc_text_is_clean(s, n));
	free(s);
	s = hc_text_sanitize(S("시간 초과 \xef\xbf\xbd"), &n);  /* valid text is kept */
	assert_string_equal(s, "시간 초과 \xef\xbf\xbd");
	free(s);
	s = hc_text_sanitize(S("\xc2\x9b" "2J"), &n);            /* C1 CSI */
	assert_string_equal(s, "\xef\xbf\xbd" "2J");
	free(s);
	/* Invisible characters are spelled out, so that a message shows them. */
	s = hc_text_sanitize(S("a\xe2\x80\xae" "b\xe2\x80\xa8\xe2\x80\x8d\xef\xbb\xbf\xc2\xad"), &n);
	assert_string_equal(s, "a<U+202E>b<U+2028><U+200D><U+FEFF><U+00AD>");
	assert_int_equal(n, strlen(s));
	free(s);
}

static void test_strip_invisible(void **state)
{
	char q[] = "\xef\xbb\xbf" "time\xe2\x80\x8d" "out \xea\xb0\x80\xe2\x80\xae";

	(void)state;
	assert_int_equal(hc_text_strip_invisible(q, strlen(q)), strlen("timeout \xea\xb0\x80"));
	assert_string_equal(q, "timeout \xea\xb0\x80");
}

static void test_is_clean(void **state)
{
	(void)state;
	assert_true(hc_text_is_clean(S("not found 찾을 수 없음")));
	assert_false(hc_text_is_clean(S("a\nb")));
	assert_false(hc_text_is_clean(S("\x1b[2J")));
	assert_false(hc_text_is_clean(S("\xc3")));
	assert_false(hc_text_is_clean(S("\xed\xa0\x80")));      /* surrogate */
	assert_false(hc_text_is_clean(S("\x7f")));
}

static void test_to_charset(void **state)
{
	size_t n;
	char *s;

	(void)state;
	s = hc_text_to_charset(S("RFC 9110 §15.5.5 \xe2\x80\x94 ok\tx\n"), "ANSI_X3.4-1968", &n);
	assert_string_equal(s, "RFC 9110 sec.15.5.5 -- ok\tx\n");
	free(s);
	s = hc_text_to_charset(S("찾을"), "ANSI_X3.4-1968", &n);
	assert_string_equal(s, "??");
	free(s);
	s = hc_text_to_charset(S("가"), "EUC-KR", &n);
	assert_int_equal(n, 2);
	assert_memory_equal(s, "\xb0\xa1", 2);
	free(s);
	s = hc_text_to_charset(S("가"), "UTF-8", &n);
	assert_string_equal(s, "가");
	free(s);
	/* and back: the arguments of a legacy locale */
	s = hc_text_from_charset("\xbd\xc3\xb0\xa3 404", 8, "EUC-KR", &n);
	assert_non_null(s);
	assert_string_equal(s, "시간 404");
	assert_int_equal(n, strlen("시간 404"));
	free(s);
	errno = 0;
	assert_null(hc_text_from_charset("\xbd", 1, "EUC-KR", &n));     /* cut short */
	assert_int_equal(errno, EILSEQ);
	assert_null(hc_text_from_charset("\xff\xff", 2, "EUC-KR", &n));
	assert_null(hc_text_from_charset("x", 1, "NO-SUCH-CHARSET", &n));
	s = hc_text_from_charset("", 0, "GB18030", &n);
	assert_non_null(s);
	assert_int_equal(n, 0);
	free(s);
	assert_true(hc_charset_has_hangul("UTF-8"));
	assert_true(hc_charset_has_hangul("EUC-KR"));
	assert_false(hc_charset_has_hangul("ANSI_X3.4-1968"));
	assert_false(hc_charset_has_hangul("ISO-8859-1"));
	/* GB18030 encodes Hangul; EUC-JP does not, but has the section sign. */
	assert_true(hc_charset_has_hangul("GB18030"));
	s = hc_text_to_charset(S("가"), "GB18030", &n);
	assert_int_equal(n, 4);
	assert_memory_equal(s, "\x82\x37\xcf\x35", 4);
	free(s);
	s = hc_text_to_charset(S("§ 가 \xe2\x86\x92"), "EUC-JP", &n);
	assert_string_equal(s, "\xa1\xf8 ? \xa2\xaa");
	free(s);
	/* U+FFFD and invalid bytes are never written as UTF-8 bytes. */
	s = hc_text_to_charset(S("k\xef\xbf\xbdo\xff"), "EUC-KR", &n);
	assert_string_equal(s, "k?o?");
	free(s);
	s = hc_text_to_charset(S("k\xef\xbf\xbdo"), "ANSI_X3.4-1968", &n);
	assert_string_equal(s, "k?o");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_clip),
		cmocka_unit_test(test_wrap_english),
		cmocka_unit_test(test_wrap_korean_keeps_words),
		cmocka_unit_test(test_wrap_never_exceeds_width),
		cmocka_unit_test(test_wrap_with_measure),
		cmocka_unit_test(test_wrap_fast_path),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_strip_invisible),
		cmocka_unit_test(test_is_clean),
		cmocka_unit_test(test_to_charset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
