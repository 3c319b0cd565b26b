/* test_options.c - command-line parsing and its usage errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "text.h"

static char err[256];

/* Parse a NULL-terminated argument list (argv[0] is supplied). */
static bool parse(struct hc_options *o, const char *env_lang, int korean, ...)
{
	static char prog[] = "httpcodes";
	char *argv[16] = { prog };
	int argc = 1;
	va_list ap;

	va_start(ap, korean);
	for (const char *a; (a = va_arg(ap, const char *)) && argc < 15;)
		argv[argc++] = (char *)a;
	va_end(ap);
	err[0] = '\0';
	return hc_options_parse(argc, argv, env_lang, korean, o, err, sizeof err);
}

static void test_modes(void **state)
{
	struct hc_options o;

	(void)state;
	assert_true(parse(&o, NULL, false, NULL));
	assert_int_equal(o.mode, HC_MODE_AUTO);
	assert_null(o.query);

	assert_true(parse(&o, NULL, false, "404", NULL));
	assert_int_equal(o.mode, HC_MODE_QUERY);
	assert_string_equal(o.query, "404");
	hc_options_free(&o);

	assert_true(parse(&o, NULL, false, "too", "many", "requests", NULL));
	assert_string_equal(o.query, "too many requests");
	hc_options_free(&o);

	assert_true(parse(&o, NULL, false, "--search", "404", NULL));
	assert_int_equal(o.mode, HC_MODE_SEARCH);
	hc_options_free(&o);

	assert_true(parse(&o, NULL, false, "-i", NULL));
	assert_int_equal(o.mode, HC_MODE_BROWSE);
	assert_null(o.query);

	assert_true(parse(&o, NULL, false, "-i", "timeout", NULL));
	assert_int_equal(o.mode, HC_MODE_BROWSE);
	assert_string_equal(o.query, "timeout");
	hc_options_free(&o);

	assert_true(parse(&o, NULL, false, "--list", "--json", NULL));
	assert_int_equal(o.mode, HC_MODE_LIST);
	assert_true(o.json);

	assert_true(parse(&o, NULL, false, "--", "-5", NULL));   /* after -- all are words */
	assert_string_equal(o.query, "-5");
	hc_options_free(&o);

	assert_true(parse(&o, NULL, false, "404", "--help", NULL));
	assert_int_equal(o.mode, HC_MODE_HELP);
	hc_options_free(&o);
	assert_true(parse(&o, NULL, false, "-V", NULL));
	assert_int_equal(o.mode, HC_MODE_VERSION);
}

static void test_lang(void **state)
{
	struct hc_options o;

	(void)state;
	assert_true(parse(&o, NULL, false, NULL));
	assert_int_equal(o.lang, HC_LANG_EN);
	assert_false(o.lang_given);
	assert_true(parse(&o, NULL, true, NULL));       /* Korean locale */
	assert_int_equal(o.lang, HC_LANG_BOTH);
	assert_true(parse(&o, "ko", false, NULL));
	assert_int_equal(o.lang, HC_LANG_KO);
	assert_true(o.lang_given);
	assert_true(parse(&o, "ko", false, "--lang", "en", NULL)); /* option beats env */
	assert_int_equal(o.lang, HC_LANG_EN);
	assert_true(parse(&o, NULL, false, "--lang=both", NULL));
	assert_int_equal(o.lang, HC_LANG_BOTH);
	assert_string_equal(hc_lang_name(HC_LANG_KO), "ko");
}

static void test_usage_errors(void **state)
{
	struct hc_options o;

	(void)state;
	assert_false(parse(&o, NULL, false, "--frob", NULL));
	assert_string_equal(err, "unknown option '--frob'");
	assert_false(parse(&o, NULL, false, "--lang", "fr", NULL));
	assert_string_equal(err, "--lang must be en, ko or both, not 'fr'");
	assert_false(parse(&o, NULL, false, "--lang", NULL));
	assert_non_null(strstr(err, "needs a value"));
	assert_false(parse(&o, "klingon", false, NULL));
	assert_non_null(strstr(err, "HTTPCODES_LANG"));
	assert_false(parse(&o, NULL, false, "--list", "404", NULL));
	assert_false(parse(&o, NULL, false, "--search", NULL));
	assert_false(parse(&o, NULL, false, "-i", "--json", NULL));
	assert_false(parse(&o, NULL, false, "--list", "--search", "x", NULL));
}

/* A hostile option name is echoed cleaned and cut, never raw. */
static void test_hostile_option_is_not_echoed(void **state)
{
	struct hc_options o;
	char big[300];

	(void)state;
	assert_false(parse(&o, NULL, false, "--\x1b]52;c;AAAA\x07", NULL));
	assert_null(strchr(err, '\x1b'));
	assert_null(strchr(err, '\x07'));
	memset(big, 'x', sizeof big - 1);
	big[0] = big[1] = '-';
	big[sizeof big - 1] = '\0';
	assert_false(parse(&o, NULL, false, big, NULL));
	assert_true(strlen(err) < 80);
	assert_non_null(strstr(err, "..."));
	/* Found by fuzzing: cutting a cleaned name must not split a character. */
	memset(big + 2, '\xd1', sizeof big - 3);
	assert_false(parse(&o, NULL, false, big, NULL));
	assert_true(hc_text_is_clean(err, strlen(err)));
	/* Zero-width characters: many bytes, no cells. */
	for (size_t i = 2; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xcc\x81", 2);
	assert_false(parse(&o, NULL, false, big, NULL));
	assert_true(hc_text_is_clean(err, strlen(err)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_hostile_option_is_not_echoed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
