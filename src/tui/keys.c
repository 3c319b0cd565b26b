/*
 * keys.c - the key decoder (see keys.h): a small state machine over bytes.
 */
#include "keys.h"

#include <string.h>

enum {
	ST_GROUND,
	ST_ESC,         /* ESC seen */
	ST_CSI,         /* ESC [ seen, collecting until a final byte */
	ST_SS3,         /* ESC O seen */
	ST_X10,         /* skipping the 3 bytes of an X10 mouse report */
	ST_MB,          /* collecting a multibyte character in seq[] */
};

void hc_keys_init(struct hc_keydec *d, bool single_byte)
{
	memset(d, 0, sizeof *d);
	d->state = ST_GROUND;
	d->single_byte = single_byte;
}

bool hc_keys_pending(const struct hc_keydec *d)
{
	return d->state != ST_GROUND;
}

static size_t emit(struct hc_key *out, size_t n, enum hc_key_kind kind,
                   enum hc_special sp, wchar_t c)
{
	if (n >= HC_KEYS_MAX)
		return n;
	out[n].kind = kind;
	out[n].sp = sp;
	out[n].c = c;
	return n + 1;
}

static size_t emit_char(struct hc_keydec *d, struct hc_key *out, size_t n,
                        wchar_t c)
{
	enum hc_key_kind k = d->alt ? HC_KEY_ALT : HC_KEY_CHAR;

	d->alt = false;
	return emit(out, n, k, HC_SP_NONE, c);
}

/* The key a complete CSI sequence stands for (params in seq[0..n), final
 * byte f), HC_SP_NONE when none. *paste is set for the paste markers. */
static enum hc_special csi_key(const struct hc_keydec *d, unsigned char f,
                               int *paste)
{
	char p[HC_SEQ_MAX + 1];
	size_t i, n = d->n;

	*paste = 0;
	if (d->overlong)
		return HC_SP_NONE;
	memcpy(p, d->seq, n);
	p[n] = '\0';
	if (f == '~') {
		/* "1~" or "1;5~" (with modifiers): the number before ';'. */
		for (i = 0; i < n && p[i] != ';'; i++)
			if (p[i] < '0' || p[i] > '9')
				return HC_SP_NONE;
		p[i] = '\0';
		if (!strcmp(p, "1") || !strcmp(p, "7"))
			return HC_SP_HOME;
		if (!strcmp(p, "4") || !strcmp(p, "8"))
			return HC_SP_END;
		if (!strcmp(p, "2"))
			return HC_SP_INSERT;
		if (!strcmp(p, "3"))
			return HC_SP_DELETE;
		if (!strcmp(p, "5"))
			return HC_SP_PGUP;
		if (!strcmp(p, "6"))
			return HC_SP_PGDN;
		if (!strcmp(p, "200"))
			*paste = 1;
		else if (!strcmp(p, "201"))
			*paste = 2;
		return HC_SP_NONE;
	}
	/* Letters: only without parameters or with "1;mod" (modifiers). */
	if (n > 0 && !(n >= 3 && p[0] == '1' && p[1] == ';'))
		return HC_SP_NONE;
	for (i = 2; n >= 3 && i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return HC_SP_NONE;
	switch (f) {
	case 'A': return HC_SP_UP;
	case 'B': return HC_SP_DOWN;
	case 'C': return HC_SP_RIGHT;
	case 'D': return HC_SP_LEFT;
	case 'H': return HC_SP_HOME;
	case 'F': return HC_SP_END;
	case 'Z': return n == 0 ? HC_SP_BTAB : HC_SP_NONE;
	default: return HC_SP_NONE;
	}
}

static size_t ss3_key(struct hc_keydec *d, unsigned char b, struct hc_key *out,
                      size_t n)
{
	enum hc_special sp = HC_SP_NONE;

	switch (b) {
	case 'A': sp = HC_SP_UP; break;
	case 'B': sp = HC_SP_DOWN; break;
	case 'C': sp = HC_SP_RIGHT; break;
	case 'D': sp = HC_SP_LEFT; break;
	case 'H': sp = HC_SP_HOME; break;
	case 'F': sp = HC_SP_END; break;
	case 'M': /* keypad Enter */
		d->alt = false;
		return emit(out, n, HC_KEY_CHAR, HC_SP_NONE, L'\r');
	default: break;
	}
	d->alt = false;
	if (sp == HC_SP_NONE)
		return emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
	return emit(out, n, HC_KEY_SPECIAL, sp, 0);
}

static size_t ground(struct hc_keydec *d, int in, struct hc_key *out, size_t n);

/* Decode the multibyte character in seq[0..n). On a byte that starts no
 * character, report it and decode the rest again from the next byte. */
static size_t mb_step(struct hc_keydec *d, struct hc_key *out, size_t n,
                      bool paused)
{
	mbstate_t st;
	wchar_t wc;
	size_t r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(&wc, (const char *)d->seq, d->n, &st);
	/* glibc decodes UTF-8 beyond U+10FFFF (F4 90..): not a character. */
	if (r != (size_t)-1 && r != (size_t)-2 &&
	    (wc < 0 || wc > 0x10ffff || (wc >= 0xd800 && wc <= 0xdfff)))
		r = (size_t)-1;
	if (r == (size_t)-2 && !paused && d->n < HC_SEQ_MAX && d->n < 8) {
		d->state = ST_MB;
		return n;
	}
	d->state = ST_GROUND;
	if (r != (size_t)-1 && r != (size_t)-2 && r != 0) {
		/* r < n cannot happen: bytes are added one at a time. */
		d->n = 0;
		return emit_char(d, out, n, wc);
	}
	{
		unsigned char rest[HC_SEQ_MAX];
		size_t k, nrest = d->n - 1;

		memcpy(rest, d->seq + 1, nrest);
		d->n = 0;
		d->alt = false;
		n = emit(out, n, HC_KEY_INVALID, HC_SP_NONE, 0xfffd);
		for (k = 0; k < nrest; k++)
			n = ground(d, rest[k], out, n);
		if (paused && d->state == ST_MB)
			n = mb_step(d, out, n, true);
	}
	return n;
}

static size_t ground(struct hc_keydec *d, int in, struct hc_key *out, size_t n)
{
	unsigned char b = (unsigned char)in;

	if (d->state == ST_MB) {
		d->seq[d->n++] = b;
		return mb_step(d, out, n, false);
	}
	if (b == 0x1b) {
		d->state = ST_ESC;
		return n;
	}
	if (b < 0x80)
		return emit_char(d, out, n, (wchar_t)b);
	if (d->single_byte) {
		wint_t w = btowc(b);

		if (w == WEOF) {
			d->alt = false;
			return emit(out, n, HC_KEY_INVALID, HC_SP_NONE, 0xfffd);
		}
		return emit_char(d, out, n, (wchar_t)w);
	}
	d->n = 0;
	d->seq[d->n++] = b;
	return mb_step(d, out, n, false);
}

size_t hc_keys_feed(struct hc_keydec *d, int in, struct hc_key *out)
{
	size_t n = 0;
	unsigned char b;

	if (in >= HC_IN_KEY) {
		enum hc_special sp = (enum hc_special)(in - HC_IN_KEY);

		/* A key curses decoded ends whatever was half read. */
		if (d->state == ST_ESC)
			n = emit(out, n, HC_KEY_CHAR, HC_SP_NONE, 27);
		else if (d->state == ST_MB)
			n = mb_step(d, out, n, true);
		else if (d->state != ST_GROUND)
			n = emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
		d->state = ST_GROUND;
		d->n = 0;
		d->alt = false;
		return emit(out, n, HC_KEY_SPECIAL, sp, 0);
	}
	if (in == HC_IN_PAUSE) {
		switch (d->state) {
		case ST_ESC:
			d->state = ST_GROUND;
			d->alt = false;
			return emit(out, n, HC_KEY_CHAR, HC_SP_NONE, 27);
		case ST_CSI:
			d->state = ST_GROUND;
			/* ESC [ alone is Alt-[; a cut sequence is dropped. */
			if (d->n == 0 && !d->overlong)
				n = emit(out, n, HC_KEY_ALT, HC_SP_NONE, L'[');
			else
				n = emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
			d->n = 0;
			d->alt = false;
			return n;
		case ST_SS3:
			d->state = ST_GROUND;
			d->alt = false;
			return emit(out, n, HC_KEY_ALT, HC_SP_NONE, L'O');
		case ST_X10:
			d->state = ST_GROUND;
			return emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
		case ST_MB:
			return mb_step(d, out, n, true);
		default:
			return 0;
		}
	}
	if (in < 0 || in > 0xff)
		return 0;
	b = (unsigned char)in;
	switch (d->state) {
	case ST_ESC:
		if (b == '[') {
			d->state = ST_CSI;
			d->n = 0;
			d->overlong = false;
			return 0;
		}
		if (b == 'O') {
			d->state = ST_SS3;
			return 0;
		}
		if (b == 0x1b) {
			/* ESC ESC: the first is the Escape key. */
			d->alt = false;
			return emit(out, n, HC_KEY_CHAR, HC_SP_NONE, 27);
		}
		d->state = ST_GROUND;
		d->alt = true;
		return ground(d, b, out, n);
	case ST_SS3:
		d->state = ST_GROUND;
		return ss3_key(d, b, out, n);
	case ST_X10:
		if (--d->x10 > 0)
			return 0;
		d->state = ST_GROUND;
		return emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
	case ST_CSI:
		if (b >= 0x20 && b <= 0x3f) {
			/* parameter and intermediate bytes */
			if (d->n < HC_SEQ_MAX)
				d->seq[d->n++] = b;
			else
				d->overlong = true;
			return 0;
		}
		if (b >= 0x40 && b <= 0x7e) {
			enum hc_special sp;
			int paste;

			d->state = ST_GROUND;
			d->alt = false;
			if (b == 'M' && d->n == 0 && !d->overlong) {
				/* X10 mouse report: three raw bytes follow. */
				d->state = ST_X10;
				d->x10 = 3;
				return 0;
			}
			sp = csi_key(d, b, &paste);
			d->n = 0;
			if (paste == 1)
				return emit(out, n, HC_KEY_PASTE_BEGIN, HC_SP_NONE, 0);
			if (paste == 2)
				return emit(out, n, HC_KEY_PASTE_END, HC_SP_NONE, 0);
			if (sp == HC_SP_NONE)
				return emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
			return emit(out, n, HC_KEY_SPECIAL, sp, 0);
		}
		/* A byte that cannot be in a sequence: drop the sequence and
		 * take the byte as itself. */
		d->state = ST_GROUND;
		d->n = 0;
		d->alt = false;
		n = emit(out, n, HC_KEY_IGNORED, HC_SP_NONE, 0);
		return ground(d, b, out, n);
	default:
		return ground(d, b, out, n);
	}
}
