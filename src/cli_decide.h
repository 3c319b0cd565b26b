/*
 * cli_decide.h - deciding and learning from the command line:
 *   httpcodes --compare 301 302 307 308   one table, a row per fact, a column per code
 *   httpcodes --choose                     "which code should I use?", yes/no questions
 *   httpcodes --quiz [CLASS] [--seed N]    study questions, judged and explained
 * No curses. --choose and --quiz read one answer per line, from a terminal or
 * a pipe, and flush what they have to say before each read.
 */
#ifndef HC_CLI_DECIDE_H
#define HC_CLI_DECIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "compare.h"
#include "options.h"


/* A conversation: the answers come from `in`; flush(ud) is called before each
 * read (to convert and write what was said so far). */
struct hc_dialog {
	const struct hc_cli *cli;
	FILE *in;
	void (*flush)(void *ud);
	void *ud;
};

/* --compare: `query` names 2..HC_COMPARE_MAX codes or patterns ("401 403",
 * "301,308"). Returns an exit status; on failure writes a one-line reason
 * into err. */
int hc_cli_compare(const struct hc_cli *c, const char *query, bool json, char *err,
                   size_t errlen);

/* --choose: returns 0 on reaching an answer, 1 when input ended first, 2
 * after three replies that were neither yes nor no. */
int hc_cli_choose(const struct hc_dialog *d);

/* --quiz: `count` questions at most, fewer when input ends; class_digit 0
 * for all classes. Returns 0 when at least one was answered, 1 when none,
 * -1 when out of memory. */
int hc_cli_quiz(const struct hc_dialog *d, unsigned long long seed, int class_digit,
                unsigned count);

/* JSON objects for an entry, laid out as jq does at nesting `level`:
 * {"redirect": {"value": "permanent", "ref": "RFC 9110 §15.4.2"}, …} and
 * {"rfc": "https://…", "mdn": "https://…", "mdn_ko": "https://…"}. */
void hc_cli_facts_json(FILE *out, const struct hc_entry *e, int level);
void hc_cli_links_json(FILE *out, const struct hc_entry *e, int level);

/* The whole of --compare, --choose and --quiz for main(): output converted
 * to `charset`, answers read from standard input. Returns the exit status. */
int hc_cli_decide_run(const struct hc_options *o, const char *charset, int width, bool color);

#endif
