/* test_constants.c - the constants and examples of issue 12 as the C table carries them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"

static const char *const lang_ids[] = {
	"python", "go", "rust", "spring", "jakarta", "csharp", "node", "symfony", "rack", "ktor", "swift",
};
#define N_LANGS (sizeof lang_ids / sizeof lang_ids[0])

static const struct hc_entry *registered(int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);

	for (size_t i = 0; i < n; i++)
		if (!hc_catalog_entries()[first + i].vendor)
			return &hc_catalog_entries()[first + i];
	return NULL;
}

/* The spelled form of `lang`'s main constant for `code`, or NULL. */
static const char *spelled(int code, const char *lang)
{
	const struct hc_entry *e = registered(code);

	for (size_t i = 0; e && i < e->n_constants; i++)
		if (!strcmp(hc_str(hc_entry_constants(e)[i].lang), lang))
			return hc_str(hc_entry_constants(e)[i].spelled);
	return NULL;
}

static void test_langs(void **state)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	(void)state;
	assert_int_equal(n, N_LANGS);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(hc_str(l[i].id), lang_ids[i]);
		assert_non_null(hc_str(l[i].label));
		assert_non_null(hc_str(l[i].version));
		assert_non_null(hc_str(l[i].source));
	}
}

/* Every registered entry has each language, in order; vendor entries have none. */
static void test_rows(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();

	(void)state;
	for (size_t i = 0; i < hc_catalog_count(); i++) {
		if (e[i].vendor) {
			assert_int_equal(e[i].n_constants, 0);
			assert_int_equal(e[i].example, 0);
			continue;
		}
		size_t k = 0;
		for (size_t j = 0; j < e[i].n_constants; j++) {
			const struct hc_constant *c = hc_entry_constants(&e[i]) + j;

			while (k < N_LANGS && strcmp(hc_str(c->lang), lang_ids[k]))
				k++;
			assert_true(k < N_LANGS);    /* in language order */
			assert_true((c->name == 0) == (c->spelled == 0));
			assert_true((hc_str(c->note_en) == 0) == (hc_str(c->note_ko) == 0));
		}
		assert_true(e[i].n_constants >= N_LANGS);
	}
}

/* The spellings of the issue, by hand from the libraries' sources. */
static void test_spellings(void **state)
{
	(void)state;
	assert_string_equal(spelled(429, "go"), "http.StatusTooManyRequests");
	assert_string_equal(spelled(429, "python"), "HTTPStatus.TOO_MANY_REQUESTS");
	assert_string_equal(spelled(422, "rack"), ":unprocessable_content");
	assert_string_equal(spelled(404, "csharp"), "HttpStatusCode.NotFound");
	assert_string_equal(spelled(404, "jakarta"), "HttpServletResponse.SC_NOT_FOUND");
	assert_string_equal(spelled(200, "go"), "http.StatusOK");
	assert_string_equal(spelled(404, "rust"), "StatusCode::NOT_FOUND");
	assert_string_equal(spelled(404, "symfony"), "Response::HTTP_NOT_FOUND");
	assert_string_equal(spelled(404, "swift"), ".notFound");
	assert_null(spelled(425, "csharp"));     /* .NET has no 425 */
	assert_null(spelled(104, "go"));
}

/* An old name carries its note in both languages; 422's deprecated Rack symbol is still listed. */
static void test_notes(void **state)
{
	const struct hc_entry *e = registered(422);
	bool seen = false;

	(void)state;
	assert_non_null(e);
	for (size_t i = 0; i < e->n_constants; i++)
		if (!strcmp(hc_str(hc_entry_constants(e)[i].lang), "rack") && hc_entry_constants(e)[i].name
		    && !strcmp(hc_str(hc_entry_constants(e)[i].name), "unprocessable_entity")) {
			seen = true;
			assert_non_null(strstr(hc_str(hc_entry_constants(e)[i].note_en), "older name"));
			assert_non_null(strstr(hc_str(hc_entry_constants(e)[i].note_en), "deprecated since 3.1"));
			assert_non_null(hc_str(hc_entry_constants(e)[i].note_ko));
		}
	assert_true(seen);
}

static void test_examples(void **state)
{
	(void)state;
	assert_non_null(strstr(hc_str(registered(401)->example), "\nWWW-Authenticate: "));
	assert_non_null(strstr(hc_str(registered(206)->example), "\nContent-Range: bytes "));
	assert_non_null(strstr(hc_str(registered(103)->example), "HTTP/1.1 103 Early Hints\nLink: "));
	assert_null(hc_str(registered(306)->example));
	assert_null(hc_str(registered(418)->example));
	assert_null(strchr(hc_str(registered(404)->example), '\r'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_langs),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_examples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
