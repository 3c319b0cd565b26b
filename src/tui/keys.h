/*
 * keys.h - turning what the terminal sends into key events. No curses here:
 * a pure state machine, fed one input at a time, so that it can be unit
 * tested and fuzzed on byte strings.
 *
 * Inputs are bytes (0..255), keys that curses already decoded from its
 * terminfo entry (given as HC_IN_KEY + enum hc_special), and HC_IN_PAUSE
 * (nothing more arrived within the escape delay). What it does with them:
 *   - bytes are decoded into characters in the locale's charset (mbrtowc);
 *     a byte that starts no character becomes U+FFFD (HC_KEY_INVALID) and
 *     decoding starts again at the byte after it;
 *   - ESC followed by a pause is the Escape key; ESC followed by a character
 *     is that character with Alt (HC_KEY_ALT): Alt-q never types "q";
 *   - CSI (ESC [) and SS3 (ESC O) sequences are parsed whole. The ones that
 *     terminfo entries often lack are recognised: Home \e[1~ \e[7~ \e[H \eOH,
 *     End \e[4~ \e[8~ \e[F \eOF, Insert \e[2~, Delete \e[3~, PgUp \e[5~,
 *     PgDn \e[6~, arrows (with or without modifiers), Shift-Tab \e[Z, and the
 *     bracketed-paste markers \e[200~ / \e[201~. Every other complete or cut
 *     sequence (mouse reports curses did not take, focus events, F-keys...)
 *     is swallowed as HC_KEY_IGNORED: none of its bytes reach the search box.
 */
#ifndef HC_TUI_KEYS_H
#define HC_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum hc_special {
	HC_SP_NONE,
	HC_SP_UP, HC_SP_DOWN, HC_SP_LEFT, HC_SP_RIGHT,
	HC_SP_HOME, HC_SP_END, HC_SP_PGUP, HC_SP_PGDN,
	HC_SP_INSERT, HC_SP_DELETE, HC_SP_BACKSPACE, HC_SP_ENTER, HC_SP_BTAB,
	HC_SP_RESIZE, HC_SP_MOUSE,
	HC_SP_OTHER,            /* a key curses knows and we do not use */
};

enum hc_key_kind {
	HC_KEY_CHAR,            /* c: a character (controls included, ESC = 27) */
	HC_KEY_ALT,             /* c: a character typed with Alt (ESC + c) */
	HC_KEY_SPECIAL,         /* sp: a named key */
	HC_KEY_INVALID,         /* a byte that starts no character (U+FFFD) */
	HC_KEY_PASTE_BEGIN,     /* \e[200~ */
	HC_KEY_PASTE_END,       /* \e[201~ */
	HC_KEY_IGNORED,         /* a sequence recognised and thrown away */
};

struct hc_key {
	enum hc_key_kind kind;
	enum hc_special sp;
	wchar_t c;
};

/* Inputs other than bytes. */
#define HC_IN_PAUSE (-1)
#define HC_IN_KEY 0x10000      /* HC_IN_KEY + enum hc_special */

/* A sequence longer than this is cut off and ignored. */
#define HC_SEQ_MAX 32
/* Most events one input can give. */
#define HC_KEYS_MAX 24

struct hc_keydec {
	int state;
	bool single_byte;       /* the locale's charset has one byte a char */
	bool alt;               /* the character being decoded had an ESC */
	unsigned char seq[HC_SEQ_MAX];  /* CSI parameters, or a multibyte char */
	size_t n;
	bool overlong;          /* the CSI sequence ran past HC_SEQ_MAX */
	int x10;                /* bytes of an X10 mouse report still to skip */
};

/* Start decoding; single_byte is MB_CUR_MAX == 1 in the current locale. */
void hc_keys_init(struct hc_keydec *d, bool single_byte);

/* Feed one input; writes the events it completes into out (at most
 * HC_KEYS_MAX) and returns how many. */
size_t hc_keys_feed(struct hc_keydec *d, int in, struct hc_key *out);

/* True while a sequence or a character is half read (the caller should wait
 * briefly for more before treating the input as paused). */
bool hc_keys_pending(const struct hc_keydec *d);

#endif
