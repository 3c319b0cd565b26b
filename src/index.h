/*
 * index.h - the search index: every searchable string of an entry, folded
 * and prepared once. Shared by the modules of the search engine (index,
 * match, rank, search); callers use search.h.
 *
 * Each string (phrase, Korean name, aliases, keywords, headers, vendor,
 * summaries, descriptions, notes) becomes an hc_sfield. The index keeps no
 * copy of the text: the matchers read the displayed string itself and fold
 * its ASCII letters as they compare (hc_lc), which is all that folding
 * (NFC + Unicode case folding, fold.h) does to nearly every string. Only a
 * string that folding changes in any other way (a non-ASCII capital, a
 * compatibility character, another byte layout) gets its folded copy in
 * ix->text, and, where the layout moved, maps back to the displayed string
 * in ix->maps. Korean spacing and 초성 are handled while matching (match.c),
 * not by stored copies. The index holds offsets, no pointers, so the one
 * made at build time is plain const data with no relocations.
 *
 * The fields of entry i are fields[first_field[i] .. first_field[i + 1]),
 * in tier order (names and keywords, headers and vendor, text). The ASCII
 * words of English names, aliases and keywords are listed for typo
 * matching, and each entry keeps the set of bytes its folded text uses.
 */
#ifndef HC_INDEX_H
#define HC_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "hc_config.h"
#include "search.h"
#include "textdict.h"
#include "typodict.h"

/* Spans and maps are 16-bit: an original string is searched only up to
 * ORIG_MAX bytes, so that its folded form (at most three times longer)
 * still fits in FOLD_MAX. No real field comes near either. */
#define ORIG_MAX 21000u
#define FOLD_MAX 65535u

#define TYPO_MIN 4              /* shorter words have too many neighbours */
#define TYPO_MAX 40

#define HC_NONE UINT32_MAX      /* no folded copy, no map */

/* What a match in a field is worth, best last: a term's score is
 * HC_TERM_SCORE(tier, whole word). */
enum { HC_TIER_TYPO, HC_TIER_TEXT, HC_TIER_HEADER, HC_TIER_NAME };
#define HC_TERM_SCORE(tier, whole) ((tier) * 2 + (whole))

/* One searchable string of an entry: 8 bytes (a search reads those of the
 * rows it shows, issue 18). Its tier, rank band and whether it is one of the
 * better fields of its tier follow from its kind (hc_sf_tier, hc_sf_rank,
 * hc_sf_fine below). A field holds either the capitals of its shown string
 * or, when folding changed more than those (ß, NFD; none in the catalog),
 * where its folded copy is: never both, so they share bits (hc_sf_copy,
 * hc_sf_capitals). */
struct hc_sfield {
	uint32_t caps;                  /* bits 0-25: with HC_SF_COPIED, the
	                                   offset of its folded copy in
	                                   ix->text (NUL-terminated); else bit
	                                   i: the text has the ASCII capital
	                                   'A' + i (a search looks for a
	                                   letter's capital only where it
	                                   occurs). And HC_SF_HANGUL,
	                                   HC_SF_MAPPED */
	uint16_t len;                   /* bytes of the folded string */
	uint8_t field, item;            /* enum hc_field and item */
};

#define HC_SF_CAPS 0x03FFFFFFu          /* the capitals' bits of caps */
#define HC_SF_COPY_MAX HC_SF_CAPS       /* the last offset a copy can have */
#define HC_SF_COPIED (1u << 29)         /* caps & HC_SF_CAPS is its copy */
#define HC_SF_HANGUL (1u << 30)         /* the text has Hangul */
#define HC_SF_MAPPED (1u << 31)         /* its folded copy's offsets map back
                                           to the shown string (hc_smap) */

/* Where f's folded copy is in hc_index.text, or HC_NONE: it has none. */
static inline uint32_t hc_sf_copy(const struct hc_sfield *f)
{
	return f->caps & HC_SF_COPIED ? f->caps & HC_SF_CAPS : HC_NONE;
}

/* The ASCII capitals of f's shown string (bit i: 'A' + i); none for a
 * field read from its folded copy. */
static inline uint32_t hc_sf_capitals(const struct hc_sfield *f)
{
	return f->caps & HC_SF_COPIED ? 0 : f->caps & HC_SF_CAPS;
}

/* A field whose folded copy moved the layout (ß → ss): fold offset i maps
 * to the shown offset of a span's start at ix->maps[map + i] and of its end
 * at ix->maps[map + len + 1 + i]. Few fields need one; hc_index.smaps lists
 * them by field. */
struct hc_smap {
	uint32_t field, map;
};

/* A word of an English name, alias or keyword, for typo matching. */
struct hc_tword {
	uint32_t field;                 /* index into hc_index.fields */
	uint16_t at, len;               /* in the folded string */
};

/* A set of byte values: which bytes an entry's folded text (or a term)
 * uses. A term with a byte its entry lacks cannot match it, which one AND
 * tells without scanning the text: most terms miss most entries. */
struct hc_bytes {
	uint64_t bit[4];
};

void hc_bytes_add(struct hc_bytes *b, const uint8_t *s, size_t n);

/* How many byte values of t are missing from e. Inline, as it is asked for
 * every term and entry; nearly always none, which needs no bit count. */
static inline unsigned hc_bytes_missing(const struct hc_bytes *e, const struct hc_bytes *t)
{
	unsigned k = 0;

	for (int i = 0; i < 4; i++) {
		uint64_t m = t->bit[i] & ~e->bit[i];

		if (m)
			k += (unsigned)__builtin_popcountll(m);
	}
	return k;
}

/* What a field's kind (enum hc_field) makes of a match there: its tier,
 * the hc_rank band, and whether it is one of the better fields of its tier
 * (a term the lookups answer reads only the kind, hc_index.kind; a matcher
 * that has the field at hand asks hc_sf_tier and the others below). */
static inline unsigned hc_kind_tier(unsigned kind)
{
	switch (kind) {
	case HC_FIELD_PHRASE_EN:
	case HC_FIELD_NAME_KO:
	case HC_FIELD_ALIAS_EN:
	case HC_FIELD_ALIAS_KO:
	case HC_FIELD_KEYWORD_EN:
	case HC_FIELD_KEYWORD_KO:
		return HC_TIER_NAME;
	case HC_FIELD_HEADER:
	case HC_FIELD_VENDOR:
		return HC_TIER_HEADER;
	default:
		return HC_TIER_TEXT;
	}
}

static inline unsigned hc_tier_rank(unsigned tier)
{
	static const unsigned char rank[] = {
		[HC_TIER_TYPO] = HC_RANK_TYPO, [HC_TIER_TEXT] = HC_RANK_TEXT,
		[HC_TIER_HEADER] = HC_RANK_HEADER, [HC_TIER_NAME] = HC_RANK_NAME_WORD,
	};

	return rank[tier];
}

static inline unsigned hc_kind_fine(unsigned kind)
{
	return kind != HC_FIELD_KEYWORD_EN && kind != HC_FIELD_KEYWORD_KO &&
	       kind != HC_FIELD_DESC_EN && kind != HC_FIELD_DESC_KO &&
	       kind != HC_FIELD_NOTE_EN && kind != HC_FIELD_NOTE_KO;
}

static inline unsigned hc_sf_tier(const struct hc_sfield *f)
{
	return hc_kind_tier(f->field);
}

static inline unsigned hc_sf_rank(const struct hc_sfield *f)
{
	return hc_tier_rank(hc_kind_tier(f->field));
}

static inline unsigned hc_sf_fine(const struct hc_sfield *f)
{
	return hc_kind_fine(f->field);
}

static inline bool hc_sf_hangul(const struct hc_sfield *f)
{
	return (f->caps & HC_SF_HANGUL) != 0;
}

/* The first bit of set at or after i and before end, else end. */
static inline size_t hc_bit_next(const uint64_t *set, size_t i, size_t end)
{
	while (i < end) {
		uint64_t w = set[i >> 6] >> (i & 63);

		if (w)
			return i + (size_t)__builtin_ctzll(w) < end ? i + (size_t)__builtin_ctzll(w) : end;
		i = (i | 63) + 1;
	}
	return end;
}

struct hc_name;

struct hc_index {
	const struct hc_entry *entries;
	size_t n;
	const struct hc_sfield *fields;
	const uint8_t *kind;            /* field i's kind (fields[i].field),
	                                   packed: what a search reads of the
	                                   fields a lookup says match */
	const uint32_t *first_field;    /* entry i: [first_field[i], [i+1]) */
	const struct hc_tword *words;
	const uint32_t *first_word;     /* entry i: [first_word[i], [i+1]) */
	size_t n_words;
	const struct hc_bytes *has;     /* entry i: the bytes its text uses */
	const uint8_t *text;            /* the few folded copies */
	const uint16_t *maps;           /* and their maps */
	size_t text_len, maps_len;      /* in bytes, in uint16_t */
	const struct hc_smap *smaps;    /* the fields that have a map, in field
	                                   order */
	size_t n_smaps;
	const struct hc_textdict *dict; /* the words of every field
	                                   (textdict.h), or NULL: read them */
	const struct hc_typodict *typos;        /* the distinct typo words
	                                   (typodict.h), or NULL: read them */
	const struct hc_name *by_name;  /* the name fields in the order of
	                                   their folded text (names.h), or
	                                   NULL: read them */
	size_t n_by_name;
	const struct hc_firstkeys *first_keys;  /* the one-letter queries'
	                                   answers (firstkeys.h), or NULL */
	bool builtin;                   /* a view of const data made at build
	                                   time: freeing it frees the view */
};

/* Field fi's kind, from the packed kinds where the index has them. */
static inline unsigned hc_field_kind(const struct hc_index *ix, size_t fi)
{
	return ix->kind ? ix->kind[fi] : ix->fields[fi].field;
}

/* The field of entry e's vendor, else SIZE_MAX: the last before its
 * running text (fields are in tier order, index.c add_entry), found from
 * the end without walking its names, keywords and headers. */
static inline size_t hc_vendor_field(const struct hc_index *ix, size_t e)
{
	size_t fi = ix->first_field[e + 1];

	while (fi > ix->first_field[e] && hc_kind_tier(hc_field_kind(ix, fi - 1)) == HC_TIER_TEXT)
		fi--;
	return fi > ix->first_field[e] && hc_field_kind(ix, fi - 1) == HC_FIELD_VENDOR ? fi - 1
	                                                                                : SIZE_MAX;
}

/* A field's text as the matchers read it: s[0..n) is its folded copy, or
 * the displayed string, whose ASCII capitals (hc_sf_capitals(f)) count as
 * small letters. */
struct hc_ftext {
	const struct hc_sfield *f;
	const uint8_t *s;
	size_t n;
};

/* Field fi (of entry e) as text to match: hc_entry_field without its
 * checks, for the fields an index holds. Inline, as the matchers ask for
 * every field of every entry they search; in the static build, which is
 * built for size (issue 13: under 2 MiB), one copy in index.c, where GCC
 * kept one per file that calls it. */
#if HC_STATIC
struct hc_ftext hc_field_text(const struct hc_index *ix, size_t e, size_t fi);
#define HC_FIELD_TEXT_LINKAGE   /* external: index.c defines it */
#else
#define HC_FIELD_TEXT_LINKAGE static inline
#endif
#if !HC_STATIC || defined(HC_FIELD_TEXT_HERE)
HC_FIELD_TEXT_LINKAGE struct hc_ftext hc_field_text(const struct hc_index *ix, size_t e, size_t fi)
{
	const struct hc_sfield *f = &ix->fields[fi];
	const struct hc_entry *en = &ix->entries[e];
	struct hc_ftext t = { f, NULL, f->len };
	const char *s;

	if (f->caps & HC_SF_COPIED) {
		t.s = ix->text + (f->caps & HC_SF_CAPS);
		return t;
	}
	switch (f->field) {
	case HC_FIELD_PHRASE_EN: s = hc_str(en->phrase_en); break;
	case HC_FIELD_NAME_KO: s = hc_str(en->name_ko); break;
	case HC_FIELD_ALIAS_EN: s = hc_strs_at(en->aliases_en, f->item); break;
	case HC_FIELD_ALIAS_KO: s = hc_strs_at(en->aliases_ko, f->item); break;
	case HC_FIELD_KEYWORD_EN: s = hc_strs_at(en->keywords_en, f->item); break;
	case HC_FIELD_KEYWORD_KO: s = hc_strs_at(en->keywords_ko, f->item); break;
	case HC_FIELD_HEADER: s = hc_strs_at(en->headers, f->item); break;
	case HC_FIELD_VENDOR: s = hc_str(en->vendor); break;
	case HC_FIELD_SUMMARY_EN: s = hc_str(en->summary_en); break;
	case HC_FIELD_SUMMARY_KO: s = hc_str(en->summary_ko); break;
	case HC_FIELD_DESC_EN: s = hc_str(en->desc_en); break;
	case HC_FIELD_DESC_KO: s = hc_str(en->desc_ko); break;
	case HC_FIELD_NOTE_EN: s = hc_str(en->note_en); break;
	case HC_FIELD_NOTE_KO: s = hc_str(en->note_ko); break;
	default: s = ""; break;
	}
	t.s = (const uint8_t *)s;
	return t;
}
#endif

/* A folded range [a, b) of field f as a range of the displayed string. */
void hc_field_span(const struct hc_index *ix, const struct hc_sfield *f, size_t *a, size_t *b);

/* A growing array while building (index.c, textdict.c): n elements of
 * `size` bytes at p, room for cap. hc_vec_push appends k of them from src;
 * false when out of memory (the array is then as it was). */
struct hc_vec {
	void *p;
	size_t n, cap, size;
};
bool hc_vec_push(struct hc_vec *v, const void *src, size_t k);

/* hc_index_new and hc_index_free are declared in search.h: hc_index_new
 * returns a view of the index made at build time when it is asked for one of
 * the tables that index covers, else builds one (hc_index_build: benchmarks'
 * and fuzzers' tables, a lens's entries, and the build-time tool itself,
 * src/gen_index.c). */
struct hc_index *hc_index_build(const struct hc_entry *entries, size_t n);

/* As hc_index_build, but every field keeps its folded copy, so that the
 * matchers never read a displayed string: the tests and fuzzers check that
 * both indexes answer every query alike (reading the shown text with its
 * ASCII capitals folded is exactly reading the folded copy). */
struct hc_index *hc_index_build_folded(const struct hc_entry *entries, size_t n);

/* The index made at build time (src/gen_index.c → catalog_index.c) over a
 * few const tables laid end to end: the catalog, the codes outside 100-599
 * and the IIS sub-codes (extra.h). Entry k of the index is entry k - off of
 * part[i], off being the lengths of the parts before it. Every field, word
 * and byte set is found through first_field, first_word and has, whose
 * values are absolute, so a run of whole parts is an index of its own once
 * those three pointers move to its first entry: hc_index_new hands out such
 * a view for an array equal to one part or several in a row (the CLI asks
 * for the catalog, the browser for the catalog and the codes outside
 * 100-599 in one array). n_parts is 0 where nothing was made at build time
 * (index_none.c: the generating tool, and the static binary, which stays
 * small). */
#define HC_PREBUILT_PARTS 3

/* What hc_index_build adds to an index beyond its fields: its lookups,
 * the dictionary of every field's words (textdict.h) with the fields'
 * kinds it is read with (hc_index.kind), the distinct typo words
 * (typodict.h) and the names in order (names.h), where the index is made
 * at build time (catalog_index.c sets
 * this to hc_index_add_lookups), so that every other index answers alike
 * and as fast; nothing in the static binary (index_none.c: NULL), whose one
 * index is built on its first search and which stays lean and small: the
 * dictionary costs 21M instructions and ~400 KiB of peak memory to build
 * there, and the builders are not linked in at all. Answers are the same
 * without them. hc_index_add_lookups gives them to any index built at run
 * time (gen_index.c's, the tests'); hc_index_add_dict the dictionary and
 * the kinds alone.
 * Both return false when out of memory. */
extern bool (*const hc_index_lookups_at_run_time)(struct hc_index *ix);
bool hc_index_add_lookups(struct hc_index *ix);
bool hc_index_add_dict(struct hc_index *ix);

struct hc_prebuilt {
	const struct hc_index *ix;
	size_t n_parts;
	const struct hc_entry *part[HC_PREBUILT_PARTS];
	size_t len[HC_PREBUILT_PARTS];
	/* the one-letter queries' answers (firstkeys.h) over the first parts
	 * (the browser's catalog and codes outside 100-599), which serve any
	 * view of fewer of them from part 0 (the CLI's catalog), or NULL */
	const struct hc_firstkeys *first_keys;
};
extern const struct hc_prebuilt hc_prebuilt;

#endif
