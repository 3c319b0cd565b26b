/*
 * index.c - build the search index over an array of entries (index.h).
 *
 * Every searchable string is folded once (NFC + Unicode case folding), one
 * grapheme at a time. Folding rarely changes a string's byte layout, so a map
 * from folded offsets back to the original is stored only for the strings
 * where it does; spans therefore always point into the displayed text.
 * Strings with Hangul also get a copy without spaces ("시간초과" finds
 * "시간 초과") and an array of their syllables for 초성 search.
 */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "fold.h"
#include "hangul.h"
#include "search.h"
#include "utf8.h"

#define CHUNK_SIZE (64 * 1024)

struct hc_chunk {
	struct hc_chunk *next;
	size_t used, cap;
	max_align_t data[];
};

/* Work space while building, reused for every field. */
struct scratch {
	uint8_t *buf, *strip, *word;
	uint16_t *lo, *hi, *strip_at, *syl, *syl_at;
	size_t cap;                     /* bytes; the arrays hold cap + 1 */
};

void hc_bytes_add(struct hc_bytes *b, const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b->bit[s[i] >> 6] |= (uint64_t)1 << (s[i] & 63);
}

/* How many byte values of t are missing from e. */
unsigned hc_bytes_missing(const struct hc_bytes *e, const struct hc_bytes *t)
{
	unsigned k = 0;

	for (int i = 0; i < 4; i++)
		k += (unsigned)__builtin_popcountll(t->bit[i] & ~e->bit[i]);
	return k;
}

static void *arena_alloc(struct hc_index *ix, size_t n)
{
	struct hc_chunk *c = ix->arena;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;

		c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->next = ix->arena;
		c->used = 0;
		c->cap = cap;
		ix->arena = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

static void *arena_dup(struct hc_index *ix, const void *src, size_t n)
{
	void *p = arena_alloc(ix, n ? n : 1);

	if (p && n)
		memcpy(p, src, n);
	return p;
}

static void scratch_free(struct scratch *sc)
{
	free(sc->buf);
	free(sc->strip);
	free(sc->word);
	free(sc->lo);
	free(sc->hi);
	free(sc->strip_at);
	free(sc->syl);
	free(sc->syl_at);
	memset(sc, 0, sizeof *sc);
}

static bool scratch_reserve(struct scratch *sc, size_t cap)
{
	size_t n = cap + 1;

	if (cap <= sc->cap)
		return true;
	scratch_free(sc);
	sc->buf = malloc(n);
	sc->strip = malloc(n);
	sc->word = malloc(n);
	sc->lo = malloc(n * sizeof *sc->lo);
	sc->hi = malloc(n * sizeof *sc->hi);
	sc->strip_at = malloc(n * sizeof *sc->strip_at);
	sc->syl = malloc(n * sizeof *sc->syl);
	sc->syl_at = malloc(n * sizeof *sc->syl_at);
	if (!sc->buf || !sc->strip || !sc->word || !sc->lo || !sc->hi ||
	    !sc->strip_at || !sc->syl || !sc->syl_at) {
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

static unsigned char tier_of_field(enum hc_field field)
{
	switch (field) {
	case HC_FIELD_PHRASE_EN:
	case HC_FIELD_NAME_KO:
	case HC_FIELD_ALIAS_EN:
	case HC_FIELD_ALIAS_KO:
	case HC_FIELD_KEYWORD_EN:
	case HC_FIELD_KEYWORD_KO:
		return HC_TIER_NAME;
	case HC_FIELD_HEADER:
	case HC_FIELD_VENDOR:
		return HC_TIER_HEADER;
	default:
		return HC_TIER_TEXT;
	}
}

static unsigned char rank_of_tier(unsigned tier)
{
	static const unsigned char rank[] = {
		[HC_TIER_TYPO] = HC_RANK_TYPO, [HC_TIER_TEXT] = HC_RANK_TEXT,
		[HC_TIER_HEADER] = HC_RANK_HEADER, [HC_TIER_NAME] = HC_RANK_NAME_WORD,
	};

	return rank[tier];
}

static unsigned char fine_of_field(enum hc_field field)
{
	return field != HC_FIELD_KEYWORD_EN && field != HC_FIELD_KEYWORD_KO &&
	       field != HC_FIELD_DESC_EN && field != HC_FIELD_DESC_KO &&
	       field != HC_FIELD_NOTE_EN && field != HC_FIELD_NOTE_KO;
}

/* The folded text without white space, so that Korean spacing is optional. */
static bool prep_strip(struct hc_index *ix, struct scratch *sc,
                       struct hc_sfield *sf)
{
	size_t n = sf->fold_len, sn = 0;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t k = hc_utf8_decode((const char *)sf->fold + i, n - i, &c, NULL);

		if (!hc_is_space(c)) {
			for (size_t j = 0; j < k; j++) {
				sc->strip[sn] = sf->fold[i + j];
				sc->strip_at[sn++] = (uint16_t)(i + j);
			}
		}
		i += k;
	}
	sf->strip = sf->fold;
	sf->strip_len = (uint16_t)sn;
	if (sn == n)
		return true;
	sf->strip = arena_dup(ix, sc->strip, sn);
	sf->strip_at = arena_dup(ix, sc->strip_at, sn * sizeof *sc->strip_at);
	return sf->strip && sf->strip_at;
}

/* The syllables of the folded text for 초성 search: spaces vanish but mark
 * the next syllable as a word start; any other character is a break. */
static bool prep_syllables(struct hc_index *ix, struct scratch *sc,
                           struct hc_sfield *sf)
{
	size_t n = sf->fold_len, ns = 0;
	bool word = true;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t k = hc_utf8_decode((const char *)sf->fold + i, n - i, &c, NULL);

		if (hc_uc_is_syllable(c)) {
			sc->syl[ns] = (uint16_t)(c - 0xAC00);
			sc->syl_at[ns] = (uint16_t)i;
			sc->word[ns++] = word;
			word = false;
		} else if (hc_is_space(c)) {
			word = true;
		} else {
			if (ns > 0 && sc->syl[ns - 1] != HC_SYL_BREAK) {
				sc->syl[ns] = HC_SYL_BREAK;
				sc->syl_at[ns] = (uint16_t)i;
				sc->word[ns++] = 0;
			}
			word = true;
		}
		i += k;
	}
	sf->n_syl = (uint16_t)ns;
	if (ns == 0)
		return true;
	sf->syl = arena_dup(ix, sc->syl, ns * sizeof *sc->syl);
	sf->syl_at = arena_dup(ix, sc->syl_at, ns * sizeof *sc->syl_at);
	sf->syl_word = arena_dup(ix, sc->word, ns);
	return sf->syl && sf->syl_at && sf->syl_word;
}

static bool prep_field(struct hc_index *ix, struct scratch *sc,
                       struct hc_sfield *sf, const char *s, enum hc_field field,
                       unsigned item)
{
	size_t n = clip_len(s), cap = 3 * n + 8;
	struct hc_fold f;

	memset(sf, 0, sizeof *sf);
	sf->field = (unsigned char)field;
	sf->item = (unsigned char)item;
	sf->tier = tier_of_field(field);
	sf->rank = rank_of_tier(sf->tier);
	sf->fine = fine_of_field(field);
	if (cap > FOLD_MAX)
		cap = FOLD_MAX;
	if (!scratch_reserve(sc, cap))
		return false;
	f = (struct hc_fold){ sc->buf, sc->lo, sc->hi, cap, 0, true };
	if (hc_fold_text((const uint8_t *)s, n, &f) < 0)
		return false;
	sc->buf[f.len] = 0;
	sf->fold_len = (uint16_t)f.len;
	sf->fold = arena_dup(ix, sc->buf, f.len + 1);
	if (!sf->fold)
		return false;
	if (!f.linear) {
		sf->lo = arena_dup(ix, sc->lo, (f.len + 1) * sizeof *sc->lo);
		sf->hi = arena_dup(ix, sc->hi, (f.len + 1) * sizeof *sc->hi);
		if (!sf->lo || !sf->hi)
			return false;
	}
	sf->hangul = hc_has_hangul(sf->fold, f.len);
	if (!sf->hangul)
		return true;
	return prep_strip(ix, sc, sf) && prep_syllables(ix, sc, sf);
}

static bool push_word(struct hc_index *ix, size_t field, size_t at,
                      size_t len)
{
	if (ix->n_words == ix->cap_words) {
		size_t cap = ix->cap_words ? 2 * ix->cap_words : 256;
		struct hc_tword *w = realloc(ix->words, cap * sizeof *w);

		if (!w)
			return false;
		ix->words = w;
		ix->cap_words = cap;
	}
	ix->words[ix->n_words++] = (struct hc_tword){ field, (uint16_t)at,
	                                           (uint16_t)len };
	return true;
}

/* The ASCII words of an English name, for typo matching. */
static bool collect_words(struct hc_index *ix, size_t fi)
{
	const struct hc_sfield *sf = &ix->fields[fi];
	size_t i = 0, n = sf->fold_len;

	while (i < n) {
		size_t start;

		while (i < n && !(sf->fold[i] >= 'a' && sf->fold[i] <= 'z'))
			i++;
		start = i;
		while (i < n && sf->fold[i] >= 'a' && sf->fold[i] <= 'z')
			i++;
		if (i - start >= TYPO_MIN - 1 && i - start <= TYPO_MAX + 1 &&
		    !push_word(ix, fi, start, i - start))
			return false;
	}
	return true;
}

static size_t count_fields(const struct hc_entry *e)
{
	return 9u + e->aliases_en.n + e->aliases_ko.n + e->headers.n + e->keywords_en.n +
	       e->keywords_ko.n;
}

/* Appends one field to entry's list; NULL strings are skipped. */
static bool add_field(struct hc_index *ix, struct scratch *sc, size_t *nf,
                      const char *s, enum hc_field field, unsigned item)
{
	size_t fi = *nf;

	if (!s)
		return true;
	if (!prep_field(ix, sc, &ix->fields[fi], s, field, item))
		return false;
	(*nf)++;
	if (field == HC_FIELD_PHRASE_EN || field == HC_FIELD_ALIAS_EN ||
	    field == HC_FIELD_KEYWORD_EN)
		return collect_words(ix, fi);
	return true;
}

static bool add_list(struct hc_index *ix, struct scratch *sc, size_t *nf,
                     const struct hc_strs *l, enum hc_field field)
{
	for (unsigned i = 0; i < l->n; i++)
		if (l->v && !add_field(ix, sc, nf, l->v[i], field, i))
			return false;
	return true;
}

/* Fields in rank order (names, then headers and vendor, then text), which is
 * also the order spans are reported in. */
static bool add_entry(struct hc_index *ix, struct scratch *sc, size_t *nf,
                      const struct hc_entry *e)
{
	return add_field(ix, sc, nf, e->phrase_en, HC_FIELD_PHRASE_EN, 0) &&
	       add_field(ix, sc, nf, e->name_ko, HC_FIELD_NAME_KO, 0) &&
	       add_list(ix, sc, nf, &e->aliases_en, HC_FIELD_ALIAS_EN) &&
	       add_list(ix, sc, nf, &e->aliases_ko, HC_FIELD_ALIAS_KO) &&
	       add_list(ix, sc, nf, &e->keywords_en, HC_FIELD_KEYWORD_EN) &&
	       add_list(ix, sc, nf, &e->keywords_ko, HC_FIELD_KEYWORD_KO) &&
	       add_list(ix, sc, nf, &e->headers, HC_FIELD_HEADER) &&
	       add_field(ix, sc, nf, e->vendor, HC_FIELD_VENDOR, 0) &&
	       add_field(ix, sc, nf, e->summary_en, HC_FIELD_SUMMARY_EN, 0) &&
	       add_field(ix, sc, nf, e->summary_ko, HC_FIELD_SUMMARY_KO, 0) &&
	       add_field(ix, sc, nf, e->desc_en, HC_FIELD_DESC_EN, 0) &&
	       add_field(ix, sc, nf, e->desc_ko, HC_FIELD_DESC_KO, 0) &&
	       add_field(ix, sc, nf, e->note_en, HC_FIELD_NOTE_EN, 0) &&
	       add_field(ix, sc, nf, e->note_ko, HC_FIELD_NOTE_KO, 0);
}

static bool build(struct hc_index *ix)
{
	struct scratch sc = { 0 };
	size_t total = 0, nf = 0;
	bool ok = true;

	for (size_t i = 0; i < ix->n; i++)
		total += count_fields(&ix->entries[i]);
	ix->fields = calloc(total + 1, sizeof *ix->fields);
	ix->first_field = calloc(ix->n + 1, sizeof *ix->first_field);
	ix->first_word = calloc(ix->n + 1, sizeof *ix->first_word);
	ix->has = calloc(ix->n + 1, sizeof *ix->has);
	if (!ix->fields || !ix->first_field || !ix->first_word || !ix->has)
		return false;
	for (size_t i = 0; ok && i < ix->n; i++) {
		ix->first_field[i] = nf;
		ix->first_word[i] = ix->n_words;
		ok = add_entry(ix, &sc, &nf, &ix->entries[i]);
		for (size_t f = ix->first_field[i]; ok && f < nf; f++)
			hc_bytes_add(&ix->has[i], ix->fields[f].fold, ix->fields[f].fold_len);
	}
	ix->first_field[ix->n] = nf;
	ix->first_word[ix->n] = ix->n_words;
	scratch_free(&sc);
	return ok;
}

struct hc_index *hc_index_new(const struct hc_entry *entries, size_t n)
{
	struct hc_index *ix = hc_index_builtin(entries, n);

	return ix ? ix : hc_index_build(entries, n);
}

struct hc_index *hc_index_build(const struct hc_entry *entries, size_t n)
{
	struct hc_index *ix;

	if (!entries && n)
		return NULL;
	ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	ix->entries = entries;
	ix->n = n;
	if (!build(ix)) {
		hc_index_free(ix);
		return NULL;
	}
	return ix;
}

void hc_index_free(struct hc_index *ix)
{
	if (!ix || ix->builtin)
		return;
	while (ix->arena) {
		struct hc_chunk *next = ix->arena->next;

		free(ix->arena);
		ix->arena = next;
	}
	free(ix->fields);
	free(ix->first_field);
	free(ix->words);
	free(ix->first_word);
	free(ix->has);
	free(ix);
}
