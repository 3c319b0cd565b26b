/*
 * fuzz_cli.c - libFuzzer target for the CLI's output formats: the full entry,
 * the one-line list, the --list TSV and JSON, and now and then a whole run
 * of hc_cli_run() on a query.
 *
 * Input: byte 0 = flags (bits 0-1 language, bit 2 colour, bits 3-4 format,
 * bits 5-7 all set and byte 5 'Q': a whole run on a query instead, which
 * builds the search index each time and is kept rare), byte 1 = width, byte 2 = charset,
 * (bit 2: a terminal), bytes 3-4 = code, byte 5 = status and cacheable; the rest is the entry's
 * strings separated by NUL bytes (phrase, Korean name, vendor, reference, an
 * English and a Korean alias, a header, the summaries, descriptions and notes
 * in both languages, a see-also line), each made valid, control-free UTF-8 as
 * the table generator guarantees for the real table ("\n" kept between
 * paragraphs of descriptions and notes). For a whole run, the rest is the
 * query, cleaned as main.c cleans it.
 *
 * Invariants: output in a UTF-8 locale is valid UTF-8; no control byte but
 * "\n" and "\t", and ESC only as SGR "\e[<digits;>m" or an OSC 8 hyperlink
 * with colour on; JSON is
 * valid JSON with one object per entry; a TSV row is one line of five fields;
 * the error stream is whole "httpcodes: " lines; the exit status is 0, 1 or 2.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "cli.h"
#include "../made.h"
#include "search.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "invariant: %s\n", #x); abort(); } } while (0)

/* ---- a small JSON validator (RFC 8259) ---------------------------------- */

static const char *ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

static const char *value(const char *p, const char *e, int depth, size_t *count);

static const char *string(const char *p, const char *e)
{
	if (p >= e || *p != '"')
		return NULL;
	for (p++; p < e; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"')
			return p + 1;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			if (++p >= e)
				return NULL;
			if (*p == 'u') {
				for (int i = 0; i < 4; i++)
					if (++p >= e || !strchr("0123456789abcdefABCDEF", *p))
						return NULL;
			} else if (!strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
	}
	return NULL;
}

static const char *number(const char *p, const char *e)
{
	const char *s = p;

	if (p < e && *p == '-')
		p++;
	while (p < e && *p >= '0' && *p <= '9')
		p++;
	return p > s && s[0] != '-' ? p : NULL;
}

static const char *literal(const char *p, const char *e, const char *lit)
{
	size_t n = strlen(lit);

	return (size_t)(e - p) >= n && memcmp(p, lit, n) == 0 ? p + n : NULL;
}

/* An array or object; *count gets the number of its members. */
static const char *compound(const char *p, const char *e, int depth, size_t *count)
{
	char close = *p == '[' ? ']' : '}';
	bool obj = *p == '{';

	*count = 0;
	p = ws(p + 1, e);
	if (p < e && *p == close)
		return p + 1;
	for (;;) {
		size_t inner;

		if (obj) {
			p = string(ws(p, e), e);
			if (!p)
				return NULL;
			p = ws(p, e);
			if (p >= e || *p != ':')
				return NULL;
			p++;
		}
		p = value(p, e, depth + 1, &inner);
		if (!p)
			return NULL;
		++*count;
		p = ws(p, e);
		if (p < e && *p == ',') {
			p++;
			continue;
		}
		return p < e && *p == close ? p + 1 : NULL;
	}
}

static const char *value(const char *p, const char *e, int depth, size_t *count)
{
	*count = 0;
	p = ws(p, e);
	if (p >= e || depth > 16)
		return NULL;
	switch (*p) {
	case '[': case '{': return compound(p, e, depth, count);
	case '"': return string(p, e);
	case 't': return literal(p, e, "true");
	case 'f': return literal(p, e, "false");
	case 'n': return literal(p, e, "null");
	default: return number(p, e);
	}
}

static void check_json(const char *s, size_t n, size_t entries)
{
	size_t count = 0;
	const char *end = value(s, s + n, 0, &count);

	CHECK(end != NULL && s[0] == '[');
	CHECK(ws(end, s + n) == s + n);
	CHECK(entries == SIZE_MAX || count == entries);
	CHECK(u8_check((const uint8_t *)s, n) == NULL);
}

/* ---- the other invariants ---------------------------------------------------- */

static void check_bytes(const char *s, size_t n, bool utf8, bool color)
{
	if (utf8)
		CHECK(u8_check((const uint8_t *)s, n) == NULL);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x1b && color && i + 4 < n && memcmp(s + i, "\033]8;;", 5) == 0) {
			/* An OSC 8 hyperlink (a Read more URL): printable up to ST. */
			for (i += 5; i < n && s[i] != 0x1b; i++)
				CHECK((unsigned char)s[i] >= 0x20 && s[i] != 0x7f);
			CHECK(i + 1 < n && s[i + 1] == '\\');
			i++;
			continue;
		}
		if (c == 0x1b) {
			CHECK(color && i + 1 < n && s[i + 1] == '[');
			for (i += 2; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'); i++)
				;
			CHECK(i < n && s[i] == 'm');
			continue;
		}
		CHECK(c >= 0x20 || c == '\n' || c == '\t');
		CHECK(c != 0x7f);
		/* C1 controls as UTF-8 (U+0080..U+009F). */
		if (utf8 && c == 0xc2 && i + 1 < n)
			CHECK((unsigned char)s[i + 1] >= 0xa0 || (unsigned char)s[i + 1] < 0x80);
	}
}

/* Messages: whole lines, each "httpcodes: ..." (one per word or line that
 * was not found). */
static void check_err(const char *s, size_t n, bool utf8)
{
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);

		CHECK(nl != NULL && n - i >= 11 && memcmp(s + i, "httpcodes: ", 11) == 0);
		i = (size_t)(nl - s) + 1;
	}
	check_bytes(s, n, utf8, false);
}

/* ---- building a made-up entry from the input ------------------------------ */

enum { F_PHRASE, F_NAME, F_VENDOR, F_REF, F_ALIAS_EN, F_ALIAS_KO, F_HEADER, F_SUM_EN, F_SUM_KO,
       F_DESC_EN, F_DESC_KO, F_NOTE_EN, F_NOTE_KO, F_SEE, F_COUNT };

/* s[0..n) made valid, control-free UTF-8; "\n" kept between paragraphs when
 * paras. */
static char *clean(const char *s, size_t n, bool paras)
{
	char *out = malloc(n * 4 + 1), *o = out;
	size_t i = 0;

	if (!out)
		return NULL;
	while (i <= n) {
		const char *nl = paras ? memchr(s + i, '\n', n - i) : NULL;
		size_t k = nl ? (size_t)(nl - (s + i)) : n - i, len = 0;
		char *c = hc_text_sanitize(s + i, k, &len);

		if (c)
			memcpy(o, c, len), o += len;
		free(c);
		if (!nl)
			break;
		*o++ = '\n';
		i += k + 1;
	}
	*o = '\0';
	return out;
}

/* A whole run: format 0 a query, 1 --search, 2 a query with --json, 3 no
 * query and the input as standard input (queries one a line). */
static int run_query(const uint8_t *data, size_t size, const struct hc_cli_io *base,
                     enum hc_lang lang, int format)
{
	char *q = malloc(size + 1);
	struct hc_options o = { .mode = format == 1 ? HC_MODE_SEARCH : HC_MODE_QUERY, .lang = lang,
	                        .json = format == 2 };
	FILE *in = NULL;
	int rc = 0;

	if (!q)
		return 0;
	memcpy(q, data, size);
	q[size] = '\0';
	if (format == 3) {
		o.mode = HC_MODE_AUTO;
		in = fmemopen(q, size ? size : 1, "r");
		if (!in) {
			free(q);
			return 0;
		}
		if (!size)
			fgetc(in);
	} else if (size > HC_QUERY_MAX || strlen(q) != size || !hc_text_is_clean(q, size)) {
		free(q);
		return 0;
	} else {
		hc_text_strip_invisible(q, size);
		o.query = q;
	}

	char *ob = NULL, *eb = NULL;
	size_t on = 0, en = 0;
	struct hc_cli_io io = *base;
	/* One index for every run, as a long-lived caller would keep it: the
	 * fuzzer spends its time on routing and output, not on building it. */
	static struct hc_index *ix;

	if (!ix)
		ix = hc_index_new(hc_catalog_entries(), hc_catalog_count());
	io.ix = ix;

	io.out = open_memstream(&ob, &on);
	io.err = open_memstream(&eb, &en);
	io.in = in;
	if (io.out && io.err) {
		rc = hc_cli_run(&o, &io);
		fclose(io.out);
		fclose(io.err);
		CHECK(rc >= 0 && rc <= 2);
		check_err(eb, en, !io.charset);
		check_bytes(ob, on, !io.charset || o.json, io.color && !o.json);
		if (o.json && rc != 2)
			check_json(ob, on, SIZE_MAX);
		if (rc == 2)
			CHECK(on == 0);
	}
	if (in)
		fclose(in);
	free(ob);
	free(eb);
	free(q);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { NULL, "ANSI_X3.4-1968", "EUC-KR", "GB18030" };
	char *f[F_COUNT] = { 0 };
	const char *al_en[1], *al_ko[1], *hdr[1];
	struct hc_see_also see;
	struct hc_entry e;
	enum hc_lang lang;
	int format;
	bool color;
	size_t i = 6, k;

	if (size < 6)
		return 0;
	lang = (enum hc_lang)(data[0] & 3 ? (data[0] & 3) - 1 : 0);
	color = data[0] & 4;
	format = (data[0] >> 3) & 3;
	struct hc_cli_io io = { NULL, NULL, charsets[data[2] & 3], data[1], color, data[2] & 4, NULL,
	                        NULL, color };

	if ((data[0] & 0xe0) == 0xe0 && data[5] == 'Q')
		return run_query(data + 6, size - 6, &io, lang, format);

	for (k = 0; k < F_COUNT && i <= size; k++) {
		const uint8_t *z = i < size ? memchr(data + i, 0, size - i) : NULL;
		size_t n = z ? (size_t)(z - (data + i)) : size - i;

		f[k] = clean((const char *)data + i, n, k >= F_DESC_EN && k <= F_NOTE_KO);
		i += n + 1;
	}
	for (; k < F_COUNT; k++)
		f[k] = clean("", 0, false);
	al_en[0] = f[F_ALIAS_EN];
	al_ko[0] = f[F_ALIAS_KO];
	hdr[0] = f[F_HEADER];
	see = (struct hc_see_also){ (unsigned short)(100 + data[3] % 500), f[F_SEE], f[F_SEE] };
	hc_made_reset();        /* the last input's strings (catalog.h) */
	e = (struct hc_entry){
		.code = (unsigned short)(100 + (data[3] << 8 | data[4]) % 500),
		.status = (enum hc_status)(data[5] % 6),
		.cacheable = data[5] & 0x80,
		.vendor = *f[F_VENDOR] ? S(f[F_VENDOR]) : 0,
		.reference = S(f[F_REF]),
		.phrase_en = S(f[F_PHRASE]),
		.name_ko = S(f[F_NAME]),
		.aliases_en = hc_strs_make(al_en, *al_en[0] ? 1 : 0),
		.aliases_ko = hc_strs_make(al_ko, *al_ko[0] ? 1 : 0),
		.headers = hc_strs_make(hdr, *hdr[0] ? 1 : 0),
		.see_also = hc_see_also_make(&see, *f[F_SEE] ? 1 : 0),
		.summary_en = S(f[F_SUM_EN]), .summary_ko = S(f[F_SUM_KO]),
		.desc_en = S(f[F_DESC_EN]), .desc_ko = S(f[F_DESC_KO]),
		.note_en = S(f[F_NOTE_EN]), .note_ko = S(f[F_NOTE_KO]),
	};

	char *ob = NULL;
	size_t on = 0;
	FILE *out = open_memstream(&ob, &on);

	if (out) {
		struct hc_cli c = { .out = out, .lang = lang, .width = data[1] ? data[1] : 80,
		                      .color = color, .hyperlinks = color };
		const struct hc_entry *v[2] = { &e, &e };

		switch (format) {
		case 0: hc_cli_entry(&c, &e); break;
		case 1: hc_cli_line(&c, &e); break;
		case 2: hc_cli_tsv(out, &e); break;
		case 3: hc_cli_json(out, v, 2); break;
		}
		fclose(out);
		check_bytes(ob, on, true, color && format < 2);
		if (format == 3)
			check_json(ob, on, 2);
		if (format == 2) {
			size_t tabs = 0;

			for (size_t j = 0; j < on; j++)
				tabs += ob[j] == '\t';
			CHECK(tabs == 4 && on > 0 && ob[on - 1] == '\n' && memchr(ob, '\n', on) == ob + on - 1);
		}
		/* The text for people in the locale's charset: no control bytes
		 * come out of the conversion either. */
		if (format < 2 && io.charset) {
			size_t cn = 0;
			char *conv = hc_text_to_charset(ob, on, io.charset, &cn);

			if (conv)
				check_bytes(conv, cn, false, color);
			free(conv);
		}
	}
	free(ob);
	for (k = 0; k < F_COUNT; k++)
		free(f[k]);
	return 0;
}
