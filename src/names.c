/* names.c - the names of an index in the order of their folded text
 * (names.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "index.h"
#include "names.h"

/* The entry a field of this index (or view) belongs to: the last e with
 * first_field[e] <= fi. */
static size_t entry_of(const struct hc_index *ix, uint32_t fi)
{
	size_t lo = 0, hi = ix->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (ix->first_field[mid] <= fi)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* s[0..n)'s first 4 bytes as a number, the first highest, zeros after. */
static uint32_t key_of(const uint8_t *s, size_t n, bool fold)
{
	uint32_t k = 0;

	for (size_t i = 0; i < 4; i++)
		k = k << 8 | (i < n ? (fold ? hc_lc(s[i]) : s[i]) : 0u);
	return k;
}

/* ---- building ----------------------------------------------------------- */

/* A name's text while the list is sorted (so that a comparison reads two
 * texts and nothing else). */
struct text {
	const uint8_t *s;
	uint32_t n;
	bool caps;                      /* it has ASCII capitals to fold */
};

/* x's folded text against y's from their fifth byte on (their first four
 * are their equal keys). */
static int cmp_tail(const struct text *x, const struct text *y)
{
	size_t m = x->n < y->n ? x->n : y->n;

	if (m > 4 && !x->caps && !y->caps) {
		int c = memcmp(x->s + 4, y->s + 4, m - 4);

		if (c)
			return c < 0 ? -1 : 1;
	} else {
		for (size_t i = 4; i < m; i++) {
			uint8_t c = hc_lc(x->s[i]), d = hc_lc(y->s[i]);

			if (c != d)
				return c < d ? -1 : 1;
		}
	}
	return x->n < y->n ? -1 : x->n > y->n;
}

/* a[lo..hi) (and their texts, t) sorted by cmp_tail: a bottom-up merge sort
 * through ta and tt (stable; qsort has no context). Called on the runs of
 * equal keys, which are short. */
static void sort_run(struct hc_name *a, struct text *t, struct hc_name *ta, struct text *tt,
                     size_t lo, size_t hi)
{
	for (size_t w = 1; w < hi - lo; w *= 2) {
		for (size_t l = lo; l < hi; l += 2 * w) {
			size_t mid = l + w < hi ? l + w : hi, r = l + 2 * w < hi ? l + 2 * w : hi;
			size_t i = l, j = mid, o = l;

			while (i < mid || j < r) {
				size_t from = j >= r || (i < mid && cmp_tail(&t[j], &t[i]) >= 0) ? i++ : j++;

				tt[o] = t[from];
				ta[o++] = a[from];
			}
		}
		memcpy(a + lo, ta + lo, (hi - lo) * sizeof *a);
		memcpy(t + lo, tt + lo, (hi - lo) * sizeof *t);
	}
}

bool hc_names_build(const struct hc_index *ix, struct hc_name **out, size_t *n)
{
	size_t k = 0, nf = ix->first_field[ix->n] + 1;
	struct hc_name *a = malloc(nf * sizeof *a), *ta = malloc(nf * sizeof *ta);
	struct text *t = malloc(nf * sizeof *t), *tt = malloc(nf * sizeof *tt);
	bool ok = a && ta && t && tt;

	for (size_t en = 0; ok && en < ix->n; en++)
		for (uint32_t fi = ix->first_field[en];
		     fi < ix->first_field[en + 1] && hc_sf_tier(&ix->fields[fi]) == HC_TIER_NAME; fi++) {
			struct hc_ftext f = hc_field_text(ix, en, fi);

			t[k] = (struct text){ f.s, (uint32_t)f.n, hc_sf_capitals(f.f) != 0 };
			a[k++] = (struct hc_name){ key_of(f.s, f.n, true), fi };
		}
	/* by key: a radix sort, a byte a pass from the lowest (stable) */
	for (unsigned shift = 0; ok && shift < 32; shift += 8) {
		size_t at[257] = { 0 };

		for (size_t i = 0; i < k; i++)
			at[(a[i].key >> shift & 0xFF) + 1]++;
		for (size_t b = 1; b < 257; b++)
			at[b] += at[b - 1];
		for (size_t i = 0; i < k; i++) {
			size_t o = at[a[i].key >> shift & 0xFF]++;

			ta[o] = a[i];
			tt[o] = t[i];
		}
		memcpy(a, ta, k * sizeof *a);
		memcpy(t, tt, k * sizeof *t);
	}
	/* then each run of one key by the rest of its text */
	for (size_t lo = 0, hi; ok && lo < k; lo = hi) {
		for (hi = lo + 1; hi < k && a[hi].key == a[lo].key; hi++)
			;
		if (hi - lo > 1)
			sort_run(a, t, ta, tt, lo, hi);
	}
	free(ta);
	free(t);
	free(tt);
	if (!ok) {
		free(a);
		return false;
	}
	*out = a;
	*n = k;
	return true;
}

/* ---- finding ------------------------------------------------------------ */

void hc_names_find(const struct hc_index *ix, const uint8_t *s, size_t n, uint8_t *mark,
                   unsigned shift)
{
	size_t lo = 0, hi = ix->n_by_name, head = n < 4 ? n : 4;
	uint32_t mask = head ? ~(uint32_t)0 << 8 * (4 - head) : 0, want = key_of(s, head, false);
	uint32_t first = ix->first_field[0], end = ix->first_field[ix->n];

	if (n == 0)
		return;
	/* the first name whose first `head` bytes are not below s's */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((ix->by_name[mid].key & mask) < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ix->n_by_name && (ix->by_name[lo].key & mask) == want; lo++) {
		uint32_t fi = ix->by_name[lo].field;
		const struct hc_sfield *f = &ix->fields[fi];
		size_t i = 4;

		/* a view (index.c) lists the other parts' fields too */
		if (fi < first || fi >= end || f->len < n)
			continue;
		if (n > 4) {
			struct hc_ftext t = hc_field_text(ix, entry_of(ix, fi), fi);

			while (i < n && hc_lc(t.s[i]) == s[i])
				i++;
			if (i < n)
				continue;
		}
		mark[entry_of(ix, fi)] |= (uint8_t)((f->len == n ? HC_NAMES_EXACT : HC_NAMES_PREFIX)
		                                     << shift);
	}
}
