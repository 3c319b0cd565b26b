/* kspace.c - Korean typed without its spaces, spaced again (kspace.h). */
#include "kspace.h"

#include <stdbool.h>
#include <string.h>

static const char *const particles[] = {
	"이", "가", "을", "를", "은", "는", "에", "도", "서",
};

/* Two syllables that start a word with a particle syllable: no cut
 * between them (클라이언트, 사용가능, 프록시서버, 도메인). */
static const char *const joined[] = {
	"이언", "이메", "이브", "이미", "이상", "이용", "이동", "이트", "가능", "가입",
	"도메", "도록", "서버", "서비", "서명", "에러", "는데", "은데",
};

static const char *const adverbs[] = {
	"너무", "안", "못", "잘", "다시", "계속", "아직", "자꾸", "그냥", "진짜", "정말",
};

/* Whether s[i..i+3) is a Hangul syllable (U+AC00..U+D7A3). */
static bool syllable_at(const uint8_t *s, size_t n, size_t i)
{
	unsigned c;

	if (i + 3 > n || (s[i] & 0xF0) != 0xE0)
		return false;
	c = (unsigned)(s[i] & 0x0F) << 12 | (unsigned)(s[i + 1] & 0x3F) << 6 |
	    (unsigned)(s[i + 2] & 0x3F);
	return c >= 0xAC00 && c <= 0xD7A3;
}

static bool is_one_of(const char *const *list, size_t count, const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return true;
	return false;
}

/* The length in bytes of the adverb starting at syllable k of the run
 * r[0..len) (3 bytes a syllable), or 0. */
static size_t adverb_at(const uint8_t *r, size_t len, size_t k)
{
	for (size_t i = 0; i < sizeof adverbs / sizeof *adverbs; i++) {
		size_t a = strlen(adverbs[i]);

		if (3 * k + a <= len && memcmp(r + 3 * k, adverbs[i], a) == 0)
			return a;
	}
	return 0;
}

/* The syllable of r at byte i as a code point. */
static unsigned code_at(const uint8_t *r, size_t i)
{
	return (unsigned)(r[i] & 0x0F) << 12 | (unsigned)(r[i + 1] & 0x3F) << 6 |
	       (unsigned)(r[i + 2] & 0x3F);
}

/* Whether syllable k of the run r[0..len) is 때 after a verb's ㄹ (할때,
 * 중일때, 올라갈때), with two syllables at least before it since `last`;
 * not 때문 (because). */
static bool when_at(const uint8_t *r, size_t len, size_t k, size_t last)
{
	return k >= last + 2 && memcmp(r + 3 * k, "때", 3) == 0 &&
	       (code_at(r, 3 * (k - 1)) - 0xAC00u) % 28u == 8u &&       /* final ㄹ */
	       !(3 * (k + 1) + 3 <= len && memcmp(r + 3 * (k + 1), "문", 3) == 0);
}

/* Spaces one run r[0..len) of syllables into out; returns bytes written. */
static size_t space_run(const uint8_t *r, size_t len, uint8_t *out)
{
	size_t syl = len / 3, k = 0, last = 0;       /* last: syllable after the last cut */
	size_t w = 0;
	bool cut_after = false;

	if (syl < KSPACE_MIN_WHEN) {
		memcpy(out, r, len);
		return len;
	}
	while (k < syl) {
		size_t a = syl >= KSPACE_MIN ? adverb_at(r, len, k) : 0;

		if (a == 3 && k - last < 2)     /* 안, 못, 잘 inside a word: 보안, 불안 */
			a = 0;
		if (cut_after && k > last) {
			out[w++] = ' ';
			last = k;
		}
		cut_after = false;
		if (when_at(r, len, k, last)) {         /* before 때 */
			out[w++] = ' ';
			last = k;
		}
		if (a && k - last >= 2) {               /* before an adverb */
			out[w++] = ' ';
			last = k;
		}
		if (a) {
			memcpy(out + w, r + 3 * k, a);
			w += a;
			k += a / 3;
			cut_after = syl - k >= 2;       /* after it */
			continue;
		}
		memcpy(out + w, r + 3 * k, 3);
		w += 3;
		if (syl >= KSPACE_MIN && k + 1 - last >= 3 && syl - (k + 1) >= 2 &&
		    is_one_of(particles, sizeof particles / sizeof *particles, r + 3 * k, 3) &&
		    !is_one_of(joined, sizeof joined / sizeof *joined, r + 3 * k, 6))
			cut_after = true;
		k++;
	}
	return w;
}

size_t hc_query_kspace(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t i = 0, w = 0;

	while (i < n) {
		size_t a = i;

		while (i < n && syllable_at(s, n, i))
			i += 3;
		if (i > a) {
			w += space_run(s + a, i - a, out + w);
			continue;
		}
		out[w++] = s[i++];
	}
	return w;
}
