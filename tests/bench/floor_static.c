/*
 * floor_static.c - the one-shot floor for the static build (run.sh links it
 * with -static): set the locale and print one line, nothing else.
 */
#include <locale.h>
#include <stdio.h>

int main(void)
{
	setlocale(LC_ALL, "");
	puts("404 Not Found");
	return 0;
}
