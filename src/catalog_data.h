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
 * read. HC_SEARCH_DATA: what every search reads (the searched text of the
 * catalog and of the codes outside 100-599, the index), gathered by the
 * linker into one output section of its own, hc_search. HC_COLD_DATA: the
 * text only an entry's page or the CLI reads (references, see-also lines,
 * constants, examples, the IIS sub-codes), in hc_cold, away from it. Only
 * const data without pointers goes in either (a section holds one kind).
 */
#define HC_SEARCH_DATA __attribute__((section("hc_search")))
#define HC_COLD_DATA __attribute__((section("hc_cold")))

extern const struct hc_entry hc_catalog_table[];
extern const size_t hc_catalog_table_len;
extern const struct hc_class hc_catalog_classes[];
extern const size_t hc_catalog_classes_len;
extern const struct hc_code_lang hc_code_langs[];
extern const size_t hc_code_langs_len;
extern const struct hc_constant_ref hc_constant_names[];
extern const size_t hc_constant_names_len;

#endif
