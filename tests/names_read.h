/* names_read.h - what the names in order (src/names.h) must find, found the
 * way rank.c's whole_rank did before them: by reading every name. Shared by
 * tests/unit/test_index.c and tests/fuzz/fuzz_names.c. */
#ifndef HC_TESTS_NAMES_READ_H
#define HC_TESTS_NAMES_READ_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"
#include "match.h"
#include "names.h"

/* For each entry of ix, whether s[0..n) is the whole of one of its name
 * fields, or starts a longer one (HC_NAMES_EXACT, HC_NAMES_PREFIX), into
 * mark[entry]. */
static inline void hc_test_names_by_reading(const struct hc_index *ix, const uint8_t *s,
                                            size_t n, uint8_t *mark)
{
	for (size_t e = 0; e < ix->n; e++) {
		mark[e] = 0;
		for (size_t fi = ix->first_field[e];
		     fi < ix->first_field[e + 1] && hc_sf_tier(&ix->fields[fi]) == HC_TIER_NAME; fi++) {
			struct hc_ftext ft = hc_field_text(ix, e, fi);
			int k = hc_match_whole(&ft, s, n, false);

			mark[e] |= k == 2 ? HC_NAMES_EXACT : k == 1 ? HC_NAMES_PREFIX : 0;
		}
	}
}

#endif
