/*
 * floor.c - the one-shot floor of tests/bench/run.sh: the least a C program
 * linking the same libraries as httpcodes (ncursesw, libunistring) can do to
 * answer "404": set the locale and print one line. It calls a function of
 * libunistring and of ncurses' terminfo half; run.sh links it with
 * --no-as-needed so that libncursesw is loaded too, as it is for httpcodes.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <uniwidth.h>

int main(void)
{
	static const char line[] = "404 Not Found";

	setlocale(LC_ALL, "");
	if (u8_strwidth((const uint8_t *)line, "UTF-8") <= 0 || !curses_version())
		return 1;
	puts(line);
	return 0;
}
