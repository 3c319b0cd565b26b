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

int hc_lens_view_height(const struct hc_loglens *L, const struct hc_browser *b,
                        struct hc_rect r)
{
	const struct hc_row *row = hc_browser_selected(b);
	int n, most = r.h / 2;

	if (!L || !row || r.h < 4)
		return 0;
	/* A class: two lines; a code: its count line and its samples under a
	 * heading. Then a rule. */
	n = row->is_class ? 3 : 2;
	if (!row->is_class) {
		unsigned k = n_samples(L, b->entries[row->entry].code);

		n += k ? (int)k + 1 : 0;
	}
	return n < most ? n : most;
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
		if (lang == HC_LANG_KO)
			snprintf(line, sizeof line, "로그: %03u 응답 %" PRIu64 "줄 (전체 %" PRIu64 "줄의 %u.%u%%)",
			         (unsigned)e->code, n, total, pm / 10, pm % 10);
		else
			snprintf(line, sizeof line, "Log: %" PRIu64 " line%s with %03u (%u.%u%% of %" PRIu64 ")",
			         n, n == 1 ? "" : "s", (unsigned)e->code, pm / 10, pm % 10, total);
		put_line(r, &y, line, A_BOLD);
		if (k)
			put_line(r, &y, pick(lang, "Sample lines (cleaned):", "예시 줄 (제어 문자 제거):"),
			         A_NORMAL);
		for (unsigned i = 0; i < k && y < r.y + r.h - 1; i++) {
			const char *s = hc_logcount_sample(&L->c, e->code, i);
			size_t len;
			char *clean = s ? hc_text_sanitize(s, strlen(s), &len) : NULL;
			struct hc_pen p = hc_pen_at(y, r.x + 1, r.w - 1);

			hc_pen_puts(&p, "  ", A_NORMAL);
			if (clean)
				hc_pen_put(&p, clean, len, A_DIM);
			free(clean);
			y++;
		}
	}
	/* A rule under the block: the entry's text follows. */
	if (y < r.y + r.h) {
		struct hc_pen p = hc_pen_at(r.y + r.h - 1, r.x, r.w);

		for (int i = 0; i < r.w; i++)
			hc_pen_puts(&p, hc_term_utf8() ? "─" : "-", A_DIM);
	}
}
