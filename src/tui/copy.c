/*
 * copy.c - copying: the y menu (code and name, Korean name, summary, the whole
 * entry, the first link), Y (a constant in the first In code language) and u
 * (the next "Read more" URL), sent with OSC 52 after the next refresh; and
 * where OSC 52 cannot reach a clipboard, the copied text shown over the
 * screen to be selected by hand.
 */
#include <stdbool.h>
#include <stddef.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "app_state.h"
#include "copy.h"
#include "doc.h"
#include "links.h"
#include "paint.h"
#include "term.h"
#include "text.h"
#include "ui_text.h"

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

/* R->osc, allocated at the first copy; false (said) when it cannot be. */
static bool osc_ready(struct hc_run *R)
{
	if (!R->osc && !(R->osc = malloc(COPY_MAX))) {
		say_ui(&R->a, HC_UI_NOMEM_ANY);
		return false;
	}
	return true;
}

/* Fill R->osc with what `what` names for the selection; 0 when there is
 * nothing of that kind. */
static size_t copy_text(struct hc_run *R, enum copy_what what)
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
			o = puts_(R->osc, o, ko && c->name_ko ? hc_str(c->name_ko) : hc_str(c->name_en));
		else
			o = puts_(R->osc, o, ko && e->name_ko && *hc_str(e->name_ko) ? hc_str(e->name_ko)
			                                                            : hc_str(e->phrase_en));
		break;
	case COPY_NAME:
		if (!a->cfg->hangul_ok)
			return 0;
		o = puts_(R->osc, 0, c ? hc_str(c->name_ko) : hc_str(e->name_ko));
		break;
	case COPY_SUMMARY:
		if (c)
			o = puts_(R->osc, 0, ko && c->summary_ko ? hc_str(c->summary_ko) : hc_str(c->summary_en));
		else
			o = puts_(R->osc, 0, ko && e->summary_ko ? hc_str(e->summary_ko) : hc_str(e->summary_en));
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

static void copy(struct hc_run *R, enum copy_what what)
{
	struct hc_app *a = &R->a;
	int st = clip_state();
	size_t n;
	bool short_text;

	if (!osc_ready(R))
		return;
	n = copy_text(R, what);
	short_text = n > 0 && n < 80 && !memchr(R->osc, '\n', n);
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

void hc_copy_menu_key(struct hc_run *R, const struct hc_key *k)
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

void hc_copy_shown_key(struct hc_run *R, const struct hc_key *k)
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

/* Y: copy the selected code's constant in the first language (OSC 52). */
void hc_copy_constant(struct hc_run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_entry *e = selected_entry(a, "copy its constant");
	size_t n, li = first_code_lang(a);
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);
	const char *lang = li < n ? hc_doc_code_lang_name(hc_str(l[li].id)) : "?";

	if (!e)
		return;
	for (size_t k = 0; li < n && k < e->n_constants; k++) {
		const struct hc_constant *c = hc_entry_constants(e) + k;

		if (strcmp(hc_str(c->lang), hc_str(l[li].id)) != 0)
			continue;
		if (!c->spelled)
			break;
		if (!osc_ready(R))
			return;
		R->osc_len = strlen(hc_str(c->spelled)) < COPY_MAX ? strlen(hc_str(c->spelled))
		                                                   : COPY_MAX - 1;
		memcpy(R->osc, hc_str(c->spelled), R->osc_len);
		R->osc[R->osc_len] = '\0';
		R->osc_send = clip_state() < 2;
		say_ui(a, HC_UI_CONST_COPIED, R->osc, lang);
		return;
	}
	say_ui(a, HC_UI_CONST_NONE, lang,
	    (unsigned)e->code % 1000);
}

/* u: copy the selected entry's next "Read more" URL (OSC 52). */
void hc_copy_url(struct hc_run *R)
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
	if (!osc_ready(R))
		return;
	R->osc_len = len < COPY_MAX ? len : COPY_MAX - 1;
	memcpy(R->osc, url, R->osc_len);
	R->osc[R->osc_len] = '\0';
	a->link_next = (a->link_next + 1) % count;
	say(a, "Copied %s (OSC 52%s)", R->osc, count > 1 ? "; u again: the next link" : "");
}

/* y: the choices, in a small box over the tree. */
void hc_copy_draw_menu(const struct hc_app *a, int *cy, int *cx)
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
void hc_copy_draw_shown(struct hc_run *R, int *cy, int *cx)
{
	struct hc_app *a = &R->a;
	struct hc_rect all = { 0, 0, a->lay.rows, a->lay.cols };
	struct show_ctx c = { 0, 0, a->lay.rows - 1 };
	struct hc_pen p;
	const char *s = R->osc ? R->osc : "", *nl;

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
