/*
 * qwords.c - the words of a query (qwords.h): which can be left out, and
 * the other spellings people type for the table's words.
 */
#include "qwords.h"

#include <string.h>

#include "kstem.h"

static const char *const noise[] = {
	"a", "an", "the", "is", "are", "was", "what", "whats", "what's", "which", "why",
	"how", "does", "do", "did", "mean", "means", "meaning", "code", "codes", "status",
	"http", "https", "error", "errors", "err", "response", "return", "returns",
	"returned", "get", "got", "getting", "for", "of", "to", "in", "on", "at", "with",
	"when", "i", "my", "me", "it", "this", "that", "and", "or", "please", "sc", "res",
	"should", "use", "best", "correct", "right", "proper", "appropriate", "respond",
	"reply", "give", "if", "be", "you", "we", "can", "will", "would", "there", "after",
	"before", "during", "while", "whilst", "from", "by", "about", "as", "so", "but", "than", "then",
	"also", "just", "still", "some", "any", "api", "user", "users", "someone", "receive",
	"received", "receiving", "see", "seeing", "shows", "showing", "happens", "happen",
	"occurs", "occurred", "appear", "appears", "sends", "say", "says", "said", "tell",
	"tells", "situation", "scenario", "has", "have", "had", "were", "been", "its", "your",
	"their", "want", "wants", "know", "tries", "trying", "tried",
	"abort", "raise", "throw", "send", "title", "requested",
	"because", "due", "since", "suddenly", "immediately", "really", "always",
	"sometimes", "again", "anymore", "actually", "somehow", "randomly",
	"에러", "오류", "코드", "상태", "상태코드", "에러코드", "오류코드", "응답", "뭐", "뭐야",
	"뭔가요", "무엇", "무슨", "어떤", "뜻", "의미", "이란", "란", "왜", "어떻게", "해결",
	"방법", "해결법", "발생", "나요", "떠요", "뜸", "나옴", "경우", "때", "몇", "번", "몇번",
	"줘야", "줘야함", "함", "보내는", "보내야", "보냈을", "보낼", "하나요", "되나요", "인가요",
	"써야", "쓰나요", "반환", "리턴", "상황", "할", "일", "해", "해야", "해야함", "하나",
	"하죠", "줘요", "주나요", "주면", "돼", "되나", "쓰는", "코드는", "번호", "응답코드",
	"상태값", "발생했습니다", "발생함", "났어요", "났습니다", "떴어요", "떴습니다", "나와요",
	"나옵니다", "뜹니다", "뜨네요", "나는", "사용자", "유저",
	"시", "해요", "돼요", "했어요", "됐어요", "있어요", "주세요", "때문에", "뭐가", "뭘",
	"어느", "맞나요", "맞는", "적절한", "알맞은", "올바른", "할까요", "좋을까요", "건가요",
	"코드를", "코드가", "상태코드를", "상태코드가", "응답코드를", "응답코드가", "응답을",
	"응답이", "에러를", "에러가", "오류를", "오류가", "궁금합니다", "궁금해요", "내려주나요",
	"내려줘야", "돌려줘야", "돌려주나요", "뭘로", "몇으로", "중인", "중에", "도중에", "사용",
	"수", "해당",
	/* spoken fillers */
	"라고", "이라고", "좀", "야", "추천", "땐", "그냥", "진짜", "정말", "자꾸", "혹시", "근데", "이거", "이게", "그거", "거",
};

bool hc_query_is_noise(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
		if (strlen(noise[i]) == n && memcmp(noise[i], s, n) == 0)
			return true;
	return false;
}

/* British spellings people type, as the table spells them (American):
 * -ise/-ised/-ises/-ising/-isation → -ize…/-ization, -our/-ours → -or/-ors,
 * -lled/-lling → -led/-ling, -yse → -yze, -ence → -ense, -tre → -ter,
 * -ogue → -og, -mme → -m; and a few whole words (fulfil, judgement,
 * whilst …). */
size_t hc_query_american(const uint8_t *s, size_t n, uint8_t *out, size_t cap)
{
	/* Whole words no ending rule covers. */
	static const char *const words[][2] = {
		{ "fulfil", "fulfill" }, { "fulfils", "fulfills" }, { "fulfilment", "fulfillment" },
		{ "enrol", "enroll" }, { "enrolment", "enrollment" }, { "instal", "install" },
		{ "instalment", "installment" }, { "judgement", "judgment" },
		{ "acknowledgement", "acknowledgment" }, { "artefact", "artifact" },
		{ "whilst", "while" }, { "amongst", "among" }, { "towards", "toward" },
		{ "learnt", "learned" }, { "spelt", "spelled" }, { "grey", "gray" },
		{ "cheque", "check" }, { "sceptical", "skeptical" }, { "ageing", "aging" },
		{ "storey", "story" }, { "kerb", "curb" }, { "tyre", "tire" },
		{ "rubbish", "garbage" },
	};
	static const char *const ends[][2] = {
		{ "isations", "izations" }, { "isation", "ization" }, { "ising", "izing" },
		{ "ised", "ized" }, { "ises", "izes" }, { "iser", "izer" }, { "ise", "ize" },
		{ "ours", "ors" }, { "our", "or" }, { "lled", "led" }, { "lling", "ling" },
		{ "ysed", "yzed" }, { "ysing", "yzing" }, { "yse", "yze" }, { "ence", "ense" }, { "tre", "ter" },
		{ "ogue", "og" }, { "mme", "m" },
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t b = strlen(words[i][1]);

		if (strlen(words[i][0]) == n && memcmp(s, words[i][0], n) == 0 && b <= cap) {
			memcpy(out, words[i][1], b);
			return b;
		}
	}
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t a = strlen(ends[i][0]), b = strlen(ends[i][1]);

		/* Keep 3 letters before the ending: "rise", "wise", "four" stay. */
		if (n < a + 3 || memcmp(s + n - a, ends[i][0], a) != 0 || n - a + b > cap)
			continue;
		memcpy(out, s, n - a);
		memcpy(out + n - a, ends[i][1], b);
		return n - a + b;
	}
	return 0;
}

/* An English word without a plural, past or -ing ending, when the word as
 * typed is not found: "lacks" finds "lack", "retries" "retry". */
size_t hc_query_stem_en(const uint8_t *s, size_t n)
{
	if (n >= 6 && memcmp(s + n - 3, "ing", 3) == 0)
		return n - 3;
	if (n >= 5 && memcmp(s + n - 2, "ed", 2) == 0)
		return n - 2;
	if (n >= 4 && s[n - 1] == 's' && s[n - 2] != 's')
		return n - 1;
	return n;
}

bool hc_query_negated(const uint8_t *s, size_t n)
{
	/* "n't" or "n’t" (U+2019 is E2 80 99) after at least one letter */
	if (n >= 4 && memcmp(s + n - 3, "n't", 3) == 0)
		return true;
	return n >= 6 && memcmp(s + n - 5, "n\xe2\x80\x99t", 5) == 0;
}

size_t hc_query_possessive(const uint8_t *s, size_t n)
{
	/* "'s" or "’s" after at least two bytes of the word */
	if (n >= 4 && memcmp(s + n - 2, "'s", 2) == 0)
		return n - 2;
	if (n >= 6 && memcmp(s + n - 4, "\xe2\x80\x99s", 4) == 0)
		return n - 4;
	return 0;
}

void hc_query_respell(uint8_t *s, size_t n)
{
	/* 됬 (U+B42C, EB 90 AC) → 됐 (U+B410, EB 90 90) */
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == 0xEB && s[i + 1] == 0x90 && s[i + 2] == 0xAC)
			s[i + 2] = 0x90;
}

/* Korean spellings people type for the table's words (loanword variants):
 * the table writes 콘텐츠, 메서드, 메시지, 애플리케이션, 리디렉션. Korean
 * terms are matched with the spaces of the text ignored, so no space here. */
static const char *const variants[][2] = {
	{ "컨텐츠", "콘텐츠" }, { "메소드", "메서드" }, { "메세지", "메시지" },
	{ "어플리케이션", "애플리케이션" }, { "어플", "애플리케이션" },
	{ "리다이렉션", "리디렉션" }, { "리다이렉트", "리디렉션" }, { "리디렉트", "리디렉션" },
	{ "타임아웃", "시간초과" }, { "써버", "서버" }, { "헤더값", "헤더" },
	/* spoken "there is none": the table writes 없음 */
	{ "없어요", "없음" }, { "없대요", "없음" }, { "없네요", "없음" }, { "없다고", "없음" },
	{ "없을", "없음" }, { "없대", "없음" }, { "없다", "없음" }, { "없는", "없음" },
};

/* Short and transliterated words for the table's, as a whole word (a
 * particle may follow): 클라 is 클라이언트, but 클라우드 stays. */
static const char *const words[][2] = {
	{ "클라", "클라이언트" }, { "비번", "비밀번호" }, { "인터널", "내부" },
	{ "리퀘스트", "요청" }, { "리스폰스", "응답" }, { "포비든", "금지" },
	/* textbooks say 자원 for resource; the table writes 리소스 */
	{ "자원", "리소스" },
};

size_t hc_query_variant(const uint8_t *s, size_t n, uint8_t *out, size_t cap)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t a = strlen(words[i][0]), b = strlen(words[i][1]);

		if (n >= a && memcmp(s, words[i][0], a) == 0 && b <= cap &&
		    (n == a || hc_query_stem(s, n) == a)) {
			memcpy(out, words[i][1], b);
			return b;
		}
	}
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		size_t a = strlen(variants[i][0]), b = strlen(variants[i][1]);
		const uint8_t *p = n >= a ? memmem(s, n, variants[i][0], a) : NULL;
		size_t at;

		if (!p || n - a + b > cap)
			continue;
		at = (size_t)(p - s);
		memcpy(out, s, at);
		memcpy(out + at, variants[i][1], b);
		memcpy(out + at + b, s + at + a, n - at - a);
		return n - a + b;
	}
	return 0;
}
