/* catalog_data.h - the generated table (catalog_data.c); only catalog.c (and
 * the other generated files) read it. */
#ifndef HC_CATALOG_DATA_H
#define HC_CATALOG_DATA_H

#include <stddef.h>

#include "catalog.h"

/*
 * Where the generated files put their strings and the index (issue 18:
 * memory after a search). The kernel maps a program's file in 64 KiB blocks
 * around each page it reads, so a block is resident when any byte of it is
 * read. HC_SEARCH_DATA: what a search reads (the keywords and headers, the
 * index and its lookups, textdict.h and typodict.h), gathered by
 * the linker into one output section of its own, hc_search. HC_COLD_DATA:
 * the text an entry's page or the CLI reads (its running text, references,
 * see-also lines, constants, examples; the IIS sub-codes), in hc_cold, away
 * from it, entry by entry: a search reads a field only for what the
 * lookups cannot answer (Korean words, 초성) and for the entries it shows.
 * HC_FRONT_DATA: what the first frame draws (the entries' names, aliases and
 * vendors, the classes, the codes outside 100-599) and what every page
 * shares (the constants' languages, the cold pool's list items), in
 * hc_front: the kernel
 * of the reference machine (6.18) maps the whole large folio of the page
 * cache that holds a page read, so names among the searched text made the
 * first frame hold most of hc_search. Only
 * const data without pointers goes in either (a section holds one kind).
 * src/hot.ld lays them out as hc_search (the index first: its word list,
 * which English searches do not read; then the keywords), hc_cold (the
 * constants' names first), hc_front, so that what a search and the
 * page it shows read is one run of blocks (src/meson.build orders the
 * library for that; scripts/README.md has the figures). The static build,
 * which has no hot.ld, leaves their order to the linker.
 */
#define HC_SEARCH_DATA __attribute__((section("hc_search")))
#define HC_FRONT_DATA __attribute__((section("hc_front")))
#define HC_COLD_DATA __attribute__((section("hc_cold")))
/* The one-letter queries' answers (firstkeys.h), of which a search reads
 * one key's run: at the very end of the hot data (src/hot.ld), in the
 * last of its 64 KiB blocks, where the hot data leaves room. */
#define HC_KEYS_DATA __attribute__((section("hc_keys")))

/* The string pools and their list items (hc_pools[], hc_pool_items[],
 * catalog.c), each in one of the sections above. */
extern const char hc_search_text[], hc_cold_text[], hc_front_text[];
extern const hc_sref hc_search_text_items[], hc_cold_text_items[], hc_front_text_items[];
extern const char hc_other_text[], hc_extra_cold_text[];                /* extra_data.c */
extern const hc_sref hc_other_text_items[], hc_extra_cold_text_items[];
extern const char hc_decide_text[];                                     /* decide_data.c */
extern const hc_sref hc_decide_text_items[];

/* The catalog, hc_browse_table[0 .. hc_catalog_table_len), then the codes
 * outside 100-599 (data/other-codes.txt, by gen_extra.py), to
 * hc_browse_table_len: one array, the browser's table as it stands. */
extern const struct hc_entry hc_browse_table[];
extern const size_t hc_catalog_table_len, hc_browse_table_len;
extern const struct hc_entry *const hc_other_table;    /* hc_browse_table + hc_catalog_table_len */
extern const size_t hc_other_table_len;                /* hc_browse_table_len - hc_catalog_table_len */
extern const struct hc_class hc_catalog_classes[];
extern const size_t hc_catalog_classes_len;
extern const struct hc_code_lang hc_code_langs[];
extern const size_t hc_code_langs_len;
extern const struct hc_constant hc_constant_rows[];
extern const struct hc_constant_ref hc_constant_names[];
extern const size_t hc_constant_names_len;

#endif
