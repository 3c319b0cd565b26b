/*
 * tree_view.c - drawing the class tree.
 */
#include "tree_view.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "term.h"

static bool span_is(const struct hc_span *sp, enum hc_field f, int item)
{
	if (sp->field != f)
		return false;
	if (f == HC_FIELD_ALIAS_EN || f == HC_FIELD_ALIAS_KO ||
	    f == HC_FIELD_HEADER)
		return sp->item == item;
	return true;
}

/* Write s, with the parts the search matched in bold underline (so that the
 * highlight shows without colour too). */
static void put_field(struct hc_pen *p, const char *s, const struct hc_hit *h,
                      enum hc_field f, attr_t base)
{
	size_t n, pos = 0;

	if (!s)
		return;
	n = strlen(s);
	if (!h) {
		hc_pen_put(p, s, n, base);
		return;
	}
	while (pos < n && p->x < p->end) {
		size_t next = n, cover = pos;
		unsigned i;

		for (i = 0; i < h->n_spans && i < HC_HIT_MAX_SPANS; i++) {
			const struct hc_span *sp = &h->spans[i];
			size_t st = sp->start, en = (size_t)sp->start + sp->len;

			if (!span_is(sp, f, 0) || sp->len == 0)
				continue;
			if (en > n)
				en = n;
			if (st <= pos && en > cover)
				cover = en;
			else if (st > pos && st < next)
				next = st;
		}
		if (cover > pos) {
			hc_pen_put(p, s + pos, cover - pos,
			           base | A_BOLD | A_UNDERLINE);
			pos = cover;
		} else {
			hc_pen_put(p, s + pos, next - pos, base);
			pos = next;
		}
	}
}

/* A count at the right edge of the row (the name is what gets clipped),
 * when there is room for it and 8 cells more; p->end is moved before it. */
static bool reserve_count(struct hc_pen *p, char *count)
{
	int cw = hc_paint_swidth(count);

	if (p->end - p->x >= cw + 8) {
		p->end -= cw;
		return true;
	}
	count[0] = '\0';
	return false;
}

static void draw_class(const struct hc_browser *a, const struct hc_tree_look *look,
                       const struct hc_row *row, struct hc_pen *p, attr_t base)
{
	enum hc_lang lang = look->lang;
	const struct hc_class *c = hc_catalog_class(row->digit);
	char buf[48], count[48];
	int end = p->end;

	/* The count goes at the right edge, so a long name is what gets
	 * clipped, never the number. The lens shows the class's log lines. */
	if (look->lens && row->digit >= 1 && row->digit <= 5)
		snprintf(count, sizeof count, " %llu",
		         (unsigned long long)hc_logcount_class(&look->lens->c, row->digit));
	else if (a->filtering)
		snprintf(count, sizeof count, " %zu/%zu", a->class_hits[row->digit],
		         a->class_total[row->digit]);
	else
		snprintf(count, sizeof count, " %zu", a->class_total[row->digit]);
	reserve_count(p, count);

	hc_pen_puts(p, a->expanded[row->digit] ? "- " : "+ ", base);
	if (row->digit == HC_GROUP_OTHER) {     /* codes outside 100-599 */
		hc_pen_puts(p, lang == HC_LANG_BOTH ? "Other codes - 기타 범위"
		                                    : hc_doc_other_name(lang), base | A_BOLD);
	} else {
		snprintf(buf, sizeof buf, "%dxx", row->digit);
		hc_pen_puts(p, buf, base | hc_term_class_attr(row->digit) | A_BOLD);
	}
	if (c) {
		if (lang != HC_LANG_KO && c->name_en) {
			hc_pen_puts(p, " ", base);
			hc_pen_puts(p, c->name_en, base | A_BOLD);
		}
		if (lang == HC_LANG_BOTH && c->name_ko)
			hc_pen_puts(p, " - ", base);
		else if (lang == HC_LANG_KO)
			hc_pen_puts(p, " ", base);
		if (lang != HC_LANG_EN && c->name_ko)
			hc_pen_puts(p, c->name_ko, base | A_BOLD);
	}
	hc_pen_fill(p, base);
	p->end = end;
	hc_pen_puts(p, count, base);
}

/* The vendor tells apart codes that share a number (499 nginx, 499 Esri):
 * it goes right after the English phrase, before the row gets clipped. */
static void put_vendor(struct hc_pen *p, const struct hc_entry *e,
                       const struct hc_hit *h, attr_t base)
{
	if (!hc_doc_shows_vendor(e))    /* the phrase names it already */
		return;
	hc_pen_puts(p, " (", base);
	put_field(p, e->vendor, h, HC_FIELD_VENDOR, base);
	hc_pen_puts(p, ")", base);
}

/* "418 [x] (Unused), formerly I'm a teapot": a placeholder name (doc.h)
 * with the former name people search for. */
static void put_former(struct hc_pen *p, const struct hc_entry *e,
                       const struct hc_hit *h, enum hc_lang lang, attr_t base)
{
	const char *former = hc_doc_former(e);

	if (!former)
		return;
	hc_pen_puts(p, ", ", base);
	hc_pen_puts(p, hc_doc_formerly(lang), base);
	hc_pen_puts(p, " ", base);
	put_field(p, former, h, HC_FIELD_ALIAS_EN, base);
}

static void draw_entry(const struct hc_browser *a, const struct hc_tree_look *look,
                       const struct hc_row *row, struct hc_pen *p, attr_t base)
{
	enum hc_lang lang = look->lang;
	const struct hc_entry *e = &a->entries[row->entry];
	const struct hc_hit *h = hc_browser_hit(a, row->entry);
	const char *tag = hc_status_tag(e->status);
	char code[8], count[32] = "";
	int end = p->end;
	bool marked = look->marks && look->marks[row->entry];

	if (look->lens) {
		uint64_t n = hc_loglens_count(look->lens, e->code);

		if (n)
			snprintf(count, sizeof count, " %llu", (unsigned long long)n);
		reserve_count(p, count);
	}
	/* A mark is a character, not only a colour. */
	hc_pen_puts(p, marked ? " *" : "  ", marked ? base | A_BOLD : base);
	put_field(p, hc_entry_field(e, HC_FIELD_CODE, 0, code), h, HC_FIELD_CODE,
	          base | hc_term_class_attr(e->code / 100));
	if (tag) {
		hc_pen_puts(p, " ", base);
		hc_pen_puts(p, tag, base);
	}
	hc_pen_puts(p, " ", base);
	if (lang != HC_LANG_KO) {
		put_field(p, e->phrase_en, h, HC_FIELD_PHRASE_EN, base);
		put_former(p, e, h, lang, base);
		put_vendor(p, e, h, base);
	}
	if (lang == HC_LANG_BOTH && e->name_ko && *e->name_ko)
		hc_pen_puts(p, " - ", base);
	if (lang != HC_LANG_EN)
		put_field(p, e->name_ko, h, HC_FIELD_NAME_KO, base);
	if (lang == HC_LANG_KO) {
		put_former(p, e, h, lang, base);
		put_vendor(p, e, h, base);
	}
	if (count[0]) {
		hc_pen_fill(p, base);
		p->end = end;
		hc_pen_puts(p, count, base | A_BOLD);
	}
}

void hc_tree_draw(const struct hc_browser *a, const struct hc_tree_look *look,
                  struct hc_rect r, int *cursor_y)
{
	size_t i, top = look->top;

	*cursor_y = r.y;
	if (r.h <= 0 || r.w <= 0)
		return;
	if (a->n_rows == 0) {
		struct hc_pen p = hc_pen_at(r.y, r.x + 1, r.w - 1);

		hc_pen_puts(&p, a->filtering ? "No code matches the search." :
		            "The table is empty.", A_BOLD);
		return;
	}
	for (i = top; i < a->n_rows && i < top + (size_t)r.h; i++) {
		const struct hc_row *row = &a->rows[i];
		int y = r.y + (int)(i - top);
		struct hc_pen p = hc_pen_at(y, r.x, r.w);
		attr_t base = A_NORMAL;

		if (i == a->sel) {
			/* Reverse video works in monochrome; when the detail
			 * has the focus the selection stays visible but quiet. */
			base = look->quiet_sel ? A_UNDERLINE : A_REVERSE;
			*cursor_y = y;
		}
		/* A cell of margin on the right keeps counts off the line. */
		if (r.w > 8)
			p.end--;
		if (row->is_class)
			draw_class(a, look, row, &p, base);
		else
			draw_entry(a, look, row, &p, base);
		p.end = r.x + r.w;
		hc_pen_fill(&p, base);
	}
}
