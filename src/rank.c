/*
 * rank.c - score an entry against a parsed query, and order the hits
 * (rank.h; the model is in search.h).
 */
#include "rank.h"

#include <string.h>

#include "names.h"

#define SCORE_CODE HC_TERM_SCORE(HC_TIER_NAME + 1, 0)
/* Two neighbouring terms found side by side in a name or keyword. */
#define SCORE_PAIR 3
/* For each header's name typed with the word "header" that is one of the
 * entry's headers ("the Expect header" in a long question): the header
 * says which code more than the sentence's other words do. */
#define HEADER_BONUS 6
/* Per term of a run of neighbouring terms that is a whole name, alias or
 * keyword: "says not modified" holds the name of 304. */
#define SCORE_NAME_IN_QUERY 3

/* The best match of one term in an entry. */
struct tmatch {
	unsigned char rank, score, fine;
	bool header;            /* a header's name, one of e's headers */
};

/* A header's name that is one of the entry's headers, and the word
 * "header" after it: as good as a word of the entry's name. */
static struct tmatch named_header(void)
{
	return (struct tmatch){ HC_RANK_NAME_WORD, HC_TERM_SCORE(HC_TIER_NAME, 1), 1, true };
}

static struct tmatch match_term(const struct hc_index *ix, size_t e, const struct hc_term *t)
{
	struct tmatch m = { HC_RANK_NONE, 0, 0, false };
	size_t a, b;
	unsigned miss;
	bool whole;

	if (t->kind == T_PATTERN) {
		if (!hc_pattern_match(&t->pat, ix->entries[e].code))
			return m;
		m.rank = hc_pattern_is_exact(&t->pat) ? HC_RANK_CODE_EXACT : HC_RANK_CODE_PREFIX;
		m.score = SCORE_CODE;
		return m;
	}
	/* Bytes the entry lacks: no exact match; a typo may still stand in
	 * for one letter (English) or one syllable (Korean, 3 bytes). */
	miss = t->kind == T_JAMO ? 0 : hc_bytes_missing(&ix->has[e], &t->has);
	if (miss && t->alt_n && hc_bytes_missing(&ix->has[e], &t->has_alt) == 0)
		miss = 0;
	if (t->tx_found) {
		/* the dictionary of the fields' words said (search.c): the
		 * fields that match, read by their kind alone */
		size_t end = ix->first_field[e + 1];

		for (size_t i = hc_bit_next(t->tx_found, ix->first_field[e], end); miss == 0 && i < end;
		     i = hc_bit_next(t->tx_found, i + 1, end)) {
			unsigned tier = hc_kind_tier(ix->kind[i]), rank = hc_tier_rank(tier);
			unsigned fine = hc_kind_fine(ix->kind[i]), sc;

			if (m.rank != HC_RANK_NONE && rank != m.rank)
				break;
			whole = (t->tx_whole[i >> 6] >> (i & 63) & 1) != 0;
			sc = HC_TERM_SCORE(tier, whole);
			m.rank = (unsigned char)rank;
			if (sc > m.score || (sc == m.score && fine > m.fine)) {
				m.score = (unsigned char)sc;
				m.fine = (unsigned char)fine;
			}
		}
	}
	for (size_t i = ix->first_field[e]; !t->tx_found && miss == 0 && i < ix->first_field[e + 1];
	     i++) {
		const struct hc_sfield *f = &ix->fields[i];
		struct hc_ftext ft;
		unsigned sc;

		if (m.rank != HC_RANK_NONE && hc_sf_rank(f) != m.rank)
			break;
		ft = hc_field_text(ix, e, i);
		if (!hc_match_field(&ft, t, &a, &b, &whole))
			continue;
		sc = HC_TERM_SCORE(hc_sf_tier(f), whole);
		m.rank = (unsigned char)hc_sf_rank(f);
		if (sc > m.score || (sc == m.score && hc_sf_fine(f) > m.fine)) {
			m.score = (unsigned char)sc;
			m.fine = (unsigned char)hc_sf_fine(f);
		}
	}
	/* A word typed as a header's name that is one of the entry's headers,
	 * whole: as good as a word of its name ("Allow header" is 405's). */
	if (t->header && miss == 0 && (m.rank == HC_RANK_NONE || m.rank >= HC_RANK_NAME_WORD)) {
		for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
			struct hc_ftext ft;

			if (ix->fields[i].field != HC_FIELD_HEADER)
				continue;
			ft = hc_field_text(ix, e, i);
			if (hc_match_whole(&ft, t->s, t->n, false) == 2)
				return named_header();
		}
	}
	if (m.rank == HC_RANK_NONE && (t->typo || t->n_syl) && miss <= (t->n_syl ? 3u : 1u) &&
	    (t->typo_found ? hc_bit_next(t->typo_found, ix->first_field[e], ix->first_field[e + 1]) <
	                     ix->first_field[e + 1]
	                   : hc_match_typo(ix, e, t))) {
		m.rank = HC_RANK_TYPO;
		m.score = HC_TERM_SCORE(HC_TIER_TYPO, 1);
	}
	return m;
}

bool hc_rank_term_found(const struct hc_index *ix, const struct hc_term *t)
{
	for (size_t e = 0; e < ix->n; e++)
		if (match_term(ix, e, t).rank != HC_RANK_NONE)
			return true;
	return false;
}

bool hc_rank_term_named(const struct hc_index *ix, const struct hc_term *t)
{
	for (size_t e = 0; e < ix->n; e++) {
		for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
			struct hc_ftext ft;
			size_t a, b;
			bool whole;

			if (hc_sf_tier(&ix->fields[i]) != HC_TIER_NAME)
				break;
			ft = hc_field_text(ix, e, i);
			if (hc_match_field(&ft, t, &a, &b, &whole) && whole &&
			    (b == ft.n || ft.s[b] == ' '))
				return true;
		}
	}
	return false;
}

/* Whether the terms typed at k..j-1 (q->seq), joined (by one space, or
 * none when Korean; Korean terms by their stems), are the whole of a name,
 * an alias or a keyword of e: 2 for a name or an alias, 1 for a keyword,
 * else 0. */
static int run_is_name(const struct hc_index *ix, size_t e, const struct hc_query *q,
                        size_t k, size_t j)
{
	uint8_t buf[WHOLE_MAX];
	size_t len = 0;
	bool hangul = false;

	for (size_t i = k; i < j; i++)
		hangul = hangul || q->terms[q->seq[i]].kind == T_HANGUL;
	for (size_t i = k; i < j; i++) {
		const struct hc_term *t = &q->terms[q->seq[i]];
		size_t n = t->kind == T_HANGUL ? t->stem : t->n;

		if (len + n + 1 > sizeof buf)
			return 0;
		if (len > 0 && !hangul)
			buf[len++] = ' ';
		memcpy(buf + len, t->s, n);
		len += n;
	}
	for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
		struct hc_ftext ft;

		if (hc_sf_tier(&ix->fields[i]) != HC_TIER_NAME)
			break;
		if (hangul && !hc_sf_hangul(&ix->fields[i]))
			continue;
		ft = hc_field_text(ix, e, i);
		if (hc_match_whole(&ft, buf, len, hangul) == 2)
			return ix->fields[i].field == HC_FIELD_KEYWORD_EN ||
			       ix->fields[i].field == HC_FIELD_KEYWORD_KO ? 1 : 2;
	}
	return 0;
}

/* SCORE_PAIR for each two terms typed side by side (q->seq) that stand side
 * by side in a name, an alias or a keyword of e: "timed out" in "upstream
 * timed out" is a phrase, not two words somewhere. Then SCORE_NAME_IN_QUERY
 * for a word that is e's whole one-word English name or alias, and for each
 * term of the longest runs of such pairs that make a whole name, alias or
 * keyword: a sentence that holds a code's name ("the server says not
 * modified") is about that code. */
static unsigned pair_score(const struct hc_index *ix, size_t e, const struct hc_query *q,
                           const unsigned char *trank, int *named)
{
	bool side[HC_SEQ_MAX] = { false };
	unsigned sc = 0;

	for (size_t k = 0; k + 1 < q->n_seq; k++) {
		const struct hc_term *x = &q->terms[q->seq[k]], *y = &q->terms[q->seq[k + 1]];

		if (trank[q->seq[k]] == HC_RANK_NONE || trank[q->seq[k + 1]] == HC_RANK_NONE ||
		    x == y || x->kind == T_PATTERN || y->kind == T_PATTERN)
			continue;
		for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
			struct hc_ftext ft;

			if (hc_sf_tier(&ix->fields[i]) != HC_TIER_NAME)
				break;
			ft = hc_field_text(ix, e, i);
			if (hc_match_pair(&ft, x, y)) {
				sc += SCORE_PAIR;
				side[k] = true;
				break;
			}
		}
	}
	/* SCORE_NAME_IN_QUERY for a word typed that is the whole of e's
	 * one-word English name or alias ("unauthorized", "forbidden"; six
	 * letters at least: "found" and "gone" are words of sentences too), or
	 * an identifier that is one of its keywords whole
	 * ("MaxUploadSizeExceededException which status should this map to"). */
	for (size_t k = 0; k < q->n_seq; k++) {
		const struct hc_term *t = &q->terms[q->seq[k]];

		if (t->kind != T_WORD || t->optional || t->n < 6 || trank[q->seq[k]] == HC_RANK_NONE)
			continue;
		for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
			struct hc_ftext ft;

			if (hc_sf_tier(&ix->fields[i]) != HC_TIER_NAME)
				break;          /* names come first (index.h) */
			if (ix->fields[i].field != HC_FIELD_PHRASE_EN && ix->fields[i].field != HC_FIELD_ALIAS_EN &&
			    (ix->fields[i].field != HC_FIELD_KEYWORD_EN || t->n < HC_IDENT_MIN))
				continue;
			ft = hc_field_text(ix, e, i);
			if (hc_match_whole(&ft, t->s, t->n, false) == 2) {
				sc += SCORE_NAME_IN_QUERY;
				break;
			}
		}
	}
	/* Runs of side-by-side pairs, longest first from each start. */
	for (size_t k = 0; k + 1 < q->n_seq;) {
		size_t end = k, j;
		int kind = 0;

		while (end + 1 < q->n_seq && side[end])
			end++;
		for (j = end + 1; j >= k + 2; j--)
			if ((kind = run_is_name(ix, e, q, k, j)) != 0)
				break;
		if (j >= k + 2) {
			if (kind > *named)
				*named = kind;
			sc += SCORE_NAME_IN_QUERY * (unsigned)(j - k);
			k = j;
		} else {
			k++;
		}
	}
	/* A name or an alias inside a run the keyword above took ("nginx
	 * client closed" is a keyword of 499, "client closed request" its
	 * name): the entry is named all the same (search.h's loose pass). */
	for (size_t k = 0; *named < 2 && k + 1 < q->n_seq; k++) {
		size_t end = k;

		while (end + 1 < q->n_seq && side[end])
			end++;
		for (size_t j = end + 1; *named < 2 && j >= k + 2; j--)
			if (run_is_name(ix, e, q, k, j) == 2)
				*named = 2;
	}
	return sc;
}

/* NAME_EXACT or NAME_PREFIX when the whole query (with or without its
 * optional terms) is, or starts, a name, an alias or a keyword; the one word
 * a sentence's noise leaves must be a whole one ("when do you use see
 * other" is no NAME_PREFIX for 403's keywords that start with "other"). */
static int whole_rank(const struct hc_index *ix, size_t e,
                      const struct hc_query *q)
{
	int best = HC_RANK_NONE;
	/* without optional terms the two joins are the same bytes */
	int joins = q->whole_len[1] != q->whole_len[0] ? 2 : 1;

	if (q->whole_of) {      /* the names in order said (names.h) */
		unsigned v = q->whole_of[e];

		if (v & (HC_NAMES_EXACT | HC_NAMES_EXACT << 2))
			return HC_RANK_NAME_EXACT;
		if ((v & HC_NAMES_PREFIX) || ((v & HC_NAMES_PREFIX << 2) && q->n_required > 1))
			return HC_RANK_NAME_PREFIX;
		return HC_RANK_NONE;
	}
	for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
		const struct hc_sfield *f = &ix->fields[i];
		struct hc_ftext ft;

		if (hc_sf_tier(f) != HC_TIER_NAME)
			break;
		if (q->whole_hangul && !hc_sf_hangul(f))
			continue;
		ft = hc_field_text(ix, e, i);
		for (int w = 0; w < joins; w++) {
			int k = hc_match_whole(&ft, q->whole[w], q->whole_len[w], q->whole_hangul);

			if (k == 2)
				return HC_RANK_NAME_EXACT;
			if (k == 1 && (w == 0 || q->n_required > 1))
				best = HC_RANK_NAME_PREFIX;
		}
	}
	return best;
}

/* Per word of a name (two words or more) that the query's matched terms
 * cover, in any order and apart: "서버가 요청에 사용된 HTTP 주 버전을 지원하지
 * 않을 때" names 505 지원하지 않는 HTTP 버전. */
#define SCORE_NAME_COVERED 2
#define COVER_WORDS 8
/* ... in a query of this many required terms or more (a sentence: shorter
 * ones are names or keywords typed, which the rules above weigh). */
#define COVER_TERMS 3

static bool word_byte(uint8_t c)
{
	return c != ' ' && c != '-' && c != '/' && c != '(' && c != ')' && c != ',';
}

static unsigned cover_score(const struct hc_index *ix, size_t e, const struct hc_query *q,
                            const unsigned char *trank)
{
	unsigned best = 0;

	for (size_t i = ix->first_field[e]; i < ix->first_field[e + 1]; i++) {
		const struct hc_sfield *f = &ix->fields[i];
		struct hc_ftext ft;
		size_t start[COVER_WORDS], end[COVER_WORDS], nw = 0;
		bool covered[COVER_WORDS] = { false };
		unsigned all = 1;

		if (hc_sf_tier(f) != HC_TIER_NAME)
			break;
		if (f->field != HC_FIELD_PHRASE_EN && f->field != HC_FIELD_NAME_KO &&
		    f->field != HC_FIELD_ALIAS_EN && f->field != HC_FIELD_ALIAS_KO)
			continue;
		ft = hc_field_text(ix, e, i);
		for (size_t k = 0; k < ft.n && nw <= COVER_WORDS;) {
			while (k < ft.n && !word_byte(ft.s[k]))
				k++;
			if (k >= ft.n)
				break;
			if (nw == COVER_WORDS) {
				nw++;
				break;
			}
			start[nw] = k;
			while (k < ft.n && word_byte(ft.s[k]))
				k++;
			end[nw++] = k;
		}
		if (nw < 2 || nw > COVER_WORDS)
			continue;
		for (size_t t = 0; t < q->n_terms; t++) {
			size_t a, b;
			bool whole;

			if (trank[t] == HC_RANK_NONE || q->terms[t].kind == T_PATTERN ||
			    q->terms[t].kind == T_JAMO || !hc_match_field(&ft, &q->terms[t], &a, &b, &whole))
				continue;
			for (size_t w = 0; w < nw; w++)
				if (a < end[w] && b > start[w])
					covered[w] = true;
		}
		for (size_t w = 0; w < nw; w++)
			all &= covered[w];
		if (all && SCORE_NAME_COVERED * nw > best)
			best = SCORE_NAME_COVERED * (unsigned)nw;
	}
	return best;
}

/* Whether a word the query matched in entry e is a word of e's vendor. */
static bool vendor_named(const struct hc_index *ix, size_t e, const struct hc_query *q,
                         const unsigned char *trank)
{
	size_t i = hc_vendor_field(ix, e);

	if (i == SIZE_MAX)
		return false;
	for (size_t k = 0; k < q->n_terms; k++) {
		const struct hc_term *t = &q->terms[k];
		struct hc_ftext ft;
		size_t a, b;
		bool whole;

		if (t->kind == T_PATTERN || trank[k] == HC_RANK_NONE)
			continue;
		if (t->tx_found) {      /* the dictionary said */
			if (t->tx_found[i >> 6] >> (i & 63) & 1)
				return true;
			continue;
		}
		ft = hc_field_text(ix, e, i);
		if (hc_match_field(&ft, t, &a, &b, &whole))
			return true;
	}
	return false;
}

struct hc_ematch hc_rank_entry(const struct hc_index *ix, size_t e, const struct hc_query *q,
                                    bool all_required, unsigned char *trank)
{
	struct hc_ematch m = { HC_RANK_CODE_EXACT, 0, 0, 0, 0, 0, 0, false };
	struct tmatch tms[HC_TERMS_MAX];
	int named = 0;

	/* The word "header" counts as its header's name does ("Allow header"
	 * when Allow is one of e's headers): the terms it names first. */
	for (size_t i = 0; i < q->n_terms; i++)
		if (q->terms[i].header)
			tms[i] = match_term(ix, e, &q->terms[i]);
	for (size_t i = 0; i < q->n_terms; i++) {
		const struct hc_term *t = &q->terms[i];
		struct tmatch tm;

		if (t->header_of && tms[t->header_of - 1].header) {
			tm = named_header();
			m.score += HEADER_BONUS;
		} else {
			tm = t->header ? tms[i] : match_term(ix, e, t);
		}
		trank[i] = tm.rank;
		if (tm.rank == HC_RANK_NONE) {
			if (!t->optional && all_required) {
				m.rank = HC_RANK_NONE;
				return m;
			}
			continue;
		}
		if (t->optional) {     /* noise tips the balance, no more */
			/* a number that is no code asked for (a quantity,
			 * a code set aside) does not even do that */
			if (t->kind != T_PATTERN) {
				m.score += 1;
				m.noise++;
			}
			continue;
		}
		m.score += tm.score;
		m.fine += tm.fine;
		if (tm.rank <= HC_RANK_CODE_PREFIX)
			m.coded = 1;
		m.matched++;
		if (tm.rank > m.rank)
			m.rank = tm.rank;
	}
	if (m.matched == 0) {
		m.rank = HC_RANK_NONE;
		return m;
	}
	if (ix->entries[e].vendor)
		m.vendor_named = vendor_named(ix, e, q, trank);
	if (q->n_seq > 1)
		m.score += pair_score(ix, e, q, trank, &named);
	m.named = named == 2;
	if (!named && m.matched >= 2 && q->n_required >= COVER_TERMS)
		m.score += cover_score(ix, e, q, trank);
	if (q->whole_ok && m.rank > HC_RANK_NAME_PREFIX) {
		int w = whole_rank(ix, e, q);

		if (w < m.rank)
			m.rank = w;
	}
	return m;
}

/* The result order (see search.h): a code or whole-name match first, then
 * the score, then registered before vendor codes (not in code lists), then
 * the fine score, then more required terms matched (only differs in a
 * partial result), then table order. Returns < 0 when x comes first. */
static int group_of(enum hc_rank r)
{
	return r <= HC_RANK_NAME_PREFIX ? (int)r : HC_RANK_NAME_PREFIX + 1;
}

static int hit_cmp(const struct hc_index *ix, const struct hc_hit *x, const struct hc_hit *y)
{
	bool vx = ix->entries[x->entry].vendor != 0;
	bool vy = ix->entries[y->entry].vendor != 0;

	if (x->coded != y->coded)       /* the code typed, whatever else */
		return x->coded ? -1 : 1;
	/* Among the codes typed ("5xx …" when not every word matched), those
	 * that match more of the words first. */
	if (x->coded && x->matched != y->matched)
		return x->matched > y->matched ? -1 : 1;
	if (group_of(x->rank) != group_of(y->rank))
		return group_of(x->rank) - group_of(y->rank);
	/* Noise words tip the balance between entries, but not towards a
	 * vendor's code over a registered one that the other words found as
	 * well, unless the vendor is named: "토큰 만료됐을 때 응답 코드" is 401
	 * before Esri's 498. */
	if (vx != vy && x->rank > HC_RANK_CODE_PREFIX && !(vx ? x : y)->vendor_named &&
	    x->score - x->noise == y->score - y->noise)
		return vx ? 1 : -1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (vx != vy && x->rank > HC_RANK_CODE_PREFIX)  /* code lists: table order */
		return vx ? 1 : -1;
	if (x->fine != y->fine)
		return x->fine > y->fine ? -1 : 1;
	if (x->matched != y->matched)
		return x->matched > y->matched ? -1 : 1;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* hit_cmp's order as two numbers, larger first, for two hits that are
 * both vendor codes or both registered ones: hit_cmp's other rules weigh a
 * vendor's code against a registered one, and are asked of hit_cmp itself.
 * hi: coded (1 bit), matched when coded (16), 15 - group (4), score (16),
 * fine (16); lo: matched (16), then the table order (entry, reversed). */
static void sort_key(const struct hc_hit *h, uint64_t *hi, uint64_t *lo)
{
	_Static_assert(HC_RANK_NAME_PREFIX + 1 <= 15, "a group fits 4 bits");
	*hi = (uint64_t)h->coded << 63 | (uint64_t)(h->coded ? h->matched : 0) << 47 |
	      (uint64_t)(15 - group_of(h->rank)) << 43 | (uint64_t)h->score << 27 |
	      (uint64_t)h->fine << 11;
	*lo = (uint64_t)h->matched << 32 | (uint32_t)~(uint32_t)h->entry;
}

/* Bottom-up merge sort of the hits' numbers, in the scratch half of the
 * buffer (two arrays of n numbers and each hit's keys fit in n hits), then
 * the hits moved once to their places, cycle by cycle: O(n log n), no
 * allocation, and a hit (~100 bytes) is copied once instead of at every
 * level. Most comparisons are of the keys (sort_key); hit_cmp decides
 * between a vendor's code and a registered one. */
void hc_sort_hits(const struct hc_index *ix, struct hc_results *r)
{
	struct hc_hit *h = r->hits, tmp;
	size_t n = r->n;
	uint32_t *src, *dst;
	uint64_t *hi, *lo;
	unsigned char *vendor;

	_Static_assert(2 * sizeof(uint32_t) + 2 * sizeof(uint64_t) + 1 <= sizeof(struct hc_hit),
	               "two numbers, two keys and a flag fit in a hit");
	if (n < 2)      /* also: no hits, r->hits may be NULL (no arithmetic on it) */
		return;
	src = (uint32_t *)(void *)(h + n);
	dst = src + n;
	hi = (uint64_t *)(void *)(dst + n);     /* 8n bytes on from h + n: aligned */
	lo = hi + n;
	vendor = (unsigned char *)(lo + n);
	for (size_t i = 0; i < n; i++) {
		src[i] = (uint32_t)i;
		sort_key(&h[i], &hi[i], &lo[i]);
		vendor[i] = ix->entries[h[i].entry].vendor != 0;
	}
	for (size_t width = 1; width < n; width *= 2) {
		uint32_t *t;

		for (size_t lo_at = 0; lo_at < n; lo_at += 2 * width) {
			size_t mid = lo_at + width < n ? lo_at + width : n;
			size_t end = lo_at + 2 * width < n ? lo_at + 2 * width : n;
			size_t i = lo_at, j = mid, k = lo_at;

			while (i < mid && j < end) {
				uint32_t a = src[j], b = src[i];
				bool a_first = vendor[a] == vendor[b]
				                   ? hi[a] > hi[b] || (hi[a] == hi[b] && lo[a] > lo[b])
				                   : hit_cmp(ix, &h[a], &h[b]) < 0;

				dst[k++] = a_first ? src[j++] : src[i++];
			}
			while (i < mid)
				dst[k++] = src[i++];
			while (j < end)
				dst[k++] = src[j++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	/* hits[k] takes hits[src[k]]; a place done is marked src[k] = k */
	for (size_t k = 0; k < n; k++) {
		size_t j = k;

		if (src[k] == k)
			continue;
		tmp = h[k];
		while (src[j] != k) {
			size_t from = src[j];

			h[j] = h[from];
			src[j] = (uint32_t)j;
			j = from;
		}
		h[j] = tmp;
		src[j] = (uint32_t)j;
	}
}
