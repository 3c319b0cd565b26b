/*
 * search_line.c - the search line's glue: its keys, its edits (searched once
 * before the next draw), a bracketed paste into it, leaving it, running the
 * search and n / N between the tree's matches; and the editing keys the
 * three lines share (search, find in the detail, go to a code). The box
 * itself, edited by grapheme and drawn, is search_box.c.
 */
#include <stdbool.h>
#include <stddef.h>

#include <wchar.h>

#include "app_state.h"
#include "browser.h"
#include "keys.h"
#include "search.h"
#include "search_box.h"
#include "search_line.h"
#include "ui_text.h"

void hc_search_run(struct hc_app *a)
{
	switch (hc_browser_search(&a->b, a->box.q, a->box.len)) {
	case HC_SEARCH_OK:
		/* typed in the other script: what was searched comes first */
		if (a->b.res.read_as && a->b.res.n > 0)
			say_ui(a, HC_UI_READ_AS, (int)a->b.res.read_as_len, a->b.res.read_as);
		else if (a->b.res.partial)
			say_ui(a, HC_UI_PARTIAL);
		else if (a->b.res.complete < a->b.res.n)
			say_ui(a, HC_UI_SOME_WORDS, a->b.res.complete);
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

void hc_search_next(struct hc_app *a, int dir)
{
	if (!hc_browser_next_match(&a->b, dir))
		say_ui(a, HC_UI_NO_SEARCH);
}

void hc_search_stop_filter(struct hc_app *a)
{
	hc_browser_clear_search(&a->b);
}

void hc_search_open(struct hc_app *a)
{
	a->focus = HC_FOCUS_SEARCH;
	hc_box_end(&a->box);
}

void hc_search_edit(struct hc_app *a, enum hc_edit e)
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

/* Editing keys shared by the three lines (search, find, go to); true when
 * the key was one of them. */
bool hc_line_edit(struct hc_box *box, const struct hc_key *k, enum hc_edit *e)
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

bool hc_line_is_backspace(const struct hc_key *k)
{
	return (k->kind == HC_KEY_SPECIAL && k->sp == HC_SP_BACKSPACE) ||
	       (k->kind == HC_KEY_CHAR && (k->c == 127 || k->c == CTRL('h')));
}

/* Leave the search line, its text and filter gone (Esc, Ctrl-C, Backspace
 * on an empty line). */
void hc_search_cancel(struct hc_app *a)
{
	hc_box_clear(&a->box);
	/* a search the last keys left for later is for a line now gone */
	a->search_pending = false;
	hc_search_stop_filter(a);
	a->focus = HC_FOCUS_TREE;
}

bool hc_search_key_defers(const struct hc_key *k)
{
	switch (k->kind) {
	case HC_KEY_SPECIAL:
		switch (k->sp) {
		case HC_SP_UP: case HC_SP_DOWN: case HC_SP_PGUP: case HC_SP_PGDN:
		case HC_SP_ENTER: case HC_SP_BTAB: case HC_SP_MOUSE:
			return false;
		default:
			return true;
		}
	case HC_KEY_CHAR:
		switch (k->c) {
		case CTRL('n'): case CTRL('p'): case '\r': case '\n': case '\t':
			return false;
		default:
			return true;
		}
	default:
		return true;
	}
}

void hc_search_key(struct hc_run *R, const struct hc_key *k)
{
	struct hc_app *a = &R->a;
	struct hc_browser *b = &a->b;
	long pg = page(&a->lay.tree);
	enum hc_edit e;

	if (hc_line_is_backspace(k) && a->box.len == 0) {
		/* As in fzf and less: Backspace on an empty line leaves it. */
		hc_search_cancel(a);
		return;
	}
	if (hc_line_edit(&a->box, k, &e)) {
		hc_search_edit(a, e);
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
		hc_search_cancel(a);
		break;
	default:
		/* Other control characters are ignored, never echoed. */
		if (k->c >= 0x20 && k->c != 0x7f)
			hc_search_edit(a, hc_box_insert(&a->box, (unsigned long)k->c));
		break;
	}
}

/* A bracketed paste: its characters go into the search line as text, and
 * nothing in it acts as a key (a pasted "q" never quits). */
void hc_search_paste(struct hc_run *R, const struct hc_key *k)
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
		hc_search_open(a);
	hc_search_edit(a, hc_box_insert(&a->box, (unsigned long)c));
}

/* Run the search the last edits asked for, once. */
void hc_search_flush(struct hc_app *a)
{
	if (a->search_pending) {
		a->search_pending = false;
		hc_search_run(a);
	}
}
