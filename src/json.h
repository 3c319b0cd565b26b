/*
 * json.h - the pieces of JSON output shared by every machine format (--json of
 * a query, --compare --json, --count --json, --explain --json): strings as jq
 * writes them (UTF-8 as is, or all ASCII with \uXXXX where a format promises
 * ASCII; the same bytes in every locale) and jq's layout, two spaces a level.
 */
#ifndef HC_JSON_H
#define HC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A JSON string: '"' and '\\' escaped, C0 controls and DEL as \n, \t … or \u00XX. */
void hc_json_str(FILE *out, const char *s);
/* The same for s[0..n), which may hold NUL bytes. */
void hc_json_strn(FILE *out, const char *s, size_t n);

/* A new line and two spaces per level. */
void hc_json_indent(FILE *out, int level);

/* `,` unless first, a new line at `level`, then "key": */
void hc_json_key(FILE *out, const char *key, bool first, int level);

#endif
