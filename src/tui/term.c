/*
 * term.c - terminal set-up and the single restore path.
 *
 * newterm() instead of initscr(): initscr() prints its own message and exits
 * when TERM is unknown, skipping our clean-up. Signal handlers only set a
 * flag; the key loop polls it and leaves through hc_term_close().
 */
#include "term.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "doc.h"

static SCREEN *screen;
static bool color_on;
static bool utf8;
static bool atexit_done;
static bool checked;            /* the terminal passed the checks: draw on it */
static volatile sig_atomic_t got_signal;

/* Handlers as they were before newterm, restored on close (ncurses' own
 * handlers must not outlive its screen). */
static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH };
#define NSIGS (sizeof sigs / sizeof sigs[0])
static struct sigaction saved[NSIGS];

enum {
	PAIR_CLASS1 = 1,        /* .. PAIR_CLASS1 + 4 */
	PAIR_ACCENT = 6,
};

#ifdef __SANITIZE_ADDRESS__
/* newterm() loses its "prescreen" when it fails (TERM unknown): ncurses'
 * memory, not ours, and nothing the program can free. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:new_prescr\n";
}

/* ...and keep the one-line error one line. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

static void on_signal(int sig)
{
	got_signal = sig;
}

/* TERM may hold anything: print it without control bytes, and short. */
static void print_term_name(const char *t)
{
	size_t i;

	for (i = 0; t[i] && i < 40; i++)
		fputc(t[i] >= 0x20 && t[i] < 0x7f ? t[i] : '?', stderr);
	if (t[i])
		fputs("...", stderr);
}

static void fail(const char *what, const char *term)
{
	fputs("httpcodes: ", stderr);
	if (term) {
		fputs("terminal type '", stderr);
		print_term_name(term);
		fputs("' ", stderr);
	}
	fputs(what, stderr);
	fputc('\n', stderr);
}

static void at_exit_restore(void)
{
	hc_term_close();
}

static void setup_colors(bool want)
{
	short bg = COLOR_BLACK;
	int i;

	color_on = false;
	if (!want || !has_colors() || start_color() != OK || COLORS < 8 ||
	    COLOR_PAIRS < 8)
		return;
	/* -1 is the terminal's own background: light themes stay light. */
	if (use_default_colors() == OK)
		bg = -1;
	for (i = 0; i < 5; i++)
		init_pair((short)(PAIR_CLASS1 + i), (short)hc_doc_class_color(i + 1), bg);
	init_pair(PAIR_ACCENT, COLOR_CYAN, bg);
	color_on = true;
}

/* cbreak() keeps XON/XOFF: a stray Ctrl-S (or one in pasted junk) would
 * freeze all output until Ctrl-Q and look like a hang. Turn it off and let
 * curses remember the mode; endwin() gives the shell its own back. */
static void no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

static void install_handlers(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes get_wch() so the flag is seen at once. */
	sa.sa_flags = 0;
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, NULL);
}

bool hc_term_open(bool want_color)
{
	const char *term = getenv("TERM");
	const char *cup;
	const char *cs;
	size_t i;

	if (screen)
		return true;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fail("the browser needs a terminal on stdin and stdout", NULL);
		return false;
	}
	if (!term || !*term) {
		fail("TERM is not set: cannot start the browser", NULL);
		return false;
	}
	if (strcmp(term, "dumb") == 0) {
		fail("cannot draw the browser (it cannot move the cursor)", term);
		return false;
	}

	for (i = 0; i < NSIGS; i++)
		sigaction(sigs[i], NULL, &saved[i]);
	got_signal = 0;

	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fail("is unknown (no terminfo entry)", term);
		return false;
	}
	checked = false;
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		hc_term_close();
		fail("cannot draw the browser (it cannot move the cursor)", term);
		return false;
	}
	checked = true;
	if (!atexit_done) {
		atexit(at_exit_restore);
		atexit_done = true;
	}

	cs = nl_langinfo(CODESET);
	utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);

	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	no_flow_control();
	/* The user's ESCDELAY wins; otherwise Esc should not lag a second. */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
	          BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	setup_colors(want_color);
	install_handlers();
	return true;
}

void hc_term_close(void)
{
	size_t i;

	if (!screen)
		return;
	/* Refused before anything was drawn: give the tty its modes back
	 * without endwin(), which would write (move the cursor). */
	if (checked)
		endwin();
	else
		reset_shell_mode();
	delscreen(screen);
	screen = NULL;
	for (i = 0; i < NSIGS; i++)
		sigaction(sigs[i], &saved[i], NULL);
	fflush(stdout);
}

int hc_term_signal(void)
{
	return (int)got_signal;
}

bool hc_term_utf8(void)
{
	return utf8;
}

attr_t hc_term_class_attr(int digit)
{
	if (!color_on || digit < 1 || digit > 5)
		return A_NORMAL;
	return (attr_t)COLOR_PAIR(PAIR_CLASS1 + digit - 1);
}

attr_t hc_term_accent_attr(void)
{
	return color_on ? (attr_t)COLOR_PAIR(PAIR_ACCENT) | A_BOLD : A_BOLD;
}

static void write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;         /* terminal gone: nothing to do */
		p += w;
		n -= (size_t)w;
	}
}

void hc_term_osc52(const char *s, size_t n)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char out[1100];
	size_t o = 0, i;

	if (!screen)
		return;
	if (n > 768)
		n = 768;
	memcpy(out, "\033]52;c;", 7);
	o = 7;
	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16 |
		             (unsigned char)s[i + 1] << 8 | (unsigned char)s[i + 2];

		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
	}
	if (i < n) {
		unsigned v = (unsigned char)s[i] << 16;

		if (i + 1 < n)
			v |= (unsigned char)s[i + 1] << 8;
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[o++] = '=';
	}
	out[o++] = '\a';
	write_all(out, o);
}
