/*
 * numword.c - a status code said in words (numword.h).
 */
#include "numword.h"

#include <stdbool.h>
#include <string.h>

/* ---- Sino-Korean numerals ----------------------------------------------- */

/* The digit a syllable stands for (공 and 영 are zero), or -1. Every
 * syllable is three bytes of UTF-8. */
static int ko_digit(const uint8_t *s, size_t n)
{
	static const char *const syl[] = {
		"공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "영",
	};

	if (n < 3)
		return -1;
	for (int i = 0; i < 11; i++)
		if (memcmp(s, syl[i], 3) == 0)
			return i == 10 ? 0 : i;
	return -1;
}

static bool ko_is(const uint8_t *s, size_t n, const char *syl)
{
	return n >= 3 && memcmp(s, syl, 3) == 0;
}

/* A code in Sino-Korean numerals at s: its value in *v and the bytes it
 * takes, or 0. */
static size_t ko_number(const uint8_t *s, size_t n, int *v)
{
	int d = ko_digit(s, n), t, o;
	size_t i;

	if (d < 1 || d > 5)
		return 0;
	if (ko_is(s + 3, n - 3, "백")) {       /* 사백, 사백사, 사백이십구 */
		*v = d * 100;
		i = 6;
		t = ko_digit(s + i, n - i);
		if (t >= 1 && ko_is(s + i + 3, n - i - 3, "십")) {
			*v += t * 10;
			i += 6;
		} else if (ko_is(s + i, n - i, "십")) {
			*v += 10;
			i += 3;
		}
		o = ko_digit(s + i, n - i);
		if (o >= 1) {
			*v += o;
			i += 3;
		}
		return i;
	}
	if (n < 9)                              /* 사공사, 오공삼, 이공공 */
		return 0;
	t = ko_digit(s + 3, n - 3);
	o = ko_digit(s + 6, n - 6);
	if (t < 0 || o < 0)
		return 0;
	/* Without a zero (사이구, 오이이), only as a word of its own, and not
	 * a count (일이삼) or a span of days (사오일, 이삼일). */
	if (t != 0 && o != 0 &&
	    ((n > 9 && s[9] != ' ') || (t == d + 1 && (o == t + 1 || o == 1))))
		return 0;
	*v = d * 100 + t * 10 + o;
	return 9;
}

/* ---- English number words ----------------------------------------------- */

enum { W_NONE = -1, W_AND = -2, W_HUNDRED = -3, W_OH = -4 };

/* What an English word (lower case) is: 0-19, 20, 30 … 90, or a W_ value. */
static int en_value(const uint8_t *w, size_t n)
{
	static const char *const small[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen",
	};
	static const char *const tens[] = {
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
	};
	char low[16];

	if (n == 0 || n >= sizeof low)
		return W_NONE;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	low[n] = 0;
	for (int i = 0; i < 20; i++)
		if (!strcmp(low, small[i]))
			return i;
	for (int i = 0; i < 8; i++)
		if (!strcmp(low, tens[i]))
			return 20 + 10 * i;
	if (!strcmp(low, "hundred"))
		return W_HUNDRED;
	if (!strcmp(low, "and"))
		return W_AND;
	if (!strcmp(low, "oh") || !strcmp(low, "o"))
		return W_OH;
	return W_NONE;
}

static bool is_letter(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The words of s from i on, each a run of letters, separated by spaces
 * only; at most 6 of them, with their values and where each ends. */
struct words {
	int v[6];
	size_t end[6];
	int n;
};

static void read_words(const uint8_t *s, size_t n, size_t i, struct words *w)
{
	w->n = 0;
	while (w->n < 6 && i < n && is_letter(s[i])) {
		size_t a = i;

		while (i < n && is_letter(s[i]))
			i++;
		if (i < n && (s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9')))
			break;          /* glued to something else: not a word here */
		w->v[w->n] = en_value(s + a, i - a);
		w->end[w->n++] = i;
		if (i + 1 < n && (s[i] == ' ' || s[i] == '-') && is_letter(s[i + 1]))
			i++;            /* "four oh four", "four-oh-four" */
		else
			break;
	}
}

/* A number below 100 in words at w->v[k]: its value, and *k past it. */
static int en_below_100(const struct words *w, int *k)
{
	int x;

	if (*k >= w->n || w->v[*k] < 1)
		return -1;
	x = w->v[(*k)++];
	if (x >= 20 && *k < w->n && w->v[*k] >= 1 && w->v[*k] <= 9)
		x += w->v[(*k)++];
	return x;
}

/* A code in English words at s[i]: its value in *v and where it ends, or 0. */
static size_t en_number(const uint8_t *s, size_t n, size_t i, int *v)
{
	struct words w;
	int k = 2, x;

	read_words(s, n, i, &w);
	if (w.n < 2 || w.v[0] < 1 || w.v[0] > 5)
		return 0;
	*v = w.v[0] * 100;
	if (w.v[1] == W_HUNDRED) {              /* five hundred (and) four */
		if (k < w.n && w.v[k] == W_AND && k + 1 < w.n && w.v[k + 1] >= 1)
			k++;
		x = en_below_100(&w, &k);
		if (x > 0)
			*v += x;
		else
			k = 2;
		return w.end[k - 1];
	}
	if ((w.v[1] == W_OH || (w.v[1] >= 0 && w.v[1] <= 9)) && w.n >= 3 && w.v[2] >= 0 &&
	    w.v[2] <= 9 && !(w.v[1] == w.v[0] + 1 && w.v[2] == w.v[1] + 1)) {
		/* four oh four, four one three; not counting: one two three */
		*v += (w.v[1] == W_OH ? 0 : w.v[1]) * 10 + w.v[2];
		return w.end[2];
	}
	k = 1;
	x = en_below_100(&w, &k);               /* four twenty nine */
	if (x < 10)
		return 0;
	*v += x;
	return w.end[k - 1];
}

/* ---- the rewrite ----------------------------------------------------------- */

size_t hc_numword_rewrite(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		bool start = i == 0 || s[i - 1] == ' ';
		size_t end = 0;
		int v = 0;

		if (start && s[i] >= 0x80) {
			size_t len = ko_number(s + i, n - i, &v);

			end = len ? i + len : 0;
		} else if (start && is_letter(s[i])) {
			end = en_number(s, n, i, &v);
		}
		if (end && v >= 100 && v <= 599) {
			out[k++] = (uint8_t)('0' + v / 100);
			out[k++] = (uint8_t)('0' + v / 10 % 10);
			out[k++] = (uint8_t)('0' + v % 10);
			i = end;
			continue;
		}
		out[k++] = s[i++];
	}
	return k;
}
