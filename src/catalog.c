/* catalog.c - look-ups over the generated table. */
#include "catalog.h"

#include "catalog_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The string pools of the generated files by number (hc_sref, catalog.h);
 * the numbers are those the generators give their Pool objects. Not const:
 * slot HC_POOL_MADE is set by hc_sref_make() and hc_strs_make(). */
const char *hc_pools[16] = {
	[1] = hc_search_text,
	[2] = hc_cold_text,
	[3] = hc_other_text,
	[4] = hc_extra_cold_text,
	[5] = hc_decide_text,
	[6] = hc_front_text,
};
const hc_sref *hc_pool_items[16] = {
	[1] = hc_search_text_items,
	[2] = hc_cold_text_items,
	[3] = hc_other_text_items,
	[4] = hc_extra_cold_text_items,
	[5] = hc_decide_text_items,
	[6] = hc_front_text_items,
};

/* Pool HC_POOL_MADE: its strings (after one unused byte, so that no hc_sref
 * is 0) and its list items, grown by doubling. */
static struct {
	char *s;
	size_t len, cap;
	hc_sref *items;
	size_t n_items, cap_items;
	size_t kept, kept_items;        /* hc_made_keep() */
} made;

/* The first strings made live here, so that the program's own few
 * (loglens.c's four) never allocate: nothing can fail under the browser. */
static char made_first[1024];

/* p with room for need items of size bytes; p may be made_first, which is
 * copied, never reallocated. */
static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 256;
	void *q;

	while (c < need)
		c *= 2;
	if (c == *cap)
		return p;
	q = p == made_first ? malloc(c * size) : realloc(p, c * size);
	if (!q) {
		fputs("httpcodes: out of memory\n", stderr);
		abort();
	}
	if (p == made_first)
		memcpy(q, p, *cap * size);
	*cap = c;
	return q;
}

hc_sref hc_sref_make(const char *s)
{
	size_t n, at;

	if (!s)
		return 0;
	n = strlen(s) + 1;
	if (!made.s) {
		made.s = made_first;
		made.cap = sizeof made_first;
	}
	if (!made.len)
		made.len = 1;
	at = made.len;
	if (at + n > HC_SREF_OFFSET(~(hc_sref)0)) {
		fputs("httpcodes: hc_sref_make: pool full\n", stderr);
		abort();
	}
	made.s = grow(made.s, &made.cap, at + n, 1);
	memcpy(made.s + at, s, n);
	made.len += n;
	hc_pools[HC_POOL_MADE] = made.s;
	return (hc_sref)HC_POOL_MADE << HC_SREF_OFFSET_BITS | (hc_sref)at;
}

/* A list of n items of `per` values each, from get(v, i, k): item i's value k. */
static struct hc_strs make_list(const void *v, size_t n, unsigned per,
                                hc_sref (*get)(const void *v, size_t i, unsigned k))
{
	size_t at = made.n_items;

	if (n == 0)
		return (struct hc_strs){ 0, 0 };
	if (n > 255 || at + n * per > HC_SREF_OFFSET(~(hc_sref)0)) {
		fputs("httpcodes: hc_strs_make: too many items\n", stderr);
		abort();
	}
	made.items = grow(made.items, &made.cap_items, at + n * per, sizeof *made.items);
	for (size_t i = 0; i < n; i++)
		for (unsigned k = 0; k < per; k++)
			made.items[at + i * per + k] = get(v, i, k);
	made.n_items += n * per;
	hc_pool_items[HC_POOL_MADE] = made.items;
	return (struct hc_strs){ (hc_sref)HC_POOL_MADE << HC_SREF_OFFSET_BITS | (hc_sref)at,
	                         (unsigned char)n };
}

static hc_sref get_str(const void *v, size_t i, unsigned k)
{
	(void)k;
	return hc_sref_make(((const char *const *)v)[i]);
}

static hc_sref get_see(const void *v, size_t i, unsigned k)
{
	const struct hc_see_also *s = (const struct hc_see_also *)v + i;

	return k == 0 ? s->code : hc_sref_make(k == 1 ? s->en : s->ko);
}

struct hc_strs hc_strs_make(const char *const *v, size_t n)
{
	return make_list(v, n, 1, get_str);
}

struct hc_strs hc_see_also_make(const struct hc_see_also *v, size_t n)
{
	return make_list(v, n, 3, get_see);
}

void hc_made_keep(void)
{
	made.kept = made.len;
	made.kept_items = made.n_items;
}

void hc_made_reset(void)
{
	made.len = made.kept;
	made.n_items = made.kept_items;
}

size_t hc_catalog_count(void)
{
	return hc_catalog_table_len;
}

const struct hc_entry *hc_catalog_entries(void)
{
	return hc_browse_table;
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

const struct hc_constant *hc_catalog_constant(size_t row)
{
	return &hc_constant_rows[row];
}

const struct hc_constant *hc_entry_constants(const struct hc_entry *e)
{
	return e->n_constants ? &hc_constant_rows[e->constants] : NULL;
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
		if (hc_browse_table[mid].code < code)
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
		return item < l->n ? hc_strs_at(*l, item) : NULL;
	if (item != 0)
		return NULL;
	switch (f) {
	case HC_FIELD_CODE:
		if (e->code_text)
			return hc_str(e->code_text);
		snprintf(code, 4, "%03d", e->code % 1000);
		return code;
	case HC_FIELD_PHRASE_EN: return hc_str(e->phrase_en);
	case HC_FIELD_NAME_KO: return hc_str(e->name_ko);
	case HC_FIELD_VENDOR: return hc_str(e->vendor);
	case HC_FIELD_SUMMARY_EN: return hc_str(e->summary_en);
	case HC_FIELD_SUMMARY_KO: return hc_str(e->summary_ko);
	case HC_FIELD_DESC_EN: return hc_str(e->desc_en);
	case HC_FIELD_DESC_KO: return hc_str(e->desc_ko);
	case HC_FIELD_NOTE_EN: return hc_str(e->note_en);
	case HC_FIELD_NOTE_KO: return hc_str(e->note_ko);
	default: return NULL;
	}
}
