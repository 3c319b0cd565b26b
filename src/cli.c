/* cli.c - the one-shot CLI: query routing and output formats. */
#include "cli.h"
#include "cli_decide.h"
#include "json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "constname.h"
#include "doc.h"
#include "search.h"
#include "text.h"

/* SGR of a code: bold in its class's colour (hc_doc_class_color, shared with
 * the browser). */
static const char *class_sgr(int code)
{
	static const char *const sgr[] = { "1", "1;31", "1;32", "1;33", "1;34", "1;35", "1;36", "1;37" };

	return sgr[hc_doc_class_color(code / 100) & 7];
}

/* "404 Not Found · 찾을 수 없음 [nginx]" in the chosen language(s); Korean
 * alone still shows the English phrase beside it. */
static void title(const struct hc_cli *c, const struct hc_entry *e, const char *sep)
{
	if (c->color)
		fprintf(c->out, "\033[%sm", class_sgr(e->code));
	fprintf(c->out, "%d", e->code);
	if (c->color)
		fputs("\033[0m", c->out);
	fputs(sep, c->out);
	if (c->color)
		fputs("\033[1m", c->out);
	switch (c->lang) {
	case HC_LANG_EN:
		fputs(e->phrase_en, c->out);
		break;
	case HC_LANG_KO:
		fprintf(c->out, "%s (%s)", e->name_ko, e->phrase_en);
		break;
	case HC_LANG_BOTH:
		fprintf(c->out, "%s \xc2\xb7 %s", e->phrase_en, e->name_ko);
		break;
	}
	if (c->color)
		fputs("\033[0m", c->out);
	/* A vendor already says "unofficial". */
	if (e->vendor)
		fprintf(c->out, " [%s]", e->vendor);
	else if (e->status != HC_STATUS_STANDARD)
		fprintf(c->out, " (%s)", hc_status_name(e->status));
}

void hc_cli_line(const struct hc_cli *c, const struct hc_entry *e)
{
	title(c, e, "  ");
	fputc('\n', c->out);
}

struct wrap_ctx {
	const struct hc_cli *c;
	const char *p1, *p2;    /* prefix of the first and of later lines */
	int status;             /* the entry's code, for its class colour */
	size_t code;            /* bytes at the start of the first line in that colour */
	bool bold;              /* the rest of the first line (a title) in bold */
	bool first;
};

static void put_line(const char *line, size_t n, void *ud)
{
	struct wrap_ctx *w = ud;
	FILE *out = w->c->out;
	size_t k = w->first && w->c->color ? (w->code < n ? w->code : n) : 0;

	fputs(w->first ? w->p1 : w->p2, out);
	if (k) {
		fprintf(out, "\033[%sm", class_sgr(w->status));
		fwrite(line, 1, k, out);
		fputs("\033[0m", out);
	}
	if (w->first && w->bold && w->c->color && k < n) {
		fputs("\033[1m", out);
		fwrite(line + k, 1, n - k, out);
		fputs("\033[0m", out);
	} else {
		fwrite(line + k, 1, n - k, out);
	}
	fputc('\n', out);
	w->first = false;
}

/* Wrap text to the width after a prefix (the first line's p1, later p2). */
static void wrap(const struct hc_cli *c, const char *p1, const char *p2, const char *text,
                 size_t n, int status, size_t code, bool bold)
{
	struct wrap_ctx w = { c, p1, p2, status, code, bold, true };
	int pw = hc_text_width(p1, strlen(p1)), pw2 = hc_text_width(p2, strlen(p2));
	int width = c->width - (pw > pw2 ? pw : pw2);

	hc_text_wrap(text, n, width < 20 ? 20 : width, put_line, &w);
}

/* The entry's document (doc.h), wrapped to the width: the layout is the
 * document's; only the prefixes and colours are the CLI's. */
static void render(const struct hc_cli *c, const struct hc_doc *d, int status)
{
	int code_w = 0;         /* the widest language name of the In code section */

	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].role == HC_DOC_CODE && d->items[i].label) {
			int w = hc_text_width(d->items[i].label, strlen(d->items[i].label));

			code_w = w > code_w ? (w < 30 ? w : 30) : code_w;
		}
	for (size_t i = 0; i < d->n; i++) {
		const struct hc_doc_item *it = &d->items[i];
		const char *t = hc_doc_text(d, it);
		char pre[64];

		switch (it->role) {
		case HC_DOC_TITLE:
			wrap(c, "", "    ", t, it->len, status, 3, true);
			break;
		case HC_DOC_SUBTITLE:
			wrap(c, "    ", "    ", t, it->len, 0, 0, false);
			break;
		case HC_DOC_FACT:
			snprintf(pre, sizeof pre, "%s: ", it->label);
			wrap(c, pre, "  ", t, it->len, 0, 0, false);
			break;
		case HC_DOC_HEADING:
			fprintf(c->out, c->color ? "\n\033[1m%s\033[0m\n" : "\n%s\n", it->label);
			break;
		case HC_DOC_PARA:
			if (it->gap)
				fputc('\n', c->out);
			wrap(c, "  ", "  ", t, it->len, 0, 0, false);
			break;
		case HC_DOC_SEE:
			snprintf(pre, sizeof pre, "  %03u: ", (unsigned)it->code % 1000);
			wrap(c, it->cont ? "       " : pre, "       ", t, it->len, 0, 0, false);
			break;
		case HC_DOC_CODE: {
			char sp[40];
			int pad = code_w + 2 - hc_text_width(it->label, strlen(it->label));

			/* A wrapped note goes deeper than another name of the language. */
			snprintf(sp, sizeof sp, "%*s", code_w + 6, "");
			snprintf(pre, sizeof pre, "  %s%*s", it->cont ? "" : it->label,
			         it->cont ? code_w + 2 : (pad > 0 ? pad : 1), "");
			wrap(c, pre, sp, t, it->len, 0, 0, false);
			break;
		}
		case HC_DOC_PRE:
			/* Verbatim: a line of the wire is never re-wrapped. */
			if (it->len)
				fputs("  ", c->out);
			fwrite(t, 1, it->len, c->out);
			fputc('\n', c->out);
			break;
		case HC_DOC_LINK:
			/* A URL is never wrapped; on a terminal it is also an OSC 8 hyperlink. */
			if (c->color)
				fprintf(c->out, "  %s: \033]8;;%.*s\033\\%.*s\033]8;;\033\\\n", it->label,
				        (int)it->len, t, (int)it->len, t);
			else
				fprintf(c->out, "  %s: %.*s\n", it->label, (int)it->len, t);
			break;
		}
	}
}

void hc_cli_entry(const struct hc_cli *c, const struct hc_entry *e)
{
	struct hc_doc d = { 0 };

	const struct hc_doc_opts opts = { c->code, true };

	hc_doc_entry_with(&d, e, c->lang, NULL, &opts);
	render(c, &d, e->code);
	hc_doc_free(&d);
}

void hc_cli_tsv(FILE *out, const struct hc_entry *e)
{
	fprintf(out, "%d\t%s\t%s\t%s\t%s\n", e->code, e->phrase_en, e->name_ko,
	        hc_status_name(e->status), e->reference);
}

static void json_field(FILE *out, const struct hc_entry *e, enum hc_field f)
{
	unsigned n = hc_entry_field_items(e, f);
	char code[4];

	hc_json_key(out, hc_field_key(f), false, 2);
	if (!hc_field_is_list(f)) {
		const char *v = hc_entry_field(e, f, 0, code);

		if (v)
			hc_json_str(out, v);
		else
			fputs("null", out);
		return;
	}
	fputc('[', out);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		hc_json_indent(out, 3);
		hc_json_str(out, hc_entry_field(e, f, i, code));
	}
	if (n)
		hc_json_indent(out, 2);
	fputc(']', out);
}

static void json_str_or_null(FILE *out, const char *s)
{
	if (s)
		hc_json_str(out, s);
	else
		fputs("null", out);
}

/* Issue 12: each library's constant (one object per row, in the table's
 * order; name and in_code null where the library has none), and the
 * example exchange (null when there is none). */
static void json_constants(FILE *out, const struct hc_entry *e)
{
	hc_json_key(out, "constants", false, 2);
	fputc('[', out);
	for (unsigned i = 0; i < e->n_constants; i++) {
		const struct hc_constant *c = &e->constants[i];

		if (i)
			fputc(',', out);
		hc_json_indent(out, 3);
		fputc('{', out);
		hc_json_key(out, "lang", true, 4);
		hc_json_str(out, c->lang);
		hc_json_key(out, "name", false, 4);
		json_str_or_null(out, c->name);
		hc_json_key(out, "in_code", false, 4);
		json_str_or_null(out, c->spelled);
		hc_json_key(out, "note_en", false, 4);
		json_str_or_null(out, c->note_en);
		hc_json_key(out, "note_ko", false, 4);
		json_str_or_null(out, c->note_ko);
		hc_json_indent(out, 3);
		fputc('}', out);
	}
	if (e->n_constants)
		hc_json_indent(out, 2);
	fputc(']', out);
	hc_json_key(out, "example", false, 2);
	json_str_or_null(out, e->example);
}

/* Every field of the catalog's field list (catalog.h), then the facts that
 * are not search fields. */
static void json_entry(FILE *out, const struct hc_entry *e)
{
	fputc('{', out);
	hc_json_key(out, "code", true, 2);
	fprintf(out, "%d", e->code);
	for (int f = 0; f < HC_FIELD_COUNT; f++)
		if (f != HC_FIELD_CODE)
			json_field(out, e, (enum hc_field)f);
	hc_json_key(out, "status", false, 2);
	hc_json_str(out, hc_status_name(e->status));
	hc_json_key(out, "reference", false, 2);
	hc_json_str(out, e->reference ? e->reference : "");
	hc_json_key(out, "cacheable", false, 2);
	fputs(e->cacheable ? "true" : "false", out);
	hc_json_key(out, "see_also", false, 2);
	fputc('[', out);
	for (unsigned i = 0; i < e->n_see_also; i++) {
		const struct hc_see_also *s = &e->see_also[i];

		if (i)
			fputc(',', out);
		hc_json_indent(out, 3);
		fputc('{', out);
		hc_json_key(out, "code", true, 4);
		fprintf(out, "%d", s->code);
		hc_json_key(out, "en", false, 4);
		hc_json_str(out, s->en ? s->en : "");
		hc_json_key(out, "ko", false, 4);
		hc_json_str(out, s->ko ? s->ko : "");
		hc_json_indent(out, 3);
		fputc('}', out);
	}
	if (e->n_see_also)
		hc_json_indent(out, 2);
	fputc(']', out);
	hc_json_key(out, "facts", false, 2);
	hc_cli_facts_json(out, e, 2);
	hc_json_key(out, "links", false, 2);
	hc_cli_links_json(out, e, 2);
	json_constants(out, e);
	hc_json_indent(out, 1);
	fputc('}', out);
}

void hc_cli_json(FILE *out, const struct hc_entry *const *v, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		hc_json_indent(out, 1);
		json_entry(out, v[i]);
	}
	fputs(n ? "\n]\n" : "]\n", out);
}

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
	struct hc_index *ix;            /* built on the first word search */
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
	const char *en = x00 && x00->phrase_en ? x00->phrase_en : "";
	const char *ko = x00 && x00->name_ko ? x00->name_ko : "";
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

enum word_kind { W_OTHER, W_CODE, W_PATTERN, W_NUMBER };

/* The word without punctuation around it: "(404)", "'404'", "404." and
 * "404," are 404. Returns the kind of what is left, with its pattern. */
static enum word_kind classify(const char *w, size_t n, struct hc_pattern *p)
{
	static const char around[] = "()[]{}<>'\"`";
	static const char after[] = ".,;:!";
	char buf[16];
	size_t a = 0, b = n, i;
	int k = hc_constname_code(w, n);

	/* A library's constant (http.StatusNotFound, constname.h) names one code. */
	if (k > 0) {
		snprintf(buf, sizeof buf, "%03d", k % 1000);
		return hc_pattern_parse(buf, p) ? W_CODE : W_OTHER;
	}
	while (a < b && strchr(around, w[a]))
		a++;
	while (b > a && (strchr(around, w[b - 1]) || strchr(after, w[b - 1])))
		b--;
	if (b - a == 0 || b - a >= sizeof buf)
		return W_OTHER;
	memcpy(buf, w + a, b - a);
	buf[b - a] = '\0';
	if (hc_pattern_parse(buf, p))
		return hc_pattern_is_exact(p) ? W_CODE : W_PATTERN;
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

/* True when every word of the query is a code, a pattern or a number. */
static bool all_codes(const char *s, size_t n)
{
	struct hc_pattern p;
	size_t at = 0, len, words = 0;

	for (; next_word(s, n, &at, &len); at += len, words++)
		if (classify(s + at, len, &p) == W_OTHER)
			return false;
	return words > 0;
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
		enum word_kind k = classify(s + at, len, &p);
		size_t first, count = 0;

		if (k == W_NUMBER) {
			r->missing = true;
			say(r, "httpcodes: nothing matches '", s + at, len,
			    "': status codes run from 100 to 599");
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

/* Words, through the search engine. One match, or every entry of the one
 * code the query names ("404" with --search off), in full; more in a list. */
static void by_words(struct run *r, const char *q, size_t n, bool words_only, bool compact)
{
	const struct hc_entry *all = hc_catalog_entries();
	struct hc_results res = { 0 };
	enum hc_search_status st;
	size_t keep;
	bool exact;

	if (!r->ix)
		r->ix = hc_index_new(all, hc_catalog_count());
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
	keep = res.n;
	exact = res.n > 0 && res.hits[0].rank == HC_RANK_CODE_EXACT;
	if (exact) /* only the entries of that one code */
		for (keep = 1; keep < res.n && res.hits[keep].rank == HC_RANK_CODE_EXACT &&
		               all[res.hits[keep].entry].code == all[res.hits[0].entry].code; keep++)
			;
	for (size_t i = 0; i < keep; i++) {
		if (!compact && (exact || res.n == 1))
			show_entry(r, &all[res.hits[i].entry]);
		else
			show_line(r, &all[res.hits[i].entry]);
	}
	if (res.n == 0 && st != HC_SEARCH_INVALID && st != HC_SEARCH_NOMEM) {
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
	struct run r = { .o = o, .io = io };
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
	hc_index_free(r.ix);
	return rc;
}
