/*
 * app.c - the browser's key loop, key dispatch and drawing orchestration: the
 * view state (struct hc_app, app_state.h), set-up and clean-up, the loop
 * around the key decoder, which keys mean what in each focus, and the order
 * in which the views draw. The rows, the selection and the search filter are
 * the browser model (browser.c, no curses). The actions live by job in
 * copy.c, find.c, lens.c, nav.c, search_line.c and toggles.c.
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

#include "app_state.h"
#include "browser.h"
#include "catalog.h"
#include "compare.h"
#include "compare_view.h"
#include "copy.h"
#include "detail_view.h"
#include "doc.h"
#include "extra.h"
#include "find.h"
#include "guide_view.h"
#include "help_view.h"
#include "hyperlink.h"
#include "keys.h"
#include "layout.h"
#include "links.h"
#include "lens.h"
#include "lens_view.h"
#include "loglens.h"
#include "nav.h"
#include "options.h"
#include "search.h"
#include "search_box.h"
#include "search_line.h"
#include "status_view.h"
#include "term.h"
#include "text.h"
#include "toggles.h"
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

static bool same_row(const struct hc_row *x, const struct hc_row *y)
{
	return x->is_class == y->is_class && x->digit == y->digit &&
	       (x->is_class || x->entry == y->entry);
}

/* ---- keys -------------------------------------------------------------- */

static void expand_all(struct hc_app *a, bool open)
{
	hc_browser_expand_all(&a->b, open);
	say_ui(a, open ? HC_UI_EXPANDED_ALL : HC_UI_COLLAPSED_ALL);
}

static bool lens_key(struct hc_run *R, wchar_t c)
{
	struct hc_app *a = &R->a;

	switch (c) {
	case 'u': hc_copy_url(R); return true;
	case 's': hc_lens_sort(a); return true;
	case 'm': hc_lens_mark(a); return true;
	case 'c': hc_lens_compare(a); return true;
	case 'w': hc_guide_view_open(&a->guide); return true;
	default: return false;
	}
}

/* Keys that mean the same in the tree and the detail. */
static bool common_key(struct hc_run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	wchar_t c = k->c;

	if (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_BACKSPACE) {
		hc_nav_back(R);
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
		hc_search_open(a);
		return true;
	case 'n':
		hc_search_next(a, 1);
		return true;
	case 'N':
		hc_search_next(a, -1);
		return true;
	case 'L':
		hc_toggle_lang(a);
		return true;
	case 'y':
		if (hc_browser_selected(&a->b))
			a->copy_menu = true;
		return true;
	case 'e':
		hc_toggle_example(R);
		return true;
	case 'Y':
		hc_copy_constant(R);
		return true;
	case 'C':
		hc_toggle_code_lang(a);
		return true;
	case 'M':
		hc_toggle_mouse(a);
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
		hc_nav_back(R);
		return true;
	case 27:
		if (a->b.filtering || a->box.len) {
			hc_box_clear(&a->box);
			hc_search_stop_filter(a);
		}
		/* and a find left in the detail: Esc goes back to the start */
		if (a->fbox.len)
			hc_find_clear(R);
		a->focus = HC_FOCUS_TREE;
		return true;
	default:
		if (c >= '0' && c <= '9') {
			hc_box_clear(&a->box);
			a->focus = HC_FOCUS_SEARCH;
			hc_search_edit(a, hc_box_insert(&a->box, (unsigned long)c));
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

static void tree_key(struct hc_run *R, const struct hc_key *k)
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
		case HC_SP_BACKSPACE: hc_nav_back(R); break;
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

static void detail_key(struct hc_run *R, const struct hc_key *k)
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
		case HC_SP_ENTER: hc_nav_follow(R); break;
		case HC_SP_BACKSPACE: hc_nav_back(R); break;
		default: break;
		}
		return;
	}
	if (k->kind == HC_KEY_CHAR) {
		switch (k->c) {
		case ']': hc_nav_link_step(R, 1); return;
		case '[': hc_nav_link_step(R, -1); return;
		case '\r': case '\n': hc_nav_follow(R); return;
		case '/':
			/* As in less: a search in the text being read. */
			hc_find_clear(R);
			a->focus = HC_FOCUS_FIND;
			return;
		case 'n': case 'N':
			if (a->fbox.len) {
				hc_find_step(R, k->c == 'n' ? 1 : -1);
				return;
			}
			break;
		case 27:
			if (a->fbox.len) {
				hc_find_clear(R);
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

static void help_key(struct hc_run *R, const struct hc_key *k)
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

static void mouse(struct hc_run *R)
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
		hc_search_open(a);
	}
}

static void handle(struct hc_run *R, const struct hc_key *k)
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
	/* A resize or a repaint (Ctrl-L) is not an answer to the message: it
	 * stays, as the rest of the state does. */
	if (!is_special(k, HC_SP_RESIZE) &&
	    !(k->kind == HC_KEY_CHAR && k->c == CTRL('l') && !a->pasting))
		a->msg[0] = '\0';
	/* Only keys the search line takes without its results (typing, edits,
	 * junk it ignores) may leave the search for the next draw: a paste
	 * full of Backspaces and arrows costs one search, not one a key. */
	typing = a->pasting || (a->focus == HC_FOCUS_SEARCH && !a->help && !a->copy_menu &&
	                        !a->cmp.open && !a->guide.open && hc_search_key_defers(k));
	if (!typing)
		hc_search_flush(a);
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
		hc_copy_shown_key(R, k);
		return;
	}
	if (is_special(k, HC_SP_MOUSE) && !a->help) {
		mouse(R);
		return;
	}
	if (a->pasting) {
		if (!a->lay.too_small && !a->help)
			hc_search_paste(R, k);
		return;
	}
	if (a->help) {
		help_key(R, k);
		return;
	}
	if (a->copy_menu) {
		hc_copy_menu_key(R, k);
		return;
	}
	if (a->cmp.open) {
		hc_compare_view_key(&a->cmp, k);
		return;
	}
	if (a->guide.open) {
		int code = hc_guide_view_key(&a->guide, k);

		if (code > 0)
			hc_lens_select_code(a, code);
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
	case HC_FOCUS_SEARCH: hc_search_key(R, k); break;
	case HC_FOCUS_FIND: hc_find_key(R, k); break;
	case HC_FOCUS_GOTO: hc_nav_goto_key(R, k); break;
	}
}

/* ---- drawing ----------------------------------------------------------- */

static bool same_key(const struct hc_row *x, const struct hc_row *y)
{
	return same_row(x, y);
}

/* Bring view state (layout, scroll offsets) in line with the window and the
 * selection before drawing. */
/* A scroll position kept in [0, max_top] (0 when everything fits). */
static int clamp_top(int top, int max_top)
{
	if (top > max_top)
		top = max_top;
	return top < 0 ? 0 : top;
}

static void prepare(struct hc_run *R)
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
	hc_find_refresh(R);
	max_top = a->detail_lines - a->lay.detail.h;
	a->detail_top = clamp_top(a->detail_top, max_top);
	if (R->find_jump) {
		R->find_jump = false;
		R->find_cur = -1;
		if (R->n_finds)
			hc_find_step(R, 1);
		a->detail_top = clamp_top(a->detail_top, max_top);
	}

	/* The help's scroll, only while it is shown: laying it out costs its
	 * lines' 50 KB buffer and text, which a browser never asked for help
	 * should not touch. */
	if (a->help) {
		struct hc_rect screen = { 0, 0, a->lay.rows, a->lay.cols };

		a->help_top = clamp_top(a->help_top,
		                        hc_help_lines(screen, ui_ko(a)) - (a->lay.rows - 2));
	}
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

static void draw(struct hc_run *R)
{
	struct hc_app *a = &R->a;
	int cy = 0, cx = 0, tree_y, tree_x, box_x;

	prepare(R);
	erase();
	if (a->lay.too_small) {
		hc_layout_draw_too_small(&a->lay, &cy, &cx);
	} else if (a->showing) {
		hc_copy_draw_shown(R, &cy, &cx);
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
		hc_browser_show_rows(&a->b, a->tree_top, (size_t)(a->lay.tree.h > 0 ? a->lay.tree.h : 0));
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
			hc_copy_draw_menu(a, &cy, &cx);
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

/* a is zeroed memory (hc_tui_run callocs it). */
static bool app_init(struct hc_app *a, const struct hc_tui_config *cfg)
{
	a->cfg = cfg;
	a->lang = cfg->lang;
	a->code = cfg->code;
	a->mouse_on = true;
	a->lens = cfg->lens;
	size_t n = a->lens ? a->lens->n_entries : hc_catalog_count(), n_other, n_all;
	const struct hc_entry *other = hc_extra_other(&n_other);
	const struct hc_entry *all = hc_extra_browse(&n_all);

	/* The codes outside 100-599 are a sixth group after 5xx (browser.h):
	 * the catalog's array ends with them. With --log the entries before
	 * them are the lens's (the table's and the codes the log has and the
	 * table lacks), in an array made here. */
	if (a->lens) {
		a->all = malloc((n + n_other + 1) * sizeof *a->all);
		if (!a->all)
			return false;
		memcpy(a->all, a->lens->entries, n * sizeof *a->all);
		memcpy(a->all + n, other, n_other * sizeof *a->all);
		all = a->all;
		n_all = n + n_other;
	}
	if (!hc_browser_init(&a->b, all, n_all))
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
static bool read_key(struct hc_run *R, int wait_ms, struct hc_key *out)
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

static void loop(struct hc_run *R)
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
				hc_search_cancel(&R->a);
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
		hc_search_flush(&R->a);
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
	struct hc_run *R;
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
		hc_search_run(a);
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
	free(R->osc);
	free(R->finds);
	free(R);
	/* Leave as the signal asked: the terminal restored, then killed by it
	 * (its default action), so that a calling shell sees 130, 143... */
	hc_term_close_and_exit(sig);
	return status;
}
