/*
 * search.c - the search engine: an index of prepared fields, and a matcher.
 *
 * Every searchable string is folded once (NFC + Unicode case folding), one
 * grapheme at a time. Folding rarely changes a string's byte layout, so a map
 * from folded offsets back to the original is stored only for the strings
 * where it does; spans therefore always point into the displayed text.
 * Strings with Hangul also get a copy without spaces ("시간초과" finds
 * "시간 초과") and an array of their syllables for 초성 search.
 *
 * hc_search works on a stack copy of the query and the results buffer only:
 * it allocates nothing once the buffer has grown (libunistring may allocate
 * while folding a pathological grapheme of hundreds of combining marks).
 */
#include "search.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "constname.h"

/* Spans and maps are 16-bit: an original string is searched only up to
 * ORIG_MAX bytes, so that its folded form (at most three times longer)
 * still fits in FOLD_MAX. No real field comes near either. */
#define ORIG_MAX 21000u
#define FOLD_MAX 65535u

/* Folding a query triples its length at worst (U+0390 → ΐ). */
#define QBUF (3 * HC_QUERY_MAX + 8)
/* Terms are separated by white space, so there are at most this many. */
#define MAX_TERMS (HC_QUERY_MAX / 2 + 1)

#define RANK_NONE (HC_RANK_TYPO + 1)

#define SYL_BREAK 0xFFFFu       /* a non-Hangul character in a syllable array */
#define JAMO_INITIAL 0x8000u    /* a query element that is a 초성 index */
#define SYL_PER_INITIAL 588     /* 21 vowels × 28 finals */

#define TYPO_MIN 4              /* shorter words have too many neighbours */
#define TYPO_MAX 40

#define CHUNK_SIZE (64 * 1024)

#define FOLD_FULL ((size_t)-1)
#define FOLD_NOMEM ((size_t)-2)

/* ---- the index ---------------------------------------------------------- */

/* One searchable string of an entry, prepared once. */
struct sfield {
	const uint8_t *fold;            /* NFC + case-folded, NUL-terminated */
	const uint16_t *lo, *hi;        /* fold offset → orig offset for a span's
	                                   start / end; NULL when they are equal */
	const uint8_t *strip;           /* fold without white space (Hangul) */
	const uint16_t *strip_at;       /* strip offset → fold offset, or NULL */
	const uint16_t *syl;            /* syllable - U+AC00, or SYL_BREAK */
	const uint16_t *syl_at;         /* fold offset of each syllable */
	const uint8_t *syl_word;        /* 1 where a syllable starts a word */
	uint16_t fold_len, strip_len, n_syl;
	unsigned char field, item;
	unsigned char rank;             /* what a match here is worth */
	bool hangul;
};

/* A word of an English name or alias, for typo matching. */
struct tword {
	size_t field;                   /* index into hc_index.fields */
	uint16_t at, len;               /* in the folded string */
};

struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
};

struct hc_index {
	const struct hc_entry *entries;
	size_t n;
	struct sfield *fields;
	size_t *first_field;            /* entry i: [first_field[i], [i+1]) */
	struct tword *words;
	size_t *first_word;             /* entry i: [first_word[i], [i+1]) */
	size_t n_words, cap_words;
	struct chunk *arena;            /* folded strings and maps */
};

/* Work space while building, reused for every field. */
struct scratch {
	uint8_t *buf, *strip, *word;
	uint16_t *lo, *hi, *strip_at, *syl, *syl_at;
	size_t cap;                     /* bytes; the arrays hold cap + 1 */
};

/* ---- the query ---------------------------------------------------------- */

enum term_kind {
	T_PATTERN,      /* a code pattern: matches codes only */
	T_WORD,         /* matches at a word start */
	T_HANGUL,       /* matches anywhere, spaces in the text ignored */
	T_JAMO,         /* syllables and 초성, matched against syllable arrays */
};

struct term {
	const uint8_t *s;               /* folded */
	size_t n;
	enum term_kind kind;
	bool anchor;                    /* T_WORD: must start a word */
	bool typo;                      /* may match a name word one edit away */
	struct hc_pattern pat;
	const uint16_t *jamo;           /* T_JAMO: syllable, or JAMO_INITIAL|i */
	size_t n_jamo;
};

struct query {
	uint8_t fold[QBUF];
	size_t fold_len;
	struct term terms[MAX_TERMS];
	size_t n_terms;
	uint16_t jamo[HC_QUERY_MAX];
	size_t n_jamo;
	uint8_t whole[QBUF];            /* spaces collapsed, for whole names */
	size_t whole_len;
	bool whole_ok, whole_hangul;
	bool words_only;                /* no code patterns (hc_search_words) */
};

/* ---- characters --------------------------------------------------------- */

static bool is_syllable(ucs4_t c)
{
	return c >= 0xAC00 && c <= 0xD7A3;
}

static bool is_hangul(ucs4_t c)
{
	return is_syllable(c) || (c >= 0x1100 && c <= 0x11FF) ||
	       (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
	       (c >= 0xD7B0 && c <= 0xD7FF);
}

/* White space between terms and inside Korean phrases. The newline only
 * occurs in the table (between paragraphs); queries cannot contain it. */
static bool is_space(ucs4_t c)
{
	return c == ' ' || c == '\n' || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	       c == 0x3000;
}

/* Letters and digits of alphabetic scripts. Hangul is left out so that an
 * English word glued to a Korean particle ("URL을") still starts a word. */
static bool is_word_char(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	return uc_is_alnum(c) && !is_hangul(c);
}

/* The 초성 index (0 = ㄱ … 18 = ㅎ) a typed consonant stands for, or -1.
 * Final-only clusters (ㄳ, ㄺ …) never begin a syllable. */
static int initial_of_jamo(ucs4_t c)
{
	static const signed char compat[30] = {  /* U+3131 ㄱ … U+314E ㅎ */
		0, 1, -1, 2, -1, -1, 3, 4, 5,
		-1, -1, -1, -1, -1, -1, -1,
		6, 7, 8, -1, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
	};

	if (c >= 0x3131 && c <= 0x314E)
		return compat[c - 0x3131];
	if (c >= 0x1100 && c <= 0x1112)  /* conjoining initials (NFD input) */
		return (int)(c - 0x1100);
	return -1;
}

/* Decodes the character at s (n >= 1); invalid bytes read as U+FFFD. */
static size_t decode(const uint8_t *s, size_t n, ucs4_t *c)
{
	int k = u8_mbtouc(c, s, n);

	return k > 0 ? (size_t)k : 1;
}

static bool is_continuation(uint8_t b)
{
	return (b & 0xC0) == 0x80;
}

/* True when the character before s[at] is part of a word. */
static bool word_before(const uint8_t *s, size_t at)
{
	ucs4_t c;

	if (at == 0)
		return false;
	if (s[at - 1] < 0x80)
		return is_word_char(s[at - 1]);
	if (!u8_prev(&c, s + at, s))
		return false;
	return is_word_char(c);
}

/* ---- folding ------------------------------------------------------------ */

struct fold {
	uint8_t *out;
	uint16_t *lo, *hi;              /* may be NULL (queries need no map) */
	size_t cap, len;
	bool linear;                    /* every grapheme kept its byte layout */
};

static const uint8_t *grapheme_end(const uint8_t *g, const uint8_t *end)
{
	const uint8_t *next;

	if (g[0] < 0x80 && (g + 1 == end || g[1] < 0x80))
		return g + 1;   /* fast path: ASCII followed by ASCII */
	next = u8_grapheme_next(g, end);
	return next && next > g ? next : end;
}

static bool is_syllable_at(const uint8_t *g, size_t n)
{
	ucs4_t c;

	return n == 3 && u8_mbtoucr(&c, g, 3) == 3 && is_syllable(c);
}

/* Folds one grapheme into out. Returns its length, FOLD_FULL when it does
 * not fit in room, or FOLD_NOMEM. */
static size_t fold_grapheme(const uint8_t *g, size_t n, uint8_t *out,
                            size_t room)
{
	static const uint8_t replacement[3] = { 0xEF, 0xBF, 0xBD };
	uint8_t buf[64];
	size_t len = sizeof buf;
	const uint8_t *r;
	uint8_t *folded;

	if (n == 1 && g[0] < 0x80) {
		if (room < 1)
			return FOLD_FULL;
		out[0] = g[0] >= 'A' && g[0] <= 'Z' ? (uint8_t)(g[0] + 32) : g[0];
		return 1;
	}
	if (is_syllable_at(g, n)) {
		r = g;          /* Hangul has no case and is already NFC */
		len = n;
		folded = NULL;
	} else {
		folded = u8_casefold(g, n, NULL, UNINORM_NFC, buf, &len);
		if (!folded && errno == ENOMEM)
			return FOLD_NOMEM;
		r = folded;
		if (!folded) {  /* invalid bytes (only in a broken table) */
			r = replacement;
			len = sizeof replacement;
		}
	}
	if (len <= room)
		memcpy(out, r, len);
	if (folded && folded != buf)
		free(folded);
	return len <= room ? len : FOLD_FULL;
}

static bool same_layout(const uint8_t *a, size_t an, const uint8_t *b,
                        size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
		if (is_continuation(a[i]) != is_continuation(b[i]))
			return false;
	return true;
}

/* Where each folded byte of a grapheme at orig [os, oe) points back to. A
 * grapheme whose layout changed is highlighted whole or not at all. */
static void record_map(struct fold *f, size_t os, size_t oe, size_t k,
                       bool same)
{
	for (size_t i = 0; i < k; i++) {
		size_t at = f->len + i;

		if (same) {
			f->lo[at] = f->hi[at] = (uint16_t)(os + i);
		} else {
			f->lo[at] = (uint16_t)os;
			f->hi[at] = (uint16_t)(i == 0 ? os : oe);
		}
	}
}

/* Folds s[0..n) into f. Returns 0, 1 when f->out filled up (the text is cut
 * at a grapheme), or -1 when out of memory. */
static int fold_text(const uint8_t *s, size_t n, struct fold *f)
{
	const uint8_t *g = s, *end = s + n;
	int ret = 0;

	f->len = 0;
	f->linear = true;
	while (g < end) {
		const uint8_t *next = grapheme_end(g, end);
		size_t gn = (size_t)(next - g);
		size_t k = fold_grapheme(g, gn, f->out + f->len, f->cap - f->len);
		bool same;

		if (k == FOLD_NOMEM)
			return -1;
		if (k == FOLD_FULL) {
			ret = 1;
			break;
		}
		same = same_layout(g, gn, f->out + f->len, k);
		if (f->lo)
			record_map(f, (size_t)(g - s), (size_t)(next - s), k, same);
		f->linear = f->linear && same;
		f->len += k;
		g = next;
	}
	if (f->lo)
		f->lo[f->len] = f->hi[f->len] = (uint16_t)(g - s);
	return ret;
}

/* ---- building the index ------------------------------------------------- */

static void *arena_alloc(struct hc_index *ix, size_t n)
{
	struct chunk *c = ix->arena;
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
		while (n > 0 && is_continuation((uint8_t)s[n]))
			n--;
	}
	return n;
}

static unsigned char rank_of_field(enum hc_field field)
{
	switch (field) {
	case HC_FIELD_PHRASE_EN:
	case HC_FIELD_NAME_KO:
	case HC_FIELD_ALIAS_EN:
	case HC_FIELD_ALIAS_KO:
		return HC_RANK_NAME_WORD;
	case HC_FIELD_HEADER:
	case HC_FIELD_VENDOR:
		return HC_RANK_HEADER;
	default:
		return HC_RANK_TEXT;
	}
}

static bool has_hangul(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		i += decode(s + i, n - i, &c);
		if (is_hangul(c))
			return true;
	}
	return false;
}

/* The folded text without white space, so that Korean spacing is optional. */
static bool prep_strip(struct hc_index *ix, struct scratch *sc,
                       struct sfield *sf)
{
	size_t n = sf->fold_len, sn = 0;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t k = decode(sf->fold + i, n - i, &c);

		if (!is_space(c)) {
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
                           struct sfield *sf)
{
	size_t n = sf->fold_len, ns = 0;
	bool word = true;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t k = decode(sf->fold + i, n - i, &c);

		if (is_syllable(c)) {
			sc->syl[ns] = (uint16_t)(c - 0xAC00);
			sc->syl_at[ns] = (uint16_t)i;
			sc->word[ns++] = word;
			word = false;
		} else if (is_space(c)) {
			word = true;
		} else {
			if (ns > 0 && sc->syl[ns - 1] != SYL_BREAK) {
				sc->syl[ns] = SYL_BREAK;
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
                       struct sfield *sf, const char *s, enum hc_field field,
                       unsigned item)
{
	size_t n = clip_len(s), cap = 3 * n + 8;
	struct fold f;

	memset(sf, 0, sizeof *sf);
	sf->field = (unsigned char)field;
	sf->item = (unsigned char)item;
	sf->rank = rank_of_field(field);
	if (cap > FOLD_MAX)
		cap = FOLD_MAX;
	if (!scratch_reserve(sc, cap))
		return false;
	f = (struct fold){ sc->buf, sc->lo, sc->hi, cap, 0, true };
	if (fold_text((const uint8_t *)s, n, &f) < 0)
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
	sf->hangul = has_hangul(sf->fold, f.len);
	if (!sf->hangul)
		return true;
	return prep_strip(ix, sc, sf) && prep_syllables(ix, sc, sf);
}

static bool push_word(struct hc_index *ix, size_t field, size_t at,
                      size_t len)
{
	if (ix->n_words == ix->cap_words) {
		size_t cap = ix->cap_words ? 2 * ix->cap_words : 256;
		struct tword *w = realloc(ix->words, cap * sizeof *w);

		if (!w)
			return false;
		ix->words = w;
		ix->cap_words = cap;
	}
	ix->words[ix->n_words++] = (struct tword){ field, (uint16_t)at,
	                                           (uint16_t)len };
	return true;
}

/* The ASCII words of an English name, for typo matching. */
static bool collect_words(struct hc_index *ix, size_t fi)
{
	const struct sfield *sf = &ix->fields[fi];
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
	return 9u + e->aliases_en.n + e->aliases_ko.n + e->headers.n;
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
	if (field == HC_FIELD_PHRASE_EN || field == HC_FIELD_ALIAS_EN)
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
	if (!ix->fields || !ix->first_field || !ix->first_word)
		return false;
	for (size_t i = 0; ok && i < ix->n; i++) {
		ix->first_field[i] = nf;
		ix->first_word[i] = ix->n_words;
		ok = add_entry(ix, &sc, &nf, &ix->entries[i]);
	}
	ix->first_field[ix->n] = nf;
	ix->first_word[ix->n] = ix->n_words;
	scratch_free(&sc);
	return ok;
}

struct hc_index *hc_index_new(const struct hc_entry *entries, size_t n)
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
	if (!ix)
		return;
	while (ix->arena) {
		struct chunk *next = ix->arena->next;

		free(ix->arena);
		ix->arena = next;
	}
	free(ix->fields);
	free(ix->first_field);
	free(ix->words);
	free(ix->first_word);
	free(ix);
}

/* ---- parsing a query ---------------------------------------------------- */

/* Valid UTF-8 with no C0, DEL or C1 control characters. */
static bool query_is_clean(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, s + i, n - i);

		if (k <= 0 || c < 0x20 || (c >= 0x7F && c <= 0x9F))
			return false;
		i += (size_t)k;
	}
	return true;
}

/* A term of syllables and 초성 only (at least one 초성): matched against the
 * syllable arrays, so "ㅇㅊ" and "요ㅊ" both find 요청. */
static bool classify_jamo(struct query *q, struct term *t)
{
	size_t start = q->n_jamo, nj = 0;
	bool initial = false;

	for (size_t i = 0; i < t->n;) {
		ucs4_t c;
		int ini;

		if (start + nj >= HC_QUERY_MAX)
			return false;   /* cannot happen: each takes 3 bytes */
		i += decode(t->s + i, t->n - i, &c);
		ini = initial_of_jamo(c);
		if (ini >= 0) {
			q->jamo[start + nj++] = (uint16_t)(JAMO_INITIAL | (unsigned)ini);
			initial = true;
		} else if (is_syllable(c)) {
			q->jamo[start + nj++] = (uint16_t)(c - 0xAC00);
		} else {
			return false;
		}
	}
	if (!initial)
		return false;
	t->jamo = q->jamo + start;
	t->n_jamo = nj;
	q->n_jamo += nj;
	return true;
}

static bool all_ascii_letters(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z'))
			return false;
	return true;
}

static void classify(struct query *q, struct term *t)
{
	char tmp[4];
	ucs4_t c;

	if (t->n <= 3 && !q->words_only) {
		memcpy(tmp, t->s, t->n);
		tmp[t->n] = 0;
		if (hc_pattern_parse(tmp, &t->pat)) {
			t->kind = T_PATTERN;
			return;
		}
	}
	if (has_hangul(t->s, t->n)) {
		t->kind = classify_jamo(q, t) ? T_JAMO : T_HANGUL;
		return;
	}
	t->kind = T_WORD;
	decode(t->s, t->n, &c);
	t->anchor = is_word_char(c);
	t->typo = t->n >= TYPO_MIN && t->n <= TYPO_MAX &&
	          all_ascii_letters(t->s, t->n);
}

/* The offset of the first character at or after i that is (or, when
 * space is false, is not) white space. */
static size_t scan(const struct query *q, size_t i, bool space)
{
	while (i < q->fold_len) {
		ucs4_t c;
		size_t k = decode(q->fold + i, q->fold_len - i, &c);

		if (is_space(c) == space)
			break;
		i += k;
	}
	return i;
}

/* True when the query already has this term: "a a a …" costs one term. */
static bool seen(const struct query *q, const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < q->n_terms; i++)
		if (q->terms[i].n == n && memcmp(q->terms[i].s, s, n) == 0)
			return true;
	return false;
}

/* Splits the folded query at white space into classified terms. */
static void split_terms(struct query *q)
{
	size_t i = 0;

	q->n_terms = 0;
	q->n_jamo = 0;
	while (q->n_terms < MAX_TERMS) {
		size_t start = scan(q, i, false);
		struct term *t;

		i = scan(q, start, true);
		if (i == start)
			break;
		if (seen(q, q->fold + start, i - start))
			continue;
		t = &q->terms[q->n_terms++];
		memset(t, 0, sizeof *t);
		t->s = q->fold + start;
		t->n = i - start;
		classify(q, t);
	}
}

/* The query with its white space collapsed to one space (or, when Korean,
 * removed), to compare with whole names: "not found" is the name of 404,
 * not just two words. */
static void join_terms(struct query *q)
{
	size_t len = 0, i = scan(q, 0, false);

	q->whole_ok = true;
	q->whole_hangul = false;
	for (size_t k = 0; k < q->n_terms; k++) {
		enum term_kind kind = q->terms[k].kind;

		if (kind == T_PATTERN || kind == T_JAMO)
			q->whole_ok = false;
		if (kind == T_HANGUL)
			q->whole_hangul = true;
	}
	while (q->whole_ok && i < q->fold_len) {
		size_t end = scan(q, i, true);

		if (len > 0 && !q->whole_hangul)
			q->whole[len++] = ' ';
		memcpy(q->whole + len, q->fold + i, end - i);
		len += end - i;
		i = scan(q, end, false);
	}
	q->whole_len = len;
}

static enum hc_search_status parse_query(const uint8_t *s, size_t n,
                                         bool words_only, struct query *q)
{
	struct fold f = { q->fold, NULL, NULL, sizeof q->fold, 0, true };
	int r = fold_text(s, n, &f);

	q->words_only = words_only;
	if (r < 0)
		return HC_SEARCH_NOMEM;
	if (r > 0)
		return HC_SEARCH_TOO_LONG;
	q->fold_len = f.len;
	split_terms(q);
	if (q->n_terms == 0)
		return HC_SEARCH_EMPTY;
	join_terms(q);
	return HC_SEARCH_OK;
}

/* ---- matching ----------------------------------------------------------- */

/* First occurrence of t at a word start in the folded field. */
static bool find_word(const struct sfield *f, const struct term *t,
                      size_t *a)
{
	size_t from = 0, n = f->fold_len;

	while (from + t->n <= n) {
		const uint8_t *p = memmem(f->fold + from, n - from, t->s, t->n);
		size_t at;

		if (!p)
			return false;
		at = (size_t)(p - f->fold);
		if (!t->anchor || !word_before(f->fold, at)) {
			*a = at;
			return true;
		}
		from = at + 1;
	}
	return false;
}

/* First occurrence of t anywhere, ignoring the field's white space. */
static bool find_hangul(const struct sfield *f, const struct term *t,
                        size_t *a, size_t *b)
{
	const uint8_t *p;
	size_t s, e;

	if (!f->hangul)
		return false;
	p = memmem(f->strip, f->strip_len, t->s, t->n);
	if (!p)
		return false;
	s = (size_t)(p - f->strip);
	e = s + t->n;
	*a = f->strip_at ? f->strip_at[s] : s;
	*b = f->strip_at ? (size_t)f->strip_at[e - 1] + 1 : e;
	return true;
}

static bool jamo_fits(uint16_t want, uint16_t syl)
{
	if (syl == SYL_BREAK)
		return false;
	if (want & JAMO_INITIAL)
		return syl / SYL_PER_INITIAL == (want & 0xFFu);
	return syl == want;
}

/* In names the 초성 may start anywhere and run across spaces; in running
 * text they must cover the start of one word, else ㅇㅊ matches everywhere. */
static bool find_jamo(const struct sfield *f, const struct term *t,
                      size_t *a, size_t *b)
{
	size_t k = t->n_jamo;
	bool text = f->rank == HC_RANK_TEXT;

	for (size_t i = 0; i + k <= f->n_syl; i++) {
		size_t j = 0;

		if (text && !f->syl_word[i])
			continue;
		while (j < k && jamo_fits(t->jamo[j], f->syl[i + j]) &&
		       !(text && j > 0 && f->syl_word[i + j]))
			j++;
		if (j == k) {
			*a = f->syl_at[i];
			*b = (size_t)f->syl_at[i + k - 1] + 3;
			return true;
		}
	}
	return false;
}

/* Where t matches exactly in f, as a range of the folded string. */
static bool match_field(const struct sfield *f, const struct term *t,
                        size_t *a, size_t *b)
{
	switch (t->kind) {
	case T_WORD:
		if (!find_word(f, t, a))
			return false;
		*b = *a + t->n;
		return true;
	case T_HANGUL:
		return find_hangul(f, t, a, b);
	case T_JAMO:
		return f->n_syl > 0 && find_jamo(f, t, a, b);
	default:
		return false;
	}
}

/* Damerau (optimal string alignment) distance of at most one. */
static bool one_edit(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
	size_t i = 0;

	if (an < bn)
		return one_edit(b, bn, a, an);
	if (an - bn > 1)
		return false;
	while (i < bn && a[i] == b[i])
		i++;
	if (i == bn)
		return true;
	if (an > bn)    /* one extra letter in a */
		return memcmp(a + i + 1, b + i, bn - i) == 0;
	if (memcmp(a + i + 1, b + i + 1, an - i - 1) == 0)
		return true;    /* substitution */
	return i + 1 < an && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	       memcmp(a + i + 2, b + i + 2, an - i - 2) == 0;
}

static bool typo_fits(const struct hc_index *ix, const struct tword *w,
                      const struct term *t)
{
	return one_edit(t->s, t->n, ix->fields[w->field].fold + w->at, w->len);
}

static bool typo_match(const struct hc_index *ix, size_t e,
                       const struct term *t)
{
	for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++)
		if (typo_fits(ix, &ix->words[w], t))
			return true;
	return false;
}

/* The best rank of one term in entry e, or RANK_NONE. Fields are kept in
 * rank order, so the first field that matches is the best. */
static int rank_term(const struct hc_index *ix, size_t e, const struct term *t)
{
	size_t a, b;

	if (t->kind == T_PATTERN) {
		if (!hc_pattern_match(&t->pat, ix->entries[e].code))
			return RANK_NONE;
		return hc_pattern_is_exact(&t->pat) ? HC_RANK_CODE_EXACT
		                                    : HC_RANK_CODE_PREFIX;
	}
	for (size_t f = ix->first_field[e]; f < ix->first_field[e + 1]; f++)
		if (match_field(&ix->fields[f], t, &a, &b))
			return ix->fields[f].rank;
	if (t->typo && typo_match(ix, e, t))
		return HC_RANK_TYPO;
	return RANK_NONE;
}

/* NAME_EXACT or NAME_PREFIX when the whole query is, or starts, a name. */
static int whole_rank(const struct hc_index *ix, size_t e,
                      const struct query *q)
{
	int best = RANK_NONE;

	for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
		const struct sfield *f = &ix->fields[i];
		const uint8_t *s = q->whole_hangul ? f->strip : f->fold;
		size_t n = q->whole_hangul ? f->strip_len : f->fold_len;

		if (f->rank != HC_RANK_NAME_WORD || (q->whole_hangul && !f->hangul))
			continue;
		if (n < q->whole_len || memcmp(s, q->whole, q->whole_len) != 0)
			continue;
		if (n == q->whole_len)
			return HC_RANK_NAME_EXACT;
		best = HC_RANK_NAME_PREFIX;
	}
	return best;
}

/* The entry's rank: the worst of its terms' best ranks, unless the whole
 * query names it. Stores each term's rank in trank. */
static int rank_entry(const struct hc_index *ix, size_t e,
                      const struct query *q, unsigned char *trank)
{
	int worst = HC_RANK_CODE_EXACT;

	for (size_t i = 0; i < q->n_terms; i++) {
		int r = rank_term(ix, e, &q->terms[i]);

		if (r == RANK_NONE)
			return RANK_NONE;
		trank[i] = (unsigned char)r;
		if (r > worst)
			worst = r;
	}
	if (q->whole_ok && worst > HC_RANK_NAME_PREFIX) {
		int w = whole_rank(ix, e, q);

		if (w < worst)
			worst = w;
	}
	return worst;
}

/* ---- spans -------------------------------------------------------------- */

static void push_span(struct hc_hit *h, unsigned field, unsigned item,
                      size_t start, size_t end)
{
	struct hc_span *sp;

	if (h->n_spans >= HC_HIT_MAX_SPANS || end <= start)
		return;
	for (unsigned i = 0; i < h->n_spans; i++) {
		sp = &h->spans[i];
		if (sp->field == field && sp->item == item && sp->start == start &&
		    sp->len == end - start)
			return;
	}
	sp = &h->spans[h->n_spans++];
	sp->field = (unsigned char)field;
	sp->item = (unsigned char)item;
	sp->start = (unsigned short)start;
	sp->len = (unsigned short)(end - start);
}

/* A folded range [a, b) of f, mapped back onto the original string. */
static void add_span(struct hc_hit *h, const struct sfield *f, size_t a,
                     size_t b)
{
	size_t s = f->lo ? f->lo[a] : a;
	size_t e = f->hi ? f->hi[b] : b;

	push_span(h, f->field, f->item, s, e);
}

/* Spans over the printed three-digit code: one per run of given digits
 * ("5?3" highlights the 5 and the 3). */
static void add_code_spans(struct hc_hit *h, const struct hc_pattern *p)
{
	size_t i = 0;

	while (i < p->len && i < 3) {
		size_t start;

		while (i < p->len && i < 3 && p->digit[i] == '?')
			i++;
		start = i;
		while (i < p->len && i < 3 && p->digit[i] != '?')
			i++;
		push_span(h, HC_FIELD_CODE, 0, start, i);
	}
}

static void add_typo_spans(const struct hc_index *ix, size_t e, size_t fi,
                           const struct term *t, struct hc_hit *h)
{
	for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++) {
		const struct tword *tw = &ix->words[w];

		if (tw->field == fi && typo_fits(ix, tw, t))
			add_span(h, &ix->fields[fi], tw->at, (size_t)tw->at + tw->len);
	}
}

/* The first match of every term in every field, in field order, so that the
 * names (which the tree view highlights) get the first of the slots. */
static void collect_spans(const struct hc_index *ix, size_t e,
                          const struct query *q, const unsigned char *trank,
                          struct hc_hit *h)
{
	h->n_spans = 0;
	for (size_t i = 0; i < q->n_terms; i++)
		if (q->terms[i].kind == T_PATTERN)
			add_code_spans(h, &q->terms[i].pat);
	for (size_t fi = ix->first_field[e]; fi < ix->first_field[e + 1]; fi++) {
		const struct sfield *f = &ix->fields[fi];

		for (size_t i = 0; i < q->n_terms; i++) {
			const struct term *t = &q->terms[i];
			size_t a, b;

			if (h->n_spans >= HC_HIT_MAX_SPANS)
				return;
			if (trank[i] == HC_RANK_TYPO)
				add_typo_spans(ix, e, fi, t, h);
			else if (match_field(f, t, &a, &b))
				add_span(h, f, a, b);
		}
	}
}

/* ---- results ------------------------------------------------------------ */

/* Room for one more hit, keeping the capacity at least twice the count:
 * the upper half is the scratch space of the stable sort. */
static struct hc_hit *push_hit(struct hc_results *r)
{
	size_t need = 2 * (r->n + 1);

	if (need > r->cap) {
		size_t cap = r->cap ? r->cap : 64;
		struct hc_hit *p;

		while (cap < need)
			cap *= 2;
		if (cap > SIZE_MAX / sizeof *p)
			return NULL;
		p = realloc(r->hits, cap * sizeof *p);
		if (!p)
			return NULL;
		r->hits = p;
		r->cap = cap;
	}
	return &r->hits[r->n++];
}

/* Stable counting sort by rank: ties keep table order. */
static void sort_hits(struct hc_results *r)
{
	size_t start[RANK_NONE + 1] = { 0 };
	struct hc_hit *tmp = r->hits + r->n;
	bool sorted = true;

	for (size_t i = 0; i < r->n; i++) {
		start[r->hits[i].rank + 1]++;
		if (i > 0 && r->hits[i].rank < r->hits[i - 1].rank)
			sorted = false;
	}
	if (sorted)
		return;
	for (int k = 1; k <= RANK_NONE; k++)
		start[k] += start[k - 1];
	for (size_t i = 0; i < r->n; i++)
		tmp[start[r->hits[i].rank]++] = r->hits[i];
	memcpy(r->hits, tmp, r->n * sizeof *tmp);
}

static enum hc_search_status run(const struct hc_index *ix,
                                 const struct query *q,
                                 struct hc_results *out)
{
	unsigned char trank[MAX_TERMS];

	for (size_t e = 0; e < ix->n; e++) {
		int r = rank_entry(ix, e, q, trank);
		struct hc_hit *h;

		if (r == RANK_NONE)
			continue;
		h = push_hit(out);
		if (!h) {
			out->n = 0;
			return HC_SEARCH_NOMEM;
		}
		h->entry = e;
		h->rank = (enum hc_rank)r;
		collect_spans(ix, e, q, trank, h);
	}
	sort_hits(out);
	return HC_SEARCH_OK;
}

static enum hc_search_status search(const struct hc_index *ix,
                                    const char *query, size_t len,
                                    bool words_only, struct hc_results *out)
{
	const uint8_t *s = (const uint8_t *)query;
	struct query q;
	enum hc_search_status st;
	char code[4];
	int k;

	if (!out)
		return HC_SEARCH_INVALID;
	out->n = 0;
	if (!ix || (!query && len))
		return HC_SEARCH_INVALID;
	if (len > HC_QUERY_MAX)
		return HC_SEARCH_TOO_LONG;
	if (!query_is_clean(s, len))
		return HC_SEARCH_INVALID;
	/* A library's constant (http.StatusTooManyRequests) is its code. */
	if (!words_only && (k = hc_constname_code(query, len)) > 0) {
		snprintf(code, sizeof code, "%03d", k % 1000);
		s = (const uint8_t *)code;
		len = 3;
	}
	st = parse_query(s, len, words_only, &q);
	if (st != HC_SEARCH_OK)
		return st;
	return run(ix, &q, out);
}

enum hc_search_status hc_search(const struct hc_index *ix, const char *query,
                                size_t len, struct hc_results *out)
{
	return search(ix, query, len, false, out);
}

enum hc_search_status hc_search_words(const struct hc_index *ix,
                                      const char *query, size_t len,
                                      struct hc_results *out)
{
	return search(ix, query, len, true, out);
}

void hc_results_free(struct hc_results *r)
{
	if (!r)
		return;
	free(r->hits);
	r->hits = NULL;
	r->n = r->cap = 0;
}

const char *hc_rank_name(enum hc_rank r)
{
	static const char *const names[] = {
		[HC_RANK_CODE_EXACT] = "code",
		[HC_RANK_CODE_PREFIX] = "code-prefix",
		[HC_RANK_NAME_EXACT] = "name",
		[HC_RANK_NAME_PREFIX] = "name-prefix",
		[HC_RANK_NAME_WORD] = "name-word",
		[HC_RANK_HEADER] = "header",
		[HC_RANK_TEXT] = "text",
		[HC_RANK_TYPO] = "typo",
	};

	if ((unsigned)r >= sizeof names / sizeof names[0])
		return "?";
	return names[r];
}

const char *hc_span_text(const struct hc_entry *e, const struct hc_span *s, char code[4])
{
	return hc_entry_field(e, (enum hc_field)s->field, s->item, code);
}
