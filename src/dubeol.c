/*
 * dubeol.c - Hangul typed on the English layout (dubeol.h).
 */
#include "dubeol.h"

#include <stdbool.h>

/* A key: a consonant as its initial's index (0 ㄱ … 18 ㅎ, the order of
 * Unicode's syllable block) or a vowel as 32 + its medial's index (0 ㅏ …
 * 20 ㅣ); -1 for no jamo. */
#define VOWEL 32
static const signed char small[26] = {
	6, VOWEL + 17, 14, 11, 3, 5, 18, VOWEL + 8, VOWEL + 2, VOWEL + 4,      /* a-j */
	VOWEL + 0, VOWEL + 20, VOWEL + 18, VOWEL + 13, VOWEL + 1, VOWEL + 5,    /* k-p */
	7, 0, 2, 9, VOWEL + 6, 17, 12, 16, VOWEL + 12, 15,                       /* q-z */
};

static int key(uint8_t c)
{
	switch (c) {
	case 'Q': return 8;             /* ㅃ */
	case 'W': return 13;            /* ㅉ */
	case 'E': return 4;             /* ㄸ */
	case 'R': return 1;             /* ㄲ */
	case 'T': return 10;            /* ㅆ */
	case 'O': return VOWEL + 3;     /* ㅒ */
	case 'P': return VOWEL + 7;     /* ㅖ */
	default: break;
	}
	if (c >= 'A' && c <= 'Z')
		c = (uint8_t)(c - 'A' + 'a');
	return c >= 'a' && c <= 'z' ? small[c - 'a'] : -1;
}

static bool is_vowel(int k)
{
	return k >= VOWEL;
}

/* The vowel the layout composes from v then w, or -1. */
static int vowel_pair(int v, int w)
{
	static const signed char pairs[][3] = {
		{ 8, 0, 9 }, { 8, 1, 10 }, { 8, 20, 11 },       /* ㅘ ㅙ ㅚ */
		{ 13, 4, 14 }, { 13, 5, 15 }, { 13, 20, 16 },   /* ㅝ ㅞ ㅟ */
		{ 18, 20, 19 },                                 /* ㅢ */
	};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (pairs[i][0] == v && pairs[i][1] == w)
			return pairs[i][2];
	return -1;
}

/* An initial as a final (1 ㄱ … 27 ㅎ), or -1: ㄸ ㅃ ㅉ end no syllable. */
static int final_of(int c)
{
	static const signed char fin[19] = {
		1, 2, 4, 7, -1, 8, 16, 17, -1, 19, 20, 21, 22, -1, 23, 24, 25, 26, 27,
	};

	return fin[c];
}

/* The final the layout composes from initials c then d, or -1. */
static int final_pair(int c, int d)
{
	static const signed char pairs[][3] = {
		{ 0, 9, 3 }, { 2, 12, 5 }, { 2, 18, 6 }, { 5, 0, 9 }, { 5, 6, 10 },
		{ 5, 7, 11 }, { 5, 9, 12 }, { 5, 16, 13 }, { 5, 17, 14 }, { 5, 18, 15 },
		{ 7, 9, 18 },
	};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (pairs[i][0] == c && pairs[i][1] == d)
			return pairs[i][2];
	return -1;
}

size_t hc_dubeol_word(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t len = 0;

	for (size_t i = 0; i < n;) {
		int l = key(s[i]), v = i + 1 < n ? key(s[i + 1]) : -1, t = 0, w, x, p;
		unsigned cp;

		if (l < 0 || is_vowel(l) || v < 0 || !is_vowel(v))
			return 0;
		v -= VOWEL;
		i += 2;
		if (i < n && (w = key(s[i])) >= VOWEL && (w = vowel_pair(v, w - VOWEL)) >= 0) {
			v = w;
			i++;
		}
		/* a consonant before a vowel starts the next syllable */
		if (i < n && (w = key(s[i])) >= 0 && !is_vowel(w) &&
		    !(i + 1 < n && is_vowel(key(s[i + 1])))) {
			if ((t = final_of(w)) < 0)
				return 0;
			i++;
			x = i < n ? key(s[i]) : -1;
			if (x >= 0 && !is_vowel(x) && !(i + 1 < n && is_vowel(key(s[i + 1]))) &&
			    (p = final_pair(w, x)) >= 0) {
				t = p;
				i++;
			}
		}
		cp = 0xAC00u + ((unsigned)l * 21u + (unsigned)v) * 28u + (unsigned)t;
		out[len++] = (uint8_t)(0xE0 | (cp >> 12));
		out[len++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
		out[len++] = (uint8_t)(0x80 | (cp & 0x3F));
	}
	return len;
}

static bool is_letter(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_space(uint8_t c)
{
	return c == ' ' || c == '\t';
}

/* s[0..n) with each token of letters spelled in Hangul into out: its
 * length, or 0 when a token spells no syllables. With check, only whether
 * every one does (1), out being scratch. */
static size_t rewrite(const uint8_t *s, size_t n, uint8_t *out, bool check)
{
	size_t len = 0;

	for (size_t i = 0; i < n;) {
		size_t j = i, k;
		bool letters = true;

		while (j < n && !is_space(s[j])) {
			letters = letters && is_letter(s[j]);
			j++;
		}
		if (j > i && letters) {
			k = hc_dubeol_word(s + i, j - i, out + len);
			if (k == 0)
				return 0;
			if (!check)
				len += k;
		} else if (!check) {
			for (size_t m = i; m < j; m++)
				out[len++] = s[m];
		}
		for (i = j; i < n && is_space(s[i]); i++)
			if (!check)
				out[len++] = s[i];
	}
	return check ? 1 : len;
}

size_t hc_query_dubeol(const uint8_t *s, size_t n, uint8_t *out)
{
	bool ascii = true;

	for (size_t i = 0; i < n; i++)
		ascii = ascii && s[i] < 0x80;
	/* typed in English mode throughout (a query with Hangul has its
	 * acronyms typed on purpose: DNS, TLS), every word of letters
	 * spelling syllables, or the query stays */
	if (!ascii || rewrite(s, n, out, true) == 0) {
		for (size_t i = 0; i < n; i++)
			out[i] = s[i];
		return n;
	}
	return rewrite(s, n, out, false);
}

/* ---- the other way: English typed with the layout in Korean mode ------- */

/* The keys of each jamo, by compatibility jamo (U+3131 ㄱ … U+3163 ㅣ):
 * consonants and their pairs, then the vowels and theirs. */
static const char *const jamo_keys[51] = {
	"r", "R", "rt", "s", "sw", "sg", "e", "E", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg",
	"a", "q", "Q", "qt", "t", "T", "d", "w", "W", "c", "z", "x", "v", "g",
	"k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n", "nj", "np", "nl",
	"b", "m", "ml", "l",
};

/* A syllable's initials and finals as compatibility jamo (offsets from
 * U+3131): the 19 initials, and the 27 finals after none. */
static const unsigned char initial_jamo[19] = {
	0, 1, 3, 6, 7, 8, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
};
static const unsigned char final_jamo[28] = {
	0, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 25, 26,
	27, 28, 29,
};

static size_t put_keys(uint8_t *out, unsigned jamo)
{
	const char *k = jamo_keys[jamo];
	size_t n = 0;

	for (; k[n]; n++)
		out[n] = (uint8_t)(k[n] | 0x20);        /* search folds case */
	return n;
}

/* The code point of the three-byte UTF-8 sequence at s, or 0. */
static unsigned three(const uint8_t *s, size_t n)
{
	if (n < 3 || (s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

static bool is_jamo(unsigned c)
{
	return c >= 0x3131 && c <= 0x3163;
}

static bool is_syllable(unsigned c)
{
	return c >= 0xAC00 && c <= 0xD7A3;
}

size_t hc_query_dubeol_keys(const uint8_t *s, size_t n, uint8_t *out)
{
	bool vowel = false;
	size_t len = 0;

	/* a vowel standing alone (ㅜㅐㅅ): no Korean word, nor 초성, has one */
	for (size_t i = 0; i + 3 <= n; i++) {
		unsigned c = three(s + i, n - i);

		vowel = vowel || (c >= 0x314F && c <= 0x3163);
	}
	for (size_t i = 0; i < n;) {
		size_t j = i;
		bool hangul = true;

		while (j < n && !is_space(s[j])) {
			unsigned c = three(s + j, n - j);

			hangul = hangul && (is_jamo(c) || is_syllable(c));
			j += c ? 3 : 1;
		}
		if (j > n)
			j = n;
		if (vowel && j > i && hangul) {
			for (size_t m = i; m < j; m += 3) {
				unsigned c = three(s + m, j - m);

				if (is_jamo(c)) {
					len += put_keys(out + len, c - 0x3131);
					continue;
				}
				c -= 0xAC00;
				len += put_keys(out + len, initial_jamo[c / 588]);
				len += put_keys(out + len, 30 + c / 28 % 21);
				if (c % 28)
					len += put_keys(out + len, final_jamo[c % 28]);
			}
		} else {
			for (size_t m = i; m < j; m++)
				out[len++] = s[m];
		}
		for (i = j; i < n && is_space(s[i]); i++)
			out[len++] = s[i];
	}
	return len;
}
