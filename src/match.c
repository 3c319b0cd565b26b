/*
 * match.c - one query term against one field of the index (match.h).
 *
 * A field's text is its folded copy or the displayed string itself
 * (index.h), so every comparison folds the text's ASCII capitals (hc_lc);
 * the query is folded already. Korean spacing is skipped while comparing,
 * and 초성 search decodes the field's syllables when it needs them: the
 * index stores neither.
 */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "hangul.h"
#include "utf8.h"

/* h[0..n) equals the folded nd[0..n), ASCII capitals of h made small. */
static bool eq_folded(const uint8_t *h, const uint8_t *nd, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (hc_lc(h[i]) != nd[i])
			return false;
	return true;
}

/* The first c in [p, end), or end. */
static const uint8_t *find1(const uint8_t *p, const uint8_t *end, uint8_t c)
{
	const uint8_t *q = p < end ? memchr(p, c, (size_t)(end - p)) : NULL;

	return q ? q : end;
}

/* The occurrences of a folded needle in a text, ASCII capitals of the text
 * matching its small letters: two memchr scans for the first byte (it and
 * its capital), each result kept until the search passes it, then the rest
 * compared. glibc's memmem sets up a shift table on every call, which costs
 * more than the search itself on strings this short. */
struct finder {
	const uint8_t *end, *lo, *up;   /* end: one past the last start */
	const uint8_t *nd;
	size_t nn;
	uint8_t c, cap;
};

/* caps: the capitals the text has (hc_sfield.caps); a letter's capital is
 * looked for only when it is there. */
static inline void finder_init(struct finder *f, const uint8_t *h, size_t hn, const uint8_t *nd,
                        size_t nn, uint32_t caps)
{
	f->nd = nd;
	f->nn = nn;
	f->c = f->cap = 0;
	if (nn == 0 || hn < nn) {
		f->end = f->lo = f->up = h;
		return;
	}
	f->end = h + (hn - nn) + 1;
	f->c = nd[0];
	f->cap = f->c >= 'a' && f->c <= 'z' && (caps >> (f->c - 'a') & 1) ? (uint8_t)(f->c - 32)
	                                                                 : f->c;
	f->lo = find1(h, f->end, f->c);
	f->up = f->cap == f->c ? f->end : find1(h, f->end, f->cap);
}

/* The next occurrence, or NULL. */
static inline const uint8_t *finder_next(struct finder *f)
{
	while (f->lo < f->end || f->up < f->end) {
		const uint8_t *q = f->lo < f->up ? f->lo : f->up;

		if (q == f->lo)
			f->lo = find1(q + 1, f->end, f->c);
		else
			f->up = find1(q + 1, f->end, f->cap);
		if (eq_folded(q + 1, f->nd + 1, f->nn - 1))
			return q;
	}
	return NULL;
}

/* Bytes of the white space character at h[i] (hc_is_space), or 0. */
static size_t space_at(const uint8_t *h, size_t n, size_t i)
{
	ucs4_t c;
	size_t k;

	if (h[i] < 0x80)
		return h[i] == ' ' || h[i] == '\n';
	if (h[i] != 0xC2 && h[i] != 0xE1 && h[i] != 0xE2 && h[i] != 0xE3)
		return 0;
	k = hc_utf8_decode((const char *)h + i, n - i, &c, NULL);
	return hc_is_space(c) ? k : 0;
}

/* Whether s[0..n) (which has no white space) is at h[at..), skipping the
 * white space of h after its first byte; *end is where the match ends. */
static bool eq_spaced(const uint8_t *h, size_t hn, size_t at, const uint8_t *s, size_t n,
                      size_t *end)
{
	size_t i = at, j = 0;

	while (j < n) {
		size_t k;

		if (i >= hn)
			return false;
		if (j > 0 && (k = space_at(h, hn, i)) != 0) {
			i += k;
			continue;
		}
		if (hc_lc(h[i]) != s[j])
			return false;
		i++;
		j++;
	}
	*end = i;
	return true;
}

/* White space of h from i on skipped. */
static size_t skip_spaces(const uint8_t *h, size_t hn, size_t i)
{
	size_t k;

	while (i < hn && (k = space_at(h, hn, i)) != 0)
		i += k;
	return i;
}

static bool hangul_before(const uint8_t *s, size_t at)
{
	ucs4_t c;

	if (at == 0 || s[at - 1] < 0x80)
		return false;
	return u8_prev(&c, s + at, s) && hc_uc_is_hangul(c);
}

/* An occurrence of t at a word start in the field: a whole word if there
 * is one, else the first word prefix. One rule for every term and every
 * field, one letter as well ("t" marks the T of "Temporary Redirect", and
 * the "a" standing alone in "I'm a teapot"), so that the dictionary of the
 * fields' words (textdict.h) answers exactly what reading them finds: an
 * index that has it reads no field for an English term. */
static bool find_word(const struct hc_ftext *ft, const uint8_t *ts, size_t tn, bool anchor,
                      size_t *a, bool *whole)
{
	size_t n = ft->n;
	bool found = false;
	struct finder fd;
	const uint8_t *p;

	if (tn == 0)
		return false;
	finder_init(&fd, ft->s, n, ts, tn, hc_sf_capitals(ft->f));
	while ((p = finder_next(&fd)) != NULL) {
		size_t at = (size_t)(p - ft->s);

		if (!anchor || !hc_word_before(ft->s, at)) {
			bool w = true;

			if (at + tn < n) {
				ucs4_t c;

				hc_utf8_decode((const char *)(ft->s + at + tn), n - at - tn, &c, NULL);
				w = !hc_is_word_char(c);
			}
			if (!found || w) {
				*a = at;
				*whole = w;
				found = true;
			}
			if (w)
				return true;
		}
	}
	return found;
}

/* Bytes of the first character of s[0..n). */
static size_t char_len(const uint8_t *s, size_t n)
{
	size_t k = 1;

	while (k < n && (s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

/* First occurrence of s[0..n) anywhere, ignoring the field's white space. */
static bool find_hangul(const struct hc_ftext *ft, const uint8_t *s, size_t n, size_t *a,
                        size_t *b)
{
	struct finder fd;
	const uint8_t *p;

	if (!hc_sf_hangul(ft->f) || n == 0)
		return false;
	/* the first character cannot be split by a space: look for it */
	finder_init(&fd, ft->s, ft->n, s, char_len(s, n), hc_sf_capitals(ft->f));
	while ((p = finder_next(&fd)) != NULL) {
		size_t at = (size_t)(p - ft->s);

		if (eq_spaced(ft->s, ft->n, at, s, n, b)) {
			*a = at;
			return true;
		}
	}
	return false;
}

/* The syllable array of a field (hangul.h), decoded when a 초성 or Korean
 * typo search needs it: on the stack for the fields of a real table. */
#define SYL_STACK 1024

struct syls {
	uint16_t *syl, *at;
	uint8_t *word;
	size_t n;
	void *heap;
	uint16_t syl_s[SYL_STACK], at_s[SYL_STACK];
	uint8_t word_s[SYL_STACK];
};

static bool syls_of(struct syls *y, const struct hc_ftext *ft)
{
	y->heap = NULL;
	y->syl = y->syl_s;
	y->at = y->at_s;
	y->word = y->word_s;
	if (ft->n > SYL_STACK) {
		y->heap = malloc(ft->n * (2 * sizeof(uint16_t) + 1));
		if (!y->heap)
			return false;
		y->syl = y->heap;
		y->at = y->syl + ft->n;
		y->word = (uint8_t *)(y->at + ft->n);
	}
	y->n = hc_syllables(ft->s, ft->n, y->syl, y->at, y->word);
	return true;
}

/* In names the 초성 may start anywhere and run across spaces; in running
 * text they must cover the start of one word, else ㅇㅊ matches everywhere. */
static bool find_jamo(const struct hc_ftext *ft, const struct hc_term *t, size_t *a, size_t *b,
                      bool *whole)
{
	struct syls y;
	size_t at;
	bool ok;

	if (!hc_sf_hangul(ft->f) || !syls_of(&y, ft))
		return false;
	ok = hc_syl_find(y.syl, y.word, y.n, t->jamo, t->n_jamo, hc_sf_tier(ft->f) != HC_TIER_NAME, &at,
	                 whole);
	if (ok) {
		*a = y.at[at];
		*b = (size_t)y.at[at + t->n_jamo - 1] + 3;
	}
	free(y.heap);
	return ok;
}

/* Where t matches exactly in the field, as a range of the folded string,
 * and whether it is a whole word (Korean: a match at a word start,
 * particles and endings allowed after it; a term found only without its
 * particle is not whole). */
bool hc_match_field(const struct hc_ftext *ft, const struct hc_term *t, size_t *a, size_t *b,
                    bool *whole)
{
	*whole = true;
	switch (t->kind) {
	case T_WORD:
		if (find_word(ft, t->s, t->n, t->anchor, a, whole)) {
			*b = *a + t->n;
			return true;
		}
		if (t->alt_n && find_word(ft, t->alt, t->alt_n, true, a, whole)) {
			*b = *a + t->alt_n;
			*whole = *whole && !t->alt_stem;
			return true;
		}
		return false;
	case T_HANGUL:
		if (find_hangul(ft, t->s, t->n, a, b)) {
			*whole = !hangul_before(ft->s, *a) && !hc_word_before(ft->s, *a);
			return true;
		}
		*whole = false;
		if (t->stem < t->n && find_hangul(ft, t->s, t->stem, a, b))
			return true;
		if (t->alt_n && find_hangul(ft, t->alt, t->alt_n, a, b)) {
			*whole = !hangul_before(ft->s, *a) && !hc_word_before(ft->s, *a);
			return true;
		}
		return false;
	case T_JAMO:
		return find_jamo(ft, t, a, b, whole);
	default:
		return false;
	}
}

bool hc_one_edit(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
	size_t i = 0;

	if (an < bn)
		return hc_one_edit(b, bn, a, an);
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

bool hc_typo_fits(const uint8_t *s, const struct hc_tword *w, const struct hc_term *t)
{
	uint8_t word[TYPO_MAX + 2];

	if (w->len > sizeof word || (size_t)w->len + 1 < t->n || t->n + 1 < w->len)
		return false;
	for (size_t i = 0; i < w->len; i++)
		word[i] = hc_lc(s[w->at + i]);
	return hc_one_edit(t->s, t->n, word, w->len);
}

bool hc_hangul_typo_span(const struct hc_ftext *ft, const struct hc_term *t, size_t *a,
                         size_t *b)
{
	struct syls y;
	size_t at;
	bool ok;

	if (!hc_sf_hangul(ft->f) || !syls_of(&y, ft))
		return false;
	ok = hc_syl_typo(y.syl, y.n, t->syl, t->n_syl, &at);
	if (ok) {
		*a = y.at[at];
		*b = (size_t)y.at[at + t->n_syl - 1] + 3;
	}
	free(y.heap);
	return ok;
}

static bool hangul_typo(const struct hc_index *ix, size_t e, const struct hc_term *t)
{
	size_t a, b;

	for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
		struct hc_ftext ft;

		if (hc_sf_tier(&ix->fields[i]) != HC_TIER_NAME)
			break;
		ft = hc_field_text(ix, e, i);
		if (hc_hangul_typo_span(&ft, t, &a, &b))
			return true;
	}
	return false;
}

bool hc_match_typo(const struct hc_index *ix, size_t e, const struct hc_term *t)
{
	struct hc_ftext ft = { NULL, NULL, 0 };

	if (t->kind == T_HANGUL)
		return t->n_syl && hangul_typo(ix, e, t);
	for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++) {
		const struct hc_tword *tw = &ix->words[w];

		if (ft.f != &ix->fields[tw->field])
			ft = hc_field_text(ix, e, tw->field);
		if (hc_typo_fits(ft.s, tw, t))
			return true;
	}
	return false;
}

/* A Korean term's forms, longest first: as typed, then its stem (kstem.h)
 * when that is shorter; returns how many. */
static size_t term_forms(const struct hc_term *t, size_t len[2])
{
	len[0] = t->n;
	if (t->kind == T_HANGUL && t->stem > 0 && t->stem < t->n) {
		len[1] = t->stem;
		return 2;
	}
	return 1;
}

/* Whether x (as typed or its stem) starts at s[at] and y (either way) comes
 * next, spaces between ignored: 잘못된 게이트웨이라고 is 잘못된 게이트웨이,
 * 권한이 없습니다 is 권한 없음. */
static bool korean_pair_at(const uint8_t *s, size_t n, size_t at, const struct hc_term *x,
                           const struct hc_term *y)
{
	size_t xl[2], yl[2];
	size_t nx = term_forms(x, xl), ny = term_forms(y, yl);

	for (size_t i = 0; i < nx; i++) {
		size_t end, from;

		if (!eq_spaced(s, n, at, x->s, xl[i], &end))
			continue;
		from = skip_spaces(s, n, end);
		for (size_t j = 0; j < ny; j++)
			if (eq_spaced(s, n, from, y->s, yl[j], &end))
				return true;
	}
	return false;
}

/* True when term x is followed by term y, after one space (any white
 * space, or none, when either is Korean), somewhere in the field. */
bool hc_match_pair(const struct hc_ftext *ft, const struct hc_term *x, const struct hc_term *y)
{
	if (x->kind == T_JAMO || y->kind == T_JAMO) {
		/* 초성 typed word by word (ㅍㅇㅈ ㅁㄹ) are side by side when,
		 * as one search, they run on across the space (페이지 만료);
		 * the query keeps them in one array, in typed order. */
		struct hc_term both;
		size_t a, b;
		bool whole;

		if (x->kind != T_JAMO || y->kind != T_JAMO || x->jamo + x->n_jamo != y->jamo)
			return false;
		both = *x;
		both.n_jamo = x->n_jamo + y->n_jamo;
		return find_jamo(ft, &both, &a, &b, &whole);
	}
	bool hangul = x->kind == T_HANGUL || y->kind == T_HANGUL;
	const uint8_t *s = ft->s, *p;
	size_t n = ft->n;
	struct finder fd;

	if ((hangul && !hc_sf_hangul(ft->f)) || x->n == 0)
		return false;
	/* Korean: a candidate at each first character, as x may span spaces */
	finder_init(&fd, s, n, x->s, hangul ? char_len(x->s, x->n) : x->n, hc_sf_capitals(ft->f));
	while ((p = finder_next(&fd)) != NULL) {
		size_t at = (size_t)(p - s);

		if (hangul) {
			if (korean_pair_at(s, n, at, x, y))
				return true;
		} else if (at + x->n + 1 + y->n <= n && s[at + x->n] == ' ' &&
		           eq_folded(s + at + x->n + 1, y->s, y->n)) {
			return true;
		}
	}
	return false;
}

/* Whether the field is (2) or starts with (1) the folded w[0..wl), white
 * space of the field ignored when skip_space; else 0. */
int hc_match_whole(const struct hc_ftext *ft, const uint8_t *w, size_t wl, bool skip_space)
{
	size_t end;

	if (wl == 0)
		return 0;
	if (!skip_space) {
		if (ft->n < wl || !eq_folded(ft->s, w, wl))
			return 0;
		return ft->n == wl ? 2 : 1;
	}
	if (!eq_spaced(ft->s, ft->n, skip_spaces(ft->s, ft->n, 0), w, wl, &end))
		return 0;
	return skip_spaces(ft->s, ft->n, end) == ft->n ? 2 : 1;
}
