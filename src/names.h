/*
 * names.h - the names, aliases and keywords of an index (its HC_TIER_NAME
 * fields, index.h) in the order of their folded text, so that the entries
 * a query is the whole of a name of, or the start of one, come from one
 * binary search instead of a reading of every name of every entry that
 * matched (rank.c: whole_rank, issue 18: a one-letter query matches nearly
 * every entry, and read ~30 names of each).
 *
 * A field's folded text is its text with ASCII capitals made small (the
 * order hc_match_whole compares in); the list is sorted by it, bytewise, a
 * text before the longer ones it starts, so the fields that a string
 * starts are one run. Each item holds the first four bytes of its text as
 * a number (the first byte highest, zeros after a shorter text), so that a
 * search compares numbers, and reads a text only past its fourth byte: a
 * view of part of the index made at build time (index.c) lists every
 * part's fields, and can read its own only. Spaces count as bytes: the
 * Korean whole-query match, which skips them, reads the names as before.
 *
 * It is one of an index's lookups (index.h: hc_index_add_lookups): made at
 * build time as const data (src/gen_index.c) and added to every index built
 * at run time beside it; the static binary's one index has none and reads
 * the names instead, as hc_index_build_folded's does (the tests' reference). The run-time sort is a radix sort on the numbers,
 * then merges of the runs of one number, which are short: linear in
 * practice (the benchmark's 100x tables).
 */
#ifndef HC_NAMES_H
#define HC_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hc_index;

struct hc_name {
	uint32_t key;                   /* the text's first 4 bytes (above) */
	uint32_t field;                 /* its number in hc_index.fields */
};

/* What hc_names_find marks in an entry's byte: one of its names is the
 * string (EXACT), or starts with it and is longer (PREFIX). */
#define HC_NAMES_EXACT 1u
#define HC_NAMES_PREFIX 2u

/* The name fields of ix in order (above) into *out (*n of them, to free).
 * false when out of memory. */
bool hc_names_build(const struct hc_index *ix, struct hc_name **out, size_t *n);

/* For every name field that s[0..n) (folded: no ASCII capitals) is the
 * whole of, or starts, ORs HC_NAMES_EXACT or HC_NAMES_PREFIX, shifted left
 * by shift, into mark[entry]. ix must have its list (ix->by_name). */
void hc_names_find(const struct hc_index *ix, const uint8_t *s, size_t n, uint8_t *mark,
                   unsigned shift);

#endif
