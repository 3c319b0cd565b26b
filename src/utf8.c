/* utf8.c - decoding, graphemes, character classes, ASCII spellings, widths. */
#include "utf8.h"

#include <string.h>
#include <wchar.h>

#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

size_t hc_utf8_decode(const char *s, size_t n, hc_uc *uc, bool *bad)
{
	ucs4_t c = 0xfffd;
	int len = n ? u8_mbtoucr(&c, (const uint8_t *)s, n) : -1;
	bool b = len < 1;

	if (b) {
		c = 0xfffd;
		len = 1;
	}
	*uc = c;
	if (bad)
		*bad = b;
	return (size_t)len;
}

bool hc_utf8_is_continuation(unsigned char b)
{
	return (b & 0xc0) == 0x80;
}

size_t hc_utf8_grapheme(const char *s, size_t n)
{
	const uint8_t *b = (const uint8_t *)s, *nx;
	bool bad;
	hc_uc uc;

	if (n == 0)
		return 0;
	/* Fast path: ASCII followed by ASCII is a break, but for CR LF. */
	if (b[0] < 0x80 && b[0] != '\r' && (n == 1 || b[1] < 0x80))
		return 1;
	hc_utf8_decode(s, n, &uc, &bad);
	if (bad)
		return 1;
	nx = u8_grapheme_next(b, b + n);
	return nx && nx > b ? (size_t)(nx - b) : n;
}

bool hc_uc_is_control(hc_uc uc)
{
	return uc < 0x20 || (uc >= 0x7f && uc < 0xa0);
}

bool hc_uc_is_invisible(hc_uc uc)
{
	return uc == 0xad || uc == 0x34f || uc == 0x61c || uc == 0x115f || uc == 0x1160 ||
	       uc == 0x180e || uc == 0x3164 || uc == 0xffa0 || uc == 0xfeff ||
	       (uc >= 0x200b && uc <= 0x200f) || (uc >= 0x2028 && uc <= 0x202e) ||
	       (uc >= 0x2060 && uc <= 0x206f) || (uc >= 0xfff9 && uc <= 0xfffb) ||
	       (uc >= 0xe0000 && uc <= 0xe007f);
}

bool hc_uc_is_syllable(hc_uc uc)
{
	return uc >= 0xac00 && uc <= 0xd7a3;
}

bool hc_uc_is_jamo(hc_uc uc)
{
	return (uc >= 0x1100 && uc <= 0x11ff) || (uc >= 0x3130 && uc <= 0x318f) ||
	       (uc >= 0xa960 && uc <= 0xa97f) || (uc >= 0xd7b0 && uc <= 0xd7ff);
}

bool hc_uc_is_hangul(hc_uc uc)
{
	return hc_uc_is_syllable(uc) || hc_uc_is_jamo(uc);
}

bool hc_uc_is_compat_consonant(hc_uc uc)
{
	return uc >= 0x3131 && uc <= 0x314e;
}

const char *hc_uc_ascii(hc_uc uc)
{
	switch (uc) {
	case 0xa0: return " ";
	case 0xa7: return "sec.";
	case 0xb7: case 0x2022: case 0x2027: return "-";
	case 0xd7: return "x";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2015: case 0x2212:
		return "-";
	case 0x2014: return "--";
	case 0x2018: case 0x2019: case 0x201a: return "'";
	case 0x201c: case 0x201d: case 0x201e: return "\"";
	case 0x2026: return "...";
	case 0x2190: return "<-";
	case 0x2192: return "->";
	case 0x2260: return "!=";
	case 0x2264: return "<=";
	case 0x2265: return ">=";
	default: return NULL;
	}
}

int hc_uc_width(hc_uc uc)
{
	int w;

	if (uc >= 0x20 && uc < 0x7f)    /* printable ASCII: no table look-up */
		return 1;
	w = uc_width(uc, "UTF-8");

	return w < 0 ? 1 : w;
}

int hc_uc_wcwidth(hc_uc uc)
{
	return wcwidth((wchar_t)uc);
}
