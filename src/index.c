/*
 * index.c - build the search index over an array of entries (index.h).
 *
 * Every searchable string is folded once (NFC + Unicode case folding), one
 * grapheme at a time, to learn what the index must keep: its byte set, its
 * typo words, and, only when folding did more than make ASCII capitals
 * small, the folded copy (and the maps back to the displayed string when
 * the layout moved), so that spans always point into the displayed text.
 */
/* the static build's one copy of hc_field_text (index.h) */
#define HC_FIELD_TEXT_HERE
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "firstkeys.h"
#include "fold.h"
#include "hangul.h"
#include "names.h"
#include "search.h"
#include "utf8.h"

/* Work space while building, reused for every field. */
struct scratch {
	uint8_t *buf;
	uint16_t *lo, *hi;
	size_t cap;                     /* bytes; the arrays hold cap + 1 */
};

struct build {
	struct scratch sc;
	struct hc_vec fields, words, text, maps, smaps;
	struct hc_bytes *has;           /* of the entry being built */
	bool copy_all;                  /* hc_index_build_folded */
};

bool hc_vec_push(struct hc_vec *v, const void *src, size_t k)
{
	if (v->cap - v->n < k) {
		size_t cap = v->cap ? v->cap : 256;
		void *p;

		while (cap - v->n < k)
			cap *= 2;
		p = realloc(v->p, cap * v->size);
		if (!p)
			return false;
		v->p = p;
		v->cap = cap;
	}
	memcpy((char *)v->p + v->n * v->size, src, k * v->size);
	v->n += k;
	return true;
}

void hc_bytes_add(struct hc_bytes *b, const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b->bit[s[i] >> 6] |= (uint64_t)1 << (s[i] & 63);
}

static void scratch_free(struct scratch *sc)
{
	free(sc->buf);
	free(sc->lo);
	free(sc->hi);
	memset(sc, 0, sizeof *sc);
}

static bool scratch_reserve(struct scratch *sc, size_t cap)
{
	size_t n = cap + 1;

	if (cap <= sc->cap)
		return true;
	scratch_free(sc);
	sc->buf = malloc(n);
	sc->lo = malloc(n * sizeof *sc->lo);
	sc->hi = malloc(n * sizeof *sc->hi);
	if (!sc->buf || !sc->lo || !sc->hi) {
		scratch_free(sc);
		return false;
	}
	sc->cap = cap;
	return true;
}

/* strlen, but at most ORIG_MAX bytes and never cutting a character. */
static size_t clip_len(const char *s)
{
	size_t n = strnlen(s, ORIG_MAX + 1);

	if (n > ORIG_MAX) {
		n = ORIG_MAX;
		while (n > 0 && hc_utf8_is_continuation((uint8_t)s[n]))
			n--;
	}
	return n;
}

/* True when folding s[0..n) did no more than make its ASCII capitals
 * small: then the displayed string serves as the folded one. */
static bool ascii_fold_only(const uint8_t *s, size_t n, const uint8_t *fold, size_t len)
{
	if (n != len)
		return false;
	for (size_t i = 0; i < n; i++)
		if (hc_lc(s[i]) != fold[i])
			return false;
	return true;
}

/* The ASCII words of an English name, for typo matching. */
static bool collect_words(struct build *b, uint32_t fi, const uint8_t *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t start;

		while (i < n && !(s[i] >= 'a' && s[i] <= 'z'))
			i++;
		start = i;
		while (i < n && s[i] >= 'a' && s[i] <= 'z')
			i++;
		if (i - start >= TYPO_MIN - 1 && i - start <= TYPO_MAX + 1) {
			struct hc_tword w = { fi, (uint16_t)start, (uint16_t)(i - start) };

			if (!hc_vec_push(&b->words, &w, 1))
				return false;
		}
	}
	return true;
}

/* Appends one field to the entry's list; NULL strings are skipped. */
static bool add_field(struct build *b, const char *str, enum hc_field field, unsigned item)
{
	const uint8_t *s = (const uint8_t *)str;
	struct scratch *sc = &b->sc;
	struct hc_sfield sf = { 0, 0, 0, 0 };
	size_t n, cap;
	uint32_t fi = (uint32_t)b->fields.n;
	struct hc_fold f;

	if (!s)
		return true;
	if (b->fields.n >= HC_NONE || b->text.n > HC_SF_COPY_MAX - FOLD_MAX ||
	    b->maps.n >= HC_NONE - 2 * (FOLD_MAX + 1))
		return false;
	n = clip_len(str);
	cap = 3 * n + 8;
	if (cap > FOLD_MAX)
		cap = FOLD_MAX;
	if (!scratch_reserve(sc, cap))
		return false;
	f = (struct hc_fold){ sc->buf, sc->lo, sc->hi, cap, 0, true };
	if (hc_fold_text(s, n, &f) < 0)
		return false;
	sc->buf[f.len] = 0;
	sf.len = (uint16_t)f.len;
	sf.field = (uint8_t)field;
	sf.item = (uint8_t)item;
	if (hc_has_hangul(sc->buf, f.len))
		sf.caps |= HC_SF_HANGUL;
	if (b->copy_all || !ascii_fold_only(s, n, sc->buf, f.len)) {
		sf.caps |= HC_SF_COPIED | (uint32_t)b->text.n;
		if (!hc_vec_push(&b->text, sc->buf, f.len + 1))
			return false;
		if (!f.linear) {
			struct hc_smap m = { fi, (uint32_t)b->maps.n };

			sf.caps |= HC_SF_MAPPED;
			if (!hc_vec_push(&b->smaps, &m, 1) ||
			    !hc_vec_push(&b->maps, sc->lo, f.len + 1) ||
			    !hc_vec_push(&b->maps, sc->hi, f.len + 1))
				return false;
		}
	} else {
		for (size_t i = 0; i < n; i++)
			if (s[i] >= 'A' && s[i] <= 'Z')
				sf.caps |= (uint32_t)1 << (s[i] - 'A');
	}
	hc_bytes_add(b->has, sc->buf, f.len);
	if (!hc_vec_push(&b->fields, &sf, 1))
		return false;
	if (field == HC_FIELD_PHRASE_EN || field == HC_FIELD_ALIAS_EN ||
	    field == HC_FIELD_KEYWORD_EN)
		return collect_words(b, fi, sc->buf, f.len);
	return true;
}

static bool add_list(struct build *b, const struct hc_strs *l, enum hc_field field)
{
	for (unsigned i = 0; i < l->n; i++)
		if (!add_field(b, hc_strs_at(*l, i), field, i))
			return false;
	return true;
}

/* Fields in rank order (names, then headers and vendor, then text), which is
 * also the order spans are reported in. */
static bool add_entry(struct build *b, const struct hc_entry *e)
{
	return add_field(b, hc_str(e->phrase_en), HC_FIELD_PHRASE_EN, 0) &&
	       add_field(b, hc_str(e->name_ko), HC_FIELD_NAME_KO, 0) &&
	       add_list(b, &e->aliases_en, HC_FIELD_ALIAS_EN) &&
	       add_list(b, &e->aliases_ko, HC_FIELD_ALIAS_KO) &&
	       add_list(b, &e->keywords_en, HC_FIELD_KEYWORD_EN) &&
	       add_list(b, &e->keywords_ko, HC_FIELD_KEYWORD_KO) &&
	       add_list(b, &e->headers, HC_FIELD_HEADER) &&
	       add_field(b, hc_str(e->vendor), HC_FIELD_VENDOR, 0) &&
	       add_field(b, hc_str(e->summary_en), HC_FIELD_SUMMARY_EN, 0) &&
	       add_field(b, hc_str(e->summary_ko), HC_FIELD_SUMMARY_KO, 0) &&
	       add_field(b, hc_str(e->desc_en), HC_FIELD_DESC_EN, 0) &&
	       add_field(b, hc_str(e->desc_ko), HC_FIELD_DESC_KO, 0) &&
	       add_field(b, hc_str(e->note_en), HC_FIELD_NOTE_EN, 0) &&
	       add_field(b, hc_str(e->note_ko), HC_FIELD_NOTE_KO, 0);
}

static bool add_kinds(struct hc_index *ix)
{
	size_t nf = ix->first_field[ix->n];
	uint8_t *k;

	if (ix->kind)
		return true;
	k = malloc(nf ? nf : 1);
	if (!k)
		return false;
	for (size_t i = 0; i < nf; i++)
		k[i] = ix->fields[i].field;
	ix->kind = k;
	return true;
}

bool hc_index_add_dict(struct hc_index *ix)
{
	struct hc_textdict *d;
	uint8_t *records;
	uint32_t *first;

	if (ix->builtin || ix->dict)
		return ix->dict != NULL;
	if (!add_kinds(ix))     /* what the dictionary's answers are read with */
		return false;
	d = calloc(1, sizeof *d);
	if (!d || !hc_textdict_build(ix, &records, &d->len, &first)) {
		free(d);
		return false;
	}
	d->records = records;
	d->first = first;
	d->n_fields = ix->first_field[ix->n];
	ix->dict = d;
	return true;
}

static bool add_typos(struct hc_index *ix)
{
	struct hc_typodict *d;
	uint8_t *records;
	uint32_t *first;

	if (ix->typos)
		return true;
	d = calloc(1, sizeof *d);
	if (!d || !hc_typodict_build(ix, &records, &d->len, &first)) {
		free(d);
		return false;
	}
	d->records = records;
	d->first = first;
	ix->typos = d;
	return true;
}

bool hc_index_add_lookups(struct hc_index *ix)
{
	struct hc_name *by_name;

	if (ix->builtin)
		return ix->dict && ix->by_name && ix->typos && ix->kind;
	if (!hc_index_add_dict(ix) || !add_typos(ix))
		return false;
	if (ix->by_name)
		return true;
	if (!hc_names_build(ix, &by_name, &ix->n_by_name))
		return false;
	ix->by_name = by_name;
	return true;
}

static bool build(struct hc_index *ix, bool copy_all)
{
	struct build b = {
		.copy_all = copy_all,
		.fields = { .size = sizeof(struct hc_sfield) },
		.words = { .size = sizeof(struct hc_tword) },
		.text = { .size = 1 },
		.maps = { .size = sizeof(uint16_t) },
		.smaps = { .size = sizeof(struct hc_smap) },
	};
	uint32_t *first_field = calloc(ix->n + 1, sizeof *first_field);
	uint32_t *first_word = calloc(ix->n + 1, sizeof *first_word);
	struct hc_bytes *has = calloc(ix->n + 1, sizeof *has);
	bool ok = first_field && first_word && has;

	for (size_t i = 0; ok && i < ix->n; i++) {
		first_field[i] = (uint32_t)b.fields.n;
		first_word[i] = (uint32_t)b.words.n;
		b.has = &has[i];
		ok = add_entry(&b, &ix->entries[i]);
	}
	if (ok) {
		first_field[ix->n] = (uint32_t)b.fields.n;
		first_word[ix->n] = (uint32_t)b.words.n;
	}
	scratch_free(&b.sc);
	ix->fields = b.fields.p;
	ix->words = b.words.p;
	ix->n_words = b.words.n;
	ix->text = b.text.p;
	ix->text_len = b.text.n;
	ix->maps = b.maps.p;
	ix->maps_len = b.maps.n;
	ix->smaps = b.smaps.p;
	ix->n_smaps = b.smaps.n;
	ix->first_field = first_field;
	ix->first_word = first_word;
	ix->has = has;
	/* the lookups (index.h); the folded index reads instead, as the
	 * tests' reference */
	if (ok && !copy_all && hc_index_lookups_at_run_time)
		ok = hc_index_lookups_at_run_time(ix);
	return ok;
}

void hc_field_span(const struct hc_index *ix, const struct hc_sfield *f, size_t *a, size_t *b)
{
	uint32_t fi = (uint32_t)(f - ix->fields);
	size_t lo = 0, hi = ix->n_smaps, map;

	if (!(f->caps & HC_SF_MAPPED))
		return;
	while (hi - lo > 1) {   /* the fields that have a map, in order */
		size_t mid = lo + (hi - lo) / 2;

		if (ix->smaps[mid].field <= fi)
			lo = mid;
		else
			hi = mid;
	}
	map = ix->smaps[lo].map;
	*a = ix->maps[map + *a];
	*b = ix->maps[map + f->len + 1 + *b];
}

/* A view of the prebuilt index for entries[0..n) when they equal whole
 * parts of it in a row (index.h), else NULL. Entries are compared whole, so
 * a copy of a table (the browser's array) gets the view as the table does. */
static struct hc_index *prebuilt_view(const struct hc_entry *entries, size_t n)
{
	const struct hc_prebuilt *p = &hc_prebuilt;
	size_t off = 0;

	for (size_t s = 0; s < p->n_parts && n; off += p->len[s], s++) {
		size_t k = 0, t = s;
		struct hc_index *v;

		while (k < n && t < p->n_parts && k + p->len[t] <= n &&
		       memcmp(entries + k, p->part[t], p->len[t] * sizeof *entries) == 0)
			k += p->len[t++];
		if (k != n)
			continue;
		v = malloc(sizeof *v);
		if (!v)
			return NULL;
		*v = *p->ix;
		v->entries = entries;
		v->n = n;
		v->first_field += off;
		v->first_word += off;
		v->has += off;
		v->n_words = v->first_word[n];
		v->first_keys = s == 0 && p->first_keys && n <= p->first_keys->n_entries
		                ? p->first_keys : NULL;
		v->builtin = true;
		return v;
	}
	return NULL;
}

struct hc_index *hc_index_new(const struct hc_entry *entries, size_t n)
{
	struct hc_index *ix = entries ? prebuilt_view(entries, n) : NULL;

	return ix ? ix : hc_index_build(entries, n);
}

static struct hc_index *new_index(const struct hc_entry *entries, size_t n, bool copy_all)
{
	struct hc_index *ix;

	if (!entries && n)
		return NULL;
	ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	ix->entries = entries;
	ix->n = n;
	if (!build(ix, copy_all)) {
		hc_index_free(ix);
		return NULL;
	}
	return ix;
}

struct hc_index *hc_index_build(const struct hc_entry *entries, size_t n)
{
	return new_index(entries, n, false);
}

struct hc_index *hc_index_build_folded(const struct hc_entry *entries, size_t n)
{
	return new_index(entries, n, true);
}

/* The casts drop the const that readers see; a run-time index owns these. */
void hc_index_free(struct hc_index *ix)
{
	if (!ix)
		return;
	if (ix->builtin) {
		free(ix);       /* the view; its arrays are const */
		return;
	}
	free((void *)ix->fields);
	free((void *)ix->first_field);
	free((void *)ix->words);
	free((void *)ix->first_word);
	free((void *)ix->has);
	free((void *)ix->text);
	free((void *)ix->maps);
	free((void *)ix->smaps);
	free((void *)ix->by_name);
	free((void *)ix->kind);
	if (ix->typos) {
		free((void *)ix->typos->records);
		free((void *)ix->typos->first);
		free((void *)ix->typos);
	}
	if (ix->dict) {
		free((void *)ix->dict->records);
		free((void *)ix->dict->first);
		free((void *)ix->dict);
	}
	free(ix);
}
