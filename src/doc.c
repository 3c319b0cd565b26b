/* doc.c - the entry document: labelled items in the order they are shown. */
#include "doc.h"

#include "extra.h"

#include "facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const labels[][2] = {
	[HC_LABEL_STATUS] = { "Status", "상태" },
	[HC_LABEL_VENDOR] = { "Vendor", "사용처" },
	[HC_LABEL_REFERENCE] = { "Reference", "근거" },
	[HC_LABEL_HEADERS] = { "Headers", "관련 헤더" },
	[HC_LABEL_CACHEABLE] = { "Cacheable", "캐시" },
	[HC_LABEL_ALIASES] = { "Also known as", "다른 이름" },
	[HC_LABEL_MATCHED] = { "Matched", "검색 일치" },
	[HC_LABEL_CODES] = { "Codes", "코드 수" },
	[HC_LABEL_SUMMARY] = { "Summary", "요약" },
	[HC_LABEL_DESCRIPTION] = { "Description", "설명" },
	[HC_LABEL_NOTE] = { "In practice", "실무 참고" },
	[HC_LABEL_SEE_ALSO] = { "See also", "함께 볼 코드" },
	[HC_LABEL_IN_CODE] = { "In code", "코드에서" },
	[HC_LABEL_EXAMPLE] = { "Example", "예시" },
	[HC_LABEL_READ_MORE] = { "Read more", "더 읽기" },
	[HC_LABEL_RANGE] = { "Range", "범위" },
	[HC_LABEL_IIS] = { "IIS sub-status codes", "IIS 하위 상태 코드" },
	[HC_LABEL_YES] = { "yes (heuristically, RFC 9110 \xc2\xa7" "15.1)",
	                   "가능 (휴리스틱, RFC 9110 \xc2\xa7" "15.1)" },
	[HC_LABEL_NO] = { "no", "불가" },
};

const char *hc_doc_label(enum hc_doc_label l, enum hc_lang lang)
{
	if ((size_t)l >= sizeof labels / sizeof labels[0])
		return "";
	return labels[l][lang == HC_LANG_KO];
}

const char *hc_doc_status(enum hc_status s, enum hc_lang lang)
{
	static const char *const ko[] = {
		[HC_STATUS_STANDARD] = "표준",
		[HC_STATUS_DEPRECATED] = "사용 중단",
		[HC_STATUS_UNUSED] = "사용 안 함",
		[HC_STATUS_OBSOLETE] = "폐기",
		[HC_STATUS_TEMPORARY] = "임시",
		[HC_STATUS_UNOFFICIAL] = "비공식",
	};

	if (lang == HC_LANG_KO && (size_t)s < sizeof ko / sizeof ko[0] && ko[s])
		return ko[s];
	return hc_status_name(s);
}

bool hc_doc_is_placeholder(const struct hc_entry *e)
{
	return e->status == HC_STATUS_UNUSED && e->phrase_en && hc_str(e->phrase_en)[0] == '(';
}

const char *hc_doc_former(const struct hc_entry *e)
{
	return hc_doc_is_placeholder(e) && e->aliases_en.n > 0 ? hc_strs_at(e->aliases_en, 0) : NULL;
}

const char *hc_doc_formerly(enum hc_lang lang)
{
	return lang == HC_LANG_KO ? "옛 이름" : "formerly";
}

/* ASCII case-insensitive search of needle in hay. */
static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return false;
	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] && (hay[i] | 0x20) == (needle[i] | 0x20))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

bool hc_doc_shows_vendor(const struct hc_entry *e)
{
	const char *vendor = hc_str(e->vendor), *phrase = hc_str(e->phrase_en);

	return vendor && *vendor && !(phrase && contains_ci(phrase, vendor));
}

int hc_doc_class_color(int digit)
{
	static const int ansi[5] = { 5, 2, 6, 3, 1 };

	return digit >= 1 && digit <= 5 ? ansi[digit - 1] : 0;
}

static const char *match_reason(enum hc_rank r, enum hc_lang lang)
{
	bool k = lang == HC_LANG_KO;

	switch (r) {
	case HC_RANK_HEADER:
		return k ? "관련 헤더 또는 사용처" : "a related header or the vendor";
	case HC_RANK_TEXT:
		return k ? "요약, 설명 또는 실무 참고의 낱말" :
		           "words in the summary, description or note";
	case HC_RANK_TYPO:
		return k ? "철자가 한 글자 다른 낱말" : "a word one letter away from what was typed";
	default:
		return NULL;
	}
}

/* ---- growing the document ------------------------------------------------ */

static bool reserve(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* Start an item; its text and segments are appended with put()/put_field(). */
static struct hc_doc_item *item(struct hc_doc *d, enum hc_doc_role role, const char *label)
{
	struct hc_doc_item *it;

	if (d->oom || !reserve((void **)&d->items, &d->cap_items, d->n + 1, sizeof *d->items)) {
		d->oom = true;
		return NULL;
	}
	it = &d->items[d->n++];
	*it = (struct hc_doc_item){ .role = role, .label = label, .off = d->len,
	                            .seg = d->n_segs };
	return it;
}

static bool put(struct hc_doc *d, struct hc_doc_item *it, const char *s, size_t n)
{
	if (!it || d->oom)
		return false;
	if (!reserve((void **)&d->buf, &d->cap, d->len + n, 1)) {
		d->oom = true;
		return false;
	}
	memcpy(d->buf + d->len, s, n);
	d->len += n;
	it->len += n;
	return true;
}

/* Append bytes [off, off+n) of a field's item, remembering where they came from. */
static void put_field(struct hc_doc *d, struct hc_doc_item *it, enum hc_field f, unsigned k,
                      const char *s, size_t off, size_t n)
{
	size_t start = it ? it->len : 0;

	if (!put(d, it, s + off, n))
		return;
	if (!reserve((void **)&d->segs, &d->cap_segs, d->n_segs + 1, sizeof *d->segs)) {
		d->oom = true;
		return;
	}
	d->segs[d->n_segs++] = (struct hc_doc_seg){ start, n, off, f, k };
	it->n_seg++;
}

static void puts_(struct hc_doc *d, struct hc_doc_item *it, const char *s)
{
	put(d, it, s, strlen(s));
}

static void fact(struct hc_doc *d, enum hc_doc_label l, enum hc_lang lang, const char *value)
{
	if (value && *value)
		puts_(d, item(d, HC_DOC_FACT, hc_doc_label(l, lang)), value);
}

/* A fact listing the items of list fields, joined with "; "; skip_former:
 * leave out the first English alias (shown in the title). */
static void list_fact(struct hc_doc *d, enum hc_doc_label l, enum hc_lang lang,
                      const struct hc_entry *e, const enum hc_field *f, size_t nf,
                      bool skip_former)
{
	struct hc_doc_item *it = NULL;

	for (size_t j = 0; j < nf; j++) {
		unsigned n = hc_entry_field_items(e, f[j]);

		for (unsigned k = 0; k < n; k++) {
			char code[4];
			const char *s = hc_entry_field(e, f[j], k, code);

			if (!s || !*s || (skip_former && f[j] == HC_FIELD_ALIAS_EN && k == 0))
				continue;
			if (!it)
				it = item(d, HC_DOC_FACT, hc_doc_label(l, lang));
			else
				puts_(d, it, "; ");
			put_field(d, it, f[j], k, s, 0, strlen(s));
		}
	}
}

/* One paragraph item per "\n"-separated paragraph of a field (or of plain
 * text when f is HC_FIELD_COUNT); gap: a blank line before the first. */
static void paragraphs(struct hc_doc *d, enum hc_field f, const char *s, bool gap)
{
	size_t off = 0;

	while (s && s[off]) {
		const char *nl = strchr(s + off, '\n');
		size_t n = nl ? (size_t)(nl - (s + off)) : strlen(s + off);
		struct hc_doc_item *it = item(d, HC_DOC_PARA, NULL);

		if (it)
			it->gap = gap;
		if (f == HC_FIELD_COUNT)
			put(d, it, s + off, n);
		else
			put_field(d, it, f, 0, s, off, n);
		gap = true;
		if (!nl)
			break;
		off += n + 1;
	}
}

/* A section: its heading, then the English and the Korean text as the
 * language asks, a blank line between them when `gap`. */
static void section(struct hc_doc *d, enum hc_doc_label l, enum hc_lang lang, enum hc_field fen,
                    const char *en, enum hc_field fko, const char *ko, bool gap)
{
	bool did = false;

	/* A section with nothing to show in this language has no heading (an
	 * IIS sub-status entry has no description). */
	if (!(lang != HC_LANG_KO && en && *en) && !(lang != HC_LANG_EN && ko && *ko))
		return;
	item(d, HC_DOC_HEADING, hc_doc_label(l, lang));
	if (lang != HC_LANG_KO && en && *en) {
		paragraphs(d, fen, en, false);
		did = true;
	}
	if (lang != HC_LANG_EN && ko && *ko)
		paragraphs(d, fko, ko, did && gap);
}

/* Heuristic cacheability and the section that says so: RFC 9110 §15.1 for
 * its list, RFC 7725 §3 for 451. */
static const char *cacheable(const struct hc_entry *e, enum hc_lang lang)
{
	if (!e->cacheable)
		return hc_doc_label(HC_LABEL_NO, lang);
	if (e->code == 451 && !e->vendor)
		return lang == HC_LANG_KO ? "가능 (휴리스틱, RFC 7725 \xc2\xa7" "3)"
		                          : "yes (heuristically, RFC 7725 \xc2\xa7" "3)";
	return hc_doc_label(HC_LABEL_YES, lang);
}

const char *hc_doc_code_lang_name(const char *id)
{
	static const char *const names[][2] = {
		{ "python", "Python" }, { "go", "Go" }, { "rust", "Rust" }, { "spring", "Spring" },
		{ "jakarta", "Jakarta" }, { "csharp", "C#" }, { "node", "Node.js" },
		{ "symfony", "Symfony" }, { "rack", "Rails" }, { "ktor", "Ktor" }, { "swift", "Swift" },
	};
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	for (size_t i = 0; id && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], id) == 0)
			return names[i][1];
	for (size_t i = 0; id && i < n; i++)
		if (strcmp(hc_str(l[i].id), id) == 0)
			return hc_str(l[i].label);
	return id ? id : "";
}

/* The rows of language `lang` (an id): each name as written, with its note. */
static void code_rows(struct hc_doc *d, const struct hc_entry *e, const char *id,
                      enum hc_lang lang)
{
	bool first = true;

	for (size_t k = 0; k < e->n_constants; k++) {
		const struct hc_constant *c = hc_entry_constants(e) + k;
		const char *en = hc_str(c->note_en), *ko = hc_str(c->note_ko);
		struct hc_doc_item *it;

		if (strcmp(hc_str(c->lang), id) != 0)
			continue;
		it = item(d, HC_DOC_CODE, hc_doc_code_lang_name(id));
		if (it)
			it->cont = !first;
		first = false;
		/* The library has none: a dash, as tables do. */
		puts_(d, it, c->spelled ? hc_str(c->spelled) : "\xe2\x80\x94");
		if (lang == HC_LANG_EN || !ko || !*ko)
			ko = NULL;
		if (lang == HC_LANG_KO && ko)
			en = NULL;
		if ((en && *en) || ko) {
			puts_(d, it, " (");
			if (en && *en)
				puts_(d, it, en);
			if (en && *en && ko)
				puts_(d, it, " / ");
			if (ko)
				puts_(d, it, ko);
			puts_(d, it, ")");
		}
	}
}

/* "In code": the languages asked for first (or alone), then the others in
 * the table's order. */
static void in_code(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang,
                    const struct hc_code_pref *pref)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);
	unsigned char np = pref ? pref->n : 0;

	if (e->n_constants == 0 || n == 0)
		return;
	item(d, HC_DOC_HEADING, hc_doc_label(HC_LABEL_IN_CODE, lang));
	for (unsigned i = 0; i < np && i < HC_CODE_LANGS_MAX; i++)
		if (pref->order[i] < n)
			code_rows(d, e, hc_str(l[pref->order[i]].id), lang);
	if (pref && pref->only && np > 0)
		return;
	for (size_t i = 0; i < n; i++) {
		bool done = false;

		for (unsigned k = 0; k < np && k < HC_CODE_LANGS_MAX; k++)
			done |= pref->order[k] == i;
		if (!done)
			code_rows(d, e, hc_str(l[i].id), lang);
	}
}

/* "Example": the exchange line by line, as it goes over the wire. */
static void example(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang)
{
	const char *s = hc_str(e->example);

	if (!s || !*s)
		return;
	item(d, HC_DOC_HEADING, hc_doc_label(HC_LABEL_EXAMPLE, lang));
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		put(d, item(d, HC_DOC_PRE, NULL), s, n);
		if (!nl)
			break;
		s = nl + 1;
	}
}

/* The RFC section and MDN's pages (facts.h): URLs to read more. */
static void links(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang)
{
	char rfc[160], en[160], ko[160];
	const char *u_rfc = hc_link_rfc(e, rfc, sizeof rfc);
	const char *u_en = lang != HC_LANG_KO ? hc_link_mdn(e, false, en, sizeof en) : NULL;
	const char *u_ko = lang != HC_LANG_EN ? hc_link_mdn(e, true, ko, sizeof ko) : NULL;

	if (!u_rfc && !u_en && !u_ko)
		return;
	item(d, HC_DOC_HEADING, hc_doc_label(HC_LABEL_READ_MORE, lang));
	if (u_rfc)
		puts_(d, item(d, HC_DOC_LINK, strncmp(hc_str(e->reference), "draft-", 6) ? "RFC" : "Draft"), u_rfc);
	if (u_en)
		puts_(d, item(d, HC_DOC_LINK, "MDN"), u_en);
	if (u_ko)
		puts_(d, item(d, HC_DOC_LINK, u_en ? "MDN (한국어)" : "MDN"), u_ko);
}

/* What kind of code an entry outside the five classes is: "outside
 * 100-599" for "999", the parent code and its log fields for "500.19";
 * NULL for the table's own entries. */
static const char *range(const struct hc_entry *e, enum hc_lang lang, char *buf, size_t n)
{
	const char *dot;

	if (hc_extra_is_other(e))
		return lang == HC_LANG_KO ? "100~599 밖: 표준 HTTP 상태 코드가 아님"
		                          : "outside 100-599: not a standard HTTP status code";
	if (!hc_extra_is_iis(e) || !e->code_text || !(dot = strchr(hc_str(e->code_text), '.')))
		return NULL;
	/* No particle after a number: its reading decides it (404 를, 500 을). */
	if (lang == HC_LANG_KO)
		snprintf(buf, n, "%u의 IIS 하위 상태 코드 (클라이언트가 받는 코드: %u, IIS 로그의 "
		         "sc-substatus: %s)", (unsigned)e->code, (unsigned)e->code, dot + 1);
	else
		snprintf(buf, n, "an IIS sub-status of %u (the client gets %u; the IIS log has "
		         "sc-substatus %s)", (unsigned)e->code, (unsigned)e->code, dot + 1);
	return buf;
}

/* The IIS sub-status codes of a registered code, one line each: the
 * section "IIS sub-status codes" of 500's entry. */
static void substatus(struct hc_doc *d, int code, enum hc_lang lang)
{
	const struct hc_entry *s;
	size_t n = hc_extra_iis_of(code, &s);
	char buf[320];

	if (n == 0)
		return;
	item(d, HC_DOC_HEADING, hc_doc_label(HC_LABEL_IIS, lang));
	for (size_t i = 0; i < n; i++) {
		if (lang == HC_LANG_KO)
			snprintf(buf, sizeof buf, "%s %s (%s)", hc_str(s[i].code_text), hc_str(s[i].name_ko),
			         hc_str(s[i].phrase_en));
		else if (lang == HC_LANG_BOTH)
			snprintf(buf, sizeof buf, "%s %s \xc2\xb7 %s", hc_str(s[i].code_text), hc_str(s[i].phrase_en),
			         hc_str(s[i].name_ko));
		else
			snprintf(buf, sizeof buf, "%s %s", hc_str(s[i].code_text), hc_str(s[i].phrase_en));
		puts_(d, item(d, HC_DOC_PARA, NULL), buf);
	}
}

static void clear(struct hc_doc *d)
{
	d->n = 0;
	d->n_segs = 0;
	d->len = 0;
	d->oom = false;
}

bool hc_doc_entry(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang,
                  const struct hc_hit *hit)
{
	const struct hc_doc_opts opts = { NULL, true };

	return hc_doc_entry_with(d, e, lang, hit, &opts);
}

bool hc_doc_entry_with(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang,
                       const struct hc_hit *hit, const struct hc_doc_opts *opts)
{
	static const enum hc_field aliases[] = { HC_FIELD_ALIAS_EN, HC_FIELD_ALIAS_KO };
	static const enum hc_field aliases_ko_first[] = { HC_FIELD_ALIAS_KO, HC_FIELD_ALIAS_EN };
	static const enum hc_field headers[] = { HC_FIELD_HEADER };
	bool placeholder = hc_doc_is_placeholder(e);
	const char *former = hc_doc_former(e), *ctext;
	struct hc_doc_item *it;
	char code[4], buf[256];

	clear(d);
	/* The English phrase first: it is what goes over the wire. A
	 * placeholder name ("(Unused)") is the status: it stands in the
	 * language shown, once, with the former name people search for. */
	it = item(d, HC_DOC_TITLE, NULL);
	ctext = hc_entry_field(e, HC_FIELD_CODE, 0, code);
	put_field(d, it, HC_FIELD_CODE, 0, ctext, 0, strlen(ctext));
	if (lang == HC_LANG_KO && placeholder && e->name_ko && *hc_str(e->name_ko)) {
		puts_(d, it, " ");
		put_field(d, it, HC_FIELD_NAME_KO, 0, hc_str(e->name_ko), 0, strlen(hc_str(e->name_ko)));
	} else if (e->phrase_en) {
		puts_(d, it, " ");
		put_field(d, it, HC_FIELD_PHRASE_EN, 0, hc_str(e->phrase_en), 0, strlen(hc_str(e->phrase_en)));
	}
	if (former) {
		puts_(d, it, ", ");
		puts_(d, it, hc_doc_formerly(lang));
		puts_(d, it, " ");
		put_field(d, it, HC_FIELD_ALIAS_EN, 0, former, 0, strlen(former));
	}
	/* The vendor once: not when the phrase already names it. */
	if (hc_doc_shows_vendor(e)) {
		puts_(d, it, " [");
		put_field(d, it, HC_FIELD_VENDOR, 0, hc_str(e->vendor), 0, strlen(hc_str(e->vendor)));
		puts_(d, it, "]");
	}
	if (lang == HC_LANG_BOTH || (lang == HC_LANG_KO && !placeholder)) {
		if (e->name_ko && *hc_str(e->name_ko)) {
			it = item(d, HC_DOC_SUBTITLE, NULL);
			put_field(d, it, HC_FIELD_NAME_KO, 0, hc_str(e->name_ko), 0, strlen(hc_str(e->name_ko)));
		}
	}

	if (!placeholder)
		fact(d, HC_LABEL_STATUS, lang, hc_doc_status(e->status, lang));
	fact(d, HC_LABEL_RANGE, lang, range(e, lang, buf, sizeof buf));
	fact(d, HC_LABEL_REFERENCE, lang, hc_str(e->reference));
	list_fact(d, HC_LABEL_HEADERS, lang, e, headers, 1, false);
	if (!e->code_text)
		fact(d, HC_LABEL_CACHEABLE, lang, cacheable(e, lang));
	/* Korean readers meet the English names in logs: they are shown in
	 * every language (after the Korean ones in Korean). */
	list_fact(d, HC_LABEL_ALIASES, lang, e, lang == HC_LANG_KO ? aliases_ko_first : aliases,
	          lang == HC_LANG_EN ? 1 : 2, former != NULL);
	if (hit)
		fact(d, HC_LABEL_MATCHED, lang, match_reason(hit->rank, lang));

	section(d, HC_LABEL_SUMMARY, lang, HC_FIELD_SUMMARY_EN, hc_str(e->summary_en),
	        HC_FIELD_SUMMARY_KO, hc_str(e->summary_ko), false);
	section(d, HC_LABEL_DESCRIPTION, lang, HC_FIELD_DESC_EN, hc_str(e->desc_en),
	        HC_FIELD_DESC_KO, hc_str(e->desc_ko), true);
	section(d, HC_LABEL_NOTE, lang, HC_FIELD_NOTE_EN, hc_str(e->note_en),
	        HC_FIELD_NOTE_KO, hc_str(e->note_ko), true);
	if (!e->vendor && !e->code_text)
		substatus(d, e->code, lang);
	in_code(d, e, lang, opts ? opts->code : NULL);
	if (!opts || opts->example)
		example(d, e, lang);

	if (e->see_also.n > 0) {
		item(d, HC_DOC_HEADING, hc_doc_label(HC_LABEL_SEE_ALSO, lang));
		for (unsigned i = 0; i < e->see_also.n; i++) {
			const struct hc_see_also s_ = hc_entry_see_also(e, i), *s = &s_;
			bool did = false;

			if (lang != HC_LANG_KO && s->en && *s->en) {
				it = item(d, HC_DOC_SEE, NULL);
				if (it)
					it->code = s->code;
				puts_(d, it, s->en);
				did = true;
			}
			if (lang != HC_LANG_EN && s->ko && *s->ko) {
				it = item(d, HC_DOC_SEE, NULL);
				if (it) {
					it->code = s->code;
					it->cont = did;
				}
				puts_(d, it, s->ko);
			}
		}
	}
	links(d, e, lang);
	return !d->oom;
}

bool hc_doc_class(struct hc_doc *d, const struct hc_class *c, enum hc_lang lang,
                  size_t count, size_t unofficial)
{
	struct hc_doc_item *it;
	char buf[160];

	clear(d);
	it = item(d, HC_DOC_TITLE, NULL);
	snprintf(buf, sizeof buf, "%dxx %s", c ? c->digit : 0, c && c->name_en ? hc_str(c->name_en) : "");
	puts_(d, it, buf);
	if (c && lang != HC_LANG_EN && c->name_ko && *hc_str(c->name_ko))
		puts_(d, item(d, HC_DOC_SUBTITLE, NULL), hc_str(c->name_ko));
	if (lang == HC_LANG_KO)
		snprintf(buf, sizeof buf, "%zu개 (등록 %zu, 비공식 %zu)", count,
		         count - unofficial, unofficial);
	else
		snprintf(buf, sizeof buf, "%zu (%zu registered, %zu unofficial)", count,
		         count - unofficial, unofficial);
	fact(d, HC_LABEL_CODES, lang, buf);
	if (c) {
		section(d, HC_LABEL_SUMMARY, lang, HC_FIELD_COUNT, hc_str(c->summary_en),
		        HC_FIELD_COUNT, hc_str(c->summary_ko), false);
		section(d, HC_LABEL_DESCRIPTION, lang, HC_FIELD_COUNT, hc_str(c->desc_en),
		        HC_FIELD_COUNT, hc_str(c->desc_ko), true);
	}
	return !d->oom;
}

const char *hc_doc_other_name(enum hc_lang lang)
{
	return lang == HC_LANG_KO ? "기타 범위 (100~599 밖)" : "Other codes (outside 100-599)";
}

bool hc_doc_other_group(struct hc_doc *d, enum hc_lang lang, size_t count)
{
	static const char en[] = "Numbers that tools and vendors show where a status code "
		"would be, although HTTP has no such code: a status line never came (000, 0), "
		"or a vendor went outside the range (783, 999)";
	static const char ko[] = "HTTP에는 없지만 도구나 업체가 상태 코드 자리에 보여 주는 "
		"숫자: 상태 줄이 아예 오지 않았거나(000, 0) 업체가 범위 밖의 번호를 쓴 "
		"경우(783, 999)";
	char buf[80];

	clear(d);
	puts_(d, item(d, HC_DOC_TITLE, NULL), hc_doc_other_name(lang == HC_LANG_KO ? lang : HC_LANG_EN));
	if (lang == HC_LANG_BOTH)
		puts_(d, item(d, HC_DOC_SUBTITLE, NULL), hc_doc_other_name(HC_LANG_KO));
	snprintf(buf, sizeof buf, lang == HC_LANG_KO ? "%zu개 (모두 비공식)" : "%zu (all unofficial)",
	         count);
	fact(d, HC_LABEL_CODES, lang, buf);
	section(d, HC_LABEL_SUMMARY, lang, HC_FIELD_COUNT, en, HC_FIELD_COUNT, ko, false);
	return !d->oom;
}

const char *hc_doc_text(const struct hc_doc *d, const struct hc_doc_item *it)
{
	return d->buf ? d->buf + it->off : "";
}

bool hc_doc_find(const struct hc_doc *d, enum hc_field field, unsigned item, size_t start,
                 size_t len, size_t *index, size_t *st, size_t *en)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < d->n; i++) {
		const struct hc_doc_item *it = &d->items[i];

		for (size_t k = it->seg; k < it->seg + it->n_seg && k < d->n_segs; k++) {
			const struct hc_doc_seg *g = &d->segs[k];
			size_t a = start > g->field_off ? start : g->field_off;
			size_t b = start + len < g->field_off + g->len ? start + len
			                                               : g->field_off + g->len;

			if (g->field != field || g->item != item || a >= b)
				continue;
			*index = i;
			*st = g->start + (a - g->field_off);
			*en = g->start + (b - g->field_off);
			return true;
		}
	}
	return false;
}

void hc_doc_free(struct hc_doc *d)
{
	free(d->items);
	free(d->segs);
	free(d->buf);
	memset(d, 0, sizeof *d);
}
