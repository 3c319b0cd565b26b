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
#include "search.h"

struct hc_cli {
	FILE *out;
	enum hc_lang lang;
	int width;              /* wrap width in cells */
	bool color;             /* SGR colour and bold */
	bool hyperlinks;        /* Read more URLs as OSC 8 links (hyperlink.h) */
	const struct hc_code_pref *code;        /* In code: languages first or alone; NULL: all */
};

/* Where hc_cli_run writes and how. */
struct hc_cli_io {
	FILE *out;              /* results */
	FILE *err;              /* messages (already in the locale's charset) */
	const char *charset;    /* the locale's, as from locale_charset(); NULL: UTF-8 */
	int width;              /* wrap width in cells; <= 0: 80 */
	bool color;             /* SGR colour in text for people (never in JSON) */
	bool tty;               /* out is a terminal: lists for people, not TSV rows */
	FILE *in;               /* with mode AUTO: queries one a line (codes from a
	                         * log), or NULL; when it holds none, --list */
	const struct hc_index *ix; /* a search index over the catalog to use, or
	                         * NULL: built when a query needs one */
	bool hyperlinks;        /* the terminal shows OSC 8 links (hc_hyperlinks_supported) */
};

/*
 * Run the CLI for parsed options (mode AUTO, LIST, QUERY or SEARCH; the query
 * already valid UTF-8 without invisible characters). A query whose words are
 * all codes or patterns ("404 500 5xx", "(404)", "404.") answers each: a code
 * in full, a pattern as a list; a code nobody assigned (427) says so and what
 * a client makes of it; a number that is no code ("0", "-1") and a query with
 * no letter or digit ("*") get a message. Other queries are searched. Lists
 * are TSV rows (as --list) unless io->tty. With --json everything found is
 * one array ("[]" for nothing).
 *
 * Returns the exit status: HC_EXIT_FOUND when everything asked for was
 * found, HC_EXIT_NOT_FOUND when something was not (with a message on
 * io->err), HC_EXIT_USAGE after a message (out of memory, a refused query, a
 * write error).
 */
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
