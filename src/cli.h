/*
 * cli.h - one-shot output: a full entry, one-line lists, the --list TSV and
 * JSON. No curses here; output goes to a FILE (a memory stream in main.c, so
 * that it can be converted to the locale's charset in one go).
 */
#ifndef HC_CLI_H
#define HC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalog.h"
#include "options.h"

struct hc_cli {
	FILE *out;
	enum hc_lang lang;
	int width;              /* wrap width in cells */
	bool color;             /* SGR colour and bold */
};

/* The whole entry: every field, wrapped to c->width. */
void hc_cli_entry(const struct hc_cli *c, const struct hc_entry *e);

/* One line beginning with the code. */
void hc_cli_line(const struct hc_cli *c, const struct hc_entry *e);

/* --list: code, English phrase, Korean name, status, reference (TSV). */
void hc_cli_tsv(FILE *out, const struct hc_entry *e);

/* JSON array of entries (every field, both languages, ASCII-only output). */
void hc_cli_json(FILE *out, const struct hc_entry *const *v, size_t n);

#endif
