/*
 * hangul.c - 초성 look-up and syllable-array matching (hangul.h); the
 * character classes and decoding are utf8.h's.
 */
#include "hangul.h"

#include "chars.h"


/* The 초성 index (0 = ㄱ … 18 = ㅎ) a typed consonant stands for, or -1.
 * Final-only clusters (ㄳ, ㄺ …) never begin a syllable. */
int hc_initial_of_jamo(ucs4_t c)
{
	static const signed char compat[30] = {  /* U+3131 ㄱ … U+314E ㅎ */
		0, 1, -1, 2, -1, -1, 3, 4, 5,
		-1, -1, -1, -1, -1, -1, -1,
		6, 7, 8, -1, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
	};

	if (hc_uc_is_compat_consonant(c))
		return compat[c - 0x3131];
	if (c >= 0x1100 && c <= 0x1112)  /* conjoining initials (NFD input) */
		return (int)(c - 0x1100);
	return -1;
}

bool hc_has_hangul(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		hc_uc c;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		i += hc_utf8_decode((const char *)s + i, n - i, &c, NULL);
		if (hc_uc_is_hangul(c))
			return true;
	}
	return false;
}

/* Spaces vanish but mark the next syllable as a word start; any other
 * character is a break. */
size_t hc_syllables(const uint8_t *s, size_t n, uint16_t *syl, uint16_t *at, uint8_t *word)
{
	size_t ns = 0;
	bool start = true;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t k;

		/* the common cases decoded inline: ASCII, and a syllable (3 bytes,
		 * lead EA to ED); anything else through the checked decoder */
		if (s[i] < 0x80) {
			c = s[i];
			k = 1;
		} else if (s[i] >= 0xEA && s[i] <= 0xED && n - i >= 3 &&
		           (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			c = (ucs4_t)(s[i] & 0x0F) << 12 | (ucs4_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
			k = 3;
		} else {
			k = hc_utf8_decode((const char *)s + i, n - i, &c, NULL);
		}
		if (hc_uc_is_syllable(c)) {
			syl[ns] = (uint16_t)(c - 0xAC00);
			at[ns] = (uint16_t)i;
			word[ns++] = start;
			start = false;
		} else if (hc_is_space(c)) {
			start = true;
		} else {
			if (ns > 0 && syl[ns - 1] != HC_SYL_BREAK) {
				syl[ns] = HC_SYL_BREAK;
				at[ns] = (uint16_t)i;
				word[ns++] = 0;
			}
			start = true;
		}
		i += k;
	}
	return ns;
}

bool hc_jamo_fits(uint16_t want, uint16_t syl)
{
	if (syl == HC_SYL_BREAK)
		return false;
	if (want & HC_JAMO_INITIAL)
		return syl / HC_SYL_PER_INITIAL == (want & 0xFFu);
	return syl == want;
}

bool hc_syl_find(const uint16_t *syl, const uint8_t *word, size_t n, const uint16_t *want,
                 size_t k, bool in_word, size_t *at, bool *whole)
{
	bool found = false;

	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;

		if (in_word && !word[i])
			continue;
		while (j < k && hc_jamo_fits(want[j], syl[i + j]) && !(in_word && j > 0 && word[i + j]))
			j++;
		if (j == k && (!found || word[i])) {
			*at = i;
			*whole = word[i];       /* 많은 is ㅁㅇ, 너무 이른 is not */
			found = true;
			if (*whole)
				return true;
		}
	}
	return found;
}

bool hc_syl_typo(const uint16_t *syl, size_t n, const uint16_t *want,
                 size_t k, size_t *at)
{
	for (size_t i = 0; i + k <= n; i++) {
		unsigned miss = 0;

		for (size_t j = 0; j < k && miss < 2; j++) {
			uint16_t a = syl[i + j], c = want[j];

			if (a == HC_SYL_BREAK)
				miss = 2;
			else if (a != c && k == 2)      /* the final (만은, 많은) or the
			                                   vowel (권환, 권한) alone */
				miss += a / HC_SYL_FINALS == c / HC_SYL_FINALS ||
				        (a / HC_SYL_PER_INITIAL == c / HC_SYL_PER_INITIAL &&
				         a % HC_SYL_FINALS == c % HC_SYL_FINALS) ? 1 : 2;
			else if (a != c)
				miss += a / HC_SYL_PER_INITIAL == c / HC_SYL_PER_INITIAL ? 1 : 2;
		}
		if (miss == 1) {
			*at = i;
			return true;
		}
	}
	return false;
}
