/* main.c - the locale, the options, then the one-shot CLI (cli.c) or the browser (tui/). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>

/* Before <term.h>, whose "lines" macro would rename a field of logcount.h. */
#include "loglens.h"

#include <curses.h>
#include <term.h>         /* setupterm, tigetnum: does the terminal have colours? */

#include <uniconv.h>      /* also declares locale_charset() */

#include "catalog.h"
#include "cli.h"
#include "cli_decide.h"
#include "cli_log.h"
#include "hc_config.h"
#include "hyperlink.h"
#include "options.h"
#include "search.h"
#include "text.h"
#include "tui/tui.h"

static const char help_text[] =
	"Usage: httpcodes [OPTION]... [QUERY]...\n"
	"Look up HTTP status codes, in English and Korean.\n"
	"\n"
	"With no QUERY: on a terminal, opens the browser; with codes on standard input\n"
	"(one a line), looks each up; else prints --list.\n"
	"QUERY is a code (404), a pattern (4xx, 40x, 5?3, 40), a library's constant\n"
	"(http.StatusNotFound, HttpStatus.NOT_FOUND, :not_found) or words (timeout,\n"
	"\"too many\", 시간 초과, ㅇㅊ); several codes (404 500) answer each. One match\n"
	"prints in full; more print one per line (tab-separated when piped).\n"
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
	"      --log FILE      open the browser as a lens on an access log (repeat for\n"
	"                      more files; .gz too): each code's lines in the tree, s\n"
	"                      sorts by them, the detail shows share and sample lines\n"
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

/* Colour on the CLI's output only where it is a terminal whose terminfo
 * description says it has colours (TERM=dumb, vt52, xterm-mono or unset have
 * none), and never with NO_COLOR. */
static bool cli_color(void)
{
	int err = 0, colors = -1;

	if (!isatty(STDOUT_FILENO) || no_color() || !getenv("TERM"))
		return false;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	colors = tigetnum("colors");
	del_curterm(cur_term);
	return colors >= 8;
}

/* A message in the locale's charset: an option or a query echoed in it may
 * hold Korean, or U+FFFD where its bytes were not valid. */
static void usage_error(const char *msg, const char *charset)
{
	char *conv = hc_text_to_charset(msg, strlen(msg), charset, NULL);

	fprintf(stderr, "httpcodes: %s (see 'httpcodes --help')\n", conv ? conv : "?");
	free(conv);
}

/* stdout failed (a closed descriptor, a full disk, /dev/full): say so on one
 * line, as the exit status alone would leave a script guessing. */
static int write_failed(void)
{
	fprintf(stderr, "httpcodes: write error: %s\n", strerror(errno ? errno : EIO));
	return HC_EXIT_USAGE;
}

/* Arguments arrive in the locale's charset: the engine works in UTF-8. Under
 * an ASCII locale the terminal is often UTF-8 all the same (LANG=C over SSH),
 * so the query is taken as it is there; every other charset (EUC-KR, GB18030,
 * EUC-JP …) is converted. */
static int query_to_utf8(struct hc_options *o, const char *charset)
{
	size_t n = 0;
	char *u;

	if (!o->query || strcmp(charset, "UTF-8") == 0 || strcmp(charset, "ASCII") == 0 ||
	    strcmp(charset, "ANSI_X3.4-1968") == 0)
		return 0;
	if (strlen(o->query) > HC_QUERY_MAX)
		return 0; /* refused later with the real length */
	u = hc_text_from_charset(o->query, strlen(o->query), charset, &n);
	if (!u)
		return -1;
	free(o->query);
	o->query = u;
	return 0;
}

/* The browser over --log's files: the lens (9.8 KB) lives in this frame
 * only, not in main's, which the plain browser's stack would carry. */
static __attribute__((noinline)) int browse_logs(const struct hc_options *o,
                                                 struct hc_tui_config *cfg)
{
	struct hc_loglens lens = { 0 };
	int rc;

	if (!hc_loglens_read(&lens, o->logs, o->nlogs, stderr)) {
		fputs("httpcodes: out of memory\n", stderr);
		rc = HC_EXIT_USAGE;
	} else if (!lens.files_read) {
		fprintf(stderr, "httpcodes: no status codes could be read from the log%s\n",
		        o->nlogs == 1 ? "" : "s");
		rc = HC_EXIT_USAGE;
	} else {
		cfg->lens = &lens;
		rc = hc_tui_run(cfg);
	}
	hc_loglens_free(&lens);
	return rc;
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
		usage_error(err, charset);
		return HC_EXIT_USAGE;
	}
	if (!hc_options_code_env(&o, getenv("HTTPCODES_CODE_LANG"), err, sizeof err)) {
		usage_error(err, charset);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}
	if (o.mode == HC_MODE_HELP || o.mode == HC_MODE_VERSION) {
		hc_options_free(&o);
		errno = 0;
		if (fputs(o.mode == HC_MODE_HELP ? help_text : "httpcodes " HC_VERSION "\n",
		          stdout) == EOF || fflush(stdout) != 0)
			return write_failed();
		return HC_EXIT_FOUND;
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
	/* As the browser's search box refuses them: "time<ZWJ>out" is "timeout". */
	if (o.query)
		hc_text_strip_invisible(o.query, strlen(o.query));

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
	if (o.mode == HC_MODE_BROWSE || (o.mode == HC_MODE_AUTO && in_tty && out_tty && !o.json)) {
		struct hc_tui_config cfg = {
			.lang = o.lang,
			.hangul_ok = hangul_ok,
			.lang_fallback = lang_fallback,
			.ui_ko = locale_is_korean() && !o.lang_given,
			.color = !no_color(),
			.query = o.query,
			.code = o.code,
		};
		/* --log: the logs are read (all of them) before the browser
		 * starts, so that its messages are seen and nothing read means
		 * exit 2 with the terminal untouched. A piped log cannot be
		 * browsed: standard input carries the keys. */
		if (o.nlogs && !in_tty) {
			fputs("httpcodes: --log needs a terminal on standard input for the keys; "
			      "for a piped log use --count\n", stderr);
			hc_options_free(&o);
			return HC_EXIT_USAGE;
		}
		/* tail access.log | httpcodes -i: say what works instead. */
		if (!o.nlogs && !in_tty && o.mode == HC_MODE_BROWSE && out_tty) {
			fputs("httpcodes: the browser reads its keys from standard input, which is not a "
			      "terminal; for a piped log use --count, or save it and use --log FILE\n", stderr);
			hc_options_free(&o);
			return HC_EXIT_USAGE;
		}
		rc = o.nlogs ? browse_logs(&o, &cfg) : hc_tui_run(&cfg);
		hc_options_free(&o);
		return rc;
	}
	if (lang_fallback)
		fprintf(stderr, "httpcodes: this locale's character set (%s) cannot show Korean; "
		        "showing English (try LANG=C.UTF-8)\n", charset);

	/* --count and --explain (issue 11) live in cli_count.c and cli_explain.c. */
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
		.color = out_tty && cli_color(),
		.hyperlinks = out_tty && hc_hyperlinks_supported(getenv),
		.tty = out_tty,
		/* No query and standard input not a terminal: codes one a line
		 * (awk '{print $9}' access.log | sort -u | httpcodes); --list when
		 * it holds none. */
		.in = o.mode == HC_MODE_AUTO && !in_tty ? stdin : NULL,
	};
	rc = hc_cli_run(&o, &io);
	hc_options_free(&o);
	return rc;
}
