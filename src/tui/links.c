/*
 * links.c - OSC 8 around the detail pane's URLs, after the refresh.
 */
#include "links.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "hyperlink.h"
#include "term.h"

void hc_links_emit(const struct hc_detail *d, int top, struct hc_rect r, int cy, int cx)
{
	char out[2048], pos[32];

	if (!d->valid || r.h <= 0 || r.w <= 2 || top < 0)
		return;
	for (int i = 0; i < r.h; i++) {
		size_t k = (size_t)top + (size_t)i, text_len, n;
		const struct hc_dline *l;
		const struct hc_doc_item *it;
		const char *text;
		int col, len;

		if (k >= d->n)
			break;
		l = &d->lines[k];
		if (l->src == 0 || (size_t)l->src - 1 >= d->doc.n)
			continue;
		it = &d->doc.items[l->src - 1];
		if (it->role != HC_DOC_LINK || l->len <= l->pre)
			continue;
		text = d->buf + l->off + l->pre;
		text_len = l->len - l->pre;
		/* Where hc_detail_draw put it: after a cell of margin and the
		 * label; only what fits in the pane (it drew no more). */
		col = r.x + 1 + hc_paint_width(d->buf + l->off, l->pre);
		if (col >= r.x + r.w - 1)
			continue;
		text_len = hc_paint_clip(text, text_len, r.x + r.w - 1 - col, NULL);
		len = snprintf(pos, sizeof pos, "\033[%d;%dH", r.y + i + 1, col + 1);
		n = hc_hyperlink_wrap(out + len, sizeof out - (size_t)len,
		                      hc_doc_text(&d->doc, it), it->len, text, text_len);
		if (n == 0 || len <= 0)
			continue;
		memcpy(out, pos, (size_t)len);
		hc_term_write_raw(out, (size_t)len + n);
	}
	{
		int len = snprintf(pos, sizeof pos, "\033[%d;%dH", cy + 1, cx + 1);

		if (len > 0)
			hc_term_write_raw(pos, (size_t)len);
	}
}

const char *hc_links_url(const struct hc_detail *d, size_t n, size_t *len, size_t *count)
{
	const char *found = NULL;

	*count = 0;
	for (size_t i = 0; d->valid && i < d->doc.n; i++) {
		const struct hc_doc_item *it = &d->doc.items[i];

		if (it->role != HC_DOC_LINK)
			continue;
		if (*count == n) {
			found = hc_doc_text(&d->doc, it);
			*len = it->len;
		}
		(*count)++;
	}
	return found;
}
