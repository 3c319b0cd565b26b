/*
 * doc.h - one layout of an entry (or a class), for every place that shows it.
 *
 * The document builder turns an entry into a list of labelled items in the
 * order they are shown: the title, the Korean name, the facts (status,
 * reference, headers, cacheable, aliases), then the sections (summary,
 * description, in practice, in code, example, see also, read more) with their
 * paragraphs. Labels come from one table, in English or Korean. The CLI
 * (cli.c) and the browser's detail pane (tui/detail_view.c) only wrap and
 * paint these items, so both show the same sections under the same names.
 *
 * Each item's text is made of segments tagged with the (field, item) of the
 * entry they were copied from and where in that field's string they start,
 * so that a search span, which names a (field, item, byte range), is found in
 * the document with hc_doc_find(). No curses here.
 */
#ifndef HC_DOC_H
#define HC_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "options.h"
#include "search.h"

enum hc_doc_role {
	HC_DOC_TITLE,           /* "404 Not Found", "499 Client Closed Request [nginx]" */
	HC_DOC_SUBTITLE,        /* the Korean name, under the title */
	HC_DOC_FACT,            /* a label and a short value */
	HC_DOC_HEADING,         /* a section's name: the label, no text */
	HC_DOC_PARA,            /* one paragraph of the section above */
	HC_DOC_SEE,             /* a see-also line: the code, and how it differs */
	HC_DOC_CODE,            /* "In code": label the language, text the constant as
	                           written and its note ("—" when the library has none);
	                           cont: another name in the same language */
	HC_DOC_PRE,             /* one line of the example, shown verbatim (never
	                           re-wrapped; may be empty) */
	HC_DOC_LINK,            /* a label ("RFC", "MDN") and a URL to read more */
};

/* Bytes [start, start+len) of an item's text were copied from bytes
 * [field_off, field_off+len) of item `item` of the entry's field `field`. */
struct hc_doc_seg {
	size_t start, len;
	size_t field_off;
	enum hc_field field;
	unsigned item;
};

struct hc_doc_item {
	enum hc_doc_role role;
	const char *label;      /* FACT and HEADING; NULL for the others */
	size_t off, len;        /* the text: hc_doc_text() */
	unsigned short code;    /* SEE: the code it names */
	bool gap;               /* a blank line goes before it */
	bool cont;              /* SEE: another language of the line above */
	size_t seg, n_seg;      /* its segments in segs[] */
};

/* Zero-initialize; building again reuses the memory; hc_doc_free at the end. */
struct hc_doc {
	struct hc_doc_item *items;
	size_t n, cap_items;
	struct hc_doc_seg *segs;
	size_t n_segs, cap_segs;
	char *buf;
	size_t len, cap;
	bool oom;               /* something was left out for want of memory */
};

/* Build the document of an entry in a language (replacing what d held).
 * `hit`, when the entry was found by a search, adds a fact saying why (the
 * browser); NULL for none. Returns false when out of memory (d->oom; what
 * fitted is kept). */
bool hc_doc_entry(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang,
                  const struct hc_hit *hit);

/* What an entry's document shows beyond its fields. */
struct hc_doc_opts {
	const struct hc_code_pref *code;  /* In code: languages first or alone; NULL: table order */
	bool example;                     /* the Example section (an exchange on the wire) */
};

/* hc_doc_entry with options; hc_doc_entry is this with { NULL, true }. The
 * sections after "In practice": "In code" (each library's constant, for
 * registered codes), "Example" (the exchange, verbatim), "See also". */
bool hc_doc_entry_with(struct hc_doc *d, const struct hc_entry *e, enum hc_lang lang,
                       const struct hc_hit *hit, const struct hc_doc_opts *opts);

/* The short name a language goes by in the In code section ("Go",
 * "Spring", "C#", "Rails"): id is a struct hc_code_lang's. */
const char *hc_doc_code_lang_name(const char *id);

/* The document of a class: its names, how many codes it has (`count`, of
 * which `unofficial` are vendors'), its summary and description. */
bool hc_doc_class(struct hc_doc *d, const struct hc_class *c, enum hc_lang lang,
                  size_t count, size_t unofficial);

/* The sixth group of the browser's tree (browser.h): its name, "Other
 * codes (outside 100-599)" / "기타 범위 (100~599 밖)", and its document:
 * the name, how many codes, and what they are. */
const char *hc_doc_other_name(enum hc_lang lang);
bool hc_doc_other_group(struct hc_doc *d, enum hc_lang lang, size_t count);

/* The text of an item (not NUL-terminated: it->len bytes). */
const char *hc_doc_text(const struct hc_doc *d, const struct hc_doc_item *it);

/*
 * Where bytes [start, start+len) of item `item` of field `field` are shown:
 * the index of the document item and the byte range [*st, *en) of its text
 * (cut to what the item shows of that field). False when the document does
 * not show them (an alias in a language not shown, or len == 0).
 */
bool hc_doc_find(const struct hc_doc *d, enum hc_field field, unsigned item, size_t start,
                 size_t len, size_t *index, size_t *st, size_t *en);

/* The labels, and the names of the status values, in a language (KO for
 * Korean; EN and BOTH for English). */
enum hc_doc_label {
	HC_LABEL_STATUS,
	HC_LABEL_VENDOR,
	HC_LABEL_REFERENCE,
	HC_LABEL_HEADERS,
	HC_LABEL_CACHEABLE,
	HC_LABEL_ALIASES,
	HC_LABEL_MATCHED,
	HC_LABEL_CODES,
	HC_LABEL_SUMMARY,
	HC_LABEL_DESCRIPTION,
	HC_LABEL_NOTE,
	HC_LABEL_SEE_ALSO,
	HC_LABEL_IN_CODE,
	HC_LABEL_EXAMPLE,
	HC_LABEL_READ_MORE,
	HC_LABEL_RANGE,
	HC_LABEL_IIS,
	HC_LABEL_YES,
	HC_LABEL_NO,
	HC_LABEL_COUNT
};
const char *hc_doc_label(enum hc_doc_label l, enum hc_lang lang);
const char *hc_doc_status(enum hc_status s, enum hc_lang lang);

/*
 * Names that are placeholders: the registry lists 306 and 418 as "(Unused)"
 * (Korean "(사용 안 함)"), which is their status, not a name. Such an entry is
 * titled by that placeholder in the language shown, once, with its former
 * name: "418 (Unused), formerly I'm a teapot"; no status is added after it.
 * hc_doc_former() is that former name (the first English alias) or NULL;
 * hc_doc_formerly() the words before it.
 */
bool hc_doc_is_placeholder(const struct hc_entry *e);
const char *hc_doc_former(const struct hc_entry *e);
const char *hc_doc_formerly(enum hc_lang lang);

/* True when a title names the vendor after the phrase: an unofficial entry
 * whose phrase does not already name it ("Shopify Security Rejection"). */
bool hc_doc_shows_vendor(const struct hc_entry *e);

/* The colour of a class (digit 1..5) as an ANSI colour number, the same in
 * the CLI (SGR 3N) and the browser (curses' COLOR_* are these numbers):
 * 1xx magenta, 2xx green, 3xx cyan, 4xx yellow, 5xx red; 0 outside 1..5. */
int hc_doc_class_color(int digit);

void hc_doc_free(struct hc_doc *d);

#endif
