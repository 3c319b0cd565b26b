/*
 * options.h - the command line, parsed into a plain struct.
 *
 * Parsing touches no terminal and no global state (the fuzzer drives it).
 * The environment (HTTPCODES_LANG, NO_COLOR, the locale) is passed in by the
 * caller so that it can be tested.
 */
#ifndef HC_OPTIONS_H
#define HC_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum hc_lang {
	HC_LANG_EN,
	HC_LANG_KO,
	HC_LANG_BOTH,
};

enum hc_mode {
	HC_MODE_AUTO,           /* no query: browser on a terminal, else --list */
	HC_MODE_QUERY,          /* code, pattern or words */
	HC_MODE_SEARCH,         /* --search: words, never a pattern */
	HC_MODE_LIST,           /* --list */
	HC_MODE_BROWSE,         /* -i [QUERY] */
	HC_MODE_COMPARE,        /* --compare CODE... */
	HC_MODE_CHOOSE,         /* --choose: the "which code?" guide */
	HC_MODE_QUIZ,           /* --quiz [CLASS] */
	HC_MODE_COUNT,          /* --count [FILE|CLASS]...: status counts of logs */
	HC_MODE_EXPLAIN,        /* --explain [FILE|-]: read response heads */
	HC_MODE_HELP,
	HC_MODE_VERSION,
};

/* Which languages' constants an entry's "In code" section shows first
 * (--code-lang, $HTTPCODES_CODE_LANG), or alone (--code-lang-only). */
#define HC_CODE_LANGS_MAX 16
struct hc_code_pref {
	unsigned char order[HC_CODE_LANGS_MAX]; /* indexes into hc_catalog_code_langs() */
	unsigned char n;                        /* 0: the table's order */
	bool only;                              /* show the languages of order[] alone */
};

struct hc_options {
	enum hc_mode mode;
	enum hc_lang lang;
	bool lang_given;        /* --lang or HTTPCODES_LANG chose it */
	bool json;
	char *query;            /* the words joined by single spaces; malloc'd */
	unsigned long long seed;        /* --seed for --quiz */
	bool seed_given;
	struct hc_code_pref code;       /* --code-lang, --code-lang-only */
	bool code_given;                /* --code-lang was given */
	/* --count/--explain: the words as given (files, classes), pointing into
	 * argv; the array is malloc'd. query is NULL in these modes. */
	const char **args;
	size_t nargs;
	const char *format;     /* --format NAME (checked by cli_count.c), or NULL */
	bool tsv;               /* --tsv (with --count) */
	/* --log FILE (repeatable): the browser as a lens on these logs;
	 * pointing into argv, the array malloc'd. */
	const char **logs;
	size_t nlogs;
};

/* Exit statuses, as documented in --help and the man page. */
enum {
	HC_EXIT_FOUND = 0,
	HC_EXIT_NOT_FOUND = 1,
	HC_EXIT_USAGE = 2,
};

/*
 * Parse argv. env_lang is $HTTPCODES_LANG (may be NULL); locale_is_korean tells
 * whether LC_MESSAGES/LANG names Korean. On a usage error returns false and
 * writes a one-line message (no newline) into err[0..errlen).
 */
bool hc_options_parse(int argc, char *const argv[], const char *env_lang,
                      bool locale_is_korean, struct hc_options *out,
                      char *err, size_t errlen);
void hc_options_free(struct hc_options *o);

/* $HTTPCODES_CODE_LANG (env, may be NULL), used when no --code-lang was
 * given; then checks that --code-lang-only has a language. False with a
 * one-line message in err on a usage error. */
bool hc_options_code_env(struct hc_options *o, const char *env, char *err, size_t errlen);

const char *hc_lang_name(enum hc_lang l);

#endif
