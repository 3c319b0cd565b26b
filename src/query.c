/*
 * query.c - split a folded query into terms and say which ones matter.
 *
 * Works on bytes of an already folded, valid UTF-8 query; allocates
 * nothing. See query.h for the rules.
 */
#include "query.h"

#include <string.h>

#include <unistr.h>

#include "catalog.h"
#include "chars.h"
#include "utf8.h"

static bool is_digit(uint8_t b)
{
	return b >= '0' && b <= '9';
}

static bool is_open(ucs4_t c)
{
	return c == '/' || c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' ||
	       c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E;
}

static bool is_close(ucs4_t c)
{
	return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' ||
	       c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
	       c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0x3002;
}

static bool is_pattern(const uint8_t *s, size_t n)
{
	struct hc_pattern p;
	char tmp[4];

	if (n == 0 || n > 3)
		return false;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	return hc_pattern_parse(tmp, &p);
}

static bool is_code(const uint8_t *s, size_t n)
{
	return n == 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	       s[0] >= '1' && s[0] <= '5';
}

/* "http", "https", "http/1.1", "http/2", "http/3" … */
static bool is_http_version(const uint8_t *s, size_t n)
{
	if (n == 4 && memcmp(s, "http", 4) == 0)
		return true;
	if (n == 5 && memcmp(s, "https", 5) == 0)
		return true;
	if (n < 6 || memcmp(s, "http/", 5) != 0)
		return false;
	for (size_t i = 5; i < n; i++)
		if (!is_digit(s[i]) && s[i] != '.')
			return false;
	return true;
}

/* Drops the punctuation around s[*a, *b). */
static void trim(const uint8_t *s, size_t *a, size_t *b)
{
	while (*a < *b) {
		ucs4_t c;
		size_t k = hc_utf8_decode((const char *)s + *a, *b - *a, &c, NULL);

		if (!is_open(c) && !is_close(c))
			break;
		*a += k;
	}
	while (*a < *b) {
		const uint8_t *p = s + *b;
		ucs4_t c;

		p = u8_prev(&c, p, s + *a);
		if (!p || !is_close(c))
			break;
		*b = (size_t)(p - s);
	}
}

static void push(const uint8_t *s, size_t a, size_t b, bool number, struct hc_qterms *out)
{
	/* A query has at most HC_TERMS_MAX terms, so this stays bounded. */
	for (unsigned i = 0; i < out->n; i++)
		if (out->t[i].len == b - a && memcmp(s + out->t[i].at, s + a, b - a) == 0)
			return;
	if (out->n < HC_TERMS_MAX)
		out->t[out->n++] = (struct hc_qterm){ (uint16_t)a, (uint16_t)(b - a), number };
}

static bool all_digits(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return n > 0;
}

/* True when s[a, b) has a letter, a digit or a Hangul character (any
 * non-ASCII character counts: it may be a letter of any script). */
static bool has_word_char(const uint8_t *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] >= 0x80 || is_digit(s[i]) ||
		    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			return true;
	return false;
}

/* Korean units of time, size and count: a number glued to one ("100초",
 * "30분", "10메가", "3회") is a quantity, not a code. 번 is not among them:
 * "500번대" is the 5xx class. */
static bool unit_after(const uint8_t *s, size_t n)
{
	static const char *const units[] = {
		"초", "분", "시간", "일", "개", "회", "건", "명", "줄", "바이트",
		"킬로", "메가", "기가", "밀리", "퍼센트",
	};

	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		size_t k = strlen(units[i]);

		if (n >= k && memcmp(s, units[i], k) == 0)
			return true;
	}
	return false;
}

/* One white-space-separated token [a, b): trimmed, and cut where ASCII
 * digits meet Hangul. */
static void token(const uint8_t *s, size_t a, size_t b, bool words_only,
                  struct hc_qterms *out)
{
	/* "(104:" or "2:" in a log line is an error number, not a code. */
	bool errno_like = b - a >= 2 && s[b - 1] == ':' && is_digit(s[b - 2]);

	if (!(!words_only && is_pattern(s + a, b - a)))
		trim(s, &a, &b);
	if (!has_word_char(s, a, b))
		return;         /* "-", "—", "=>": punctuation alone is no term */
	while (a < b) {
		size_t i = a;
		ucs4_t c;

		bool quantity = false;

		if (is_digit(s[i])) {
			while (i < b && is_digit(s[i]))
				i++;
			if (i < b) {
				hc_utf8_decode((const char *)s + i, b - i, &c, NULL);
				if (!hc_uc_is_hangul(c))
					i = b;
				else
					quantity = unit_after(s + i, b - i);
			}
		} else {
			bool prev_hangul = false;

			while (i < b) {
				size_t k = hc_utf8_decode((const char *)s + i, b - i, &c, NULL);

				if (prev_hangul && is_digit(s[i]))
					break;
				prev_hangul = hc_uc_is_hangul(c);
				i += k;
			}
		}
		push(s, a, i, quantity || (errno_like && all_digits(s + a, i - a)), out);
		a = i;
	}
}

void hc_query_split(const uint8_t *s, size_t n, bool words_only, struct hc_qterms *out)
{
	const char *cs = (const char *)s;
	size_t i = 0;

	memset(out, 0, sizeof *out);
	while (i < n && out->n < HC_TERMS_MAX) {
		size_t a, k = 0;
		ucs4_t c = 0;

		while (i < n && (k = hc_utf8_decode(cs + i, n - i, &c, NULL), hc_is_space(c)))
			i += k;
		a = i;
		while (i < n && (k = hc_utf8_decode(cs + i, n - i, &c, NULL), !hc_is_space(c)))
			i += k;
		if (i > a)
			token(s, a, i, words_only, out);
	}
	/* A status line: a version token right before a code. */
	for (unsigned k = 0; !words_only && k + 1 < out->n; k++) {
		const struct hc_qterm *v = &out->t[k], *code = &out->t[k + 1];

		if (is_http_version(s + v->at, v->len) && is_code(s + code->at, code->len)) {
			out->status_line = true;
			for (unsigned j = 0; j < out->n; j++)
				out->t[j].optional = j != k + 1;
			break;
		}
	}
	/* Beside other words, a number of one or two digits is a count, a
	 * size or an error number more often than a code prefix. */
	for (unsigned k = 0; !out->status_line && k < out->n; k++)
		out->t[k].optional = out->t[k].optional ||
		                     hc_query_is_noise(s + out->t[k].at, out->t[k].len) ||
		                     (out->n > 1 && out->t[k].len < 3 &&
		                      all_digits(s + out->t[k].at, out->t[k].len));
	for (unsigned k = 0; k < out->n; k++)
		out->n_required += !out->t[k].optional;
	if (out->n_required == 0) {
		for (unsigned k = 0; k < out->n; k++)
			out->t[k].optional = false;
		out->n_required = out->n;
	}
}

static const char *const noise[] = {
	"a", "an", "the", "is", "are", "was", "what", "whats", "what's", "which", "why",
	"how", "does", "do", "did", "mean", "means", "meaning", "code", "codes", "status",
	"http", "https", "error", "errors", "err", "response", "return", "returns",
	"returned", "get", "got", "getting", "for", "of", "to", "in", "on", "at", "with",
	"when", "i", "my", "me", "it", "this", "that", "and", "or", "please", "sc", "res",
	"should", "use", "best", "correct", "right", "proper", "appropriate", "respond",
	"reply", "give", "if", "be", "you", "we", "can", "will", "would", "there", "after",
	"before", "during", "while", "from", "by", "about", "as", "so", "but", "than", "then",
	"also", "just", "still", "some", "any", "api", "user", "users", "someone", "receive",
	"received", "receiving", "see", "seeing", "shows", "showing", "happens", "happen",
	"occurs", "occurred", "appear", "appears", "sends", "say", "says", "said", "tell",
	"tells", "situation", "scenario", "has", "have", "had", "were", "been", "its", "your",
	"their", "want", "wants", "know", "tries", "trying", "tried",
	"abort", "raise", "throw", "send", "title",
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
	"내려줘야", "돌려줘야", "돌려주나요", "뭘로", "몇으로",
};

bool hc_query_is_noise(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
		if (strlen(noise[i]) == n && memcmp(noise[i], s, n) == 0)
			return true;
	return false;
}

/* Particles and endings, tried in this order (longer ones first). */
static const char *const particles[] = {
	"당했습니다", "었습니다", "했습니다", "됐습니다", "당했어요", "었어요", "했어요", "됐어요",
	"했더니", "하니까", "하세요", "당했음", "습니다", "에서는", "이라고",
	"이에요", "했는데", "에서", "으로", "라고", "예요", "이요", "에는",
	"에게", "한테", "부터", "까지", "처럼", "이나", "이랑", "하면", "했을", "해서", "돼서",
	"으면", "하는", "니까", "더니", "어요", "아요", "돼요", "했음", "됐음", "당함",
	"이", "가", "을", "를", "은", "는", "에", "로", "와", "과", "도",
	"의", "만",
	"요", "할", "일", "된", "됨", "인", "면",
};

size_t hc_query_stem(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++) {
		size_t k = strlen(particles[i]);

		/* Keep two syllables (6 bytes) at least, one after a long
		 * ending: 과도 is not 과 + 도, but 없습니다 is 없 + 습니다. */
		size_t keep = k >= 9 ? 3 : 6;

		if (n >= k + keep && memcmp(s + n - k, particles[i], k) == 0)
			return n - k;
	}
	return n;
}

static bool is_lower(uint8_t c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(uint8_t c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_alpha(uint8_t c)
{
	return is_lower(c) || is_upper(c);
}

/* True when the raw token s[0..n) looks like an identifier or a call:
 * "HttpStatus.NOT_FOUND", "res.status(404)", "<title>502", a namespace
 * ("Illuminate\Http\…", "ActiveRecord::RecordNotFound"), or two camel
 * humps ("StatusRequestEntityTooLarge"; one, as in "WebSocket", is a word). */
static bool is_identifier(const uint8_t *s, size_t n)
{
	unsigned humps = 0, odd = 0;

	if (n >= 5 && (s[0] | 0x20) == 'h' && (s[1] | 0x20) == 't' && (s[2] | 0x20) == 't' &&
	    (s[3] | 0x20) == 'p' && s[4] == '/')
		return false;   /* HTTP/1.1: a version, not an identifier */
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '_' || s[i] == '(' || s[i] == ')' || s[i] == '<' || s[i] == '>' ||
		    s[i] == '\\' || (s[i] == ':' && i + 1 < n && s[i + 1] == ':'))
			return true;
		if (s[i] == '.' && ((i > 0 && is_alpha(s[i - 1])) ||
		                    (i + 1 < n && is_alpha(s[i + 1]))))
			return true;
		if (i > 0 && is_lower(s[i - 1]) && is_upper(s[i])) {
			/* a hump starts a word: "Status", not the "O" of "fOuNd" */
			if (i + 2 < n && is_lower(s[i + 1]) && is_lower(s[i + 2]))
				humps++;
			else
				odd++;
		}
	}
	return humps >= 2 && odd == 0;
}

/* Copies one token, cutting an identifier into words. */
static size_t expand_token(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t k = 0;

	if (!is_identifier(s, n)) {
		memcpy(out, s, n);
		return n;
	}
	for (size_t i = 0; i < n; i++) {
		uint8_t c = s[i];
		bool cut = c == '_' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' ||
		           (c == ':' && ((i + 1 < n && s[i + 1] == ':') || (i > 0 && s[i - 1] == ':'))) ||
		           (c == '.' && ((i > 0 && is_alpha(s[i - 1])) ||
		                         (i + 1 < n && is_alpha(s[i + 1]))));

		if (cut) {
			out[k++] = ' ';
			continue;
		}
		/* statusCode → status Code; HTTPStatus → HTTP Status */
		if (i > 0 && is_upper(c) && (is_lower(s[i - 1]) ||
		    (is_upper(s[i - 1]) && i + 1 < n && is_lower(s[i + 1]))))
			out[k++] = ' ';
		out[k++] = c;
	}
	return k;
}

size_t hc_query_expand(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		size_t a = i;

		if (s[i] == ' ') {
			out[k++] = ' ';
			i++;
			continue;
		}
		while (i < n && s[i] != ' ')
			i++;
		k += expand_token(s + a, i - a, out + k);
	}
	return k;
}

/* British spellings people type, as the table spells them (American):
 * -ise/-ised/-ises/-ising/-isation → -ize…/-ization, -our/-ours → -or/-ors,
 * -lled/-lling → -led/-ling, -yse → -yze, -ence → -ense, -tre → -ter,
 * -ogue → -og, -mme → -m. */
size_t hc_query_american(const uint8_t *s, size_t n, uint8_t *out, size_t cap)
{
	static const char *const ends[][2] = {
		{ "isations", "izations" }, { "isation", "ization" }, { "ising", "izing" },
		{ "ised", "ized" }, { "ises", "izes" }, { "iser", "izer" }, { "ise", "ize" },
		{ "ours", "ors" }, { "our", "or" }, { "lled", "led" }, { "lling", "ling" },
		{ "ysed", "yzed" }, { "yse", "yze" }, { "ence", "ense" }, { "tre", "ter" },
		{ "ogue", "og" }, { "mme", "m" },
	};

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
	{ "없을", "없음" },
};

size_t hc_query_variant(const uint8_t *s, size_t n, uint8_t *out, size_t cap)
{
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
