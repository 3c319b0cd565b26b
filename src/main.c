/* main.c - options, then the one-shot CLI or the browser. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uniconv.h>      /* also declares locale_charset() */

#include "catalog.h"
#include "cli.h"
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
	"QUERY is a code (404), a pattern (4xx, 40x, 5?3, 40) or words (timeout,\n"
	"\"too many\", 시간 초과, ㅇㅊ). One match prints in full; more print one per line.\n"
	"\n"
	"Modes:\n"
	"  -i, --interactive   open the browser, with QUERY in its search box\n"
	"  -s, --search        treat QUERY as words, even if it looks like a code\n"
	"  -l, --list          every entry, tab-separated: code, English phrase,\n"
	"                      Korean name, status, reference\n"
	"Output:\n"
	"  -j, --json          results as a JSON array with every field\n"
	"      --lang=LANG     en, ko or both (default: both in a Korean locale,\n"
	"                      else en; also $HTTPCODES_LANG)\n"
	"Other:\n"
	"  -h, --help          show this help\n"
	"  -V, --version       show the version\n"
	"\n"
	"Exit status: 0 found, 1 nothing found, 2 usage or environment error.\n"
	"In the browser press ? for keys. See httpcodes(1).\n";

/* Output is gathered in memory and converted to the locale's charset once. */
struct sink {
	char *buf;
	size_t len;
	FILE *f;
	const char *charset;
};

static int sink_flush(struct sink *s)
{
	size_t n = 0;
	char *conv;
	int rc = 0;

	if (fclose(s->f) != 0 || !s->buf)
		return -1;
	conv = hc_text_to_charset(s->buf, s->len, s->charset, &n);
	if (!conv || fwrite(conv, 1, n, stdout) != n || fflush(stdout) != 0)
		rc = -1;
	free(conv);
	free(s->buf);
	return rc;
}

static int terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

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

/* A short, cleaned copy of the query (valid UTF-8 by now), cut on a
 * character boundary and in the locale's charset, as stdout is. */
static void say_nothing_found(const char *q, const char *charset)
{
	size_t n = strlen(q), k = n > 60 ? 60 : n, len = 0;
	char *clean, *out = NULL;

	while (k > 0 && k < n && (q[k] & 0xc0) == 0x80)
		k--;
	clean = hc_text_sanitize(q, k, &len);
	if (clean)
		out = hc_text_to_charset(clean, len, charset, NULL);
	fprintf(stderr, "httpcodes: nothing matches '%s%s'\n", out ? out : "", k < n ? "..." : "");
	free(out);
	free(clean);
}

/* Collect the entries a query names: a code pattern directly from the
 * catalog, anything else through the search engine. */
static int collect(const struct hc_options *o, const struct hc_entry ***out, size_t *count,
                   bool *exact)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t total = hc_catalog_count(), n = 0;
	const struct hc_entry **v = calloc(total ? total : 1, sizeof *v);
	struct hc_pattern p;

	if (!v)
		return -1;
	*exact = false;
	if (o->mode == HC_MODE_QUERY && hc_pattern_parse(o->query, &p)) {
		*exact = hc_pattern_is_exact(&p);
		for (size_t i = 0; i < total; i++)
			if (hc_pattern_match(&p, all[i].code))
				v[n++] = &all[i];
	} else {
		struct hc_index *ix = hc_index_new(all, total);
		struct hc_results r = { 0 };
		enum hc_search_status st = HC_SEARCH_NOMEM;

		if (ix && o->mode == HC_MODE_SEARCH)
			st = hc_search_words(ix, o->query, strlen(o->query), &r);
		else if (ix)
			st = hc_search(ix, o->query, strlen(o->query), &r);

		if (st == HC_SEARCH_OK || st == HC_SEARCH_EMPTY) {
			if (r.partial)
				fprintf(stderr, "httpcodes: not every word matched; showing the best "
				        "partial matches (%u of %u words)\n", r.matched, r.terms);
			for (size_t i = 0; i < r.n; i++)
				v[n++] = &all[r.hits[i].entry];
			*exact = r.n > 0 && r.hits[0].rank == HC_RANK_CODE_EXACT &&
			         (r.n == 1 || r.hits[1].rank != HC_RANK_CODE_EXACT ||
			          all[r.hits[1].entry].code == all[r.hits[0].entry].code);
			if (*exact) /* only the entries of that one code */
				while (n > 0 && all[r.hits[0].entry].code != v[n - 1]->code)
					n--;
		}
		hc_results_free(&r);
		hc_index_free(ix);
		if (st != HC_SEARCH_OK && st != HC_SEARCH_EMPTY) {
			free(v);
			return st == HC_SEARCH_NOMEM ? -1 : -2;
		}
	}
	*out = v;
	*count = n;
	return 0;
}

static int run_query(const struct hc_options *o, const struct hc_cli *c, const char *charset)
{
	const struct hc_entry **v = NULL;
	size_t n = 0;
	bool exact = false;
	int rc = collect(o, &v, &n, &exact);

	if (rc == -1) {
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	if (rc == -2) {
		fputs("httpcodes: the query has control characters or invalid UTF-8\n", stderr);
		return HC_EXIT_USAGE;
	}
	if (n == 0) {
		say_nothing_found(o->query, charset);
		free(v);
		return HC_EXIT_NOT_FOUND;
	}
	if (o->json) {
		hc_cli_json(c->out, v, n);
	} else if (exact || n == 1) {
		for (size_t i = 0; i < n; i++) {
			if (i)
				fputc('\n', c->out);
			hc_cli_entry(c, v[i]);
		}
	} else {
		for (size_t i = 0; i < n; i++)
			hc_cli_line(c, v[i]);
	}
	free(v);
	return HC_EXIT_FOUND;
}

static int run_list(const struct hc_options *o, FILE *out)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t n = hc_catalog_count();

	if (o->json) {
		const struct hc_entry **v = calloc(n ? n : 1, sizeof *v);

		if (!v) {
			fputs("httpcodes: out of memory\n", stderr);
			return HC_EXIT_USAGE;
		}
		for (size_t i = 0; i < n; i++)
			v[i] = &all[i];
		hc_cli_json(out, v, n);
		free(v);
	} else {
		for (size_t i = 0; i < n; i++)
			hc_cli_tsv(out, &all[i]);
	}
	return HC_EXIT_FOUND;
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
	hangul_ok = hc_charset_has_hangul(charset);
	if (!hc_options_parse(argc, argv, getenv("HTTPCODES_LANG"), locale_is_korean(), &o,
	                      err, sizeof err)) {
		fprintf(stderr, "httpcodes: %s (see 'httpcodes --help')\n", err);
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
		};
		rc = hc_tui_run(&cfg);
		hc_options_free(&o);
		return rc;
	}
	if (lang_fallback)
		fprintf(stderr, "httpcodes: this locale's character set (%s) cannot show Korean; "
		        "showing English (try LANG=C.UTF-8)\n", charset);

	struct sink s = { .charset = charset };
	s.f = open_memstream(&s.buf, &s.len);
	if (!s.f) {
		fputs("httpcodes: out of memory\n", stderr);
		hc_options_free(&o);
		return HC_EXIT_USAGE;
	}
	struct hc_cli c = {
		.out = s.f,
		.lang = o.lang,
		.width = terminal_width(),
		.color = isatty(STDOUT_FILENO) && !no_color() && !o.json,
	};
	if (o.mode == HC_MODE_AUTO || o.mode == HC_MODE_LIST)
		rc = run_list(&o, s.f);
	else
		rc = run_query(&o, &c, charset);
	if (sink_flush(&s) != 0) {
		perror("httpcodes: write error");
		rc = HC_EXIT_USAGE;
	}
	hc_options_free(&o);
	return rc;
}
