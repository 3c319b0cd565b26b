/*
 * test_fold.c - folding (fold.h): NFC + case folding and the offset maps.
 * Expectations written by hand from the Unicode case-folding and NFC rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fold.h"

static uint8_t out[256];
static uint16_t lo[257], hi[257];

static struct hc_fold fold(const char *s, bool map)
{
	struct hc_fold f = { out, map ? lo : NULL, map ? hi : NULL, sizeof out, 0, true };

	assert_int_equal(hc_fold_text((const uint8_t *)s, strlen(s), &f), 0);
	return f;
}

static void expect_fold(const char *s, const char *want)
{
	struct hc_fold f = fold(s, false);

	assert_int_equal(f.len, strlen(want));
	assert_memory_equal(out, want, f.len);
}

static void test_ascii(void **state)
{
	struct hc_fold f;

	(void)state;
	expect_fold("Not FOUND", "not found");
	f = fold("AbC", true);
	assert_true(f.linear);
	for (unsigned i = 0; i <= 3; i++) {
		assert_int_equal(lo[i], i);
		assert_int_equal(hi[i], i);
	}
}

/* ß folds to ss (one character, two bytes → two bytes but a new layout):
 * both folded bytes map to the whole ß. */
static void test_sharp_s(void **state)
{
	struct hc_fold f;

	(void)state;
	expect_fold("Stra\xc3\x9f" "e", "strasse");
	f = fold("a\xc3\x9f" "b", true);
	assert_false(f.linear);
	assert_int_equal(f.len, 4);             /* a s s b */
	assert_int_equal(lo[1], 1);             /* first s starts at ß */
	assert_int_equal(hi[3], 3);             /* a span ending after ss ends after ß */
	assert_int_equal(lo[3], 3);             /* b */
	assert_int_equal(hi[4], 4);
}

/* NFD input composes: e + U+0301 is é (2 bytes), a new layout. */
static void test_nfd(void **state)
{
	(void)state;
	expect_fold("Cafe\xcc\x81", "caf\xc3\xa9");
	/* 찾 decomposed (U+110E U+1161 U+11BD) is the syllable U+CC3E. */
	expect_fold("\xe1\x84\x8e\xe1\x85\xa1\xe1\x86\xbd", "\xec\xb0\xbe");
}

static void test_hangul_kept(void **state)
{
	struct hc_fold f;

	(void)state;
	f = fold("요청 시간", true);
	assert_true(f.linear);
	assert_int_equal(f.len, strlen("요청 시간"));
	assert_memory_equal(out, "요청 시간", f.len);
}

/* Kelvin sign K folds to k; invalid bytes fold to U+FFFD. */
static void test_odd(void **state)
{
	(void)state;
	expect_fold("\xe2\x84\xaa", "k");
	expect_fold("a\xff" "b", "a\xef\xbf\xbd" "b");
}

/* A full buffer cuts at a grapheme and says so. */
static void test_full(void **state)
{
	uint8_t small[3];
	struct hc_fold f = { small, NULL, NULL, sizeof small, 0, true };

	(void)state;
	assert_int_equal(hc_fold_text((const uint8_t *)"abcd", 4, &f), 1);
	assert_int_equal(f.len, 3);
	f.len = 0;
	assert_int_equal(hc_fold_text((const uint8_t *)"ab\xc3\xa9", 4, &f), 1);
	assert_int_equal(f.len, 2);             /* é does not fit whole */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_sharp_s),
		cmocka_unit_test(test_nfd),
		cmocka_unit_test(test_hangul_kept),
		cmocka_unit_test(test_odd),
		cmocka_unit_test(test_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
