/* fuzz_keys.c - libFuzzer target for the key decoder (src/tui/keys.c).
 *
 * Input: first byte picks the mode (bit 0: a single-byte locale, ISO-8859-1
 * style); then bytes fed one by one, except that 0xff followed by k feeds a
 * pause (k < 0x80) or a key curses decoded (HC_IN_KEY + k % the key count).
 * Invariants: at most HC_KEYS_MAX events a feed, every event well formed
 * (valid code points), no sequence half read after a pause, no more text
 * events than bytes, and plain ASCII without ESC comes out unchanged. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		abort();
	return 0;
}

static void check(const struct hc_key *ev, size_t n)
{
	size_t i;

	if (n > HC_KEYS_MAX)
		abort();
	for (i = 0; i < n; i++) {
		const struct hc_key *e = &ev[i];

		if ((unsigned)e->kind > HC_KEY_IGNORED)
			abort();
		if ((e->kind == HC_KEY_CHAR || e->kind == HC_KEY_ALT) &&
		    (e->c < 0 || e->c > 0x10ffff || (e->c >= 0xd800 && e->c <= 0xdfff)))
			abort();
		if (e->kind == HC_KEY_SPECIAL && (unsigned)e->sp > HC_SP_OTHER)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hc_keydec d;
	struct hc_key ev[HC_KEYS_MAX];
	size_t i, n, bytes = 0, text = 0, out = 0;
	bool plain = true;
	char echo[4096];

	if (size == 0)
		return 0;
	hc_keys_init(&d, data[0] & 1);
	for (i = 1; i < size; i++) {
		int in = data[i];
		size_t k;

		if (data[i] == 0xff && i + 1 < size) {
			uint8_t arg = data[++i];

			in = arg < 0x80 ? HC_IN_PAUSE : HC_IN_KEY + arg % (HC_SP_OTHER + 1);
			plain = false;
		} else {
			bytes++;
			if (in == 0x1b || in >= 0x80)
				plain = false;
		}
		n = hc_keys_feed(&d, in, ev);
		check(ev, n);
		if (in == HC_IN_PAUSE && hc_keys_pending(&d))
			abort();
		for (k = 0; k < n; k++) {
			if (ev[k].kind == HC_KEY_CHAR || ev[k].kind == HC_KEY_ALT ||
			    ev[k].kind == HC_KEY_INVALID)
				text++;
			if (ev[k].kind == HC_KEY_CHAR && out < sizeof echo)
				echo[out++] = (char)ev[k].c;
		}
	}
	n = hc_keys_feed(&d, HC_IN_PAUSE, ev);
	check(ev, n);
	if (hc_keys_pending(&d))
		abort();
	for (i = 0; i < n; i++)
		if (ev[i].kind == HC_KEY_CHAR || ev[i].kind == HC_KEY_ALT ||
		    ev[i].kind == HC_KEY_INVALID)
			text++;
	if (text > bytes)
		abort();
	if (plain && size - 1 <= sizeof echo &&
	    (out != size - 1 || memcmp(echo, data + 1, out) != 0))
		abort();
	return 0;
}
