/*
 * tui.h - the full-screen browser (the only part of httpcodes that uses curses).
 */
#ifndef HC_TUI_H
#define HC_TUI_H

#include <stdbool.h>

#include "options.h"

struct hc_loglens;

struct hc_tui_config {
	enum hc_lang lang;          /* starting language (L cycles it) */
	bool hangul_ok;             /* the locale's charset can show Korean */
	bool lang_fallback;         /* Korean was asked for but cannot be shown */
	bool ui_ko;                 /* a Korean locale and no language chosen: the
	                               interface speaks Korean while both show */
	bool color;                 /* false with NO_COLOR */
	const char *query;          /* initial search text, or NULL */
	struct hc_code_pref code;   /* --code-lang: the In code section's order */
	const struct hc_loglens *lens;  /* --log: the counts shown, or NULL */
};

/* Run the browser on the controlling terminal (stdin/stdout). Returns an exit
 * status: 0 on a normal quit, 2 when the terminal cannot be used or memory
 * runs out (after printing a one-line message on stderr), 129 when the
 * terminal went away without a signal. After a signal whose default action
 * ends the process it does not return: the terminal is restored and the
 * process dies by that signal (a shell sees 128 + N). The terminal is always
 * restored. */
int hc_tui_run(const struct hc_tui_config *cfg);

#endif
