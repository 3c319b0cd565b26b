/* test_doc.c - the entry document: order, labels, languages, (field, item) mapping.
 * On a made-up entry, so that every expectation is read off this file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "../made.h"

static const char *const al_en[] = { "Gone Fishing", "Elsewhere" };
static const char *const al_ko[] = { "낚시 중" };
static const char *const hdrs[] = { "Retry-After" };
static const struct hc_see_also see[] = {
	{ 410, "Gone is for good.", "Gone은 영구적입니다." },
};

static struct hc_entry entry;

static void make_entry(void)
{
	entry = (struct hc_entry){
		.code = 477,
		.status = HC_STATUS_UNOFFICIAL,
		.cacheable = false,
		.vendor = S("Acme"),
		.reference = S("Acme manual §3"),
		.phrase_en = S("Out Fishing"),
		.name_ko = S("낚시 나감"),
		.aliases_en = hc_strs_make(al_en, 2),
		.aliases_ko = hc_strs_make(al_ko, 1),
		.headers = hc_strs_make(hdrs, 1),
		.see_also = hc_see_also_make(see, 1),
		.summary_en = S("The server went fishing"),
		.summary_ko = S("서버가 낚시를 갔음"),
		.desc_en = S("First paragraph.\nSecond paragraph with a trout."),
		.desc_ko = S("첫 문단."),
		.note_en = S("Wait."),
		.note_ko = S("기다리십시오."),
	};
}

/* The document as "role|label|text" lines, for comparing whole layouts. */
static char *dump(const struct hc_doc *d)
{
	static const char *const role[] = {
		[HC_DOC_TITLE] = "T", [HC_DOC_SUBTITLE] = "S", [HC_DOC_FACT] = "F",
		[HC_DOC_HEADING] = "H", [HC_DOC_PARA] = "P", [HC_DOC_SEE] = "E",
		[HC_DOC_CODE] = "C", [HC_DOC_PRE] = "X", [HC_DOC_LINK] = "L",
	};
	_Static_assert(sizeof role / sizeof role[0] == HC_DOC_LINK + 1, "a letter for every role");
	static char out[4096];
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < d->n && o < sizeof out; i++) {
		const struct hc_doc_item *it = &d->items[i];

		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s|%s|%.*s\n", role[it->role],
		                      it->gap ? "+" : "", it->label ? it->label : "", (int)it->len,
		                      hc_doc_text(d, it));
	}
	return out;
}

static void test_entry_en(void **state)
{
	struct hc_doc d = { 0 };

	(void)state;
	assert_true(hc_doc_entry(&d, &entry, HC_LANG_EN, NULL));
	assert_string_equal(dump(&d),
		"T||477 Out Fishing [Acme]\n"
		"F|Status|unofficial\n"
		"F|Reference|Acme manual §3\n"
		"F|Headers|Retry-After\n"
		"F|Cacheable|no\n"
		"F|Also known as|Gone Fishing; Elsewhere\n"
		"H|Summary|\n"
		"P||The server went fishing\n"
		"H|Description|\n"
		"P||First paragraph.\n"
		"P+||Second paragraph with a trout.\n"
		"H|In practice|\n"
		"P||Wait.\n"
		"H|See also|\n"
		"E||Gone is for good.\n");
	assert_int_equal(d.items[d.n - 1].code, 410);
	hc_doc_free(&d);
}

static void test_entry_ko(void **state)
{
	struct hc_doc d = { 0 };

	(void)state;
	assert_true(hc_doc_entry(&d, &entry, HC_LANG_KO, NULL));
	assert_string_equal(dump(&d),
		"T||477 Out Fishing [Acme]\n"
		"S||낚시 나감\n"
		"F|상태|비공식\n"
		"F|근거|Acme manual §3\n"
		"F|관련 헤더|Retry-After\n"
		"F|캐시|불가\n"
		"F|다른 이름|낚시 중; Gone Fishing; Elsewhere\n"
		"H|요약|\n"
		"P||서버가 낚시를 갔음\n"
		"H|설명|\n"
		"P||첫 문단.\n"
		"H|실무 참고|\n"
		"P||기다리십시오.\n"
		"H|함께 볼 코드|\n"
		"E||Gone은 영구적입니다.\n");
	hc_doc_free(&d);
}

static void test_entry_both(void **state)
{
	struct hc_doc d = { 0 };
	struct hc_hit hit = { .rank = HC_RANK_TEXT };

	(void)state;
	assert_true(hc_doc_entry(&d, &entry, HC_LANG_BOTH, &hit));
	/* English labels; both aliases in one fact; a summary's two languages
	 * without a blank line, a description's with one; see-also twice, the
	 * second marked as the same code's other language. */
	assert_string_equal(dump(&d),
		"T||477 Out Fishing [Acme]\n"
		"S||낚시 나감\n"
		"F|Status|unofficial\n"
		"F|Reference|Acme manual §3\n"
		"F|Headers|Retry-After\n"
		"F|Cacheable|no\n"
		"F|Also known as|Gone Fishing; Elsewhere; 낚시 중\n"
		"F|Matched|words in the summary, description or note\n"
		"H|Summary|\n"
		"P||The server went fishing\n"
		"P||서버가 낚시를 갔음\n"
		"H|Description|\n"
		"P||First paragraph.\n"
		"P+||Second paragraph with a trout.\n"
		"P+||첫 문단.\n"
		"H|In practice|\n"
		"P||Wait.\n"
		"P+||기다리십시오.\n"
		"H|See also|\n"
		"E||Gone is for good.\n"
		"E||Gone은 영구적입니다.\n");
	assert_false(d.items[d.n - 2].cont);
	assert_true(d.items[d.n - 1].cont);
	hc_doc_free(&d);
}

/* A span given as (field, item, start, len) of the entry lands on the same
 * bytes in the item that shows it. */
static void expect_find(const struct hc_doc *d, enum hc_field f, unsigned item, size_t start,
                        size_t len, const char *want)
{
	size_t idx = 99, st = 0, en = 0;

	assert_true(hc_doc_find(d, f, item, start, len, &idx, &st, &en));
	assert_true(idx < d->n);
	assert_true(en <= d->items[idx].len && st < en);
	assert_int_equal(en - st, strlen(want));
	assert_memory_equal(hc_doc_text(d, &d->items[idx]) + st, want, en - st);
}

static void test_find(void **state)
{
	struct hc_doc d = { 0 };
	size_t idx, st, en;

	(void)state;
	hc_doc_entry(&d, &entry, HC_LANG_BOTH, NULL);
	expect_find(&d, HC_FIELD_CODE, 0, 0, 2, "47");
	expect_find(&d, HC_FIELD_PHRASE_EN, 0, 4, 7, "Fishing");
	expect_find(&d, HC_FIELD_VENDOR, 0, 0, 4, "Acme");
	expect_find(&d, HC_FIELD_NAME_KO, 0, 0, 6, "낚시");
	expect_find(&d, HC_FIELD_ALIAS_EN, 1, 0, 9, "Elsewhere");
	expect_find(&d, HC_FIELD_ALIAS_KO, 0, 7, 3, "중");
	expect_find(&d, HC_FIELD_HEADER, 0, 0, 5, "Retry");
	/* "trout" lies in the second paragraph of desc_en: the item of that
	 * paragraph, at its offset there. */
	expect_find(&d, HC_FIELD_DESC_EN, 0, strlen("First paragraph.\nSecond paragraph with a "),
	            5, "trout");
	assert_true(hc_doc_find(&d, HC_FIELD_DESC_EN, 0, 17, 6, &idx, &st, &en));
	assert_int_equal(st, 0);
	expect_find(&d, HC_FIELD_NOTE_KO, 0, 0, 6, "기다");
	/* Nothing for an empty span, an item the entry has not, or a field the
	 * document does not show (keywords). */
	assert_false(hc_doc_find(&d, HC_FIELD_PHRASE_EN, 0, 0, 0, &idx, &st, &en));
	assert_false(hc_doc_find(&d, HC_FIELD_ALIAS_EN, 5, 0, 3, &idx, &st, &en));
	assert_false(hc_doc_find(&d, HC_FIELD_KEYWORD_EN, 0, 0, 3, &idx, &st, &en));
	/* English aliases are shown in Korean too (issue 15: the names Korean
	 * engineers meet in logs). */
	hc_doc_entry(&d, &entry, HC_LANG_KO, NULL);
	expect_find(&d, HC_FIELD_ALIAS_EN, 1, 0, 9, "Elsewhere");
	expect_find(&d, HC_FIELD_ALIAS_KO, 0, 0, 6, "낚시");
	hc_doc_free(&d);
}

static void test_class(void **state)
{
	const struct hc_class c = { 4, S("Client Error"), S("클라이언트 오류"), S("Your fault."),
	                            S("요청 탓."), S("A.\nB."), S("가.") };
	struct hc_doc d = { 0 };

	(void)state;
	assert_true(hc_doc_class(&d, &c, HC_LANG_KO, 12, 3));
	assert_string_equal(dump(&d),
		"T||4xx Client Error\n"
		"S||클라이언트 오류\n"
		"F|코드 수|12개 (등록 9, 비공식 3)\n"
		"H|요약|\n"
		"P||요청 탓.\n"
		"H|설명|\n"
		"P||가.\n");
	assert_true(hc_doc_class(&d, &c, HC_LANG_EN, 12, 3));
	assert_string_equal(dump(&d),
		"T||4xx Client Error\n"
		"F|Codes|12 (9 registered, 3 unofficial)\n"
		"H|Summary|\n"
		"P||Your fault.\n"
		"H|Description|\n"
		"P||A.\n"
		"P+||B.\n");
	assert_int_equal(d.n_segs, 0);
	hc_doc_free(&d);
}

/* Every label exists in both languages, and none is written twice. */
static void test_labels(void **state)
{
	(void)state;
	for (int i = 0; i < HC_LABEL_COUNT; i++) {
		const char *en = hc_doc_label((enum hc_doc_label)i, HC_LANG_EN);
		const char *ko = hc_doc_label((enum hc_doc_label)i, HC_LANG_KO);

		assert_non_null(en);
		assert_non_null(ko);
		assert_true(*en && *ko && strcmp(en, ko) != 0);
		assert_string_equal(hc_doc_label((enum hc_doc_label)i, HC_LANG_BOTH), en);
		for (int j = 0; j < i; j++) {
			assert_string_not_equal(en, hc_doc_label((enum hc_doc_label)j, HC_LANG_EN));
			assert_string_not_equal(ko, hc_doc_label((enum hc_doc_label)j, HC_LANG_KO));
		}
	}
	assert_string_equal(hc_doc_status(HC_STATUS_DEPRECATED, HC_LANG_KO), "사용 중단");
	assert_string_equal(hc_doc_status(HC_STATUS_DEPRECATED, HC_LANG_BOTH), "deprecated");
}

/* Issue 15, "Titles and labels": an entry whose registry name is a
 * placeholder for its status, as 418's "(Unused)" is. */
static const char *const teapot_en[] = { "I'm a teapot", "Teapot" };
static const char *const teapot_ko[] = { "나는 찻주전자" };
static struct hc_entry unused;

static void make_unused(void)
{
	unused = (struct hc_entry){
		.code = 418,
		.status = HC_STATUS_UNUSED,
		.reference = S("RFC 9110 §15.5.19"),
		.phrase_en = S("(Unused)"),
		.name_ko = S("(사용 안 함)"),
		.aliases_en = hc_strs_make(teapot_en, 2),
		.aliases_ko = hc_strs_make(teapot_ko, 1),
		.summary_en = S("Reserved"),
		.summary_ko = S("예약됨"),
	};
}

/* The title, then the facts, of a document (up to the first heading). */
static char *head(const struct hc_doc *d)
{
	char *s = dump(d), *h = strstr(s, "\nH|");

	if (h)
		h[1] = '\0';
	return s;
}

/* The status once, in the language shown; the former name once, in the
 * title; no "(Unused) (unused)". */
static void test_placeholder(void **state)
{
	struct hc_doc d = { 0 };
	size_t idx, st, en;

	(void)state;
	assert_true(hc_doc_entry(&d, &unused, HC_LANG_EN, NULL));
	assert_string_equal(head(&d),
		"T||418 (Unused), formerly I'm a teapot\n"
		"F|Reference|RFC 9110 §15.5.19\n"
		"F|Cacheable|no\n"
		"F|Also known as|Teapot\n");
	assert_true(hc_doc_entry(&d, &unused, HC_LANG_KO, NULL));
	assert_string_equal(head(&d),
		"T||418 (사용 안 함), 옛 이름 I'm a teapot\n"
		"F|근거|RFC 9110 §15.5.19\n"
		"F|캐시|불가\n"
		"F|다른 이름|나는 찻주전자; Teapot\n");
	assert_true(hc_doc_entry(&d, &unused, HC_LANG_BOTH, NULL));
	assert_string_equal(head(&d),
		"T||418 (Unused), formerly I'm a teapot\n"
		"S||(사용 안 함)\n"
		"F|Reference|RFC 9110 §15.5.19\n"
		"F|Cacheable|no\n"
		"F|Also known as|Teapot; 나는 찻주전자\n");
	/* A search that matched the former name finds it in the title. */
	assert_true(hc_doc_find(&d, HC_FIELD_ALIAS_EN, 0, 6, 6, &idx, &st, &en));
	assert_int_equal(idx, 0);
	assert_memory_equal(hc_doc_text(&d, &d.items[0]) + st, "teapot", 6);
	assert_true(hc_doc_is_placeholder(&unused));
	assert_string_equal(hc_doc_former(&unused), "I'm a teapot");
	assert_false(hc_doc_is_placeholder(&entry));
	assert_null(hc_doc_former(&entry));
	hc_doc_free(&d);
}

/* A vendor named once: not after a phrase that names it already. */
static void test_vendor_once(void **state)
{
	struct hc_entry e = entry;
	struct hc_doc d = { 0 };

	(void)state;
	e.phrase_en = S("ACME Security Rejection");
	assert_false(hc_doc_shows_vendor(&e));
	assert_true(hc_doc_shows_vendor(&entry));
	assert_true(hc_doc_entry(&d, &e, HC_LANG_KO, NULL));
	assert_string_equal(head(&d),
		"T||477 ACME Security Rejection\n"
		"S||낚시 나감\n"
		"F|상태|비공식\n"
		"F|근거|Acme manual §3\n"
		"F|관련 헤더|Retry-After\n"
		"F|캐시|불가\n"
		"F|다른 이름|낚시 중; Gone Fishing; Elsewhere\n");
	e.vendor = 0;
	e.status = HC_STATUS_STANDARD;
	assert_false(hc_doc_shows_vendor(&e));
	hc_doc_free(&d);
}

/* 451 is heuristically cacheable by RFC 7725 §3, not by RFC 9110's list. */
static void test_cacheable_451(void **state)
{
	struct hc_entry e = { .code = 451, .status = HC_STATUS_STANDARD, .cacheable = true,
	                      .reference = S("RFC 7725 §3"), .phrase_en = S("Unavailable For Legal Reasons"),
	                      .name_ko = S("법적 사유로 이용 불가") };
	struct hc_doc d = { 0 };

	(void)state;
	hc_doc_entry(&d, &e, HC_LANG_EN, NULL);
	assert_non_null(strstr(dump(&d), "F|Cacheable|yes (heuristically, RFC 7725 §3)\n"));
	assert_null(strstr(dump(&d), "9110"));
	hc_doc_entry(&d, &e, HC_LANG_KO, NULL);
	assert_non_null(strstr(dump(&d), "F|캐시|가능 (휴리스틱, RFC 7725 §3)\n"));
	e.code = 404;
	hc_doc_entry(&d, &e, HC_LANG_EN, NULL);
	assert_non_null(strstr(dump(&d), "F|Cacheable|yes (heuristically, RFC 9110 §15.1)\n"));
	hc_doc_free(&d);
}

/* The Korean status words of the style guide (issue 15). */
static void test_status_ko(void **state)
{
	static const char *const want[] = {
		[HC_STATUS_STANDARD] = "표준", [HC_STATUS_DEPRECATED] = "사용 중단",
		[HC_STATUS_UNUSED] = "사용 안 함", [HC_STATUS_OBSOLETE] = "폐기",
		[HC_STATUS_TEMPORARY] = "임시", [HC_STATUS_UNOFFICIAL] = "비공식",
	};

	(void)state;
	for (size_t s = 0; s < sizeof want / sizeof want[0]; s++) {
		assert_string_equal(hc_doc_status((enum hc_status)s, HC_LANG_KO), want[s]);
		assert_string_equal(hc_doc_status((enum hc_status)s, HC_LANG_EN),
		                    hc_status_name((enum hc_status)s));
	}
}

/* Rebuilding into the same document replaces what it held. */
static void test_reuse(void **state)
{
	struct hc_doc d = { 0 };
	size_t n;

	(void)state;
	hc_doc_entry(&d, &entry, HC_LANG_EN, NULL);
	n = d.n;
	hc_doc_entry(&d, &entry, HC_LANG_EN, NULL);
	assert_int_equal(d.n, n);
	hc_doc_free(&d);
	assert_null(d.items);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry_en),
		cmocka_unit_test(test_entry_ko),
		cmocka_unit_test(test_entry_both),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_class),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_placeholder),
		cmocka_unit_test(test_vendor_once),
		cmocka_unit_test(test_cacheable_451),
		cmocka_unit_test(test_status_ko),
	};

	make_entry();
	make_unused();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
