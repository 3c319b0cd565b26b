/*
 * fuzz_extra.c - libFuzzer target for hc_extra_find (extra.h): a query as
 * typed or pasted ("HTTP Error 500.19 - Internal Server Error"). Whatever
 * it finds lies in the tables, is one contiguous run of the same spelling,
 * and that spelling is in the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extra.h"

#define CHECK(cond)                                                     \
	do {                                                            \
		if (!(cond)) {                                          \
			fprintf(stderr, "%s:%d: check failed: %s\n",    \
			        __FILE__, __LINE__, #cond);             \
			abort();                                        \
		}                                                       \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = malloc(size + 1);
	const struct hc_entry *e = NULL;
	size_t n;

	if (!q)
		return 0;
	memcpy(q, data, size);
	q[size] = '\0';         /* the CLI hands it a C string */
	n = hc_extra_find(q, &e);
	if (n > 0) {
		CHECK(e != NULL);
		for (size_t i = 0; i < n; i++) {
			CHECK(hc_extra_is_iis(&e[i]) || hc_extra_is_other(&e[i]));
			CHECK(hc_str(e[i].code_text) && strcmp(hc_str(e[i].code_text), hc_str(e[0].code_text)) == 0);
		}
		CHECK(strstr(q, hc_str(e[0].code_text)) != NULL);
	}
	free(q);
	return 0;
}
