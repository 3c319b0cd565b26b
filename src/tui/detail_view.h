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

#include "app.h"
#include "doc.h"

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
	unsigned view_gen;      /* a->view_gen: the example shown, In code's order */
	int example_line;       /* line of the Example heading, or -1 */
};

/* Make sure the cache holds the selection of a at this pane width; returns
 * the number of lines. */
int hc_detail_build(struct hc_detail *d, const struct hc_app *a,
                    struct hc_rect r);

void hc_detail_draw(const struct hc_detail *d, const struct hc_app *a,
                    struct hc_rect r);

void hc_detail_free(struct hc_detail *d);

#endif
