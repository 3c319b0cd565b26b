/* catalog.c - look-ups over the generated table. */
#include "catalog.h"

#include "catalog_data.h"

#include <stdio.h>

size_t hc_catalog_count(void)
{
	return hc_catalog_table_len;
}

const struct hc_entry *hc_catalog_entries(void)
{
	return hc_catalog_table;
}

const struct hc_code_lang *hc_catalog_code_langs(size_t *n)
{
	*n = hc_code_langs_len;
	return hc_code_langs;
}

const struct hc_constant_ref *hc_catalog_constant_names(size_t *n)
{
	*n = hc_constant_names_len;
	return hc_constant_names;
}

const struct hc_class *hc_catalog_class(int digit)
{
	for (size_t i = 0; i < hc_catalog_classes_len; i++)
		if (hc_catalog_classes[i].digit == digit)
			return &hc_catalog_classes[i];
	return NULL;
}

/* First index whose code is >= code (the table is sorted by code). */
static size_t lower_bound(int code)
{
	size_t lo = 0, hi = hc_catalog_table_len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (hc_catalog_table[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t code_range(int lo_code, int hi_code, size_t *first)
{
	size_t a = lower_bound(lo_code), b = lower_bound(hi_code);

	if (first)
		*first = a;
	return b - a;
}

size_t hc_catalog_class_range(int digit, size_t *first)
{
	if (digit < 1 || digit > 5) {
		if (first)
			*first = 0;
		return 0;
	}
	return code_range(digit * 100, digit * 100 + 100, first);
}

size_t hc_catalog_find_code(int code, size_t *first)
{
	if (code < 100 || code > 599) {
		if (first)
			*first = 0;
		return 0;
	}
	return code_range(code, code + 1, first);
}

const char *hc_status_name(enum hc_status s)
{
	static const char *const names[] = {
		[HC_STATUS_STANDARD] = "standard",
		[HC_STATUS_DEPRECATED] = "deprecated",
		[HC_STATUS_UNUSED] = "unused",
		[HC_STATUS_OBSOLETE] = "obsolete",
		[HC_STATUS_TEMPORARY] = "temporary",
		[HC_STATUS_UNOFFICIAL] = "unofficial",
	};

	if ((size_t)s < sizeof names / sizeof names[0] && names[s])
		return names[s];
	return "unknown";
}

const char *hc_status_tag(enum hc_status s)
{
	switch (s) {
	case HC_STATUS_UNOFFICIAL: return "[u]";
	case HC_STATUS_DEPRECATED: return "[d]";
	case HC_STATUS_UNUSED: return "[x]";
	case HC_STATUS_OBSOLETE: return "[o]";
	case HC_STATUS_TEMPORARY: return "[t]";
	case HC_STATUS_STANDARD: break;
	}
	return NULL;
}

bool hc_pattern_parse(const char *s, struct hc_pattern *out)
{
	struct hc_pattern p = { .len = 0 };
	bool wild = false;

	if (!s)
		return false;
	for (; *s; s++) {
		char c = *s;

		if (p.len == 3)
			return false;
		if (c >= '0' && c <= '9') {
			p.digit[p.len++] = c;
		} else if (c == 'x' || c == 'X' || c == '?') {
			p.digit[p.len++] = '?';
			wild = true;
		} else {
			return false;
		}
	}
	/* The class digit must be given ("x04" names no class). A shorter
	 * pattern may end in wildcards, which add nothing to its prefix: "4x"
	 * is "4", the class; a wildcard before a digit needs all three ("4x4"
	 * is fine, "x4" is not a pattern). */
	if (p.len == 0 || p.digit[0] == '?')
		return false;
	if (wild && p.len < 3) {
		unsigned k = 0;

		while (k < p.len && p.digit[k] != '?')
			k++;
		for (unsigned i = k; i < p.len; i++)
			if (p.digit[i] != '?')
				return false;
		p.len = (unsigned char)k;
	}
	if (p.digit[0] < '1' || p.digit[0] > '5')
		return false;
	*out = p;
	return true;
}

bool hc_pattern_match(const struct hc_pattern *p, int code)
{
	char buf[3];

	if (code < 100 || code > 999 || p->len > 3)
		return false;
	buf[0] = (char)('0' + code / 100);
	buf[1] = (char)('0' + code / 10 % 10);
	buf[2] = (char)('0' + code % 10);
	for (unsigned i = 0; i < p->len; i++)
		if (p->digit[i] != '?' && p->digit[i] != buf[i])
			return false;
	return true;
}

bool hc_pattern_is_exact(const struct hc_pattern *p)
{
	if (p->len != 3)
		return false;
	for (unsigned i = 0; i < 3; i++)
		if (p->digit[i] == '?')
			return false;
	return true;
}

static const struct hc_strs *list_field(const struct hc_entry *e, enum hc_field f)
{
	if (!hc_field_is_list(f))
		return NULL;
	switch (f) {
	case HC_FIELD_ALIAS_EN: return &e->aliases_en;
	case HC_FIELD_ALIAS_KO: return &e->aliases_ko;
	case HC_FIELD_HEADER: return &e->headers;
	case HC_FIELD_KEYWORD_EN: return &e->keywords_en;
	case HC_FIELD_KEYWORD_KO: return &e->keywords_ko;
	default: return NULL;
	}
}

const char *hc_field_key(enum hc_field f)
{
	static const char *const keys[HC_FIELD_COUNT] = {
		[HC_FIELD_CODE] = "code",
		[HC_FIELD_PHRASE_EN] = "phrase_en",
		[HC_FIELD_NAME_KO] = "name_ko",
		[HC_FIELD_ALIAS_EN] = "aliases_en",
		[HC_FIELD_ALIAS_KO] = "aliases_ko",
		[HC_FIELD_HEADER] = "headers",
		[HC_FIELD_VENDOR] = "vendor",
		[HC_FIELD_KEYWORD_EN] = "keywords_en",
		[HC_FIELD_KEYWORD_KO] = "keywords_ko",
		[HC_FIELD_SUMMARY_EN] = "summary_en",
		[HC_FIELD_SUMMARY_KO] = "summary_ko",
		[HC_FIELD_DESC_EN] = "description_en",
		[HC_FIELD_DESC_KO] = "description_ko",
		[HC_FIELD_NOTE_EN] = "note_en",
		[HC_FIELD_NOTE_KO] = "note_ko",
	};

	return (size_t)f < HC_FIELD_COUNT && keys[f] ? keys[f] : "";
}

bool hc_field_is_list(enum hc_field f)
{
	return f == HC_FIELD_ALIAS_EN || f == HC_FIELD_ALIAS_KO || f == HC_FIELD_HEADER ||
	       f == HC_FIELD_KEYWORD_EN || f == HC_FIELD_KEYWORD_KO;
}

unsigned hc_entry_field_items(const struct hc_entry *e, enum hc_field f)
{
	const struct hc_strs *l = list_field(e, f);
	char code[4];

	if (l)
		return l->n;
	return hc_entry_field(e, f, 0, code) ? 1 : 0;
}

const char *hc_entry_field(const struct hc_entry *e, enum hc_field f, unsigned item,
                           char code[4])
{
	const struct hc_strs *l = list_field(e, f);

	if (l)
		return item < l->n ? l->v[item] : NULL;
	if (item != 0)
		return NULL;
	switch (f) {
	case HC_FIELD_CODE:
		if (e->code_text)
			return e->code_text;
		snprintf(code, 4, "%03d", e->code % 1000);
		return code;
	case HC_FIELD_PHRASE_EN: return e->phrase_en;
	case HC_FIELD_NAME_KO: return e->name_ko;
	case HC_FIELD_VENDOR: return e->vendor;
	case HC_FIELD_SUMMARY_EN: return e->summary_en;
	case HC_FIELD_SUMMARY_KO: return e->summary_ko;
	case HC_FIELD_DESC_EN: return e->desc_en;
	case HC_FIELD_DESC_KO: return e->desc_ko;
	case HC_FIELD_NOTE_EN: return e->note_en;
	case HC_FIELD_NOTE_KO: return e->note_ko;
	default: return NULL;
	}
}
