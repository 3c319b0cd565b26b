/*
 * detail_view.c - the detail pane: build wrapped lines, draw a window of them.
 */
#include "detail_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "text.h"

enum {
	ROLE_TEXT,
	ROLE_TITLE,
	ROLE_HEAD,
	ROLE_KV,
};

/* What an entry's joined lists and title are built in. */
#define ENTRY_BUF 1024

/* Which displayed string a line's text comes from, so that search spans can
 * be found in it when it is drawn. */
enum {
	SRC_NONE,
	SRC_TITLE,              /* "%03u phrase": the code, then the phrase at 4 */
	SRC_NAME_KO,
	SRC_VENDOR,
	SRC_HEADERS,            /* the headers joined with "; " */
	SRC_ALIASES,            /* the shown aliases joined with "; " */
	SRC_SUMMARY_EN,
	SRC_SUMMARY_KO,
	SRC_DESC_EN,
	SRC_DESC_KO,
	SRC_NOTE_EN,
	SRC_NOTE_KO,
};

struct labels {
	const char *status, *vendor, *reference, *headers, *cacheable;
	const char *aliases, *summary, *description, *note, *see_also;
	const char *codes, *matched, *yes, *no;
	int kv_col;             /* cells for a label and its gap */
};

static const struct labels labels_en = {
	"Status", "Vendor", "Reference", "Headers", "Cacheable",
	"Also known as", "Summary", "Description", "Note", "See also",
	"Codes", "Matched", "yes (heuristically)", "no", 15,
};

static const struct labels labels_ko = {
	"상태", "사용처", "근거", "관련 헤더", "캐시",
	"다른 이름", "요약", "설명", "실무 참고", "함께 볼 코드",
	"코드 수", "검색 일치", "가능 (휴리스틱)", "불가", 11,
};

static const char *status_ko(enum hc_status s)
{
	switch (s) {
	case HC_STATUS_STANDARD: return "표준";
	case HC_STATUS_DEPRECATED: return "사용 중단";
	case HC_STATUS_UNUSED: return "미사용";
	case HC_STATUS_OBSOLETE: return "폐기됨";
	case HC_STATUS_TEMPORARY: return "임시 등록";
	case HC_STATUS_UNOFFICIAL: return "비공식";
	}
	return "";
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
	l->src = (unsigned char)src;
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

static void wrap(struct hc_detail *d, const char *s, size_t n, int width,
                 const char *p1, const char *p2, size_t bold, int role)
{
	wrap_src(d, s, n, width, p1, p2, bold, role, SRC_NONE, s);
}

/* Paragraphs are separated by "\n"; a blank line goes between them. */
static void paragraphs(struct hc_detail *d, const char *s, int width, int src)
{
	const char *base = s;

	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		wrap_src(d, s, n, width, "", "", 0, ROLE_TEXT, src, base);
		if (!nl)
			break;
		s = nl + 1;
		blank(d);
	}
}

/* "Label      value", the value wrapped under itself. A pane too narrow for
 * that gets the label on its own line. */
static void kv_src(struct hc_detail *d, const struct labels *lb,
                   const char *label, const char *value, int width, int src)
{
	char p1[64], p2[64];
	int lw = hc_paint_swidth(label);
	int col = lb->kv_col;
	size_t ln = strlen(label);

	if (!value || !*value)
		return;
	if (width < col + 12 || lw + 1 > col || ln + (size_t)col >= sizeof p1) {
		add_line(d, "", 0, label, ln, ROLE_KV, ln, SRC_NONE, 0);
		wrap_src(d, value, strlen(value), width, "  ", "  ", 0, ROLE_TEXT,
		         src, value);
		return;
	}
	memcpy(p1, label, ln);
	memset(p1 + ln, ' ', (size_t)(col - lw));
	p1[ln + (size_t)(col - lw)] = '\0';
	memset(p2, ' ', (size_t)col);
	p2[col] = '\0';
	wrap_src(d, value, strlen(value), width, p1, p2, ln, ROLE_KV, src, value);
}

static void kv(struct hc_detail *d, const struct labels *lb, const char *label,
               const char *value, int width)
{
	kv_src(d, lb, label, value, width, SRC_NONE);
}

static void join(char *out, size_t cap, const struct hc_strs *a,
                 const struct hc_strs *b)
{
	size_t o = 0;
	const struct hc_strs *lists[2] = { a, b };
	int k;

	out[0] = '\0';
	for (k = 0; k < 2; k++) {
		unsigned i;

		if (!lists[k])
			continue;
		for (i = 0; i < lists[k]->n; i++) {
			int m = snprintf(out + o, cap - o, "%s%s", o ? "; " : "",
			                 lists[k]->v[i]);

			if (m < 0 || (size_t)m >= cap - o)
				return;
			o += (size_t)m;
		}
	}
}

static void heading(struct hc_detail *d, const char *s)
{
	blank(d);
	add_line(d, "", 0, s, strlen(s), ROLE_HEAD, 0, SRC_NONE, 0);
}

/* src_en + 1 is the Korean source. */
static void both(struct hc_detail *d, const char *en, const char *ko,
                 enum hc_lang lang, int width, bool gap, int src_en)
{
	bool did = false;

	if (lang != HC_LANG_KO && en && *en) {
		paragraphs(d, en, width, src_en);
		did = true;
	}
	if (lang != HC_LANG_EN && ko && *ko) {
		if (did && gap)
			blank(d);
		paragraphs(d, ko, width, src_en != SRC_NONE ? src_en + 1 : SRC_NONE);
	}
}

static const char *match_reason(enum hc_rank r, bool ko)
{
	switch (r) {
	case HC_RANK_HEADER:
		return ko ? "관련 헤더 또는 사용처" : "a related header or the vendor";
	case HC_RANK_TEXT:
		return ko ? "요약, 설명 또는 실무 참고의 낱말" :
		       "words in the summary, description or note";
	case HC_RANK_TYPO:
		return ko ? "철자가 한 글자 다른 낱말" :
		       "a word one letter away from what was typed";
	default:
		return NULL;
	}
}

static void build_entry(struct hc_detail *d, const struct hc_browser *a,
                        size_t idx, enum hc_lang lang, int width)
{
	const struct hc_entry *e = &a->entries[idx];
	const struct labels *lb = lang == HC_LANG_KO ? &labels_ko : &labels_en;
	const struct hc_hit *h = hc_browser_hit(a, idx);
	char buf[ENTRY_BUF];
	unsigned i;

	/* The English phrase first: it is what goes over the wire. */
	snprintf(buf, sizeof buf, "%03u %s", (unsigned)e->code % 1000,
	         e->phrase_en ? e->phrase_en : "");
	wrap_src(d, buf, strlen(buf), width, "", "    ", 0, ROLE_TITLE, SRC_TITLE,
	         buf);
	if (lang != HC_LANG_EN && e->name_ko && *e->name_ko)
		wrap_src(d, e->name_ko, strlen(e->name_ko), width, "    ", "    ",
		         0, ROLE_TITLE, SRC_NAME_KO, e->name_ko);
	blank(d);

	if (lang == HC_LANG_KO)
		kv(d, lb, lb->status, status_ko(e->status), width);
	else
		kv(d, lb, lb->status, hc_status_name(e->status), width);
	kv_src(d, lb, lb->vendor, e->vendor, width, SRC_VENDOR);
	kv(d, lb, lb->reference, e->reference, width);
	join(buf, sizeof buf, &e->headers, NULL);
	kv_src(d, lb, lb->headers, buf, width, SRC_HEADERS);
	kv(d, lb, lb->cacheable, e->cacheable ? lb->yes : lb->no, width);
	join(buf, sizeof buf, lang != HC_LANG_KO ? &e->aliases_en : NULL,
	     lang != HC_LANG_EN ? &e->aliases_ko : NULL);
	kv_src(d, lb, lb->aliases, buf, width, SRC_ALIASES);
	if (h)
		kv(d, lb, lb->matched, match_reason(h->rank, lang == HC_LANG_KO),
		   width);

	heading(d, lb->summary);
	both(d, e->summary_en, e->summary_ko, lang, width, false, SRC_SUMMARY_EN);
	heading(d, lb->description);
	both(d, e->desc_en, e->desc_ko, lang, width, true, SRC_DESC_EN);
	heading(d, lb->note);
	both(d, e->note_en, e->note_ko, lang, width, true, SRC_NOTE_EN);

	if (e->n_see_also > 0 && e->see_also) {
		heading(d, lb->see_also);
		for (i = 0; i < e->n_see_also; i++) {
			const struct hc_see_also *s = &e->see_also[i];
			char pre[16];
			bool did = false;

			snprintf(pre, sizeof pre, "%03u ", (unsigned)s->code % 1000);
			if (lang != HC_LANG_KO && s->en && *s->en) {
				wrap(d, s->en, strlen(s->en), width, pre, "    ", 3,
				     ROLE_KV);
				did = true;
			}
			if (lang != HC_LANG_EN && s->ko && *s->ko)
				wrap(d, s->ko, strlen(s->ko), width,
				     did ? "    " : pre, "    ", did ? 0 : 3,
				     ROLE_KV);
		}
	}
}

static void build_class(struct hc_detail *d, const struct hc_browser *a, int digit,
                        enum hc_lang lang, int width)
{
	const struct hc_class *c = hc_catalog_class(digit);
	const struct labels *lb = lang == HC_LANG_KO ? &labels_ko : &labels_en;
	size_t first, n = hc_catalog_class_range(digit, &first), i, unofficial = 0;
	char buf[160];

	snprintf(buf, sizeof buf, "%dxx %s", digit,
	         c && c->name_en ? c->name_en : "");
	wrap(d, buf, strlen(buf), width, "", "    ", 0, ROLE_TITLE);
	if (c && lang != HC_LANG_EN && c->name_ko)
		wrap(d, c->name_ko, strlen(c->name_ko), width, "    ", "    ", 0,
		     ROLE_TITLE);
	blank(d);
	for (i = first; i < first + n && i < a->n_entries; i++)
		if (a->entries[i].status == HC_STATUS_UNOFFICIAL)
			unofficial++;
	if (lang == HC_LANG_KO)
		snprintf(buf, sizeof buf, "%zu개 (등록 %zu, 비공식 %zu)", n,
		         n - unofficial, unofficial);
	else
		snprintf(buf, sizeof buf, "%zu (%zu registered, %zu unofficial)",
		         n, n - unofficial, unofficial);
	kv(d, lb, lb->codes, buf, width);
	if (!c)
		return;
	heading(d, lb->summary);
	both(d, c->summary_en, c->summary_ko, lang, width, false, SRC_NONE);
	heading(d, lb->description);
	both(d, c->desc_en, c->desc_ko, lang, width, true, SRC_NONE);
}

int hc_detail_build(struct hc_detail *d, const struct hc_browser *a,
                    enum hc_lang lang, struct hc_rect r)
{
	const struct hc_row *row = hc_browser_selected(a);
	int width = r.w > 2 ? r.w - 2 : r.w;    /* a cell of margin each side */
	struct hc_row key = { 0, 0, false };

	if (width < 1)
		width = 1;
	if (row)
		key = *row;
	if (d->valid && d->width == width && d->lang == lang &&
	    d->search_gen == a->search_gen && d->key.is_class == key.is_class &&
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
	if (!row)
		return 0;
	if (row->is_class)
		build_class(d, a, row->digit, lang, width);
	else
		build_entry(d, a, row->entry, lang, width);
	/* No trailing blank line. */
	while (d->n > 0 && d->lines[d->n - 1].len == 0)
		d->n--;
	return (int)d->n;
}

/* ---- drawing ----------------------------------------------------------- */

/* A span of the hit as a byte range of one of the SRC_ strings. */
struct mark {
	int src;
	size_t st, en;
};

/* Where item `item` of list k starts in what join() built from the shown
 * lists, or false when join() did not get that far. */
static bool join_offset(const struct hc_strs *a, const struct hc_strs *b,
                        int k_want, unsigned item, size_t *off)
{
	const struct hc_strs *lists[2] = { a, b };
	size_t o = 0;
	int k;

	for (k = 0; k < 2; k++) {
		unsigned i;

		if (!lists[k])
			continue;
		for (i = 0; i < lists[k]->n; i++) {
			size_t sep = o ? 2 : 0;

			if (k == k_want && i == item) {
				*off = o + sep;
				return o + sep < ENTRY_BUF;
			}
			o += sep + (lists[k]->v[i] ? strlen(lists[k]->v[i]) : 0);
		}
	}
	return false;
}

static bool map_span(const struct hc_entry *e, enum hc_lang lang,
                     const struct hc_span *sp, struct mark *m)
{
	const struct hc_strs *en = lang != HC_LANG_KO ? &e->aliases_en : NULL;
	const struct hc_strs *ko = lang != HC_LANG_EN ? &e->aliases_ko : NULL;
	size_t base = 0;

	switch ((enum hc_field)sp->field) {
	case HC_FIELD_CODE: m->src = SRC_TITLE; break;
	case HC_FIELD_PHRASE_EN: m->src = SRC_TITLE; base = 4; break;
	case HC_FIELD_NAME_KO: m->src = SRC_NAME_KO; break;
	case HC_FIELD_VENDOR: m->src = SRC_VENDOR; break;
	case HC_FIELD_HEADER:
		m->src = SRC_HEADERS;
		if (!join_offset(&e->headers, NULL, 0, sp->item, &base))
			return false;
		break;
	case HC_FIELD_ALIAS_EN:
		m->src = SRC_ALIASES;
		if (!en || !join_offset(en, ko, 0, sp->item, &base))
			return false;
		break;
	case HC_FIELD_ALIAS_KO:
		m->src = SRC_ALIASES;
		if (!ko || !join_offset(en, ko, 1, sp->item, &base))
			return false;
		break;
	case HC_FIELD_SUMMARY_EN: m->src = SRC_SUMMARY_EN; break;
	case HC_FIELD_SUMMARY_KO: m->src = SRC_SUMMARY_KO; break;
	case HC_FIELD_DESC_EN: m->src = SRC_DESC_EN; break;
	case HC_FIELD_DESC_KO: m->src = SRC_DESC_KO; break;
	case HC_FIELD_NOTE_EN: m->src = SRC_NOTE_EN; break;
	case HC_FIELD_NOTE_KO: m->src = SRC_NOTE_KO; break;
	default: return false;
	}
	m->st = base + sp->start;
	m->en = m->st + sp->len;
	return sp->len > 0;
}

/* True when a mark covers some byte of the line's text [st, en) of src. */
static bool marked(const struct mark *m, int n, int src, size_t st, size_t en)
{
	int i;

	for (i = 0; i < n; i++)
		if (m[i].src == src && m[i].st < en && m[i].en > st)
			return true;
	return false;
}

/* A line with marks: walked by grapheme, so that a highlight starts and ends
 * on whole characters even where a span or a wrap falls inside one. */
static void put_marked(struct hc_pen *p, const struct hc_dline *l,
                       const char *t, const struct mark *m, int nm, attr_t at)
{
	size_t i = 0, run = 0;
	attr_t run_at = A_NORMAL;

	while (i < l->len) {
		size_t g = hc_paint_grapheme(t + i, l->len - i);
		attr_t ga = i < l->bold ? A_BOLD : at;

		if (i >= l->pre && marked(m, nm, l->src, l->soff + (i - l->pre),
		                          l->soff + (i + g - l->pre)))
			ga = at | A_BOLD | A_UNDERLINE;
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

void hc_detail_draw(const struct hc_detail *d, const struct hc_browser *a,
                    int top, struct hc_rect r)
{
	const struct hc_row *row = hc_browser_selected(a);
	const struct hc_hit *h = NULL;
	struct mark marks[HC_HIT_MAX_SPANS];
	attr_t title = A_BOLD;
	int i, nm = 0;

	if (r.h <= 0 || r.w <= 0)
		return;
	if (!row) {
		struct hc_pen p = hc_pen_at(r.y, r.x + 1, r.w - 1);

		hc_pen_puts(&p, "Nothing selected.", A_NORMAL);
		return;
	}
	title |= hc_term_class_attr(row->is_class ? row->digit :
	                            a->entries[row->entry].code / 100);
	if (!row->is_class && d->valid && !d->key.is_class &&
	    d->key.entry == row->entry)
		h = hc_browser_hit(a, row->entry);
	for (i = 0; h && (unsigned)i < h->n_spans && i < HC_HIT_MAX_SPANS; i++)
		if (map_span(&a->entries[row->entry], d->lang, &h->spans[i],
		             &marks[nm]))
			nm++;
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
		if (l->src != SRC_NONE && marked(marks, nm, l->src, l->soff,
		                                 l->soff + (l->len - l->pre))) {
			put_marked(&p, l, d->buf + l->off, marks, nm, at);
			continue;
		}
		if (l->bold > 0)
			hc_pen_put(&p, d->buf + l->off, l->bold, A_BOLD);
		hc_pen_put(&p, d->buf + l->off + l->bold, l->len - l->bold, at);
	}
}

void hc_detail_free(struct hc_detail *d)
{
	free(d->buf);
	free(d->lines);
	memset(d, 0, sizeof *d);
}
