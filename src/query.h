/*
 * query.h - what a typed query means, before anything is matched.
 *
 * No curses, no table: the input is the query already folded (NFC + case
 * folding, as fold.h does it), the output its terms as byte ranges of it.
 *
 * Splitting: terms are separated by white space (including U+3000 and
 * NBSP); a run of ASCII digits glued to Hangul is its own term ("404에러" is
 * "404" and "에러"). Punctuation around a term is dropped: leading ( [ { < " '
 * / and trailing ) ] } > " ' . , ; : ! ? (and the curly quotes), unless the
 * term as typed is a code pattern ("40?" stays). An IIS sub-status such as
 * "404.3" is left whole (extra.c knows the real ones). A term without a
 * letter, a digit or a non-ASCII character ("-", "=>") is dropped. The
 * same term twice counts once. At most HC_TERMS_MAX terms are kept; later
 * ones are ignored (so removing duplicates is bounded: 32 x 32 compares).
 *
 * Optional terms match if they can and add to the score, but an entry need
 * not contain them:
 *   - noise words, in English: a an the is are was what whats which why how
 *     does do did mean means meaning code codes status http https error
 *     errors err response return returns returned get got getting for of to
 *     in on at with when i my me it this that and or please should use best
 *     correct right proper appropriate respond reply give if be you we can
 *     will would there after before during while from by about as so but
 *     than then also just still some any api user users someone receive
 *     received receiving see seeing shows showing happens happen occurs
 *     occurred appear appears sends say says said tell tells situation
 *     scenario has have had were been its your their want wants know tries
 *     trying tried, and the words around
 *     a constant or a
 *     call: sc res abort raise throw send title;
 *     in Korean: 에러 오류 코드 상태 상태코드 에러코드 오류코드 응답 뭐 뭐야
 *     뭔가요 무엇 무슨 어떤 뜻 의미 이란 란 왜 어떻게 해결 방법 해결법
 *     발생 나요 떠요 뜸 나옴 경우 때 몇 번 몇번 줘야 줘야함 함 보내는 보내야
 *     보냈을 보낼 하나요 되나요 인가요 써야 쓰나요 반환 리턴 상황 할 일 해
 *     해야 해야함 하나 하죠 줘요 주나요 주면 돼 되나 쓰는 코드는 번호 응답코드
 *     상태값 발생했습니다 발생함 났어요 났습니다 떴어요 떴습니다 나와요
 *     나옵니다 뜹니다 뜨네요 나는 사용자 유저 시 해요 돼요 했어요 됐어요 있어요
 *     주세요 때문에 뭐가 뭘 어느 맞나요 맞는 적절한 알맞은 올바른 할까요 좋을까요
 *     건가요 코드를 코드가 상태코드를 상태코드가 응답코드를 응답코드가 응답을 응답이
 *     에러를 에러가 오류를 오류가 궁금합니다 궁금해요 내려주나요 내려줘야 돌려줘야
 *     돌려주나요 뭘로 몇으로;
 *   - in a status line ("HTTP/1.1 404 Not Found", "HTTP/2 502", "HTTP 404"),
 *     every term but the code: the version token and the reason phrase;
 *   - beside other terms, a number of one or two digits ("10 seconds");
 *   - a number typed with a colon after it ("(104: Connection reset"), an
 *     error number in a log line.
 * When a query has no required term left (it is only noise, "error"), all
 * its terms are required again.
 */
#ifndef HC_QUERY_H
#define HC_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HC_TERMS_MAX 32

struct hc_qterm {
	uint16_t at, len;       /* bytes of the folded query */
	bool optional;
};

struct hc_qterms {
	struct hc_qterm t[HC_TERMS_MAX];
	unsigned n;
	unsigned n_required;
	bool status_line;       /* a status line named the code */
};

/* Splits the folded query s[0..n) (n <= 65535) into terms. With words_only,
 * no term is taken for a code, so no status line is recognised either. */
void hc_query_split(const uint8_t *s, size_t n, bool words_only, struct hc_qterms *out);

/* True when the folded word s[0..n) is a noise word (the lists above). */
bool hc_query_is_noise(const uint8_t *s, size_t n);

/* The length of the Hangul term s[0..n) without a trailing particle or
 * ending (이 가 을 를 은 는 에 에서 으로 로 와 과 도 의 만 요 하면 했을 할 일
 * 된 됨 습니다 했습니다 됐어요 당했어요 하니까 하세요 어요 아요 …), keeping at least two syllables (one before an
 * ending of three or more); n when it has none. */
size_t hc_query_stem(const uint8_t *s, size_t n);

/* Copies the raw query s[0..n) into out (room for 2 * n bytes), cutting
 * identifiers and calls into words: "HttpStatus.NOT_FOUND" → "Http Status
 * NOT FOUND", "res.status(404)" → "res status 404", "<title>502" → " title
 * 502", "Illuminate\Http\ThrottleRequestsException" → "Illuminate Http
 * Throttle Requests Exception". A token is an identifier when it has '_',
 * '(', ')', '<', '>', '\', "::", a '.' next to a letter, or two camel humps;
 * "HTTP/1.1", "10.5" and "WebSocket" are not. Only ASCII is changed. Returns
 * the length written. */
size_t hc_query_expand(const uint8_t *s, size_t n, uint8_t *out);

/* The American spelling of a British word (s folded, ASCII): -ise, -ised,
 * -ising, -isation … → -ize …, -our → -or, with at least three letters
 * before the ending. Writes it to out (cap bytes) and returns its length,
 * or 0 when s has no such ending. */
size_t hc_query_american(const uint8_t *s, size_t n, uint8_t *out, size_t cap);

/* The English word s[0..n) without -ing (6 letters at least), -ed (5) or
 * a plural -s (4, not -ss); n when it has none of them. */
size_t hc_query_stem_en(const uint8_t *s, size_t n);

/* The Hangul term s[0..n) with a variant spelling replaced by the table's
 * (컨텐츠 → 콘텐츠, 메소드 → 메서드, 메세지 → 메시지, 어플리케이션 →
 * 애플리케이션, 리다이렉트 → 리디렉션, 타임아웃 → 시간초과, 없어요·없을 → 없음 …),
 * written to out
 * (cap bytes); returns its length, or 0 when it has none. */
size_t hc_query_variant(const uint8_t *s, size_t n, uint8_t *out, size_t cap);

#endif
