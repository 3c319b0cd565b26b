/* names.c - the names of an index in the order of their folded text
 * (names.h). */
#include <stdlib.h>

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

static int cmp_names(const struct hc_index *ix, const struct hc_name *x, const struct hc_name *y)
{
	struct hc_ftext a, b;
	size_t m;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	a = hc_field_text(ix, entry_of(ix, x->field), x->field);
	b = hc_field_text(ix, entry_of(ix, y->field), y->field);
	m = a.n < b.n ? a.n : b.n;
	for (size_t i = 4; i < m; i++) {
		uint8_t c = hc_lc(a.s[i]), d = hc_lc(b.s[i]);

		if (c != d)
			return c < d ? -1 : 1;
	}
	return a.n < b.n ? -1 : a.n > b.n;
}

bool hc_names_build(const struct hc_index *ix, struct hc_name **out, size_t *n)
{
	size_t k = 0, nf = ix->first_field[ix->n] + 1;
	struct hc_name *a = malloc(nf * sizeof *a), *tmp = malloc(nf * sizeof *tmp);

	if (!a || !tmp) {
		free(a);
		free(tmp);
		return false;
	}
	for (size_t e = 0; e < ix->n; e++)
		for (uint32_t fi = ix->first_field[e];
		     fi < ix->first_field[e + 1] && ix->fields[fi].tier == HC_TIER_NAME; fi++) {
			struct hc_ftext t = hc_field_text(ix, e, fi);

			a[k++] = (struct hc_name){ key_of(t.s, t.n, true), fi };
		}
	/* a bottom-up merge sort: stable, and with the index at hand (qsort
	 * has no context) */
	for (size_t w = 1; w < k; w *= 2) {
		struct hc_name *t;

		for (size_t lo = 0; lo < k; lo += 2 * w) {
			size_t mid = lo + w < k ? lo + w : k, hi = lo + 2 * w < k ? lo + 2 * w : k;
			size_t i = lo, j = mid, o = lo;

			while (i < mid && j < hi)
				tmp[o++] = cmp_names(ix, &a[j], &a[i]) < 0 ? a[j++] : a[i++];
			while (i < mid)
				tmp[o++] = a[i++];
			while (j < hi)
				tmp[o++] = a[j++];
		}
		t = a;
		a = tmp;
		tmp = t;
	}
	free(tmp);
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
