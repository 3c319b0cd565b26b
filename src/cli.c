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

			snprintf(sp, sizeof sp, "%*s", code_w + 4, "");
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

/* "nothing matches" with a short, cleaned copy of the query (valid UTF-8 by
 * now), cut on a character boundary and in the locale's charset. */
static void say_nothing_found(const char *q, const struct hc_cli_io *io)
{
	size_t n = strlen(q), k = n > 60 ? 60 : n, len = 0;
	char *clean, *out = NULL;

	while (k > 0 && k < n && (q[k] & 0xc0) == 0x80)
		k--;
	clean = hc_text_sanitize(q, k, &len);
	if (clean)
		out = hc_text_to_charset(clean, len, io->charset, NULL);
	fprintf(io->err, "httpcodes: nothing matches '%s%s'\n", out ? out : "", k < n ? "..." : "");
	free(out);
	free(clean);
}

/* A library's constant (http.StatusNotFound, constname.h) names one code. */
static bool constant_pattern(const char *q, struct hc_pattern *p)
{
	char code[4];
	int k = hc_constname_code(q, strlen(q));

	if (k <= 0)
		return false;
	snprintf(code, sizeof code, "%03d", k % 1000);
	return hc_pattern_parse(code, p);
}

/*
 * The entries a query names: a code pattern (or a constant's name) straight from the catalog,
 * anything else through the search engine. *exact is set when the query
 * names one code (a full entry is printed even when vendors share it); then
 * only that code's entries are kept. Returns 0, -1 out of memory, -2 a query
 * the engine refused.
 */
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
	if (o->mode == HC_MODE_QUERY &&
	    (hc_pattern_parse(o->query, &p) || constant_pattern(o->query, &p))) {
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

static int run_query(const struct hc_options *o, const struct hc_cli *c, const struct hc_cli_io *io)
{
	const struct hc_entry **v = NULL;
	size_t n = 0;
	bool exact = false;
	int rc = collect(o, &v, &n, &exact);

	if (rc == -1) {
		fputs("httpcodes: out of memory\n", io->err);
		return HC_EXIT_USAGE;
	}
	if (rc == -2) {
		fputs("httpcodes: the query has control characters or invalid UTF-8\n", io->err);
		return HC_EXIT_USAGE;
	}
	if (n == 0) {
		/* A script reading JSON gets an empty array, not nothing. */
		if (o->json)
			hc_cli_json(c->out, v, 0);
		say_nothing_found(o->query, io);
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

static int run_list(const struct hc_options *o, FILE *out, const struct hc_cli_io *io)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t n = hc_catalog_count();

	if (o->json) {
		const struct hc_entry **v = calloc(n ? n : 1, sizeof *v);

		if (!v) {
			fputs("httpcodes: out of memory\n", io->err);
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

int hc_cli_run(const struct hc_options *o, const struct hc_cli_io *io)
{
	struct sink s = { 0 };
	bool list = o->mode == HC_MODE_AUTO || o->mode == HC_MODE_LIST;
	int rc;

	s.f = open_memstream(&s.buf, &s.len);
	if (!s.f) {
		fputs("httpcodes: out of memory\n", io->err);
		return HC_EXIT_USAGE;
	}
	struct hc_cli c = {
		.out = s.f,
		.lang = o->lang,
		.width = io->width > 0 ? io->width : 80,
		.color = io->color && !o->json,
		.code = &o->code,
	};
	if (list)
		rc = run_list(o, s.f, io);
	else if (!o->query)
		rc = HC_EXIT_USAGE;
	else
		rc = run_query(o, &c, io);
	/* Machine formats are the same UTF-8 bytes in every locale. */
	errno = 0;
	if (sink_flush(&s, io->out, io->charset, list || o->json) != 0) {
		fprintf(io->err, "httpcodes: write error: %s\n", strerror(errno ? errno : EIO));
		rc = HC_EXIT_USAGE;
	}
	return rc;
}
