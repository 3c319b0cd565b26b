/*
 * loglens.h - the browser's log lens without curses: the counts of the logs
 * the user named (read with the same reader as --count: logscan, logfmt,
 * logcount, .gz too), a table of entries for the tree that holds the
 * catalog's entries and one made-up entry for each code the logs have and
 * the table lacks (427, 599: "not in the table"), and the order of those
 * entries by count, for the tree's sort key.
 *
 * Only the files named are opened, read-only; nothing is written. Messages
 * about a file (a directory, unreadable, lines not read) go to the stream
 * given, one line each, before the browser starts.
 */
#ifndef HC_LOGLENS_H
#define HC_LOGLENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "catalog.h"
#include "logcount.h"

/* Sample lines kept per code (the detail shows them, cleaned). */
#define HC_LENS_SAMPLES 3

struct hc_loglens {
	struct hc_logcount c;           /* samples kept: HC_LENS_SAMPLES */
	struct hc_entry *entries;       /* the catalog's plus the made-up ones, by code */
	size_t n_entries;
	size_t n_extra;                 /* made-up entries (codes not in the table) */
	size_t *by_count;               /* a permutation of entries: within each
	                                 * class by count, most first, then by code */
	unsigned files_read;            /* files that gave at least one line */
	unsigned files_failed;
};

/* Read the files names[0..n) ("-" is refused: the browser needs standard
 * input for its keys). Messages go to err (may be NULL). Returns false when
 * out of memory; otherwise true, and files_read says whether anything was
 * read (0: the caller exits with status 2 before the browser starts). */
bool hc_loglens_read(struct hc_loglens *L, const char *const *names, size_t n, FILE *err);

/* Count only, for the unit tests: lines already in memory, one file. */
bool hc_loglens_feed(struct hc_loglens *L, const char *text, size_t len);

/* Build entries and by_count from the counts (after read or feed). */
bool hc_loglens_finish(struct hc_loglens *L);

void hc_loglens_free(struct hc_loglens *L);

/* Lines with a status of this code (0 outside 100..599); for code 0 (the
 * "000" entry of the table's other codes) the lines that show no response
 * was sent: 000, -, -1. */
uint64_t hc_loglens_count(const struct hc_loglens *L, int code);

/* Share of the counted lines (those with a status), in tenths of a percent
 * (0..1000); 0 for code 0, whose lines are not among them. */
unsigned hc_loglens_permille(const struct hc_loglens *L, int code);

/* True for an entry made up for a code the table lacks. */
bool hc_loglens_is_extra(const struct hc_loglens *L, const struct hc_entry *e);

#endif
