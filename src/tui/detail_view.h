/*
 * detail_view.h - everything the table holds for the selected entry (or what
 * the selected class means), wrapped to the pane by display width.
 *
 * The wrapped lines are a cache keyed by selection, language and width: they
 * are rebuilt only when one of those changes, not on every frame. Each line
 * remembers where its text lies in the entry's string, so that the search
 * spans of the selected entry are underlined where they fall when it is drawn.
 */
#ifndef HC_TUI_DETAIL_VIEW_H
#define HC_TUI_DETAIL_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "browser.h"
#include "doc.h"
#include "options.h"
#include "paint.h"

struct hc_dline {
	size_t off;             /* into buf */
	unsigned len;
	unsigned bold;          /* leading bytes drawn bold (a label) */
	unsigned pre;           /* leading bytes of prefix (label, indent) */
	unsigned soff;          /* where the rest starts in its source string */
	unsigned char role;
	unsigned short src;     /* 1 + the document item it shows (detail_view.c); 0: none */
};

struct hc_detail {
	char *buf;
	size_t len, cap;
	struct hc_dline *lines;
	size_t n, cap_lines;
	bool oom;
	struct hc_doc doc;      /* the entry's document, laid out in lines */
	/* what the cache holds */
	bool valid;
	struct hc_row key;
	enum hc_lang lang;
	int width;
	unsigned search_gen;
	unsigned view_gen;      /* look->gen: the example shown, In code's order */
	int example_line;       /* line of the Example heading, or -1 */
};

/* How the detail shows an entry besides the browser's state: the language,
 * the document's options (In code languages, the example), and a number the
 * owner bumps whenever those options change (the cache's key). */
struct hc_detail_look {
	enum hc_lang lang;
	struct hc_doc_opts doc;
	unsigned gen;
};

/* Make sure the cache holds the selection of b as look says at this pane
 * width; returns the number of lines. */
int hc_detail_build(struct hc_detail *d, const struct hc_browser *b,
                    const struct hc_detail_look *look, struct hc_rect r);

/* What is drawn over the text besides the search's hits: the links of the
 * entry (the selected one in reverse video, the others underlined), the
 * matches of a search in the detail (reverse video; the current one also
 * bold), and the words of the interface. */
struct hc_detail_marks {
	const struct hc_link *links;
	size_t n_links;
	long link_sel;          /* -1: none */
	bool show_links;        /* underline the links (the detail has the focus) */
	const struct hc_find *finds;
	size_t n_finds;
	long find_cur;          /* -1: none */
	const char *more;       /* the sign shown when text lies below */
	const char *nothing;    /* said when nothing is selected */
};

/* Draw the cached lines from line top on (the caller keeps top in range). */
void hc_detail_draw(const struct hc_detail *d, const struct hc_browser *b,
                    int top, struct hc_rect r, const struct hc_detail_marks *mk);

/* The line showing byte off of document item `item` (a see-also item's
 * first line for off 0), or -1. */
int hc_detail_line_of(const struct hc_detail *d, size_t item, size_t off);

/* Where line k's text comes from, to find it again after a rebuild at
 * another width: false for a line with no source (a blank, a heading). */
bool hc_detail_anchor(const struct hc_detail *d, int k, size_t *item, size_t *off);

void hc_detail_free(struct hc_detail *d);

#endif
