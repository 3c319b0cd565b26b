/* compare.c - the --compare table, laid out for a width; used by the CLI
 * and the browser. No curses: see compare.h. */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "text.h"

struct cmp {
	FILE *out;
	enum hc_lang lang;
	int width;
};

static bool ko_only(const struct cmp *c)
{
	return c->lang == HC_LANG_KO;
}

static bool want_ko(const struct cmp *c)
{
	return c->lang != HC_LANG_EN;
}

static bool want_en(const struct cmp *c)
{
	return c->lang != HC_LANG_KO;
}

/* ---- the table */

struct cell {
	char text[160];
};

struct wrapped {
	char lines[8][160];
	size_t n;
	int width;
};

static void take_line(const char *s, size_t n, void *ud)
{
	struct wrapped *w = ud;

	if (w->n < sizeof w->lines / sizeof w->lines[0]) {
		snprintf(w->lines[w->n], sizeof w->lines[0], "%.*s", (int)n, s);
		w->n++;
	}
}

static void wrap(const char *s, int width, struct wrapped *w)
{
	w->n = 0;
	w->width = width;
	hc_text_wrap(s, strlen(s), width > 0 ? width : 1, take_line, w);
	if (w->n == 0) {
		w->lines[0][0] = '\0';
		w->n = 1;
	}
}

static void pad(FILE *out, int cells)
{
	for (int i = 0; i < cells; i++)
		fputc(' ', out);
}

static int width_of(const char *s)
{
	return hc_text_width(s, strlen(s));
}

static const char *name_of(const struct cmp *c, const struct hc_entry *e)
{
	return ko_only(c) ? hc_str(e->name_ko) : hc_str(e->phrase_en);
}

static void title_of(const struct cmp *c, const struct hc_entry *e, char *buf, size_t n)
{
	if (e->vendor)
		snprintf(buf, n, "%d %s (%s)", e->code, name_of(c, e), hc_str(e->vendor));
	else
		snprintf(buf, n, "%d %s", e->code, name_of(c, e));
}

enum { GAP = 2, MIN_COL = 8 };

static int longest_word(const char *s)
{
	int best = 0;

	while (*s) {
		size_t len = strcspn(s, " ");

		int w = hc_text_width(s, len);

		if (w > best)
			best = w;
		s += len;
		s += strspn(s, " ");
	}
	return best;
}

static void print_row(FILE *out, const char *label, int label_w, struct wrapped *cols, size_t n,
                      const int *w)
{
	size_t height = 1;

	for (size_t j = 0; j < n; j++)
		if (cols[j].n > height)
			height = cols[j].n;
	for (size_t line = 0; line < height; line++) {
		const char *l = line == 0 ? label : "";

		fputs(l, out);
		pad(out, label_w - width_of(l));
		for (size_t j = 0; j < n; j++) {
			const char *t = line < cols[j].n ? cols[j].lines[line] : "";

			pad(out, GAP);
			fputs(t, out);
			if (j + 1 < n)
				pad(out, w[j] - width_of(t));
		}
		fputc('\n', out);
	}
}

static void compare_table(const struct cmp *c, const struct hc_entry *const *v, size_t n)
{
	bool ko = ko_only(c);
	int label_w = 0, natural[HC_COMPARE_MAX] = { 0 }, w[HC_COMPARE_MAX] = { 0 };
	bool rows[HC_FACT_COUNT];
	struct cell cells[HC_FACT_COUNT][HC_COMPARE_MAX], titles[HC_COMPARE_MAX];

	for (int f = 0; f < HC_FACT_COUNT; f++) {
		rows[f] = false;
		for (size_t j = 0; j < n; j++)
			rows[f] |= hc_fact_applies(v[j], (enum hc_fact)f);
		if (!rows[f])
			continue;
		if (width_of(hc_fact_label((enum hc_fact)f, ko)) > label_w)
			label_w = width_of(hc_fact_label((enum hc_fact)f, ko));
		for (size_t j = 0; j < n; j++) {
			hc_fact_text(v[j], (enum hc_fact)f, ko, cells[f][j].text, sizeof cells[f][j].text,
			             NULL);
			if (width_of(cells[f][j].text) > natural[j])
				natural[j] = width_of(cells[f][j].text);
		}
	}
	for (size_t j = 0; j < n; j++) {
		title_of(c, v[j], titles[j].text, sizeof titles[j].text);
		/* A title may wrap, but its code and first word should fit. */
		int tw = width_of(titles[j].text);

		if (tw > natural[j])
			natural[j] = tw < 24 ? tw : (natural[j] > 24 ? natural[j] : 24);
	}

	/* Fit: shrink the widest column until the table fits, never below its
	 * longest word; or stack it. */
	int avail = c->width - label_w - GAP * (int)n, sum = 0, least[HC_COMPARE_MAX];

	for (size_t j = 0; j < n; j++) {
		least[j] = MIN_COL;
		for (int f = 0; f < HC_FACT_COUNT; f++)
			if (rows[f] && longest_word(cells[f][j].text) > least[j])
				least[j] = longest_word(cells[f][j].text);
		if (longest_word(titles[j].text) > least[j])
			least[j] = longest_word(titles[j].text);
		if (least[j] > natural[j])
			least[j] = natural[j];
		sum += (w[j] = natural[j]);
	}
	while (sum > avail) {
		size_t wide = n;

		for (size_t j = 0; j < n; j++)
			if (w[j] > least[j] && (wide == n || w[j] - least[j] > w[wide] - least[wide]))
				wide = j;
		if (wide == n)
			break;
		w[wide]--;
		sum--;
	}
	if (sum > avail) {
		/* Too narrow for columns: one block per code. */
		int indent = 2, vw = c->width - indent - label_w - 1;

		for (size_t j = 0; j < n; j++) {
			struct wrapped t;

			if (j)
				fputc('\n', c->out);
			wrap(titles[j].text, c->width, &t);
			for (size_t k = 0; k < t.n; k++)
				fprintf(c->out, "%s\n", t.lines[k]);
			for (int f = 0; f < HC_FACT_COUNT; f++) {
				if (!rows[f])
					continue;
				struct wrapped val;
				const char *label = hc_fact_label((enum hc_fact)f, ko);

				wrap(cells[f][j].text, vw > 8 ? vw : 8, &val);
				for (size_t k = 0; k < val.n; k++) {
					pad(c->out, indent);
					fputs(k == 0 ? label : "", c->out);
					pad(c->out, label_w - (k == 0 ? width_of(label) : 0) + 1);
					fprintf(c->out, "%s\n", val.lines[k]);
				}
			}
		}
		return;
	}

	struct wrapped cols[HC_COMPARE_MAX];

	for (size_t j = 0; j < n; j++)
		wrap(titles[j].text, w[j], &cols[j]);
	print_row(c->out, "", label_w, cols, n, w);
	if (c->lang == HC_LANG_BOTH) {
		for (size_t j = 0; j < n; j++)
			wrap(hc_str(v[j]->name_ko), w[j], &cols[j]);
		print_row(c->out, "", label_w, cols, n, w);
	}
	for (int f = 0; f < HC_FACT_COUNT; f++) {
		if (!rows[f])
			continue;
		for (size_t j = 0; j < n; j++)
			wrap(cells[f][j].text, w[j], &cols[j]);
		print_row(c->out, hc_fact_label((enum hc_fact)f, ko), label_w, cols, n, w);
	}
}

static void put_wrapped(const char *s, size_t n, void *ud)
{
	const struct cmp *c = ud;

	fprintf(c->out, "  %.*s\n", (int)n, s);
}

/* A see-also line begins with the other code's phrase: put its number back. */
static void say_line(const struct cmp *c, int code, const char *text)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "%d %s", code, text);
	hc_text_wrap(buf, strlen(buf), c->width - 2 > 10 ? c->width - 2 : 10, put_wrapped,
	             (void *)c);
}

/* The see-also lines between the compared codes, each pair once. */
static void differences(const struct cmp *c, const struct hc_entry *const *v, size_t n)
{
	bool head = false;

	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			const struct hc_entry *a = v[i], *b = v[j];

			if (i == j)
				continue;
			for (unsigned k = 0; k < a->see_also.n; k++) {
				const struct hc_see_also s_ = hc_entry_see_also(a, k), *s = &s_;

				if (s->code != b->code)
					continue;
				/* Said once per pair: skip b -> a when a -> b was said. */
				bool said = false;

				for (unsigned m = 0; j < i && m < b->see_also.n; m++)
					said |= hc_entry_see_also(b, m).code == a->code;
				if (said)
					break;
				if (!head) {
					fprintf(c->out, "\n%s\n", ko_only(c) ? "차이" :
					        c->lang == HC_LANG_BOTH ? "Differences / 차이" : "Differences");
					head = true;
				}
				fprintf(c->out, "%d vs %d\n", a->code, b->code);
				if (want_en(c))
					say_line(c, s->code, s->en);
				if (want_ko(c))
					say_line(c, s->code, s->ko);
				break;
			}
		}
	}
}


void hc_compare_write(FILE *out, const struct hc_entry *const *v, size_t n, enum hc_lang lang,
                      int width)
{
	struct cmp c = { out, lang, width > 20 ? width : 20 };

	if (n > HC_COMPARE_MAX)
		n = HC_COMPARE_MAX;
	compare_table(&c, v, n);
	differences(&c, v, n);
}

/* The entry a code is known by: its registered meaning, else its first. */
static const struct hc_entry *entry_of(int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);
	const struct hc_entry *all = hc_catalog_entries();

	for (size_t i = 0; i < n; i++)
		if (!all[first + i].vendor)
			return &all[first + i];
	return n ? &all[first] : NULL;
}

size_t hc_compare_pick(const struct hc_entry *sel, const struct hc_entry *const *marked,
                       size_t n_marked, const struct hc_entry **out)
{
	size_t n = 0;

	for (size_t i = 0; i < n_marked && n < HC_COMPARE_MAX; i++) {
		bool dup = false;

		for (size_t j = 0; j < n; j++)
			dup |= out[j] == marked[i];
		if (!dup && marked[i])
			out[n++] = marked[i];
	}
	if (n >= 2)
		return n;
	/* One marked: with the selection. None: the selection and the code it
	 * is most confused with (its first "see also"). */
	if (sel && (n == 0 || out[0] != sel) && n < HC_COMPARE_MAX)
		out[n++] = sel;
	if (n < 2 && sel)
		for (unsigned k = 0; k < sel->see_also.n && n < 2; k++) {
			const struct hc_entry *o = entry_of(hc_entry_see_also(sel, k).code);

			if (o && o != sel)
				out[n++] = o;
		}
	return n >= 2 ? n : 0;
}

static bool grow(struct hc_compare_lines *L)
{
	size_t cap = L->cap ? L->cap * 2 : 64;
	size_t *v = realloc(L->off, cap * sizeof *v);

	if (!v)
		return false;
	L->off = v;
	L->cap = cap;
	return true;
}

bool hc_compare_lines(struct hc_compare_lines *L, const struct hc_entry *const *v, size_t n,
                      enum hc_lang lang, int width)
{
	FILE *f;
	size_t len = 0;

	hc_compare_lines_free(L);
	f = open_memstream(&L->buf, &len);
	if (!f)
		return false;
	hc_compare_write(f, v, n, lang, width);
	if (fclose(f) != 0 || !L->buf)
		return false;
	/* Lines in place: each '\n' becomes the end of its line. */
	for (size_t i = 0, start = 0; i < len; i++) {
		if (L->buf[i] != '\n')
			continue;
		if (L->n == L->cap && !grow(L))
			return false;
		L->buf[i] = '\0';
		L->off[L->n++] = start;
		start = i + 1;
	}
	return true;
}

const char *hc_compare_line(const struct hc_compare_lines *L, size_t i)
{
	return i < L->n ? L->buf + L->off[i] : NULL;
}

void hc_compare_lines_free(struct hc_compare_lines *L)
{
	free(L->buf);
	free(L->off);
	memset(L, 0, sizeof *L);
}
