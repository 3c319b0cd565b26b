/*
 * tree_view.c - drawing the class tree.
 *
 * A row is composed first (text and an attribute per byte), then drawn: when
 * it is wider than the pane it is cut at the last space that fits (a Korean
 * word cut in the middle reads as another word: "필요" cut to "필") and ends
 * with "…" ("~" where the locale is not UTF-8).
 */
#include "tree_view.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "term.h"

#define ROW_MAX 480

struct rowbuf {
	char t[ROW_MAX];
	attr_t a[ROW_MAX];
	size_t n;
	size_t keep;            /* never cut before this byte (the code) */
};

static void add(struct rowbuf *r, const char *s, size_t n, attr_t at)
{
	if (n > ROW_MAX - r->n)
		n = ROW_MAX - r->n;
	memcpy(r->t + r->n, s, n);
	for (size_t i = 0; i < n; i++)
		r->a[r->n + i] = at;
	r->n += n;
}

static void adds(struct rowbuf *r, const char *s, attr_t at)
{
	add(r, s, strlen(s), at);
}

static bool span_is(const struct hc_span *sp, enum hc_field f)
{
	return sp->field == f && sp->item == 0;
}

/* s, with the parts the search matched in bold underline (so that the
 * highlight shows without colour too). */
static void add_field(struct rowbuf *r, const char *s, const struct hc_hit *h,
                      enum hc_field f, attr_t base)
{
	size_t n, at0 = r->n;

	if (!s)
		return;
	n = strlen(s);
	add(r, s, n, base);
	for (unsigned i = 0; h && i < h->n_spans && i < HC_HIT_MAX_SPANS; i++) {
		const struct hc_span *sp = &h->spans[i];
		size_t st = sp->start, en = (size_t)sp->start + sp->len;

		if (!span_is(sp, f) || sp->len == 0)
			continue;
		for (size_t k = st; k < en && k < n && at0 + k < r->n; k++)
			r->a[at0 + k] = base | A_BOLD | A_UNDERLINE;
	}
}

/* Runs of the same attribute, cut on grapheme boundaries. */
static void put_runs(struct hc_pen *p, const struct rowbuf *r, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		size_t g = hc_paint_grapheme(r->t + i, n - i);

		if (r->a[i] != r->a[run]) {
			hc_pen_put(p, r->t + run, i - run, r->a[run]);
			run = i;
		}
		i += g;
	}
	if (i > run)
		hc_pen_put(p, r->t + run, (i > n ? n : i) - run, r->a[run]);
}

/* Where a row too wide for `room` cells is cut (bytes kept), leaving a cell
 * for the ellipsis: at the last space that fits, past the code. */
static size_t cut_at(const struct rowbuf *r, int room)
{
	size_t k = hc_paint_clip(r->t, r->n, room > 1 ? room - 1 : 0, NULL), s;

	if (k < r->n && r->t[k] != ' ') {
		for (s = k; s > r->keep && r->t[s - 1] != ' '; s--)
			;
		if (s > r->keep)
			k = s - 1;
	}
	/* No dangling separator before the ellipsis ("Found -", "(ng"). */
	while (k > r->keep && strchr(" -(", r->t[k - 1]))
		k--;
	return k;
}

static void draw_row(struct hc_pen *p, const struct rowbuf *r, attr_t base)
{
	int room = p->end - p->x;
	size_t k;

	if (room <= 0)
		return;
	if (hc_paint_width(r->t, r->n) <= room) {
		put_runs(p, r, r->n);
		return;
	}
	k = cut_at(r, room);
	put_runs(p, r, k);
	hc_pen_puts(p, hc_term_utf8() ? "\xe2\x80\xa6" : "~", base);
}

static void class_row(const struct hc_browser *a, enum hc_lang lang, const struct hc_row *row,
                      struct rowbuf *r, attr_t base)
{
	const struct hc_class *c = hc_catalog_class(row->digit);
	char buf[8];

	adds(r, a->expanded[row->digit] ? "- " : "+ ", base);
	if (row->digit == HC_GROUP_OTHER) {     /* codes outside 100-599 */
		adds(r, lang == HC_LANG_BOTH ? "Other codes - 기타 범위"
		                             : hc_doc_other_name(lang), base | A_BOLD);
		r->keep = 7;
		return;
	}
	snprintf(buf, sizeof buf, "%dxx", row->digit);
	adds(r, buf, base | hc_term_class_attr(row->digit) | A_BOLD);
	r->keep = r->n;
	if (!c)
		return;
	if (lang != HC_LANG_KO && c->name_en) {
		adds(r, " ", base);
		adds(r, hc_str(c->name_en), base | A_BOLD);
	}
	if (lang == HC_LANG_BOTH && c->name_ko)
		adds(r, " - ", base);
	else if (lang == HC_LANG_KO)
		adds(r, " ", base);
	if (lang != HC_LANG_EN && c->name_ko)
		adds(r, hc_str(c->name_ko), base | A_BOLD);
}

/* The count goes at the right edge, so a long name is what gets cut, never
 * the number. */
static void class_count(const struct hc_browser *a, const struct hc_tree_look *look,
                        const struct hc_row *row, char *count, size_t size)
{
	/* The lens shows the class's log lines (logs count 100-599 only). */
	if (look->lens && row->digit >= 1 && row->digit <= 5)
		snprintf(count, size, " %llu",
		         (unsigned long long)hc_logcount_class(&look->lens->c, row->digit));
	else if (a->filtering)
		snprintf(count, size, " %zu/%zu", a->class_hits[row->digit],
		         a->class_total[row->digit]);
	else
		snprintf(count, size, " %zu", a->class_total[row->digit]);
}

/* The vendor tells apart codes that share a number (499 nginx, 499 Esri):
 * it goes right after the English phrase. Only its first words are shown
 * ("informal (no known user)" is "informal"): the detail says the rest. */
static void add_vendor(struct rowbuf *r, const struct hc_entry *e, const struct hc_hit *h,
                       attr_t base)
{
	const char *paren;

	if (!hc_doc_shows_vendor(e))    /* the phrase names it already */
		return;
	adds(r, " (", base);
	paren = strstr(hc_str(e->vendor), " (");
	if (paren)
		add(r, hc_str(e->vendor), (size_t)(paren - hc_str(e->vendor)), base);
	else
		add_field(r, hc_str(e->vendor), h, HC_FIELD_VENDOR, base);
	adds(r, ")", base);
}

/* "418 [x] (Unused), formerly I'm a teapot": a placeholder name (doc.h)
 * with the former name people search for. */
static void add_former(struct rowbuf *r, const struct hc_entry *e, const struct hc_hit *h,
                       enum hc_lang lang, attr_t base)
{
	const char *former = hc_doc_former(e);

	if (!former)
		return;
	adds(r, ", ", base);
	adds(r, hc_doc_formerly(lang), base);
	adds(r, " ", base);
	add_field(r, former, h, HC_FIELD_ALIAS_EN, base);
}

static void entry_row(const struct hc_browser *a, enum hc_lang lang, const struct hc_row *row,
                      struct rowbuf *r, attr_t base, bool marked)
{
	const struct hc_entry *e = &a->entries[row->entry];
	const struct hc_hit *h = hc_browser_hit(a, row->entry);
	const char *tag = hc_status_tag(e->status);
	char code[8];

	/* A mark for comparison is a character, not only a colour. */
	adds(r, marked ? " *" : "  ", marked ? base | A_BOLD : base);
	add_field(r, hc_entry_field(e, HC_FIELD_CODE, 0, code), h, HC_FIELD_CODE,
	          base | hc_term_class_attr(e->code / 100));
	if (tag) {
		adds(r, " ", base);
		adds(r, tag, base);
	}
	r->keep = r->n;
	adds(r, " ", base);
	if (lang != HC_LANG_KO) {
		add_field(r, hc_str(e->phrase_en), h, HC_FIELD_PHRASE_EN, base);
		add_former(r, e, h, lang, base);
		add_vendor(r, e, h, base);
	}
	if (lang == HC_LANG_BOTH && e->name_ko && *hc_str(e->name_ko))
		adds(r, " - ", base);
	if (lang != HC_LANG_EN)
		add_field(r, hc_str(e->name_ko), h, HC_FIELD_NAME_KO, base);
	if (lang == HC_LANG_KO) {
		add_former(r, e, h, lang, base);
		add_vendor(r, e, h, base);
	}
}

int hc_tree_text_width(const struct hc_browser *a, enum hc_lang lang)
{
	struct rowbuf r;
	int w = 0, cw;
	char count[48];

	for (size_t i = 0; i < a->n_entries; i++) {
		struct hc_row row = { i, (unsigned char)(a->entries[i].code / 100), false };

		if (a->entries[i].code_text && strchr(hc_str(a->entries[i].code_text), '.'))
			continue;       /* sub-status codes are not in the tree */
		r.n = r.keep = 0;
		entry_row(a, lang, &row, &r, A_NORMAL, false);
		cw = hc_paint_width(r.t, r.n);
		w = cw > w ? cw : w;
	}
	for (int d = 1; d < HC_GROUPS; d++) {
		struct hc_row row = { 0, (unsigned char)d, true };

		r.n = r.keep = 0;
		class_row(a, lang, &row, &r, A_NORMAL);
		snprintf(count, sizeof count, " %zu/%zu", a->class_total[d], a->class_total[d]);
		cw = hc_paint_width(r.t, r.n) + hc_paint_swidth(count);
		w = cw > w ? cw : w;
	}
	return w + 1;           /* the margin on the right */
}

void hc_tree_draw(const struct hc_browser *a, const struct hc_tree_look *look,
                  struct hc_rect r, int *cursor_y, int *cursor_x)
{
	size_t i, top = look->top;
	struct rowbuf rb;

	*cursor_y = r.y;
	*cursor_x = r.x;
	if (r.h <= 0 || r.w <= 0)
		return;
	if (a->n_rows == 0) {
		struct hc_pen p = hc_pen_at(r.y, r.x + 1, r.w - 1);

		hc_pen_puts(&p, look->empty ? look->empty : "", A_BOLD);
		return;
	}
	for (i = top; i < a->n_rows && i < top + (size_t)r.h; i++) {
		const struct hc_row *row = &a->rows[i];
		int y = r.y + (int)(i - top);
		struct hc_pen p = hc_pen_at(y, r.x, r.w);
		attr_t base = A_NORMAL;
		char count[48] = "";

		if (i == a->sel) {
			/* Reverse video works in monochrome; when the detail
			 * has the focus the selection stays visible but quiet. */
			base = look->quiet_sel ? A_UNDERLINE : A_REVERSE;
			*cursor_y = y;
			/* On the code, not on the blank before it: the cursor
			 * block is the row's marker for screen readers. */
			*cursor_x = r.x + (r.w > 4 ? 2 : 0);
		}
		/* A cell of margin on the right keeps counts off the line. */
		if (r.w > 8)
			p.end--;
		rb.n = rb.keep = 0;
		if (row->is_class) {
			int cw, end = p.end;

			class_count(a, look, row, count, sizeof count);
			cw = hc_paint_swidth(count);
			if (p.end - p.x >= cw + 8)
				p.end -= cw;
			else
				count[0] = '\0';
			class_row(a, look->lang, row, &rb, base);
			draw_row(&p, &rb, base);
			hc_pen_fill(&p, base);
			p.end = end;
			hc_pen_puts(&p, count, base);
		} else {
			int end = p.end;

			/* The log lens: the code's lines at the right edge. */
			if (look->lens) {
				uint64_t n = hc_loglens_count(look->lens, a->entries[row->entry].code);

				if (n)
					snprintf(count, sizeof count, " %llu", (unsigned long long)n);
				if (count[0] && p.end - p.x >= hc_paint_swidth(count) + 8)
					p.end -= hc_paint_swidth(count);
				else
					count[0] = '\0';
			}
			entry_row(a, look->lang, row, &rb, base, look->marks && look->marks[row->entry]);
			draw_row(&p, &rb, base);
			if (count[0]) {
				hc_pen_fill(&p, base);
				p.end = end;
				hc_pen_puts(&p, count, base | A_BOLD);
			}
		}
		p.end = r.x + r.w;
		hc_pen_fill(&p, base);
	}
}
