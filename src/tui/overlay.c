/*
 * overlay.c - a framed box of lines over the browser.
 */
#include "overlay.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

int hc_overlay_inner_width(struct hc_rect screen)
{
	return screen.w - 4 > 10 ? screen.w - 4 : 10;
}

void hc_overlay_clear(struct hc_overlay *o)
{
	o->len = 0;
	o->n = 0;
	o->oom = false;
}

void hc_overlay_add(struct hc_overlay *o, const char *s, size_t n, attr_t attr)
{
	if (o->oom)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = (o->cap ? o->cap * 2 : 1024) + n + 1;
		char *b = realloc(o->buf, cap);

		if (!b) {
			o->oom = true;
			return;
		}
		o->buf = b;
		o->cap = cap;
	}
	if (o->n == o->cap_lines) {
		size_t cap = o->cap_lines ? o->cap_lines * 2 : 64;
		size_t *off = realloc(o->off, cap * sizeof *off);
		attr_t *at;

		if (!off) {
			o->oom = true;
			return;
		}
		o->off = off;
		at = realloc(o->attr, cap * sizeof *at);
		if (!at) {
			o->oom = true;
			return;
		}
		o->attr = at;
		o->cap_lines = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->buf[o->len + n] = '\0';
	o->off[o->n] = o->len;
	o->attr[o->n++] = attr;
	o->len += n + 1;
}

struct wrap_ud {
	struct hc_overlay *o;
	int indent;
	attr_t attr;
};

static void take(const char *s, size_t n, void *ud)
{
	struct wrap_ud *w = ud;
	char line[1024];
	int k = w->indent < 16 ? w->indent : 16;

	if (n > sizeof line - 17)
		n = sizeof line - 17;
	memset(line, ' ', (size_t)k);
	memcpy(line + k, s, n);
	hc_overlay_add(w->o, line, (size_t)k + n, w->attr);
}

void hc_overlay_wrap(struct hc_overlay *o, const char *s, int width, int indent, attr_t attr)
{
	struct wrap_ud w = { o, indent, attr };

	if (!s)
		return;
	if (!*s) {
		hc_overlay_add(o, "", 0, attr);
		return;
	}
	hc_text_wrap(s, strlen(s), width - indent > 8 ? width - indent : 8, take, &w);
}

void hc_overlay_scroll(struct hc_overlay *o, int delta)
{
	o->top += delta;
	if (o->top < 0)
		o->top = 0;
}

void hc_overlay_draw(struct hc_overlay *o, struct hc_rect screen, const char *title,
                     const char *foot, int *cy, int *cx)
{
	int w = screen.w, h = screen.h, inner = h - 2, max_top;
	struct hc_pen p;

	*cy = screen.y;
	*cx = screen.x;
	if (w < 6 || h < 3)
		return;
	max_top = (int)o->n - inner;
	if (o->top > max_top)
		o->top = max_top > 0 ? max_top : 0;
	hc_paint_clear(screen, A_NORMAL);
	/* '+', '-' and '|' as the help does: ACS lines are ambiguous in width. */
	p = hc_pen_at(screen.y, screen.x, w);
	hc_pen_puts(&p, "+ ", A_NORMAL);
	p.end--;
	hc_pen_puts(&p, title, A_BOLD);
	hc_pen_puts(&p, " ", A_NORMAL);
	while (p.x < p.end)
		hc_pen_puts(&p, "-", A_NORMAL);
	p.end++;
	hc_pen_puts(&p, "+", A_NORMAL);
	for (int i = 0; i < inner; i++) {
		size_t k = (size_t)(o->top + i);

		p = hc_pen_at(screen.y + 1 + i, screen.x, w);
		hc_pen_puts(&p, "| ", A_NORMAL);
		p.end -= 2;
		if (k < o->n)
			hc_pen_puts(&p, o->buf + o->off[k], o->attr[k]);
		hc_pen_fill(&p, A_NORMAL);
		p.end += 2;
		hc_pen_puts(&p, " |", A_NORMAL);
	}
	p = hc_pen_at(screen.y + h - 1, screen.x, w);
	hc_pen_puts(&p, "+ ", A_NORMAL);
	p.end--;
	if (o->top + inner < (int)o->n)
		hc_pen_puts(&p, "j/k more, ", A_BOLD);
	hc_pen_puts(&p, foot, A_BOLD);
	hc_pen_puts(&p, " ", A_NORMAL);
	while (p.x < p.end)
		hc_pen_puts(&p, "-", A_NORMAL);
	p.end++;
	hc_pen_puts(&p, "+", A_NORMAL);
	*cy = screen.y + 1;
	*cx = screen.x + 2;
}

void hc_overlay_free(struct hc_overlay *o)
{
	free(o->buf);
	free(o->off);
	free(o->attr);
	memset(o, 0, sizeof *o);
}
