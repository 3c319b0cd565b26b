/*
 * app.c - the browser's key loop and dispatch: the only code that changes
 * state. The rows, the selection and the search filter are the browser model
 * (browser.c, no curses); what is left here is view state (focus, scroll
 * offsets, the search line, the help overlay, the status message).
 *
 * The loop blocks in wgetch() with a timeout so that signal flags are seen;
 * bytes and curses' own keys go through the key decoder (keys.c); after a key
 * it drains whatever else is pending (a paste, a resize storm) and then draws
 * once, only when something changed.
 */
#include <stdbool.h>
#include <stddef.h>

#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "browser.h"
#include "catalog.h"
#include "compare.h"
#include "compare_view.h"
#include "detail_view.h"
#include "doc.h"
#include "extra.h"
#include "guide_view.h"
#include "help_view.h"
#include "hyperlink.h"
#include "keys.h"
#include "layout.h"
#include "links.h"
#include "lens_view.h"
#include "loglens.h"
#include "options.h"
#include "search.h"
#include "search_box.h"
#include "status_view.h"
#include "term.h"
#include "tree_view.h"
#include "tui.h"

#define KEY_TIMEOUT_MS 150
/* get_wch() returning ERR this many times in a row, each long before the
 * timeout and with stdin hung up, means the terminal is gone. (A burst of
 * invalid bytes also gives a quick ERR, so the poll() check matters.) */
#define HANGUP_FAST_ERRS 3
/* Keys handled between two frames at most (a huge paste still redraws). */
#define MAX_DRAIN 4096
/* Exit status when the terminal went away: as if killed by SIGHUP. */
#define EXIT_HANGUP 129
/* How long to wait for the rest of a character or a key sequence. */
#define MB_CONT_MS 50

#define CTRL(c) ((c) & 0x1f)

enum hc_focus {
	HC_FOCUS_TREE,
	HC_FOCUS_DETAIL,
	HC_FOCUS_SEARCH,
};

/* View state; the tree and the filter are in b. */
struct hc_app {
	const struct hc_tui_config *cfg;
	struct hc_browser b;
	struct hc_entry *all;   /* the table, then the codes outside 100-599 */
	bool search_pending;    /* the query changed; search before use */
	enum hc_lang lang;      /* chosen with L; see app_lang() */
	bool example;           /* e: the detail shows the example exchange */
	struct hc_code_pref code;       /* In code: languages first (C cycles the first) */
	unsigned view_gen;      /* bumped when example or code change (caches) */
	size_t tree_top;        /* first row shown */
	int detail_top;         /* first detail line shown */
	int detail_lines;       /* lines in the detail for the selection */
	enum hc_focus focus;
	bool help;
	int help_top;
	bool pasting;           /* between the bracketed-paste markers */
	struct hc_box box;
	char msg[256];          /* status message until the next key */
	struct hc_layout lay;
	/* lens.c's parts (issues 11 and 16): the log lens, marks, overlays */
	const struct hc_loglens *lens;  /* --log, or NULL */
	bool by_count;          /* s: the tree in order of log lines */
	size_t *order;          /* ... that order over b's entries */
	bool *marks;            /* per entry of b: marked for comparison (m) */
	size_t marked[HC_COMPARE_MAX];  /* the marked entries, in order */
	size_t n_marked;
	struct hc_compare_view cmp;     /* c */
	struct hc_guide_view guide;     /* w */
	int lens_h;             /* detail lines the lens's block takes */
	bool links;             /* OSC 8 on the detail's URLs (hyperlink.h) */
	size_t link_next;       /* u: the URL it copies next */
};

struct run {
	struct hc_app a;
	struct hc_detail detail;
	struct hc_row detail_key;       /* selection the detail scroll is for */
	bool detail_key_valid;
	bool dirty;
	bool quit;
	int status;
	int sig;                        /* the signal that ended the loop */
	char osc[160];                  /* clipboard text to send after refresh */
	size_t osc_len;
	bool to_example;                /* scroll the detail to the example once built */
	struct hc_keydec dec;
	struct hc_key q[HC_KEYS_MAX];   /* decoded keys not handled yet */
	size_t qn, qi;
};

/* The language actually shown: English only when the locale cannot show
 * Hangul, whatever was chosen. */
static enum hc_lang app_lang(const struct hc_app *a)
{
	return a->cfg->hangul_ok ? a->lang : HC_LANG_EN;
}

static void say(struct hc_app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct hc_app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
}

static bool same_row(const struct hc_row *x, const struct hc_row *y)
{
	return x->is_class == y->is_class && x->digit == y->digit &&
	       (x->is_class || x->entry == y->entry);
}

/* ---- search ------------------------------------------------------------ */

static void run_search(struct hc_app *a)
{
	switch (hc_browser_search(&a->b, a->box.q, a->box.len)) {
	case HC_SEARCH_OK:
		if (a->b.res.partial)
			say(a, "Not every word matched: the best partial matches.");
		break;
	case HC_SEARCH_EMPTY:
		break;
	case HC_SEARCH_TOO_LONG:
		say(a, "The search is too long.");
		break;
	case HC_SEARCH_INVALID:
		say(a, "The search has characters that cannot be searched.");
		break;
	case HC_SEARCH_NOMEM:
	default:
		say(a, "Out of memory while searching.");
		break;
	}
}

static void next_match(struct hc_app *a, int dir)
{
	if (!hc_browser_next_match(&a->b, dir))
		say(a, "No search to repeat: press / to search.");
}

static void stop_filter(struct hc_app *a)
{
	hc_browser_clear_search(&a->b);
}

static void open_search(struct hc_app *a)
{
	a->focus = HC_FOCUS_SEARCH;
	hc_box_end(&a->box);
}

static void search_edit(struct hc_app *a, enum hc_edit e)
{
	switch (e) {
	case HC_EDIT_TEXT:
		/* Searched once before the next draw or the next key that needs
		 * the results: a paste or fast typing costs one search. */
		a->search_pending = true;
		break;
	case HC_EDIT_FULL:
		say(a, "The search is limited to %d bytes.", HC_QUERY_MAX);
		break;
	case HC_EDIT_REFUSED:
		say(a, "That character cannot be searched.");
		break;
	case HC_EDIT_NONE:
	case HC_EDIT_CARET:
		break;
	}
}

/* ---- other actions ----------------------------------------------------- */

static void cycle_lang(struct hc_app *a)
{
	if (!a->cfg->hangul_ok) {
		say(a, "Korean needs a UTF-8 locale, e.g. LANG=C.UTF-8.");
		return;
	}
	switch (a->lang) {
	case HC_LANG_BOTH: a->lang = HC_LANG_KO; break;
	case HC_LANG_KO: a->lang = HC_LANG_EN; break;
	case HC_LANG_EN: a->lang = HC_LANG_BOTH; break;
	}
	say(a, "Language: %s", a->lang == HC_LANG_BOTH ? "English and Korean" :
	    a->lang == HC_LANG_KO ? "Korean" : "English");
}

static void copy(struct run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_row *r = hc_browser_selected(&a->b);
	int n;

	if (!r)
		return;
	if (r->is_class && r->digit == HC_GROUP_OTHER) {
		n = snprintf(R->osc, sizeof R->osc, "%s", hc_doc_other_name(HC_LANG_EN));
	} else if (r->is_class) {
		const struct hc_class *c = hc_catalog_class(r->digit);

		n = snprintf(R->osc, sizeof R->osc, "%dxx %s", r->digit,
		             c && c->name_en ? c->name_en : "");
	} else {
		const struct hc_entry *e = &a->b.entries[r->entry];
		char code[4];

		n = snprintf(R->osc, sizeof R->osc, "%s %s",
		             hc_entry_field(e, HC_FIELD_CODE, 0, code),
		             e->phrase_en ? e->phrase_en : "");
	}
	if (n < 0)
		return;
	R->osc_len = (size_t)n < sizeof R->osc ? (size_t)n : sizeof R->osc - 1;
	say(a, "Copied \"%s\" (OSC 52; if the terminal refused, copy it by hand)",
	    R->osc);
}

/* The selected entry, or NULL (with a message) on a class row. */
static const struct hc_entry *selected_entry(struct hc_app *a, const char *what)
{
	const struct hc_row *r = hc_browser_selected(&a->b);

	if (r && !r->is_class)
		return &a->b.entries[r->entry];
	say(a, "Select a code to %s.", what);
	return NULL;
}

/* e: show or hide the example exchange in the detail (and go to it). */
static void toggle_example(struct run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_entry *e = selected_entry(a, "see its example");

	if (!e)
		return;
	if (!a->example && !e->example) {
		say(a, "%03u has no example exchange.", (unsigned)e->code % 1000);
		return;
	}
	a->example = !a->example;
	a->view_gen++;
	R->to_example = a->example;
	say(a, a->example ? "Example shown (e hides it)." : "Example hidden (e shows it).");
}

/* The language the In code section shows first: the one Y copies. */
static size_t first_code_lang(const struct hc_app *a)
{
	return a->code.n ? a->code.order[0] : 0;
}

/* Y: copy the selected code's constant in the first language (OSC 52). */
static void copy_constant(struct run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_entry *e = selected_entry(a, "copy its constant");
	size_t n, li = first_code_lang(a);
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);
	const char *lang = li < n ? hc_doc_code_lang_name(l[li].id) : "?";

	if (!e)
		return;
	for (size_t k = 0; li < n && k < e->n_constants; k++) {
		const struct hc_constant *c = &e->constants[k];

		if (strcmp(c->lang, l[li].id) != 0)
			continue;
		if (!c->spelled)
			break;
		R->osc_len = strlen(c->spelled) < sizeof R->osc ? strlen(c->spelled)
		                                                : sizeof R->osc - 1;
		memcpy(R->osc, c->spelled, R->osc_len);
		R->osc[R->osc_len] = '\0';
		say(a, "Copied \"%s\" (%s; OSC 52; C picks another language)", R->osc, lang);
		return;
	}
	say(a, "%s has no constant for %03u (C picks another language).", lang,
	    (unsigned)e->code % 1000);
}

/* C: the next language goes first in In code (and is what Y copies). */
static void cycle_code_lang(struct hc_app *a)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	if (n == 0)
		return;
	a->code.order[0] = (unsigned char)((first_code_lang(a) + 1) % n);
	if (a->code.n == 0)
		a->code.n = 1;
	for (unsigned i = 1; i < a->code.n; i++)    /* no language twice */
		if (a->code.order[i] == a->code.order[0])
			a->code.order[i] = a->code.order[--a->code.n];
	a->view_gen++;
	say(a, "In code: %s first (Y copies its constant).",
	    hc_doc_code_lang_name(l[a->code.order[0]].id));
}

/* ---- keys -------------------------------------------------------------- */

static int page(const struct hc_rect *r)
{
	return r->h > 2 ? r->h - 1 : 1;
}

static bool is_special(const struct hc_key *k, enum hc_special sp)
{
	return k->kind == HC_KEY_SPECIAL && k->sp == sp;
}

/* ---- the log lens, marks, compare and the guide (lens) ----------------- */

/* s: the tree in order of log lines (most first in each class), and back. */
static void sort_by_count(struct hc_app *a)
{
	if (!a->lens) {
		say(a, "Sorting by count needs a log: httpcodes --log FILE.");
		return;
	}
	a->by_count = !a->by_count;
	hc_browser_set_order(&a->b, a->by_count ? a->order : NULL);
	say(a, a->by_count ? "Sorted by log lines (s: by code)." : "Sorted by code (s: by log lines).");
}

/* m: mark the selected code for comparison, or unmark it. */
static void toggle_mark(struct hc_app *a)
{
	const struct hc_entry *e = selected_entry(a, "mark it for comparison");
	size_t i;

	if (!e)
		return;
	i = (size_t)(e - a->b.entries);
	if (a->marks[i]) {
		size_t k = 0;

		a->marks[i] = false;
		for (size_t j = 0; j < a->n_marked; j++)
			if (a->marked[j] != i)
				a->marked[k++] = a->marked[j];
		a->n_marked = k;
		say(a, "Unmarked %03u (%zu marked; c compares).", (unsigned)e->code % 1000, a->n_marked);
		return;
	}
	if (a->n_marked == HC_COMPARE_MAX) {
		say(a, "At most %d codes are compared: m on a marked code unmarks it.", HC_COMPARE_MAX);
		return;
	}
	a->marks[i] = true;
	a->marked[a->n_marked++] = i;
	say(a, "Marked %03u (%zu marked; c compares, m again unmarks).",
	    (unsigned)e->code % 1000, a->n_marked);
}

/* c: compare the marked codes (or the selection and its nearest code). */
static void compare_marked(struct hc_app *a)
{
	const struct hc_row *r = hc_browser_selected(&a->b);
	const struct hc_entry *sel = r && !r->is_class ? &a->b.entries[r->entry] : NULL;
	const struct hc_entry *m[HC_COMPARE_MAX], *v[HC_COMPARE_MAX];
	size_t n;

	for (size_t i = 0; i < a->n_marked; i++)
		m[i] = &a->b.entries[a->marked[i]];
	n = hc_compare_pick(sel, m, a->n_marked, v);
	if (n < 2) {
		say(a, "Mark codes with m, then c compares them (or select a code).");
		return;
	}
	hc_compare_view_open(&a->cmp, v, n);
}

/* The guide reached code: select it in the tree (its registered entry). */
static void select_code(struct hc_app *a, int code)
{
	for (size_t i = 0; i < a->b.n_entries; i++)
		if (a->b.entries[i].code == code && !a->b.entries[i].vendor) {
			if (!hc_browser_select(&a->b, i)) {
				hc_browser_clear_search(&a->b);
				hc_box_clear(&a->box);
				hc_browser_select(&a->b, i);
			}
			a->focus = HC_FOCUS_TREE;
			return;
		}
}

/* u: copy the selected entry's next "Read more" URL (OSC 52). */
static void copy_url(struct run *R)
{
	struct hc_app *a = &R->a;
	size_t len = 0, count = 0;
	const char *url;

	if (!selected_entry(a, "copy its link"))
		return;
	url = hc_links_url(&R->detail, a->link_next, &len, &count);
	if (!url && count) {
		a->link_next = 0;
		url = hc_links_url(&R->detail, 0, &len, &count);
	}
	if (!url) {
		say(a, "This entry has no link to read more.");
		return;
	}
	R->osc_len = len < sizeof R->osc ? len : sizeof R->osc - 1;
	memcpy(R->osc, url, R->osc_len);
	R->osc[R->osc_len] = '\0';
	a->link_next = (a->link_next + 1) % count;
	say(a, "Copied %s (OSC 52%s)", R->osc, count > 1 ? "; u again: the next link" : "");
}

static bool lens_key(struct run *R, wchar_t c)
{
	struct hc_app *a = &R->a;

	switch (c) {
	case 'u': copy_url(R); return true;
	case 's': sort_by_count(a); return true;
	case 'm': toggle_mark(a); return true;
	case 'c': compare_marked(a); return true;
	case 'w': hc_guide_view_open(&a->guide); return true;
	default: return false;
	}
}

/* Keys that mean the same in the tree and the detail. */
static bool common_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	wchar_t c = k->c;

	if (k->kind != HC_KEY_CHAR)
		return false;
	if (lens_key(R, c))
		return true;
	switch (c) {
	case 'q':
	case 'Q':
		R->quit = true;
		return true;
	case '?':
		a->help = true;
		a->help_top = 0;
		return true;
	case '/':
		open_search(a);
		return true;
	case 'n':
		next_match(a, 1);
		return true;
	case 'N':
		next_match(a, -1);
		return true;
	case 'L':
		cycle_lang(a);
		return true;
	case 'y':
		copy(R);
		return true;
	case 'e':
		toggle_example(R);
		return true;
	case 'Y':
		copy_constant(R);
		return true;
	case 'C':
		cycle_code_lang(a);
		return true;
	case 27:
		if (a->b.filtering || a->box.len) {
			hc_box_clear(&a->box);
			stop_filter(a);
		}
		a->focus = HC_FOCUS_TREE;
		return true;
	default:
		if (c >= '0' && c <= '9') {
			hc_box_clear(&a->box);
			a->focus = HC_FOCUS_SEARCH;
			search_edit(a, hc_box_insert(&a->box, (unsigned long)c));
			return true;
		}
		return false;
	}
}

static void expand(struct hc_app *a)
{
	if (hc_browser_expand(&a->b))
		a->focus = HC_FOCUS_DETAIL;
}

static void tree_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	struct hc_browser *b = &a->b;
	long pg = page(&a->lay.tree);

	if (k->kind == HC_KEY_SPECIAL) {
		switch (k->sp) {
		case HC_SP_UP: hc_browser_move(b, -1); break;
		case HC_SP_DOWN: hc_browser_move(b, 1); break;
		case HC_SP_PGUP: hc_browser_move(b, -pg); break;
		case HC_SP_PGDN: hc_browser_move(b, pg); break;
		case HC_SP_HOME: hc_browser_select_row(b, 0); break;
		case HC_SP_END: hc_browser_select_row(b, SIZE_MAX); break;
		case HC_SP_RIGHT: case HC_SP_ENTER: expand(a); break;
		case HC_SP_LEFT: hc_browser_collapse(b); break;
		case HC_SP_BTAB: a->focus = HC_FOCUS_DETAIL; break;
		default: break;
		}
		return;
	}
	if (common_key(R, k) || k->kind != HC_KEY_CHAR)
		return;
	switch (k->c) {
	case 'k': hc_browser_move(b, -1); break;
	case 'j': hc_browser_move(b, 1); break;
	case CTRL('b'): hc_browser_move(b, -pg); break;
	case CTRL('f'): case ' ': hc_browser_move(b, pg); break;
	case 'g': hc_browser_select_row(b, 0); break;
	case 'G': hc_browser_select_row(b, SIZE_MAX); break;
	case 'l': case '\r': case '\n': expand(a); break;
	case 'h': hc_browser_collapse(b); break;
	case '\t': a->focus = HC_FOCUS_DETAIL; break;
	default: break;
	}
}

static void detail_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	int pg = page(&a->lay.detail);

	if (k->kind == HC_KEY_SPECIAL) {
		switch (k->sp) {
		case HC_SP_UP: a->detail_top--; break;
		case HC_SP_DOWN: a->detail_top++; break;
		case HC_SP_PGUP: a->detail_top -= pg; break;
		case HC_SP_PGDN: a->detail_top += pg; break;
		case HC_SP_HOME: a->detail_top = 0; break;
		case HC_SP_END: a->detail_top = a->detail_lines; break;
		case HC_SP_LEFT: case HC_SP_BTAB: a->focus = HC_FOCUS_TREE; break;
		default: break;
		}
		return;
	}
	if (common_key(R, k) || k->kind != HC_KEY_CHAR)
		return;
	switch (k->c) {
	case 'k': a->detail_top--; break;
	case 'j': a->detail_top++; break;
	case CTRL('b'): a->detail_top -= pg; break;
	case CTRL('f'): case ' ': a->detail_top += pg; break;
	case 'g': a->detail_top = 0; break;
	case 'G': a->detail_top = a->detail_lines; break;
	case 'h': case '\t': a->focus = HC_FOCUS_TREE; break;
	default: break;
	}
}

static void search_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	struct hc_browser *b = &a->b;
	long pg = page(&a->lay.tree);

	switch (k->kind) {
	case HC_KEY_SPECIAL:
		switch (k->sp) {
		case HC_SP_BACKSPACE: search_edit(a, hc_box_backspace(&a->box)); break;
		case HC_SP_DELETE: search_edit(a, hc_box_delete(&a->box)); break;
		case HC_SP_LEFT: hc_box_left(&a->box); break;
		case HC_SP_RIGHT: hc_box_right(&a->box); break;
		case HC_SP_HOME: hc_box_home(&a->box); break;
		case HC_SP_END: hc_box_end(&a->box); break;
		case HC_SP_UP: hc_browser_move(b, -1); break;
		case HC_SP_DOWN: hc_browser_move(b, 1); break;
		case HC_SP_PGUP: hc_browser_move(b, -pg); break;
		case HC_SP_PGDN: hc_browser_move(b, pg); break;
		case HC_SP_ENTER: a->focus = HC_FOCUS_TREE; break;
		case HC_SP_BTAB: a->focus = HC_FOCUS_TREE; break;
		default: break;
		}
		return;
	case HC_KEY_INVALID:
		/* What the decoder makes of bytes the locale cannot decode. */
		say(a, "Ignored input that is not valid text in this locale.");
		return;
	case HC_KEY_CHAR:
		break;
	default:
		/* Alt-keys and sequences that mean nothing here: never text. */
		return;
	}
	switch (k->c) {
	case 127: case CTRL('h'):
		search_edit(a, hc_box_backspace(&a->box));
		break;
	case CTRL('u'):
		search_edit(a, hc_box_clear(&a->box));
		break;
	case CTRL('a'): hc_box_home(&a->box); break;
	case CTRL('e'): hc_box_end(&a->box); break;
	case CTRL('b'): hc_box_left(&a->box); break;
	case CTRL('f'): hc_box_right(&a->box); break;
	case '\r': case '\n': case '\t':
		a->focus = HC_FOCUS_TREE;
		break;
	case 27:
		hc_box_clear(&a->box);
		stop_filter(a);
		a->focus = HC_FOCUS_TREE;
		break;
	default:
		/* Other control characters are ignored, never echoed. */
		if (k->c >= 0x20 && k->c != 0x7f)
			search_edit(a, hc_box_insert(&a->box, (unsigned long)k->c));
		break;
	}
}

/* A bracketed paste: its characters go into the search line as text, and
 * nothing in it acts as a key (a pasted "q" never quits). */
static void paste_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	wchar_t c = k->c;

	if (k->kind == HC_KEY_INVALID) {
		say(a, "Ignored input that is not valid text in this locale.");
		return;
	}
	if (k->kind != HC_KEY_CHAR && k->kind != HC_KEY_ALT)
		return;
	if (c == '\t' || c == '\n' || c == '\r')
		c = ' ';
	if (c < 0x20 || c == 0x7f)
		return;
	if (a->focus != HC_FOCUS_SEARCH)
		open_search(a);
	search_edit(a, hc_box_insert(&a->box, (unsigned long)c));
}

static void help_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;

	if (k->kind == HC_KEY_SPECIAL) {
		switch (k->sp) {
		case HC_SP_UP: a->help_top--; return;
		case HC_SP_DOWN: a->help_top++; return;
		case HC_SP_PGUP: a->help_top -= 10; return;
		case HC_SP_PGDN: a->help_top += 10; return;
		case HC_SP_MOUSE: {
			MEVENT ev;

			if (getmouse(&ev) == OK &&
			    (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
				a->help = false;
			return;
		}
		default: break;
		}
	} else if (k->kind == HC_KEY_CHAR &&
	           (k->c == 'j' || k->c == 'k' || k->c == ' ')) {
		a->help_top += k->c == 'k' ? -1 : k->c == 'j' ? 1 : 10;
		return;
	} else if (k->kind == HC_KEY_IGNORED) {
		return;
	}
	a->help = false;
}

static bool inside(const struct hc_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

static void mouse(struct run *R)
{
	struct hc_app *a = &R->a;
	struct hc_browser *b = &a->b;
	MEVENT ev;
	int wheel = 0;

	if (getmouse(&ev) != OK || a->lay.too_small)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		wheel = -3;
	else if (ev.bstate & BUTTON5_PRESSED)
		wheel = 3;
	if (wheel) {
		if (inside(&a->lay.detail, ev.y, ev.x))
			a->detail_top += wheel;
		else if (inside(&a->lay.tree, ev.y, ev.x))
			hc_browser_move(b, wheel);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	/* With mouseinterval(0) one click is reported once: as a press, or
	 * as a click when press and release were read together. */
	if (inside(&a->lay.tree, ev.y, ev.x)) {
		size_t row = a->tree_top + (size_t)(ev.y - a->lay.tree.y);

		if (row >= b->n_rows)
			return;
		a->focus = HC_FOCUS_TREE;
		hc_browser_select_row(b, row);
		/* On the "+"/"-" of a class: open or close it. */
		if (b->rows[row].is_class && ev.x - a->lay.tree.x < 2)
			hc_browser_toggle(b);
	} else if (inside(&a->lay.detail, ev.y, ev.x)) {
		a->focus = HC_FOCUS_DETAIL;
	} else if (inside(&a->lay.search, ev.y, ev.x)) {
		open_search(a);
	}
}

/* Run the search the last edits asked for, once. */
static void flush_search(struct hc_app *a)
{
	if (a->search_pending) {
		a->search_pending = false;
		run_search(a);
	}
}

static void handle(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	bool typing;

	switch (k->kind) {
	case HC_KEY_PASTE_BEGIN:
		a->pasting = true;
		return;
	case HC_KEY_PASTE_END:
		a->pasting = false;
		return;
	default:
		break;
	}
	a->msg[0] = '\0';
	/* Only more typing into the box may leave the search for later. */
	typing = a->pasting || (a->focus == HC_FOCUS_SEARCH &&
	                        k->kind == HC_KEY_CHAR && k->c >= 0x20 && k->c != 0x7f);
	if (!typing)
		flush_search(a);
	R->dirty = true;
	if (is_special(k, HC_SP_RESIZE)) {
		/* One full repaint per resize: the terminal may have reflowed
		 * what it showed. */
		clearok(curscr, TRUE);
		return;
	}
	if (k->kind == HC_KEY_CHAR && k->c == CTRL('l') && !a->pasting) {
		clearok(curscr, TRUE);
		return;
	}
	if (is_special(k, HC_SP_MOUSE) && !a->help) {
		mouse(R);
		return;
	}
	if (a->pasting) {
		if (!a->lay.too_small && !a->help)
			paste_key(R, k);
		return;
	}
	if (a->help) {
		help_key(R, k);
		return;
	}
	if (a->cmp.open) {
		hc_compare_view_key(&a->cmp, k);
		return;
	}
	if (a->guide.open) {
		int code = hc_guide_view_key(&a->guide, k);

		if (code > 0)
			select_code(a, code);
		return;
	}
	if (a->lay.too_small) {
		/* Nothing to act on that can be seen; q still quits. */
		if (k->kind == HC_KEY_CHAR && (k->c == 'q' || k->c == 'Q'))
			R->quit = true;
		return;
	}
	switch (a->focus) {
	case HC_FOCUS_TREE: tree_key(R, k); break;
	case HC_FOCUS_DETAIL: detail_key(R, k); break;
	case HC_FOCUS_SEARCH: search_key(R, k); break;
	}
}

/* ---- drawing ----------------------------------------------------------- */

static bool same_key(const struct hc_row *x, const struct hc_row *y)
{
	return same_row(x, y);
}

/* Bring view state (layout, scroll offsets) in line with the window and the
 * selection before drawing. */
static void prepare(struct run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_browser *b = &a->b;
	const struct hc_row *r;
	struct hc_detail_look look;
	int max_top, th;

	hc_layout_compute(&a->lay, LINES, COLS);
	if (a->lay.too_small)
		return;
	th = a->lay.tree.h;
	if (b->n_rows == 0) {
		a->tree_top = 0;
	} else {
		if (b->sel < a->tree_top)
			a->tree_top = b->sel;
		if (b->sel >= a->tree_top + (size_t)th)
			a->tree_top = b->sel - (size_t)th + 1;
		if (a->tree_top + (size_t)th > b->n_rows)
			a->tree_top = b->n_rows > (size_t)th ?
			              b->n_rows - (size_t)th : 0;
	}

	r = hc_browser_selected(b);
	if (!r || !R->detail_key_valid || !same_key(r, &R->detail_key))
		a->detail_top = 0;
	if (r)
		R->detail_key = *r;
	R->detail_key_valid = r != NULL;
	look.lang = app_lang(a);
	look.doc.code = &a->code;
	look.doc.example = a->example;
	look.gen = a->view_gen;
	a->lens_h = hc_lens_view_height(a->lens, b, a->lay.detail);
	a->lay.detail.y += a->lens_h;
	a->lay.detail.h -= a->lens_h;
	a->detail_lines = hc_detail_build(&R->detail, b, &look, a->lay.detail);
	if (R->to_example && R->detail.example_line >= 0)
		a->detail_top = R->detail.example_line;
	R->to_example = false;
	max_top = a->detail_lines - a->lay.detail.h;
	if (max_top < 0)
		max_top = 0;
	if (a->detail_top > max_top)
		a->detail_top = max_top;
	if (a->detail_top < 0)
		a->detail_top = 0;

	max_top = hc_help_lines() - (a->lay.rows - 2);
	if (max_top < 0)
		max_top = 0;
	if (a->help_top > max_top)
		a->help_top = max_top;
	if (a->help_top < 0)
		a->help_top = 0;
}

static void draw_status(const struct hc_app *a)
{
	struct hc_status_info s;

	memset(&s, 0, sizeof s);
	s.total = a->b.n_entries;
	s.matches = a->b.res.n;
	s.filtering = a->b.filtering;
	s.lang = app_lang(a);
	s.hints = a->focus == HC_FOCUS_SEARCH ? HC_HINTS_SEARCH :
	          a->focus == HC_FOCUS_DETAIL ? HC_HINTS_DETAIL : HC_HINTS_TREE;
	if (a->focus == HC_FOCUS_DETAIL && a->detail_lines > 0) {
		int last = a->detail_top + a->lay.detail.h;

		s.detail_first = a->detail_top + 1;
		s.detail_last = last > a->detail_lines ? a->detail_lines : last;
		s.detail_lines = a->detail_lines;
	}
	s.msg = a->msg;
	hc_status_draw(&s, a->lay.status);
}

static void draw(struct run *R)
{
	struct hc_app *a = &R->a;
	int cy = 0, cx = 0, tree_y, box_x;

	prepare(R);
	erase();
	if (a->lay.too_small) {
		hc_layout_draw_too_small(&a->lay, &cy, &cx);
	} else {
		struct hc_tree_look look;
		struct hc_rect screen = { 0, 0, a->lay.rows, a->lay.cols };

		look.top = a->tree_top;
		look.lang = app_lang(a);
		look.quiet_sel = a->focus == HC_FOCUS_DETAIL;
		look.lens = a->lens;
		look.marks = a->marks;
		hc_box_draw(&a->box, a->lay.search,
		            a->focus == HC_FOCUS_SEARCH, &box_x);
		hc_tree_draw(&a->b, &look, a->lay.tree, &tree_y);
		hc_layout_draw_sep(&a->lay, a->focus == HC_FOCUS_DETAIL ?
		                   "Detail (j/k scroll, Tab back)" : "Detail",
		                   a->focus == HC_FOCUS_DETAIL ? A_BOLD : A_NORMAL);
		if (a->lens_h)
			hc_lens_view_draw(a->lens, &a->b, app_lang(a),
			                  (struct hc_rect){ a->lay.detail.y - a->lens_h, a->lay.detail.x,
			                                    a->lens_h, a->lay.detail.w });
		hc_detail_draw(&R->detail, &a->b, a->detail_top, a->lay.detail);
		draw_status(a);
		switch (a->focus) {
		case HC_FOCUS_SEARCH:
			cy = a->lay.search.y;
			cx = box_x;
			break;
		case HC_FOCUS_DETAIL:
			cy = a->lay.detail.y;
			cx = a->lay.detail.x + (a->lay.detail.w > 2 ? 1 : 0);
			break;
		case HC_FOCUS_TREE:
			cy = tree_y;
			cx = a->lay.tree.x;
			break;
		}
		if (a->cmp.open)
			hc_compare_view_draw(&a->cmp, screen, app_lang(a), &cy, &cx);
		if (a->guide.open)
			hc_guide_view_draw(&a->guide, screen, app_lang(a), &cy, &cx);
		if (a->help)
			hc_help_draw(screen, a->help_top, &cy, &cx);
	}
	/* The real cursor rests at the caret or the selection, for screen
	 * readers and IME pre-edit: the last move before refresh. */
	if (cy >= LINES)
		cy = LINES - 1;
	if (cx >= COLS)
		cx = COLS - 1;
	move(cy > 0 ? cy : 0, cx > 0 ? cx : 0);
	hc_term_refresh();
	if (R->osc_len) {
		hc_term_osc52(R->osc, R->osc_len);
		R->osc_len = 0;
	}
	if (a->links && !a->lay.too_small && !a->help && !a->cmp.open && !a->guide.open)
		hc_links_emit(&R->detail, a->detail_top, a->lay.detail, cy, cx);
}

/* ---- set-up and the loop ----------------------------------------------- */

static bool app_init(struct hc_app *a, const struct hc_tui_config *cfg)
{
	memset(a, 0, sizeof *a);
	a->cfg = cfg;
	a->lang = cfg->lang;
	a->code = cfg->code;
	a->lens = cfg->lens;
	size_t n = a->lens ? a->lens->n_entries : hc_catalog_count(), n_other;
	const struct hc_entry *other = hc_extra_other(&n_other);

	/* The codes outside 100-599 are a sixth group after 5xx (browser.h);
	 * with --log the entries before them are the lens's (the table's and
	 * the codes the log has and the table lacks). */
	a->all = malloc((n + n_other + 1) * sizeof *a->all);
	if (!a->all)
		return false;
	memcpy(a->all, a->lens ? a->lens->entries : hc_catalog_entries(), n * sizeof *a->all);
	memcpy(a->all + n, other, n_other * sizeof *a->all);
	if (!hc_browser_init(&a->b, a->all, n + n_other))
		return false;
	if (a->lens) {
		/* s: the lens's order by count, the sixth group as it is. */
		a->order = malloc((n + n_other + 1) * sizeof *a->order);
		if (!a->order)
			return false;
		memcpy(a->order, a->lens->by_count, n * sizeof *a->order);
		for (size_t i = n; i < n + n_other; i++)
			a->order[i] = i;
		/* The log's classes open, so that the counts are in view. */
		for (int d = 1; d <= 5; d++)
			if (hc_logcount_class(&a->lens->c, d) && !a->b.expanded[d]) {
				a->b.sel = 0;
				for (size_t i = 0; i < a->b.n_rows; i++)
					if (a->b.rows[i].is_class && a->b.rows[i].digit == d)
						a->b.sel = i;
				hc_browser_toggle(&a->b);
			}
		hc_browser_select_row(&a->b, 0);
	}
	a->marks = calloc(a->b.n_entries + 1, sizeof *a->marks);
	return a->marks != NULL;
}

static void app_free(struct hc_app *a)
{
	hc_browser_free(&a->b);
	free(a->all);
	a->all = NULL;
	free(a->marks);
	free(a->order);
	hc_compare_view_free(&a->cmp);
	hc_guide_view_free(&a->guide);
}

/* curses' own keys (from the terminfo entry) as decoder input. */
static int curses_key(int k)
{
	enum hc_special sp;

	switch (k) {
	case KEY_UP: sp = HC_SP_UP; break;
	case KEY_DOWN: sp = HC_SP_DOWN; break;
	case KEY_LEFT: sp = HC_SP_LEFT; break;
	case KEY_RIGHT: sp = HC_SP_RIGHT; break;
	case KEY_HOME: sp = HC_SP_HOME; break;
	case KEY_END: sp = HC_SP_END; break;
	case KEY_PPAGE: sp = HC_SP_PGUP; break;
	case KEY_NPAGE: sp = HC_SP_PGDN; break;
	case KEY_IC: sp = HC_SP_INSERT; break;
	case KEY_DC: sp = HC_SP_DELETE; break;
	case KEY_BACKSPACE: sp = HC_SP_BACKSPACE; break;
	case KEY_ENTER: sp = HC_SP_ENTER; break;
	case KEY_BTAB: sp = HC_SP_BTAB; break;
	case KEY_RESIZE: sp = HC_SP_RESIZE; break;
	case KEY_MOUSE: sp = HC_SP_MOUSE; break;
	default: sp = HC_SP_OTHER; break;
	}
	return HC_IN_KEY + (int)sp;
}

/* The next key: decoded ones first, then input. wait_ms is how long to
 * block for new input (0: not at all). ERR when nothing came. */
static bool read_key(struct run *R, int wait_ms, struct hc_key *out)
{
	for (;;) {
		int k;

		if (R->qi < R->qn) {
			*out = R->q[R->qi++];
			return true;
		}
		R->qi = R->qn = 0;
		/* The rest of a character or a sequence comes with its first
		 * byte or just after. */
		wtimeout(stdscr, hc_keys_pending(&R->dec) ? MB_CONT_MS : wait_ms);
		k = wgetch(stdscr);
		if (k == ERR) {
			if (!hc_keys_pending(&R->dec))
				return false;
			R->qn = hc_keys_feed(&R->dec, HC_IN_PAUSE, R->q);
			continue;
		}
		R->qn = hc_keys_feed(&R->dec, k >= KEY_MIN ? curses_key(k) : k & 0xff,
		                     R->q);
	}
}

/* After a quick ERR: 1 when stdin is hung up, 0 when bytes are waiting (a
 * burst of junk being read), -1 when neither (then pause, not spin). */
static int stdin_state(void)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&pfd, 1, 0) < 0)
		return -1;
	if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 1;
	return pfd.revents & POLLIN ? 0 : -1;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void loop(struct run *R)
{
	int fast_errs = 0;

	while (!R->quit) {
		struct hc_key k;
		int drained = 0;
		long t0;

		if (hc_term_signal()) {
			R->sig = hc_term_signal();
			R->status = 128 + R->sig;
			return;
		}
		if (hc_term_check_resize())
			R->dirty = true;
		flush_search(&R->a);
		if (R->dirty) {
			draw(R);
			R->dirty = false;
		}
		t0 = now_ms();
		if (!read_key(R, KEY_TIMEOUT_MS, &k)) {
			int st = now_ms() - t0 < KEY_TIMEOUT_MS / 3 ?
			         stdin_state() : 0;

			/* A paste whose end marker never came ends here. */
			R->a.pasting = false;
			if (st == 1 && ++fast_errs >= HANGUP_FAST_ERRS) {
				R->status = EXIT_HANGUP;
				return;
			}
			if (st != 1)
				fast_errs = 0;
			if (st == -1)
				napms(10);
			continue;
		}
		fast_errs = 0;
		handle(R, &k);
		/* Take everything already waiting before drawing again. */
		while (!R->quit && drained++ < MAX_DRAIN && !hc_term_signal()) {
			if (!read_key(R, 0, &k))
				break;
			handle(R, &k);
		}
	}
}

int hc_tui_run(const struct hc_tui_config *cfg)
{
	struct run *R;
	struct hc_app *a;
	int status, sig;

	/* No signal may end the program half set up (ncurses' handlers
	 * exit with status 1, or leave the terminal changed): blocked until
	 * ours are in place. */
	hc_term_block_signals();
	R = calloc(1, sizeof *R);
	if (!R) {
		hc_term_unblock_signals();
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	a = &R->a;
	if (!app_init(a, cfg)) {
		app_free(a);
		free(R);
		hc_term_unblock_signals();
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	if (!hc_term_open(cfg->color)) {
		app_free(a);
		free(R);
		hc_term_unblock_signals();
		return HC_EXIT_USAGE;
	}
	hc_term_unblock_signals();
	hc_paint_set_utf8(hc_term_utf8());
	a->links = hc_term_utf8() && hc_hyperlinks_supported(getenv);
	hc_keys_init(&R->dec, MB_CUR_MAX == 1);

	if (!cfg->hangul_ok && cfg->lang_fallback)
		say(a, "Korean needs a UTF-8 locale (LANG=C.UTF-8): showing English.");
	else if (!cfg->hangul_ok)
		say(a, "Korean text needs a UTF-8 locale, e.g. LANG=C.UTF-8.");
	if (cfg->query && *cfg->query) {
		if (!hc_box_set(&a->box, cfg->query, strlen(cfg->query)))
			say(a, "Some characters of the query were left out.");
		a->focus = HC_FOCUS_SEARCH;
		run_search(a);
	}
	R->dirty = true;
	loop(R);

	status = R->status;
	sig = R->sig;
	hc_detail_free(&R->detail);
	app_free(a);
	free(R);
	/* Leave as the signal asked: the terminal restored, then killed by it
	 * (its default action), so that a calling shell sees 130, 143... */
	hc_term_close_and_exit(sig);
	return status;
}
