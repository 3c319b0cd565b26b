/*
 * match.c - one query term against one field of the index (match.h).
 */
#include "match.h"

#include <string.h>

#include "chars.h"
#include "hangul.h"
#include "utf8.h"

/* memmem for the short needles and fields of a search: memchr for the first
 * byte, then memcmp. glibc's memmem sets up a shift table on every call,
 * which costs more than the search itself on strings this short. */
const uint8_t *hc_find_bytes(const uint8_t *h, size_t hn, const uint8_t *nd, size_t nn)
{
	const uint8_t *end = h + hn;

	if (nn == 0)
		return h;
	while (hn >= nn) {
		const uint8_t *p = memchr(h, nd[0], hn - nn + 1);

		if (!p)
			return NULL;
		/* the second byte inline: most first-byte hits fail there */
		if (nn == 1 || (p[1] == nd[1] && memcmp(p + 2, nd + 2, nn - 2) == 0))
			return p;
		h = p + 1;
		hn = (size_t)(end - h);
	}
	return NULL;
}

static bool hangul_before(const uint8_t *s, size_t at)
{
	ucs4_t c;

	if (at == 0 || s[at - 1] < 0x80)
		return false;
	return u8_prev(&c, s + at, s) && hc_uc_is_hangul(c);
}

/* An occurrence of t at a word start in the folded field: a whole word if
 * there is one, else the first word prefix. */
static bool find_word(const struct hc_sfield *f, const uint8_t *ts, size_t tn, bool anchor,
                      size_t *a, bool *whole)
{
	size_t from = 0, n = f->fold_len;
	bool found = false;

	while (from + tn <= n) {
		const uint8_t *p = hc_find_bytes(f->fold + from, n - from, ts, tn);
		size_t at;

		if (!p)
			break;
		at = (size_t)(p - f->fold);
		if (!anchor || !hc_word_before(f->fold, at)) {
			bool w = true;

			if (at + tn < n) {
				ucs4_t c;

				hc_utf8_decode((const char *)(f->fold + at + tn), n - at - tn, &c, NULL);
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
		from = at + 1;
	}
	return found;
}

/* First occurrence of s[0..n) anywhere, ignoring the field's white space. */
static bool find_hangul(const struct hc_sfield *f, const uint8_t *s, size_t n,
                        size_t *a, size_t *b)
{
	const uint8_t *p;
	size_t st, e;

	if (!f->hangul || n == 0)
		return false;
	p = hc_find_bytes(f->strip, f->strip_len, s, n);
	if (!p)
		return false;
	st = (size_t)(p - f->strip);
	e = st + n;
	*a = f->strip_at ? f->strip_at[st] : st;
	*b = f->strip_at ? (size_t)f->strip_at[e - 1] + 1 : e;
	return true;
}

/* In names the 초성 may start anywhere and run across spaces; in running
 * text they must cover the start of one word, else ㅇㅊ matches everywhere. */
static bool find_jamo(const struct hc_sfield *f, const struct hc_term *t, size_t *a, size_t *b,
                      bool *whole)
{
	size_t at;

	if (!hc_syl_find(f->syl, f->syl_word, f->n_syl, t->jamo, t->n_jamo,
	                 f->tier != HC_TIER_NAME, &at, whole))
		return false;
	*a = f->syl_at[at];
	*b = (size_t)f->syl_at[at + t->n_jamo - 1] + 3;
	return true;
}

/* Where t matches exactly in f, as a range of the folded string, and
 * whether it is a whole word (Korean: a match at a word start, particles
 * and endings allowed after it; a term found only without its particle is
 * not whole). */
bool hc_match_field(const struct hc_sfield *f, const struct hc_term *t,
                        size_t *a, size_t *b, bool *whole)
{
	*whole = true;
	switch (t->kind) {
	case T_WORD:
		if (find_word(f, t->s, t->n, t->anchor, a, whole)) {
			*b = *a + t->n;
			return true;
		}
		if (t->alt_n && find_word(f, t->alt, t->alt_n, true, a, whole)) {
			*b = *a + t->alt_n;
			*whole = *whole && !t->alt_stem;
			return true;
		}
		return false;
	case T_HANGUL:
		if (find_hangul(f, t->s, t->n, a, b)) {
			*whole = !hangul_before(f->fold, *a) && !hc_word_before(f->fold, *a);
			return true;
		}
		*whole = false;
		if (t->stem < t->n && find_hangul(f, t->s, t->stem, a, b))
			return true;
		if (t->alt_n && find_hangul(f, t->alt, t->alt_n, a, b)) {
			*whole = !hangul_before(f->fold, *a) && !hc_word_before(f->fold, *a);
			return true;
		}
		return false;
	case T_JAMO:
		return f->n_syl > 0 && find_jamo(f, t, a, b, whole);
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

bool hc_typo_fits(const struct hc_index *ix, const struct hc_tword *w,
                      const struct hc_term *t)
{
	return one_edit(t->s, t->n, ix->fields[w->field].fold + w->at, w->len);
}

bool hc_hangul_typo_at(const struct hc_sfield *f, const struct hc_term *t, size_t *at)
{
	return hc_syl_typo(f->syl, f->syl_word, f->n_syl, t->syl, t->n_syl, at);
}

static bool hangul_typo(const struct hc_index *ix, size_t e, const struct hc_term *t)
{
	size_t at;

	for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
		const struct hc_sfield *f = &ix->fields[i];

		if (f->tier != HC_TIER_NAME)
			break;
		if (f->n_syl && hc_hangul_typo_at(f, t, &at))
			return true;
	}
	return false;
}

bool hc_match_typo(const struct hc_index *ix, size_t e,
                       const struct hc_term *t)
{
	if (t->kind == T_HANGUL)
		return t->n_syl && hangul_typo(ix, e, t);
	for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++)
		if (hc_typo_fits(ix, &ix->words[w], t))
			return true;
	return false;
}

/* True when term x is followed by term y, after one space (none in the
 * space-free copy of Korean text), somewhere in field f. */
bool hc_match_pair(const struct hc_sfield *f, const struct hc_term *x, const struct hc_term *y)
{
	bool hangul = x->kind == T_HANGUL || y->kind == T_HANGUL;
	const uint8_t *s = hangul ? f->strip : f->fold;
	size_t n = hangul ? f->strip_len : f->fold_len, gap = hangul ? 0 : 1;
	size_t from = 0;

	if (hangul && !f->hangul)
		return false;
	while (from + x->n + gap + y->n <= n) {
		const uint8_t *p = hc_find_bytes(s + from, n - from, x->s, x->n);
		size_t at;

		if (!p)
			return false;
		at = (size_t)(p - s) + x->n;
		if (at + gap + y->n <= n && (!gap || s[at] == ' ') &&
		    memcmp(s + at + gap, y->s, y->n) == 0)
			return true;
		from = (size_t)(p - s) + 1;
	}
	return false;
}
