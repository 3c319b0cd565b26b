/*
 * typodict.c - the distinct typo words of an index, for English terms that
 * miss (typodict.h).
 */
#include "typodict.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "index.h"
#include "leb128.h"
#include "match.h"

void hc_typodict_find(const struct hc_typodict *d, const uint8_t *s, size_t n, uint64_t *found)
{
	size_t lo = n > 0 ? n - 1 : 0, hi = n + 1 < HC_TYPO_LENS ? n + 1 : HC_TYPO_LENS - 1;

	for (size_t k = lo; k <= hi; k++) {
		const uint8_t *p = d->records + d->first[k], *end = d->records + d->first[k + 1];

		while (p < end) {
			const uint8_t *post = p + k;
			size_t np = hc_leb_get(&post), nb = hc_leb_get(&post), f = 0;
			const uint8_t *next = post + nb;

			if (hc_one_edit(s, n, p, k))
				for (size_t i = 0; i < np; i++) {
					f += hc_leb_get(&post);
					found[f >> 6] |= (uint64_t)1 << (f & 63);
				}
			p = next;
		}
	}
}

/* ---- building ------------------------------------------------------------ */

/* A word of a field, its letters made small at s. */
struct occ {
	const uint8_t *s;
	uint32_t field;
	uint8_t len;
};

/* By length, then bytewise, then field. */
static int occ_cmp(const void *pa, const void *pb)
{
	const struct occ *a = pa, *b = pb;
	int c;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	c = memcmp(a->s, b->s, a->len);
	if (c)
		return c;
	return (a->field > b->field) - (a->field < b->field);
}

/* Fields of the run occ[0..k) of one word: each once, and their bytes. */
static size_t run_fields(const struct occ *occ, size_t k, size_t *nb)
{
	size_t np = 0, prev = 0;

	*nb = 0;
	for (size_t i = 0; i < k; i++) {
		if (i > 0 && occ[i].field == occ[i - 1].field)
			continue;
		*nb += hc_leb_len(occ[i].field - prev);
		prev = occ[i].field;
		np++;
	}
	return np;
}

bool hc_typodict_build(const struct hc_index *ix, uint8_t **records, size_t *len,
                       uint32_t **first)
{
	size_t nw = ix->first_word[ix->n] - ix->first_word[0], letters = 0, size = 0, out = 0;
	struct occ *occ = malloc((nw ? nw : 1) * sizeof *occ);
	uint8_t *low = NULL, *r = NULL;
	uint32_t *fst = calloc(HC_TYPO_LENS + 1, sizeof *fst);
	bool ok = false;

	if (!occ || !fst)
		goto done;
	for (size_t w = ix->first_word[0]; w < ix->first_word[ix->n]; w++)
		letters += ix->words[w].len;
	low = malloc(letters ? letters : 1);
	if (!low)
		goto done;
	letters = 0;
	for (size_t e = 0, k = 0; e < ix->n; e++) {
		struct hc_ftext ft = { NULL, NULL, 0 };

		for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++, k++) {
			const struct hc_tword *tw = &ix->words[w];

			if (ft.f != &ix->fields[tw->field])
				ft = hc_field_text(ix, e, tw->field);
			if (tw->len >= HC_TYPO_LENS)    /* never: words are cut so */
				goto done;
			for (size_t i = 0; i < tw->len; i++)
				low[letters + i] = hc_lc(ft.s[tw->at + i]);
			occ[k] = (struct occ){ low + letters, tw->field, (uint8_t)tw->len };
			letters += tw->len;
		}
	}
	qsort(occ, nw, sizeof *occ, occ_cmp);
	for (size_t i = 0, j; i < nw; i = j) {
		size_t nb, np;

		for (j = i + 1; j < nw && occ[j].len == occ[i].len &&
		     memcmp(occ[j].s, occ[i].s, occ[i].len) == 0; j++)
			;
		np = run_fields(occ + i, j - i, &nb);
		size += occ[i].len + hc_leb_len(np) + hc_leb_len(nb) + nb;
	}
	if (size > UINT32_MAX)
		goto done;
	r = malloc(size ? size : 1);
	if (!r)
		goto done;
	for (size_t i = 0, j; i < nw; i = j) {
		size_t nb, np, prev = 0;

		for (j = i + 1; j < nw && occ[j].len == occ[i].len &&
		     memcmp(occ[j].s, occ[i].s, occ[i].len) == 0; j++)
			;
		/* the words of fewer letters end here */
		for (size_t k = i ? occ[i - 1].len + 1u : 0; k <= occ[i].len; k++)
			fst[k] = (uint32_t)out;
		np = run_fields(occ + i, j - i, &nb);
		memcpy(r + out, occ[i].s, occ[i].len);
		out += occ[i].len;
		out += hc_leb_put(r + out, np);
		out += hc_leb_put(r + out, nb);
		for (size_t k = i; k < j; k++) {
			if (k > i && occ[k].field == occ[k - 1].field)
				continue;
			out += hc_leb_put(r + out, occ[k].field - prev);
			prev = occ[k].field;
		}
	}
	for (size_t k = nw ? occ[nw - 1].len + 1u : 0; k <= HC_TYPO_LENS; k++)
		fst[k] = (uint32_t)out;
	*records = r;
	*len = out;
	*first = fst;
	ok = true;
done:
	if (!ok) {
		free(r);
		free(fst);
	}
	free(low);
	free(occ);
	return ok;
}
