/*
 * mini_tui.c - the browser floor of tests/bench/run.sh: a minimal ncursesw
 * program that draws one screen like httpcodes' first frame (search line,
 * the five classes with colours and a selection, a separator, a detail pane
 * of wrapped text, a reversed status line ending in "q: quit") from static
 * strings, then waits for keys until q. No data, no search, no wrapping at
 * run time: the least work that puts such a frame on a terminal.
 */
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code, *name;
	int count, color;
} classes[] = {
	{ "1xx", "Informational", 5, COLOR_MAGENTA },
	{ "2xx", "Successful", 11, COLOR_GREEN },
	{ "3xx", "Redirection", 9, COLOR_CYAN },
	{ "4xx", "Client Error", 48, COLOR_YELLOW },
	{ "5xx", "Server Error", 27, COLOR_RED },
};

static const char *const detail[] = {
	"\1" "1xx Informational",
	"",
	"\2" "Codes          5 (5 registered, 0",
	"               unofficial)",
	"",
	"\3" "Summary",
	"Interim responses sent before the final",
	"answer to a request",
	"",
	"\3" "Description",
	"A 1xx response is interim: it reports",
	"progress or passes on a hint while the",
	"server is still working, and the final",
	"response to the same request follows",
	"later. It ends with its header section",
	"and never carries content. A client must",
	"be able to parse 1xx responses even when",
	"it did not ask for them, and a user agent",
	"may simply ignore the ones it does not",
	"expect. A proxy forwards them unless it",
	"requested them itself, and no server",
	"sends them to an HTTP/1.0 client, since",
	"it cannot read them.",
};

#define N_CLASSES (int)(sizeof classes / sizeof classes[0])
#define N_DETAIL (int)(sizeof detail / sizeof detail[0])
#define TREE_W 36

static void draw(void)
{
	int rows = LINES - 2;

	erase();
	attron(A_BOLD | COLOR_PAIR(3));
	mvaddstr(0, 0, "Search: ");
	attrset(A_NORMAL);
	addstr("press / or a digit to search, ? for help");
	for (int i = 0; i < N_CLASSES && i < rows; i++) {
		attr_t base = i == 0 ? A_REVERSE : A_NORMAL;

		attrset(base);
		mvhline(1 + i, 0, ' ', TREE_W);
		mvaddstr(1 + i, 0, "+ ");
		attrset(base | A_BOLD | COLOR_PAIR(10 + i));
		addstr(classes[i].code);
		attrset(base);
		addch(' ');
		attrset(base | A_BOLD);
		addstr(classes[i].name);
		attrset(base);
		mvprintw(1 + i, TREE_W - 4, "%3d", classes[i].count);
	}
	attrset(A_NORMAL);
	for (int y = 1; y <= rows; y++)
		mvaddch(y, TREE_W, '|');
	for (int i = 0; i < N_DETAIL && i < rows; i++) {
		const char *s = detail[i];

		if (*s == '\1')
			attrset(A_BOLD | COLOR_PAIR(10));
		else if (*s == '\3')
			attrset(A_BOLD | COLOR_PAIR(3));
		else if (*s == '\2')
			attrset(A_BOLD);
		mvaddnstr(1 + i, TREE_W + 2, *s < ' ' ? s + 1 : s, COLS - TREE_W - 2);
		attrset(A_NORMAL);
	}
	attrset(A_REVERSE | A_BOLD);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvaddstr(LINES - 1, 0, " 100 codes | en");
	attrset(A_REVERSE);
	addstr(" | /: search  Tab: detail  L: lang  y: copy  ?: help  q: quit");
	attrset(A_NORMAL);
	move(1, 0);
	refresh();
}

int main(void)
{
	int c;

	setlocale(LC_ALL, "");
	if (!initscr())
		return 2;
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(3, COLOR_CYAN, -1);
		for (int i = 0; i < N_CLASSES; i++)
			init_pair((short)(10 + i), (short)classes[i].color, -1);
	}
	draw();
	while ((c = getch()) != 'q' && c != ERR)
		if (c == KEY_RESIZE)
			draw();
	endwin();
	return 0;
}
