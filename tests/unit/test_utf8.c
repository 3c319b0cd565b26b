/* test_utf8.c - decoding, graphemes, character classes, ASCII spellings and
 * the two widths (utf8.h). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

#define S(lit) lit, sizeof lit - 1

static void test_decode(void **state)
{
	hc_uc uc;
	bool bad;

	(void)state;
	assert_int_equal(hc_utf8_decode(S("a"), &uc, &bad), 1);
	assert_int_equal(uc, 'a');
	assert_false(bad);
	assert_int_equal(hc_utf8_decode(S("찾"), &uc, &bad), 3);
	assert_int_equal(uc, 0xcc3e);
	assert_int_equal(hc_utf8_decode(S("\xf0\x9f\x98\x80"), &uc, &bad), 4);
	assert_int_equal(uc, 0x1f600);
	/* A real U+FFFD is not bad input. */
	assert_int_equal(hc_utf8_decode(S("\xef\xbf\xbd"), &uc, &bad), 3);
	assert_false(bad);
	/* Invalid, truncated, overlong, surrogate: one bad byte each. */
	static const char *const bads[] = { "\xff", "\xe1\x84", "\xc0\xaf", "\xed\xa0\x80", "\x80" };
	for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		assert_int_equal(hc_utf8_decode(bads[i], strlen(bads[i]), &uc, &bad), 1);
		assert_true(bad);
		assert_int_equal(uc, 0xfffd);
	}
	assert_int_equal(hc_utf8_decode("", 0, &uc, NULL), 1);
	assert_int_equal(uc, 0xfffd);
}

static void test_grapheme(void **state)
{
	(void)state;
	assert_int_equal(hc_utf8_grapheme("", 0), 0);
	assert_int_equal(hc_utf8_grapheme(S("ab")), 1);
	assert_int_equal(hc_utf8_grapheme(S("a")), 1);
	assert_int_equal(hc_utf8_grapheme(S("\r\n")), 2);                        /* CR LF is one */
	assert_int_equal(hc_utf8_grapheme(S("\rx")), 1);
	assert_int_equal(hc_utf8_grapheme(S("\n\r")), 1);
	assert_int_equal(hc_utf8_grapheme(S("e\xcc\x81z")), 3);                 /* e + acute */
	assert_int_equal(hc_utf8_grapheme(S("\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd" "x")), 9); /* NFD 챃 */
	assert_int_equal(hc_utf8_grapheme(S("\xff\xcc\x81")), 1);               /* bad byte alone */
	assert_int_equal(hc_utf8_grapheme(S("\xe2\x80\x8d")), 3);               /* a lone ZWJ */
}

static void test_classes(void **state)
{
	(void)state;
	assert_true(hc_uc_is_control(0) && hc_uc_is_control(0x1b) && hc_uc_is_control(0x7f));
	assert_true(hc_uc_is_control(0x9b) && !hc_uc_is_control(0xa0) && !hc_uc_is_control(' '));
	/* Invisible: bidi override, line separator, ZWJ, BOM, tags, Mongolian
	 * vowel separator, combining grapheme joiner; not a space or a letter. */
	static const hc_uc inv[] = { 0x202e, 0x2028, 0x200d, 0xfeff, 0xe0041, 0x180e, 0x34f,
	                             0x2066, 0x200b, 0xad, 0x3164 };
	for (size_t i = 0; i < sizeof inv / sizeof inv[0]; i++)
		assert_true(hc_uc_is_invisible(inv[i]));
	assert_false(hc_uc_is_invisible(' '));
	assert_false(hc_uc_is_invisible(0xac00));
	assert_false(hc_uc_is_invisible(0xa7));
	assert_true(hc_uc_is_syllable(0xac00) && hc_uc_is_syllable(0xd7a3));
	assert_false(hc_uc_is_syllable(0xd7a4) || hc_uc_is_syllable(0x3131));
	assert_true(hc_uc_is_jamo(0x1100) && hc_uc_is_jamo(0x3147) && hc_uc_is_jamo(0xa960));
	assert_false(hc_uc_is_jamo(0xac00));
	assert_true(hc_uc_is_hangul(0xac00) && hc_uc_is_hangul(0x11a8) && !hc_uc_is_hangul('a'));
	assert_true(hc_uc_is_compat_consonant(0x3131) && hc_uc_is_compat_consonant(0x314e));
	assert_false(hc_uc_is_compat_consonant(0x314f));          /* ㅏ is a vowel */
	/* The edges of each jamo block (the search engine's Hangul test is this one). */
	assert_true(hc_uc_is_jamo(0x11ff) && hc_uc_is_jamo(0x3130) && hc_uc_is_jamo(0x318f));
	assert_true(hc_uc_is_jamo(0xa97f) && hc_uc_is_jamo(0xd7b0) && hc_uc_is_jamo(0xd7ff));
	assert_false(hc_uc_is_jamo(0x10ff) || hc_uc_is_jamo(0x1200) || hc_uc_is_jamo(0x312f));
	assert_false(hc_uc_is_jamo(0x3190) || hc_uc_is_jamo(0xa95f) || hc_uc_is_jamo(0xa980));
	assert_false(hc_uc_is_jamo(0xd7af) || hc_uc_is_jamo(0xd800));
}

/* Where a string may be cut: never before a continuation byte. */
static void test_continuation(void **state)
{
	static const char s[] = "a찾\xc2\xa7";    /* a, U+CC3E (3 bytes), U+00A7 (2 bytes) */
	static const bool cont[] = { false, false, true, true, false, true };

	(void)state;
	for (size_t i = 0; i < sizeof cont / sizeof cont[0]; i++)
		assert_int_equal(hc_utf8_is_continuation((unsigned char)s[i]), cont[i]);
	assert_false(hc_utf8_is_continuation(0x7f));
	assert_true(hc_utf8_is_continuation(0xbf));
	assert_false(hc_utf8_is_continuation(0xc0));
	assert_false(hc_utf8_is_continuation(0xff));
}

/* One ASCII table for the CLI and the browser. */
static void test_ascii(void **state)
{
	(void)state;
	assert_string_equal(hc_uc_ascii(0xa7), "sec.");
	assert_string_equal(hc_uc_ascii(0x2014), "--");
	assert_string_equal(hc_uc_ascii(0xb7), "-");
	assert_string_equal(hc_uc_ascii(0x2192), "->");
	assert_null(hc_uc_ascii(0xac00));
	assert_null(hc_uc_ascii('a'));
	for (hc_uc c = 0x80; c < 0x3000; c++) {
		const char *a = hc_uc_ascii(c);

		for (size_t i = 0; a && a[i]; i++)
			assert_true(a[i] >= 0x20 && a[i] < 0x7f);
	}
}

/* The two widths side by side: they agree on Hangul and differ where the
 * notes say (U+4DC0), which is why the pen measures with its own. */
static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(hc_uc_width('a'), 1);
	assert_int_equal(hc_uc_width(0xac00), 2);
	assert_int_equal(hc_uc_width(0x301), 0);
	assert_int_equal(hc_uc_width(0x1b), 1);
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		skip();
		return;
	}
	assert_int_equal(hc_uc_wcwidth('a'), 1);
	assert_int_equal(hc_uc_wcwidth(0xac00), 2);
	assert_int_equal(hc_uc_wcwidth(0x1b), -1);
	for (hc_uc c = 0xac00; c <= 0xd7a3; c++)
		assert_int_equal(hc_uc_wcwidth(c), hc_uc_width(c));
	assert_int_equal(hc_uc_width(0x4dc0), 1);
	assert_int_equal(hc_uc_wcwidth(0x4dc0), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_grapheme),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_widths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
