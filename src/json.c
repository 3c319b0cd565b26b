/* json.c - JSON as jq writes it: UTF-8 as is, two spaces a level. */
#include "json.h"

#include <string.h>

/*
 * A JSON string as jq writes it: UTF-8 as is, '"' and '\' escaped, the C0
 * controls and DEL as \b \f \n \r \t or \u00XX. Runs of plain bytes are
 * written with one fwrite, so the output is the same bytes in every locale
 * and costs no printf per character. A NUL byte is \u0000. The caller passes
 * valid UTF-8 (the table is; text from outside is cleaned first).
 */
void hc_json_strn(FILE *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s, *end = s + n;

	fputc('"', out);
	for (; s < end; s++) {
		unsigned char ch = (unsigned char)*s;
		char esc[7] = { '\\', 0 };
		size_t k = 2;

		if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != 0x7f)
			continue;
		fwrite(run, 1, (size_t)(s - run), out);
		run = s + 1;
		switch (ch) {
		case '"': case '\\': esc[1] = (char)ch; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[ch >> 4];
			esc[5] = hex[ch & 15];
			k = 6;
		}
		fwrite(esc, 1, k, out);
	}
	fwrite(run, 1, (size_t)(end - run), out);
	fputc('"', out);
}

void hc_json_str(FILE *out, const char *s)
{
	hc_json_strn(out, s, strlen(s));
}

/* jq's layout: two spaces per level, one value per line, "[]" when empty. */
void hc_json_indent(FILE *out, int level)
{
	static const char sp[] = "            ";

	fputc('\n', out);
	fwrite(sp, 1, (size_t)(2 * level) < sizeof sp - 1 ? (size_t)(2 * level) : sizeof sp - 1, out);
}

void hc_json_key(FILE *out, const char *key, bool first, int level)
{
	if (!first)
		fputc(',', out);
	hc_json_indent(out, level);
	hc_json_str(out, key);
	fputs(": ", out);
}
