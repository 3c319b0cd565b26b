/* cli_format.c - the CLI's output formats: a full entry (the document of
 * doc.c, wrapped and painted), a list line, a --list row and JSON. */
#include "cli.h"
#include "cli_decide.h"
#include "json.h"

#include <string.h>

#include "doc.h"
#include "extra.h"
#include "text.h"

/* SGR of a code: bold in its class's colour (hc_doc_class_color, shared with
 * the browser). */
static const char *class_sgr(int code)
{
	static const char *const sgr[] = { "1", "1;31", "1;32", "1;33", "1;34", "1;35", "1;36", "1;37" };

	return sgr[hc_doc_class_color(code / 100) & 7];
}

/* "404 Not Found · 찾을 수 없음 [nginx]" in the chosen language(s); Korean
 * alone still shows the English phrase beside it. The status once, in the
 * language shown: a placeholder name ("(Unused)") is it, with the former
 * name; a vendor says "unofficial" unless the phrase names it already. */
static void title(const struct hc_cli *c, const struct hc_entry *e, const char *sep)
{
	const char *former = hc_doc_former(e);
	bool placeholder = hc_doc_is_placeholder(e);
	const char *phrase = hc_str(e->phrase_en);
	char code[4];

	if (c->color)
		fprintf(c->out, "\033[%sm", class_sgr(e->code));
	fputs(hc_entry_field(e, HC_FIELD_CODE, 0, code), c->out);
	if (c->color)
		fputs("\033[0m", c->out);
	fputs(sep, c->out);
	if (c->color)
		fputs("\033[1m", c->out);
	switch (c->lang) {
	case HC_LANG_EN:
		fputs(phrase, c->out);
		break;
	case HC_LANG_KO:
		fputs(hc_str(e->name_ko), c->out);
		/* A phrase in parentheses is a description already. */
		if (!placeholder)
			fprintf(c->out, phrase[0] == '(' ? " %s" : " (%s)", phrase);
		break;
	case HC_LANG_BOTH:
		fprintf(c->out, "%s \xc2\xb7 %s", phrase, hc_str(e->name_ko));
		break;
	}
	if (c->color)
		fputs("\033[0m", c->out);
	if (former)
		fprintf(c->out, ", %s %s", hc_doc_formerly(c->lang), former);
	if (hc_doc_shows_vendor(e))
		fprintf(c->out, " [%s]", hc_str(e->vendor));
	else if (!placeholder && e->status != HC_STATUS_STANDARD)
		fprintf(c->out, " [%s]", hc_doc_status(e->status, c->lang));
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
			/* "499 Client Closed Request (nginx) shares …": the
			 * line goes on from the code as one sentence. */
			snprintf(pre, sizeof pre, "  %03u ", (unsigned)it->code % 1000);
			wrap(c, it->cont ? "      " : pre, "      ", t, it->len, 0, 0, false);
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
			/* A URL is never wrapped; on a terminal that shows them it is
			 * also an OSC 8 hyperlink. */
			if (c->hyperlinks)
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
	char code[4];

	fprintf(out, "%s\t%s\t%s\t%s\t%s\n", hc_entry_field(e, HC_FIELD_CODE, 0, code),
	        hc_str(e->phrase_en), hc_str(e->name_ko), hc_status_name(e->status), hc_str(e->reference));
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
		const struct hc_constant *c = hc_entry_constants(e) + i;

		if (i)
			fputc(',', out);
		hc_json_indent(out, 3);
		fputc('{', out);
		hc_json_key(out, "lang", true, 4);
		hc_json_str(out, hc_str(c->lang));
		hc_json_key(out, "name", false, 4);
		json_str_or_null(out, hc_str(c->name));
		hc_json_key(out, "in_code", false, 4);
		json_str_or_null(out, hc_str(c->spelled));
		hc_json_key(out, "note_en", false, 4);
		json_str_or_null(out, hc_str(c->note_en));
		hc_json_key(out, "note_ko", false, 4);
		json_str_or_null(out, hc_str(c->note_ko));
		hc_json_indent(out, 3);
		fputc('}', out);
	}
	if (e->n_constants)
		hc_json_indent(out, 2);
	fputc(']', out);
	hc_json_key(out, "example", false, 2);
	json_str_or_null(out, hc_str(e->example));
}

/* Every field of the catalog's field list (catalog.h), then the facts that
 * are not search fields. */
static void json_entry(FILE *out, const struct hc_entry *e)
{
	fputc('{', out);
	hc_json_key(out, "code", true, 2);
	fprintf(out, "%d", e->code);
	/* Codes outside the five classes (extra.h): how they are written and
	 * what they are; the table's own entries have neither key. */
	if (e->code_text) {
		hc_json_key(out, "code_text", false, 2);
		hc_json_str(out, hc_str(e->code_text));
		hc_json_key(out, "range", false, 2);
		hc_json_str(out, hc_extra_is_iis(e) ? "iis-substatus" : "outside-100-599");
	}
	for (int f = 0; f < HC_FIELD_COUNT; f++)
		if (f != HC_FIELD_CODE)
			json_field(out, e, (enum hc_field)f);
	hc_json_key(out, "status", false, 2);
	hc_json_str(out, hc_status_name(e->status));
	hc_json_key(out, "reference", false, 2);
	hc_json_str(out, e->reference ? hc_str(e->reference) : "");
	hc_json_key(out, "cacheable", false, 2);
	fputs(e->cacheable ? "true" : "false", out);
	hc_json_key(out, "see_also", false, 2);
	fputc('[', out);
	for (unsigned i = 0; i < e->see_also.n; i++) {
		const struct hc_see_also s_ = hc_entry_see_also(e, i), *s = &s_;

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
	if (e->see_also.n)
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

