/*
 * translit.c - English typed in Hangul (translit.h).
 */
#include "translit.h"

#include "kstem.h"

#include <stdbool.h>
#include <string.h>

/* Hangul spelling → the English word of a name. Each spelling is how the
 * word is said, as people write it; a word may have several. */
static const char *const words[][2] = {
	{ "낫", "not" }, { "놋", "not" }, { "파운드", "found" },
	{ "배드", "bad" }, { "베드", "bad" },
	{ "리퀘스트", "request" }, { "리퀘스츠", "requests" },
	{ "언오소라이즈드", "unauthorized" }, { "언어소라이즈드", "unauthorized" },
	{ "언오쏘라이즈드", "unauthorized" }, { "언오서라이즈드", "unauthorized" },
	{ "포비든", "forbidden" }, { "포비던", "forbidden" }, { "퍼비든", "forbidden" },
	{ "투", "too" }, { "매니", "many" }, { "메니", "many" },
	{ "노", "no" }, { "컨텐트", "content" }, { "콘텐트", "content" },
	{ "컨텐츠", "content" }, { "인터널", "internal" },
	{ "언어베일러블", "unavailable" }, { "언애베일러블", "unavailable" },
	{ "언에베일러블", "unavailable" },
	{ "얼라우드", "allowed" }, { "무브드", "moved" },
	{ "퍼머넌틀리", "permanently" }, { "퍼머넌트", "permanent" },
	{ "템퍼러리", "temporary" }, { "템포러리", "temporary" },
	{ "템퍼러릴리", "temporarily" }, { "템포러릴리", "temporarily" },
	{ "컨플릭트", "conflict" }, { "콘플릭트", "conflict" }, { "곤", "gone" },
	{ "라지", "large" }, { "렝스", "length" }, { "랭스", "length" },
	{ "리콰이어드", "required" }, { "리퀘어드", "required" },
	{ "프리컨디션", "precondition" }, { "페일드", "failed" },
	{ "언서포티드", "unsupported" }, { "레인지", "range" },
	{ "새티스파이어블", "satisfiable" }, { "익스펙테이션", "expectation" },
	{ "티팟", "teapot" }, { "언프로세서블", "unprocessable" }, { "엔티티", "entity" },
	{ "락드", "locked" }, { "록드", "locked" }, { "얼리", "early" },
	{ "필즈", "fields" }, { "리걸", "legal" }, { "리즌스", "reasons" },
	{ "리즌즈", "reasons" }, { "오케이", "ok" },
	{ "크리에이티드", "created" }, { "억셉티드", "accepted" }, { "액셉티드", "accepted" },
	{ "억셉터블", "acceptable" }, { "액셉터블", "acceptable" },
	{ "파셜", "partial" }, { "파샬", "partial" }, { "모디파이드", "modified" },
	{ "컨티뉴", "continue" }, { "스위칭", "switching" }, { "프로세싱", "processing" },
	{ "멀티플", "multiple" }, { "초이스", "choices" }, { "초이시스", "choices" },
	{ "씨", "see" }, { "아더", "other" }, { "어더", "other" }, { "유즈", "use" },
	{ "임플리멘티드", "implemented" }, { "임플리먼티드", "implemented" },
	{ "페이먼트", "payment" }, { "롱", "long" }, { "인서피션트", "insufficient" },
	{ "스토리지", "storage" }, { "디텍티드", "detected" },
	{ "미스디렉티드", "misdirected" }, { "디펜던시", "dependency" },
	{ "어센티케이션", "authentication" }, { "오센티케이션", "authentication" },
	{ "인핸스", "enhance" }, { "캄", "calm" },
	{ "얼레디", "already" }, { "올레디", "already" }, { "리포티드", "reported" },
	{ "힌츠", "hints" }, { "논어소리테이티브", "non-authoritative" },
	{ "밸리데이션", "validation" }, { "벨리데이션", "validation" },
	{ "언노운", "unknown" }, { "커넥션", "connection" }, { "클로즈드", "closed" },
	{ "타임드", "timed" }, { "아웃", "out" }, { "익시디드", "exceeded" },
	/* methods, formats and the names of protocols and servers */
	{ "겟", "get" }, { "포스트", "post" }, { "딜리트", "delete" },
	{ "제이슨", "json" }, { "폼", "form" }, { "이태그", "etag" },
	{ "익스펙트", "expect" }, { "퍼미션", "permission" },
	{ "레이트", "rate" }, { "리밋", "limit" }, { "리미트", "limit" },
	{ "레이트리밋", "rate limit" },
	{ "에이치티티피", "http" }, { "에이치티티피에스", "https" },
	{ "에스에스엘", "ssl" }, { "티엘에스", "tls" },
	{ "엔진엑스", "nginx" }, { "웹데브", "webdav" }, { "웹다브", "webdav" },
	{ "지알피씨", "grpc" },
};

static const char *english(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i][0]) == n && memcmp(s, words[i][0], n) == 0)
			return words[i][1];
	return NULL;
}

/* A spelling with a particle or an ending glued to it (겟으로, 제이슨이라서):
 * the spelling's English, the particle left out. A spelling of one
 * syllable is most often a Korean word (낫어요 is 났어요 mistyped, 노는 is
 * playing): only these take a particle. */
static const char *const glued_one[] = { "겟", "폼" };

static bool may_glue(const char *spelling)
{
	if (strlen(spelling) > 3)       /* two syllables or more */
		return true;
	for (size_t i = 0; i < sizeof glued_one / sizeof glued_one[0]; i++)
		if (strcmp(spelling, glued_one[i]) == 0)
			return true;
	return false;
}

static const char *english_glued(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t k = strlen(words[i][0]);

		if (k < n && memcmp(s, words[i][0], k) == 0 && may_glue(words[i][0]) &&
		    hc_query_is_ending(s + k, n - k))
			return words[i][1];
	}
	return NULL;
}

static bool is_blank(uint8_t c)
{
	return c == ' ' || c == '\t';
}

size_t hc_query_translit(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		size_t a = i;
		const char *w;

		if (is_blank(s[i])) {
			out[k++] = s[i++];
			continue;
		}
		while (i < n && !is_blank(s[i]))
			i++;
		w = english(s + a, i - a);
		if (!w)
			w = english_glued(s + a, i - a);
		if (w) {
			memcpy(out + k, w, strlen(w));
			k += strlen(w);
		} else {
			memcpy(out + k, s + a, i - a);
			k += i - a;
		}
	}
	return k;
}
