/* test_lens.c - the curses-free parts of the browser's log lens and compare:
 * loglens (counts, samples kept raw, made-up entries for codes the table
 * lacks, the order by count), the browser's order, compare (what is
 * compared, the table fitted to 80 and 60 columns or stacked, in English and
 * Korean) and the OSC 8 guess and sequence. Expected values are counted by
 * hand from the inputs written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "browser.h"
#include "catalog.h"
#include "compare.h"
#include "hyperlink.h"
#include "loglens.h"
#include "options.h"
#include "text.h"

#define LINE(path, status) \
	"10.0.0.1 - - [04/Dec/2026:10:00:00 +0000] \"GET " path " HTTP/1.1\" " status " 5 \"-\" \"t\"\n"

/* 200 x2, 404 x3 (one with ESC in it), 427 x1, 503 x1, one 000, one junk line. */
static const char LOG[] =
	LINE("/", "200") LINE("/a", "200")
	LINE("/x", "404") LINE("/\033[2Jwipe", "404") LINE("/z", "404")
	LINE("/odd", "427") LINE("/busy", "503") LINE("/none", "000")
	"not a log line at all\n";

static const struct hc_entry *find(const struct hc_loglens *L, int code, size_t *idx)
{
	for (size_t i = 0; i < L->n_entries; i++)
		if (L->entries[i].code == code) {
			if (idx)
				*idx = i;
			return &L->entries[i];
		}
	return NULL;
}

static void test_counts(void **state)
{
	struct hc_loglens L = { 0 };
	const struct hc_entry *e;

	(void)state;
	assert_true(hc_loglens_feed(&L, LOG, sizeof LOG - 1));
	assert_true(hc_loglens_finish(&L));
	assert_int_equal(L.files_read, 1);
	assert_int_equal(L.c.counted, 7);
	assert_int_equal(hc_loglens_count(&L, 200), 2);
	assert_int_equal(hc_loglens_count(&L, 404), 3);
	assert_int_equal(hc_loglens_count(&L, 427), 1);
	assert_int_equal(hc_loglens_count(&L, 0), 1);      /* 000: no response */
	assert_int_equal(hc_loglens_permille(&L, 0), 0);
	assert_int_equal(hc_loglens_count(&L, 999), 0);
	assert_int_equal(L.c.no_status, 1);
	assert_int_equal(hc_logcount_not_read(&L.c), 1);
	assert_int_equal(hc_logcount_class(&L.c, 4), 4);
	/* 3 of 7 = 428.57 per mille, rounded */
	assert_int_equal(hc_loglens_permille(&L, 404), 429);
	assert_int_equal(hc_loglens_permille(&L, 201), 0);
	/* samples kept raw, in order, at most HC_LENS_SAMPLES */
	assert_non_null(hc_logcount_sample(&L.c, 404, 0));
	assert_non_null(strstr(hc_logcount_sample(&L.c, 404, 0), "GET /x "));
	assert_non_null(strchr(hc_logcount_sample(&L.c, 404, 1), '\033'));
	assert_null(hc_logcount_sample(&L.c, 404, 3));
	assert_null(hc_logcount_sample(&L.c, 201, 0));
	/* ... and cleaned when shown: no ESC left */
	{
		const char *s = hc_logcount_sample(&L.c, 404, 1);
		char *c = hc_text_sanitize(s, strlen(s), NULL);

		assert_non_null(c);
		assert_null(strchr(c, '\033'));
		assert_non_null(strstr(c, "\xef\xbf\xbd[2Jwipe"));
		free(c);
	}
	/* 427 is not in the table: one made-up entry, in code order */
	assert_int_equal(L.n_extra, 1);
	assert_int_equal(L.n_entries, hc_catalog_count() + 1);
	e = find(&L, 427, NULL);
	assert_non_null(e);
	assert_true(hc_loglens_is_extra(&L, e));
	assert_string_equal(hc_str(e->phrase_en), "Not in the table");
	assert_false(hc_loglens_is_extra(&L, find(&L, 404, NULL)));
	for (size_t i = 1; i < L.n_entries; i++)
		assert_true(L.entries[i - 1].code <= L.entries[i].code);
	hc_loglens_free(&L);
}

static void test_order_by_count(void **state)
{
	struct hc_loglens L = { 0 };
	struct hc_browser b;
	size_t i404 = SIZE_MAX, i427 = SIZE_MAX, i400 = SIZE_MAX, first4 = SIZE_MAX;

	(void)state;
	assert_true(hc_loglens_feed(&L, LOG, sizeof LOG - 1));
	assert_true(hc_loglens_finish(&L));
	find(&L, 404, &i404);
	find(&L, 427, &i427);
	find(&L, 400, &i400);
	for (size_t i = 0; i < L.n_entries; i++)
		if (L.entries[i].code / 100 == 4 && first4 == SIZE_MAX)
			first4 = i;
	/* within 4xx: 404 (3), 427 (1), then the rest by code: 400 first */
	assert_int_equal(L.by_count[first4], i404);
	assert_int_equal(L.by_count[first4 + 1], i427);
	assert_int_equal(L.by_count[first4 + 2], i400);
	/* a permutation that keeps every class in place */
	for (size_t i = 0; i < L.n_entries; i++)
		assert_int_equal(L.entries[L.by_count[i]].code / 100, L.entries[i].code / 100);

	/* the browser shows 4xx in that order, and back */
	assert_true(hc_browser_init(&b, L.entries, L.n_entries));
	assert_true(hc_browser_select(&b, i400));
	hc_browser_set_order(&b, L.by_count);
	assert_int_equal(hc_browser_selected(&b)->entry, i400);     /* the selection stays */
	for (size_t r = 0; r < b.n_rows; r++)
		if (b.rows[r].is_class && b.rows[r].digit == 4) {
			assert_int_equal(b.rows[r + 1].entry, i404);
			assert_int_equal(b.rows[r + 2].entry, i427);
			assert_int_equal(b.rows[r + 3].entry, i400);
		}
	hc_browser_set_order(&b, NULL);
	for (size_t r = 0; r < b.n_rows; r++)
		if (b.rows[r].is_class && b.rows[r].digit == 4)
			assert_int_equal(b.rows[r + 1].entry, i400);
	hc_browser_free(&b);
	hc_loglens_free(&L);
}

static void test_read_errors(void **state)
{
	struct hc_loglens L = { 0 };
	const char *names[] = { "/nonexistent/httpcodes-test.log", "/", "-" };
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(err);
	assert_true(hc_loglens_read(&L, names, 3, err));
	fclose(err);
	assert_int_equal(L.files_read, 0);
	assert_int_equal(L.files_failed, 3);
	/* one line each, naming the file */
	assert_non_null(strstr(buf, "httpcodes: /nonexistent/httpcodes-test.log: "));
	assert_non_null(strstr(buf, "httpcodes: /: is a directory\n"));
	assert_non_null(strstr(buf, "httpcodes: -: the browser reads its keys"));
	{
		int lines = 0;

		for (size_t i = 0; i < len; i++)
			lines += buf[i] == '\n';
		assert_int_equal(lines, 3);
	}
	free(buf);
	hc_loglens_free(&L);
}

static const struct hc_entry *reg(int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);

	for (size_t i = 0; i < n; i++)
		if (!hc_catalog_entries()[first + i].vendor)
			return &hc_catalog_entries()[first + i];
	return NULL;
}

static void test_pick(void **state)
{
	const struct hc_entry *out[HC_COMPARE_MAX], *m[HC_COMPARE_MAX + 2];
	const struct hc_entry *e401 = reg(401), *e403 = reg(403), *e301 = reg(301);

	(void)state;
	assert_non_null(e401);
	/* nothing marked: the selection and its first see-also */
	assert_int_equal(hc_compare_pick(e401, NULL, 0, out), 2);
	assert_ptr_equal(out[0], e401);
	assert_int_equal(out[1]->code, hc_entry_see_also(e401, 0).code);
	/* one marked: it and the selection */
	m[0] = e403;
	assert_int_equal(hc_compare_pick(e301, m, 1, out), 2);
	assert_ptr_equal(out[0], e403);
	assert_ptr_equal(out[1], e301);
	/* one marked and selected: it and its see-also */
	assert_int_equal(hc_compare_pick(e403, m, 1, out), 2);
	assert_ptr_equal(out[0], e403);
	assert_int_equal(out[1]->code, hc_entry_see_also(e403, 0).code);
	/* several marked: those, in order, at most HC_COMPARE_MAX */
	m[1] = e401;
	assert_int_equal(hc_compare_pick(e301, m, 2, out), 2);
	assert_ptr_equal(out[0], e403);
	assert_ptr_equal(out[1], e401);
	for (int i = 0; i < HC_COMPARE_MAX + 2; i++)
		m[i] = reg(300 + (i < 6 ? i : i + 1));
	assert_int_equal(hc_compare_pick(NULL, m, HC_COMPARE_MAX + 2, out), HC_COMPARE_MAX);
	/* nothing selected, nothing marked: nothing */
	assert_int_equal(hc_compare_pick(NULL, NULL, 0, out), 0);
}

static int widest(const struct hc_compare_lines *L)
{
	int w = 0;

	for (size_t i = 0; i < L->n; i++) {
		const char *s = hc_compare_line(L, i);
		int k = hc_text_width(s, strlen(s));

		if (k > w)
			w = k;
	}
	return w;
}

static bool has_line_with(const struct hc_compare_lines *L, const char *a, const char *b)
{
	for (size_t i = 0; i < L->n; i++)
		if (strstr(hc_compare_line(L, i), a) && (!b || strstr(hc_compare_line(L, i), b)))
			return true;
	return false;
}

static void test_compare_fit(void **state)
{
	const struct hc_entry *v[4] = { reg(301), reg(302), reg(307), reg(308) };
	struct hc_compare_lines L = { 0 };
	enum hc_lang langs[] = { HC_LANG_EN, HC_LANG_KO, HC_LANG_BOTH };

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		/* 401 and 403 side by side at 80 and at 60: one row holds both */
		const struct hc_entry *two[2] = { reg(401), reg(403) };

		assert_true(hc_compare_lines(&L, two, 2, langs[k], 80));
		assert_true(widest(&L) <= 80);
		assert_true(has_line_with(&L, "401", "403"));
		assert_true(hc_compare_lines(&L, two, 2, langs[k], 60));
		assert_true(widest(&L) <= 60);
		assert_true(has_line_with(&L, "401", "403"));
		/* four redirects at 80 fit as columns... */
		assert_true(hc_compare_lines(&L, v, 4, langs[k], 80));
		assert_true(widest(&L) <= 80);
		/* ...and at 30 they are stacked: no line names two codes' titles */
		assert_true(hc_compare_lines(&L, v, 4, langs[k], 30));
		assert_true(widest(&L) <= 30);
		assert_false(has_line_with(&L, "301 ", "302 "));
		assert_true(has_line_with(&L, "308", NULL));
	}
	/* the labels follow the language */
	assert_true(hc_compare_lines(&L, v, 2, HC_LANG_EN, 80));
	assert_true(has_line_with(&L, "Differences", NULL));
	assert_true(hc_compare_lines(&L, v, 2, HC_LANG_KO, 80));
	assert_false(has_line_with(&L, "Differences", NULL));
	assert_true(has_line_with(&L, "차이", NULL));
	hc_compare_lines_free(&L);
}

/* ---- OSC 8 */

static const char *const *fake_env;

static char *fake_getenv(const char *name)
{
	for (size_t i = 0; fake_env[i]; i += 2)
		if (strcmp(fake_env[i], name) == 0)
			return (char *)(uintptr_t)fake_env[i + 1];
	return NULL;
}

static bool supported(const char *const *env)
{
	fake_env = env;
	return hc_hyperlinks_supported(fake_getenv);
}

static void test_hyperlinks(void **state)
{
	(void)state;
	assert_false(supported((const char *[]){ NULL }));
	assert_false(supported((const char *[]){ "TERM", "xterm-256color", NULL }));
	assert_true(supported((const char *[]){ "TERM", "xterm-256color", "VTE_VERSION", "7200", NULL }));
	assert_false(supported((const char *[]){ "TERM", "xterm-256color", "VTE_VERSION", "4800", NULL }));
	assert_true(supported((const char *[]){ "TERM", "xterm-kitty", NULL }));
	assert_true(supported((const char *[]){ "TERM", "foot", NULL }));
	assert_true(supported((const char *[]){ "TERM", "xterm-256color", "TERM_PROGRAM", "iTerm.app", NULL }));
	assert_true(supported((const char *[]){ "TERM", "xterm-256color", "TERM_PROGRAM", "WezTerm", NULL }));
	assert_true(supported((const char *[]){ "TERM", "xterm-256color", "WT_SESSION", "x", NULL }));
	/* tmux: 3.4 or later passes it on; 3.3a does not, whatever is outside */
	assert_true(supported((const char *[]){ "TERM", "tmux-256color", "TMUX", "/t,1,0",
	                                        "TERM_PROGRAM", "tmux", "TERM_PROGRAM_VERSION", "3.4", NULL }));
	assert_false(supported((const char *[]){ "TERM", "tmux-256color", "TMUX", "/t,1,0",
	                                         "TERM_PROGRAM", "tmux", "TERM_PROGRAM_VERSION", "3.3a",
	                                         "VTE_VERSION", "7200", NULL }));
	assert_false(supported((const char *[]){ "TERM", "screen", "VTE_VERSION", "7200", NULL }));
	assert_false(supported((const char *[]){ "TERM", "dumb", "VTE_VERSION", "7200", NULL }));
	assert_false(supported((const char *[]){ "TERM", "linux", NULL }));
	/* the override, both ways */
	assert_false(supported((const char *[]){ "TERM", "xterm-kitty", "HTTPCODES_HYPERLINKS", "0", NULL }));
	assert_true(supported((const char *[]){ "TERM", "xterm", "HTTPCODES_HYPERLINKS", "1", NULL }));
}

static void test_hyperlink_wrap(void **state)
{
	char buf[256];
	const char *url = "https://example.org/a\033]8;;evil\a";
	size_t n;

	(void)state;
	n = hc_hyperlink_wrap(buf, sizeof buf, "https://x.org/", 14, "text", 4);
	assert_int_equal(n, strlen("\033]8;;https://x.org/\033\\text\033]8;;\033\\"));
	assert_string_equal(buf, "\033]8;;https://x.org/\033\\text\033]8;;\033\\");
	/* control bytes in the URL are left out: the URL cannot end the sequence */
	n = hc_hyperlink_wrap(buf, sizeof buf, url, strlen(url), "t", 1);
	assert_true(n > 0);
	assert_string_equal(buf, "\033]8;;https://example.org/a]8;;evil\033\\t\033]8;;\033\\");
	/* too small: nothing */
	assert_int_equal(hc_hyperlink_wrap(buf, 20, "https://x.org/", 14, "text", 4), 0);
}

/* ---- --log on the command line */

static bool parse(struct hc_options *o, char *err, size_t errlen, int argc, ...)
{
	char *argv[16];
	va_list ap;

	argv[0] = (char *)"httpcodes";
	va_start(ap, argc);
	for (int i = 1; i < argc; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	return hc_options_parse(argc, argv, NULL, false, o, err, errlen);
}

static void test_log_option(void **state)
{
	struct hc_options o;
	char err[256];

	(void)state;
	assert_true(parse(&o, err, sizeof err, 4, "--log", "a.log", "--log=b.log.gz"));
	assert_int_equal(o.mode, HC_MODE_BROWSE);
	assert_int_equal(o.nlogs, 2);
	assert_string_equal(o.logs[0], "a.log");
	assert_string_equal(o.logs[1], "b.log.gz");
	assert_null(o.query);
	hc_options_free(&o);
	assert_true(parse(&o, err, sizeof err, 4, "-i", "--log", "a.log"));
	assert_int_equal(o.nlogs, 1);
	hc_options_free(&o);
	assert_false(parse(&o, err, sizeof err, 2, "--log"));
	assert_non_null(strstr(err, "--log needs a file"));
	assert_false(parse(&o, err, sizeof err, 2, "--log="));
	assert_false(parse(&o, err, sizeof err, 4, "--log", "a.log", "b.log"));
	assert_non_null(strstr(err, "--log"));
	assert_false(parse(&o, err, sizeof err, 4, "--log", "a.log", "--count"));
	assert_false(parse(&o, err, sizeof err, 4, "--log", "a.log", "--json"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_order_by_count),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_compare_fit),
		cmocka_unit_test(test_hyperlinks),
		cmocka_unit_test(test_hyperlink_wrap),
		cmocka_unit_test(test_log_option),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
