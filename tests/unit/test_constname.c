/* test_constname.c - a code from a library constant's spelling (src/constname.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "constname.h"
#include "search.h"

static int lang_bit(const char *id)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(l[i].id, id))
			return 1 << i;
	fail_msg("no language %s", id);
	return 0;
}

static const struct {
	const char *q;
	int code;
	const char *langs[6];   /* exactly these languages */
} spellings[] = {
	/* The issue's list, in its order. */
	{ "StatusTooManyRequests", 429, { "go" } },
	{ "http.StatusTooManyRequests", 429, { "go" } },
	{ "TOO_MANY_REQUESTS", 429, { "python", "rust", "spring", "node" } },
	{ "HttpStatus.TOO_MANY_REQUESTS", 429, { "spring" } },
	{ ":unprocessable_entity", 422, { "rack" } },
	{ "unprocessable_entity", 422, { "rack" } },
	{ "HttpStatusCode.NotFound", 404, { "csharp", "ktor" } },
	{ "SC_NOT_FOUND", 404, { "jakarta" } },
	{ "HttpServletResponse.SC_NOT_FOUND", 404, { "jakarta" } },
	{ "http.StatusOK", 200, { "go" } },
	{ "StatusCodes.NOT_FOUND", 404, { "node" } },
	{ "Response::HTTP_NOT_FOUND", 404, { "symfony" } },
	{ "HTTP_NOT_FOUND", 404, { "symfony" } },
	{ "HTTPStatus.NOT_FOUND", 404, { "python" } },
	{ "StatusCode::NOT_FOUND", 404, { "rust" } },
	{ ".notFound", 404, { "swift" } },
	{ "HTTPResponseStatus.notFound", 404, { "swift" } },
	{ "REQUEST_ENTITY_TOO_LARGE", 413, { "python" } },
	{ "PAYLOAD_TOO_LARGE", 413, { "rust", "spring" } },
	{ "SC_MOVED_TEMPORARILY", 302, { "jakarta" } },
	/* More of what people paste. */
	{ "status: :unprocessable_entity", 422, { "rack" } },
	{ "  HttpStatus.NOT_FOUND; ", 404, { "spring" } },
	{ "http.HTTPStatus.NOT_FOUND", 404, { "python" } },
	{ "http.client.NOT_FOUND", 404, { "python" } },
	{ "http::StatusCode::NOT_FOUND", 404, { "rust" } },
	{ "org.springframework.http.HttpStatus.I_AM_A_TEAPOT", 418, { "spring" } },
	{ "jakarta.servlet.http.HttpServletResponse.SC_GONE", 410, { "jakarta" } },
	{ "System.Net.HttpStatusCode.Gone", 410, { "csharp" } },
	{ "Symfony\\Component\\HttpFoundation\\Response::HTTP_GONE", 410, { "symfony" } },
	{ "io.ktor.http.HttpStatusCode.Gone", 410, { "ktor" } },
	{ "OK", 200, { "python", "rust", "spring", "csharp", "node", "ktor" } },
	{ "notFound", 404, { "swift" } },
	{ "MOVED_TEMPORARILY", 302, { "node" } },
	{ "HttpStatusCode.Redirect", 302, { "csharp" } },
};

static void test_spellings(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		struct hc_constname m[4];
		size_t n = hc_constname_find(spellings[i].q, strlen(spellings[i].q), m, 4);
		unsigned want = 0;

		for (size_t k = 0; k < 6 && spellings[i].langs[k]; k++)
			want |= (unsigned)lang_bit(spellings[i].langs[k]);
		if (n != 1 || m[0].code != spellings[i].code || m[0].langs != want)
			fail_msg("%s: %zu matches, code %d langs %#x (want %d, %#x)", spellings[i].q, n,
			         n ? m[0].code : 0, n ? m[0].langs : 0, spellings[i].code, want);
		assert_int_equal(hc_constname_code(spellings[i].q, strlen(spellings[i].q)),
		                 spellings[i].code);
	}
}

/* OK is C#'s and Ktor's too: the lang set above is checked against the data. */

static void test_near_misses(void **state)
{
	static const char *const miss[] = {
		"StatusTooManyRequest", "statusTooManyRequests", "STATUSTOOMANYREQUESTS",
		"http.TOO_MANY_REQUESTS", "HttpStatus.NotFound", "HttpStatus.not_found",
		"http.NotFound", "StatusCodes::NOT_FOUND", "Response.HTTP_NOT_FOUND",
		":NotFound", ".not_found", ":not found", "NOT FOUND", "not_found_",
		"SC_NOTFOUND", "HTTP_NOT_FOUNDS", "TOO_MANY_REQUEST", "Not_Found",
		"found", "Found", "gone", "continue", "HttpStatusCode.", ".", ":", "::",
		"", "   ", "404", "4xx", "StatusOK()", "http.StatusOK.", "HttpStatus..OK",
		"x.HttpStatus.NOT_FOUND", "status: :", "status: NOT_FOUND", "status: :NotFound",
		"HttpStatus.NOT_FOUND;;", "swift.notFound", "Status\xc3\xa9OK",
		"HttpStatusCode.SwitchingProtocol",
	};

	(void)state;
	for (size_t i = 0; i < sizeof miss / sizeof miss[0]; i++) {
		struct hc_constname m[4];
		size_t n = hc_constname_find(miss[i], strlen(miss[i]), m, 4);

		if (n)
			fail_msg("'%s' matched %d", miss[i], m[0].code);
	}
	assert_int_equal(hc_constname_find(NULL, 0, NULL, 0), 0);
}

/* Every row's spelled form and bare name resolve to their entry's code. */
static void test_every_row(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();
	size_t rows = 0;

	(void)state;
	for (size_t i = 0; i < hc_catalog_count(); i++) {
		for (size_t k = 0; k < e[i].n_constants; k++) {
			const struct hc_constant *c = &e[i].constants[k];
			struct hc_constname m[4];
			size_t n;

			if (!c->name)
				continue;
			rows++;
			n = hc_constname_find(c->spelled, strlen(c->spelled), m, 4);
			if (n != 1 || m[0].code != e[i].code || !(m[0].langs & (unsigned)lang_bit(c->lang)))
				fail_msg("%s (%s) gives %zu, %d", c->spelled, c->lang, n, n ? m[0].code : 0);
		}
	}
	assert_true(rows > 600);
}

/* The sorted index is sorted, and complete. */
static void test_index(void **state)
{
	size_t n, rows = 0;
	const struct hc_constant_ref *r = hc_catalog_constant_names(&n);
	const struct hc_entry *e = hc_catalog_entries();

	(void)state;
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(r[i - 1].name, r[i].name) < 0 ||
		            (!strcmp(r[i - 1].name, r[i].name) && r[i - 1].code <= r[i].code));
	for (size_t i = 0; i < n; i++)
		assert_string_equal(r[i].name, r[i].c->name);
	for (size_t i = 0; i < hc_catalog_count(); i++)
		for (size_t k = 0; k < e[i].n_constants; k++)
			rows += e[i].constants[k].name != NULL;
	assert_int_equal(rows, n);
}

static void test_lang_names(void **state)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	(void)state;
	for (size_t i = 0; i < n; i++)
		assert_int_equal(hc_code_lang_find(l[i].id, strlen(l[i].id)), (int)i);
	assert_string_equal(l[hc_code_lang_find("PHP", 3)].id, "symfony");
	assert_string_equal(l[hc_code_lang_find("ruby", 4)].id, "rack");
	assert_string_equal(l[hc_code_lang_find("Kotlin", 6)].id, "ktor");
	assert_string_equal(l[hc_code_lang_find("c#", 2)].id, "csharp");
	assert_int_equal(hc_code_lang_find("java", 4), -1);
	assert_int_equal(hc_code_lang_find("go", 1), -1);
	assert_int_equal(hc_code_lang_find("", 0), -1);
	assert_int_equal(hc_code_lang_find(NULL, 0), -1);
}

/* The search engine ranks the constant's code first (the browser's box). */
static void test_search_first(void **state)
{
	struct hc_index *ix = hc_index_new(hc_catalog_entries(), hc_catalog_count());
	struct hc_results r = { 0 };

	(void)state;
	assert_non_null(ix);
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		const char *q = spellings[i].q;

		assert_int_equal(hc_search(ix, q, strlen(q), &r), HC_SEARCH_OK);
		if (r.n == 0 || hc_catalog_entries()[r.hits[0].entry].code != spellings[i].code)
			fail_msg("search '%s': first is %d", q,
			         r.n ? hc_catalog_entries()[r.hits[0].entry].code : 0);
	}
	hc_results_free(&r);
	hc_index_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_near_misses),
		cmocka_unit_test(test_every_row),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_lang_names),
		cmocka_unit_test(test_search_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
