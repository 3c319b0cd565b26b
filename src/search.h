/*
 * search.h - find the entries a person means from whatever they type.
 *
 * No curses here. The index is made once over an array of entries (at build
 * time for the real catalog, at run time for a synthetic one in benchmarks);
 * it knows each searchable field normalized (NFC) and case-folded without
 * copying its text (index.h), so that a keystroke costs only matching; and
 * the answers to the queries of one letter or digit, which match nearly
 * every entry, are made with it (firstkeys.h), so that the first key costs
 * a copy.
 *
 * A query is split into terms (query.h): at white space, punctuation around
 * a term dropped, digits glued to Hangul cut off ("404에러"), Korean
 * emoticons after a word dropped ("풀림ㅠㅠ", "왜죠ㅋㅋ"). A term that is
 * a code pattern ("404", "40", "4xx", "5?3") matches codes; every other term
 * must match some field of an entry (terms narrow the result, in any order
 * and field; "4xx timeout" is the timeouts of class 4). Noise words ("the",
 * "error", "status", "http", "에러", "코드", "뭐" …) and, in a pasted status
 * line ("HTTP/1.1 404 Not Found"), everything but the code are optional:
 * they add to the score when they match and are never required. Queries
 * and fields are compared NFC-normalized and case-folded (u8_casefold), so
 * "NOT FOUND" and decomposed (NFD) Korean find the same as "not found" and
 * NFC.
 *
 * Fields, searched in this order: names (English phrase, Korean name,
 * aliases) and keywords (symptoms and phrasings people type, in the table's
 * Keywords-En / Keywords-Ko) form the name tier; related headers and the
 * vendor the header tier; summaries, descriptions and notes the text tier.
 *
 * How one term matches a field:
 *   - a term with Hangul matches anywhere, ignoring the field's spaces:
 *     "시간초과" finds "요청 시간 초과"; when it does not, its stem does,
 *     the term without a particle or verb ending (kstem.h: "용량이" finds
 *     "용량", "초과되었습니다" finds "초과");
 *   - a term of Hangul syllables and initial consonants (ㄱ…ㅎ, at least one)
 *     is a 초성 search: ㅇㅊ (or 요ㅊ) matches 요청. In names and keywords it
 *     may start anywhere and run across spaces; elsewhere it must lie at the
 *     start of one word;
 *   - any other term matches at the start of a word ("found" is in "Not
 *     Found", not in "unfounded"; a term is also a word prefix);
 *   - a term of 4 or more ASCII letters that matches nothing in an entry
 *     still matches a word of its English phrase, aliases or keywords one
 *     edit away (substitution, insertion, deletion or swap of neighbours).
 *
 * A term's score in an entry is that of its best field: the tier first
 * (name 3, header 2, text 1, typo 0, times 4), then +2 for a whole word
 * ("auth" is a whole word in "auth failed", only a prefix in
 * "Non-Authoritative"; Korean: a match at a word start), then +1 for the
 * better fields of a tier (names above keywords, summaries above
 * descriptions and notes). An entry's score is the sum over its terms,
 * optional ones included, plus 3 for each two neighbouring terms that stand
 * side by side in a name, an alias or a keyword ("timed out"), and 3 per
 * term of a run of neighbouring terms that is a whole name, alias or
 * keyword (Korean terms by their stems): a sentence holding a code's name,
 * "the server says not modified", is about that code; 3 too for a word of six
 * letters or more that is the whole of a one-word English name or alias
 * ("API 호출했는데 unauthorized 떠요" is about 401). In a query of three
 * required terms or more, an entry whose name (English phrase, Korean name
 * or alias; two words or more) has every word matched by the query, apart
 * and in any order, gets 2 per word of it, unless a run above already
 * counted: "서버가 요청에 사용된 HTTP 주 버전을 지원하지 않을 때" names 505.
 *
 * Each hit has a rank, its band (the worst band among its required terms,
 * improved to NAME_EXACT / NAME_PREFIX when the whole query is or starts a
 * name, an alias or a keyword, with or without its noise; the one word left
 * of a query without its noise must be whole). Hits are ordered, best first, by:
 *   1. the code typed ("404", "5xx"), whatever else; among those codes, the
 *      ones that match more of the other words (in a partial result);
 *   2. CODE_EXACT, CODE_PREFIX, NAME_EXACT, NAME_PREFIX, then the rest;
 *   3. the score (all terms matched in names and keywords, as whole words,
 *      come first), except that a registered code comes before a vendor's
 *      code that only noise words put ahead, unless a word of the query
 *      names the vendor ("토큰 만료됐을 때 응답 코드" is 401 before Esri's
 *      498, "arcgis 토큰 만료" is 498);
 *   4. registered codes before vendor codes (except in a list of codes,
 *      "4xx", which keeps table order, as the CLI prints it);
 *   5. the fine score, then more required terms matched, then table order.
 *
 * When no entry matches every required term, the result falls back to the
 * entries matching at least half as many as the best one does (or the code
 * the query names, or scoring above every entry that matches the most: an
 * exception's name that is one keyword outweighs three words of running
 * text, "ASP.NET Core AntiforgeryValidationException 응답코드"), and says so
 * (hc_results.partial): never a bare "nothing matches" when some words
 * match. In such a result a word few entries match weighs more: an entry
 * that has it in a name, a keyword, a header or its vendor gets 2 when at
 * most 3 entries matched it anywhere, 1 when at most 10 did ("page was
 * delete forever": "forever", a word of 410's keywords, is rarer than
 * "page", which put 404 first). The fallback is tried for queries of up to 16 required terms.
 * When fewer than three entries match every word of a query of two words or
 * more (and the first is no code typed, no name typed whole or begun), the
 * best partial matches follow them, up to three hits in all: "delete works
 * but returns no body" lists 204 No Content after 200 OK. hc_results.complete
 * counts the hits before them (the CLI prints those and names the others on
 * stderr; the browser lists all and says so).
 * When words are left unmatched, the query is tried again rewritten, and a
 * rewriting is kept only when it leaves fewer words unmatched: first with
 * names of one camel hump cut (expand.h: "PermissionDenied"), then with
 * Korean typed without its spaces spaced again (kspace.h:
 * 파일이너무커서안올라가요), then with English typed in Hangul spelled in
 * English (translit.h: 낫 파운드, 언오소라이즈드), then with the keyboard's
 * other mode undone (dubeol.h: dlswmd vlfdy is 인증 필요, ㅜㅐㅅ 래ㅕㅜㅇ is
 * "not found"), and last with a two-syllable Korean word's final consonant
 * or vowel taken as mistyped (만은 for 많은, 권환 for 권한). The three rewrites into the other
 * script are said: hc_results.read_as holds the query as it was searched.
 *
 * A sentence (three required terms or more) whose best full match has all
 * of them only in running text is weak evidence: a question's generic words
 * ("return", "처리할", "without") happen to stand in a long description. Then
 * an entry that misses one term also competes, at 6 points less, when that
 * term is one the best full match has in running text only (never a name's
 * word, a header or a vendor): "success without body" lists 204 No Content
 * beside 200 OK. An entry whose whole name or alias (two words or more)
 * the sentence holds side by side competes too, whatever the one term it
 * misses, and at no cost: "why does my reverse proxy return gateway
 * timeout" is about 504, though 502 has every word, "reverse proxy" among
 * its keywords; so it does when the best full match, whatever its band,
 * is not named so itself ("인증이 필요한 페이지" lists 401 인증 필요 beside
 * 511). When such an entry comes first the result says that not every word
 * matched.
 *
 * Bands (enum hc_rank):
 *   HC_RANK_CODE_EXACT   the code itself ("404")
 *   HC_RANK_CODE_PREFIX  a code prefix, class or wildcard ("40", "4xx", "5?3")
 *   HC_RANK_NAME_EXACT   the whole query is a name, an alias or a keyword
 *   HC_RANK_NAME_PREFIX  a name, alias or keyword starts with the query
 *   HC_RANK_NAME_WORD    every term is a word (or word prefix) in names/keywords
 *   HC_RANK_HEADER       a related header or the vendor
 *   HC_RANK_TEXT         words of the summary, description or note
 *   HC_RANK_TYPO         an English word one edit away (incl. a swap), a
 *                        Korean one a syllable away (hangul.h)
 */
#ifndef HC_SEARCH_H
#define HC_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* Longest query accepted, in bytes; longer input is rejected, not truncated. */
#define HC_QUERY_MAX 1024

enum hc_rank {
	HC_RANK_CODE_EXACT,
	HC_RANK_CODE_PREFIX,
	HC_RANK_NAME_EXACT,
	HC_RANK_NAME_PREFIX,
	HC_RANK_NAME_WORD,
	HC_RANK_HEADER,
	HC_RANK_TEXT,
	HC_RANK_TYPO,
};

/* The fields a span can lie in: enum hc_field, in catalog.h. */

/* A matched byte range [start, start+len) of the entry's original (displayed)
 * string for `field`; always on character boundaries (a character whose
 * folding changes its bytes, such as ß, is covered whole). For HC_FIELD_CODE
 * the string is the code printed with three digits, and there is one span
 * per run of digits the pattern gives ("5?3": [0,1) and [2,3)). */
struct hc_span {
	unsigned char field;
	unsigned char item;
	unsigned short start;
	unsigned short len;
};

/* Spans come in field order (code, phrase, Korean name, aliases, keywords,
 * headers, vendor, summaries, descriptions, notes), the first match of each term in
 * each field, so the names shown in a list always get the first slots. */
#define HC_HIT_MAX_SPANS 8

/* Which fields a hit's spans cover (hc_results.spans_of, hc_hit.spans_of):
 * every one; those a list's row shows (hc_span_in_row: the code, names,
 * aliases and vendor, not the keywords); or none yet. A row's spans are
 * those of all in its fields, unless the 8 slots ran out (keywords come
 * before the vendor). */
enum hc_spans_of {
	HC_SPANS_ALL = 0,
	HC_SPANS_ROW,
	HC_SPANS_NONE,
};

struct hc_hit {
	size_t entry;           /* index into the indexed array */
	enum hc_rank rank;
	unsigned short score;   /* sum of the terms' scores and pairs (above) */
	unsigned short fine;    /* terms found in the better fields of a tier */
	unsigned short matched; /* required terms this entry matched */
	unsigned short noise;   /* of the score, what noise words added */
	bool vendor_named;      /* the query names the entry's vendor */
	uint32_t terms;         /* bit i: term i matched (first 32 terms) */
	uint32_t named_terms;   /* … in a name, keyword, header or vendor */
	unsigned short rare;    /* of the score, what rare words added */
	bool coded;             /* a code or code pattern of the query matched */
	bool named;             /* the query holds a whole name or alias of
	                           it, side by side (rank.h) */
	unsigned char spans_of; /* enum hc_spans_of: the fields spans[]
	                           covers (hc_results.spans_of, hc_hit_spans) */
	uint32_t span_terms;    /* bit i: term i matched here, */
	uint32_t typo_terms;    /* … as a typo (for hc_hit_spans) */
	unsigned n_spans;
	struct hc_span spans[HC_HIT_MAX_SPANS];
};

/* Reusable result buffer: search into the same one on every keystroke so
 * that no allocation happens once it has grown (it also keeps the query's
 * work space, so that a search needs little stack). Zero-initialize it. The
 * search keeps cap >= 2 * n: the upper half is scratch for the stable sort. */
struct hc_results {
	struct hc_hit *hits;
	size_t n, cap;
	bool partial;           /* not every word matched: the best partial
	                           matches (matched of terms required terms);
	                           or a sentence's first hit missed one word.
	                           When false, the first hit matched every
	                           word and the others every word or, in a
	                           sentence (above), every word but one */
	unsigned terms, matched;
	size_t complete;        /* hits[0..complete) are the result proper;
	                           the rest only follow them (fewer than
	                           three matched every word, see above) */
	const char *read_as;    /* the query as the search read it, when it
	                           was typed in the other script (English in
	                           Hangul, translit.h; Hangul on the English
	                           layout, dubeol.h): read_as_len bytes in the
	                           work space, until the next search; else NULL */
	size_t read_as_len;
	unsigned char spans_of; /* set by the caller (enum hc_spans_of): the
	                           fields the hits' spans cover. A list asks
	                           for none, and for the names of the rows it
	                           shows (hc_hit_spans), so that a search reads
	                           no text the index can answer for, and finds
	                           no span nobody draws */
	void *work;             /* the query's work space, kept between searches */
};

enum hc_search_status {
	HC_SEARCH_OK = 0,
	HC_SEARCH_EMPTY,        /* query had no terms: results empty */
	HC_SEARCH_INVALID,      /* invalid UTF-8 or control characters */
	HC_SEARCH_TOO_LONG,     /* longer than HC_QUERY_MAX */
	HC_SEARCH_NOMEM,
};

struct hc_index;

/* Build an index over entries[0..n) (any array: the catalog, or a synthetic
 * one); NULL strings are skipped. The entries must outlive the index. Each
 * string is searched up to its first 21000 bytes. Returns NULL when out of
 * memory. */
struct hc_index *hc_index_new(const struct hc_entry *entries, size_t n);
void hc_index_free(struct hc_index *ix);

/* Run a query (len bytes, need not be NUL-terminated). Hits are sorted best
 * first. Anything but HC_SEARCH_OK leaves out->n == 0. A NULL index or
 * results buffer is HC_SEARCH_INVALID; (NULL, 0) is an empty query. The index
 * is only read: one index may serve several threads, each with its own
 * results buffer. */
enum hc_search_status hc_search(const struct hc_index *ix, const char *query,
                                size_t len, struct hc_results *out);

/* As hc_search, but no term is a code pattern: "404" or "4xx" is a word,
 * found where the text has it (httpcodes --search). */
enum hc_search_status hc_search_words(const struct hc_index *ix,
                                      const char *query, size_t len,
                                      struct hc_results *out);

void hc_results_free(struct hc_results *r);

/* Gives h (a hit of r, or a copy of one) its spans over the fields `of`
 * names (HC_SPANS_ROW or HC_SPANS_ALL) as a search asking for them would
 * have: for the query r last ran, over the index it ran on. Nothing to do
 * when it has them. */
void hc_hit_spans(const struct hc_index *ix, const struct hc_results *r, struct hc_hit *h,
                  enum hc_spans_of of);

/* Whether a list's row shows field f (enum hc_field): HC_SPANS_ROW. */
static inline bool hc_span_in_row(unsigned f)
{
	return f == HC_FIELD_CODE || f == HC_FIELD_PHRASE_EN || f == HC_FIELD_NAME_KO ||
	       f == HC_FIELD_ALIAS_EN || f == HC_FIELD_ALIAS_KO || f == HC_FIELD_VENDOR;
}

/* The displayed string a span points into (NULL for a field or item the entry
 * does not have). HC_FIELD_CODE is the code printed as three digits into
 * code[], which must outlive the use of the result. */
const char *hc_span_text(const struct hc_entry *e, const struct hc_span *s, char code[4]);

const char *hc_rank_name(enum hc_rank r);

#endif
