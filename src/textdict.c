/*
 * textdict.c - the words of every field, looked up for English terms
 * (textdict.h).
 */
#include "textdict.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "index.h"
#include "leb128.h"

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
		size_t len = p[0], np, nb, f = 0;
		const uint8_t *tok = p + 1, *post;
		int c = memcmp(tok, s, len < n ? len : n);
		bool w;

		post = tok + len;
		np = hc_leb_get(&post);
		nb = hc_leb_get(&post);
		p = post + nb;
		if (c > 0)
			break;          /* past the tokens that start with s */
		if (c < 0 || len < n)
			continue;       /* before them */
		w = len == n || !word_at(tok + n, len - n);
		for (size_t i = 0; i < np; i++) {
			uint64_t bit;

			f += hc_leb_get(&post);
			bit = (uint64_t)1 << (f & 63);
			found[f >> 6] |= bit;
			if (w)
				whole[f >> 6] |= bit;
		}
	}
}

/* ---- building ------------------------------------------------------------ */

/* The length of the token at s[at..n): bytes up to the next white space, at
 * most HC_TD_TOKEN_MAX, cut at a character boundary. */
static uint8_t token_len(const uint8_t *s, size_t n, size_t at)
{
	size_t i = at;

	while (i < n) {
		hc_uc c;
		size_t k = hc_utf8_decode((const char *)s + i, n - i, &c, NULL);

		if (hc_is_space(c) || i - at + k > HC_TD_TOKEN_MAX)
			break;
		i += k;
	}
	return (uint8_t)(i - at);
}

/* A distinct token: its first place (ASCII capitals count as small
 * letters), and the fields that have it. */
struct tok {
	const uint8_t *s;
	uint32_t hash;
	uint32_t last;          /* the last field counted + 1 (0: none yet) */
	uint32_t n_post, at;    /* fields, and where they go in post[] */
	uint8_t len;
};

/* A token's field, in text order. */
struct occ {
	uint32_t tok, field;
};

struct dict_build {
	struct hc_vec toks;     /* of struct tok; tok is toks.p */
	struct tok *tok;
	size_t n_tok;
	uint32_t *slot;         /* open addressing: 1 + index into tok, 0 free */
	size_t n_slot;          /* a power of two, at least twice n_tok */
	struct hc_vec occs;     /* of struct occ */
	uint32_t *post;
};

static uint32_t tok_hash(const uint8_t *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ hc_lc(s[i])) * 16777619u;
	return h;
}

static bool tok_equal(const struct tok *t, const uint8_t *s, size_t n)
{
	if (t->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (hc_lc(t->s[i]) != hc_lc(s[i]))
			return false;
	return true;
}

static bool grow_slots(struct dict_build *b)
{
	size_t n = b->n_slot ? 2 * b->n_slot : 1024;
	uint32_t *sl = calloc(n, sizeof *sl);

	if (!sl)
		return false;
	for (size_t i = 0; i < b->n_tok; i++) {
		size_t k = b->tok[i].hash & (n - 1);

		while (sl[k])
			k = (k + 1) & (n - 1);
		sl[k] = (uint32_t)(i + 1);
	}
	free(b->slot);
	b->slot = sl;
	b->n_slot = n;
	return true;
}

/* The token s[0..n) seen in field fi: counted, and its place kept when it
 * is the first in the field. */
static bool add_token(struct dict_build *b, const uint8_t *s, size_t n, size_t fi)
{
	uint32_t h = tok_hash(s, n);
	size_t k;
	struct tok *t;

	if (2 * (b->n_tok + 1) > b->n_slot && !grow_slots(b))
		return false;
	for (k = h & (b->n_slot - 1); b->slot[k]; k = (k + 1) & (b->n_slot - 1))
		if (b->tok[b->slot[k] - 1].hash == h && tok_equal(&b->tok[b->slot[k] - 1], s, n))
			break;
	if (!b->slot[k]) {
		struct tok nt = { s, h, 0, 0, 0, (uint8_t)n };

		if (b->n_tok >= UINT32_MAX - 1 || !hc_vec_push(&b->toks, &nt, 1))
			return false;
		b->tok = b->toks.p;
		b->slot[k] = (uint32_t)++b->n_tok;
	}
	t = &b->tok[b->slot[k] - 1];
	if (t->last == fi + 1)
		return true;
	t->last = (uint32_t)(fi + 1);
	t->n_post++;
	return hc_vec_push(&b->occs, &(struct occ){ b->slot[k] - 1, (uint32_t)fi }, 1);
}

/* Every word start of every field, in field order. */
static bool each_token(const struct hc_index *ix, struct dict_build *b)
{
	for (size_t e = 0; e < ix->n; e++) {
		for (size_t fi = ix->first_field[e]; fi < ix->first_field[e + 1]; fi++) {
			struct hc_ftext ft = hc_field_text(ix, e, fi);

			for (size_t at = 0; at < ft.n;) {
				hc_uc c = ft.s[at];
				size_t k = c < 0x80 ? 1
				         : hc_utf8_decode((const char *)ft.s + at, ft.n - at, &c, NULL);

				if (hc_is_word_char(c) && !hc_word_before(ft.s, at) &&
				    !add_token(b, ft.s + at, token_len(ft.s, ft.n, at), fi))
					return false;
				at += k;
			}
		}
	}
	return true;
}

/* Tokens in bytewise order of their folded bytes, a token before the
 * longer ones it starts. */
static int tok_cmp(const void *pa, const void *pb)
{
	const struct tok *a = *(const struct tok *const *)pa, *b = *(const struct tok *const *)pb;
	size_t n = a->len < b->len ? a->len : b->len;

	for (size_t i = 0; i < n; i++)
		if (hc_lc(a->s[i]) != hc_lc(b->s[i]))
			return hc_lc(a->s[i]) < hc_lc(b->s[i]) ? -1 : 1;
	return (a->len > b->len) - (a->len < b->len);
}

/* Bytes of t's fields as LEB128 differences. */
static size_t post_bytes(const struct dict_build *b, const struct tok *t)
{
	size_t nb = 0, prev = 0;

	for (size_t j = 0; j < t->n_post; j++) {
		nb += hc_leb_len(b->post[t->at + j] - prev);
		prev = b->post[t->at + j];
	}
	return nb;
}

/* Bytes of t's record, nb of them its fields. */
static size_t rec_len(const struct tok *t, size_t nb)
{
	return 1 + t->len + hc_leb_len(t->n_post) + hc_leb_len(nb) + nb;
}

bool hc_textdict_build(const struct hc_index *ix, uint8_t **records, size_t *len,
                       uint32_t **first)
{
	struct dict_build b = { .toks = { .size = sizeof(struct tok) },
	                        .occs = { .size = sizeof(struct occ) } };
	const struct occ *occ;
	struct tok **order = NULL;
	uint8_t *r = NULL;
	uint32_t *fst = NULL;
	size_t total = 0, size = 0, out = 0;
	bool ok = false;

	if (ix->first_field[ix->n] >= UINT32_MAX || !each_token(ix, &b))
		goto done;
	free(b.slot);           /* every token is known */
	b.slot = NULL;
	for (size_t i = 0; i < b.n_tok; i++) {
		b.tok[i].at = (uint32_t)total;
		total += b.tok[i].n_post;
	}
	if (total > UINT32_MAX)
		goto done;
	b.post = malloc((total ? total : 1) * sizeof *b.post);
	order = malloc((b.n_tok ? b.n_tok : 1) * sizeof *order);
	if (!b.post || !order)
		goto done;
	occ = b.occs.p;
	for (size_t i = 0; i < b.occs.n; i++)     /* fields in text order: ascending */
		b.post[b.tok[occ[i].tok].at++] = occ[i].field;
	free(b.occs.p);
	b.occs.p = NULL;
	for (size_t i = 0; i < b.n_tok; i++) {
		struct tok *t = &b.tok[i];

		t->at -= t->n_post;     /* the fill moved it to the end */
		size += rec_len(t, post_bytes(&b, t));
		order[i] = t;
	}
	if (size > UINT32_MAX)
		goto done;
	qsort(order, b.n_tok, sizeof *order, tok_cmp);
	r = malloc(size ? size : 1);
	fst = calloc(257, sizeof *fst);
	if (!r || !fst)
		goto done;
	for (size_t i = 0; i < b.n_tok; i++) {
		const struct tok *t = order[i];
		size_t nb = post_bytes(&b, t), prev = 0;

		r[out++] = t->len;
		for (size_t j = 0; j < t->len; j++)
			r[out++] = hc_lc(t->s[j]);
		out += hc_leb_put(r + out, t->n_post);
		out += hc_leb_put(r + out, nb);
		for (size_t j = 0; j < t->n_post; j++) {
			out += hc_leb_put(r + out, b.post[t->at + j] - prev);
			prev = b.post[t->at + j];
		}
		/* the records of the first bytes up to this one's start here */
		for (unsigned c = i ? hc_lc(order[i - 1]->s[0]) + 1u : 0; c <= hc_lc(t->s[0]); c++)
			fst[c] = (uint32_t)(out - rec_len(t, nb));
	}
	for (unsigned c = b.n_tok ? hc_lc(order[b.n_tok - 1]->s[0]) + 1u : 0; c <= 256; c++)
		fst[c] = (uint32_t)out;
	*records = r;
	*len = out;
	*first = fst;
	ok = true;
done:
	if (!ok) {
		free(r);
		free(fst);
	}
	free(order);
	free(b.post);
	free(b.occs.p);
	free(b.slot);
	free(b.toks.p);
	return ok;
}
