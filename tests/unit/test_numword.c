/*
 * test_numword.c - codes said in words (numword.h): what is rewritten to
 * digits, and the words that must stay as they are.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "numword.h"

static void rewrites_to(const char *in, const char *want)
{
	uint8_t out[256];
	size_t n = strlen(in), k;

	assert_true(n < sizeof out);
	k = hc_numword_rewrite((const uint8_t *)in, n, out);
	assert_true(k <= n);
	out[k] = 0;
	assert_string_equal((const char *)out, want);
}

static void test_korean(void **state)
{
	(void)state;
	rewrites_to("사백사", "404");
	rewrites_to("사백사 에러", "404 에러");
	rewrites_to("오백삼이 떠요", "503이 떠요");
	rewrites_to("사백사에러", "404에러");
	rewrites_to("오백", "500");
	rewrites_to("사백십팔", "418");
	rewrites_to("사백이십구", "429");
	rewrites_to("사백일", "401");
	rewrites_to("사공사", "404");
	rewrites_to("오공삼 에러", "503 에러");
	rewrites_to("이공공", "200");
	rewrites_to("서버 오백이 에러", "서버 502 에러");
	rewrites_to("일영일", "101");
	/* three digits without a zero, as a word of their own */
	rewrites_to("사이구", "429");
	rewrites_to("사이구 에러", "429 에러");
	rewrites_to("오이이 클플", "522 클플");
	rewrites_to("사이오", "425");
}

static void test_korean_words_stay(void **state)
{
	(void)state;
	rewrites_to("이사 업체", "이사 업체");          /* 이사: moving house */
	rewrites_to("사이 오류", "사이 오류");
	rewrites_to("백엔드", "백엔드");                /* 백 alone is a word */
	rewrites_to("육백", "육백");                    /* 600: no such class */
	rewrites_to("구백구십", "구백구십");
	/* digits without a zero: not inside a longer token, not a count
	 * or a span of days */
	rewrites_to("사이구에러", "사이구에러");
	rewrites_to("사이에", "사이에");
	rewrites_to("일이삼", "일이삼");
	rewrites_to("사오일 걸림", "사오일 걸림");
	rewrites_to("이삼일", "이삼일");
	rewrites_to("요청사백사", "요청사백사");        /* not at a word start */
	rewrites_to("사공", "사공");
	/* shorter than three syllables: nothing read past the end (the fuzzer
	 * found "사1" reading past it) */
	rewrites_to("사1", "사1");
	rewrites_to("사", "사");
	rewrites_to("오공1", "오공1");
	rewrites_to("사\xec", "사\xec");           /* a cut syllable */
}

static void test_english(void **state)
{
	(void)state;
	rewrites_to("four oh four", "404");
	rewrites_to("Four Oh Four error", "404 error");
	rewrites_to("four-oh-four", "404");
	rewrites_to("four o four?", "404?");
	rewrites_to("five zero three", "503");
	rewrites_to("five hundred error", "500 error");
	rewrites_to("five hundred and four", "504");
	rewrites_to("four hundred four", "404");
	rewrites_to("two hundred and one", "201");
	rewrites_to("four twenty nine", "429");
	rewrites_to("four eighteen teapot", "418 teapot");
	rewrites_to("got a five oh two from nginx", "got a 502 from nginx");
	/* three digits one by one (was left as words) */
	rewrites_to("four one three upload error", "413 upload error");
	rewrites_to("four two nine", "429");
	rewrites_to("five zero zero", "500");
}

static void test_english_words_stay(void **state)
{
	(void)state;
	rewrites_to("four", "four");
	rewrites_to("one two three", "one two three");
	rewrites_to("six hundred", "six hundred");      /* 600 */
	rewrites_to("fourty", "fourty");
	rewrites_to("for oh four", "for oh four");
	rewrites_to("four oh", "four oh");
	rewrites_to("hundred", "hundred");
	rewrites_to("four2 oh four", "four2 oh four");  /* glued to a digit */
	rewrites_to("five hundred and", "500 and");
	rewrites_to("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_korean_words_stay),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_english_words_stay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
