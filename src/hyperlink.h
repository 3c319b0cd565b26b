/*
 * hyperlink.h - OSC 8 hyperlinks: whether the terminal shows them, and the
 * escape sequence around a text. No curses here (the browser's detail pane
 * writes the sequences after its refresh: src/tui/links.c).
 *
 * A terminal that does not know OSC 8 may print it as garbage, so the
 * default is no: yes only where the environment names a terminal known to
 * support it - VTE 0.50+ (GNOME Terminal, Tilix...: VTE_VERSION >= 5000),
 * kitty, iTerm2, WezTerm, foot, Alacritty, Ghostty, Konsole, Windows
 * Terminal (WT_SESSION), VS Code's terminal - and never inside tmux before
 * 3.4 or inside screen, which drop or mangle it. HTTPCODES_HYPERLINKS=1 or
 * 0 overrides the guess either way.
 */
#ifndef HC_HYPERLINK_H
#define HC_HYPERLINK_H

#include <stdbool.h>
#include <stddef.h>

/* getenv, or a stand-in for the tests. */
typedef char *(*hc_getenv_fn)(const char *name);

bool hc_hyperlinks_supported(hc_getenv_fn env);

/* "\e]8;;URL\e\\" TEXT "\e]8;;\e\\" into buf; the URL's bytes outside
 * 0x21..0x7e are left out (an escape can never be smuggled in). Returns the
 * length, or 0 when it does not fit. */
size_t hc_hyperlink_wrap(char *buf, size_t cap, const char *url, size_t url_len,
                         const char *text, size_t text_len);

#endif
