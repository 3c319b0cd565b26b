/*
 * catalog.h - the table of HTTP status codes and look-ups over it.
 *
 * The entries are generated at build time from data/ by data/gen_table.py
 * into a const array (catalog_data.c); nothing is read at run time. This
 * module has no curses in it: the CLI, the search engine, the browser and the
 * unit tests all link it alone.
 *
 * Entries are sorted by (code, registry before vendor, vendor name). One code
 * may have several entries when vendors gave it different meanings (499 is
 * both nginx's "Client Closed Request" and Esri's "Token Required").
 */
#ifndef HC_CATALOG_H
#define HC_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Strings and lists of the generated tables (issue 18: memory after a
 * search). The tables hold no pointers, so that they are plain const data in
 * .rodata, shared and never written, instead of .data.rel.ro, which the
 * loader relocates at start and so makes private to every process.
 *
 * A string is an hc_sref: 0 for none, else the number of a string pool (a
 * const char array of NUL-terminated strings written by data/gen_*.py's
 * Pool) in the top 4 bits and the byte offset of the string in that pool
 * below. hc_str() gives the string: NULL for 0.
 *
 * A list (struct hc_strs) is its length n and `at`: the pool's number in the
 * top 4 bits and the index of the list's first item in the pool's array of
 * list items below (hc_sref values, or for see-also lines triples of code,
 * English line and Korean line). hc_strs_at() gives item i.
 *
 * Records that belong to one entry or answer (an entry's rows of constants,
 * a code's fact headers, an answer's rule-out lines) are one array each for
 * the whole table, and the owner holds the index of its first and their
 * number: hc_entry_constants(), hc_facts_header(), hc_guide_rule_out().
 *
 * The pools: 1 hc_search_text, 2 hc_cold_text and 6 hc_front_text
 * (catalog_data.c), 3 hc_other_text and 4 hc_extra_cold_text
 * (extra_data.c), 5 hc_decide_text (decide_data.c), 15 HC_POOL_MADE: strings made at run time by
 * hc_sref_make() and hc_strs_make(), for tables that are not generated.
 */
typedef uint32_t hc_sref;

#define HC_SREF_OFFSET_BITS 28
#define HC_SREF_OFFSET(r) ((r) & ((UINT32_C(1) << HC_SREF_OFFSET_BITS) - 1))
#define HC_POOL_MADE 15

/* The pools and their list items by number (catalog.c); slot 0 is none. */
extern const char *hc_pools[16];
extern const hc_sref *hc_pool_items[16];

static inline const char *hc_str(hc_sref r)
{
	return r ? hc_pools[r >> HC_SREF_OFFSET_BITS] + HC_SREF_OFFSET(r) : NULL;
}

/* A list of strings with its length. */
struct hc_strs {
	uint32_t at;
	unsigned char n;
};

/* The items of a list (n of them; none when n is 0). */
static inline const hc_sref *hc_strs_items(struct hc_strs l)
{
	return l.n ? hc_pool_items[l.at >> HC_SREF_OFFSET_BITS] + HC_SREF_OFFSET(l.at) : NULL;
}

/* Item i (below l.n) of a list of strings. */
static inline const char *hc_strs_at(struct hc_strs l, unsigned i)
{
	return hc_str(hc_strs_items(l)[i]);
}

/* Strings and lists made at run time in pool HC_POOL_MADE: for the tables
 * that tests, fuzzers and benchmarks make, and loglens.c's entries for codes
 * the table lacks (made once). NULL makes 0. They stay valid until
 * hc_made_reset(), which lets a fuzzer use the memory again for each input;
 * what was made before hc_made_keep() stays. */
hc_sref hc_sref_make(const char *s);
struct hc_strs hc_strs_make(const char *const *v, size_t n);
void hc_made_keep(void);
void hc_made_reset(void);

enum hc_status {
	HC_STATUS_STANDARD,
	HC_STATUS_DEPRECATED,
	HC_STATUS_UNUSED,
	HC_STATUS_OBSOLETE,
	HC_STATUS_TEMPORARY,
	HC_STATUS_UNOFFICIAL,
};

/* A code people confuse with this one, and one line on how they differ
 * (hc_entry_see_also(): the entry holds them as a list of triples). */
struct hc_see_also {
	unsigned short code;
	const char *en;
	const char *ko;
};

/*
 * One library's constant for a code (data/constants.txt). A registered entry
 * has at least one row per language of hc_catalog_code_langs(), in that order;
 * a language with several names for the code (an alias, an old name kept for
 * compatibility) has several rows, its main name first.
 */
struct hc_constant {
	hc_sref lang;           /* id of a struct hc_code_lang: "python", "go", … */
	hc_sref name;           /* "StatusNotFound", "NOT_FOUND", "not_found"; 0: the library has none */
	hc_sref spelled;        /* as written in code: "http.StatusNotFound", ":not_found"; 0 with name */
	hc_sref note_en;        /* 0, or e.g. "older name from before RFC 9110; deprecated since 7.0" */
	hc_sref note_ko;        /* the same note in Korean */
};

/* A language and library whose constants the table lists. */
struct hc_code_lang {      /* every field an hc_sref: hc_str(l->label) */
	hc_sref id;             /* "python", "go", "rust", "spring", "jakarta", "csharp", "node", "symfony",
				   "rack", "ktor", "swift" */
	hc_sref label;          /* "Python", "Java (Spring)", … */
	hc_sref library;        /* "http.HTTPStatus", … */
	hc_sref version;        /* the version whose source was read */
	hc_sref source;         /* repository and file the names come from */
	hc_sref prefix;         /* what comes before the name in code: "http.", "HttpStatus.", ":" */
};

/* One name of hc_catalog_constant_names(): the row it comes from and its code. */
struct hc_constant_ref {
	hc_sref name;           /* the row's name */
	unsigned short code;
	unsigned short row;     /* the row: hc_catalog_constant(row) */
};

/* The see-also list of an entry made at run time (as hc_strs_make()). */
struct hc_strs hc_see_also_make(const struct hc_see_also *v, size_t n);

/* An entry: its strings hc_sref, its lists struct hc_strs (see above). */
struct hc_entry {
	unsigned short code;
	/* The code as people write it when it is not three digits of 100-599:
	 * an IIS sub-status ("500.19", code 500) or a code outside the range
	 * ("000", "0", "999"); 0 for the table's own entries (extra.h). */
	hc_sref code_text;
	enum hc_status status;
	bool cacheable;         /* heuristically cacheable, RFC 9110 §15.1 */
	hc_sref vendor;         /* 0 for registered codes */
	hc_sref reference;      /* "RFC 9110 §15.5.5", or the origin of a vendor code */
	hc_sref phrase_en;      /* reason phrase as the current RFC names it */
	hc_sref name_ko;
	struct hc_strs aliases_en;
	struct hc_strs aliases_ko;
	struct hc_strs headers;
	struct hc_strs keywords_en;     /* symptoms, synonyms, phrasings people type */
	struct hc_strs keywords_ko;
	struct hc_strs see_also;        /* triples: hc_entry_see_also() */
	hc_sref summary_en, summary_ko;
	hc_sref desc_en, desc_ko;       /* paragraphs separated by "\n" */
	hc_sref note_en, note_ko;
	/* Issue 12, registered codes only (vendor entries: 0 / 0): the entry's
	 * rows of constants are hc_catalog_constant(constants + i), i below
	 * n_constants (hc_entry_constants()). */
	unsigned short constants;
	unsigned char n_constants;
	/* A real exchange in HTTP/1.1 wire form (no CR): messages separated by an
	 * empty line; a request starts with "METHOD target HTTP/1.1", a response
	 * with "HTTP/1.1 NNN"; a message's content follows its head after an
	 * empty line; "[N bytes]" stands for N bytes not shown. 0: none. */
	hc_sref example;
};

/* See-also line i (below e->see_also.n) of an entry. */
static inline struct hc_see_also hc_entry_see_also(const struct hc_entry *e, unsigned i)
{
	const hc_sref *t = hc_strs_items(e->see_also) + 3 * i;

	return (struct hc_see_also){ (unsigned short)t[0], hc_str(t[1]), hc_str(t[2]) };
}

struct hc_class {
	int digit;              /* 1..5 */
	hc_sref name_en, name_ko;
	hc_sref summary_en, summary_ko;
	hc_sref desc_en, desc_ko;
};

/*
 * The displayed strings of an entry, named once for every module that walks
 * them (search, the entry document, highlights, JSON). List fields have
 * several items; the others have one.
 */
enum hc_field {
	HC_FIELD_CODE,          /* the code as three digits */
	HC_FIELD_PHRASE_EN,
	HC_FIELD_NAME_KO,
	HC_FIELD_ALIAS_EN,      /* item = index into aliases_en */
	HC_FIELD_ALIAS_KO,      /* item = index into aliases_ko */
	HC_FIELD_HEADER,        /* item = index into headers */
	HC_FIELD_VENDOR,
	HC_FIELD_KEYWORD_EN,    /* item = index into keywords_en */
	HC_FIELD_KEYWORD_KO,    /* item = index into keywords_ko */
	HC_FIELD_SUMMARY_EN,
	HC_FIELD_SUMMARY_KO,
	HC_FIELD_DESC_EN,
	HC_FIELD_DESC_KO,
	HC_FIELD_NOTE_EN,
	HC_FIELD_NOTE_KO,
	HC_FIELD_COUNT
};

/* The field's name in machine output (--json): "phrase_en", "aliases_en" … */
const char *hc_field_key(enum hc_field f);

/* True for the fields that are lists (aliases, headers, keywords). */
bool hc_field_is_list(enum hc_field f);

/* How many items field f has in e: the list's length for list fields, 1 for
 * a string the entry has, 0 for one it lacks (a registered code's vendor). */
unsigned hc_entry_field_items(const struct hc_entry *e, enum hc_field f);

/* Item `item` of field f, or NULL when the entry has no such item.
 * HC_FIELD_CODE is the entry's code_text when it has one, else printed as
 * three digits into code[], which must outlive the use of the result. */
const char *hc_entry_field(const struct hc_entry *e, enum hc_field f, unsigned item,
                           char code[4]);

/* The whole table, in order. */
size_t hc_catalog_count(void);
const struct hc_entry *hc_catalog_entries(void);

/* The languages of hc_entry.constants, in order; stores their number in *n. */
const struct hc_code_lang *hc_catalog_code_langs(size_t *n);

/* Every constant's name (rows with a name only), sorted by strcmp() of the
 * name, then by code and row; stores their number in *n. */
const struct hc_constant_ref *hc_catalog_constant_names(size_t *n);

/* Row i of every entry's constants (struct hc_entry.constants,
 * struct hc_constant_ref.row). */
const struct hc_constant *hc_catalog_constant(size_t row);

/* The entry's first row of constants (n_constants of them), or NULL. */
const struct hc_constant *hc_entry_constants(const struct hc_entry *e);

/* Class 1..5, or NULL. */
const struct hc_class *hc_catalog_class(int digit);

/* Entries of class `digit` are contiguous: stores the first index in *first
 * and returns how many there are (0 for a digit outside 1..5). */
size_t hc_catalog_class_range(int digit, size_t *first);

/* Every entry with this code: stores the first index in *first and returns
 * how many there are (0 when the code is unknown). */
size_t hc_catalog_find_code(int code, size_t *first);

/* "standard", "deprecated", … */
const char *hc_status_name(enum hc_status s);

/* The short tag of a status that is not standard ("[u]" unofficial, "[d]"
 * deprecated, "[x]" unused, "[o]" obsolete, "[t]" temporary), NULL for
 * standard. Letters, so that a marker never relies on colour; the tree and
 * the help's legend both take them from here. */
const char *hc_status_tag(enum hc_status s);

/*
 * Code patterns: "404" (exact), "4xx"/"4XX" (class), "40x", "5?3" (wildcards
 * x, X and ? stand for one digit), "40" or "4" (prefix: fewer than three
 * characters, all digits; "4x" and "4?" are the prefix "4" too). Anything
 * else is not a pattern.
 */
struct hc_pattern {
	char digit[3];          /* '0'..'9', or '?' for any */
	unsigned char len;      /* characters given: 1..3; < 3 means prefix */
};

bool hc_pattern_parse(const char *s, struct hc_pattern *out);
bool hc_pattern_match(const struct hc_pattern *p, int code);
/* True when the pattern names exactly one code ("404"). */
bool hc_pattern_is_exact(const struct hc_pattern *p);

#endif
