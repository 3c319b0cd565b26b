/* parts.h - a fuzz target's input cut at its NUL bytes. */
#ifndef HC_TESTS_FUZZ_PARTS_H
#define HC_TESTS_FUZZ_PARTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The next NUL-separated part of *s (*n bytes), newly allocated and
 * NUL-terminated, *s and *n moved past it (*s NULL after the last); NULL
 * when there is none left. Aborts when out of memory. */
static inline char *hc_fuzz_part(const uint8_t **s, size_t *n)
{
	const uint8_t *z;
	size_t k;
	char *p;

	if (!*s)
		return NULL;
	z = memchr(*s, 0, *n);
	k = z ? (size_t)(z - *s) : *n;
	p = malloc(k + 1);
	if (!p)
		abort();
	memcpy(p, *s, k);
	p[k] = '\0';
	if (z) {
		*s = z + 1;
		*n -= k + 1;
	} else {
		*s = NULL;
		*n = 0;
	}
	return p;
}

#endif
