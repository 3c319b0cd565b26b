/*
 * leb128.h - unsigned LEB128 numbers (7 bits a byte, low first, the high
 * bit set on every byte but the last), as the lookups of an index store
 * their counts and field numbers (textdict.h, typodict.h).
 */
#ifndef HC_LEB128_H
#define HC_LEB128_H

#include <stddef.h>
#include <stdint.h>

/* The number at *p; *p moves past it. */
static inline size_t hc_leb_get(const uint8_t **p)
{
	size_t v = 0;
	unsigned sh = 0;

	while (**p & 0x80) {
		v |= (size_t)(**p & 0x7F) << sh;
		sh += 7;
		(*p)++;
	}
	v |= (size_t)**p << sh;
	(*p)++;
	return v;
}

/* Writes v at o; returns its bytes. */
static inline size_t hc_leb_put(uint8_t *o, size_t v)
{
	size_t k = 0;

	while (v >= 0x80) {
		o[k++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	o[k++] = (uint8_t)v;
	return k;
}

/* The bytes v takes. */
static inline size_t hc_leb_len(size_t v)
{
	size_t k = 1;

	while (v >= 0x80) {
		v >>= 7;
		k++;
	}
	return k;
}

#endif
