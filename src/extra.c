/* extra.c - IIS sub-status codes and codes outside 100-599: look-ups. */
#include "extra.h"

#include <string.h>

#include "catalog_data.h"
#include "extra_data.h"

const struct hc_entry *hc_extra_iis(size_t *n)
{
	*n = hc_iis_table_len;
	return hc_iis_table;
}

const struct hc_entry *hc_extra_other(size_t *n)
{
	/* the last entries of the browser's table (catalog_data.h) */
	*n = hc_other_table_len;
	return hc_other_table;
}

const struct hc_entry *hc_extra_browse(size_t *n)
{
	*n = hc_browse_table_len;
	return hc_browse_table;
}

size_t hc_extra_iis_of(int code, const struct hc_entry **first)
{
	size_t i = 0, k;

	while (i < hc_iis_table_len && hc_iis_table[i].code != code)
		i++;
	for (k = i; k < hc_iis_table_len && hc_iis_table[k].code == code; k++)
		;
	*first = i < hc_iis_table_len ? &hc_iis_table[i] : NULL;
	return k - i;
}

static size_t find_in(const struct hc_entry *t, size_t n, const char *q,
                      const struct hc_entry **first)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = i;

		if (!t[i].code_text || strcmp(hc_str(t[i].code_text), q) != 0)
			continue;
		while (k < n && t[k].code_text && strcmp(hc_str(t[k].code_text), q) == 0)
			k++;
		*first = &t[i];
		return k - i;
	}
	return 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
	       (unsigned char)c >= 0x80;
}

/* The first "NNN.N" (up to three sub-status digits) standing alone in q, as
 * in "HTTP Error 500.19 - Internal Server Error": copied into buf. */
static bool substatus_token(const char *q, char buf[8])
{
	for (const char *p = q; *p; p++) {
		size_t k = 3;

		if ((p > q && is_word(p[-1])) || !is_digit(p[0]) || !is_digit(p[1]) ||
		    !is_digit(p[2]) || p[3] != '.' || !is_digit(p[4]))
			continue;
		for (k = 4; is_digit(p[k]) && k < 7; k++)
			;
		/* "500.19." ends a sentence; "500.19.1" or "500.1234" is something else. */
		if (is_word(p[k]) && !(p[k] == '.' && !is_word(p[k + 1])))
			continue;
		memcpy(buf, p, k);
		buf[k] = '\0';
		return true;
	}
	return false;
}

size_t hc_extra_find(const char *q, const struct hc_entry **first)
{
	char tok[8], trimmed[8];
	size_t n, len;

	*first = NULL;
	if (!q)
		return 0;
	/* Spaces around the query do not count. */
	while (*q == ' ' || *q == '\t')
		q++;
	len = strlen(q);
	while (len > 0 && (q[len - 1] == ' ' || q[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof trimmed)
		len = 0;
	else
		memcpy(trimmed, q, len);
	trimmed[len] = '\0';
	if (len && (n = find_in(hc_iis_table, hc_iis_table_len, trimmed, first)) > 0)
		return n;
	if (len && (n = find_in(hc_other_table, hc_other_table_len, trimmed, first)) > 0)
		return n;
	/* A sub-status pasted with the words around it. */
	if (substatus_token(q, tok))
		return find_in(hc_iis_table, hc_iis_table_len, tok, first);
	return 0;
}

/* By the spelling, so that a copy of an entry (the browser's array) is
 * told apart as well as the table's own. */
bool hc_extra_is_iis(const struct hc_entry *e)
{
	return hc_str(e->code_text) && strchr(hc_str(e->code_text), '.');
}

bool hc_extra_is_other(const struct hc_entry *e)
{
	return hc_str(e->code_text) && !strchr(hc_str(e->code_text), '.');
}
