/*
 * compare.h - codes side by side: a row per fact (facts.h), a column per
 * code, fitted to a width (columns shrink to their longest word) or stacked
 * one block per code when too narrow, then the "see also" lines between the
 * codes compared. The CLI's --compare writes it to standard output; the
 * browser's compare overlay keeps it as lines. No curses here.
 */
#ifndef HC_COMPARE_H
#define HC_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalog.h"
#include "options.h"

enum { HC_COMPARE_MAX = 6 };

/* The table and the differences of v[0..n) (n <= HC_COMPARE_MAX) in lang,
 * no line wider than width cells (at least 20) where words allow. */
void hc_compare_write(FILE *out, const struct hc_entry *const *v, size_t n, enum hc_lang lang,
                      int width);

/* What the browser compares: the marked entries (at most HC_COMPARE_MAX, in
 * the order marked); one marked: it and the selection; none: the selection
 * and the code it is most confused with (its first "see also"). Returns the
 * number put in out[0..HC_COMPARE_MAX), 0 when there are not two. */
size_t hc_compare_pick(const struct hc_entry *sel, const struct hc_entry *const *marked,
                       size_t n_marked, const struct hc_entry **out);

/* The same text as lines (UTF-8, no '\n'). */
struct hc_compare_lines {
	char *buf;
	size_t *off;
	size_t n, cap;
};

bool hc_compare_lines(struct hc_compare_lines *L, const struct hc_entry *const *v, size_t n,
                      enum hc_lang lang, int width);
const char *hc_compare_line(const struct hc_compare_lines *L, size_t i);
void hc_compare_lines_free(struct hc_compare_lines *L);

#endif
