/* main.c - the locale, the options, then the one-shot CLI (cli.c) or the browser (tui/). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <uniconv.h>      /* also declares locale_charset() */

#include "catalog.h"
#include "cli.h"
#include "cli_decide.h"
#include "cli_log.h"
#include "hc_config.h"
#include "options.h"
#include "search.h"
#include "text.h"
#include "tui/tui.h"

static const char help_text[] =
	"Usage: httpcodes [OPTION]... [QUERY]...\n"
	"Look up HTTP status codes, in English and Korean.\n"
	"\n"
	"With no QUERY on a terminal, opens the browser; piped, prints --list.\n"
	"QUERY is a code (404), a pattern (4xx, 40x, 5?3, 40), a library's constant\n"
	"(http.StatusNotFound, HttpStatus.NOT_FOUND, :not_found) or words (timeout,\n"
	"\"too many\", 시간 초과, ㅇㅊ). One match prints in full; more print one per line.\n"
	"\n"
	"Modes:\n"
	"  -i, --interactive   open the browser, with QUERY in its search box\n"
	"  -s, --search        treat QUERY as words, even if it looks like a code\n"
	"  -l, --list          every entry, tab-separated: code, English phrase,\n"
	"                      Korean name, status, reference\n"
	"      --compare       compare the codes given, a row per fact (401 403)\n"
	"      --choose        which code should I use? yes/no questions\n"
	"      --quiz          study questions (QUERY: a class, 4xx); --seed=N repeats a quiz\n"
	"      --count [FILE|CLASS]...  status counts of access logs (standard input\n"
	"                      when no FILE; .gz read directly; CLASS like 5xx or 404\n"
	"                      shows only those codes)\n"
	"      --format=NAME   with --count: combined, json, w3c, alb or haproxy\n"
	"                      instead of detecting it\n"
	"      --tsv           with --count: code, count, share, phrase, name, vendor\n"
	"      --explain [FILE|-]  what HTTP response heads say (curl -sIL output,\n"
	"                      verbose curl output): names, missing headers, redirects\n"
	"Output:\n"
	"  -j, --json          results as a JSON array with every field\n"
	"      --lang=LANG     en, ko or both (default: both in a Korean locale,\n"
	"                      else en; also $HTTPCODES_LANG)\n"
	"      --code-lang=LANG  in the \"In code\" section, LANG's constant first: python,\n"
	"                      go, rust, spring, jakarta, csharp, node, symfony (php),\n"
	"                      rack (ruby), ktor (kotlin), swift; a list (go,rust) puts\n"
	"                      them first in that order (also $HTTPCODES_CODE_LANG)\n"
	"      --code-lang-only  show only the --code-lang language(s)\n"
	"Other:\n"
	"  -h, --help          show this help\n"
	"  -V, --version       show the version\n"
	"\n"
	"Exit status: 0 found, 1 nothing found, 2 usage or environment error.\n"
	"In the browser press ? for keys. See httpcodes(1).\n";

static bool locale_is_korean(void)
{
	const char *l = setlocale(LC_MESSAGES, NULL);

	return l && strncmp(l, "ko", 2) == 0 && (l[2] == '\0' || l[2] == '_' || l[2] == '.');
}

static bool no_color(void)
{
	const char *v = getenv("NO_COLOR");

	return v && *v;
}

/* Arguments arrive in the locale's charset: the engine works in UTF-8. Under
 * an ASCII locale the terminal is often UTF-8 all the same (LANG=C over SSH),
 * so only a legacy Korean charset is converted. */
static int query_to_utf8(struct hc_options *o, const char *charset)
{
	size_t n = 0;
	uint8_t *u;

	if (!o->query || strcmp(charset, "UTF-8") == 0 || !hc_charset_has_hangul(charset))
		return 0;
	if (strlen(o->query) > HC_QUERY_MAX)
		return 0; /* refused later with the real length */
	u = u8_conv_from_encoding(charset, iconveh_error, o->query, strlen(o->query), NULL, NULL, &n);
	if (!u)
		return -1;
	free(o->query);
	o->query = malloc(n + 1);
	if (!o->query) {
		free(u);
		return -1;
	}
	memcpy(o->query, u, n);
	o->query[n] = '\0';
	free(u);
	return 0;
}

int main(int argc, char **argv)
{
	struct hc_options o;
	char err[256];
	const char *charset;
	bool hangul_ok;
	int rc;

	setlocale(LC_ALL, "");
	charset = locale_charset();
#if HC_STATIC
	/* A static glibc cannot load its charset converters (gconv modules) for
	 * sure, and the C library's and ncurses' multibyte functions need them
	 * for any charset but UTF-8 and ASCII: say so once, then do what
	 * LANG=C does. See README, "Copy it to a server". */
	if (strcmp(charset, "UTF-8") != 0 && strcmp(charset, "ASCII") != 0 &&
	    strcmp(charset, "ANSI_X3.4-1968") != 0) {
		fprintf(stderr, "httpcodes: this static build cannot convert to %s; "
		        "showing ASCII English as under LANG=C (use a UTF-8 locale)\n", charset);
		setlocale(LC_ALL, "C");
		charset = locale_charset();
	}
#endif
	hangul_ok = hc_charset_has_hangul(charset);
	if (!hc_options_parse(argc, argv, getenv("HTTPCODES_LANG"), locale_is_korean(), &o,
	                      err, sizeof err)) {
		fprintf(stderr, "httpcodes: %s (see 'httpcodes --help')\n", err);
		return HC_EXIT_USAGE;
	}
	if (!hc_options_code_env(&o, getenv("HTTPCODES_CODE_LANG"), err, sizeof err)) {
		fprintf(stderr, "httpcodes: %s (see 'httpcodes --help')\n", err);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}
	if (o.mode == HC_MODE_HELP || o.mode == HC_MODE_VERSION) {
		fputs(o.mode == HC_MODE_HELP ? help_text : "httpcodes " HC_VERSION "\n", stdout);
		hc_options_free(&o);
		return fflush(stdout) == 0 ? HC_EXIT_FOUND : HC_EXIT_USAGE;
	}
	/* Said on stderr for the CLI, in the status line for the browser
	 * (whose alternate screen would hide stderr). */
	bool lang_fallback = false;
	if (o.lang != HC_LANG_EN && !hangul_ok) {
		lang_fallback = o.lang_given;
		o.lang = HC_LANG_EN;
	}
	if (query_to_utf8(&o, charset) != 0) {
		fprintf(stderr, "httpcodes: the query is not valid text in this locale (%s)\n", charset);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}
	if (o.query && strlen(o.query) > HC_QUERY_MAX) {
		fprintf(stderr, "httpcodes: the query is too long (%zu bytes; at most %d)\n",
		        strlen(o.query), HC_QUERY_MAX);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}
	if (o.query && !hc_text_is_clean(o.query, strlen(o.query))) {
		fputs("httpcodes: the query has control characters or invalid UTF-8\n", stderr);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}

	if (o.mode == HC_MODE_COMPARE || o.mode == HC_MODE_CHOOSE || o.mode == HC_MODE_QUIZ) {
		if (lang_fallback)
			fprintf(stderr, "httpcodes: this locale's character set (%s) cannot show Korean; "
			        "showing English (try LANG=C.UTF-8)\n", charset);
		if (!o.seed_given)
			o.seed = (unsigned long long)time(NULL);
		/* Tables are laid out for a width: COLUMNS, when set, names it (as for ls). */
		const char *cols = getenv("COLUMNS");
		int width = cols && atoi(cols) >= 20 && atoi(cols) <= 1000 ? atoi(cols)
		            : hc_cli_terminal_width(STDOUT_FILENO);

		rc = hc_cli_decide_run(&o, charset, width,
		                       isatty(STDOUT_FILENO) && !no_color() && !o.json);
		hc_options_free(&o);
		return rc;
	}

	bool in_tty = isatty(STDIN_FILENO), out_tty = isatty(STDOUT_FILENO);
	/* On a terminal but reading a file or a pipe: no browser, and --list
	 * on the screen would be a surprise. */
	if (o.mode == HC_MODE_AUTO && !o.json && out_tty && !in_tty) {
		fputs("httpcodes: standard input is not a terminal: cannot start the browser "
		      "(give a QUERY or --list)\n", stderr);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}
	if (o.mode == HC_MODE_BROWSE || (o.mode == HC_MODE_AUTO && in_tty && out_tty && !o.json)) {
		struct hc_tui_config cfg = {
			.lang = o.lang,
			.hangul_ok = hangul_ok,
			.lang_fallback = lang_fallback,
			.color = !no_color(),
			.query = o.query,
			.code = o.code,
		};
		rc = hc_tui_run(&cfg);
		hc_options_free(&o);
		return rc;
	}
	if (lang_fallback)
		fprintf(stderr, "httpcodes: this locale's character set (%s) cannot show Korean; "
		        "showing English (try LANG=C.UTF-8)\n", charset);

	/* --count and --explain (issue 11) live in cli_log.c. */
	if (o.mode == HC_MODE_COUNT || o.mode == HC_MODE_EXPLAIN) {
		struct hc_log_env env = { .lang = o.lang, .charset = charset, .color_ok = !no_color() };

		rc = hc_cli_log_run(&o, &env);
		hc_options_free(&o);
		return rc;
	}

	struct hc_cli_io io = {
		.out = stdout,
		.err = stderr,
		.charset = charset,
		.width = hc_cli_terminal_width(STDOUT_FILENO),
		.color = out_tty && !no_color(),
	};
	rc = hc_cli_run(&o, &io);
	hc_options_free(&o);
	return rc;
}
