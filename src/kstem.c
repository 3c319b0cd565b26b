/* kstem.c - the stem of a Korean query word (kstem.h). */
#include "kstem.h"

#include <stdbool.h>
#include <string.h>

/* Particles and final endings (step 1). Any order: the longest that fits
 * is taken. Sentence endings as people type them in questions and as
 * Korean pages word their messages (…되었습니다, …합니다, …입니다). */
static const char *const endings[] = {
	/* particles */
	"이", "가", "을", "를", "은", "는", "에", "로", "와", "과", "도", "의", "만",
	"에서", "으로", "에게", "한테", "부터", "까지", "처럼", "이나", "이랑", "에는",
	"에서는", "이라고", "라고", "이요", "요", "이라서", "라서", "이라며", "라며",
	"이라는", "라는", "인데", "이래요", "이라", "다고", "이라도", "라도", "이면", "이니",
	"이니까", "이고", "이어서",
	/* endings of 하다 / 되다 / 이다 and of verbs in general */
	"습니다", "습니까", "합니다", "합니까", "됩니다", "됩니까", "입니다", "입니까",
	"었습니다", "았습니다", "였습니다", "했습니다", "됐습니다", "겠습니다", "당했습니다",
	"어요", "아요", "여요", "에요", "예요", "이에요", "었어요", "았어요", "였어요",
	"했어요", "됐어요", "당했어요", "해요", "돼요", "네요", "대요", "래요", "나요",
	"었고", "았고", "였고", "했고", "됐고", "었는데", "았는데", "했는데", "됐는데",
	"는데", "니까", "하니까", "더니", "했더니", "하면", "으면", "면", "해서", "돼서",
	"어서", "아서", "하세요", "했을", "할", "일", "된", "됨", "인", "함", "했음", "됐음",
	"당함", "당했음", "하는", "했다", "됐다", "었다", "이다", "한다", "된다",
	/* the plain form and what is quoted with it: 필요하다, 필요하다는 */
	"다", "다는", "다며", "다면", "다는데", "다는데요",
	"하고", "되고", "하지", "되지", "한", "거나", "려고", "려는데", "하려고", "하려는데",
	"어", "었", "되어", "되었", "어있", "어있는", "어있지",
	/* the past before a noun: 생성되었을 때, 삭제됐던 */
	"었을", "았을", "였을", "됐을", "었던", "았던", "였던", "했던", "됐던",
	/* 나다 after a noun: 충돌났어요, 에러났습니다 */
	"났어요", "났습니다", "났음", "났다", "났는데", "났고", "나서",
	/* and its casual written form: 시간초과남, 에러남 */
	"남",
};

/* Syllables that make a verb of the noun before them (step 2). */
static const char *const verbers[] = {
	"되", "하", "해", "돼", "됐", "했", "당하", "당해", "당했", "시키", "시켜",
};

/* Whether 이 may start a suffix after s[0..n): the particle 이 and the
 * copula's 이라고, 이라서 … follow a Hangul syllable only when it has a final
 * consonant (게이트웨이라는 is 게이트웨이 + 라는, not 게이트웨 + 이라는);
 * after anything else (Content-Type이) they may. */
static bool after_consonant(const uint8_t *s, size_t n)
{
	unsigned c;

	if (n < 3 || (s[n - 3] & 0xF0) != 0xE0)
		return true;
	c = (unsigned)(s[n - 3] & 0x0F) << 12 | (unsigned)(s[n - 2] & 0x3F) << 6 |
	    (unsigned)(s[n - 1] & 0x3F);
	return c < 0xAC00 || c > 0xD7A3 || (c - 0xAC00) % 28 != 0;
}

/* Whether the ending e (k bytes) is the copula with an ending of its own
 * (이라, 이니까, 인데): after a noun of one syllable it comes off too, as in
 * 점검 중이라, 처리 중이니까 (the particle 이 alone does not). */
static bool copula(const char *e, size_t k)
{
	return k >= 6 && (memcmp(e, "이", 3) == 0 || memcmp(e, "인", 3) == 0);
}

static size_t syllables(size_t bytes)
{
	return bytes / 3;       /* Hangul syllables are three bytes each */
}

/* The longest suffix of s[0..n) from list that leaves at least `keep`
 * syllables (one before a suffix of three syllables or more when keep is
 * 2; keep 0 lets the suffix be the whole word); 0 when none fits. */
static size_t longest(const char *const *list, size_t count, const uint8_t *s, size_t n,
                      size_t keep)
{
	size_t best = 0;

	for (size_t i = 0; i < count; i++) {
		size_t k = strlen(list[i]);
		size_t need = keep == 2 && (syllables(k) >= 3 || copula(list[i], k)) ? 1 : keep;

		if (k > best && n >= k + 3 * need && memcmp(s + n - k, list[i], k) == 0 &&
		    (memcmp(list[i], "이", 3) != 0 || after_consonant(s, n - k)))
			best = k;
	}
	return best;
}

size_t hc_query_stem(const uint8_t *s, size_t n)
{
	size_t k = longest(endings, sizeof endings / sizeof *endings, s, n, 2);

	size_t v;

	if (k == 0)
		return n;
	/* 되었습니다 alone: what is left (되) is no stem but a verb's. */
	v = longest(verbers, sizeof verbers / sizeof *verbers, s, n - k, 0);
	if (v == n - k)
		return n;
	return n - k - longest(verbers, sizeof verbers / sizeof *verbers, s, n - k, 2);
}

bool hc_query_is_ending(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < sizeof endings / sizeof *endings; i++)
		if (strlen(endings[i]) == n && memcmp(s, endings[i], n) == 0)
			return true;
	return false;
}

bool hc_query_is_particle(const uint8_t *s, size_t n)
{
	/* the particles of step 1 that follow a noun, and the spoken 하고 and
	 * 랑 (A하고 B, A랑 B) */
	static const char *const particles[] = {
		"이", "가", "을", "를", "은", "는", "에", "로", "와", "과", "도", "의",
		"에서", "으로", "에게", "한테", "부터", "까지", "처럼", "이랑", "랑", "하고",
	};

	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (strlen(particles[i]) == n && memcmp(s, particles[i], n) == 0)
			return true;
	return false;
}
