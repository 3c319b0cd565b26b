/* spans.h - what the tests and fuzzers ask of a row's spans (search.h,
 * HC_SPANS_ROW) against the spans of every field of the same hit. */
#ifndef HC_TESTS_SPANS_H
#define HC_TESTS_SPANS_H

#include <stdbool.h>
#include <string.h>

#include "search.h"

/* Whether row (a hit's spans over the fields a row shows) has the spans of
 * all (the same hit's over every field) that lie in those fields, in the
 * same order, and no other field's; more of them only when all's slots
 * ran out (its keywords came first). */
static inline bool hc_test_row_spans_fit(const struct hc_hit *all, const struct hc_hit *row)
{
	unsigned k = 0;

	if (row->spans_of != HC_SPANS_ROW || row->n_spans > HC_HIT_MAX_SPANS)
		return false;
	for (unsigned i = 0; i < row->n_spans; i++)
		if (!hc_span_in_row(row->spans[i].field))
			return false;
	for (unsigned i = 0; i < all->n_spans; i++) {
		if (!hc_span_in_row(all->spans[i].field))
			continue;
		if (k >= row->n_spans || memcmp(&all->spans[i], &row->spans[k], sizeof *row->spans))
			return false;
		k++;
	}
	return k == row->n_spans || all->n_spans == HC_HIT_MAX_SPANS;
}

#endif
