/*
 * app.c - the browser's state and key loop: the only code that changes state.
 *
 * The loop blocks in get_wch() with a timeout so that signal flags are seen;
 * after a key it drains whatever else is pending (a paste, a resize storm)
 * and then draws once, only when something changed.
 */
#include "app.h"

#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "detail_view.h"
#include "doc.h"
#include "help_view.h"
#include "status_view.h"
#include "term.h"
#include "tree_view.h"

#define KEY_TIMEOUT_MS 150
/* get_wch() returning ERR this many times in a row, each long before the
 * timeout and with stdin hung up, means the terminal is gone. (A burst of
 * invalid bytes also gives a quick ERR, so the poll() check matters.) */
#define HANGUP_FAST_ERRS 3
/* Keys handled between two frames at most (a huge paste still redraws). */
#define MAX_DRAIN 4096
/* Exit status when the terminal went away: as if killed by SIGHUP. */
#define EXIT_HANGUP 129
/* How long to wait for the rest of a multibyte character. */
#define MB_CONT_MS 50

#define CTRL(c) ((c) & 0x1f)

struct run {
	struct hc_app a;
	struct hc_detail detail;
	struct hc_row detail_key;       /* selection the detail scroll is for */
	bool detail_key_valid;
	bool dirty;
	bool quit;
	int status;
	char osc[160];                  /* clipboard text to send after refresh */
	size_t osc_len;
	bool to_example;                /* scroll the detail to the example once built */
};

enum hc_lang hc_app_lang(const struct hc_app *a)
{
	return a->cfg->hangul_ok ? a->lang : HC_LANG_EN;
}

const struct hc_hit *hc_app_hit(const struct hc_app *a, size_t entry)
{
	int k;

	if (!a->filtering || entry >= a->n_entries)
		return NULL;
	k = a->hit_of[entry];
	return k >= 0 && (size_t)k < a->res.n ? &a->res.hits[k] : NULL;
}

const struct hc_row *hc_app_selected(const struct hc_app *a)
{
	return a->n_rows > 0 && a->sel < a->n_rows ? &a->rows[a->sel] : NULL;
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

/* ---- the tree ---------------------------------------------------------- */

/* Recompute the visible rows from expanded[] and the filter, keeping the
 * selection on the same entry (or its class) when it is still there. */
static void rebuild_rows(struct hc_app *a)
{
	struct hc_row old = { 0, 0, false };
	bool had = a->n_rows > 0;
	size_t old_sel = a->sel, i;
	int d;

	if (had)
		old = a->rows[a->sel];
	a->n_rows = 0;
	for (d = 1; d <= 5; d++) {
		size_t first = 0, n = hc_catalog_class_range(d, &first);
		struct hc_row cr = { 0, (unsigned char)d, true };

		if (a->filtering && a->class_hits[d] == 0)
			continue;
		a->rows[a->n_rows++] = cr;
		if (!a->expanded[d])
			continue;
		for (i = first; i < first + n && i < a->n_entries; i++) {
			struct hc_row er = { i, (unsigned char)d, false };

			if (!a->filtering || a->hit_of[i] >= 0)
				a->rows[a->n_rows++] = er;
		}
	}
	a->sel = 0;
	if (!had || a->n_rows == 0)
		return;
	for (i = 0; i < a->n_rows; i++)
		if (same_row(&a->rows[i], &old)) {
			a->sel = i;
			return;
		}
	for (i = 0; i < a->n_rows; i++)
		if (a->rows[i].is_class && a->rows[i].digit == old.digit) {
			a->sel = i;
			return;
		}
	a->sel = old_sel < a->n_rows ? old_sel : a->n_rows - 1;
}

static void select_entry(struct hc_app *a, size_t idx)
{
	int d = a->entries[idx].code / 100;
	size_t i;

	if (d >= 1 && d <= 5 && !a->expanded[d]) {
		a->expanded[d] = true;
		rebuild_rows(a);
	}
	for (i = 0; i < a->n_rows; i++)
		if (!a->rows[i].is_class && a->rows[i].entry == idx) {
			a->sel = i;
			return;
		}
}

static void move_sel(struct hc_app *a, long delta)
{
	long s;

	if (a->n_rows == 0)
		return;
	s = (long)a->sel + delta;
	if (s < 0)
		s = 0;
	if (s >= (long)a->n_rows)
		s = (long)a->n_rows - 1;
	a->sel = (size_t)s;
}

static void expand(struct hc_app *a)
{
	const struct hc_row *r = hc_app_selected(a);

	if (!r)
		return;
	if (!r->is_class) {
		a->focus = HC_FOCUS_DETAIL;
	} else if (!a->expanded[r->digit]) {
		a->expanded[r->digit] = true;
		rebuild_rows(a);
	} else if (a->sel + 1 < a->n_rows && !a->rows[a->sel + 1].is_class) {
		a->sel++;
	}
}

static void collapse(struct hc_app *a)
{
	const struct hc_row *r = hc_app_selected(a);
	size_t i;

	if (!r)
		return;
	if (r->is_class) {
		if (a->expanded[r->digit]) {
			a->expanded[r->digit] = false;
			rebuild_rows(a);
		}
		return;
	}
	for (i = a->sel; i-- > 0;)
		if (a->rows[i].is_class) {
			a->sel = i;
			return;
		}
}

static void toggle(struct hc_app *a)
{
	const struct hc_row *r = hc_app_selected(a);

	if (!r || !r->is_class)
		return;
	a->expanded[r->digit] = !a->expanded[r->digit];
	rebuild_rows(a);
}

/* ---- search ------------------------------------------------------------ */

static void stop_filter(struct hc_app *a)
{
	const struct hc_row *r;
	size_t i;

	if (!a->filtering)
		return;
	a->filtering = false;
	a->search_gen++;
	for (i = 0; i < a->n_entries; i++)
		a->hit_of[i] = -1;
	memcpy(a->expanded, a->saved_expanded, sizeof a->expanded);
	r = hc_app_selected(a);
	/* Keep the entry the search led to in view. */
	if (r && !r->is_class)
		a->expanded[r->digit] = true;
	rebuild_rows(a);
}

static void run_search(struct hc_app *a)
{
	enum hc_search_status st;
	size_t i;
	int d;

	if (!a->ix)
		a->ix = hc_index_new(a->entries, a->n_entries);
	st = a->ix ? hc_search(a->ix, a->box.q, a->box.len, &a->res) : HC_SEARCH_NOMEM;
	switch (st) {
	case HC_SEARCH_OK:
		break;
	case HC_SEARCH_EMPTY:
		stop_filter(a);
		return;
	case HC_SEARCH_TOO_LONG:
		say(a, "The search is too long.");
		return;
	case HC_SEARCH_INVALID:
		say(a, "The search has characters that cannot be searched.");
		return;
	case HC_SEARCH_NOMEM:
	default:
		say(a, "Out of memory while searching.");
		return;
	}
	if (!a->filtering)
		memcpy(a->saved_expanded, a->expanded, sizeof a->expanded);
	a->filtering = true;
	a->search_gen++;
	for (i = 0; i < a->n_entries; i++)
		a->hit_of[i] = -1;
	memset(a->class_hits, 0, sizeof a->class_hits);
	for (i = 0; i < a->res.n; i++) {
		size_t e = a->res.hits[i].entry;

		if (e >= a->n_entries || a->hit_of[e] >= 0)
			continue;
		a->hit_of[e] = (int)i;
		d = a->entries[e].code / 100;
		if (d >= 1 && d <= 5)
			a->class_hits[d]++;
	}
	for (d = 1; d <= 5; d++)
		a->expanded[d] = a->class_hits[d] > 0;
	rebuild_rows(a);
	/* The best match is selected (hits are sorted best first). */
	if (a->res.n > 0 && a->res.hits[0].entry < a->n_entries)
		select_entry(a, a->res.hits[0].entry);
}

static void next_match(struct hc_app *a, int dir)
{
	const struct hc_row *r = hc_app_selected(a);
	long n = (long)a->n_entries, cur = dir > 0 ? -1 : 0, k;

	if (!a->filtering || a->res.n == 0) {
		say(a, "No search to repeat: press / to search.");
		return;
	}
	if (r && !r->is_class) {
		cur = (long)r->entry;
	} else if (r) {
		size_t first = 0;

		hc_catalog_class_range(r->digit, &first);
		cur = dir > 0 ? (long)first - 1 : (long)first;
	}
	for (k = 1; k <= n; k++) {
		long i = ((cur + dir * k) % n + n) % n;

		if (a->hit_of[i] >= 0) {
			select_entry(a, (size_t)i);
			return;
		}
	}
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
	const struct hc_row *r = hc_app_selected(a);
	int n;

	if (!r)
		return;
	if (r->is_class) {
		const struct hc_class *c = hc_catalog_class(r->digit);

		n = snprintf(R->osc, sizeof R->osc, "%dxx %s", r->digit,
		             c && c->name_en ? c->name_en : "");
	} else {
		const struct hc_entry *e = &a->entries[r->entry];

		n = snprintf(R->osc, sizeof R->osc, "%03u %s",
		             (unsigned)e->code % 1000,
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
	const struct hc_row *r = hc_app_selected(a);

	if (r && !r->is_class)
		return &a->entries[r->entry];
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

/* Keys that mean the same in the tree and the detail. */
static bool common_key(struct run *R, int kind, wint_t c)
{
	struct hc_app *a = &R->a;

	if (kind == KEY_CODE_YES)
		return false;
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
		if (a->filtering || a->box.len) {
			hc_box_clear(&a->box);
			stop_filter(a);
		}
		a->focus = HC_FOCUS_TREE;
		return true;
	default:
		if (c >= '0' && c <= '9') {
			hc_box_clear(&a->box);
			a->focus = HC_FOCUS_SEARCH;
			search_edit(a, hc_box_insert(&a->box, c));
			return true;
		}
		return false;
	}
}

static void tree_key(struct run *R, int kind, wint_t c)
{
	struct hc_app *a = &R->a;
	int pg = page(&a->lay.tree);

	if (kind == KEY_CODE_YES) {
		switch (c) {
		case KEY_UP: move_sel(a, -1); break;
		case KEY_DOWN: move_sel(a, 1); break;
		case KEY_PPAGE: move_sel(a, -pg); break;
		case KEY_NPAGE: move_sel(a, pg); break;
		case KEY_HOME: a->sel = 0; break;
		case KEY_END: move_sel(a, (long)a->n_rows); break;
		case KEY_RIGHT: case KEY_ENTER: expand(a); break;
		case KEY_LEFT: collapse(a); break;
		case KEY_BTAB: a->focus = HC_FOCUS_DETAIL; break;
		default: break;
		}
		return;
	}
	if (common_key(R, kind, c))
		return;
	switch (c) {
	case 'k': move_sel(a, -1); break;
	case 'j': move_sel(a, 1); break;
	case CTRL('b'): move_sel(a, -pg); break;
	case CTRL('f'): case ' ': move_sel(a, pg); break;
	case 'g': a->sel = 0; break;
	case 'G': move_sel(a, (long)a->n_rows); break;
	case 'l': case '\r': case '\n': expand(a); break;
	case 'h': collapse(a); break;
	case '\t': a->focus = HC_FOCUS_DETAIL; break;
	default: break;
	}
}

static void detail_key(struct run *R, int kind, wint_t c)
{
	struct hc_app *a = &R->a;
	int pg = page(&a->lay.detail);

	if (kind == KEY_CODE_YES) {
		switch (c) {
		case KEY_UP: a->detail_top--; break;
		case KEY_DOWN: a->detail_top++; break;
		case KEY_PPAGE: a->detail_top -= pg; break;
		case KEY_NPAGE: a->detail_top += pg; break;
		case KEY_HOME: a->detail_top = 0; break;
		case KEY_END: a->detail_top = a->detail_lines; break;
		case KEY_LEFT: case KEY_BTAB: a->focus = HC_FOCUS_TREE; break;
		default: break;
		}
		return;
	}
	if (common_key(R, kind, c))
		return;
	switch (c) {
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

static void search_key(struct run *R, int kind, wint_t c)
{
	struct hc_app *a = &R->a;
	int pg = page(&a->lay.tree);

	if (kind == KEY_CODE_YES) {
		switch (c) {
		case KEY_BACKSPACE: search_edit(a, hc_box_backspace(&a->box)); break;
		case KEY_DC: search_edit(a, hc_box_delete(&a->box)); break;
		case KEY_LEFT: hc_box_left(&a->box); break;
		case KEY_RIGHT: hc_box_right(&a->box); break;
		case KEY_HOME: hc_box_home(&a->box); break;
		case KEY_END: hc_box_end(&a->box); break;
		case KEY_UP: move_sel(a, -1); break;
		case KEY_DOWN: move_sel(a, 1); break;
		case KEY_PPAGE: move_sel(a, -pg); break;
		case KEY_NPAGE: move_sel(a, pg); break;
		case KEY_ENTER: a->focus = HC_FOCUS_TREE; break;
		case KEY_BTAB: a->focus = HC_FOCUS_TREE; break;
		default: break;
		}
		return;
	}
	switch (c) {
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
	case 0xfffd:
		/* What read_key() makes of bytes the locale cannot decode. */
		say(a, "Ignored input that is not valid text in this locale.");
		break;
	default:
		/* Other control characters are ignored, never echoed. */
		if (c >= 0x20 && c != 0x7f)
			search_edit(a, hc_box_insert(&a->box, (unsigned long)c));
		break;
	}
}

static void help_key(struct run *R, int kind, wint_t c)
{
	struct hc_app *a = &R->a;

	if (kind == KEY_CODE_YES) {
		switch (c) {
		case KEY_UP: a->help_top--; return;
		case KEY_DOWN: a->help_top++; return;
		case KEY_PPAGE: a->help_top -= 10; return;
		case KEY_NPAGE: a->help_top += 10; return;
		case KEY_MOUSE: {
			MEVENT ev;

			if (getmouse(&ev) == OK &&
			    (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
				a->help = false;
			return;
		}
		default: break;
		}
	} else if (c == 'j' || c == 'k' || c == ' ') {
		a->help_top += c == 'k' ? -1 : c == 'j' ? 1 : 10;
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
			move_sel(a, wheel);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	/* With mouseinterval(0) one click is reported once: as a press, or
	 * as a click when press and release were read together. */
	if (inside(&a->lay.tree, ev.y, ev.x)) {
		size_t row = a->tree_top + (size_t)(ev.y - a->lay.tree.y);

		if (row >= a->n_rows)
			return;
		a->focus = HC_FOCUS_TREE;
		a->sel = row;
		/* On the "+"/"-" of a class: open or close it. */
		if (a->rows[row].is_class && ev.x - a->lay.tree.x < 2)
			toggle(a);
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

static void handle(struct run *R, int kind, wint_t c)
{
	struct hc_app *a = &R->a;

	a->msg[0] = '\0';
	/* Only more typing into the box may leave the search for later. */
	if (!(a->focus == HC_FOCUS_SEARCH && kind == OK && c >= 0x20 && c != 0x7f))
		flush_search(a);
	R->dirty = true;
	if (kind == KEY_CODE_YES && c == KEY_RESIZE) {
		/* One full repaint per resize: the terminal may have reflowed
		 * what it showed. */
		clearok(curscr, TRUE);
		return;
	}
	if (kind != KEY_CODE_YES && c == CTRL('l')) {
		clearok(curscr, TRUE);
		return;
	}
	if (a->help) {
		help_key(R, kind, c);
		return;
	}
	if (kind == KEY_CODE_YES && c == KEY_MOUSE) {
		mouse(R);
		return;
	}
	if (a->lay.too_small) {
		/* Nothing to act on that can be seen; q still quits. */
		if (kind != KEY_CODE_YES && (c == 'q' || c == 'Q'))
			R->quit = true;
		return;
	}
	switch (a->focus) {
	case HC_FOCUS_TREE: tree_key(R, kind, c); break;
	case HC_FOCUS_DETAIL: detail_key(R, kind, c); break;
	case HC_FOCUS_SEARCH: search_key(R, kind, c); break;
	}
}

/* ---- drawing ----------------------------------------------------------- */

/* Bring view state (layout, scroll offsets) in line with the window and the
 * selection before drawing. */
static void prepare(struct run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_row *r;
	int max_top, th;

	hc_layout_compute(&a->lay, LINES, COLS);
	if (a->lay.too_small)
		return;
	th = a->lay.tree.h;
	if (a->n_rows == 0) {
		a->tree_top = 0;
	} else {
		if (a->sel < a->tree_top)
			a->tree_top = a->sel;
		if (a->sel >= a->tree_top + (size_t)th)
			a->tree_top = a->sel - (size_t)th + 1;
		if (a->tree_top + (size_t)th > a->n_rows)
			a->tree_top = a->n_rows > (size_t)th ?
			              a->n_rows - (size_t)th : 0;
	}

	r = hc_app_selected(a);
	if (!r || !R->detail_key_valid || !same_row(r, &R->detail_key))
		a->detail_top = 0;
	if (r)
		R->detail_key = *r;
	R->detail_key_valid = r != NULL;
	a->detail_lines = hc_detail_build(&R->detail, a, a->lay.detail);
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

static void draw(struct run *R)
{
	struct hc_app *a = &R->a;
	int cy = 0, cx = 0, tree_y, box_x;

	prepare(R);
	erase();
	if (a->lay.too_small) {
		hc_layout_draw_too_small(&a->lay, &cy, &cx);
	} else {
		hc_box_draw(&a->box, a->lay.search,
		            a->focus == HC_FOCUS_SEARCH, &box_x);
		hc_tree_draw(a, a->lay.tree, &tree_y);
		hc_layout_draw_sep(&a->lay, a->focus == HC_FOCUS_DETAIL ?
		                   "Detail (j/k scroll, Tab back)" : "Detail",
		                   a->focus == HC_FOCUS_DETAIL ? A_BOLD : A_NORMAL);
		hc_detail_draw(&R->detail, a, a->lay.detail);
		hc_status_draw(a, a->lay.status);
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
		if (a->help)
			hc_help_draw(a, &cy, &cx);
	}
	/* The real cursor rests at the caret or the selection, for screen
	 * readers and IME pre-edit: the last move before refresh. */
	if (cy >= LINES)
		cy = LINES - 1;
	if (cx >= COLS)
		cx = COLS - 1;
	move(cy > 0 ? cy : 0, cx > 0 ? cx : 0);
	refresh();
	if (R->osc_len) {
		hc_term_osc52(R->osc, R->osc_len);
		R->osc_len = 0;
	}
}

/* ---- set-up and the loop ----------------------------------------------- */

static bool app_init(struct hc_app *a, const struct hc_tui_config *cfg)
{
	size_t i;
	int d;

	memset(a, 0, sizeof *a);
	a->cfg = cfg;
	a->entries = hc_catalog_entries();
	a->n_entries = hc_catalog_count();
	a->lang = cfg->lang;
	a->code = cfg->code;
	for (d = 1; d <= 5; d++) {
		size_t first;

		a->class_total[d] = hc_catalog_class_range(d, &first);
	}
	/* The search index is built on the first search, not here: it is
	 * most of the start-up cost and memory, and browsing needs none. */
	a->hit_of = malloc((a->n_entries + 1) * sizeof *a->hit_of);
	a->rows = malloc((a->n_entries + 6) * sizeof *a->rows);
	if (!a->hit_of || !a->rows)
		return false;
	for (i = 0; i < a->n_entries; i++)
		a->hit_of[i] = -1;
	rebuild_rows(a);
	return true;
}

static void app_free(struct hc_app *a)
{
	hc_results_free(&a->res);
	if (a->ix)
		hc_index_free(a->ix);
	free(a->hit_of);
	free(a->rows);
}

/* Bytes read ahead while decoding a character that turned out invalid. */
static unsigned char held[MB_LEN_MAX];
static size_t n_held;

static int next_input(bool cont)
{
	int k, delay;

	if (n_held > 0) {
		k = held[0];
		memmove(held, held + 1, --n_held);
		return k;
	}
	if (!cont)
		return wgetch(stdscr);
	/* The rest of a character comes with its first byte or just after. */
	delay = wgetdelay(stdscr);
	wtimeout(stdscr, MB_CONT_MS);
	k = wgetch(stdscr);
	wtimeout(stdscr, delay);
	return k;
}

/* One key. get_wch() swallows everything after a byte it cannot decode
 * until input pauses (up to 145 bytes, keys included) and says nothing:
 * read bytes and decode them here. A byte that starts no character of the
 * locale's charset comes back as U+FFFD (refused like any unprintable
 * input) and decoding starts again at the byte after it. */
static int read_key(bool single_byte, wint_t *c)
{
	char b[MB_LEN_MAX];
	size_t n = 0;
	int k = next_input(false);

	if (k == ERR)
		return ERR;
	if (k >= KEY_MIN) {
		*c = (wint_t)k;
		return KEY_CODE_YES;
	}
	if (k < 0x80 || single_byte) {
		*c = k < 0x80 ? (wint_t)k : btowc(k);
		if (*c == WEOF)
			*c = 0xfffd;
		return OK;
	}
	b[n++] = (char)k;
	for (;;) {
		mbstate_t st;
		wchar_t wc;
		size_t r;

		memset(&st, 0, sizeof st);
		r = mbrtowc(&wc, b, n, &st);
		if (r != (size_t)-2) {
			if (r == (size_t)-1)
				break;
			*c = (wint_t)wc;
			return OK;
		}
		if (n == sizeof b)
			break;
		k = next_input(true);
		if (k == ERR)
			break;
		if (k >= KEY_MIN || k < 0) {
			ungetch(k);
			break;
		}
		b[n++] = (char)k;
	}
	memmove(held + n - 1, held, n_held);
	memcpy(held, b + 1, n - 1);
	n_held += n - 1;
	*c = 0xfffd;
	return OK;
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
	bool single_byte = MB_CUR_MAX == 1;

	while (!R->quit) {
		wint_t c;
		int kind, drained = 0;
		long t0;

		if (hc_term_signal()) {
			R->status = 128 + hc_term_signal();
			return;
		}
		flush_search(&R->a);
		if (R->dirty) {
			draw(R);
			R->dirty = false;
		}
		timeout(KEY_TIMEOUT_MS);
		t0 = now_ms();
		kind = read_key(single_byte, &c);
		if (kind == ERR) {
			int st = now_ms() - t0 < KEY_TIMEOUT_MS / 3 ?
			         stdin_state() : 0;

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
		handle(R, kind, c);
		/* Take everything already waiting before drawing again. */
		timeout(0);
		while (!R->quit && drained++ < MAX_DRAIN && !hc_term_signal()) {
			kind = read_key(single_byte, &c);
			if (kind == ERR)
				break;
			handle(R, kind, c);
		}
	}
}

int hc_tui_run(const struct hc_tui_config *cfg)
{
	struct run *R = calloc(1, sizeof *R);
	struct hc_app *a;
	int status;

	if (!R) {
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	a = &R->a;
	if (!app_init(a, cfg)) {
		app_free(a);
		free(R);
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	if (!hc_term_open(cfg->color)) {
		app_free(a);
		free(R);
		return HC_EXIT_USAGE;
	}
	hc_paint_set_utf8(hc_term_utf8());

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
	hc_term_close();
	hc_detail_free(&R->detail);
	app_free(a);
	free(R);
	return status;
}
