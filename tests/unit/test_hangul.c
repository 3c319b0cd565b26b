/*
 * test_hangul.c - Hangul classes and syllable-array matching (hangul.h),
 * on small made-up arrays. Syllable offsets are computed by hand:
 * (code point - U+AC00); 초성 index = offset / 588.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hangul.h"

#define S(cp) ((uint16_t)((cp) - 0xAC00))
#define I(i) ((uint16_t)(HC_JAMO_INITIAL | (i)))

static void test_classes(void **state)
{
	(void)state;
	assert_true(hc_is_syllable(0xAC00) && hc_is_syllable(0xD7A3));
	assert_false(hc_is_syllable(0xD7A4));
	assert_true(hc_is_hangul(0x3147));      /* ㅇ */
	assert_true(hc_is_hangul(0x110B));      /* conjoining ᄋ */
	assert_false(hc_is_hangul('a'));
	assert_int_equal(hc_initial_of_jamo(0x3131), 0);        /* ㄱ */
	assert_int_equal(hc_initial_of_jamo(0x3147), 11);       /* ㅇ */
	assert_int_equal(hc_initial_of_jamo(0x314E), 18);       /* ㅎ */
	assert_int_equal(hc_initial_of_jamo(0x3133), -1);       /* ㄳ: final only */
	assert_int_equal(hc_initial_of_jamo(0x1112), 18);       /* conjoining ᄒ */
	assert_true(hc_has_hangul((const uint8_t *)"URL을", 6));
	assert_false(hc_has_hangul((const uint8_t *)"URL", 3));
}

/* 요청 = U+C694 U+CCAD: ㅇ (11) and ㅊ (14). */
static void test_jamo_fits(void **state)
{
	(void)state;
	assert_true(hc_jamo_fits(I(11), S(0xC694)));
	assert_false(hc_jamo_fits(I(14), S(0xC694)));
	assert_true(hc_jamo_fits(S(0xC694), S(0xC694)));
	assert_false(hc_jamo_fits(I(11), HC_SYL_BREAK));
}

/* "너무 많은 요청" vs "너무 이른 요청": ㅁㅇ is the start of 많은 in the first
 * (whole), and runs across the space 무|이 in the second (not whole). */
static void test_find(void **state)
{
	const uint16_t many[] = { S(0xB108), S(0xBB34), S(0xB9CE), S(0xC740), S(0xC694), S(0xCCAD) };
	const uint8_t many_w[] = { 1, 0, 1, 0, 1, 0 };
	const uint16_t early[] = { S(0xB108), S(0xBB34), S(0xC774), S(0xB978), S(0xC694), S(0xCCAD) };
	const uint8_t early_w[] = { 1, 0, 1, 0, 1, 0 };
	const uint16_t mo[] = { I(6), I(11) };  /* ㅁㅇ */
	size_t at;
	bool whole;

	(void)state;
	assert_true(hc_syl_find(many, many_w, 6, mo, 2, false, &at, &whole));
	assert_int_equal(at, 2);
	assert_true(whole);
	assert_true(hc_syl_find(early, early_w, 6, mo, 2, false, &at, &whole));
	assert_int_equal(at, 1);
	assert_false(whole);
	/* In running text a 초성 run must start and stay in one word. */
	assert_false(hc_syl_find(early, early_w, 6, mo, 2, true, &at, &whole));
	assert_true(hc_syl_find(many, many_w, 6, mo, 2, true, &at, &whole));
}

/* 리다이렉트 vs 리다이랙트: 렉 (U+B809) and 랙 (U+B799) share ㄹ. */
static void test_typo(void **state)
{
	const uint16_t text[] = { S(0xB9AC), S(0xB2E4), S(0xC774), S(0xB809), S(0xD2B8) };
	const uint16_t typo[] = { S(0xB9AC), S(0xB2E4), S(0xC774), S(0xB799), S(0xD2B8) };
	const uint16_t far[] = { S(0xB9AC), S(0xB2E4), S(0xC774), S(0xAC00), S(0xD2B8) }; /* 가: ㄱ */
	size_t at;

	(void)state;
	assert_true(hc_syl_typo(text, 5, typo, 5, &at));
	assert_int_equal(at, 0);
	assert_false(hc_syl_typo(text, 5, text, 5, &at));     /* exact is no typo */
	assert_false(hc_syl_typo(text, 5, far, 5, &at));
	/* across a space (찾을 수 없음, typed 찾을수업음: 업 for 없, both ㅇ) but
	 * not across a break */
	{
		const uint16_t name[] = { S(0xCC3E), S(0xC744), S(0xC218), S(0xC5C6), S(0xC74C) };
		const uint16_t typed[] = { S(0xCC3E), S(0xC744), S(0xC218), S(0xC5C5), S(0xC74C) };
		uint16_t broken[5];

		assert_true(hc_syl_typo(name, 5, typed, 5, &at));
		assert_int_equal(at, 0);
		memcpy(broken, name, sizeof broken);
		broken[2] = HC_SYL_BREAK;
		assert_false(hc_syl_typo(broken, 5, typed, 5, &at));
	}
	/* two syllables: the final consonant only (만은 for 많은: ㄴ, ㄶ), or
	 * the vowel only (총돌 for 충돌: ㅗ, ㅜ); not the vowel and the final
	 * (촌돌), nor the initial (중돌) */
	{
		const uint16_t many[] = { S(0xB9CE), S(0xC740) }, man[] = { S(0xB9CC), S(0xC740) };
		const uint16_t clash[] = { S(0xCDA9), S(0xB3CC) }, chong[] = { S(0xCD1D), S(0xB3CC) };
		const uint16_t chon[] = { S(0xCD0C), S(0xB3CC) }, jung[] = { S(0xC911), S(0xB3CC) };

		assert_true(hc_syl_typo(many, 2, man, 2, &at));
		assert_true(hc_syl_typo(clash, 2, chong, 2, &at));
		assert_false(hc_syl_typo(clash, 2, chon, 2, &at));
		assert_false(hc_syl_typo(clash, 2, jung, 2, &at));
	}
}

/* A string's syllable array: "요청 A-시간\u3000초과" (decoded while a 초성
 * search runs; the index stores none). The space and the ideographic space
 * vanish but start a word; "A-" is one break. */
static void test_syllables(void **state)
{
	const char *s = "\xec\x9a\x94\xec\xb2\xad A-\xec\x8b\x9c\xea\xb0\x84"
	                "\xe3\x80\x80\xec\xb4\x88\xea\xb3\xbc";
	uint16_t syl[32], at[32];
	uint8_t word[32];
	size_t n;

	(void)state;
	n = hc_syllables((const uint8_t *)s, strlen(s), syl, at, word);
	assert_int_equal(n, 7);
	assert_int_equal(syl[0], S(0xC694));    /* 요 */
	assert_int_equal(syl[1], S(0xCCAD));    /* 청 */
	assert_int_equal(syl[2], HC_SYL_BREAK); /* "A-", one break */
	assert_int_equal(syl[3], S(0xC2DC));    /* 시 */
	assert_int_equal(syl[5], S(0xCD08));    /* 초 */
	assert_int_equal(at[0], 0);
	assert_int_equal(at[2], 7);             /* at the A */
	assert_int_equal(at[3], 9);
	assert_int_equal(at[5], 18);            /* after the 3-byte U+3000 */
	assert_int_equal(word[0], 1);
	assert_int_equal(word[1], 0);
	assert_int_equal(word[3], 1);
	assert_int_equal(word[4], 0);
	assert_int_equal(word[5], 1);
	assert_int_equal(word[6], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_jamo_fits),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_typo),
		cmocka_unit_test(test_syllables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
