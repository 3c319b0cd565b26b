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

enum hc_status {
	HC_STATUS_STANDARD,
	HC_STATUS_DEPRECATED,
	HC_STATUS_UNUSED,
	HC_STATUS_OBSOLETE,
	HC_STATUS_TEMPORARY,
	HC_STATUS_UNOFFICIAL,
};

/* A code people confuse with this one, and one line on how they differ. */
struct hc_see_also {
	unsigned short code;
	const char *en;
	const char *ko;
};

/* A list of strings with its length (arrays are emitted by the generator). */
struct hc_strs {
	const char *const *v;
	unsigned char n;
};

/*
 * One library's constant for a code (data/constants.txt). A registered entry
 * has at least one row per language of hc_catalog_code_langs(), in that order;
 * a language with several names for the code (an alias, an old name kept for
 * compatibility) has several rows, its main name first.
 */
struct hc_constant {
	const char *lang;       /* id of a struct hc_code_lang: "python", "go", … */
	const char *name;       /* "StatusNotFound", "NOT_FOUND", "not_found"; NULL: the library has none */
	const char *spelled;    /* as written in code: "http.StatusNotFound", ":not_found"; NULL with name */
	const char *note_en;    /* NULL, or e.g. "older name from before RFC 9110; deprecated since 7.0" */
	const char *note_ko;    /* the same note in Korean */
};

/* A language and library whose constants the table lists. */
struct hc_code_lang {
	const char *id;         /* "python", "go", "rust", "spring", "jakarta", "csharp", "node", "symfony",
				   "rack", "ktor", "swift" */
	const char *label;      /* "Python", "Java (Spring)", … */
	const char *library;    /* "http.HTTPStatus", … */
	const char *version;    /* the version whose source was read */
	const char *source;     /* repository and file the names come from */
	const char *prefix;     /* what comes before the name in code: "http.", "HttpStatus.", ":" */
};

/* One name of hc_catalog_constant_names(): the row it comes from and its code. */
struct hc_constant_ref {
	const char *name;       /* the row's name */
	unsigned short code;
	const struct hc_constant *c;
};

struct hc_entry {
	unsigned short code;
	/* The code as people write it when it is not three digits of 100-599:
	 * an IIS sub-status ("500.19", code 500) or a code outside the range
	 * ("000", "0", "999"); NULL for the table's own entries (extra.h). */
	const char *code_text;
	enum hc_status status;
	bool cacheable;         /* heuristically cacheable, RFC 9110 §15.1 */
	const char *vendor;     /* NULL for registered codes */
	const char *reference;  /* "RFC 9110 §15.5.5", or the origin of a vendor code */
	const char *phrase_en;  /* reason phrase as the current RFC names it */
	const char *name_ko;
	struct hc_strs aliases_en;
	struct hc_strs aliases_ko;
	struct hc_strs headers;
	struct hc_strs keywords_en;     /* symptoms, synonyms, phrasings people type */
	struct hc_strs keywords_ko;
	const struct hc_see_also *see_also;
	unsigned char n_see_also;
	const char *summary_en, *summary_ko;
	const char *desc_en, *desc_ko;  /* paragraphs separated by "\n" */
	const char *note_en, *note_ko;
	/* Issue 12, registered codes only (vendor entries: NULL / 0). */
	const struct hc_constant *constants;
	unsigned char n_constants;
	/* A real exchange in HTTP/1.1 wire form (no CR): messages separated by an
	 * empty line; a request starts with "METHOD target HTTP/1.1", a response
	 * with "HTTP/1.1 NNN"; a message's content follows its head after an
	 * empty line; "[N bytes]" stands for N bytes not shown. NULL: none. */
	const char *example;
};

struct hc_class {
	int digit;              /* 1..5 */
	const char *name_en, *name_ko;
	const char *summary_en, *summary_ko;
	const char *desc_en, *desc_ko;
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
