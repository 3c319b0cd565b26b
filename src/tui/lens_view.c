/*
 * lens_view.c - the log lens's block in the detail pane.
 */
#include "lens_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "text.h"

static unsigned n_samples(const struct hc_loglens *L, int code)
{
	unsigned n = 0;

	while (n < HC_LENS_SAMPLES && hc_logcount_sample(&L->c, code, n))
		n++;
	return n;
}

/* Rows a sample takes at a pane width: 1, or 2 when it is longer (the
 * rest of it is cut). */
#define SAMPLE_ROWS 2

static int sample_rows(const struct hc_loglens *L, int code, unsigned i, int w)
{
	const char *s = hc_logcount_sample(&L->c, code, i);
	size_t len;
	char *clean = s ? hc_text_sanitize(s, strlen(s), &len) : NULL;
	int rows = 1;

	if (clean && hc_paint_width(clean, len) > w - 3)
		rows = SAMPLE_ROWS;
	free(clean);
	return rows;
}

int hc_lens_view_height(const struct hc_loglens *L, const struct hc_browser *b,
                        struct hc_rect r)
{
	const struct hc_row *row = hc_browser_selected(b);
	int n, most = r.h / 2;

	/* Logs are counted by status 100-599: the other group has no block. */
	if (!L || !row || r.h < 4 || (row->is_class && (row->digit < 1 || row->digit > 5)))
		return 0;
	/* A class: two lines; a code: its count line and its samples under a
	 * heading. Then a rule. */
	n = row->is_class ? 3 : 2;
	if (!row->is_class) {
		int code = b->entries[row->entry].code;
		unsigned k = n_samples(L, code);

		if (k)
			n++;
		for (unsigned i = 0; i < k; i++)
			n += sample_rows(L, code, i, r.w);
	}
	if (n > most)
		n = most > 4 || row->is_class ? most : 2;       /* no heading without a sample */
	return n;
}

static const char *pick(enum hc_lang lang, const char *en, const char *ko)
{
	return lang == HC_LANG_KO ? ko : en;
}

static void put_line(struct hc_rect r, int *y, const char *s, attr_t attr)
{
	struct hc_pen p;

	if (*y >= r.y + r.h)
		return;
	p = hc_pen_at(*y, r.x + 1, r.w - 1);
	hc_pen_puts(&p, s, attr);
	(*y)++;
}

void hc_lens_view_draw(const struct hc_loglens *L, const struct hc_browser *b,
                       enum hc_lang lang, struct hc_rect r)
{
	const struct hc_row *row = hc_browser_selected(b);
	char line[256];
	int y = r.y;
	uint64_t n, total = L ? L->c.counted : 0;
	unsigned pm;

	if (!L || !row || r.h <= 0)
		return;
	if (row->is_class) {
		n = hc_logcount_class(&L->c, row->digit);
		pm = total ? (unsigned)((n * 1000 + total / 2) / total) : 0;
		if (lang == HC_LANG_KO)
			snprintf(line, sizeof line, "로그: %" PRIu64 "줄 중 %" PRIu64 "줄이 %dxx (%u.%u%%)",
			         total, n, row->digit, pm / 10, pm % 10);
		else
			snprintf(line, sizeof line, "Log: %" PRIu64 " of %" PRIu64 " lines are %dxx (%u.%u%%)",
			         n, total, row->digit, pm / 10, pm % 10);
		put_line(r, &y, line, A_BOLD);
		if (lang == HC_LANG_KO)
			snprintf(line, sizeof line, "상태 없음(000, -): %" PRIu64 "줄, 읽지 못함: %" PRIu64 "줄",
			         L->c.no_status, hc_logcount_not_read(&L->c));
		else
			snprintf(line, sizeof line, "No status (000, -): %" PRIu64 "; not read: %" PRIu64,
			         L->c.no_status, hc_logcount_not_read(&L->c));
		put_line(r, &y, line, A_NORMAL);
	} else {
		const struct hc_entry *e = &b->entries[row->entry];
		unsigned k = n_samples(L, e->code);

		n = hc_loglens_count(L, e->code);
		pm = hc_loglens_permille(L, e->code);
		if (e->code == 0 && lang == HC_LANG_KO)
			snprintf(line, sizeof line, "로그: 응답 없는 줄(000, -) %" PRIu64 "줄", n);
		else if (e->code == 0)
			snprintf(line, sizeof line, "Log: %" PRIu64 " line%s with no response (000, -)",
			         n, n == 1 ? "" : "s");
		else if (lang == HC_LANG_KO)
			snprintf(line, sizeof line, "로그: %03u 응답 %" PRIu64 "줄 (전체 %" PRIu64 "줄의 %u.%u%%)",
			         (unsigned)e->code, n, total, pm / 10, pm % 10);
		else
			snprintf(line, sizeof line, "Log: %" PRIu64 " line%s with %03u (%u.%u%% of %" PRIu64 ")",
			         n, n == 1 ? "" : "s", (unsigned)e->code, pm / 10, pm % 10, total);
		put_line(r, &y, line, A_BOLD);
		/* The heading only with room for a sample under it. */
		if (k && r.h >= 4)
			put_line(r, &y, pick(lang, "Sample lines (cleaned):", "예시 줄 (제어 문자 제거):"),
			         A_NORMAL);
		else
			k = 0;
		for (unsigned i = 0; i < k && y < r.y + r.h - 1; i++) {
			const char *s = hc_logcount_sample(&L->c, e->code, i);
			size_t len;
			char *clean = s ? hc_text_sanitize(s, strlen(s), &len) : NULL;
			size_t done = 0;

			/* A long line goes on over a second row, indented more. */
			for (int part_row = 0; clean && part_row < SAMPLE_ROWS && done < len &&
			                  y < r.y + r.h - 1; part_row++) {
				struct hc_pen p = hc_pen_at(y++, r.x + 1, r.w - 1);

				size_t part;

				hc_pen_puts(&p, part_row ? "    " : "  ", A_NORMAL);
				part = hc_paint_clip(clean + done, len - done, p.end - p.x, NULL);
				if (part == 0)
					break;
				hc_pen_put(&p, clean + done, part, A_DIM);
				done += part;
			}
			free(clean);
		}
	}
	/* A rule under the block: the entry's text follows. */
	if (y < r.y + r.h) {
		struct hc_pen p = hc_pen_at(r.y + r.h - 1, r.x, r.w);

		for (int i = 0; i < r.w; i++)
			hc_pen_puts(&p, hc_term_utf8() ? "─" : "-", A_DIM);
	}
}
