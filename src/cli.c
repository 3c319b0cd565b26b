/* cli.c - one-shot output formats. */
#include "cli.h"

#include <string.h>

#include "text.h"

/* SGR colours by class: 1xx blue, 2xx green, 3xx cyan, 4xx yellow, 5xx red. */
static const char *class_sgr(int code)
{
	static const char *const sgr[] = { "1;34", "1;32", "1;36", "1;33", "1;31" };
	int k = code / 100 - 1;

	return k >= 0 && k < 5 ? sgr[k] : "1";
}

static bool want_en(const struct hc_cli *c)
{
	return c->lang != HC_LANG_KO;
}

static bool want_ko(const struct hc_cli *c)
{
	return c->lang != HC_LANG_EN;
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
	FILE *out;
	const char *indent;
};

static void put_line(const char *line, size_t n, void *ud)
{
	struct wrap_ctx *w = ud;

	fprintf(w->out, "%s%.*s\n", w->indent, (int)n, line);
}

/* Wrap text to the width with an indent in front of every line. */
static void para(const struct hc_cli *c, const char *indent, const char *text)
{
	struct wrap_ctx w = { c->out, indent };
	int width = c->width - hc_text_width(indent, strlen(indent));

	hc_text_wrap(text, strlen(text), width < 20 ? 20 : width, put_line, &w);
}

static void heading(const struct hc_cli *c, const char *en, const char *ko)
{
	const char *label = c->lang == HC_LANG_KO ? ko : en;

	if (c->lang == HC_LANG_BOTH)
		fprintf(c->out, c->color ? "\n\033[1m%s \xc2\xb7 %s\033[0m\n" : "\n%s \xc2\xb7 %s\n", en, ko);
	else
		fprintf(c->out, c->color ? "\n\033[1m%s\033[0m\n" : "\n%s\n", label);
}

/* "label: a; b; c" wrapped, for lists of short items. */
static void list_field(const struct hc_cli *c, const char *label, const struct hc_strs *s)
{
	char buf[1024];
	size_t used = 0;

	if (!s->n)
		return;
	used = (size_t)snprintf(buf, sizeof buf, "%s: ", label);
	for (unsigned i = 0; i < s->n && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? "; " : "", s->v[i]);
	para(c, "", buf);
}

static const char *pick(const struct hc_cli *c, const char *en, const char *ko)
{
	return c->lang == HC_LANG_KO ? ko : en;
}

static void facts(const struct hc_cli *c, const struct hc_entry *e)
{
	char buf[512];

	snprintf(buf, sizeof buf, "%s: %s%s%s", pick(c, "Status", "상태"), hc_status_name(e->status),
	         e->vendor ? " \xc2\xb7 " : "", e->vendor ? e->vendor : "");
	para(c, "", buf);
	snprintf(buf, sizeof buf, "%s: %s", pick(c, "Reference", "출처"), e->reference);
	para(c, "", buf);
	snprintf(buf, sizeof buf, "%s: %s", pick(c, "Cacheable by default", "기본 캐시 가능"),
	         e->cacheable ? pick(c, "yes (RFC 9110 \xc2\xa7" "15.1)", "예 (RFC 9110 \xc2\xa7" "15.1)")
	                      : pick(c, "no", "아니요"));
	para(c, "", buf);
	if (want_en(c))
		list_field(c, c->lang == HC_LANG_KO ? "영문 별칭" : "Also known as", &e->aliases_en);
	if (want_ko(c))
		list_field(c, "다른 이름", &e->aliases_ko);
	list_field(c, pick(c, "Headers", "관련 헤더"), &e->headers);
}

/* One text field in the chosen language(s). */
static void text_field(const struct hc_cli *c, const char *en_label, const char *ko_label,
                       const char *en, const char *ko)
{
	heading(c, en_label, ko_label);
	if (want_en(c))
		para(c, "  ", en);
	if (c->lang == HC_LANG_BOTH)
		fputc('\n', c->out);
	if (want_ko(c))
		para(c, "  ", ko);
}

void hc_cli_entry(const struct hc_cli *c, const struct hc_entry *e)
{
	title(c, e, " ");
	fputc('\n', c->out);
	facts(c, e);
	text_field(c, "Summary", "요약", e->summary_en, e->summary_ko);
	text_field(c, "Description", "설명", e->desc_en, e->desc_ko);
	text_field(c, "In practice", "실무 팁", e->note_en, e->note_ko);
	if (e->n_see_also) {
		heading(c, "See also", "함께 볼 코드");
		for (unsigned i = 0; i < e->n_see_also; i++) {
			const struct hc_see_also *s = &e->see_also[i];
			char buf[1024];

			if (want_en(c)) {
				snprintf(buf, sizeof buf, "%d: %s", s->code, s->en);
				para(c, "  ", buf);
			}
			if (want_ko(c)) {
				snprintf(buf, sizeof buf, "%d: %s", s->code, s->ko);
				para(c, "  ", buf);
			}
		}
	}
}

void hc_cli_tsv(FILE *out, const struct hc_entry *e)
{
	fprintf(out, "%d\t%s\t%s\t%s\t%s\n", e->code, e->phrase_en, e->name_ko,
	        hc_status_name(e->status), e->reference);
}

/* A JSON string with everything outside printable ASCII as \uXXXX, so the
 * output is valid in any locale and never carries a raw control byte. */
static void json_str(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	while (*p) {
		unsigned cp = *p;
		int extra = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;

		if (extra)
			cp &= 0x3fu >> extra;
		p++;
		for (int i = 0; i < extra && (*p & 0xc0) == 0x80; i++)
			cp = cp << 6 | (*p++ & 0x3fu);
		if (cp == '"' || cp == '\\') {
			fprintf(out, "\\%c", (char)cp);
		} else if (cp == '\n') {
			fputs("\\n", out);
		} else if (cp >= 0x20 && cp < 0x7f) {
			fputc((int)cp, out);
		} else if (cp >= 0x10000) {
			cp -= 0x10000;
			fprintf(out, "\\u%04x\\u%04x", 0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
		} else {
			fprintf(out, "\\u%04x", cp);
		}
	}
	fputc('"', out);
}

static void json_strs(FILE *out, const struct hc_strs *s)
{
	fputc('[', out);
	for (unsigned i = 0; i < s->n; i++) {
		if (i)
			fputs(", ", out);
		json_str(out, s->v[i]);
	}
	fputc(']', out);
}

static void json_field(FILE *out, const char *name, const char *value)
{
	fprintf(out, ",\n    \"%s\": ", name);
	if (value)
		json_str(out, value);
	else
		fputs("null", out);
}

static void json_entry(FILE *out, const struct hc_entry *e)
{
	fprintf(out, "  {\n    \"code\": %d", e->code);
	json_field(out, "phrase_en", e->phrase_en);
	json_field(out, "name_ko", e->name_ko);
	json_field(out, "status", hc_status_name(e->status));
	json_field(out, "vendor", e->vendor);
	json_field(out, "reference", e->reference);
	fprintf(out, ",\n    \"cacheable\": %s", e->cacheable ? "true" : "false");
	fputs(",\n    \"aliases_en\": ", out);
	json_strs(out, &e->aliases_en);
	fputs(",\n    \"aliases_ko\": ", out);
	json_strs(out, &e->aliases_ko);
	fputs(",\n    \"headers\": ", out);
	json_strs(out, &e->headers);
	fputs(",\n    \"see_also\": [", out);
	for (unsigned i = 0; i < e->n_see_also; i++) {
		fprintf(out, "%s{\"code\": %d, \"en\": ", i ? ", " : "", e->see_also[i].code);
		json_str(out, e->see_also[i].en);
		fputs(", \"ko\": ", out);
		json_str(out, e->see_also[i].ko);
		fputc('}', out);
	}
	fputc(']', out);
	json_field(out, "summary_en", e->summary_en);
	json_field(out, "summary_ko", e->summary_ko);
	json_field(out, "description_en", e->desc_en);
	json_field(out, "description_ko", e->desc_ko);
	json_field(out, "note_en", e->note_en);
	json_field(out, "note_ko", e->note_ko);
	fputs("\n  }", out);
}

void hc_cli_json(FILE *out, const struct hc_entry *const *v, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n" : "\n", out);
		json_entry(out, v[i]);
	}
	fputs(n ? "\n]\n" : "]\n", out);
}
