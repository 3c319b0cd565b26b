/*
 * cli_log.h - the CLI of the log and response readers: --count (status counts
 * of access logs) and --explain (what response heads say).
 *
 * The only files opened are the ones named on the command line (or standard
 * input); nothing is written but standard output and standard error. Text
 * output is converted to the locale's charset; --json (ASCII) and --tsv
 * (UTF-8) are the same bytes in every locale. No curses here.
 *
 * The runs are cli_count.c and cli_explain.c; what they share, and this
 * entry point, is cli_logio.{c,h}.
 */
#ifndef HC_CLI_LOG_H
#define HC_CLI_LOG_H

#include <stdbool.h>

#include "options.h"

struct hc_log_env {
	enum hc_lang lang;      /* after any fallback to English */
	const char *charset;    /* the locale's, from locale_charset() */
	bool color_ok;          /* NO_COLOR is not set */
};

/* Run --count or --explain (o->mode). Returns the exit status. */
int hc_cli_log_run(const struct hc_options *o, const struct hc_log_env *env);

#endif
