/*
 * detail_view.c - the detail pane: build wrapped lines, draw a window of them.
 */
#include "detail_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "term.h"
#include "text.h"

enum {
	ROLE_TEXT,
	ROLE_TITLE,
	ROLE_HEAD,
	ROLE_KV,
};

/* A line's src is 1 + the index of the document item its text comes from
 * (0: none), so that search spans can be found in it when it is drawn. */
enum { SRC_NONE };

/* Cells for a label and its gap before a value. */
static int kv_col(enum hc_lang lang)
{
	return lang == HC_LANG_KO ? 11 : 15;
}

/* ---- building ---------------------------------------------------------- */

static bool reserve(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

static void add_line(struct hc_detail *d, const char *pre, size_t pn,
                     const char *s, size_t n, int role, size_t bold,
                     int src, size_t soff)
{
	struct hc_dline *l;

	if (d->oom)
		return;
	if (!reserve((void **)&d->buf, &d->cap, d->len + pn + n + 1, 1) ||
	    !reserve((void **)&d->lines, &d->cap_lines, d->n + 1,
	             sizeof *d->lines)) {
		d->oom = true;
		return;
	}
	l = &d->lines[d->n++];
	l->off = d->len;
	memcpy(d->buf + d->len, pre, pn);
	memcpy(d->buf + d->len + pn, s, n);
	d->len += pn + n;
	l->len = (unsigned)(pn + n);
	l->bold = (unsigned)(bold < pn + n ? bold : pn + n);
	l->role = (unsigned char)role;
	l->pre = (unsigned)pn;
	l->src = (unsigned short)src;
	l->soff = (unsigned)soff;
}

static void blank(struct hc_detail *d)
{
	if (d->n > 0 && d->lines[d->n - 1].len > 0)
		add_line(d, "", 0, "", 0, ROLE_TEXT, 0, SRC_NONE, 0);
}

struct wrap_ctx {
	struct hc_detail *d;
	const char *p1, *p2;    /* prefix of the first and later lines */
	size_t bold;
	int role;
	bool first;
	int src;
	const char *base;       /* start of the source string */
};

static void on_line(const char *line, size_t n, void *ud)
{
	struct wrap_ctx *c = ud;
	const char *pre = c->first ? c->p1 : c->p2;

	add_line(c->d, pre, strlen(pre), line, n, c->role, c->first ? c->bold : 0,
	         c->src, c->src != SRC_NONE ? (size_t)(line - c->base) : 0);
	c->first = false;
}

/* Wrap one paragraph to `width` cells after a prefix (hanging indent). The
 * paragraph lies in the source string `src` starting at base. */
static void wrap_src(struct hc_detail *d, const char *s, size_t n, int width,
                     const char *p1, const char *p2, size_t bold, int role,
                     int src, const char *base)
{
	struct wrap_ctx c = { d, p1, p2, bold, role, true, src, base };
	int pw = hc_paint_swidth(p2);
	int w1 = hc_paint_swidth(p1);

	if (w1 > pw)
		pw = w1;
	if (width - pw < 1) {
		c.p1 = c.p2 = "";
		pw = 0;
	}
	/* Measured as the pen will draw it (see paint.h). */
	if (n == 0 || hc_text_wrap_with(s, n, width - pw, hc_paint_width, on_line, &c) == 0)
		add_line(d, c.p1, strlen(c.p1), "", 0, role, bold, SRC_NONE, 0);
}

/* "Label      value", the value wrapped under itself. A pane too narrow for
 * that gets the label on its own line. */
static void kv_src(struct hc_detail *d, int col, const char *label, const char *value,
                   size_t vn, int width, int src)
{
	char p1[64], p2[64];
	int lw = hc_paint_swidth(label);
	size_t ln = strlen(label);

	if (vn == 0)
		return;
	if (width < col + 12 || lw + 1 > col || ln + (size_t)col >= sizeof p1) {
		add_line(d, "", 0, label, ln, ROLE_KV, ln, SRC_NONE, 0);
		wrap_src(d, value, vn, width, "  ", "  ", 0, ROLE_TEXT, src, value);
		return;
	}
	memcpy(p1, label, ln);
	memset(p1 + ln, ' ', (size_t)(col - lw));
	p1[ln + (size_t)(col - lw)] = '\0';
	memset(p2, ' ', (size_t)col);
	p2[col] = '\0';
	wrap_src(d, value, vn, width, p1, p2, ln, ROLE_KV, src, value);
}

static void heading(struct hc_detail *d, const char *s)
{
	blank(d);
	add_line(d, "", 0, s, strlen(s), ROLE_HEAD, 0, SRC_NONE, 0);
}

/* A line of the example, verbatim after two spaces; a line wider than the
 * pane is cut at the edge (not at a word) and goes on four spaces in. */
static void pre_line(struct hc_detail *d, const char *s, size_t n, int width, int src)
{
	size_t off = 0;

	if (n == 0) {
		add_line(d, "", 0, "", 0, ROLE_TEXT, 0, SRC_NONE, 0);
		return;
	}
	while (off < n) {
		const char *pre = off ? "    " : "  ";
		int w = width - (int)strlen(pre);
		size_t k = hc_text_clip(s + off, n - off, w > 1 ? w : 1, NULL);

		if (k == 0)
			k = 1;
		add_line(d, pre, strlen(pre), s + off, k, ROLE_TEXT, 0, src, off);
		off += k;
	}
}

/* "Go       http.StatusNotFound (note)": the names in one column. */
static void code_line(struct hc_detail *d, const struct hc_doc_item *it, const char *t,
                      int col, int width, int src)
{
	char p1[64], p2[64];
	const char *label = it->cont ? "" : it->label;
	int lw = hc_paint_swidth(label);
	size_t ln = strlen(label);

	if (width < col + 16 || ln + (size_t)col + 2 >= sizeof p1) {
		if (!it->cont)
			add_line(d, "", 0, label, ln, ROLE_KV, ln, SRC_NONE, 0);
		wrap_src(d, t, it->len, width, "  ", "    ", 0, ROLE_TEXT, src, t);
		return;
	}
	memcpy(p1, label, ln);
	memset(p1 + ln, ' ', (size_t)(col - lw));
	p1[ln + (size_t)(col - lw)] = '\0';
	/* A wrapped note goes deeper than another name of the language. */
	memset(p2, ' ', (size_t)col + 2);
	p2[col + 2] = '\0';
	wrap_src(d, t, it->len, width, p1, p2, ln, ROLE_KV, src, t);
}

/* Wrap and lay out the items of the document (doc.h): the order, labels and
 * text are the document's; the prefixes and roles are this pane's. */
static void lay_out(struct hc_detail *d, enum hc_lang lang, int width)
{
	const struct hc_doc *doc = &d->doc;
	bool facts = false;
	int code_col = 0;

	d->example_line = -1;
	for (size_t i = 0; i < doc->n; i++)
		if (doc->items[i].role == HC_DOC_CODE && !doc->items[i].cont) {
			int w = hc_paint_swidth(doc->items[i].label) + 2;

			code_col = w > code_col && w < 32 ? w : code_col;
		}

	for (size_t i = 0; i < doc->n; i++) {
		const struct hc_doc_item *it = &doc->items[i];
		const char *t = hc_doc_text(doc, it);
		int src = i + 1 <= 0xffff ? (int)(i + 1) : SRC_NONE;
		char pre[16];

		if (it->role == HC_DOC_FACT && !facts)
			blank(d);
		facts = it->role == HC_DOC_FACT;
		switch (it->role) {
		case HC_DOC_TITLE:
			wrap_src(d, t, it->len, width, "", "    ", 0, ROLE_TITLE, src, t);
			break;
		case HC_DOC_SUBTITLE:
			wrap_src(d, t, it->len, width, "    ", "    ", 0, ROLE_TITLE, src, t);
			break;
		case HC_DOC_FACT:
		case HC_DOC_LINK:
			kv_src(d, kv_col(lang), it->label, t, it->len, width, src);
			break;
		case HC_DOC_HEADING:
			heading(d, it->label);
			if (i + 1 < doc->n && doc->items[i + 1].role == HC_DOC_PRE)
				d->example_line = (int)d->n - 1;
			break;
		case HC_DOC_CODE:
			code_line(d, it, t, code_col, width, src);
			break;
		case HC_DOC_PRE:
			pre_line(d, t, it->len, width, src);
			break;
		case HC_DOC_PARA:
			if (it->gap)
				blank(d);
			wrap_src(d, t, it->len, width, "", "", 0, ROLE_TEXT, src, t);
			break;
		case HC_DOC_SEE:
			snprintf(pre, sizeof pre, "%03u ", (unsigned)it->code % 1000);
			wrap_src(d, t, it->len, width, it->cont ? "    " : pre, "    ",
			         it->cont ? 0 : 3, ROLE_KV, src, t);
			break;
		}
	}
}

static void build_entry(struct hc_detail *d, const struct hc_browser *a,
                        size_t idx, const struct hc_detail_look *look, int width)
{
	enum hc_lang lang = look->lang;

	hc_doc_entry_with(&d->doc, &a->entries[idx], lang, hc_browser_hit(a, idx), &look->doc);
	lay_out(d, lang, width);
}

static void build_class(struct hc_detail *d, const struct hc_browser *a, int digit,
                        enum hc_lang lang, int width)
{
	size_t first, n = hc_catalog_class_range(digit, &first), i, unofficial = 0;

	for (i = first; i < first + n && i < a->n_entries; i++)
		if (a->entries[i].status == HC_STATUS_UNOFFICIAL)
			unofficial++;
	if (digit == HC_GROUP_OTHER)    /* codes outside 100-599 (browser.h) */
		hc_doc_other_group(&d->doc, lang, a->class_total[HC_GROUP_OTHER]);
	else
		hc_doc_class(&d->doc, hc_catalog_class(digit), lang, n, unofficial);
	lay_out(d, lang, width);
}

int hc_detail_build(struct hc_detail *d, const struct hc_browser *a,
                    const struct hc_detail_look *look, struct hc_rect r)
{
	const struct hc_row *row = hc_browser_selected(a);
	enum hc_lang lang = look->lang;
	int width = r.w > 2 ? r.w - 2 : r.w;    /* a cell of margin each side */
	struct hc_row key = { 0, 0, false };

	if (width > HC_DETAIL_MEASURE)
		width = HC_DETAIL_MEASURE;
	if (width < 1)
		width = 1;
	if (row)
		key = *row;
	if (d->valid && d->width == width && d->lang == lang &&
	    d->search_gen == a->search_gen && d->view_gen == look->gen &&
	    d->key.is_class == key.is_class &&
	    d->key.digit == key.digit && d->key.entry == key.entry)
		return (int)d->n;

	d->len = 0;
	d->n = 0;
	d->oom = false;
	d->valid = true;
	d->key = key;
	d->lang = lang;
	d->width = width;
	d->search_gen = a->search_gen;
	d->view_gen = look->gen;
	d->example_line = -1;
	if (!row)
		return 0;
	if (row->is_class)
		build_class(d, a, row->digit, lang, width);
	else
		build_entry(d, a, row->entry, look, width);
	if (d->doc.oom)
		d->oom = true;
	/* No trailing blank line. */
	while (d->n > 0 && d->lines[d->n - 1].len == 0)
		d->n--;
	return (int)d->n;
}

/* ---- drawing ----------------------------------------------------------- */

/* A range of one document item's text with the attribute it adds. */
struct mark {
	int src;
	size_t st, en;
	attr_t at;
};

#define MAX_MARKS 512

static bool map_span(const struct hc_doc *doc, const struct hc_span *sp, struct mark *m)
{
	size_t idx;

	if (!hc_doc_find(doc, (enum hc_field)sp->field, sp->item, sp->start, sp->len, &idx,
	                 &m->st, &m->en))
		return false;
	m->src = (int)idx + 1;
	m->at = A_BOLD | A_UNDERLINE;
	return true;
}

/* The attributes marks add to bytes [st, en) of src's text (0: none). */
static attr_t marked(const struct mark *m, int n, int src, size_t st, size_t en)
{
	attr_t at = 0;

	for (int i = 0; i < n; i++)
		if (m[i].src == src && m[i].st < en && m[i].en > st)
			at |= m[i].at;
	return at;
}

/* A see-also link's code is the line's prefix: a mark with st == en == 0
 * covers the code's three digits there. */
static attr_t prefix_mark(const struct mark *m, int n, int src)
{
	attr_t at = 0;

	for (int i = 0; i < n; i++)
		if (m[i].src == src && m[i].st == 0 && m[i].en == 0)
			at |= m[i].at;
	return at;
}

/* A line with marks: walked by grapheme, so that a highlight starts and ends
 * on whole characters even where a span or a wrap falls inside one. */
static void put_marked(struct hc_pen *p, const struct hc_dline *l,
                       const char *t, const struct mark *m, int nm, attr_t at)
{
	size_t i = 0, run = 0;
	attr_t run_at = A_NORMAL;
	attr_t pm = l->soff == 0 && l->role == ROLE_KV ? prefix_mark(m, nm, l->src) : 0;

	while (i < l->len) {
		size_t g = hc_paint_grapheme(t + i, l->len - i);
		attr_t ga = i < l->bold ? A_BOLD : at;

		if (i >= l->pre)
			ga |= marked(m, nm, l->src, l->soff + (i - l->pre), l->soff + (i + g - l->pre));
		else if (pm && i < 3)
			ga |= pm;
		if (i == 0)
			run_at = ga;
		else if (ga != run_at) {
			hc_pen_put(p, t + run, i - run, run_at);
			run = i;
			run_at = ga;
		}
		i += g;
	}
	if (i > run)
		hc_pen_put(p, t + run, i - run, run_at);
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool is_word(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Every other place in the entry where a matched text occurs: a word the
 * search found is highlighted wherever it is shown, not only where the
 * search's span points (issue 14: every match in a paragraph). */
static int echo_marks(const struct hc_doc *doc, struct mark *marks, int nm, int cap)
{
	int n0 = nm;

	for (int i = 0; i < n0; i++) {
		const struct hc_doc_item *mi = &doc->items[marks[i].src - 1];
		const char *q = hc_doc_text(doc, mi) + marks[i].st;
		size_t qn = marks[i].en - marks[i].st;

		if (qn < 2)
			continue;
		for (size_t d = 0; d < doc->n; d++) {
			const struct hc_doc_item *it = &doc->items[d];
			const char *t = hc_doc_text(doc, it);

			for (size_t k = 0; k + qn <= it->len && nm < cap; k++) {
				size_t j;

				for (j = 0; j < qn && lower((unsigned char)t[k + j]) ==
				            lower((unsigned char)q[j]); j++)
					;
				if (j < qn || (d + 1 == (size_t)marks[i].src && k == marks[i].st))
					continue;
				/* At the start of a word, as the search
				 * matches ("gateway" in "gateways", never
				 * inside "ongateway"; Korean words take
				 * particles, so only ASCII bounds a word). */
				if (is_word(q[0]) && k > 0 && is_word(t[k - 1]))
					continue;
				marks[nm] = marks[i];
				marks[nm].src = (int)d + 1;
				marks[nm].st = k;
				marks[nm].en = k + qn;
				nm++;
				k += qn - 1;
			}
		}
	}
	return nm;
}

int hc_detail_line_of(const struct hc_detail *d, size_t item, size_t off)
{
	for (size_t k = 0; k < d->n; k++) {
		const struct hc_dline *l = &d->lines[k];

		if (l->src != item + 1)
			continue;
		if (off >= l->soff && off < l->soff + (l->len - l->pre))
			return (int)k;
		if (off == 0 && l->soff == 0)
			return (int)k;
	}
	return -1;
}

bool hc_detail_anchor(const struct hc_detail *d, int k, size_t *item, size_t *off)
{
	if (k < 0 || (size_t)k >= d->n || d->lines[k].src == SRC_NONE)
		return false;
	*item = d->lines[k].src - 1u;
	*off = d->lines[k].soff;
	return true;
}

void hc_detail_draw(const struct hc_detail *d, const struct hc_browser *a,
                    int top, struct hc_rect r, const struct hc_detail_marks *mk)
{
	const struct hc_row *row = hc_browser_selected(a);
	const struct hc_hit *h = NULL;
	struct hc_hit full;
	static struct mark marks[MAX_MARKS];
	attr_t title = A_BOLD;
	int i, nm = 0;

	if (r.h <= 0 || r.w <= 0)
		return;
	if (!row) {
		struct hc_pen p = hc_pen_at(r.y, r.x + 1, r.w - 1);

		hc_pen_puts(&p, mk->nothing, A_NORMAL);
		return;
	}
	title |= hc_term_class_attr(row->is_class ? row->digit :
	                            a->entries[row->entry].code / 100);
	if (!row->is_class && d->valid && !d->key.is_class &&
	    d->key.entry == row->entry)
		h = hc_browser_hit_full(a, row->entry, &full);
	for (i = 0; h && (unsigned)i < h->n_spans && i < HC_HIT_MAX_SPANS; i++)
		if (map_span(&d->doc, &h->spans[i], &marks[nm]))
			nm++;
	nm = echo_marks(&d->doc, marks, nm, MAX_MARKS / 2);
	for (size_t k = 0; k < mk->n_links && nm < MAX_MARKS; k++) {
		bool sel = (long)k == mk->link_sel;

		if (!sel && !mk->show_links)
			continue;
		marks[nm++] = (struct mark){ (int)mk->links[k].item + 1, mk->links[k].st,
		                             mk->links[k].en, sel ? A_REVERSE : A_UNDERLINE };
	}
	for (size_t k = 0; k < mk->n_finds && nm < MAX_MARKS; k++)
		marks[nm++] = (struct mark){ (int)mk->finds[k].item + 1, mk->finds[k].st,
		                             mk->finds[k].en,
		                             (long)k == mk->find_cur ? A_REVERSE | A_BOLD : A_REVERSE };
	for (i = 0; i < r.h; i++) {
		size_t k = (size_t)top + (size_t)i;
		const struct hc_dline *l;
		struct hc_pen p;
		attr_t at = A_NORMAL;

		if (top < 0 || k >= d->n)
			break;
		l = &d->lines[k];
		p = hc_pen_at(r.y + i, r.x + (r.w > 2 ? 1 : 0),
		              r.w > 2 ? r.w - 2 : r.w);
		if (l->role == ROLE_TITLE)
			at = title;
		else if (l->role == ROLE_HEAD)
			at = hc_term_accent_attr();
		if (l->src != SRC_NONE &&
		    (marked(marks, nm, l->src, l->soff, l->soff + (l->len - l->pre)) ||
		     (l->soff == 0 && prefix_mark(marks, nm, l->src)))) {
			put_marked(&p, l, d->buf + l->off, marks, nm, at);
			continue;
		}
		if (l->bold > 0)
			hc_pen_put(&p, d->buf + l->off, l->bold, A_BOLD);
		hc_pen_put(&p, d->buf + l->off + l->bold, l->len - l->bold, at);
	}
	/* Say so when the text was cut for want of memory, under its end. */
	if (d->oom && i < r.h) {
		struct hc_pen p = hc_pen_at(r.y + i, r.x + (r.w > 2 ? 1 : 0), r.w > 2 ? r.w - 2 : r.w);

		hc_pen_puts(&p, "(out of memory: the rest is not shown)", A_BOLD);
	}
	/* More text below: a sign at the bottom right, focused or not (less
	 * and man show where the text goes on). */
	if (top + r.h < (int)d->n && mk->more && r.h > 1) {
		int w = hc_paint_swidth(mk->more);

		if (w + 2 < r.w) {
			struct hc_pen p = hc_pen_at(r.y + r.h - 1, r.x + r.w - w - 1, w + 1);
			struct hc_rect under = { r.y + r.h - 1, r.x + r.w - w - 2, 1, w + 2 };

			/* Blanked first: half of a wide character left under
			 * it would be drawn as garbage. */
			hc_paint_clear(under, A_NORMAL);
			hc_pen_puts(&p, " ", A_NORMAL);
			hc_pen_puts(&p, mk->more, A_BOLD);
		}
	}
}

void hc_detail_free(struct hc_detail *d)
{
	hc_doc_free(&d->doc);
	free(d->buf);
	free(d->lines);
	memset(d, 0, sizeof *d);
}
