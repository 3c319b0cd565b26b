/* cli.c - one-shot output formats. */
#include "cli.h"

#include <string.h>

#include "doc.h"
#include "text.h"

/* SGR colours by class: 1xx blue, 2xx green, 3xx cyan, 4xx yellow, 5xx red. */
static const char *class_sgr(int code)
{
	static const char *const sgr[] = { "1;34", "1;32", "1;36", "1;33", "1;31" };
	int k = code / 100 - 1;

	return k >= 0 && k < 5 ? sgr[k] : "1";
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
		}
	}
}

void hc_cli_entry(const struct hc_cli *c, const struct hc_entry *e)
{
	struct hc_doc d = { 0 };

	hc_doc_entry(&d, e, c->lang, NULL);
	render(c, &d, e->code);
	hc_doc_free(&d);
}

void hc_cli_tsv(FILE *out, const struct hc_entry *e)
{
	fprintf(out, "%d\t%s\t%s\t%s\t%s\n", e->code, e->phrase_en, e->name_ko,
	        hc_status_name(e->status), e->reference);
}

/*
 * A JSON string as jq writes it: UTF-8 as is, '"' and '\' escaped, the C0
 * controls and DEL as \b \f \n \r \t or \u00XX. Runs of plain bytes are
 * written with one fwrite, so the output is the same bytes in every locale
 * and costs no printf per character. The table is valid UTF-8 (the generator
 * checks it).
 */
static void json_str(FILE *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;

	fputc('"', out);
	for (;; s++) {
		unsigned char ch = (unsigned char)*s;
		char esc[7] = { '\\', 0 };
		size_t k = 2;

		if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != 0x7f)
			continue;
		fwrite(run, 1, (size_t)(s - run), out);
		run = s + 1;
		if (!ch)
			break;
		switch (ch) {
		case '"': case '\\': esc[1] = (char)ch; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[ch >> 4];
			esc[5] = hex[ch & 15];
			k = 6;
		}
		fwrite(esc, 1, k, out);
	}
	fputc('"', out);
}

/* jq's layout: two spaces per level, one value per line, "[]" when empty. */
static void json_indent(FILE *out, int level)
{
	static const char sp[] = "            ";

	fputc('\n', out);
	fwrite(sp, 1, (size_t)(2 * level) < sizeof sp - 1 ? (size_t)(2 * level) : sizeof sp - 1, out);
}

static void json_key(FILE *out, const char *key, bool first, int level)
{
	if (!first)
		fputc(',', out);
	json_indent(out, level);
	json_str(out, key);
	fputs(": ", out);
}

static void json_field(FILE *out, const struct hc_entry *e, enum hc_field f)
{
	unsigned n = hc_entry_field_items(e, f);
	char code[4];

	json_key(out, hc_field_key(f), false, 2);
	if (!hc_field_is_list(f)) {
		const char *v = hc_entry_field(e, f, 0, code);

		if (v)
			json_str(out, v);
		else
			fputs("null", out);
		return;
	}
	fputc('[', out);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		json_indent(out, 3);
		json_str(out, hc_entry_field(e, f, i, code));
	}
	if (n)
		json_indent(out, 2);
	fputc(']', out);
}

/* Every field of the catalog's field list (catalog.h), then the facts that
 * are not search fields. */
static void json_entry(FILE *out, const struct hc_entry *e)
{
	fputc('{', out);
	json_key(out, "code", true, 2);
	fprintf(out, "%d", e->code);
	for (int f = 0; f < HC_FIELD_COUNT; f++)
		if (f != HC_FIELD_CODE)
			json_field(out, e, (enum hc_field)f);
	json_key(out, "status", false, 2);
	json_str(out, hc_status_name(e->status));
	json_key(out, "reference", false, 2);
	json_str(out, e->reference ? e->reference : "");
	json_key(out, "cacheable", false, 2);
	fputs(e->cacheable ? "true" : "false", out);
	json_key(out, "see_also", false, 2);
	fputc('[', out);
	for (unsigned i = 0; i < e->n_see_also; i++) {
		const struct hc_see_also *s = &e->see_also[i];

		if (i)
			fputc(',', out);
		json_indent(out, 3);
		fputc('{', out);
		json_key(out, "code", true, 4);
		fprintf(out, "%d", s->code);
		json_key(out, "en", false, 4);
		json_str(out, s->en ? s->en : "");
		json_key(out, "ko", false, 4);
		json_str(out, s->ko ? s->ko : "");
		json_indent(out, 3);
		fputc('}', out);
	}
	if (e->n_see_also)
		json_indent(out, 2);
	fputc(']', out);
	json_indent(out, 1);
	fputc('}', out);
}

void hc_cli_json(FILE *out, const struct hc_entry *const *v, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		json_indent(out, 1);
		json_entry(out, v[i]);
	}
	fputs(n ? "\n]\n" : "]\n", out);
}
