/*
 * query.c - split a folded query into terms and say which ones matter (the
 * words themselves, noise and spellings, are qwords.c's).
 *
 * Works on bytes of an already folded, valid UTF-8 query; allocates
 * nothing. See query.h for the rules.
 */
#include "query.h"

#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "catalog.h"
#include "chars.h"
#include "hangul.h"
#include "kstem.h"
#include "qwords.h"
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

/* Adds the term s[a, b) (once: typed again, it is the same term) and its
 * place in the typed order; returns its index, or -1 when the query has
 * HC_TERMS_MAX terms already. */
static int push(const uint8_t *s, size_t a, size_t b, bool number, struct hc_qterms *out)
{
	unsigned i;

	/* A query has at most HC_TERMS_MAX terms, so this stays bounded. */
	for (i = 0; i < out->n; i++)
		if (out->t[i].len == b - a && memcmp(s + out->t[i].at, s + a, b - a) == 0)
			break;
	if (i == out->n) {
		if (out->n == HC_TERMS_MAX)
			return -1;
		out->t[out->n++] = (struct hc_qterm){ .at = (uint16_t)a, .len = (uint16_t)(b - a),
		                                       .optional = number };
	}
	if (out->n_seq < HC_SEQ_MAX)
		out->seq[out->n_seq++] = (unsigned char)i;
	return (int)i;
}

static bool all_letters(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] | 0x20) < 'a' || (s[i] | 0x20) > 'z')
			return false;
	return n > 0;
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
 * "30분", "10메가", "3회") or followed by one as a word ("100 초") is a
 * quantity, not a code; and a port ("443포트"). 번 is not among them:
 * "500번대" is the 5xx class. */
static const char *const ko_units[] = {
	"초", "분", "시간", "일", "개", "회", "건", "명", "줄", "바이트",
	"킬로", "메가", "기가", "밀리", "밀리초", "퍼센트", "포트",
};

/* True when s[0..n) starts with a Korean unit (what follows a number glued
 * to it), or, with whole, is one. */
static bool unit_after(const uint8_t *s, size_t n, bool whole)
{
	for (size_t i = 0; i < sizeof ko_units / sizeof *ko_units; i++) {
		size_t k = strlen(ko_units[i]);

		if (n >= k && (!whole || n == k) && memcmp(s, ko_units[i], k) == 0)
			return true;
	}
	return false;
}

/* Units written as their own word after a number ("after 100 seconds",
 * "413 at 10 MB", "100 초"): the number is a quantity, not a code. */
static bool unit_word(const uint8_t *s, size_t n)
{
	static const char *const units[] = {
		"s", "sec", "secs", "second", "seconds", "ms", "millisecond", "milliseconds",
		"min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "day",
		"days", "byte", "bytes", "kb", "kib", "kilobytes", "mb", "mib",
		"megabytes", "gb", "gib", "gigabytes", "percent", "%", "times", "requests",
		"req", "reqs", "rps", "chars", "characters", "lines", "retries", "attempts",
		"tries", "connections", "users", "items", "port", "call", "calls", "per",
		"hits", "files", "rows", "records", "messages", "events", "jobs",
	};

	if (unit_after(s, n, true))
		return true;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strlen(units[i]) == n && strncasecmp(units[i], (const char *)s, n) == 0)
			return true;
	return false;
}

static bool term_is(const uint8_t *s, const struct hc_qterm *t, const char *w)
{
	return t->len == strlen(w) && memcmp(s + t->at, w, t->len) == 0;
}

/* Whether t is the word "header" or "헤더" (a particle glued allowed:
 * 헤더를, 헤더가). */
static bool header_word(const uint8_t *s, const struct hc_qterm *t)
{
	static const char hd[] = "헤더";
	const uint8_t *w = s + t->at;
	size_t n = t->len;

	if ((n == 6 || n == 7) && strncmp((const char *)w, "header", 6) == 0)
		return n == 6 || w[6] == 's';
	return n >= sizeof hd - 1 && memcmp(w, hd, sizeof hd - 1) == 0 &&
	       (n == sizeof hd - 1 || hc_query_is_ending(w + sizeof hd - 1, n - (sizeof hd - 1)));
}

/* Words typed as a header's name: the one before "header" or "헤더"
 * ("Allow header", "Expect 헤더를", "the Expect request header") and one
 * right before a colon ("Allow: GET, HEAD"). The search counts such a word
 * matching a header of an entry exactly as it counts a word of its name
 * (rank.c). */
static void header_names(const uint8_t *s, size_t n, struct hc_qterms *out)
{
	for (unsigned k = 0; k < out->n; k++) {
		size_t end = (size_t)out->t[k].at + out->t[k].len;

		if (end + 1 < n && s[end] == ':' && s[end + 1] != ':')
			out->t[k].header = true;
	}
	for (unsigned p = 1; p < out->n_seq; p++) {
		struct hc_qterm *w = &out->t[out->seq[p]];
		struct hc_qterm *name = &out->t[out->seq[p - 1]];

		if (!header_word(s, w))
			continue;
		/* "the Expect request header", "Location 응답 헤더" */
		if (term_is(s, name, "request") || term_is(s, name, "response") ||
		    term_is(s, name, "요청") || term_is(s, name, "응답")) {
			if (p < 2)
				continue;
			name = &out->t[out->seq[p - 2]];
		}
		if (!header_word(s, name)) {
			name->header = true;
			w->header_of = (uint8_t)(1 + (name - out->t));
		}
	}
}

/* Punctuation that joins words in pasted JSON, key=value logs and lists
 * but is never inside a word: {"detail":"Not Found"}, msg="timed out",
 * a,b;c|d. A colon counts unless doubled (Foo::Bar, cut by expand.c). */
static bool is_joint(const uint8_t *s, size_t a, size_t b, size_t i)
{
	switch (s[i]) {
	case '"': case '{': case '}': case '[': case ']': case ',': case ';': case '=':
	case '|':
		return true;
	case ':':
		return !(i > a && s[i - 1] == ':') && !(i + 1 < b && s[i + 1] == ':');
	default:
		return false;
	}
}

static void piece(const uint8_t *s, size_t a, size_t b, bool words_only, bool errno_like,
                  struct hc_qterms *out);

/* Whether the last word typed is one that names a status after it: "error",
 * "status", "code", "http". */
static bool after_status_word(const uint8_t *s, const struct hc_qterms *out)
{
	static const char *const words[] = { "error", "status", "code", "http" };
	const struct hc_qterm *t;

	if (out->n_seq == 0)
		return false;
	t = &out->t[out->seq[out->n_seq - 1]];
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (term_is(s, t, words[i]))
			return true;
	return false;
}

/* Korean emoticons typed after a word (풀림ㅠㅠ, 시간초과남ㅠ, 왜죠ㅋㅋ): the
 * end of s[a..b) without them. The vowels ㅠ ㅜ ㅡ are never 초성 and always
 * go; ㅋ and ㅎ go in a run of two or more (ㅋㅋ, ㅎㅎ), as one alone may end
 * a 초성 search (쿠ㅋ). A token of them alone stays (ㅋㅋ is 쿠키's 초성), but
 * one of vowels alone, which is no word, is dropped (b = a). */
static size_t strip_emoticon(const uint8_t *s, size_t a, size_t b)
{
	size_t e = b, last_cons = b, cons = 0;

	while (e - a >= 3 && s[e - 3] == 0xE3 && s[e - 2] == 0x85) {
		uint8_t c = s[e - 1];

		if (c == 0xA0 || c == 0x9C || c == 0xA1) {             /* ㅠ ㅜ ㅡ */
			e -= 3;
		} else if (c == 0x8B || c == 0x8E) {                    /* ㅋ ㅎ */
			e -= 3;
			if (cons++ == 0)
				last_cons = e;
		} else {
			break;
		}
	}
	if (e == b)
		return b;
	if (e == a)
		return cons ? b : a;
	if (cons == 1)          /* keep the consonant, drop the vowels after it */
		return last_cons + 3;
	return e;
}

/* One white-space-separated token [a, b): cut at joining punctuation
 * (is_joint), each piece trimmed and cut where ASCII digits meet Hangul. */
static void token(const uint8_t *s, size_t a, size_t b, bool words_only,
                  struct hc_qterms *out)
{
	size_t i;

	b = strip_emoticon(s, a, b);
	if (b == a)
		return;

	if (!words_only && is_pattern(s + a, b - a)) {
		piece(s, a, b, words_only, false, out);
		return;
	}
	/* A proxy's result and code, as Squid logs them: TCP_DENIED/407 (its
	 * _ cut by expand.c), TCP_MISS/200: a word of letters, a slash and a
	 * code end the token. */
	if (!words_only && b - a >= 5 && s[b - 4] == '/' && is_code(s + b - 3, 3) &&
	    all_letters(s + a, b - a - 4)) {
		piece(s, a, b - 4, words_only, false, out);
		piece(s, b - 3, b, words_only, false, out);
		return;
	}
	for (i = a; i < b; i++) {
		if (!is_joint(s, a, b, i))
			continue;
		/* "(104:" or "2:" in a log line is an error number, not a code;
		 * "HTTP Error 404: Not Found" (Python's urllib) names one. */
		if (i > a)
			piece(s, a, i, words_only,
			      s[i] == ':' && is_digit(s[i - 1]) && !after_status_word(s, out), out);
		a = i + 1;
	}
	if (i > a)
		piece(s, a, i, words_only, false, out);
}

/* An IIS sub-status, "404.13": a code, a dot and one to three digits. */
static bool is_sub_status(const uint8_t *s, size_t n)
{
	return n >= 5 && n <= 7 && is_code(s, 3) && s[3] == '.' && all_digits(s + 4, n - 4);
}

static void piece(const uint8_t *s, size_t a, size_t b, bool words_only, bool errno_like,
                  struct hc_qterms *out)
{
	if (!(!words_only && is_pattern(s + a, b - a)))
		trim(s, &a, &b);
	if (!has_word_char(s, a, b))
		return;         /* "-", "—", "=>": punctuation alone is no term */
	/* "HTTP Error 404.13": a 404 to the main table (extra.c reads the
	 * sub-status itself). */
	if (!words_only && is_sub_status(s + a, b - a))
		b = a + 3;
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
					quantity = unit_after(s + i, b - i, false);
			}
		} else {
			bool prev_hangul = false, prev_latin = false;

			while (i < b) {
				size_t k = hc_utf8_decode((const char *)s + i, b - i, &c, NULL);

				if (prev_hangul && is_digit(s[i]))
					break;
				/* "nginx가", "PUT을", "gateway만": the English
				 * word, without the particle glued to it */
				if (prev_latin && hc_uc_is_hangul(c) &&
				    hc_query_is_ending(s + i, b - i)) {
					int at = push(s, a, i, false, out);

					if (at >= 0)     /* also when typed before */
						out->t[at].glued = true;
					return;
				}
				prev_hangul = hc_uc_is_hangul(c);
				prev_latin = (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z';
				i += k;
			}
		}
		push(s, a, i, quantity || (errno_like && all_digits(s + a, i - a)), out);
		a = i;
	}
}

/* A Korean word for "error", "code" or "number" with a particle or an
 * ending (에러는, 코드예요, 몇 번이에요) is noise, as the word alone is. Only
 * these: a noise word such as 사용자 keeps its particle's weight (사용자가).
 * So is 하다 or 되다 alone with its ending (한다는데요, 된대요): the verb
 * of a sentence whose noun stands apart. */
static bool noise_stem(const uint8_t *s, size_t n)
{
	static const char *const meta[] = { "에러", "오류", "코드", "상태코드", "에러코드",
	                                    "오류코드", "응답코드", "상태값", "번",
	                                    "한", "하", "해", "했", "된", "되", "돼", "됐" };
	size_t m = hc_has_hangul(s, n) ? hc_query_stem(s, n) : n;

	for (size_t i = 0; m < n && i < sizeof meta / sizeof *meta; i++)
		if (strlen(meta[i]) == m && memcmp(meta[i], s, m) == 0)
			return true;
	return false;
}

static bool term_starts(const uint8_t *s, const struct hc_qterm *t, const char *w)
{
	return t->len >= strlen(w) && memcmp(s + t->at, w, strlen(w)) == 0;
}

/* A word that sets a code aside when it follows it: "404 대신", "200 말고",
 * "200이 아니던데", "500 외에", "404 빼고". */
static bool contrast_after(const uint8_t *s, const struct hc_qterm *t)
{
	static const char *const w[] = { "대신", "대신에", "말고", "말구", "말곤", "외에", "외엔",
	                                 "이외에", "빼고", "아니", };

	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (i + 1 == sizeof w / sizeof *w ? term_starts(s, t, w[i]) : term_is(s, t, w[i]))
			return true;
	return false;
}

/* A particle alone, between a code and a word after it ("200이 아니던데"). */
static bool particle(const uint8_t *s, const struct hc_qterm *t)
{
	static const char *const w[] = { "이", "가", "은", "는", "을", "를", "도", "으로", "로", };

	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (term_is(s, t, w[i]))
			return true;
	return false;
}

/* Whether the typed code at position p of the typed order is set aside:
 * "instead of 403", "rather than 200", "other than 500", "besides 404",
 * "except 404", "not 200", or a Korean word after it (contrast_after).
 * Marks the words that set it aside optional too. */
static bool contrasted(const uint8_t *s, struct hc_qterms *out, unsigned p)
{
	struct hc_qterm *t = out->t;
	unsigned a = p + 1;

	if (a < out->n_seq && particle(s, &t[out->seq[a]]))
		a++;
	if (a < out->n_seq && contrast_after(s, &t[out->seq[a]])) {
		for (unsigned k = p + 1; k <= a; k++)
			t[out->seq[k]].optional = true;
		return true;
	}
	if (p >= 1) {
		struct hc_qterm *w = &t[out->seq[p - 1]];
		struct hc_qterm *v = p >= 2 ? &t[out->seq[p - 2]] : NULL;

		if (term_is(s, w, "besides") || term_is(s, w, "except") || term_is(s, w, "not")) {
			w->optional = true;
			return true;
		}
		if (v && ((term_is(s, w, "of") && term_is(s, v, "instead")) ||
		          (term_is(s, w, "than") && (term_is(s, v, "rather") || term_is(s, v, "other"))))) {
			v->optional = w->optional = true;
			return true;
		}
	}
	return false;
}

/* The tags a bug report's title starts with, "[결제] …", "[Login][iOS] …":
 * the bytes [0, end) they take. A tag is short and holds no JSON. */
#define TAG_MAX 40

static size_t leading_tags(const uint8_t *s, size_t n)
{
	size_t i = 0, end = 0;

	for (;;) {
		size_t j;

		while (i < n && s[i] == ' ')
			i++;
		if (i >= n || s[i] != '[')
			return end;
		for (j = i + 1; j < n && j - i <= TAG_MAX; j++)
			if (s[j] == ']' || s[j] == '[' || s[j] == '{' || s[j] == '"' || s[j] == ':')
				break;
		if (j >= n || j - i > TAG_MAX || s[j] != ']' || j == i + 1)
			return end;
		i = end = j + 1;
	}
}

/* A phrase in double quotes in a sentence, 'what does "Service Unavailable"
 * mean': two words or more between a quote after a space (or at the start)
 * and one before a space, the end or punctuation other than a colon (so no
 * JSON key or value). [*qa, *qb) is its inside; false when there is none. */
static bool quoted_phrase(const uint8_t *s, size_t n, size_t *qa, size_t *qb)
{
	for (size_t i = 0; i < n; i++) {
		size_t j;
		bool space = false;

		if (s[i] != '"' || (i > 0 && s[i - 1] != ' '))
			continue;
		for (j = i + 1; j < n && s[j] != '"'; j++)
			space = space || s[j] == ' ';
		if (j >= n)
			return false;
		if (space && j > i + 1 && s[i + 1] != ' ' && s[j - 1] != ' ' &&
		    (j + 1 == n || (s[j + 1] != ':' && s[j + 1] != '"' && s[j + 1] != ','))) {
			*qa = i + 1;
			*qb = j;
			return true;
		}
		i = j;
	}
	return false;
}

void hc_query_split(const uint8_t *s, size_t n, bool words_only, struct hc_qterms *out)
{
	const char *cs = (const char *)s;
	size_t i = 0, tags = leading_tags(s, n), qa = 0, qb = 0;
	bool quoted = quoted_phrase(s, n, &qa, &qb);

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

		/* not "http로 443포트" (a particle; a port) */
		if (is_http_version(s + v->at, v->len) && is_code(s + code->at, code->len) &&
		    !v->glued && !code->optional &&
		    !(k + 2 < out->n && unit_word(s + out->t[k + 2].at, out->t[k + 2].len))) {
			out->status_line = true;
			for (unsigned j = 0; j < out->n; j++)
				out->t[j].optional = j != k + 1;
			break;
		}
	}
	/* A phrase in quotes is what is asked about: its words are never
	 * noise, the words around it are context. */
	for (unsigned k = 0; quoted && k < out->n; k++)
		if (out->t[k].at >= qa && out->t[k].at < qb)
			out->t[k].glued = true;
	/* A title's tags ("[결제] 카드 승인 후 타임아웃") say where, not what. */
	for (unsigned k = 0; k < out->n; k++)
		if (out->t[k].at < tags)
			out->t[k].optional = true;
	/* A code set aside ("404 대신 쓰는 코드", "instead of 403") is not the
	 * code asked for: an optional term, as noise is. */
	for (unsigned p = 0; !words_only && !out->status_line && p < out->n_seq; p++) {
		struct hc_qterm *t = &out->t[out->seq[p]];

		if (is_code(s + t->at, t->len) && contrasted(s, out, p))
			t->optional = true;
	}
	/* Beside other words, a number of one or two digits is a count, a
	 * size or an error number more often than a code prefix. */
	for (unsigned k = 0; !out->status_line && k < out->n; k++)
		out->t[k].optional = out->t[k].optional ||
		                     (!out->t[k].glued &&
		                      (hc_query_is_noise(s + out->t[k].at, out->t[k].len) ||
		                       noise_stem(s + out->t[k].at, out->t[k].len))) ||
		                     /* "isn't", "doesn't": "not" where the table has
		                      * it (search.c), left out where it has not */
		                     hc_query_negated(s + out->t[k].at, out->t[k].len) ||
		                     /* a particle typed apart: 업그레이드 하고 와 */
		                     (!out->t[k].glued &&
		                      hc_query_is_particle(s + out->t[k].at, out->t[k].len)) ||
		                     (out->n > 1 && out->t[k].len < 3 &&
		                      all_digits(s + out->t[k].at, out->t[k].len)) ||
		                     (k + 1 < out->n && all_digits(s + out->t[k].at, out->t[k].len) &&
		                      unit_word(s + out->t[k + 1].at, out->t[k + 1].len));
	header_names(s, n, out);
	for (unsigned k = 0; k < out->n; k++)
		out->n_required += !out->t[k].optional;
	if (out->n_required == 0) {
		for (unsigned k = 0; k < out->n; k++)
			out->t[k].optional = false;
		out->n_required = out->n;
	}
}
