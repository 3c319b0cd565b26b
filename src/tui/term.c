/*
 * term.c - terminal set-up, signals, the window size, and the restore paths.
 *
 * newterm() instead of initscr(): initscr() prints its own message and exits
 * when TERM is unknown, skipping our clean-up.
 *
 * Signals. Our handlers are installed before newterm(), so ncurses never
 * installs its own (it only takes a signal whose action is the default), and
 * every signal whose default action ends the process is caught:
 *   - "polite" ones (INT, TERM, HUP, QUIT, USR1/2, ALRM, PIPE, VTALRM, PROF,
 *     XCPU, XFSZ, IO, PWR, the real-time ones) only set a flag; the key loop
 *     sees it, leaves through hc_term_close() and re-raises the signal with
 *     its default action, so that a calling shell sees the death (130, 143);
 *   - when the program is stuck writing to a terminal that does not read (a
 *     stalled SSH link), a deadline of one second (alarm) or a second signal
 *     ends it through the emergency path;
 *   - crash signals (SEGV, BUS, FPE, ILL, ABRT, SYS, TRAP) take the
 *     emergency path at once.
 * The emergency path is async-signal-safe, as htop's CRT.c: non-blocking
 * write() of a restore string built at start-up (mouse and bracketed paste
 * off, attributes off, cursor shown, keypad local, alternate screen left),
 * tcsetattr() of the modes saved before newterm(), then the signal again with
 * its default action.
 *
 * Sizes. ncurses crashes at 32768 columns or rows and costs gigabytes well
 * before: it is given the size, never left to read it. At start it finds the
 * clamped size in LINES and COLUMNS (which it reads before the tty); after
 * that SIGWINCH is ours and hc_term_check_resize() calls resizeterm() with
 * at most HC_TERM_MAX_COLS x HC_TERM_MAX_ROWS.
 */
#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "doc.h"

static SCREEN *screen;
static bool color_on;
static bool utf8;
static bool atexit_done;
static bool checked;            /* the terminal passed the checks: draw on it */
static bool paste_on;           /* bracketed paste was turned on */
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t got_winch;
static volatile sig_atomic_t in_output;  /* inside a write to the terminal */
static volatile sig_atomic_t closing;    /* leaving after a signal */
static volatile sig_atomic_t deadline;   /* the alarm is set */

/* Signals whose default action ends the process. */
static const int polite_sigs[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
	SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR,
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
static const int crash_sigs[] = {
	SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP,
};
#define N_POLITE (sizeof polite_sigs / sizeof polite_sigs[0])
#define N_CRASH (sizeof crash_sigs / sizeof crash_sigs[0])

/* Handlers as they were before ours, restored on close. */
static struct sigaction saved_polite[N_POLITE], saved_crash[N_CRASH], saved_winch;
/* The real-time signals' old actions, kept by their handler alone: after
 * exec a signal is either default or ignored (no handler survives exec),
 * and for those two the handler says it all. 64 pointers rather than 64
 * struct sigaction (152 bytes each: three pages of bss written at every
 * start). A real-time signal that has a handler all the same is given it
 * back and left alone (rt_ours says which are ours). */
static void (*saved_rt[64])(int);
static uint64_t rt_ours;
static sigset_t saved_mask;
static bool handlers_on;

/* What the emergency path needs, ready before anything can go wrong. */
static char restore_seq[512];
static size_t restore_len;
static struct termios tio_out, tio_in;  /* as the shell had them */
static bool have_tio_out, have_tio_in;
static int out_flags = -1;              /* stdout's file status flags */

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

static void write_all(const char *p, size_t n);

/* ---- the emergency path (async-signal-safe only) ---------------------- */

static void emergency_restore(void)
{
	const char *p = restore_seq;
	size_t n = restore_len;
	int fl = fcntl(STDOUT_FILENO, F_GETFL);

	/* Never block here: a terminal that does not read gets what fits. */
	if (fl != -1)
		fcntl(STDOUT_FILENO, F_SETFL, fl | O_NONBLOCK);
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		n -= (size_t)w;
	}
	if (fl != -1)
		fcntl(STDOUT_FILENO, F_SETFL, out_flags != -1 ? out_flags : fl);
	if (have_tio_out)
		tcsetattr(STDOUT_FILENO, TCSANOW, &tio_out);
	if (have_tio_in)
		tcsetattr(STDIN_FILENO, TCSANOW, &tio_in);
}

static void die_by(int sig)
{
	struct sigaction sa;
	sigset_t set;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	/* A signal whose default is to be ignored cannot end us: exit. */
	_exit(128 + sig);
}

static void on_crash(int sig)
{
	if (screen || closing)
		emergency_restore();
	die_by(sig);
}

static void on_signal(int sig)
{
	int first = got_signal;

	if (!first)
		got_signal = sig;
	if (!screen) {
		/* Before the terminal was changed (or after it was given
		 * back): nothing to restore. */
		if (!closing)
			die_by(sig);
		return;
	}
	if ((in_output || closing) &&
	    ((sig == SIGALRM && deadline) || (first && sig != SIGALRM))) {
		/* Stuck writing: the deadline passed, or asked twice. */
		emergency_restore();
		die_by(first ? first : sig);
	}
	if ((in_output || closing) && !deadline) {
		deadline = 1;
		alarm(1);
	}
}

static void on_winch(int sig)
{
	(void)sig;
	got_winch = 1;
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

static void add_all(sigset_t *set)
{
	size_t i;
	int s;

	for (i = 0; i < N_POLITE; i++)
		sigaddset(set, polite_sigs[i]);
	for (s = SIGRTMIN; s <= SIGRTMAX && s - SIGRTMIN < 64; s++)
		sigaddset(set, s);
	sigaddset(set, SIGWINCH);
}

void hc_term_block_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	add_all(&set);
	sigprocmask(SIG_BLOCK, &set, &saved_mask);
}

void hc_term_unblock_signals(void)
{
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

static void install_handlers(void)
{
	struct sigaction sa;
	size_t i;
	int s;

	if (handlers_on)
		return;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	add_all(&sa.sa_mask);           /* one handler at a time */
	/* No SA_RESTART: a signal wakes wgetch() so the flag is seen at once. */
	sa.sa_flags = 0;
	sa.sa_handler = on_signal;
	for (i = 0; i < N_POLITE; i++)
		sigaction(polite_sigs[i], &sa, &saved_polite[i]);
	for (s = SIGRTMIN; s <= SIGRTMAX && s - SIGRTMIN < 64; s++) {
		struct sigaction old;

		if (sigaction(s, &sa, &old) != 0)
			continue;
		if (!(old.sa_flags & SA_SIGINFO) &&
		    (old.sa_handler == SIG_DFL || old.sa_handler == SIG_IGN)) {
			saved_rt[s - SIGRTMIN] = old.sa_handler;
			rt_ours |= (uint64_t)1 << (s - SIGRTMIN);
		} else {
			sigaction(s, &old, NULL);
		}
	}
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_NODEFER;
	for (i = 0; i < N_CRASH; i++)
		sigaction(crash_sigs[i], &sa, &saved_crash[i]);
	sa.sa_handler = on_winch;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, &saved_winch);
	handlers_on = true;
}

static void remove_handlers(void)
{
	size_t i;
	int s;

	if (!handlers_on)
		return;
	for (i = 0; i < N_POLITE; i++)
		sigaction(polite_sigs[i], &saved_polite[i], NULL);
	for (s = SIGRTMIN; s <= SIGRTMAX && s - SIGRTMIN < 64; s++)
		if (rt_ours & (uint64_t)1 << (s - SIGRTMIN)) {
			struct sigaction old;

			memset(&old, 0, sizeof old);
			sigemptyset(&old.sa_mask);
			old.sa_handler = saved_rt[s - SIGRTMIN];
			sigaction(s, &old, NULL);
		}
	rt_ours = 0;
	for (i = 0; i < N_CRASH; i++)
		sigaction(crash_sigs[i], &saved_crash[i], NULL);
	sigaction(SIGWINCH, &saved_winch, NULL);
	handlers_on = false;
}

/* Append a terminfo string (if the entry has it) to the restore string. */
static void add_restore(const char *cap)
{
	const char *v = cap[0] == '\033' ? cap : tigetstr(cap);
	size_t n;

	if (!v || v == (char *)-1)
		return;
	n = strlen(v);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, v, n);
		restore_len += n;
	}
}

/* What hc_term_close() would write, as one string for the emergency path.
 * CAN first: it ends an escape sequence cut in the middle. */
static void build_restore(bool mouse)
{
	restore_len = 0;
	add_restore("\033[0m\030");
	if (mouse)
		add_restore("\033[?1006l\033[?1002l\033[?1000l");
	if (paste_on)
		add_restore("\033[?2004l");      /* harmless if never sent */
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore("rmkx");
	add_restore("rmcup");
}

/* ---- sizes -------------------------------------------------------------- */

static int clamp_size(long v, int max)
{
	return v < 1 ? 1 : v > max ? max : (int)v;
}

/* LINES or COLUMNS from the environment: -1 when unset or not a number,
 * 0 when out of range (reported), else the value. */
static long env_size(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (*end || errno || n < 1)
		return -1;      /* as ncurses: ignored */
	return n > SHRT_MAX ? 0 : n;
}

/* LINES and COLUMNS as the user gave them (read once, at open). */
static long user_lines = -1, user_cols = -1;

static bool size_now(int *rows, int *cols)
{
	struct winsize ws;
	long r = user_lines, c = user_cols;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 &&
	    ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0)
		memset(&ws, 0, sizeof ws);
	if (r < 1)
		r = ws.ws_row ? ws.ws_row : 24;
	if (c < 1)
		c = ws.ws_col ? ws.ws_col : 80;
	*rows = clamp_size(r, HC_TERM_MAX_ROWS);
	*cols = clamp_size(c, HC_TERM_MAX_COLS);
	return true;
}

bool hc_term_check_resize(void)
{
	int rows, cols;

	if (!screen)
		return false;
	/* Every pass, not only after SIGWINCH: a change while suspended
	 * (Ctrl-Z) sends it to no one. One ioctl is cheap. */
	got_winch = 0;
	if (!size_now(&rows, &cols) || (rows == LINES && cols == COLS))
		return false;
	resizeterm(rows, cols);
	/* The terminal may have reflowed what it showed: repaint it all. */
	clearok(curscr, TRUE);
	return true;
}

/* ---- output ------------------------------------------------------------- */

/* ncurses retries a write that fails with EAGAIN at once, forever: with the
 * tty in non-blocking mode (set by another process sharing it) a stalled
 * terminal would cost 100% CPU. Keep our output blocking; signals still end
 * a blocked write (see on_signal). */
static void keep_blocking(void)
{
	int fl = fcntl(STDOUT_FILENO, F_GETFL);

	if (fl != -1 && (fl & O_NONBLOCK))
		fcntl(STDOUT_FILENO, F_SETFL, fl & ~O_NONBLOCK);
}

static bool paste_sent;

void hc_term_refresh(void)
{
	keep_blocking();
	in_output = 1;
	refresh();
	/* After curses' first frame, so that it goes out in order. */
	if (paste_on && !paste_sent) {
		write_all("\033[?2004h", 8);
		paste_sent = true;
	}
	in_output = 0;
}

bool hc_term_open(bool want_color)
{
	const char *term = getenv("TERM");
	const char *cup;
	const char *cs;

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

	if (env_size("LINES") == 0 || env_size("COLUMNS") == 0) {
		fputs("httpcodes: LINES or COLUMNS is out of range (at most 32767): "
		      "cannot start the browser\n", stderr);
		return false;
	}

	/* The console mouse (gpm) would open a socket: keep it out. An empty
	 * list matches no TERM (ncurses(3X), NCURSES_GPM_TERMS). */
	setenv("NCURSES_GPM_TERMS", "", 1);
	have_tio_out = tcgetattr(STDOUT_FILENO, &tio_out) == 0;
	have_tio_in = tcgetattr(STDIN_FILENO, &tio_in) == 0;
	out_flags = fcntl(STDOUT_FILENO, F_GETFL);
	restore_len = 0;
	got_signal = 0;
	closing = 0;
	deadline = 0;
	install_handlers();

	/* ncurses would read the size from the tty (and crash on 32768);
	 * it takes LINES and COLUMNS first: give it the clamped size there,
	 * then put the user's values back. */
	{
		const char *ol = getenv("LINES"), *oc = getenv("COLUMNS");
		char *sl = ol ? strdup(ol) : NULL, *sc = oc ? strdup(oc) : NULL;
		char b[16];
		int rows, cols;

		user_lines = env_size("LINES");
		user_cols = env_size("COLUMNS");
		size_now(&rows, &cols);
		snprintf(b, sizeof b, "%d", rows);
		setenv("LINES", b, 1);
		snprintf(b, sizeof b, "%d", cols);
		setenv("COLUMNS", b, 1);
		in_output = 1;
		screen = newterm(NULL, stdout, stdin);
		in_output = 0;
		if (sl)
			setenv("LINES", sl, 1);
		else
			unsetenv("LINES");
		if (sc)
			setenv("COLUMNS", sc, 1);
		else
			unsetenv("COLUMNS");
		free(sl);
		free(sc);
	}
	if (!screen) {
		remove_handlers();
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
	/* Bracketed paste where the terminal reports mouse clicks as xterm
	 * does (the same family knows mode 2004; the console does not). */
	{
		const char *km = tigetstr("kmous");

		paste_on = km && km != (char *)-1 && *km;
		paste_sent = false;
	}
	build_restore(has_mouse());
	keep_blocking();
	(void)hc_term_check_resize();
	return true;
}

void hc_term_close(void)
{
	if (!screen) {
		remove_handlers();
		return;
	}
	in_output = 1;
	/* Refused before anything was drawn: give the tty its modes back
	 * without endwin(), which would write (move the cursor). */
	if (checked) {
		endwin();
		fflush(stdout);
		if (paste_sent)
			write_all("\033[?2004l", 8);
		paste_sent = false;
	} else {
		reset_shell_mode();
	}
	delscreen(screen);
	screen = NULL;
	fflush(stdout);
	in_output = 0;
	if (out_flags != -1)
		fcntl(STDOUT_FILENO, F_SETFL, out_flags);
	if (!closing) {
		/* A deadline set while drawing must not outlive us. */
		if (deadline) {
			alarm(0);
			deadline = 0;
		}
		remove_handlers();
	}
}

int hc_term_signal(void)
{
	return (int)got_signal;
}

bool hc_term_take_interrupt(void)
{
	if (got_signal != SIGINT || in_output || closing)
		return false;
	if (deadline) {
		alarm(0);
		deadline = 0;
	}
	got_signal = 0;
	return true;
}

void hc_term_mouse(bool on)
{
	if (screen)
		mousemask(on ? BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
		          BUTTON5_PRESSED : 0, NULL);
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
	/* Terminals take about 100 kB (xterm's default limit is larger). */
	if (n > HC_OSC52_MAX)
		n = HC_OSC52_MAX;
	keep_blocking();
	in_output = 1;
	write_all("\033]52;c;", 7);
	/* Written in pieces: a whole entry is several kB. */
	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16 |
		             (unsigned char)s[i + 1] << 8 | (unsigned char)s[i + 2];

		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
		if (o + 8 > sizeof out) {
			write_all(out, o);
			o = 0;
		}
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
	in_output = 0;
}

void hc_term_write_raw(const char *s, size_t n)
{
	if (!screen)
		return;
	keep_blocking();
	in_output = 1;
	write_all(s, n);
	in_output = 0;
}

void hc_term_close_and_exit(int sig)
{
	if (sig) {
		/* Leaving after a signal: one second for the restore, then the
		 * emergency path (a stalled terminal cannot keep us). */
		closing = 1;
		if (!deadline) {
			deadline = 1;
			alarm(1);
		}
	}
	hc_term_close();
	if (sig)
		die_by(sig);
}
