/*
 * cli_logio.h - what the two runs of the log CLI share: --count
 * (cli_count.c) and --explain (cli_explain.c). The entry point that picks one,
 * hc_cli_log_run() (cli_log.h), is in cli_logio.c.
 *
 * Output is gathered in memory and written at once: text converted to the
 * locale's charset, machine formats as they are. Anything that came from
 * outside (a file name, a header value, a log field) is cleaned before it is
 * shown: invalid UTF-8 and control characters become U+FFFD. Messages go to
 * standard error, prefixed "httpcodes: NAME:LINE: ". JSON strings are written
 * by json.h, in ASCII (the two runs' --json is ASCII in every locale). No
 * curses here.
 */
#ifndef HC_CLI_LOGIO_H
#define HC_CLI_LOGIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include "catalog.h"
#include "cli_log.h"
#include "options.h"

/* The two runs (o->mode). Each returns the exit status. */
int hc_cli_count_run(const struct hc_options *o, const struct hc_log_env *env);
int hc_cli_explain_run(const struct hc_options *o, const struct hc_log_env *env);

/* ---- output ---- */

/* What a run prints, gathered in memory (f is an open_memstream). */
struct hc_logio_out {
	FILE *f;
	char *buf;
	size_t len;
};

/* false when out of memory. */
bool hc_logio_out_open(struct hc_logio_out *o);
/* Write what was gathered to standard output: converted to `charset`, or as
 * is when it is NULL (machine formats). Closes o. -1 on a write or
 * conversion error. */
int hc_logio_out_flush(struct hc_logio_out *o, const char *charset);

/* s[0..n) from outside cleaned for a terminal and cut to `max` cells ("..."
 * when cut; "?" when out of memory). */
void hc_logio_put_clean(FILE *f, const char *s, size_t n, int max);

/* "httpcodes: NAME:LINE: message" on standard error; NAME (cleaned, cut) and
 * LINE only when given (name non-NULL, line > 0). */
void hc_logio_say(const char *name, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- inputs ---- */

/* The name of an input in messages: "(standard input)" for "-". */
const char *hc_logio_input_name(const char *name);

/* Open an input named by the user ("-" is standard input) and fstat it into
 * *sb. On failure (cannot open, a directory) says why on standard error,
 * copies the reason into err[0..errsz) when err is non-NULL, and returns -1. */
int hc_logio_open(const char *name, struct stat *sb, char *err, size_t errsz);
/* Close what hc_logio_open opened (standard input is left open). */
void hc_logio_close(int fd);

/* Columns of standard output when it is a terminal, rows in *rows (80 and 24
 * when it is not or cannot say). */
int hc_logio_term_size(int *rows);

/* ---- words ---- */

/* en or ko for the language (en for both). */
const char *hc_logio_pick(enum hc_lang lang, const char *en, const char *ko);
/* An entry's name in the language, its vendor labelled: "Client Closed
 * Request [nginx]", "Moved Permanently · 영구 이동"; in Korean alone
 * the English phrase follows in brackets when with_en ("영구 이동 (Moved
 * Permanently)"). */
void hc_logio_entry_name(FILE *f, const struct hc_entry *e, enum hc_lang lang, bool with_en);
/* The SGR colour of a code's class ("1;31" for 5xx). */
const char *hc_logio_class_sgr(int code);

/* ---- JSON strings (ASCII) ---- */

/* Outside bytes s[0..n) as a JSON string, cleaned first. */
void hc_logio_json_clean(FILE *out, const char *s, size_t n);
/* Our own text (valid UTF-8) as a JSON string, or null for NULL. */
void hc_logio_json_text(FILE *out, const char *s);

#endif
