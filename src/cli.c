/* cli.c - the one-shot CLI: routing a query (codes, patterns, words, codes
 * from standard input), gathering, messages, the converting sink. The
 * formats themselves are in cli_format.c. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "constname.h"
#include "extra.h"
#include "search.h"
#include "text.h"

/* ---- running a query ------------------------------------------------------- */

int hc_cli_terminal_width(int fd)
{
	struct winsize ws;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Output is gathered in memory and written in one go, converted or not. */
struct sink {
	char *buf;
	size_t len;
	FILE *f;
};

/* Close the memory stream and write what it holds to out, converted to
 * charset unless raw. The buffer is freed on every path. */
static int sink_flush(struct sink *s, FILE *out, const char *charset, bool raw)
{
	size_t n = 0;
	char *conv = NULL;
	int rc = fclose(s->f) == 0 && s->buf ? 0 : -1;

	if (rc == 0 && s->len > 0) {
		if (raw)
			rc = fwrite(s->buf, 1, s->len, out) == s->len ? 0 : -1;
		else if ((conv = hc_text_to_charset(s->buf, s->len, charset, &n)) == NULL)
			rc = -1;
		else
			rc = fwrite(conv, 1, n, out) == n ? 0 : -1;
	}
	if (fflush(out) != 0)
		rc = -1;
	free(conv);
	free(s->buf);
	s->buf = NULL;
	return rc;
}

/* A line of plain text, indented by two spaces (hc_line_fn over a FILE). */
static void put_plain(const char *line, size_t n, void *ud)
{
	fprintf(ud, "  %.*s\n", (int)n, line);
}

/* ---- one run: routing, gathering, messages ----------------------------- */

struct run {
	const struct hc_options *o;
	const struct hc_cli_io *io;
	struct hc_cli c;                /* writes into the memory stream */
	const struct hc_index *ix;      /* the caller's, or own (built on the first word search) */
	struct hc_index *own;
	const struct hc_entry **json;   /* what --json prints, gathered */
	size_t n_json, cap_json;
	bool human;                     /* text for people was written: convert it */
	bool printed;                   /* something is on the output already */
	bool found, missing;
	bool nomem, refused;
};

/* A message on the error stream: prefix, a short cleaned copy of the user's
 * text q[0..n) (invisible characters spelled out, cut on a character
 * boundary), suffix; in the locale's charset. */
static void say(struct run *r, const char *prefix, const char *q, size_t n, const char *suffix)
{
	size_t k = n > 60 ? 60 : n, len = 0, ml;
	char *clean, *msg = NULL, *out = NULL;

	while (k > 0 && k < n && (q[k] & 0xc0) == 0x80)
		k--;
	clean = hc_text_sanitize(q, k, &len);
	ml = strlen(prefix) + len + strlen(suffix) + 8;
	if (clean && (msg = malloc(ml)) != NULL) {
		snprintf(msg, ml, "%s%s%s%s\n", prefix, clean, k < n ? "..." : "", suffix);
		out = hc_text_to_charset(msg, strlen(msg), r->io->charset, NULL);
	}
	fputs(out ? out : "httpcodes: out of memory\n", r->io->err);
	free(out);
	free(msg);
	free(clean);
}

static void gather(struct run *r, const struct hc_entry *e)
{
	if (r->n_json == r->cap_json) {
		size_t cap = r->cap_json ? r->cap_json * 2 : 16;
		const struct hc_entry **v = realloc(r->json, cap * sizeof *v);

		if (!v) {
			r->nomem = true;
			return;
		}
		r->json = v;
		r->cap_json = cap;
	}
	r->json[r->n_json++] = e;
}

/* A whole entry, a blank line between it and what came before. */
static void show_entry(struct run *r, const struct hc_entry *e)
{
	r->found = true;
	if (r->o->json) {
		gather(r, e);
		return;
	}
	if (r->printed)
		fputc('\n', r->c.out);
	hc_cli_entry(&r->c, e);
	r->human = r->printed = true;
}

/* One line of a list: for people on a terminal, the --list row (TSV) for a
 * script. */
static void show_line(struct run *r, const struct hc_entry *e)
{
	r->found = true;
	if (r->o->json) {
		gather(r, e);
		return;
	}
	if (r->io->tty) {
		hc_cli_line(&r->c, e);
		r->human = true;
	} else {
		hc_cli_tsv(r->c.out, e);
	}
	r->printed = true;
}

/*
 * A code no registry and no known server gives a meaning: RFC 9110 §15 says
 * a client treats an unrecognised code as the x00 of its class. Said in full
 * on the output (with the x00's name) when it is the answer asked for, on
 * the error stream in a list or with --json. It counts as not found.
 */
static void unassigned(struct run *r, int code, bool in_full)
{
	size_t first;
	const struct hc_entry *x00 = hc_catalog_find_code(code / 100 * 100, &first)
	                             ? &hc_catalog_entries()[first] : NULL;
	const char *en = x00 && x00->phrase_en ? hc_str(x00->phrase_en) : "";
	const char *ko = x00 && x00->name_ko ? hc_str(x00->name_ko) : "";
	char buf[512], c[8];

	r->missing = true;
	snprintf(c, sizeof c, "%d", code);
	if (!in_full || r->o->json) {
		snprintf(buf, sizeof buf, " is not assigned: a client treats it as %d %s "
		         "(RFC 9110 \xc2\xa7" "15)", code / 100 * 100, en);
		say(r, "httpcodes: ", c, strlen(c), buf);
		return;
	}
	if (r->printed)
		fputc('\n', r->c.out);
	fprintf(r->c.out, "%d %s\n", code, r->o->lang == HC_LANG_KO ? "(미할당)" : "(unassigned)");
	if (r->o->lang != HC_LANG_KO) {
		snprintf(buf, sizeof buf, "No registry and no known server gives %d a meaning. A "
		         "client treats a code it does not know as the x00 code of its class "
		         "(RFC 9110 \xc2\xa7" "15): %d is handled as %d %s.", code, code,
		         code / 100 * 100, en);
		hc_text_wrap(buf, strlen(buf), r->c.width - 2 < 20 ? 20 : r->c.width - 2,
		             put_plain, r->c.out);
	}
	if (r->o->lang == HC_LANG_BOTH)
		fputc('\n', r->c.out);
	if (r->o->lang != HC_LANG_EN) {
		snprintf(buf, sizeof buf, "%d에는 등록되거나 알려진 뜻이 없습니다. 클라이언트는 모르는 "
		         "코드를 같은 계열의 x00 코드로 처리합니다(RFC 9110 \xc2\xa7" "15). 따라서 이 "
		         "코드는 %d %s(%s)처럼 다룹니다.", code, code / 100 * 100, en, ko);
		hc_text_wrap(buf, strlen(buf), r->c.width - 2 < 20 ? 20 : r->c.width - 2,
		             put_plain, r->c.out);
	}
	r->human = r->printed = true;
}

/* ---- what a word is ------------------------------------------------------ */

enum word_kind { W_OTHER, W_CODE, W_PATTERN, W_NUMBER, W_SUBSTATUS };

/* Bytes [*a, *b) of w[0..n): the word without punctuation around it. */
static void trim_punct(const char *w, size_t n, size_t *a, size_t *b)
{
	static const char around[] = "()[]{}<>'\"`";
	static const char after[] = ".,;:!";

	*a = 0;
	*b = n;
	while (*a < *b && strchr(around, w[*a]))
		++*a;
	while (*b > *a && (strchr(around, w[*b - 1]) || strchr(after, w[*b - 1])))
		--*b;
}

/* The word without punctuation around it: "(404)", "'404'", "404." and
 * "404," are 404. Returns the kind of what is left, with its pattern. */
static enum word_kind classify(const char *w, size_t n, struct hc_pattern *p)
{
	char buf[16];
	size_t a, b, i;
	int k = hc_constname_code(w, n);

	/* A library's constant (http.StatusNotFound, constname.h) names one code. */
	if (k > 0) {
		snprintf(buf, sizeof buf, "%03d", k % 1000);
		return hc_pattern_parse(buf, p) ? W_CODE : W_OTHER;
	}
	trim_punct(w, n, &a, &b);
	if (b - a == 0 || b - a >= sizeof buf)
		return W_OTHER;
	memcpy(buf, w + a, b - a);
	buf[b - a] = '\0';
	if (hc_pattern_parse(buf, p))
		return hc_pattern_is_exact(p) ? W_CODE : W_PATTERN;
	/* Shaped like an IIS sub-status ("500.99"); the known ones were answered
	 * before (extra.h), so this one is not in the table. */
	if (b - a >= 5 && b - a <= 7 && buf[3] == '.') {
		size_t d = 0;

		for (i = 0; buf[i]; i++)
			d += buf[i] >= '0' && buf[i] <= '9';
		if (d == b - a - 1 && buf[0] >= '1' && buf[0] <= '5')
			return W_SUBSTATUS;
	}
	/* A number that names no code: "0", "600", "-1", "1234". */
	i = buf[0] == '-' || buf[0] == '+';
	if (buf[i] == '\0')
		return W_OTHER;
	for (; buf[i]; i++)
		if (buf[i] < '0' || buf[i] > '9')
			return W_OTHER;
	return W_NUMBER;
}

/* Calls fn for each word of s[0..n) (split at ASCII spaces and tabs). */
static size_t next_word(const char *s, size_t n, size_t *at, size_t *len)
{
	size_t i = *at;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*at = i;
	while (i < n && s[i] != ' ' && s[i] != '\t')
		i++;
	*len = i - *at;
	return *len;
}

/* The entries outside the five classes (extra.h) that w[0..n) names:
 * "500.19", "000", "0", "999", or, when `inside`, a sub-status among other
 * words ("HTTP Error 500.19 - Internal Server Error"). */
static size_t extra_of(const char *w, size_t n, bool inside, const struct hc_entry **first)
{
	char buf[256];
	size_t k;

	*first = NULL;
	if (n == 0 || n >= sizeof buf)
		return 0;
	memcpy(buf, w, n);
	buf[n] = '\0';
	k = hc_extra_find(buf, first);
	if (k && !inside && strcmp(hc_str((*first)->code_text), buf) != 0)
		return 0;       /* a word must be the code itself */
	return k;
}

/* True when every word of the query is a code, a pattern or a number. */
static bool all_codes(const char *s, size_t n)
{
	struct hc_pattern p;
	const struct hc_entry *x;
	size_t at = 0, len, words = 0;

	for (; next_word(s, n, &at, &len); at += len, words++)
		if (classify(s + at, len, &p) == W_OTHER && !extra_of(s + at, len, false, &x))
			return false;
	return words > 0;
}

/* Shows the entries outside the five classes that w[0..n) names; how many. */
static size_t show_extra(struct run *r, const char *w, size_t n, bool inside, bool compact)
{
	const struct hc_entry *x;
	size_t k = extra_of(w, n, inside, &x);

	for (size_t i = 0; i < k; i++) {
		if (compact)
			show_line(r, &x[i]);
		else
			show_entry(r, &x[i]);
	}
	return k;
}

static bool has_alnum(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* Any letter or digit, and any non-ASCII character (Hangul, …). */
		if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80)
			return true;
	}
	return false;
}

/* ---- the routes ---------------------------------------------------------- */

/* Codes, patterns and numbers, each answered in turn: a code in full (in a
 * list when `compact`), a pattern as a list. */
static void by_codes(struct run *r, const char *s, size_t n, bool compact)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t total = hc_catalog_count(), at = 0, len;
	struct hc_pattern p;

	for (; next_word(s, n, &at, &len); at += len) {
		enum word_kind k;
		size_t first, count = 0;

		/* "500.19", "999", "000", "0" (extra.h) before the patterns. */
		if (show_extra(r, s + at, len, false, compact))
			continue;
		k = classify(s + at, len, &p);
		if (k == W_NUMBER) {
			r->missing = true;
			say(r, "httpcodes: nothing matches '", s + at, len,
			    "': status codes run from 100 to 599");
			continue;
		}
		if (k == W_SUBSTATUS) {
			size_t a, b;

			trim_punct(s + at, len, &a, &b);
			if (show_extra(r, s + at + a, b - a, false, compact))
				continue;       /* "(500.19)", "500.19." */
			r->missing = true;
			say(r, "httpcodes: nothing matches '", s + at, len,
			    "': not an IIS sub-status code httpcodes knows (the entry of its code "
			    "lists those it knows)");
			continue;
		}
		for (size_t i = 0; i < total; i++) {
			if (!hc_pattern_match(&p, all[i].code))
				continue;
			count++;
			if (k == W_CODE && !compact)
				show_entry(r, &all[i]);
			else
				show_line(r, &all[i]);
		}
		if (count == 0 && k == W_CODE)
			unassigned(r, (p.digit[0] - '0') * 100 + (p.digit[1] - '0') * 10 +
			              (p.digit[2] - '0'), !compact);
		else if (count == 0) {
			r->missing = true;
			say(r, "httpcodes: nothing matches '", s + at, len, "'");
		}
		(void)first;
	}
}

/* Entries of one extra table (extra.h) that the words find, into out (at
 * most max); how many. Out of memory or a refused query finds nothing here:
 * the table's own search has said so already. */
static size_t search_table(bool words_only, const char *q, size_t n, const struct hc_entry *t,
                           size_t nt, const struct hc_entry **out, size_t max)
{
	struct hc_index *ix = nt ? hc_index_new(t, nt) : NULL;
	struct hc_results res = { 0 };
	size_t k = 0;
	enum hc_search_status st = HC_SEARCH_NOMEM;

	if (ix)
		st = words_only ? hc_search_words(ix, q, n, &res) : hc_search(ix, q, n, &res);
	if (st == HC_SEARCH_OK)
		for (size_t i = 0; i < res.n && k < max; i++)
			if (res.hits[i].entry < nt)
				out[k++] = &t[res.hits[i].entry];
	hc_results_free(&res);
	hc_index_free(ix);
	return k;
}

static size_t search_extra(bool words_only, const char *q, size_t n, const struct hc_entry **out,
                           size_t max)
{
	size_t ni, no, k;
	const struct hc_entry *iis = hc_extra_iis(&ni), *other = hc_extra_other(&no);

	k = search_table(words_only, q, n, iis, ni, out, max);
	return k + search_table(words_only, q, n, other, no, out + k, max - k);
}

/* The hits that follow the result proper (fewer than three matched every
 * word; search.h), named on stderr: "also some of the words: 204, 403". */
static void say_others(struct run *r, const struct hc_entry *all, const struct hc_results *res)
{
	char list[256];
	size_t at;

	at = (size_t)snprintf(list, sizeof list, "%s", r->o->lang == HC_LANG_KO ?
	                      "httpcodes: 검색어 일부만 맞는 코드: " :
	                      "httpcodes: matching only some of the words: ");
	for (size_t i = res->complete; i < res->n && at < sizeof list - 80; i++) {
		const struct hc_entry *e = &all[res->hits[i].entry];
		int k = snprintf(list + at, sizeof list - at, "%s%03u%s%s%s",
		                 i > res->complete ? ", " : "", e->code,
		                 e->vendor ? " (" : "", e->vendor ? hc_str(e->vendor) : "",
		                 e->vendor ? ")" : "");

		if (k < 0 || (size_t)k >= sizeof list - at)
			break;
		at += (size_t)k;
	}
	say(r, list, "", 0, "");
}

/* Words, through the search engine. One match, or every entry of the one
 * code the query names ("404" with --search off), in full; more in a list. */
static void by_words(struct run *r, const char *q, size_t n, bool words_only, bool compact)
{
	const struct hc_entry *all = hc_catalog_entries();
	struct hc_results res = { 0 };
	enum hc_search_status st;
	const struct hc_entry *x[64];
	size_t keep, nx = 0;
	bool exact;

	if (!r->ix)
		r->ix = r->own = hc_index_new(all, hc_catalog_count());
	if (!r->ix) {
		r->nomem = true;
		return;
	}
	st = words_only ? hc_search_words(r->ix, q, n, &res) : hc_search(r->ix, q, n, &res);
	if (st == HC_SEARCH_NOMEM)
		r->nomem = true;
	else if (st == HC_SEARCH_INVALID || st == HC_SEARCH_TOO_LONG)
		r->refused = true;
	if (res.partial) {      /* never a bare "nothing matches" (search.h) */
		char tail[96];

		snprintf(tail, sizeof tail, "'; showing the best partial matches (%u of %u words)",
		         res.matched, res.terms);
		say(r, "httpcodes: not every word matched in '", q, n, tail);
	}
	if (res.read_as && res.n > 0)   /* typed in the other script */
		say(r, r->o->lang == HC_LANG_KO ? "httpcodes: '" : "httpcodes: showing results for '",
		    res.read_as, res.read_as_len,
		    r->o->lang == HC_LANG_KO ? "' 검색 결과를 보여 줍니다" : "'");
	keep = res.complete;
	exact = res.n > 0 && res.hits[0].rank == HC_RANK_CODE_EXACT;
	if (exact) /* only the entries of that one code */
		for (keep = 1; keep < res.n && res.hits[keep].rank == HC_RANK_CODE_EXACT &&
		               all[res.hits[keep].entry].code == all[res.hits[0].entry].code; keep++)
			;
	/* Words find the codes outside the five classes too: after the
	 * table's own with --search, or when the table has nothing (small
	 * indexes of their own). */
	if (!exact && (words_only || res.n == 0) && (st == HC_SEARCH_OK || st == HC_SEARCH_EMPTY))
		nx = search_extra(words_only, q, n, x, sizeof x / sizeof x[0]);
	for (size_t i = 0; i < keep; i++) {
		if (!compact && (exact || keep + nx == 1))
			show_entry(r, &all[res.hits[i].entry]);
		else
			show_line(r, &all[res.hits[i].entry]);
	}
	for (size_t i = 0; i < nx; i++) {
		if (!compact && keep + nx == 1)
			show_entry(r, x[i]);
		else
			show_line(r, x[i]);
	}
	if (!compact && res.complete < res.n)
		say_others(r, all, &res);
	if (res.n + nx == 0 && st != HC_SEARCH_INVALID && st != HC_SEARCH_NOMEM) {
		r->missing = true;
		say(r, "httpcodes: nothing matches '", q, n, "'");
	}
	hc_results_free(&res);
}

/* One query as the user gave it. */
static void route(struct run *r, const char *q, size_t n, bool compact)
{
	if (r->o->mode == HC_MODE_SEARCH) {
		by_words(r, q, n, true, compact);
	} else if (all_codes(q, n)) {
		by_codes(r, q, n, compact);
	} else if (show_extra(r, q, n, true, compact)) {
		/* an IIS sub-status pasted with its words: shown above */
	} else if (!has_alnum(q, n)) {
		r->missing = true;
		say(r, "httpcodes: '", q, n, "' is not a code, a pattern or a word "
		    "(try 404, 4xx or timeout)");
	} else {
		by_words(r, q, n, false, compact);
	}
}

/* Codes (or words) on standard input, one query a line, each answered in a
 * list. Returns the number of queries read. */
static size_t from_input(struct run *r)
{
	char *line = NULL;
	size_t cap = 0, queries = 0;
	ssize_t got;

	while ((got = getline(&line, &cap, r->io->in)) >= 0) {
		size_t n = (size_t)got;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		line[n] = '\0';
		if (n > HC_QUERY_MAX || !hc_text_is_clean(line, n)) {
			r->missing = true;
			say(r, "httpcodes: skipped a line that is too long, or has control "
			    "characters or invalid UTF-8: '", line, n, "'");
			continue;
		}
		n = hc_text_strip_invisible(line, n);
		if (!has_alnum(line, n) && n > 0 && strspn(line, " \t") == n)
			continue;
		if (n == 0)
			continue;
		queries++;
		route(r, line, n, true);
	}
	free(line);
	return queries;
}

static void list_all(struct run *r)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t n = hc_catalog_count();

	for (size_t i = 0; i < n; i++) {
		if (r->o->json)
			gather(r, &all[i]);
		else
			hc_cli_tsv(r->c.out, &all[i]);
	}
	r->found = true;
}

int hc_cli_run(const struct hc_options *o, const struct hc_cli_io *io)
{
	struct sink s = { 0 };
	struct run r = { .o = o, .io = io, .ix = io->ix };
	int rc;

	s.f = open_memstream(&s.buf, &s.len);
	if (!s.f) {
		fputs("httpcodes: out of memory\n", io->err);
		return HC_EXIT_USAGE;
	}
	r.c = (struct hc_cli){
		.out = s.f,
		.lang = o->lang,
		.width = io->width > 0 ? io->width : 80,
		.color = io->color && !o->json,
		.hyperlinks = io->hyperlinks && io->tty && !o->json,
		.code = &o->code,
	};
	if (o->mode == HC_MODE_LIST) {
		list_all(&r);
	} else if (o->mode == HC_MODE_AUTO) {
		if (!io->in || from_input(&r) == 0) {
			if (io->in && io->tty) {
				fputs("httpcodes: standard input is not a terminal: cannot start the "
				      "browser (give a QUERY or --list)\n", io->err);
				r.refused = true;
			} else {
				list_all(&r);
			}
		}
	} else if (o->query) {
		route(&r, o->query, strlen(o->query), false);
	}
	if (o->json && !r.nomem && !r.refused)
		hc_cli_json(s.f, r.json, r.n_json);
	if (r.nomem)
		fputs("httpcodes: out of memory\n", io->err);
	else if (r.refused && o->mode != HC_MODE_AUTO)
		fputs("httpcodes: the query has control characters or invalid UTF-8\n", io->err);
	rc = r.nomem || r.refused ? HC_EXIT_USAGE
	   : r.found && !r.missing ? HC_EXIT_FOUND : HC_EXIT_NOT_FOUND;
	/* Machine formats are the same UTF-8 bytes in every locale. */
	errno = 0;
	if (sink_flush(&s, io->out, io->charset, !r.human) != 0) {
		fprintf(io->err, "httpcodes: write error: %s\n", strerror(errno ? errno : EIO));
		rc = HC_EXIT_USAGE;
	}
	free(r.json);
	hc_index_free(r.own);
	return rc;
}
