/*
 * textdict.c - the words of the running text, looked up for English terms
 * (textdict.h).
 */
#include "textdict.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "index.h"

/* Whether the character at s[0..n) (n >= 1) is a word character. */
static bool word_at(const uint8_t *s, size_t n)
{
	hc_uc c;

	if (s[0] < 0x80)
		return hc_is_word_char(s[0]);
	hc_utf8_decode((const char *)s, n, &c, NULL);
	return hc_is_word_char(c);
}

bool hc_textdict_usable(const struct hc_textdict *d, const uint8_t *s, size_t n)
{
	if (!d || n < 1 || n > HC_TD_TERM_MAX || !word_at(s, n))
		return false;
	for (size_t i = 0; i < n;) {
		hc_uc c;
		size_t k = hc_utf8_decode((const char *)s + i, n - i, &c, NULL);

		if (hc_is_space(c))
			return false;
		i += k;
	}
	return true;
}

void hc_textdict_find(const struct hc_textdict *d, const uint8_t *s, size_t n,
                      uint64_t *found, uint64_t *whole)
{
	const uint8_t *p = d->records + d->first[s[0]], *end = d->records + d->first[s[0] + 1];

	while (p < end) {
		size_t len = p[0];
		const uint8_t *tok = p + 1, *post = tok + len + 2;
		size_t np = (size_t)tok[len] | (size_t)tok[len + 1] << 8;
		int c = memcmp(tok, s, len < n ? len : n);
		bool w;

		p = post + 2 * np;
		if (c > 0)
			break;          /* past the tokens that start with s */
		if (c < 0 || len < n)
			continue;       /* before them */
		w = len == n || !word_at(tok + n, len - n);
		for (size_t i = 0; i < np; i++) {
			size_t f = (size_t)post[2 * i] | (size_t)post[2 * i + 1] << 8;
			uint64_t bit = (uint64_t)1 << (f & 63);

			found[f >> 6] |= bit;
			if (w)
				whole[f >> 6] |= bit;
		}
	}
}

/* ---- building (src/gen_index.c) ----------------------------------------- */

struct occ {
	uint8_t tok[HC_TD_TOKEN_MAX];
	uint8_t len;
	uint16_t field;
};

static int occ_cmp(const void *pa, const void *pb)
{
	const struct occ *a = pa, *b = pb;
	int c = memcmp(a->tok, b->tok, a->len < b->len ? a->len : b->len);

	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return (a->field > b->field) - (a->field < b->field);
}

/* The token at s[at..n): folded bytes up to the next white space, at most
 * HC_TD_TOKEN_MAX, cut at a character boundary. */
static uint8_t token_at(const uint8_t *s, size_t n, size_t at, uint8_t *tok)
{
	size_t i = at, len = 0;

	while (i < n) {
		hc_uc c;
		size_t k = hc_utf8_decode((const char *)s + i, n - i, &c, NULL);

		if (hc_is_space(c) || len + k > HC_TD_TOKEN_MAX)
			break;
		for (size_t j = 0; j < k; j++)
			tok[len++] = hc_lc(s[i + j]);
		i += k;
	}
	return (uint8_t)len;
}

/* Every word start of every text field, its token and field. */
static struct occ *occurrences(const struct hc_index *ix, size_t *count)
{
	struct occ *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t e = 0; e < ix->n; e++) {
		for (size_t fi = ix->first_field[e]; fi < ix->first_field[e + 1]; fi++) {
			struct hc_ftext ft;

			if (ix->fields[fi].tier != HC_TIER_TEXT)
				continue;
			ft = hc_field_text(ix, e, fi);
			for (size_t at = 0; at < ft.n;) {
				hc_uc c;
				size_t k = hc_utf8_decode((const char *)ft.s + at, ft.n - at, &c, NULL);

				if (hc_is_word_char(c) && !hc_word_before(ft.s, at)) {
					if (n == cap) {
						struct occ *nv;

						cap = cap ? 2 * cap : 4096;
						nv = realloc(v, cap * sizeof *v);
						if (!nv) {
							free(v);
							return NULL;
						}
						v = nv;
					}
					v[n].len = token_at(ft.s, ft.n, at, v[n].tok);
					v[n].field = (uint16_t)fi;
					n++;
				}
				at += k;
			}
		}
	}
	*count = n;
	return v ? v : malloc(1);
}

bool hc_textdict_build(const struct hc_index *ix, uint8_t **records, size_t *len,
                       uint32_t **first)
{
	size_t n = 0, out = 0, nf = ix->first_field[ix->n];
	struct occ *v;
	uint8_t *r;
	uint32_t *fst;

	if (nf > (size_t)HC_TD_WORDS * 64)
		return false;
	v = occurrences(ix, &n);
	if (!v)
		return false;
	qsort(v, n, sizeof *v, occ_cmp);
	/* at most: one record per occurrence */
	r = malloc(n * (3 + HC_TD_TOKEN_MAX + 2) + 1);
	fst = calloc(257, sizeof *fst);
	if (!r || !fst) {
		free(v);
		free(r);
		free(fst);
		return false;
	}
	for (size_t i = 0; i < n;) {
		size_t j = i, np = 0, count_at;

		r[out++] = v[i].len;
		memcpy(r + out, v[i].tok, v[i].len);
		out += v[i].len;
		count_at = out;
		out += 2;
		while (j < n && v[j].len == v[i].len && memcmp(v[j].tok, v[i].tok, v[i].len) == 0) {
			if (j == i || v[j].field != v[j - 1].field) {
				r[out++] = (uint8_t)(v[j].field & 0xFF);
				r[out++] = (uint8_t)(v[j].field >> 8);
				np++;
			}
			j++;
		}
		r[count_at] = (uint8_t)(np & 0xFF);
		r[count_at + 1] = (uint8_t)(np >> 8);
		/* records of the bytes after v[i].tok[0] start at least here */
		for (unsigned b = v[i].tok[0] + 1u; b <= 256; b++)
			fst[b] = (uint32_t)out;
		i = j;
	}
	free(v);
	*records = r;
	*len = out;
	*first = fst;
	return true;
}
