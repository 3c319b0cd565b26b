/*
 * query.h - what a typed query means, before anything is matched.
 *
 * No curses, no table: the input is the query already folded (NFC + case
 * folding, as fold.h does it), the output its terms as byte ranges of it.
 *
 * Splitting: terms are separated by white space (including U+3000 and
 * NBSP); a run of ASCII digits glued to Hangul is its own term ("404에러" is
 * "404" and "에러"); an English word followed by a Korean particle or ending
 * (kstem.h) is the word alone, never a noise word ("nginx가", "GET으로"); so
 * are the words of a phrase in double quotes in a sentence (status called
 * "This is fine"; not JSON's keys and values). Punctuation around a term is dropped: leading ( [ { < " '
 * / and trailing ) ] } > " ' . , ; : ! ? (and the curly quotes), unless the
 * term as typed is a code pattern ("40?" stays). An IIS sub-status such as
 * "404.13" is its code, 404 (extra.c knows the sub-statuses themselves); with
 * words_only it is left whole. A term without a
 * letter, a digit or a non-ASCII character ("-", "=>") is dropped. The
 * same term twice counts once. At most HC_TERMS_MAX terms are kept; later
 * ones are ignored (so removing duplicates is bounded: 32 x 32 compares).
 *
 * Optional terms match if they can and add to the score, but an entry need
 * not contain them:
 *   - noise words (qwords.h: "which", "status", "code", "error", "에러", "코드",
 *     "뭐", "반환" … and the words around a constant or a call);
 *   - in a status line ("HTTP/1.1 404 Not Found", "HTTP/2 502", "HTTP 404"),
 *     every term but the code: the version token and the reason phrase;
 *   - beside other terms, a number of one or two digits ("10 seconds");
 *   - a number typed with a colon after it ("(104: Connection reset"), an
 *     error number in a log line;
 *   - a number glued to a Korean unit of time, size or count ("100초",
 *     "10메가", "3회"; not 번: "500번대" is the 5xx class), or followed by
 *     a unit word ("after 100 seconds", "10 MB", "100 초"), a quantity;
 *   - the tags a bug report's title starts with: "[결제] 카드 승인 후
 *     타임아웃", "[Login][iOS] …" (short, no JSON inside);
 *   - a code set aside, and the words that do it: "404 대신 쓰는 코드",
 *     "200 말고", "200이 아니던데", "500 외에", "404 빼고", "instead of 403",
 *     "rather than", "other than", "besides", "except", "not 200" (a code
 *     after them stays: "404 대신 410").
 * An optional number (a quantity, a code set aside) adds nothing to the
 * score of the entry with that code (rank.c).
 * When a query has no required term left (it is only noise, "error"), all
 * its terms are required again.
 */
#ifndef HC_QUERY_H
#define HC_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HC_TERMS_MAX 32
#define HC_SEQ_MAX 64

struct hc_qterm {
	uint16_t at, len;       /* bytes of the folded query */
	bool optional;
	bool glued;             /* had a particle glued: "GET으로" (no noise) */
	bool header;            /* named as a header: the word before "header"
	                           or "헤더" ("Allow header", "Expect 헤더를"),
	                           or before a colon ("Allow: GET") */
	uint8_t header_of;      /* the word "header" itself: 1 + the term it
	                           names (0: none) */
};

struct hc_qterms {
	struct hc_qterm t[HC_TERMS_MAX];
	unsigned n;
	/* The terms in the order they were typed, repeats included (the first
	 * HC_SEQ_MAX): which terms stand side by side. "not updating … says
	 * not modified" has the term "not" once, and "not modified" side by
	 * side here. */
	unsigned char seq[HC_SEQ_MAX];
	unsigned n_seq;
	unsigned n_required;
	bool status_line;       /* a status line named the code */
};

/* Splits the folded query s[0..n) (n <= 65535) into terms. With words_only,
 * no term is taken for a code, so no status line is recognised either. */
void hc_query_split(const uint8_t *s, size_t n, bool words_only, struct hc_qterms *out);

#endif
