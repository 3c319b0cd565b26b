/*
 * cli.h - the one-shot CLI: which entries a query names (a code, a pattern,
 * words), and their output as a full entry, one-line lists, the --list TSV and
 * JSON. No curses here. hc_cli_run() is the one entry point main.c calls;
 * it writes to the FILEs it is given, so that tests drive it with fmemopen.
 *
 * Output is gathered in memory and written once: text for people converted
 * to the locale's charset (hc_text_to_charset), the machine formats (--list,
 * --json) as UTF-8 in every locale.
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
	const struct hc_code_pref *code;        /* In code: languages first or alone; NULL: all */
};

/* Where hc_cli_run writes and how. */
struct hc_cli_io {
	FILE *out;              /* results */
	FILE *err;              /* messages (already in the locale's charset) */
	const char *charset;    /* the locale's, as from locale_charset(); NULL: UTF-8 */
	int width;              /* wrap width in cells; <= 0: 80 */
	bool color;             /* SGR colour in text for people (never in JSON) */
};

/* Run the CLI for parsed options (mode AUTO, LIST, QUERY or SEARCH; the query
 * already valid UTF-8). Returns the exit status: HC_EXIT_FOUND,
 * HC_EXIT_NOT_FOUND, or HC_EXIT_USAGE after a message on io->err (out of
 * memory, a write error). */
int hc_cli_run(const struct hc_options *o, const struct hc_cli_io *io);

/* The width of the terminal on fd in columns, or 80 when it is not one. */
int hc_cli_terminal_width(int fd);

/* The whole entry: every field, wrapped to c->width. */
void hc_cli_entry(const struct hc_cli *c, const struct hc_entry *e);

/* One line beginning with the code. */
void hc_cli_line(const struct hc_cli *c, const struct hc_entry *e);

/* --list: code, English phrase, Korean name, status, reference (TSV). */
void hc_cli_tsv(FILE *out, const struct hc_entry *e);

/* JSON array of entries (every field, both languages, ASCII-only output). */
void hc_cli_json(FILE *out, const struct hc_entry *const *v, size_t n);

#endif
