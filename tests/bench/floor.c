/*
 * floor.c - the one-shot floor of tests/bench/run.sh: the least a C program
 * loading the same shared libraries as httpcodes (ncursesw, tinfo and libc;
 * libunistring is linked into httpcodes statically, so it is not loaded
 * here either) can do to answer "404": set the locale and print one line.
 * It calls one function of ncursesw so that the library is really needed;
 * run.sh links it with --no-as-needed -lncursesw -ltinfo, so that both are
 * loaded, as they are for httpcodes. For the static build, floor_static.c.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

int main(void)
{
	setlocale(LC_ALL, "");
	if (!curses_version())
		return 1;
	puts("404 Not Found");
	return 0;
}
