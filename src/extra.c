/* extra.c - IIS sub-status codes and codes outside 100-599: look-ups. */
#include "extra.h"

#include <string.h>

#include "extra_data.h"

const struct hc_entry *hc_extra_iis(size_t *n)
{
	*n = hc_iis_table_len;
	return hc_iis_table;
}

const struct hc_entry *hc_extra_other(size_t *n)
{
	*n = hc_other_table_len;
	return hc_other_table;
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

		if (!t[i].code_text || strcmp(t[i].code_text, q) != 0)
			continue;
		while (k < n && t[k].code_text && strcmp(t[k].code_text, q) == 0)
			k++;
		*first = &t[i];
		return k - i;
	}
	return 0;
}

size_t hc_extra_find(const char *q, const struct hc_entry **first)
{
	size_t n;

	*first = NULL;
	if (!q || !*q)
		return 0;
	n = find_in(hc_iis_table, hc_iis_table_len, q, first);
	return n ? n : find_in(hc_other_table, hc_other_table_len, q, first);
}

bool hc_extra_is_iis(const struct hc_entry *e)
{
	return e >= hc_iis_table && e < hc_iis_table + hc_iis_table_len;
}

bool hc_extra_is_other(const struct hc_entry *e)
{
	return e >= hc_other_table && e < hc_other_table + hc_other_table_len;
}
