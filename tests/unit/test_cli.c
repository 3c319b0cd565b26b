/* test_cli.c - the one-shot CLI through its one entry point, hc_cli_run(),
 * writing into memory streams (fmemopen): routing, formats, charsets, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli.h"
#include "text.h"

static char out[1 << 20], err[4096];

struct opts {
	enum hc_mode mode;
	enum hc_lang lang;
	bool json;
	const char *charset;
	int width;
	bool color;
	bool tty;
	const char *input;      /* standard input, for mode AUTO */
	size_t out_cap;         /* 0: the whole buffer */
};

/* Run one query; out and err hold what was written, NUL-terminated. */
static int run(const char *query, struct opts p)
{
	/* HC_MODE_AUTO is 0: a test that gives an input means it. */
	struct hc_options o = { .mode = p.input ? HC_MODE_AUTO : p.mode ? p.mode : HC_MODE_QUERY,
	                        .lang = p.lang,
	                        .json = p.json, .query = (char *)query };
	FILE *fo, *fe, *fi = NULL;
	int rc;

	memset(out, 0, sizeof out);
	memset(err, 0, sizeof err);
	fo = fmemopen(out, p.out_cap ? p.out_cap : sizeof out - 1, "w");
	fe = fmemopen(err, sizeof err - 1, "w");
	assert_non_null(fo);
	assert_non_null(fe);
	setvbuf(fo, NULL, _IONBF, 0);
	if (p.input)
		fi = fmemopen((void *)p.input, strlen(p.input) ? strlen(p.input) : 1, "r");
	if (p.input && !*p.input)
		fgetc(fi);      /* an empty stream */
	struct hc_cli_io io = { fo, fe, p.charset ? p.charset : "UTF-8", p.width, p.color, p.tty,
	                        fi, NULL, false };
	rc = hc_cli_run(&o, &io);
	fclose(fo);
	fclose(fe);
	if (fi)
		fclose(fi);
	return rc;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_code(void **state)
{
	(void)state;
	assert_int_equal(run("404", (struct opts){ 0 }), HC_EXIT_FOUND);
	assert_true(strncmp(out, "404 Not Found\n", 14) == 0);
	assert_non_null(strstr(out, "\nReference: RFC 9110 \xc2\xa7" "15.5.5\n"));
	assert_string_equal(err, "");
	/* Under an ASCII locale text for people spells "§" in ASCII. */
	assert_int_equal(run("404", (struct opts){ .charset = "ANSI_X3.4-1968" }), 0);
	assert_non_null(strstr(out, "\nReference: RFC 9110 sec.15.5.5\n"));
}

static void test_nothing(void **state)
{
	(void)state;
	/* 999 is LinkedIn's (extra.h); 699 is nobody's. */
	assert_int_equal(run("699", (struct opts){ 0 }), HC_EXIT_NOT_FOUND);
	assert_string_equal(out, "");
	assert_string_equal(err, "httpcodes: nothing matches '699': status codes run from 100 to 599\n");
}

static void test_pattern_list(void **state)
{
	size_t first, n = hc_catalog_class_range(4, &first);

	(void)state;
	assert_int_equal(run("4xx", (struct opts){ 0 }), 0);
	assert_int_equal(count_lines(out), n);
	/* Not on a terminal: the rows of --list. */
	assert_true(strncmp(out, "400\tBad Request\t", 16) == 0);
	assert_int_equal(run("4xx", (struct opts){ .tty = true }), 0);
	assert_true(strncmp(out, "400  Bad Request\n", 17) == 0);
}

/* --list and --json are the same UTF-8 bytes in every locale. */
static void test_machine_formats_raw(void **state)
{
	char *utf8;

	(void)state;
	assert_int_equal(run(NULL, (struct opts){ .mode = HC_MODE_LIST }), 0);
	assert_non_null(strstr(out, "404\tNot Found\t\xec\xb0\xbe\xec\x9d\x84 \xec\x88\x98 "
	                            "\xec\x97\x86\xec\x9d\x8c\tstandard\tRFC 9110 \xc2\xa7" "15.5.5\n"));
	utf8 = strdup(out);
	assert_int_equal(run(NULL, (struct opts){ .mode = HC_MODE_LIST, .charset = "ANSI_X3.4-1968" }), 0);
	assert_string_equal(out, utf8);
	assert_int_equal(run(NULL, (struct opts){ .mode = HC_MODE_LIST, .charset = "EUC-KR" }), 0);
	assert_string_equal(out, utf8);
	free(utf8);
	assert_int_equal(run("404", (struct opts){ .json = true }), 0);
	utf8 = strdup(out);
	assert_int_equal(run("404", (struct opts){ .json = true, .charset = "ANSI_X3.4-1968",
	                                           .color = true }), 0);
	assert_string_equal(out, utf8);
	assert_null(strchr(out, '\033'));
	free(utf8);
}

static void test_width_and_colour(void **state)
{
	(void)state;
	assert_int_equal(run("404", (struct opts){ .width = 40 }), 0);
	for (char *l = out; *l;) {
		char *nl = strchr(l, '\n');

		assert_non_null(nl);
		/* A URL is never broken (it would stop working when copied). */
		if (!memmem(l, (size_t)(nl - l), "https://", 8))
			assert_true(hc_text_width(l, (size_t)(nl - l)) <= 40);
		l = nl + 1;
	}
	assert_int_equal(run("404", (struct opts){ .color = true }), 0);
	assert_true(strncmp(out, "\033[1;33m404\033[0m\033[1m Not Found\033[0m\n", 31) == 0);
	assert_int_equal(run("404", (struct opts){ 0 }), 0);
	assert_null(strchr(out, '\033'));
	/* 1xx in magenta, as in the browser (hc_doc_class_color). */
	assert_int_equal(run("100", (struct opts){ .color = true }), 0);
	assert_true(strncmp(out, "\033[1;35m100\033[0m", 14) == 0);
}

/* No query: codes from standard input, one a line; --list when it holds none. */
static void test_input(void **state)
{
	(void)state;
	assert_int_equal(run(NULL, (struct opts){ .mode = HC_MODE_AUTO, .input = "418\n\n (410) \n" }), 0);
	assert_true(strncmp(out, "418\t", 4) == 0);
	assert_non_null(strstr(out, "\n410\tGone\t"));
	assert_int_equal(count_lines(out), 2);
	assert_int_equal(run(NULL, (struct opts){ .mode = HC_MODE_AUTO, .input = "" }), 0);
	assert_int_equal(count_lines(out), hc_catalog_count());
	/* An empty input on a terminal: the browser cannot start. */
	assert_int_equal(run(NULL, (struct opts){ .mode = HC_MODE_AUTO, .input = "", .tty = true }),
	                 HC_EXIT_USAGE);
	assert_non_null(strstr(err, "standard input is not a terminal"));
	assert_string_equal(out, "");
}

/* A full output stream: exit 2 with one line on the error stream. */
static void test_write_error(void **state)
{
	(void)state;
	assert_int_equal(run("404", (struct opts){ .out_cap = 16 }), HC_EXIT_USAGE);
	assert_true(strncmp(err, "httpcodes: write error", 22) == 0);
	assert_int_equal(count_lines(err), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_pattern_list),
		cmocka_unit_test(test_machine_formats_raw),
		cmocka_unit_test(test_width_and_colour),
		cmocka_unit_test(test_input),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
