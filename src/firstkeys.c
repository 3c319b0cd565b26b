/*
 * firstkeys.c - a one-letter query's hits in a byte and a shared combo,
 * and back (firstkeys.h). The answers themselves are written by
 * src/gen_index.c and read by search.c.
 */
#include "firstkeys.h"

#include "search.h"

/* the flags byte */
#define F_MATCHED 0x01u         /* matched == 1 (else 0) */
#define F_TERMS 0x02u           /* bit 0 of terms, named_terms, span_terms, */
#define F_NAMED_TERMS 0x04u     /* typo_terms */
#define F_SPAN_TERMS 0x08u
#define F_TYPO_TERMS 0x10u
#define F_CODED 0x20u
#define F_NAMED 0x40u
#define F_VENDOR_NAMED 0x80u

bool hc_firstkeys_pack(const struct hc_hit *h, uint8_t combo[HC_FK_COMBO])
{
	if (h->entry > UINT8_MAX || h->score > UINT8_MAX || h->fine > UINT8_MAX ||
	    h->noise > UINT8_MAX || h->matched > 1 || h->rare != 0 || h->n_spans != 0 ||
	    ((h->terms | h->named_terms | h->span_terms | h->typo_terms) & ~1u) != 0 ||
	    (unsigned)h->rank > UINT8_MAX)
		return false;
	combo[0] = (uint8_t)h->rank;
	combo[1] = (uint8_t)h->score;
	combo[2] = (uint8_t)h->fine;
	combo[3] = (uint8_t)h->noise;
	combo[4] = (uint8_t)((h->matched ? F_MATCHED : 0) | (h->terms ? F_TERMS : 0) |
	                     (h->named_terms ? F_NAMED_TERMS : 0) |
	                     (h->span_terms ? F_SPAN_TERMS : 0) |
	                     (h->typo_terms ? F_TYPO_TERMS : 0) | (h->coded ? F_CODED : 0) |
	                     (h->named ? F_NAMED : 0) | (h->vendor_named ? F_VENDOR_NAMED : 0));
	return true;
}

void hc_firstkeys_unpack(const uint8_t combo[HC_FK_COMBO], uint8_t entry, struct hc_hit *h)
{
	unsigned f = combo[4];

	h->entry = entry;
	h->rank = (enum hc_rank)combo[0];
	h->score = combo[1];
	h->fine = combo[2];
	h->noise = combo[3];
	h->matched = f & F_MATCHED ? 1 : 0;
	h->terms = f & F_TERMS ? 1u : 0u;
	h->named_terms = f & F_NAMED_TERMS ? 1u : 0u;
	h->span_terms = f & F_SPAN_TERMS ? 1u : 0u;
	h->typo_terms = f & F_TYPO_TERMS ? 1u : 0u;
	h->coded = (f & F_CODED) != 0;
	h->named = (f & F_NAMED) != 0;
	h->vendor_named = (f & F_VENDOR_NAMED) != 0;
	h->rare = 0;
	h->n_spans = 0;
	h->spans_of = HC_SPANS_NONE;
}

size_t hc_firstkeys_get(const struct hc_firstkeys *fk, int k, size_t n, struct hc_hit *out)
{
	const uint8_t *e = fk->entries + fk->at[k];
	size_t got = 0;

	for (size_t r = fk->run_at[k]; r < fk->run_at[k + 1]; r++) {
		const uint8_t *combo = fk->combos + (size_t)fk->runs[2 * r + 1] * HC_FK_COMBO;

		for (unsigned i = 0; i < fk->runs[2 * r]; i++, e++)
			if (*e < n)
				hc_firstkeys_unpack(combo, *e, &out[got++]);
	}
	return got;
}
