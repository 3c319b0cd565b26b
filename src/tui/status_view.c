/*
 * status_view.c - drawing the status line (see status_view.h for its rules).
 */
#include "status_view.h"

#include <stdio.h>
#include <string.h>

#include "term.h"
#include "ui_text.h"

static const char *lang_label(enum hc_lang l)
{
	switch (l) {
	case HC_LANG_EN: return "en";
	case HC_LANG_KO: return "ko";
	case HC_LANG_BOTH: break;
	}
	return "en+ko";
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* The formats come from ui_text.c's table, whose two columns take the same
 * arguments (the Korean one by position). */
static void counts(const struct hc_status_info *s, char *buf, size_t size)
{
	if (s->filtering)
		snprintf(buf, size, hc_ui(s->matches == 1 ? HC_UI_MATCH_ONE : HC_UI_MATCH_MANY, s->ko),
		         s->matches, s->total);
	else
		snprintf(buf, size, hc_ui(HC_UI_CODES, s->ko), s->total);
}

static void position(const struct hc_status_info *s, char *buf, size_t size)
{
	snprintf(buf, size, hc_ui(HC_UI_DETAIL_POS, s->ko), s->detail_first, s->detail_last,
	         s->detail_lines);
}
#pragma GCC diagnostic pop

static size_t cat(char *buf, size_t o, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (o + n >= size)
		n = o < size ? size - o - 1 : 0;
	memcpy(buf + o, s, n);
	buf[o + n] = '\0';
	return o + n;
}

/* The message cut at a space to fit w cells, with an ellipsis. */
static size_t fit_msg(char *buf, size_t o, size_t size, const char *msg, int w)
{
	size_t n = strlen(msg), k, s;

	if (hc_paint_width(msg, n) <= w)
		return cat(buf, o, size, msg);
	k = hc_paint_clip(msg, n, w > 1 ? w - 1 : 0, NULL);
	for (s = k; s > 0 && msg[s] != ' '; s--)
		;
	if (s > 0)
		k = s;
	while (k > 0 && msg[k - 1] == ' ')
		k--;
	if (o + k + 4 >= size)
		return o;
	memcpy(buf + o, msg, k);
	buf[o + k] = '\0';
	return cat(buf, o + k, size, hc_term_utf8() ? "\xe2\x80\xa6" : "~");
}

void hc_status_text(const struct hc_status_info *s, int width, char *buf, size_t size,
                    size_t *left_len)
{
	char cnt[64], pos[64], left[160], item[96];
	const char *lang = lang_label(s->lang);
	size_t o;
	int room;
	bool msg = s->msg && s->msg[0];

	counts(s, cnt, sizeof cnt);
	pos[0] = '\0';
	if (s->detail_lines > 0)
		position(s, pos, sizeof pos);
	/* " 107 codes | en+ko | detail 1-20/40 | ". Hints go first (whole,
	 * from the end); the left part shortens only when it does not fit
	 * itself. Under a message the position goes first, then the language,
	 * before the message is cut. */
	for (int drop = 0; drop < 3; drop++) {
		if (drop == 0 && pos[0])
			snprintf(left, sizeof left, " %s | %s | %s | ", cnt, lang, pos);
		else if (drop < 2)
			snprintf(left, sizeof left, " %s | %s | ", cnt, lang);
		else
			snprintf(left, sizeof left, " %s | ", cnt);
		room = width - hc_paint_swidth(left);
		if (drop == 2 || (msg ? hc_paint_swidth(s->msg) <= room : room >= 0))
			break;
	}
	o = cat(buf, 0, size, left);
	*left_len = o;
	if (msg) {
		fit_msg(buf, o, size, s->msg, room);
		return;
	}
	{
		int n;
		const struct hc_hint *h = hc_ui_hints(s->hints, s->ko, &n);

		for (int i = 0; i < n; i++) {
			snprintf(item, sizeof item, "%s%s: %s", i ? "  " : "", h[i].key, h[i].what);
			if (hc_paint_swidth(item) > room)
				break;
			o = cat(buf, o, size, item);
			room -= hc_paint_swidth(item);
		}
	}
}

void hc_status_draw(const struct hc_status_info *s, struct hc_rect r)
{
	struct hc_pen p = hc_pen_at(r.y, r.x, r.w);
	attr_t bar = A_REVERSE;
	char buf[512];
	size_t left;

	hc_status_text(s, r.w, buf, sizeof buf, &left);
	/* The counts in bold, then " | " plain. */
	hc_pen_put(&p, buf, left >= 3 ? left - 3 : left, bar | A_BOLD);
	hc_pen_put(&p, buf + (left >= 3 ? left - 3 : left), left >= 3 ? 3 : 0, bar);
	hc_pen_puts(&p, buf + left, s->msg && s->msg[0] ? bar | A_BOLD : bar);
	hc_pen_fill(&p, bar);
}
