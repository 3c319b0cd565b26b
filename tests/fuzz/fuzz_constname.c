/* fuzz_constname.c - libFuzzer target for the look-up by a constant's spelling
 * (src/constname.c) and the --code-lang language names.
 *
 * Input: any bytes, as a query. Whatever it finds must be real: a code of the
 * table, with a language set, whose row's name is in the query. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "constname.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hc_constname m[4];
	const char *q = (const char *)data;
	size_t n = hc_constname_find(q, size, m, 4), nl, first;
	int k;

	hc_catalog_code_langs(&nl);
	for (size_t i = 0; i < n && i < 4; i++) {
		const char *name = hc_str(m[i].c->name);
		size_t len = strlen(name);
		int found = 0;

		if (!hc_catalog_find_code(m[i].code, &first) || m[i].langs == 0 ||
		    m[i].langs >> nl)
			abort();
		for (size_t j = 0; j + len <= size && !found; j++)
			found = memcmp(data + j, name, len) == 0;
		if (!found)
			abort();
	}
	k = hc_code_lang_find(q, size);
	if (k < -1 || (k >= 0 && (size_t)k >= nl))
		abort();
	return 0;
}
