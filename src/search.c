/*
 * search.c - the search engine's entry points: parse a query into terms,
 * look its English terms up in the dictionary of every field's words and in
 * the typo words (textdict.h, typodict.h), score every entry (rank.c),
 * collect highlight spans, sort.
 *
 * hc_search works on the results buffer only: its first call allocates the
 * query's work space there (about 17 KB, kept for the next searches, and
 * the English terms' sets of fields: 1.6 KB per term for the catalog,
 * grown with the longest query yet) and
 * the hit array grows as needed; nothing is allocated once both exist
 * (libunistring may allocate while folding a pathological grapheme of
 * hundreds of combining marks). The stack frame stays small.
 */
#include "search.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "chars.h"
#include "fold.h"
#include "numword.h"
#include "hangul.h"
#include "index.h"
#include "names.h"
#include "match.h"
#include "expand.h"
#include "firstkeys.h"
#include "query.h"
#include "kspace.h"
#include "kstem.h"
#include "dubeol.h"
#include "translit.h"
#include "qwords.h"
#include "rank.h"
#include "constname.h"
#include "utf8.h"

/* The fallback to partial matches looks at every term of every entry: it
 * is tried for queries of up to this many required terms (a sentence, a log
 * line, a bug report pasted whole: one of 18 terms found nothing at 16), not
 * for a longer paste of junk. (Lowered to 16 once for a slow screen test
 * under ASan; the cause was the browser searching after every control key
 * of a paste, fixed in the key loop.) */
#define PARTIAL_TERMS_MAX 32

/* A sentence (a question, a symptom told in words) of at least
 * SENTENCE_TERMS required terms whose best full match has them in running text
 * is read more loosely: an entry that matches all its terms but one also
 * competes, its score less SENTENCE_MISS (see search.h). */
#define SENTENCE_TERMS 3
#define SENTENCE_MISS 6
/* A word of a partial result that few entries match (run_pass): in a name
 * or a keyword of an entry, it is worth more there. */
#define RARE_FEW 3
#define RARE_SOME 10
#define RARE_BONUS 2

_Static_assert(HC_TERMS_MAX <= 32, "a hit keeps its terms in 32-bit sets");

/* The query's work space, kept in the results buffer. Its pages are
 * written as far as a query needs them (issue 18: memory after a search),
 * so what every query writes comes first, the query parsed (rank.h orders
 * its members so), and the rewrites' buffers are sized by the query, not
 * by HC_QUERY_MAX: a short query writes three of its pages, not six (the
 * first, the folded text's, and the last, which the allocations after it
 * share). */
struct work {
	/* sets of the index's fields: two of scratch, then per English term
	 * where it has a typo, where it matches and where whole
	 * (hc_term.typo_found, tx_found, tx_whole); tx_cap words, grown for
	 * the index and the query searched */
	uint64_t *tx;
	size_t tx_cap;
	/* per entry, what the names in order said of the whole query
	 * (hc_query.whole_of); names_cap bytes */
	uint8_t *names;
	size_t names_cap;
	/* the rewrites of a query of n bytes (each writes at most the room
	 * its function documents for its input, which is never longer than
	 * the query): said, n bytes: codes said in words as digits; wide,
	 * 2n: the query with identifiers cut (expand.h); spaced, 4n: wide
	 * Korean spaced, or read in the other script; split, 2n +
	 * HC_TERMS_MAX: wide, compounds cut. All in bytes[0 .. bytes_cap). */
	uint8_t *bytes, *said, *wide, *spaced, *split;
	size_t bytes_cap;
	struct hc_query q;
	struct hc_query part;           /* scratch: a compound's halves */
};

/* Room in w for the rewrites of a query of n bytes (above); false when out
 * of memory. */
static bool work_bytes(struct work *w, size_t n)
{
	size_t need = 9 * n + HC_TERMS_MAX;

	if (need > w->bytes_cap) {
		uint8_t *b = realloc(w->bytes, need);

		if (!b)
			return false;
		w->bytes = b;
		w->bytes_cap = need;
	}
	w->said = w->bytes;
	w->wide = w->said + n;
	w->spaced = w->wide + 2 * n;
	w->split = w->spaced + 4 * n;
	return true;
}

/* ---- parsing a query ---------------------------------------------------- */

/* Valid UTF-8 with no C0, DEL or C1 control characters. */
static bool query_is_clean(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		hc_uc c;
		bool bad;

		i += hc_utf8_decode((const char *)s + i, n - i, &c, &bad);
		if (bad || hc_uc_is_control(c))
			return false;
	}
	return true;
}

/* A term of syllables and 초성 only (at least one 초성): matched against the
 * syllable arrays, so "ㅇㅊ" and "요ㅊ" both find 요청. */
static bool classify_jamo(struct hc_query *q, struct hc_term *t)
{
	size_t start = q->n_jamo, nj = 0;
	bool initial = false;

	for (size_t i = 0; i < t->n;) {
		ucs4_t c;
		int ini;

		if (start + nj >= HC_QUERY_MAX)
			return false;   /* cannot happen: each takes 3 bytes */
		i += hc_utf8_decode((const char *)(t->s + i), t->n - i, &c, NULL);
		ini = hc_initial_of_jamo(c);
		if (ini >= 0) {
			q->jamo[start + nj++] = (uint16_t)(HC_JAMO_INITIAL | (unsigned)ini);
			initial = true;
		} else if (hc_uc_is_syllable(c)) {
			q->jamo[start + nj++] = (uint16_t)(c - 0xAC00);
		} else {
			return false;
		}
	}
	if (!initial)
		return false;
	t->jamo = q->jamo + start;
	t->n_jamo = nj;
	q->n_jamo += nj;
	return true;
}

static bool all_ascii_letters(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z'))
			return false;
	return true;
}

/* A Korean term made of 3 to 12 syllables only (2 with typo2), as offsets
 * from U+AC00, for typo matching; else n_syl stays 0. */
static void hangul_syllables(struct hc_term *t, bool typo2)
{
	size_t k = 0;

	for (size_t i = 0; i < t->n;) {
		ucs4_t c;

		i += hc_utf8_decode((const char *)(t->s + i), t->n - i, &c, NULL);
		if (!hc_uc_is_syllable(c) || k == SYL_TYPO_MAX)
			return;
		t->syl[k++] = (uint16_t)(c - 0xAC00);
	}
	if (k >= SYL_TYPO_MIN || (k == 2 && typo2))
		t->n_syl = k;
}

static void classify_kind(struct hc_query *q, struct hc_term *t)
{
	char tmp[4];
	ucs4_t c;
	size_t own;     /* the word of a possessive, without its 's */

	if (t->n <= 3 && !q->words_only) {
		memcpy(tmp, t->s, t->n);
		tmp[t->n] = 0;
		if (hc_pattern_parse(tmp, &t->pat)) {
			t->kind = T_PATTERN;
			return;
		}
	}
	if (hc_has_hangul(t->s, t->n)) {
		t->kind = classify_jamo(q, t) ? T_JAMO : T_HANGUL;
		t->stem = hc_query_stem(t->s, t->n);
		if (t->kind == T_HANGUL) {
			t->alt_n = hc_query_variant(t->s, t->n, t->alt, sizeof t->alt);
			hangul_syllables(t, q->typo2);
		}
		return;
	}
	t->kind = T_WORD;
	hc_utf8_decode((const char *)t->s, t->n, &c, NULL);
	t->anchor = hc_is_word_char(c);
	t->typo = t->n >= TYPO_MIN && t->n <= TYPO_MAX &&
	          all_ascii_letters(t->s, t->n);
	if (t->typo) {
		t->alt_n = hc_query_american(t->s, t->n, t->alt, sizeof t->alt);
		if (t->alt_n == 0 && hc_query_stem_en(t->s, t->n) < t->n) {
			t->alt_n = hc_query_stem_en(t->s, t->n);
			memcpy(t->alt, t->s, t->alt_n);
			t->alt_stem = true;
		}
	} else if (hc_query_negated(t->s, t->n)) {
		/* "isn't", "can't", "doesn’t": the table writes "not" */
		memcpy(t->alt, "not", 3);
		t->alt_n = 3;
	} else if ((own = hc_query_possessive(t->s, t->n)) > 0 && own <= sizeof t->alt) {
		/* "url's": also the word alone */
		memcpy(t->alt, t->s, own);
		t->alt_n = own;
	}
}

/* The bytes a match needs: those of the term (of its stem, for Korean: the
 * stem is a prefix) and of its other spelling. */
static void classify(struct hc_query *q, struct hc_term *t)
{
	classify_kind(q, t);
	hc_bytes_add(&t->has, t->s, t->kind == T_HANGUL ? t->stem : t->n);
	hc_bytes_add(&t->has_alt, t->alt, t->alt_n);
}

/* The terms joined by one space (or, when Korean, none), to compare with
 * whole names and keywords: "not found" is the name of 404, not just two
 * words. w = 0 joins every term, w = 1 the required ones only. */
static void join_terms(struct hc_query *q, int w)
{
	size_t len = 0;

	for (size_t k = 0; k < q->n_terms; k++) {
		const struct hc_term *t = &q->terms[k];

		if (w == 1 && t->optional)
			continue;
		if (len + t->n + 1 > WHOLE_MAX) {
			q->whole_ok = false;
			return;
		}
		if (len > 0 && !q->whole_hangul)
			q->whole[w][len++] = ' ';
		memcpy(q->whole[w] + len, t->s, t->n);
		len += t->n;
	}
	q->whole_len[w] = len;
}

static enum hc_search_status parse_query(const uint8_t *s, size_t n,
                                         bool words_only, bool typo2, struct hc_query *q)
{
	struct hc_fold f = { q->fold, NULL, NULL, sizeof q->fold, 0, true };
	int r = hc_fold_text(s, n, &f);
	struct hc_qterms qt;

	q->words_only = words_only;
	q->typo2 = typo2;
	if (r < 0)
		return HC_SEARCH_NOMEM;
	if (r > 0)
		return HC_SEARCH_TOO_LONG;
	q->fold_len = f.len;
	hc_query_respell(q->fold, q->fold_len);
	hc_query_split(q->fold, q->fold_len, words_only, &qt);
	q->n_terms = qt.n;
	memcpy(q->seq, qt.seq, qt.n_seq);
	q->n_seq = qt.n_seq;
	q->n_required = qt.n_required;
	q->status_line = qt.status_line;
	q->n_jamo = 0;
	q->whole_ok = true;
	q->whole_hangul = false;
	for (size_t k = 0; k < qt.n; k++) {
		struct hc_term *t = &q->terms[k];

		memset(t, 0, sizeof *t);
		t->s = q->fold + qt.t[k].at;
		t->n = qt.t[k].len;
		t->optional = qt.t[k].optional;
		t->header = qt.t[k].header;
		t->header_of = qt.t[k].header_of;
		classify(q, t);
		if (t->kind == T_PATTERN || t->kind == T_JAMO)
			q->whole_ok = false;
		if (t->kind == T_HANGUL)
			q->whole_hangul = true;
	}
	if (q->n_terms == 0)
		return HC_SEARCH_EMPTY;
	join_terms(q, 0);
	join_terms(q, 1);
	return HC_SEARCH_OK;
}

/* ---- spans -------------------------------------------------------------- */

static void push_span(struct hc_hit *h, unsigned field, unsigned item,
                      size_t start, size_t end)
{
	struct hc_span *sp;

	if (h->n_spans >= HC_HIT_MAX_SPANS || end <= start)
		return;
	for (unsigned i = 0; i < h->n_spans; i++) {
		sp = &h->spans[i];
		if (sp->field == field && sp->item == item && sp->start == start &&
		    sp->len == end - start)
			return;
	}
	sp = &h->spans[h->n_spans++];
	sp->field = (unsigned char)field;
	sp->item = (unsigned char)item;
	sp->start = (unsigned short)start;
	sp->len = (unsigned short)(end - start);
}

/* A folded range [a, b) of f, mapped back onto the original string. */
static void add_span(const struct hc_index *ix, struct hc_hit *h, const struct hc_sfield *f,
                     size_t a, size_t b)
{
	hc_field_span(ix, f, &a, &b);
	push_span(h, f->field, f->item, a, b);
}

/* Spans over the printed three-digit code: one per run of given digits
 * ("5?3" highlights the 5 and the 3). */
static void add_code_spans(struct hc_hit *h, const struct hc_pattern *p)
{
	size_t i = 0;

	while (i < p->len && i < 3) {
		size_t start;

		while (i < p->len && i < 3 && p->digit[i] == '?')
			i++;
		start = i;
		while (i < p->len && i < 3 && p->digit[i] != '?')
			i++;
		push_span(h, HC_FIELD_CODE, 0, start, i);
	}
}

static void add_typo_spans(const struct hc_index *ix, size_t e, size_t fi,
                           const struct hc_term *t, struct hc_hit *h)
{
	struct hc_ftext ft = hc_field_text(ix, e, fi);
	size_t a, b;

	if (t->kind == T_HANGUL) {
		if (hc_sf_tier(ft.f) == HC_TIER_NAME && hc_hangul_typo_span(&ft, t, &a, &b))
			add_span(ix, h, ft.f, a, b);
		return;
	}
	for (size_t w = ix->first_word[e]; w < ix->first_word[e + 1]; w++) {
		const struct hc_tword *tw = &ix->words[w];

		if (tw->field == fi && hc_typo_fits(ft.s, tw, t))
			add_span(ix, h, ft.f, tw->at, (size_t)tw->at + tw->len);
	}
}

/* The first match of every term in every field, in field order, so that the
 * names (which the tree view highlights) get the first of the slots; with
 * HC_SPANS_ROW, the fields a row shows only (the running text comes after
 * them all); with HC_SPANS_NONE, nothing. */
static void collect_spans(const struct hc_index *ix, size_t e,
                          const struct hc_query *q, const unsigned char *trank,
                          enum hc_spans_of of, struct hc_hit *h)
{
	bool row_only = of == HC_SPANS_ROW;

	h->n_spans = 0;
	h->spans_of = (unsigned char)of;
	if (of == HC_SPANS_NONE)
		return;
	for (size_t i = 0; i < q->n_terms; i++)
		if (q->terms[i].kind == T_PATTERN && trank[i] != HC_RANK_NONE)
			add_code_spans(h, &q->terms[i].pat);
	for (size_t fi = ix->first_field[e]; fi < ix->first_field[e + 1]; fi++) {
		struct hc_ftext ft = { NULL, NULL, 0 };
		uint64_t bit;

		/* a row's fields: the names and aliases, which come first,
		 * then the vendor, the last before the running text */
		if (row_only && !hc_span_in_row(hc_field_kind(ix, fi))) {
			size_t v = hc_vendor_field(ix, e);

			if (v == SIZE_MAX || v < fi)
				break;
			fi = v;
		}
		/* a field the lookups say a term misses is not read */
		bit = (uint64_t)1 << (fi & 63);
		for (size_t i = 0; i < q->n_terms; i++) {
			const struct hc_term *t = &q->terms[i];
			size_t a, b;
			bool whole;

			if (h->n_spans >= HC_HIT_MAX_SPANS)
				return;
			if (trank[i] == HC_RANK_NONE)
				continue;
			if (trank[i] == HC_RANK_TYPO) {
				if (!t->typo_found || (t->typo_found[fi >> 6] & bit))
					add_typo_spans(ix, e, fi, t, h);
				continue;
			}
			if (t->tx_found && !(t->tx_found[fi >> 6] & bit))
				continue;
			if (!ft.f)
				ft = hc_field_text(ix, e, fi);
			if (hc_match_field(&ft, t, &a, &b, &whole))
				add_span(ix, h, ft.f, a, b);
		}
	}
}

/* ---- results ------------------------------------------------------------ */

/* Room for n hits, keeping the capacity at least twice the count:
 * the upper half is the scratch space of the stable sort. */
static bool reserve_hits(struct hc_results *r, size_t n)
{
	size_t need = 2 * n;

	if (need > r->cap) {
		size_t cap = r->cap ? r->cap : 64;
		struct hc_hit *p;

		while (cap < need)
			cap *= 2;
		if (cap > SIZE_MAX / sizeof *p)
			return false;
		p = realloc(r->hits, cap * sizeof *p);
		if (!p)
			return false;
		r->hits = p;
		r->cap = cap;
	}
	return true;
}

static struct hc_hit *push_hit(struct hc_results *r)
{
	return reserve_hits(r, r->n + 1) ? &r->hits[r->n++] : NULL;
}

/* In a sentence's loose pass (run_pass), whether an entry whose terms
 * matched as trank may compete: it misses one required term at most, and
 * that one only in running text where the best full match has it (best):
 * a name's word, a header or a vendor missing is not a detail. (run_pass
 * also lets in, at no cost, an entry whose whole name or alias the query
 * holds side by side and that misses one term, whichever: search.h.) */
static bool loose_fits(const struct hc_query *q, const unsigned char *best,
                       const unsigned char *trank)
{
	unsigned missed = 0;

	for (size_t i = 0; i < q->n_terms; i++)
		if (!q->terms[i].optional && trank[i] == HC_RANK_NONE &&
		    (++missed > 1 || best[i] < HC_RANK_TEXT))
			return false;
	return true;
}

/* One pass over the entries. With all_required, an entry must match every
 * required term; else it must match at least half as many as the best
 * entry does (and one at least), or the code the query names, or score
 * above every entry that matches the most. With
 * sentence (and not all_required), it must match every term but one at
 * most, and one missing costs SENTENCE_MISS. */
static enum hc_search_status run_pass(const struct hc_index *ix, const struct hc_query *q,
                                      bool all_required, const unsigned char *sentence,
                                      struct hc_results *out)
{
	unsigned char trank[HC_TERMS_MAX];
	unsigned most = 0, most_score = 0;
	size_t keep = 0;

	out->n = 0;
	for (size_t e = 0; e < ix->n; e++) {
		struct hc_ematch m = hc_rank_entry(ix, e, q, all_required, trank);
		struct hc_hit *h;

		if (m.rank == HC_RANK_NONE ||
		    (sentence && !loose_fits(q, sentence, trank) &&
		     !(m.named && m.matched + 1 >= q->n_required)))
			continue;
		h = push_hit(out);
		if (!h) {
			out->n = 0;
			return HC_SEARCH_NOMEM;
		}
		h->entry = e;
		h->rank = (enum hc_rank)m.rank;
		h->score = (unsigned short)m.score;
		h->fine = (unsigned short)m.fine;
		h->matched = (unsigned short)m.matched;
		h->noise = (unsigned short)m.noise;
		h->vendor_named = m.vendor_named;
		h->terms = h->named_terms = 0;
		h->span_terms = h->typo_terms = 0;
		h->rare = 0;
		for (size_t i = 0; i < q->n_terms && i < 32; i++) {
			if (trank[i] == HC_RANK_NONE)
				continue;
			h->span_terms |= (uint32_t)1 << i;
			if (trank[i] == HC_RANK_TYPO)
				h->typo_terms |= (uint32_t)1 << i;
			if (!q->terms[i].optional) {
				h->terms |= (uint32_t)1 << i;
				if (trank[i] <= HC_RANK_HEADER)
					h->named_terms |= (uint32_t)1 << i;
			}
		}
		h->coded = m.coded != 0;
		h->named = m.named != 0;
		collect_spans(ix, e, q, trank, (enum hc_spans_of)out->spans_of, h);
		if (m.matched > most)
			most = m.matched;
	}
	/* the best score among the entries that match the most terms */
	for (size_t i = 0; i < out->n; i++)
		if (out->hits[i].matched == most && out->hits[i].score > most_score)
			most_score = out->hits[i].score;
	for (size_t i = 0; i < out->n; i++) {
		struct hc_hit *h = &out->hits[i];

		if (sentence) {
			if (h->matched < q->n_required && !h->named)
				h->score = h->score > SENTENCE_MISS ? h->score - SENTENCE_MISS : 0;
		} else if (2 * h->matched < most && !h->coded && h->score <= most_score) {
			continue;
		}
		out->hits[keep++] = *h;
	}
	out->n = keep;
	/* In a partial result (not a sentence's loose pass), a word few entries
	 * match tells more than one most do: it adds RARE_BONUS to each entry
	 * that has it in a name, a keyword, a header or the vendor when at most
	 * RARE_FEW entries matched it (anywhere), RARE_BONUS / 2 when at most
	 * RARE_SOME did (search.h). After the cut above, which compares the
	 * scores of the words alone. */
	if (!all_required && !sentence && q->n_required >= 2) {
		unsigned df[32] = { 0 };
		size_t nt = q->n_terms < 32 ? q->n_terms : 32;

		for (size_t i = 0; i < out->n; i++)
			for (size_t k = 0; k < nt; k++)
				df[k] += out->hits[i].terms >> k & 1;
		for (size_t i = 0; i < out->n; i++)
			for (size_t k = 0; k < nt; k++)
				if (out->hits[i].named_terms >> k & 1) {
					unsigned short b = df[k] <= RARE_FEW ? RARE_BONUS :
					                   df[k] <= RARE_SOME ? RARE_BONUS / 2 : 0;

					out->hits[i].score += b;
					out->hits[i].rare += b;
				}
	}
	out->terms = (unsigned)q->n_required;
	hc_sort_hits(ix, out);
	/* a sentence's loose pass says how many words its first hit has */
	out->matched = sentence && out->n > 0 ? out->hits[0].matched : most;
	out->complete = out->n;
	out->partial = out->n > 0 && out->matched < q->n_required;
	return HC_SEARCH_OK;
}

/* Fewer than FILL_TO hits matched every word: the best partial matches
 * follow them, up to FILL_TO in all (search.h). */
#define FILL_TO 3

static enum hc_search_status fill(const struct hc_index *ix, const struct hc_query *q,
                                  struct hc_results *out)
{
	struct hc_hit first[FILL_TO], pad[FILL_TO];
	size_t nf = out->n, k = 0;
	bool partial = out->partial;
	unsigned matched = out->matched;
	enum hc_search_status st;

	memcpy(first, out->hits, nf * sizeof *first);
	st = run_pass(ix, q, false, NULL, out);
	if (st != HC_SEARCH_OK)
		return st;
	for (size_t i = 0; i < out->n && nf + k < FILL_TO; i++) {
		size_t j = 0;

		while (j < nf && first[j].entry != out->hits[i].entry)
			j++;
		if (j == nf)
			pad[k++] = out->hits[i];
	}
	memcpy(out->hits, first, nf * sizeof *first);
	memcpy(out->hits + nf, pad, k * sizeof *pad);
	out->n = nf + k;
	out->complete = nf;
	out->partial = partial;
	out->matched = matched;
	return HC_SEARCH_OK;
}

/* The fields each English term matches, from the index's dictionary of
 * their words where it can tell (textdict.h), and those with a typo of it,
 * from its typo words (typodict.h): then the passes read no field for that
 * term (rank.c). Its other spelling is looked up as well, and the sets say
 * what hc_match_field would: the term where it is found, else the other
 * spelling (not whole when it is the word without its ending). The sets are
 * sized by the query's terms. */
static void look_up_words(const struct hc_index *ix, struct hc_query *q, struct work *w)
{
	size_t words = ix->dict ? hc_textdict_words(ix->dict) : 0;
	size_t need = (3 * q->n_terms + 2) * words;
	uint64_t *alt, *next;

	for (size_t i = 0; i < q->n_terms; i++)
		q->terms[i].tx_found = q->terms[i].tx_whole = q->terms[i].typo_found = NULL;
	if (!words || !ix->kind)
		return;
	if (w->tx_cap < need) {         /* else the terms read the fields */
		size_t cap = need > 2 * w->tx_cap ? need : 2 * w->tx_cap;
		uint64_t *tx = realloc(w->tx, cap * sizeof *tx);

		if (!tx)
			return;
		w->tx = tx;
		w->tx_cap = cap;
	}
	alt = w->tx;
	next = alt + 2 * words;
	for (size_t i = 0; i < q->n_terms; i++) {
		struct hc_term *t = &q->terms[i];
		uint64_t *found = next, *whole = found + words;

		if (t->kind != T_WORD)
			continue;
		if (t->typo && ix->typos) {
			memset(next, 0, words * sizeof *next);
			hc_typodict_find(ix->typos, t->s, t->n, next);
			t->typo_found = next;
			next += words;
			found = next;
			whole = found + words;
		}
		if (!t->anchor || !hc_textdict_usable(ix->dict, t->s, t->n) ||
		    (t->alt_n && !hc_textdict_usable(ix->dict, t->alt, t->alt_n)))
			continue;
		memset(found, 0, 2 * words * sizeof *found);
		hc_textdict_find(ix->dict, t->s, t->n, found, whole);
		if (t->alt_n) {
			memset(alt, 0, 2 * words * sizeof *alt);
			hc_textdict_find(ix->dict, t->alt, t->alt_n, alt, alt + words);
			for (size_t k = 0; k < words; k++) {
				uint64_t only_alt = alt[k] & ~found[k];

				if (!t->alt_stem)
					whole[k] |= only_alt & alt[words + k];
				found[k] |= only_alt;
			}
		}
		t->tx_found = found;
		t->tx_whole = whole;
		next += 2 * words;
	}
}

/* The entries whose names the whole query is, or starts (rank.c:
 * whole_rank), from the names in order (names.h); where the index has none,
 * or the query is Korean (its match skips spaces), whole_rank reads them. */
static void look_up_names(const struct hc_index *ix, struct hc_query *q, struct work *w)
{
	q->whole_of = NULL;
	if (!ix->by_name || !q->whole_ok || q->whole_hangul || ix->n == 0)
		return;
	if (w->names_cap < ix->n) {
		uint8_t *p = realloc(w->names, ix->n);

		if (!p)
			return;
		w->names = p;
		w->names_cap = ix->n;
	}
	memset(w->names, 0, ix->n);
	hc_names_find(ix, q->whole[0], q->whole_len[0], w->names, 0);
	if (q->whole_len[1] != q->whole_len[0])
		hc_names_find(ix, q->whole[1], q->whole_len[1], w->names, 2);
	q->whole_of = w->names;
}

/* The one-letter query key's answer made at build time (firstkeys.h) into
 * out, less the hits past the index's entries (a view of fewer parts), its
 * spans found as out asks; false when the index has none for it (then the
 * query runs). The query parsed (the work space's) is what spans read. */
static bool first_key(const struct hc_index *ix, int key, struct hc_results *out,
                      enum hc_search_status *st)
{
	const struct hc_firstkeys *fk = ix->first_keys;
	size_t n;

	if (!fk || key < 0 || fk->n_entries < ix->n)
		return false;
	n = hc_firstkeys_count(fk, key);
	if (n == 0)
		return false;
	if (!reserve_hits(out, n)) {
		*st = HC_SEARCH_NOMEM;
		return true;
	}
	n = hc_firstkeys_get(fk, key, ix->n, out->hits);
	if (n == 0)
		return false;
	out->n = out->complete = n;
	out->terms = fk->terms[key];
	out->matched = fk->matched[key];
	out->partial = false;
	if (out->spans_of != HC_SPANS_NONE)
		for (size_t i = 0; i < n; i++)
			hc_hit_spans(ix, out, &out->hits[i], (enum hc_spans_of)out->spans_of);
	*st = HC_SEARCH_OK;
	return true;
}

static enum hc_search_status run(const struct hc_index *ix, struct hc_query *q,
                                 struct hc_results *out)
{
	enum hc_search_status st;
	unsigned char best[HC_TERMS_MAX];

	look_up_words(ix, q, out->work);
	look_up_names(ix, q, out->work);
	st = run_pass(ix, q, true, NULL, out);

	if (st != HC_SEARCH_OK || q->n_required <= 1 || q->n_required > PARTIAL_TERMS_MAX)
		return st;
	if (out->n == 0)
		return run_pass(ix, q, false, NULL, out);
	/* the loose pass: the best full match is in running text, or holds no
	 * whole name of its own while another entry's may be typed (search.h) */
	if (q->n_required >= SENTENCE_TERMS &&
	    (out->hits[0].rank >= HC_RANK_TEXT || !out->hits[0].named)) {
		hc_rank_entry(ix, out->hits[0].entry, q, true, best);
		st = run_pass(ix, q, false, best, out);
	}
	/* (a sentence's loose pass may be partial already: nothing to fill) */
	if (st == HC_SEARCH_OK && out->n > 0 && out->n < FILL_TO && !out->partial &&
	    !out->hits[0].coded && out->hits[0].rank > HC_RANK_NAME_PREFIX)
		st = fill(ix, q, out);
	return st;
}

/* The two-syllable typo try is for short queries (너무 만은 요청): on a
 * long one it would cost two more passes per keystroke for a word that
 * its other words outweigh anyway. */
#define TYPO2_TERMS_MAX 4

/* Whether q is short and has a Korean word of two syllables (typo2 read
 * it so). */
static bool has_typo2(const struct hc_query *q)
{
	if (q->n_required > TYPO2_TERMS_MAX)
		return false;
	for (size_t i = 0; i < q->n_terms; i++)
		if (q->terms[i].kind == T_HANGUL && q->terms[i].n_syl == 2)
			return true;
	return false;
}

/* Runs the query s[0..n) again, rewritten or (typo2) read with two-
 * syllable Korean typos, into out: true when it leaves fewer words
 * unmatched than `missed` (out then holds its result). */
static bool better(const struct hc_index *ix, const uint8_t *s, size_t n, bool words_only,
                   bool typo2, unsigned missed, struct hc_results *out)
{
	struct work *w = out->work;

	return parse_query(s, n, words_only, typo2, &w->q) == HC_SEARCH_OK &&
	       (!typo2 || has_typo2(&w->q)) &&
	       run(ix, &w->q, out) == HC_SEARCH_OK && out->n > 0 &&
	       out->terms - out->matched < missed;
}

/* The search kept the query as rewritten into s[0..n), in the other
 * script: the caller may say so (hc_results.read_as). */
static enum hc_search_status read_as(struct hc_results *out, const uint8_t *s, size_t n)
{
	out->read_as = (const char *)s;
	out->read_as_len = n;
	return HC_SEARCH_OK;
}

/* The rewrites into the other script, tried in this order (search). */
static size_t (*const other_script[])(const uint8_t *, size_t, uint8_t *) = {
	hc_query_translit, hc_query_dubeol, hc_query_dubeol_keys,
};

/* Whether the table has s[0..n) (a Korean word) as it is typed, anywhere
 * or (named) as a whole word of a name, an alias or a keyword: no typo and
 * no other spelling counted. */
static bool word_found(const struct hc_index *ix, struct hc_query *scratch, const uint8_t *s,
                       size_t n, bool named)
{
	struct hc_term t;

	memset(&t, 0, sizeof t);
	t.s = s;
	t.n = n;
	scratch->typo2 = false;
	scratch->words_only = true;
	scratch->n_jamo = 0;
	classify(scratch, &t);
	if (t.kind != T_HANGUL)
		return false;
	t.n_syl = 0;
	t.alt_n = 0;
	memset(&t.has_alt, 0, sizeof t.has_alt);
	return named ? hc_rank_term_named(ix, &t) : hc_rank_term_found(ix, &t);
}

/* Whether the Korean term ends with a particle or an ending (나는데,
 * 걸려서): a word with grammar glued to it, not two nouns. */
static bool ends_as_verb(const struct hc_term *t)
{
	for (size_t k = 3; k < t->n; k += 3)
		if (hc_query_is_ending(t->s + t->n - k, k))
			return true;
	return false;
}

/* Korean compounds typed as one word: each required Korean term of q (3
 * to 12 syllables, nothing else in it) that no entry has is cut in two
 * where both halves are whole words of names, aliases or keywords, the
 * longer first half first (중복키 → 중복 키: 409's 중복 and 고유 키).
 * Writes wide[0..n) so cut into out (room for n + HC_TERMS_MAX bytes);
 * returns the length, n when nothing was cut. A term typed twice is cut
 * where it first stands. */
static size_t split_compounds(const struct hc_index *ix, const struct hc_query *q,
                              struct hc_query *scratch, const uint8_t *wide, size_t n,
                              uint8_t *out)
{
	size_t cut[HC_TERMS_MAX], n_cut = 0, k = 0, from = 0;

	for (size_t i = 0; i < q->n_terms; i++) {
		const struct hc_term *t = &q->terms[i];
		const uint8_t *at;

		if (t->kind != T_HANGUL || t->optional || t->n_syl < SYL_TYPO_MIN ||
		    t->n_syl * 3 != t->n || word_found(ix, scratch, t->s, t->n, false))
			continue;
		at = memmem(wide, n, t->s, t->n);
		if (!at || ends_as_verb(t))
			continue;
		for (size_t j = t->n_syl - 1; j >= 2; j--)
			if (word_found(ix, scratch, t->s, 3 * j, true) &&
			    word_found(ix, scratch, t->s + 3 * j, t->n - 3 * j, true)) {
				cut[n_cut++] = (size_t)(at - wide) + 3 * j;
				break;
			}
	}
	if (n_cut == 0)
		return n;
	/* the cuts in the order they stand in wide */
	for (size_t i = 1; i < n_cut; i++)
		for (size_t j = i; j > 0 && cut[j - 1] > cut[j]; j--) {
			size_t x = cut[j];

			cut[j] = cut[j - 1];
			cut[j - 1] = x;
		}
	for (size_t i = 0; i < n_cut; i++) {
		memcpy(out + k, wide + from, cut[i] - from);
		k += cut[i] - from;
		out[k++] = ' ';
		from = cut[i];
	}
	memcpy(out + k, wide + from, n - from);
	return k + n - from;
}

/* The first try's query and the table, for joined_unknown(). */
struct joined {
	const struct hc_index *ix;
	const struct hc_query *q;
};

/* Whether the joined word w[0..n) ("form-data") is a term of the first
 * try that no entry has: then the second try cuts it ("form data"); one
 * the table spells so ("Retry-After", "If-Match") stays whole. */
static bool joined_unknown(const uint8_t *w, size_t n, const void *ctx)
{
	const struct joined *j = ctx;

	for (size_t i = 0; i < j->q->n_terms; i++) {
		const struct hc_term *t = &j->q->terms[i];

		if (t->n == n && strncasecmp((const char *)t->s, (const char *)w, n) == 0)
			return !hc_rank_term_found(j->ix, t);
	}
	return false;
}

/* Whether the token s[0..n) is written as code is, with a qualifier or
 * words joined: a '.', ':' or '_' in it (HttpStatusCode.Redirect,
 * :not_found, SC_NOT_FOUND), so that a plain word in a sentence ("OK",
 * "GONE") is never read as a constant. */
static bool qualified(const uint8_t *s, size_t n)
{
	return memchr(s, '.', n) || memchr(s, ':', n) || memchr(s, '_', n);
}

/* The query s[0..n) with each token (between spaces) that is a library's
 * constant, written as code is, replaced by its code ("HttpStatusCode.Redirect
 * 가 몇번 코드인지" → "302 가 몇번 코드인지"); a constant with Hangul glued
 * after it keeps the Hangul. Writes out (room for n bytes) and returns its
 * length, 0 when nothing was replaced. */
static size_t constants_in(const uint8_t *s, size_t n, uint8_t *out)
{
	size_t i = 0, k = 0;
	bool any = false;

	while (i < n) {
		size_t a = i, b;
		int code;

		if (s[i] == ' ') {
			out[k++] = s[i++];
			continue;
		}
		while (i < n && s[i] != ' ')
			i++;
		b = a;
		while (b < i && s[b] < 0x80)
			b++;
		if (b - a > 3 && qualified(s + a, b - a) &&
		    (code = hc_constname_code((const char *)s + a, b - a)) > 0) {
			k += (size_t)snprintf((char *)out + k, 4, "%03d", code % 1000);
			a = b;
			any = true;
		}
		memcpy(out + k, s + a, i - a);
		k += i - a;
	}
	return any ? k : 0;
}

struct ident {
	const struct hc_index *ix;
	struct hc_query *scratch;
};

/* Whether the identifier w[0..n) (ASCII letters, typed with humps:
 * "AsyncRequestTimeoutException") is, folded, a whole word of a name, an
 * alias or a keyword: then the query keeps it whole (expand.h). Only long
 * runs are looked up (HC_IDENT_MIN): the humps of a short one are words. */
static bool ident_named(const uint8_t *w, size_t n, const void *ctx)
{
	const struct ident *id = ctx;
	uint8_t low[TYPO_MAX];
	struct hc_term t;

	if (n < HC_IDENT_MIN || n > sizeof low)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = w[i] | 0x20;
	memset(&t, 0, sizeof t);
	t.s = low;
	t.n = n;
	id->scratch->typo2 = false;
	id->scratch->words_only = true;
	id->scratch->n_jamo = 0;
	classify(id->scratch, &t);
	if (t.kind != T_WORD)
		return false;
	t.typo = false;
	t.alt_n = 0;
	memset(&t.has_alt, 0, sizeof t.has_alt);
	return hc_rank_term_named(id->ix, &t);
}

static enum hc_search_status search(const struct hc_index *ix,
                                    const char *query, size_t len,
                                    bool words_only, struct hc_results *out)
{
	const uint8_t *s = (const uint8_t *)query;
	struct work *w;
	enum hc_search_status st;
	char code[4];
	size_t n, n2, n_split;
	unsigned missed;
	bool retried = false;
	struct joined jq;
	struct ident id;
	int k;
	/* a letter or digit alone: answered at build time (firstkeys.h) */
	int key = !words_only && len == 1 && query ? hc_firstkeys_key((uint8_t)query[0]) : -1;

	if (!out)
		return HC_SEARCH_INVALID;
	out->n = 0;
	out->partial = false;
	out->terms = out->matched = 0;
	out->complete = 0;
	out->read_as = NULL;
	out->read_as_len = 0;
	if (!ix || (!query && len))
		return HC_SEARCH_INVALID;
	if (len > HC_QUERY_MAX)
		return HC_SEARCH_TOO_LONG;
	if (!query_is_clean(s, len))
		return HC_SEARCH_INVALID;
	/* A library's constant (http.StatusTooManyRequests) is its code. */
	if (!words_only && (k = hc_constname_code(query, len)) > 0) {
		snprintf(code, sizeof code, "%03d", k % 1000);
		s = (const uint8_t *)code;
		len = 3;
	}
	if (!out->work) {
		out->work = malloc(sizeof *w);
		if (!out->work)
			return HC_SEARCH_NOMEM;
		w = out->work;
		w->tx = NULL;
		w->tx_cap = 0;
		w->names = NULL;
		w->names_cap = 0;
		w->bytes = NULL;
		w->bytes_cap = 0;
	}
	w = out->work;
	if (!work_bytes(w, len))
		return HC_SEARCH_NOMEM;
	id.ix = ix;
	id.scratch = &w->part;
	/* ... and so in a sentence (w->spaced is free until the rewrites) */
	if (!words_only && s != (const uint8_t *)code && (n = constants_in(s, len, w->spaced)) > 0) {
		s = w->spaced;
		len = n;
	}
	if (!words_only) {      /* "사백사", "four oh four": 404 */
		len = hc_numword_rewrite(s, len, w->said);
		s = w->said;
	}
	n = hc_query_expand_keep(s, len, ident_named, &id, w->wide);
	st = parse_query(w->wide, n, words_only, false, &w->q);
	if (st == HC_SEARCH_OK && key >= 0 && first_key(ix, key, out, &st))
		return st;
	if (st == HC_SEARCH_OK)
		st = run(ix, &w->q, out);
	if (st != HC_SEARCH_OK || (out->n > 0 && !out->partial))
		return st;
	/* Korean compounds no entry has, cut where the table has both
	 * halves (중복키 → 중복 키): found now, with the first try's terms,
	 * tried after the spacing below. */
	n_split = split_compounds(ix, &w->q, &w->part, w->wide, n, w->split);
	/* Words left unmatched: once more with one-hump names cut, and words
	 * joined by '-' or '/' the table does not have ("django
	 * PermissionDenied", "form-data"), kept if fewer words are then left. */
	missed = out->n > 0 ? out->terms - out->matched : UINT_MAX;
	jq.ix = ix;
	jq.q = &w->q;
	n2 = hc_query_expand_joined(s, len, joined_unknown, &jq, w->spaced);
	if (n2 != n || memcmp(w->spaced, w->wide, n) != 0) {
		if (better(ix, w->spaced, n2, words_only, false, missed, out))
			return HC_SEARCH_OK;
		retried = true;
	}
	/* Then with Korean typed without its spaces spaced again
	 * (파일이너무커서 → 파일이 너무 커서). */
	n = hc_query_expand_keep(s, len, ident_named, &id, w->wide);
	n2 = hc_query_kspace(w->wide, n, w->spaced);
	if (n2 != n) {
		if (better(ix, w->spaced, n2, words_only, false, missed, out))
			return HC_SEARCH_OK;
		retried = true;
	}
	if (n_split != n) {
		if (better(ix, w->split, n_split, words_only, false, missed, out))
			return HC_SEARCH_OK;
		retried = true;
	}
	/* Then read in the other script: English typed in Hangul (translit.h:
	 * 낫 파운드 → not found), Hangul typed in English mode (dubeol.h:
	 * dlswmd vlfdy → 인증 필요), English typed in Korean mode (ㅜㅐㅅ
	 * 래ㅕㅜㅇ → not found); a reading kept is said (read_as). */
	for (size_t i = 0; i < sizeof other_script / sizeof other_script[0]; i++) {
		n2 = other_script[i](w->wide, n, w->spaced);
		if (n2 == n && memcmp(w->spaced, w->wide, n) == 0)
			continue;
		if (better(ix, w->spaced, n2, words_only, false, missed, out))
			return read_as(out, w->spaced, n2);
		retried = true;
	}
	/* Last with a two-syllable Korean word's final consonant taken as
	 * mistyped (너무 만은 요청: 많은). */
	if (better(ix, w->wide, n, words_only, true, missed, out))
		return HC_SEARCH_OK;
	retried = retried || has_typo2(&w->q);         /* it ran */
	if (!retried)
		return HC_SEARCH_OK;
	st = parse_query(w->wide, n, words_only, false, &w->q);      /* the first result again */
	return st == HC_SEARCH_OK ? run(ix, &w->q, out) : st;
}

enum hc_search_status hc_search(const struct hc_index *ix, const char *query,
                                size_t len, struct hc_results *out)
{
	return search(ix, query, len, false, out);
}

enum hc_search_status hc_search_words(const struct hc_index *ix,
                                      const char *query, size_t len,
                                      struct hc_results *out)
{
	return search(ix, query, len, true, out);
}

void hc_hit_spans(const struct hc_index *ix, const struct hc_results *r, struct hc_hit *h,
                  enum hc_spans_of of)
{
	const struct work *w = r->work;
	unsigned char trank[HC_TERMS_MAX];

	if (h->spans_of <= of || of == HC_SPANS_NONE || !w || !ix || h->entry >= ix->n)
		return;
	/* what collect_spans asks of a term's rank: matched, as a typo */
	for (size_t i = 0; i < w->q.n_terms; i++)
		trank[i] = !(h->span_terms >> i & 1) ? HC_RANK_NONE
		         : h->typo_terms >> i & 1 ? HC_RANK_TYPO : HC_RANK_TEXT;
	collect_spans(ix, h->entry, &w->q, trank, of, h);
}

void hc_results_free(struct hc_results *r)
{
	if (!r)
		return;
	free(r->hits);
	if (r->work) {
		free(((struct work *)r->work)->tx);
		free(((struct work *)r->work)->names);
		free(((struct work *)r->work)->bytes);
	}
	free(r->work);
	r->hits = NULL;
	r->work = NULL;
	r->n = r->cap = 0;
}

const char *hc_rank_name(enum hc_rank r)
{
	static const char *const names[] = {
		[HC_RANK_CODE_EXACT] = "code",
		[HC_RANK_CODE_PREFIX] = "code-prefix",
		[HC_RANK_NAME_EXACT] = "name",
		[HC_RANK_NAME_PREFIX] = "name-prefix",
		[HC_RANK_NAME_WORD] = "name-word",
		[HC_RANK_HEADER] = "header",
		[HC_RANK_TEXT] = "text",
		[HC_RANK_TYPO] = "typo",
	};

	if ((unsigned)r >= sizeof names / sizeof names[0])
		return "?";
	return names[r];
}

const char *hc_span_text(const struct hc_entry *e, const struct hc_span *s, char code[4])
{
	return hc_entry_field(e, (enum hc_field)s->field, s->item, code);
}
