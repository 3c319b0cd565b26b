/*
 * app_state.h - tui-internal: the browser's view state (struct hc_app) and the
 * run around it (struct hc_run: the detail, its links and text matches, the
 * clipboard text, the key queue), shared by app.c and the action files split
 * from it (copy.c, find.c, lens.c, nav.c, search_line.c, toggles.c), with the
 * few small helpers they all use (the language shown, messages, the selected
 * entry, scrolling the detail to a line).
 *
 * Only those files include it: no view does (views take narrow inputs), and
 * the action headers only forward-declare these structs, so app.c's
 * includes and theirs form no circle. Only app.c and its action files change
 * this state.
 */
#ifndef HC_TUI_APP_STATE_H
#define HC_TUI_APP_STATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

#include "browser.h"
#include "catalog.h"
#include "compare.h"
#include "compare_view.h"
#include "detail_view.h"
#include "guide_view.h"
#include "keys.h"
#include "layout.h"
#include "loglens.h"
#include "options.h"
#include "search_box.h"
#include "tui.h"
#include "ui_text.h"

#define CTRL(c) ((c) & 0x1f)

enum hc_focus {
	HC_FOCUS_TREE,
	HC_FOCUS_DETAIL,
	HC_FOCUS_SEARCH,
	HC_FOCUS_FIND,          /* typing a search in the detail's text ("/" there) */
	HC_FOCUS_GOTO,          /* typing a code to go to (":") */
};

/* Links and matches in the detail, at most (more are not reachable). */
#define MAX_LINKS 128
#define MAX_FINDS 512
/* The most text a copy takes (a whole entry is a few kB). */
#define COPY_MAX 16384

/* View state; the tree and the filter are in b. */
struct hc_app {
	const struct hc_tui_config *cfg;
	struct hc_browser b;
	struct hc_entry *all;   /* with --log: the lens's entries, then the codes
	                           outside 100-599 (else NULL: the browser
	                           shows hc_extra_browse() as it is) */
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
	bool copy_menu;         /* y: what to copy */
	bool showing;           /* the copied text shown to be selected by hand */
	int show_top;
	bool mouse_on;          /* M toggles; off lets the terminal select text */
	struct hc_box box;
	struct hc_box fbox;     /* the detail's search ("/" with the detail focused) */
	struct hc_box gbox;     /* ":" and a code */
	char msg[256];          /* status message until the next key */
	struct hc_layout lay;
	int tree_w;             /* the tree's text width in tree_w_lang */
	enum hc_lang tree_w_lang;
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

/* One run of the browser: the view state and what the loop, the detail and
 * the actions keep between keys. */
struct hc_run {
	struct hc_app a;
	struct hc_detail detail;
	struct hc_row detail_key;       /* selection the detail scroll is for */
	bool detail_key_valid;
	bool dirty;
	bool quit;
	int status;
	int sig;                        /* the signal that ended the loop */
	/* The clipboard text to send after refresh: COPY_MAX bytes,
	 * allocated at the first copy (hc_run is calloc'd, and a browser
	 * that never copies should not hold 16 KiB of zeroes). */
	char *osc;
	size_t osc_len;
	bool osc_send;                  /* send osc[] (not on the Linux console) */
	const char *show_why;           /* why the copied text is shown */
	/* The detail's links and its text's matches, for the entry the
	 * detail was built for (links_gen/find_gen follow the builds). */
	struct hc_link links[MAX_LINKS];
	size_t n_links;
	long link_sel;
	struct hc_find *finds;          /* MAX_FINDS, allocated at the first find */
	size_t n_finds;
	long find_cur;
	bool find_jump;                 /* scroll to the current match once */
	unsigned built;                 /* bumped when the detail was rebuilt */
	unsigned links_for, finds_for;  /* the build they were made for */
	int anchor_width;               /* the width detail_top was taken at */
	int goto_line;                  /* after a build: scroll here (-1: no) */
	bool to_example;                /* scroll the detail to the example once built */
	struct hc_keydec dec;
	struct hc_key q[HC_KEYS_MAX];   /* decoded keys not handled yet */
	size_t qn, qi;
};

/* The language actually shown: English only when the locale cannot show
 * Hangul, whatever was chosen. */
static inline enum hc_lang app_lang(const struct hc_app *a)
{
	return a->cfg->hangul_ok ? a->lang : HC_LANG_EN;
}

/* The interface speaks Korean in Korean mode, and in a Korean locale when
 * both languages are shown (English stays the default elsewhere). */
static inline bool ui_ko(const struct hc_app *a)
{
	enum hc_lang l = app_lang(a);

	return l == HC_LANG_KO || (l == HC_LANG_BOTH && a->cfg->ui_ko);
}

static inline const char *T(const struct hc_app *a, enum hc_ui id)
{
	return hc_ui(id, ui_ko(a));
}

static inline void say(struct hc_app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A message from ui_text.c's table: both columns take the same arguments
 * (the Korean one by position), so the format is checked once there. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static inline void say_ui(struct hc_app *a, enum hc_ui id, ...)
{
	va_list ap;

	va_start(ap, id);
	vsnprintf(a->msg, sizeof a->msg, T(a, id), ap);
	va_end(ap);
}
#pragma GCC diagnostic pop

static inline void say(struct hc_app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
}

/* The selected entry, or NULL (with a message) on a class row. */
static inline const struct hc_entry *selected_entry(struct hc_app *a, const char *what)
{
	const struct hc_row *r = hc_browser_selected(&a->b);

	(void)what;
	if (r && !r->is_class)
		return &a->b.entries[r->entry];
	say_ui(a, HC_UI_SELECT_CODE);
	return NULL;
}

/* The language the In code section shows first: the one Y copies. */
static inline size_t first_code_lang(const struct hc_app *a)
{
	return a->code.n ? a->code.order[0] : 0;
}

/* ---- keys -------------------------------------------------------------- */

static inline int page(const struct hc_rect *r)
{
	return r->h > 2 ? r->h - 1 : 1;
}

static inline bool is_special(const struct hc_key *k, enum hc_special sp)
{
	return k->kind == HC_KEY_SPECIAL && k->sp == sp;
}

/* Scroll the detail so that line k shows (a third down, as less does). */
static inline void show_line(struct hc_run *R, int k)
{
	struct hc_app *a = &R->a;
	int h = a->lay.detail.h;

	if (k < 0)
		return;
	if (k < a->detail_top || k >= a->detail_top + h)
		a->detail_top = k - h / 3 > 0 ? k - h / 3 : 0;
}

#endif
