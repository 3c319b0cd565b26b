/*
 * extra.h - codes outside the five classes (issue 15).
 *
 * Two small tables apart from the catalog, generated at build time by
 * data/gen_extra.py into extra_data.c:
 *  - IIS sub-status codes (data/iis.txt): "500.19", the ".19" IIS logs as
 *    sc-substatus beside the status the client gets (code 500);
 *  - codes outside 100-599 that people meet (data/other-codes.txt): "000"
 *    (AWS ELB, curl), "0" (a browser script's status), "783" (Shopify),
 *    "999" (LinkedIn).
 * Their entries are struct hc_entry with code_text set (catalog.h), so the
 * entry document, JSON and the search engine take them as they are; they are
 * never in hc_catalog_entries(), whose classes stay 1xx-5xx. No curses here.
 */
#ifndef HC_EXTRA_H
#define HC_EXTRA_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* The sub-status entries, by (code, sub-status); stores their number in *n. */
const struct hc_entry *hc_extra_iis(size_t *n);

/* The codes outside 100-599, by value then spelling ("0" before "000"). */
const struct hc_entry *hc_extra_other(size_t *n);

/* The browser's table: the catalog (hc_catalog_entries()) and after it the
 * codes outside 100-599 (hc_extra_other()), one array of *n entries, so
 * that the browser shows and searches it without a copy. */
const struct hc_entry *hc_extra_browse(size_t *n);

/* The sub-status entries of a code (500: 500.0, 500.19, …): stores the first
 * in *first and returns how many (0: none). */
size_t hc_extra_iis_of(int code, const struct hc_entry **first);

/* The entries whose code is written as q ("500.19", "000", "0", "999"),
 * spaces around it aside; or, for a sub-status, standing alone among other
 * words ("HTTP Error 500.19 - Internal Server Error", as the IIS page says).
 * Stores the first in *first and returns how many (contiguous). */
size_t hc_extra_find(const char *q, const struct hc_entry **first);

/* Which table an entry comes from, by its code_text (false for catalog
 * entries); true for copies of these entries too. */
bool hc_extra_is_iis(const struct hc_entry *e);
bool hc_extra_is_other(const struct hc_entry *e);

#endif
