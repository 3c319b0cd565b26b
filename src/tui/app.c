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
#include <signal.h>
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
#include "text.h"
#include "tree_view.h"
#include "tui.h"
#include "ui_text.h"

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

struct run {
	struct hc_app a;
	struct hc_detail detail;
	struct hc_row detail_key;       /* selection the detail scroll is for */
	bool detail_key_valid;
	bool dirty;
	bool quit;
	int status;
	int sig;                        /* the signal that ended the loop */
	char osc[COPY_MAX];             /* clipboard text to send after refresh */
	size_t osc_len;
	bool osc_send;                  /* send osc[] (not on the Linux console) */
	const char *show_why;           /* why the copied text is shown */
	/* The detail's links and its text's matches, for the entry the
	 * detail was built for (links_gen/find_gen follow the builds). */
	struct hc_link links[MAX_LINKS];
	size_t n_links;
	long link_sel;
	struct hc_find finds[MAX_FINDS];
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
static enum hc_lang app_lang(const struct hc_app *a)
{
	return a->cfg->hangul_ok ? a->lang : HC_LANG_EN;
}

/* The interface speaks Korean in Korean mode, and in a Korean locale when
 * both languages are shown (English stays the default elsewhere). */
static bool ui_ko(const struct hc_app *a)
{
	enum hc_lang l = app_lang(a);

	return l == HC_LANG_KO || (l == HC_LANG_BOTH && a->cfg->ui_ko);
}

static const char *T(const struct hc_app *a, enum hc_ui id)
{
	return hc_ui(id, ui_ko(a));
}

static void say(struct hc_app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A message from ui_text.c's table: both columns take the same arguments
 * (the Korean one by position), so the format is checked once there. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void say_ui(struct hc_app *a, enum hc_ui id, ...)
{
	va_list ap;

	va_start(ap, id);
	vsnprintf(a->msg, sizeof a->msg, T(a, id), ap);
	va_end(ap);
}
#pragma GCC diagnostic pop

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
		say_ui(a, HC_UI_TOO_LONG);
		break;
	case HC_SEARCH_INVALID:
		say_ui(a, HC_UI_INVALID);
		break;
	case HC_SEARCH_NOMEM:
	default:
		say_ui(a, HC_UI_NOMEM);
		break;
	}
}

static void next_match(struct hc_app *a, int dir)
{
	if (!hc_browser_next_match(&a->b, dir))
		say_ui(a, HC_UI_NO_SEARCH);
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
		say_ui(a, HC_UI_LIMIT, HC_QUERY_MAX);
		break;
	case HC_EDIT_REFUSED:
		say_ui(a, HC_UI_REFUSED);
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
	say_ui(a, HC_UI_LANG_IS, T(a, a->lang == HC_LANG_BOTH ? HC_UI_LANG_BOTH :
	                           a->lang == HC_LANG_KO ? HC_UI_LANG_KO : HC_UI_LANG_EN));
}

/* ---- copying ----------------------------------------------------------- */

enum copy_what { COPY_CODE, COPY_NAME, COPY_SUMMARY, COPY_ENTRY, COPY_URL };

/* Whether OSC 52 reaches a clipboard, by what can be seen from inside (tmux's
 * set-clipboard cannot be asked): 0 likely, 1 maybe (tmux or screen pass it
 * on only when set up for it), 2 not at all (the Linux console and other
 * terminals without it). */
static int clip_state(void)
{
	const char *t = getenv("TERM");

	if (t && (strcmp(t, "linux") == 0 || strncmp(t, "vt", 2) == 0 || strcmp(t, "dumb") == 0 ||
	          strcmp(t, "cons25") == 0))
		return 2;
	if (getenv("TMUX") || getenv("STY") ||
	    (t && (strncmp(t, "screen", 6) == 0 || strncmp(t, "tmux", 4) == 0)))
		return 1;
	return 0;
}

static size_t put(char *buf, size_t o, const char *s, size_t n)
{
	if (o >= COPY_MAX - 1)
		return o;
	if (n > COPY_MAX - 1 - o)
		n = COPY_MAX - 1 - o;
	memcpy(buf + o, s, n);
	buf[o + n] = '\0';
	return o + n;
}

static size_t puts_(char *buf, size_t o, const char *s)
{
	return s ? put(buf, o, s, strlen(s)) : o;
}

/* The document shown in the detail as plain text, one item a line (the
 * terminal or the editor it is pasted into wraps it). */
static size_t doc_as_text(const struct hc_doc *d, char *buf)
{
	size_t o = 0;
	char code[8];

	buf[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		const struct hc_doc_item *it = &d->items[i];
		const char *t = hc_doc_text(d, it);

		switch (it->role) {
		case HC_DOC_HEADING:
			o = puts_(buf, o, "\n");
			o = puts_(buf, o, it->label);
			o = puts_(buf, o, "\n");
			continue;
		case HC_DOC_FACT:
		case HC_DOC_LINK:
			o = puts_(buf, o, it->label);
			o = puts_(buf, o, ": ");
			break;
		case HC_DOC_SEE:
			snprintf(code, sizeof code, "%03u ", (unsigned)it->code % 1000);
			o = puts_(buf, o, it->cont ? "    " : code);
			break;
		case HC_DOC_CODE:
			o = puts_(buf, o, it->cont ? "" : it->label);
			o = puts_(buf, o, it->cont ? "    " : ": ");
			break;
		case HC_DOC_PRE:
			o = puts_(buf, o, "  ");
			break;
		case HC_DOC_PARA:
			if (it->gap)
				o = puts_(buf, o, "\n");
			break;
		case HC_DOC_TITLE:
		case HC_DOC_SUBTITLE:
			break;
		}
		o = put(buf, o, t, it->len);
		o = puts_(buf, o, "\n");
	}
	return o;
}

/* Fill R->osc with what `what` names for the selection; 0 when there is
 * nothing of that kind. */
static size_t copy_text(struct run *R, enum copy_what what)
{
	struct hc_app *a = &R->a;
	const struct hc_row *r = hc_browser_selected(&a->b);
	const struct hc_class *c = r && r->is_class ? hc_catalog_class(r->digit) : NULL;
	const struct hc_entry *e = r && !r->is_class ? &a->b.entries[r->entry] : NULL;
	bool ko = app_lang(a) == HC_LANG_KO;
	char head[16], code[8];
	size_t o = 0;

	R->osc[0] = '\0';
	if (!r)
		return 0;
	if (r->is_class && r->digit == HC_GROUP_OTHER) {
		/* The group of codes outside 100-599: its name, its document. */
		if (what == COPY_ENTRY)
			return doc_as_text(&R->detail.doc, R->osc);
		return what == COPY_CODE ? puts_(R->osc, 0, hc_doc_other_name(ko ? HC_LANG_KO
		                                                                 : HC_LANG_EN)) : 0;
	}
	if (c)
		snprintf(head, sizeof head, "%dxx ", r->digit);
	else
		snprintf(head, sizeof head, "%s ", hc_entry_field(e, HC_FIELD_CODE, 0, code));
	switch (what) {
	case COPY_CODE:
		o = puts_(R->osc, 0, head);
		/* In the language shown (issue 14): Korean mode copies the
		 * Korean name. */
		if (c)
			o = puts_(R->osc, o, ko && c->name_ko ? c->name_ko : c->name_en);
		else
			o = puts_(R->osc, o, ko && e->name_ko && *e->name_ko ? e->name_ko : e->phrase_en);
		break;
	case COPY_NAME:
		if (!a->cfg->hangul_ok)
			return 0;
		o = puts_(R->osc, 0, c ? c->name_ko : e->name_ko);
		break;
	case COPY_SUMMARY:
		if (c)
			o = puts_(R->osc, 0, ko && c->summary_ko ? c->summary_ko : c->summary_en);
		else
			o = puts_(R->osc, 0, ko && e->summary_ko ? e->summary_ko : e->summary_en);
		break;
	case COPY_ENTRY:
		o = doc_as_text(&R->detail.doc, R->osc);
		break;
	case COPY_URL:
		for (size_t i = 0; i < R->detail.doc.n; i++)
			if (R->detail.doc.items[i].role == HC_DOC_LINK) {
				o = put(R->osc, 0, hc_doc_text(&R->detail.doc, &R->detail.doc.items[i]),
				        R->detail.doc.items[i].len);
				break;
			}
		break;
	}
	return o;
}

static void copy(struct run *R, enum copy_what what)
{
	struct hc_app *a = &R->a;
	int st = clip_state();
	size_t n = copy_text(R, what);
	bool short_text = n > 0 && n < 80 && !memchr(R->osc, '\n', n);

	if (n == 0) {
		say_ui(a, HC_UI_COPY_NONE);
		return;
	}
	R->osc_len = n;
	R->osc_send = st < 2;
	if (st == 0 || (st == 1 && short_text)) {
		if (st == 1)
			say_ui(a, HC_UI_COPIED_TMUX, R->osc);
		else if (short_text)
			say_ui(a, HC_UI_COPIED, R->osc);
		else
			say_ui(a, HC_UI_COPIED_LONG, n);
		return;
	}
	/* Show it, with the mouse off, so that it can be selected by hand. */
	R->show_why = T(a, st == 1 ? HC_UI_COPY_SHOW_WHY_TMUX : HC_UI_COPY_SHOW_WHY_CONSOLE);
	a->showing = true;
	a->show_top = 0;
	if (a->mouse_on)
		hc_term_mouse(false);
}

static void copy_menu_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;

	a->copy_menu = false;
	if (k->kind != HC_KEY_CHAR)
		return;
	switch (k->c) {
	case 'y': case '1': case '\r': case '\n': copy(R, COPY_CODE); break;
	case '2': case 'k': copy(R, COPY_NAME); break;
	case '3': case 's': copy(R, COPY_SUMMARY); break;
	case '4': case 'e': copy(R, COPY_ENTRY); break;
	case '5': case 'u': copy(R, COPY_URL); break;
	default: break;
	}
}

static void show_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;

	if (k->kind == HC_KEY_SPECIAL && (k->sp == HC_SP_DOWN || k->sp == HC_SP_UP)) {
		a->show_top += k->sp == HC_SP_DOWN ? 1 : -1;
		return;
	}
	if (k->kind == HC_KEY_CHAR && (k->c == 'j' || k->c == 'k' || k->c == ' ')) {
		a->show_top += k->c == 'k' ? -1 : k->c == 'j' ? 1 : 10;
		return;
	}
	if (k->kind == HC_KEY_IGNORED || (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_MOUSE))
		return;
	a->showing = false;
	if (a->mouse_on)
		hc_term_mouse(true);
}

/* The selected entry, or NULL (with a message) on a class row. */
static const struct hc_entry *selected_entry(struct hc_app *a, const char *what)
{
	const struct hc_row *r = hc_browser_selected(&a->b);

	(void)what;
	if (r && !r->is_class)
		return &a->b.entries[r->entry];
	say_ui(a, HC_UI_SELECT_CODE);
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
		say_ui(a, HC_UI_NO_EXAMPLE, (unsigned)e->code % 1000);
		return;
	}
	a->example = !a->example;
	a->view_gen++;
	R->to_example = a->example;
	say_ui(a, a->example ? HC_UI_EXAMPLE_SHOWN : HC_UI_EXAMPLE_HIDDEN);
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
		R->osc_send = clip_state() < 2;
		say_ui(a, HC_UI_CONST_COPIED, R->osc, lang);
		return;
	}
	say_ui(a, HC_UI_CONST_NONE, lang,
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
	say_ui(a, HC_UI_CONST_FIRST,
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

/* ---- links, history, the detail's search --------------------------------- */

/* Scroll the detail so that line k shows (a third down, as less does). */
static void show_line(struct run *R, int k)
{
	struct hc_app *a = &R->a;
	int h = a->lay.detail.h;

	if (k < 0)
		return;
	if (k < a->detail_top || k >= a->detail_top + h)
		a->detail_top = k - h / 3 > 0 ? k - h / 3 : 0;
}

static void link_step(struct run *R, int dir)
{
	struct hc_app *a = &R->a;
	long n = (long)(R->n_links < MAX_LINKS ? R->n_links : MAX_LINKS);
	const struct hc_link *l;

	if (n == 0) {
		say_ui(a, HC_UI_NO_LINKS);
		return;
	}
	if (R->link_sel < 0)
		R->link_sel = dir > 0 ? 0 : n - 1;
	else
		R->link_sel = ((R->link_sel + (dir > 0 ? 1 : -1)) % n + n) % n;
	l = &R->links[R->link_sel];
	show_line(R, hc_detail_line_of(&R->detail, l->item, l->st));
	say_ui(a, HC_UI_LINK, (size_t)R->link_sel + 1, (size_t)n, (unsigned)l->code);
}

/* Enter in the detail: follow the selected link (the first, when none is
 * selected yet, is selected first). */
static void follow_link(struct run *R)
{
	struct hc_app *a = &R->a;
	size_t idx;

	if (R->link_sel < 0 || (size_t)R->link_sel >= R->n_links) {
		link_step(R, 1);
		return;
	}
	idx = hc_browser_entry_of(&a->b, R->links[R->link_sel].code);
	if (hc_browser_go(&a->b, idx, a->detail_top)) {
		R->goto_line = 0;
		if (!a->b.filtering && a->box.len)
			hc_box_clear(&a->box);
	}
}

static void go_back(struct run *R)
{
	struct hc_app *a = &R->a;
	int mark;
	const struct hc_row *r;

	if (!hc_browser_back(&a->b, &mark)) {
		say_ui(a, HC_UI_BACK_EMPTY);
		return;
	}
	if (!a->b.filtering && a->box.len)
		hc_box_clear(&a->box);
	R->goto_line = mark;
	r = hc_browser_selected(&a->b);
	if (r && !r->is_class)
		say_ui(a, HC_UI_BACK_TO, (unsigned)a->b.entries[r->entry].code % 1000);
}

/* ":" and a code, Enter: the code's entry (a link from the tree). */
static void goto_code(struct run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_row *r = hc_browser_selected(&a->b);
	size_t idx = SIZE_MAX;
	int mark = a->focus == HC_FOCUS_DETAIL ? a->detail_top : 0;

	a->focus = HC_FOCUS_TREE;
	if (a->gbox.len == 3)
		idx = hc_browser_entry_of(&a->b, (unsigned)atoi(a->gbox.q));
	if (idx == SIZE_MAX) {
		say_ui(a, HC_UI_GOTO_UNKNOWN, a->gbox.q);
		return;
	}
	if (r && !r->is_class && r->entry == idx)
		return;
	if (!hc_browser_go(&a->b, idx, mark))
		hc_browser_select(&a->b, idx);
	else
		R->goto_line = 0;
	if (!a->b.filtering && a->box.len)
		hc_box_clear(&a->box);
}

/* The detail's matches for fbox's text, in the detail as built. */
static void refresh_finds(struct run *R)
{
	struct hc_app *a = &R->a;

	R->n_finds = a->fbox.len ? hc_browser_find_text(&R->detail.doc, a->fbox.q, a->fbox.len,
	                                               R->finds, MAX_FINDS) : 0;
	if (R->n_finds > MAX_FINDS)
		R->n_finds = MAX_FINDS;
	if (R->find_cur >= (long)R->n_finds)
		R->find_cur = -1;
}

/* n / N in the detail: the next match after (before) the current one, or
 * from the top of the pane. */
static void find_step(struct run *R, int dir)
{
	struct hc_app *a = &R->a;
	long n = (long)R->n_finds;

	if (n == 0) {
		say_ui(a, HC_UI_FIND_NONE, a->fbox.q);
		return;
	}
	if (R->find_cur < 0) {
		long k;

		for (k = 0; k < n; k++)
			if (hc_detail_line_of(&R->detail, R->finds[k].item, R->finds[k].st) >=
			    a->detail_top)
				break;
		R->find_cur = dir > 0 ? (k < n ? k : 0) : (k > 0 ? k - 1 : n - 1);
	} else {
		R->find_cur = ((R->find_cur + (dir > 0 ? 1 : -1)) % n + n) % n;
	}
	show_line(R, hc_detail_line_of(&R->detail, R->finds[R->find_cur].item,
	                               R->finds[R->find_cur].st));
	say_ui(a, HC_UI_FIND_POS, (size_t)R->find_cur + 1, (size_t)n);
}

static void expand_all(struct hc_app *a, bool open)
{
	hc_browser_expand_all(&a->b, open);
	say_ui(a, open ? HC_UI_EXPANDED_ALL : HC_UI_COLLAPSED_ALL);
}

static void toggle_mouse(struct hc_app *a)
{
	a->mouse_on = !a->mouse_on;
	hc_term_mouse(a->mouse_on);
	say_ui(a, a->mouse_on ? HC_UI_MOUSE_ON : HC_UI_MOUSE_OFF);
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

	if (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_BACKSPACE) {
		go_back(R);
		return true;
	}
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
		if (hc_browser_selected(&a->b))
			a->copy_menu = true;
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
	case 'M':
		toggle_mouse(a);
		return true;
	case '+':
	case '=':
		expand_all(a, true);
		return true;
	case '-':
		expand_all(a, false);
		return true;
	case ':':
		hc_box_clear(&a->gbox);
		a->focus = HC_FOCUS_GOTO;
		return true;
	case 'b':
	case 127:
	case CTRL('h'):
		go_back(R);
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
		case HC_SP_BACKSPACE: go_back(R); break;
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
		case HC_SP_ENTER: follow_link(R); break;
		case HC_SP_BACKSPACE: go_back(R); break;
		default: break;
		}
		return;
	}
	if (k->kind == HC_KEY_CHAR) {
		switch (k->c) {
		case ']': link_step(R, 1); return;
		case '[': link_step(R, -1); return;
		case '\r': case '\n': follow_link(R); return;
		case '/':
			/* As in less: a search in the text being read. */
			hc_box_clear(&a->fbox);
			R->n_finds = 0;
			R->find_cur = -1;
			a->focus = HC_FOCUS_FIND;
			return;
		case 'n': case 'N':
			if (a->fbox.len) {
				find_step(R, k->c == 'n' ? 1 : -1);
				return;
			}
			break;
		case 27:
			if (a->fbox.len) {
				hc_box_clear(&a->fbox);
				R->n_finds = 0;
				R->find_cur = -1;
				return;
			}
			break;
		default:
			break;
		}
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

/* Editing keys shared by the three lines (search, find, go to); true when
 * the key was one of them. */
static bool line_edit(struct hc_box *box, const struct hc_key *k, enum hc_edit *e)
{
	*e = HC_EDIT_NONE;
	if (k->kind == HC_KEY_SPECIAL) {
		switch (k->sp) {
		case HC_SP_BACKSPACE: *e = hc_box_backspace(box); return true;
		case HC_SP_DELETE: *e = hc_box_delete(box); return true;
		case HC_SP_LEFT: *e = hc_box_left(box); return true;
		case HC_SP_RIGHT: *e = hc_box_right(box); return true;
		case HC_SP_HOME: *e = hc_box_home(box); return true;
		case HC_SP_END: *e = hc_box_end(box); return true;
		default: return false;
		}
	}
	if (k->kind != HC_KEY_CHAR)
		return false;
	switch (k->c) {
	case 127: case CTRL('h'): *e = hc_box_backspace(box); return true;
	case CTRL('u'): *e = hc_box_clear(box); return true;
	case CTRL('w'): *e = hc_box_kill_word(box); return true;
	case CTRL('k'): *e = hc_box_kill_end(box); return true;
	case CTRL('a'): *e = hc_box_home(box); return true;
	case CTRL('e'): *e = hc_box_end(box); return true;
	case CTRL('b'): *e = hc_box_left(box); return true;
	case CTRL('f'): *e = hc_box_right(box); return true;
	default: return false;
	}
}

static bool is_backspace(const struct hc_key *k)
{
	return (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_BACKSPACE) ||
	       (k->kind == HC_KEY_CHAR && (k->c == 127 || k->c == CTRL('h')));
}

/* Leave the search line, its text and filter gone (Esc, Ctrl-C, Backspace
 * on an empty line). */
static void cancel_search(struct hc_app *a)
{
	hc_box_clear(&a->box);
	stop_filter(a);
	a->focus = HC_FOCUS_TREE;
}

static void search_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	struct hc_browser *b = &a->b;
	long pg = page(&a->lay.tree);
	enum hc_edit e;

	if (is_backspace(k) && a->box.len == 0) {
		/* As in fzf and less: Backspace on an empty line leaves it. */
		cancel_search(a);
		return;
	}
	if (line_edit(&a->box, k, &e)) {
		search_edit(a, e);
		return;
	}
	switch (k->kind) {
	case HC_KEY_SPECIAL:
		switch (k->sp) {
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
		say_ui(a, HC_UI_BAD_INPUT);
		return;
	case HC_KEY_CHAR:
		break;
	default:
		/* Alt-keys and sequences that mean nothing here: never text. */
		return;
	}
	switch (k->c) {
	case CTRL('n'): hc_browser_move(b, 1); break;
	case CTRL('p'): hc_browser_move(b, -1); break;
	case '\r': case '\n': case '\t':
		a->focus = HC_FOCUS_TREE;
		break;
	case 27:
		cancel_search(a);
		break;
	default:
		/* Other control characters are ignored, never echoed. */
		if (k->c >= 0x20 && k->c != 0x7f)
			search_edit(a, hc_box_insert(&a->box, (unsigned long)k->c));
		break;
	}
}

/* Typing into the detail's search: the matches follow every edit, and the
 * first one at or below the top of the pane is shown (as less's
 * incremental search). */
static void find_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	enum hc_edit e;
	bool edited = false;

	if (is_backspace(k) && a->fbox.len == 0) {
		a->focus = HC_FOCUS_DETAIL;
		return;
	}
	if (line_edit(&a->fbox, k, &e)) {
		edited = e == HC_EDIT_TEXT;
	} else if (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_ENTER) {
		a->focus = HC_FOCUS_DETAIL;
	} else if (k->kind == HC_KEY_CHAR) {
		switch (k->c) {
		case '\r': case '\n': case '\t':
			a->focus = HC_FOCUS_DETAIL;
			if (R->n_finds == 0 && a->fbox.len)
				say_ui(a, HC_UI_FIND_NONE, a->fbox.q);
			break;
		case 27:
			hc_box_clear(&a->fbox);
			R->n_finds = 0;
			R->find_cur = -1;
			a->focus = HC_FOCUS_DETAIL;
			break;
		default:
			if (k->c >= 0x20 && k->c != 0x7f) {
				e = hc_box_insert(&a->fbox, (unsigned long)k->c);
				edited = e == HC_EDIT_TEXT;
			}
			break;
		}
	}
	if (edited) {
		R->find_cur = -1;
		R->find_jump = true;
	}
}

static void goto_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	enum hc_edit e;

	if (is_backspace(k) && a->gbox.len == 0) {
		a->focus = HC_FOCUS_TREE;
		return;
	}
	if (line_edit(&a->gbox, k, &e))
		return;
	if (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_ENTER) {
		goto_code(R);
		return;
	}
	if (k->kind != HC_KEY_CHAR)
		return;
	if (k->c == '\r' || k->c == '\n') {
		goto_code(R);
	} else if (k->c == 27) {
		a->focus = HC_FOCUS_TREE;
	} else if (k->c >= '0' && k->c <= '9' && a->gbox.len < 3) {
		hc_box_insert(&a->gbox, (unsigned long)k->c);
	}
}

/* A bracketed paste: its characters go into the search line as text, and
 * nothing in it acts as a key (a pasted "q" never quits). */
static void paste_key(struct run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	wchar_t c = k->c;

	if (k->kind == HC_KEY_INVALID) {
		say_ui(a, HC_UI_BAD_INPUT);
		return;
	}
	if (k->kind != HC_KEY_CHAR && k->kind != HC_KEY_ALT)
		return;
	if (c == '\t' || c == '\n' || c == '\r')
		c = ' ';
	if (c < 0x20 || c == 0x7f)
		return;
	if (a->focus == HC_FOCUS_FIND) {
		if (hc_box_insert(&a->fbox, (unsigned long)c) == HC_EDIT_TEXT) {
			R->find_cur = -1;
			R->find_jump = true;
		}
		return;
	}
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
	/* A resize is not an answer to the message: it stays. */
	if (!is_special(k, HC_SP_RESIZE))
		a->msg[0] = '\0';
	/* Only more typing into the box may leave the search for later. */
	typing = a->pasting || (a->focus == HC_FOCUS_SEARCH && !a->help && !a->copy_menu &&
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
	if (a->showing) {
		show_key(R, k);
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
	if (a->copy_menu) {
		copy_menu_key(R, k);
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
	case HC_FOCUS_FIND: find_key(R, k); break;
	case HC_FOCUS_GOTO: goto_key(R, k); break;
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
	int max_top, th, delta = 0;
	size_t an_item = 0, an_off = 0;
	bool anchored = false;

	if (a->tree_w == 0 || a->tree_w_lang != app_lang(a)) {
		a->tree_w = hc_tree_text_width(b, app_lang(a));
		a->tree_w_lang = app_lang(a);
	}
	hc_layout_compute(&a->lay, LINES, COLS, a->tree_w, b->n_rows > 0 ? (int)b->n_rows : 1);
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
	look.lang = app_lang(a);
	look.doc.code = &a->code;
	look.doc.example = a->example;
	look.gen = a->view_gen;
	a->lens_h = hc_lens_view_height(a->lens, b, a->lay.detail);
	a->lay.detail.y += a->lens_h;
	a->lay.detail.h -= a->lens_h;
	if (!r || !R->detail_key_valid || !same_key(r, &R->detail_key)) {
		a->detail_top = 0;
		R->link_sel = -1;
		R->find_cur = -1;
	} else if (R->anchor_width != a->lay.detail.w && R->detail.valid &&
	           R->detail.lang == look.lang) {
		/* A resize keeps the text at the top of the pane in view: the
		 * first line with a source at or below the top, found again
		 * in the lines wrapped for the new width. */
		for (delta = 0; delta < 4 && !anchored; delta++)
			anchored = hc_detail_anchor(&R->detail, a->detail_top + delta, &an_item, &an_off);
		delta--;
	}
	R->anchor_width = a->lay.detail.w;
	if (r)
		R->detail_key = *r;
	R->detail_key_valid = r != NULL;
	a->detail_lines = hc_detail_build(&R->detail, b, &look, a->lay.detail);
	if (anchored && a->detail_top > 0) {
		int k = hc_detail_line_of(&R->detail, an_item, an_off);

		if (k >= 0)
			a->detail_top = k - delta > 0 ? k - delta : 0;
	}
	if (R->goto_line >= 0) {
		a->detail_top = R->goto_line;
		R->goto_line = -1;
	}
	if (R->to_example && R->detail.example_line >= 0)
		a->detail_top = R->detail.example_line;
	R->to_example = false;
	R->n_links = r ? hc_browser_links(b, &R->detail.doc,
	                                  r->is_class ? 0u : b->entries[r->entry].code,
	                                  R->links, MAX_LINKS) : 0;
	if (R->n_links > MAX_LINKS)
		R->n_links = MAX_LINKS;
	if (R->link_sel >= (long)R->n_links)
		R->link_sel = -1;
	refresh_finds(R);
	max_top = a->detail_lines - a->lay.detail.h;
	if (max_top < 0)
		max_top = 0;
	if (a->detail_top > max_top)
		a->detail_top = max_top;
	if (a->detail_top < 0)
		a->detail_top = 0;
	if (R->find_jump) {
		R->find_jump = false;
		R->find_cur = -1;
		if (R->n_finds)
			find_step(R, 1);
		if (a->detail_top > max_top)
			a->detail_top = max_top;
	}

	{
		struct hc_rect screen = { 0, 0, a->lay.rows, a->lay.cols };

		max_top = hc_help_lines(screen, ui_ko(a)) - (a->lay.rows - 2);
	}
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
	s.ko = ui_ko(a);
	switch (a->focus) {
	case HC_FOCUS_SEARCH: s.hints = HC_HINTS_SEARCH; break;
	case HC_FOCUS_DETAIL: s.hints = HC_HINTS_DETAIL; break;
	case HC_FOCUS_FIND: s.hints = HC_HINTS_FIND; break;
	case HC_FOCUS_GOTO: s.hints = HC_HINTS_GOTO; break;
	case HC_FOCUS_TREE: s.hints = HC_HINTS_TREE; break;
	}
	if (a->focus == HC_FOCUS_DETAIL && a->detail_lines > 0) {
		int last = a->detail_top + a->lay.detail.h;

		s.detail_first = a->detail_top + 1;
		s.detail_last = last > a->detail_lines ? a->detail_lines : last;
		s.detail_lines = a->detail_lines;
	}
	s.msg = a->msg;
	hc_status_draw(&s, a->lay.status);
}

/* y: the choices, in a small box over the tree. */
static void draw_copy_menu(const struct hc_app *a, int *cy, int *cx)
{
	static const enum hc_ui what[] = { HC_UI_COPY_CODE, HC_UI_COPY_NAME, HC_UI_COPY_SUMMARY,
	                                   HC_UI_COPY_ENTRY, HC_UI_COPY_URL };
	static const char *const keys[] = { "y 1", "k 2", "s 3", "e 4", "u 5" };
	int n = (int)(sizeof what / sizeof what[0]), w = 0, h = n + 2, x0, y0;
	char line[96];

	for (int i = 0; i < n; i++) {
		int lw = 6 + hc_paint_swidth(T(a, what[i]));

		w = lw > w ? lw : w;
	}
	w += 4;
	if (w > a->lay.cols)
		w = a->lay.cols;
	if (h > a->lay.rows - 1)
		h = a->lay.rows - 1;
	x0 = (a->lay.cols - w) / 2;
	y0 = (a->lay.rows - h) / 2;
	{
		struct hc_rect box = { y0, x0, h, w };

		hc_paint_clear(box, A_NORMAL);
	}
	for (int i = 0; i < h; i++) {
		struct hc_pen p = hc_pen_at(y0 + i, x0, w);

		if (i == 0 || i == h - 1) {
			hc_pen_puts(&p, "+", A_NORMAL);
			p.end--;
			hc_pen_puts(&p, i ? "" : " ", A_NORMAL);
			hc_pen_puts(&p, T(a, i ? HC_UI_COPY_FOOT : HC_UI_COPY_TITLE), A_BOLD);
			hc_pen_puts(&p, " ", A_NORMAL);
			while (p.x < p.end)
				hc_pen_puts(&p, "-", A_NORMAL);
			p.end++;
			hc_pen_puts(&p, "+", A_NORMAL);
			continue;
		}
		hc_pen_puts(&p, "| ", A_NORMAL);
		p.end -= 2;
		if (i - 1 < n) {
			snprintf(line, sizeof line, "%s  ", keys[i - 1]);
			hc_pen_puts(&p, line, A_BOLD);
			hc_pen_puts(&p, T(a, what[i - 1]), A_NORMAL);
		}
		hc_pen_fill(&p, A_NORMAL);
		p.end += 2;
		hc_pen_puts(&p, " |", A_NORMAL);
	}
	*cy = y0 + 1;
	*cx = x0 + 2;
}

struct show_ctx {
	int y, skip, end;
};

static void show_line_out(const char *s, size_t n, void *ud)
{
	struct show_ctx *c = ud;
	struct hc_pen p;

	if (c->skip > 0) {
		c->skip--;
		return;
	}
	if (c->y >= c->end)
		return;
	p = hc_pen_at(c->y++, 0, COLS);
	hc_pen_put(&p, s, n, A_NORMAL);
}

/* The copied text over the whole screen, from column 0 and without a frame,
 * so that a hand selection takes only the text. */
static void draw_shown(struct run *R, int *cy, int *cx)
{
	struct hc_app *a = &R->a;
	struct hc_rect all = { 0, 0, a->lay.rows, a->lay.cols };
	struct show_ctx c = { 0, 0, a->lay.rows - 1 };
	struct hc_pen p;
	const char *s = R->osc, *nl;

	hc_paint_clear(all, A_NORMAL);
	p = hc_pen_at(0, 0, a->lay.cols);
	hc_pen_puts(&p, T(a, HC_UI_COPY_SHOW_TITLE), A_BOLD);
	c.y = 1;
	hc_text_wrap_with(R->show_why, strlen(R->show_why), a->lay.cols, hc_paint_width,
	                  show_line_out, &c);
	c.y++;
	c.skip = a->show_top;
	for (; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!nl)
			nl = s + strlen(s);
		if (nl == s) {
			if (c.skip > 0)
				c.skip--;
			else
				c.y++;
		} else {
			hc_text_wrap_with(s, (size_t)(nl - s), a->lay.cols, hc_paint_width,
			                  show_line_out, &c);
		}
		if (!*nl)
			break;
	}
	if (c.skip > 0)
		a->show_top -= c.skip;
	if (a->show_top < 0)
		a->show_top = 0;
	p = hc_pen_at(a->lay.rows - 1, 0, a->lay.cols);
	hc_pen_puts(&p, T(a, HC_UI_COPY_SHOW_FOOT), A_REVERSE);
	*cy = 0;
	*cx = 0;
}

static void draw(struct run *R)
{
	struct hc_app *a = &R->a;
	int cy = 0, cx = 0, tree_y, tree_x, box_x;

	prepare(R);
	erase();
	if (a->lay.too_small) {
		hc_layout_draw_too_small(&a->lay, &cy, &cx);
	} else if (a->showing) {
		draw_shown(R, &cy, &cx);
	} else {
		struct hc_tree_look look;
		struct hc_detail_marks mk;
		struct hc_rect screen = { 0, 0, a->lay.rows, a->lay.cols };

		look.top = a->tree_top;
		look.lang = app_lang(a);
		look.quiet_sel = a->focus == HC_FOCUS_DETAIL || a->focus == HC_FOCUS_FIND;
		look.lens = a->lens;
		look.marks = a->marks;
		look.empty = T(a, a->b.filtering ? HC_UI_NO_MATCH_TREE : HC_UI_EMPTY_TABLE);
		if (a->focus == HC_FOCUS_FIND)
			hc_box_draw_as(&a->fbox, a->lay.search, true, T(a, HC_UI_FIND_LABEL), "",
			               &box_x);
		else if (a->focus == HC_FOCUS_GOTO)
			hc_box_draw_as(&a->gbox, a->lay.search, true, T(a, HC_UI_GOTO_LABEL), "",
			               &box_x);
		else
			hc_box_draw_as(&a->box, a->lay.search, a->focus == HC_FOCUS_SEARCH,
			               T(a, HC_UI_SEARCH_LABEL), T(a, HC_UI_SEARCH_IDLE), &box_x);
		hc_tree_draw(&a->b, &look, a->lay.tree, &tree_y, &tree_x);
		hc_layout_draw_sep(&a->lay, T(a, a->focus == HC_FOCUS_DETAIL ? HC_UI_DETAIL_FOCUSED :
		                                 HC_UI_DETAIL),
		                   a->focus == HC_FOCUS_DETAIL ? A_BOLD : A_NORMAL);
		mk.links = R->links;
		mk.n_links = R->n_links;
		mk.link_sel = R->link_sel;
		mk.show_links = a->focus == HC_FOCUS_DETAIL;
		mk.finds = R->finds;
		mk.n_finds = R->n_finds;
		mk.find_cur = R->find_cur;
		mk.more = T(a, HC_UI_MORE);
		mk.nothing = T(a, HC_UI_NOTHING_SELECTED);
		if (a->lens_h)
			hc_lens_view_draw(a->lens, &a->b, app_lang(a),
			                  (struct hc_rect){ a->lay.detail.y - a->lens_h, a->lay.detail.x,
			                                    a->lens_h, a->lay.detail.w });
		hc_detail_draw(&R->detail, &a->b, a->detail_top, a->lay.detail, &mk);
		draw_status(a);
		switch (a->focus) {
		case HC_FOCUS_SEARCH:
		case HC_FOCUS_FIND:
		case HC_FOCUS_GOTO:
			cy = a->lay.search.y;
			cx = box_x;
			break;
		case HC_FOCUS_DETAIL:
			cy = a->lay.detail.y;
			cx = a->lay.detail.x + (a->lay.detail.w > 2 ? 1 : 0);
			break;
		case HC_FOCUS_TREE:
			cy = tree_y;
			cx = tree_x;
			break;
		}
		if (a->copy_menu)
			draw_copy_menu(a, &cy, &cx);
		if (a->cmp.open)
			hc_compare_view_draw(&a->cmp, screen, app_lang(a), &cy, &cx);
		if (a->guide.open)
			hc_guide_view_draw(&a->guide, screen, app_lang(a), &cy, &cx);
		if (a->help)
			hc_help_draw(screen, a->help_top, ui_ko(a), &cy, &cx);
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
		if (R->osc_send)
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
	a->mouse_on = true;
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

		/* Ctrl-C in a line being typed cancels it (as in less). */
		if (hc_term_signal() == SIGINT && R->a.focus >= HC_FOCUS_SEARCH &&
		    hc_term_take_interrupt()) {
			if (R->a.focus == HC_FOCUS_SEARCH)
				cancel_search(&R->a);
			else
				R->a.focus = R->a.focus == HC_FOCUS_FIND ? HC_FOCUS_DETAIL : HC_FOCUS_TREE;
			R->dirty = true;
			continue;
		}
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
			say_ui(a, HC_UI_QUERY_CUT);
		/* The results have the focus, as after Enter: j/k and the
		 * other keys act at once (issue 14). */
		a->focus = HC_FOCUS_TREE;
		run_search(a);
	}
	R->link_sel = -1;
	R->find_cur = -1;
	R->goto_line = -1;
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
