/* test_constname.c - a code from a library constant's spelling (src/constname.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "constname.h"
#include "doc.h"
#include "options.h"
#include "search.h"

static int lang_bit(const char *id)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(hc_str(l[i].id), id))
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
			const struct hc_constant *c = hc_entry_constants(&e[i]) + k;
			struct hc_constname m[4];
			size_t n;

			if (!c->name)
				continue;
			rows++;
			n = hc_constname_find(hc_str(c->spelled), strlen(hc_str(c->spelled)), m, 4);
			if (n != 1 || m[0].code != e[i].code || !(m[0].langs & (unsigned)lang_bit(hc_str(c->lang))))
				fail_msg("%s (%s) gives %zu, %d", hc_str(c->spelled), hc_str(c->lang), n, n ? m[0].code : 0);
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
		assert_true(strcmp(hc_str(r[i - 1].name), hc_str(r[i].name)) < 0 ||
		            (!strcmp(hc_str(r[i - 1].name), hc_str(r[i].name)) && r[i - 1].code <= r[i].code));
	for (size_t i = 0; i < n; i++)
		assert_string_equal(hc_str(r[i].name), hc_str(hc_catalog_constant(r[i].row)->name));
	for (size_t i = 0; i < hc_catalog_count(); i++)
		for (size_t k = 0; k < e[i].n_constants; k++)
			rows += hc_entry_constants(&e[i])[k].name != 0;
	assert_int_equal(rows, n);
}

static void test_lang_names(void **state)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	(void)state;
	for (size_t i = 0; i < n; i++)
		assert_int_equal(hc_code_lang_find(hc_str(l[i].id), strlen(hc_str(l[i].id))), (int)i);
	assert_string_equal(hc_str(l[hc_code_lang_find("PHP", 3)].id), "symfony");
	assert_string_equal(hc_str(l[hc_code_lang_find("ruby", 4)].id), "rack");
	assert_string_equal(hc_str(l[hc_code_lang_find("Kotlin", 6)].id), "ktor");
	assert_string_equal(hc_str(l[hc_code_lang_find("c#", 2)].id), "csharp");
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

static const struct hc_entry *entry(int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);

	assert_true(n > 0);
	return &hc_catalog_entries()[first];
}

/* The items of role r in d, as "label|text" joined by newlines. */
static void items_of(const struct hc_doc *d, enum hc_doc_role r, char *out, size_t cap)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < d->n && o < cap; i++)
		if (d->items[i].role == r)
			o += (size_t)snprintf(out + o, cap - o, "%s|%.*s\n",
			                      d->items[i].label ? d->items[i].label : "",
			                      (int)d->items[i].len, hc_doc_text(d, &d->items[i]));
}

/* In code and Example in the document: order, --code-lang, --code-lang-only. */
static void test_doc_sections(void **state)
{
	struct hc_doc d = { 0 };
	struct hc_code_pref pref = { { 0 }, 0, false };
	struct hc_doc_opts opts = { &pref, false };
	char buf[4096];
	int go = hc_code_lang_find("go", 2), rack = hc_code_lang_find("rack", 4);

	(void)state;
	assert_true(hc_doc_entry_with(&d, entry(429), HC_LANG_EN, NULL, &opts));
	items_of(&d, HC_DOC_CODE, buf, sizeof buf);
	assert_true(strncmp(buf, "Python|HTTPStatus.TOO_MANY_REQUESTS\nGo|http.StatusTooManyRequests\n",
	                    62) == 0);
	items_of(&d, HC_DOC_PRE, buf, sizeof buf);
	assert_string_equal(buf, "");           /* example: false */

	pref.order[0] = (unsigned char)go;
	pref.order[1] = (unsigned char)rack;
	pref.n = 2;
	pref.only = true;
	opts.example = true;
	assert_true(hc_doc_entry_with(&d, entry(429), HC_LANG_KO, NULL, &opts));
	items_of(&d, HC_DOC_CODE, buf, sizeof buf);
	assert_string_equal(buf, "Go|http.StatusTooManyRequests\nRails|:too_many_requests\n");
	items_of(&d, HC_DOC_PRE, buf, sizeof buf);
	assert_true(strncmp(buf, "|GET /api/search?q=seoul HTTP/1.1\n|Host: api.example.com\n", 56) == 0);
	for (size_t i = 0; i < d.n; i++)
		if (d.items[i].role == HC_DOC_HEADING && !strcmp(d.items[i].label, "예시"))
			assert_int_equal(d.items[i + 1].role, HC_DOC_PRE);

	/* Old names follow the main one, marked as the same language's. */
	pref.order[0] = (unsigned char)hc_code_lang_find("spring", 6);
	pref.n = 1;
	assert_true(hc_doc_entry_with(&d, entry(413), HC_LANG_EN, NULL, &opts));
	items_of(&d, HC_DOC_CODE, buf, sizeof buf);
	assert_string_equal(buf, "Spring|HttpStatus.CONTENT_TOO_LARGE (since 7.0)\n"
	                         "Spring|HttpStatus.PAYLOAD_TOO_LARGE (older name from before RFC 9110; "
	                         "deprecated since 7.0)\n");
	/* A vendor entry has neither section. */
	assert_true(hc_doc_entry(&d, entry(499), HC_LANG_EN, NULL));
	items_of(&d, HC_DOC_CODE, buf, sizeof buf);
	assert_string_equal(buf, "");
	hc_doc_free(&d);
}

static void test_options(void **state)
{
	struct hc_options o;
	char err[256];
	static char p[] = "httpcodes", cl[] = "--code-lang=ruby,go", only[] = "--code-lang-only",
		code[] = "404", cl2[] = "--code-lang", cobol[] = "cobol";
	char *a1[] = { p, cl, only, code, NULL };
	char *a2[] = { p, cl2, cobol, NULL };
	char *a3[] = { p, only, code, NULL };

	(void)state;
	assert_true(hc_options_parse(4, a1, NULL, false, &o, err, sizeof err));
	assert_int_equal(o.code.n, 2);
	assert_int_equal(o.code.order[0], hc_code_lang_find("rack", 4));
	assert_int_equal(o.code.order[1], hc_code_lang_find("go", 2));
	assert_true(o.code.only);
	/* --code-lang wins over the environment. */
	assert_true(hc_options_code_env(&o, "swift", err, sizeof err));
	assert_int_equal(o.code.order[0], hc_code_lang_find("rack", 4));
	hc_options_free(&o);
	assert_false(hc_options_parse(3, a2, NULL, false, &o, err, sizeof err));
	assert_non_null(strstr(err, "cobol"));
	assert_true(hc_options_parse(3, a3, NULL, false, &o, err, sizeof err));
	assert_false(hc_options_code_env(&o, NULL, err, sizeof err));
	assert_true(hc_options_code_env(&o, "kotlin", err, sizeof err));
	assert_int_equal(o.code.n, 1);
	assert_int_equal(o.code.order[0], hc_code_lang_find("ktor", 4));
	assert_false(hc_options_code_env(&o, "ktor,", err, sizeof err) && o.code.n == 0);
	hc_options_free(&o);
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
		cmocka_unit_test(test_doc_sections),
		cmocka_unit_test(test_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
