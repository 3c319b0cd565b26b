/*
 * term.h - the one place that owns the terminal: set-up, colours, signals and
 * restore. Nothing else in the browser changes terminal modes.
 */
#ifndef HC_TUI_TERM_H
#define HC_TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

/*
 * Check that stdin/stdout are a usable terminal and start curses on it.
 * On failure prints one line on stderr ("httpcodes: ...") and returns false;
 * the terminal is left untouched. want_color false gives monochrome.
 */
bool hc_term_open(bool want_color);

/* The single restore path: idempotent, also registered with atexit. */
void hc_term_close(void);

/* Largest window curses is given; a bigger terminal is drawn in its top
 * left corner (ncurses crashes at 32768, and memory grows with the area). */
#define HC_TERM_MAX_COLS 1000
#define HC_TERM_MAX_ROWS 500

/* The signal that asked us to stop (see term.c for which), or 0. */
int hc_term_signal(void);

/* Ctrl-C in a search line cancels the search (as in less): true when the
 * pending signal was SIGINT, which is then forgotten. */
bool hc_term_take_interrupt(void);

/* Mouse reports on or off (off: the terminal's own click-and-drag
 * selection works again). */
void hc_term_mouse(bool on);

/* Block the signals that end the program until hc_term_unblock_signals(),
 * so that none arrives while the terminal is half set up. */
void hc_term_block_signals(void);
void hc_term_unblock_signals(void);

/* refresh(): curses' output, written to the terminal. */
void hc_term_refresh(void);

/* Give curses the window's size (clamped) when it changed; true then. */
bool hc_term_check_resize(void);

/* Restore the terminal (hc_term_close) and, when sig is not 0, end the
 * process by that signal with its default action (within a second, even
 * when the terminal has stopped reading). */
void hc_term_close_and_exit(int sig);

/* True when the locale's charset is UTF-8 (else text is transliterated). */
bool hc_term_utf8(void);

/* Attribute for class 1..5 (its colour, or A_NORMAL in monochrome). */
attr_t hc_term_class_attr(int digit);

/* Attribute for accents (search label, headings): colour or bold. */
attr_t hc_term_accent_attr(void);

/* Write bytes to the terminal after a refresh (OSC 8 around text already on
 * screen, links.c); the caller puts the cursor back where curses left it. */
void hc_term_write_raw(const char *s, size_t n);

/* Send "ESC ] 52 ; c ; base64 BEL" to put s[0..n) on the clipboard. Call
 * after refresh() so that it does not land in the middle of curses output. */
void hc_term_osc52(const char *s, size_t n);
#define HC_OSC52_MAX 65536      /* bytes of text sent at most */

#endif
