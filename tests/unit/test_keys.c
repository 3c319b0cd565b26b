/* test_keys.c - the key decoder (src/tui/keys.c) on byte strings: what each
 * sequence a terminal sends becomes, and that nothing of a refused sequence
 * ever comes out as a character. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keys.h"

/* Feed s (then a pause when pause is true) and describe the events:
 * "a" a character, "A-q" Alt+q, "^[" a control character, "<home>" a key,
 * "?" an invalid byte, "[paste" / "paste]" the markers, "~" ignored. */
static const char *decode(const char *s, size_t n, bool pause)
{
	static char out[1024];
	static const char *const names[] = {
		"none", "up", "down", "left", "right", "home", "end", "pgup",
		"pgdn", "ins", "del", "bs", "enter", "btab", "resize", "mouse",
		"other",
	};
	struct hc_keydec d;
	struct hc_key ev[HC_KEYS_MAX];
	size_t i, o = 0;

	hc_keys_init(&d, MB_CUR_MAX == 1);
	out[0] = '\0';
	for (i = 0; i <= n; i++) {
		size_t k, m;

		if (i == n && !pause)
			break;
		m = hc_keys_feed(&d, i < n ? (unsigned char)s[i] : HC_IN_PAUSE, ev);
		for (k = 0; k < m && o + 16 < sizeof out; k++) {
			const struct hc_key *e = &ev[k];
			int w = 0;

			if (o)
				out[o++] = ' ';
			switch (e->kind) {
			case HC_KEY_CHAR:
				if (e->c < 0x20)
					w = snprintf(out + o, sizeof out - o, "^%c", (char)(e->c + 0x40));
				else
					w = snprintf(out + o, sizeof out - o, "%lc", (wint_t)e->c);
				break;
			case HC_KEY_ALT:
				w = snprintf(out + o, sizeof out - o, "A-%lc", (wint_t)e->c);
				break;
			case HC_KEY_SPECIAL:
				w = snprintf(out + o, sizeof out - o, "<%s>", names[e->sp]);
				break;
			case HC_KEY_INVALID: w = snprintf(out + o, sizeof out - o, "?"); break;
			case HC_KEY_PASTE_BEGIN: w = snprintf(out + o, sizeof out - o, "[paste"); break;
			case HC_KEY_PASTE_END: w = snprintf(out + o, sizeof out - o, "paste]"); break;
			case HC_KEY_IGNORED: w = snprintf(out + o, sizeof out - o, "~"); break;
			}
			o += (size_t)w;
		}
	}
	return out;
}

#define D(lit) decode(lit, sizeof lit - 1, true)

static void test_plain(void **state)
{
	(void)state;
	assert_string_equal(D("ab"), "a b");
	assert_string_equal(D("q\r\x7f\t"), "q ^M \x7f ^I");
	assert_string_equal(D("찾"), "찾");
	assert_string_equal(D(""), "");
}

static void test_escape_and_alt(void **state)
{
	(void)state;
	/* ESC then a pause is the Escape key. */
	assert_string_equal(D("\x1b"), "^[");
	/* ESC with a key right after is Alt+key: Alt-q, Alt-b never type. */
	assert_string_equal(D("\x1bq"), "A-q");
	assert_string_equal(D("\x1b" "b"), "A-b");
	assert_string_equal(D("\x1b찾"), "A-찾");
	assert_string_equal(D("\x1b\x1b"), "^[ ^[");
	assert_string_equal(D("\x1b["), "A-[");
	assert_string_equal(D("\x1bO"), "A-O");
	/* Not paused: nothing yet. */
	assert_string_equal(decode("\x1b", 1, false), "");
}

static void test_home_end(void **state)
{
	(void)state;
	/* What tmux and others send when terminfo says otherwise. */
	assert_string_equal(D("\x1b[1~"), "<home>");
	assert_string_equal(D("\x1b[4~"), "<end>");
	assert_string_equal(D("\x1b[7~"), "<home>");
	assert_string_equal(D("\x1b[8~"), "<end>");
	assert_string_equal(D("\x1bOH"), "<home>");
	assert_string_equal(D("\x1bOF"), "<end>");
	assert_string_equal(D("\x1b[H"), "<home>");
	assert_string_equal(D("\x1b[F"), "<end>");
	assert_string_equal(D("\x1b[1;5H"), "<home>");
	assert_string_equal(D("\x1b[2~\x1b[3~\x1b[5~\x1b[6~"), "<ins> <del> <pgup> <pgdn>");
	assert_string_equal(D("\x1b[A\x1bOB\x1b[1;2C\x1b[D"), "<up> <down> <right> <left>");
	assert_string_equal(D("\x1b[Z"), "<btab>");
	assert_string_equal(D("\x1bOM"), "^M");
}

static void test_refused_sequences(void **state)
{
	(void)state;
	/* Complete but unknown: swallowed whole, never text. */
	assert_string_equal(D("a\x1b[2Jb"), "a ~ b");
	assert_string_equal(D("\x1b[15~"), "~");          /* F5 */
	assert_string_equal(D("\x1b[<0;3;4M"), "~");      /* SGR mouse */
	assert_string_equal(D("\x1b[M !!x"), "~ x");      /* X10 mouse */
	assert_string_equal(D("\x1b[I\x1b[O"), "~ ~");    /* focus in/out */
	assert_string_equal(D("\x1bOP"), "~");            /* F1 */
	assert_string_equal(D("\x1b[1;2Q"), "~");
	/* Cut off by a pause or a byte that cannot be in a sequence. */
	assert_string_equal(D("\x1b[12"), "~");
	assert_string_equal(D("\x1b[1\x01"), "~ ^A");
	assert_string_equal(D("\x1b[1\x1bq"), "~ A-q");
	/* Too long: ignored, then the next key is fine. */
	assert_string_equal(D("\x1b[11111111111111111111111111111111111111111~x"), "~ x");
}

static void test_paste(void **state)
{
	(void)state;
	assert_string_equal(D("\x1b[200~q 1\x1b[201~"), "[paste q   1 paste]");
	/* The markers never come out as text, even half sent. */
	assert_string_equal(D("\x1b[200"), "~");
	assert_string_equal(D("201~"), "2 0 1 ~");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Each byte that starts no character is refused alone; the keys after
	 * it are kept (decoding starts again at the next byte). */
	assert_string_equal(D("4\xff\xfe\xc0\xaf" "04"), "4 ? ? ? ? 0 4");
	assert_string_equal(D("\xed\xa0\x80" "x"), "? ? ? x");   /* a surrogate */
	assert_string_equal(D("\xe2\x82" "x"), "? ? x");
	assert_string_equal(D("\xc3"), "?");                     /* cut by a pause */
	assert_string_equal(D("\xf4\x90\x80\x80" "x"), "? ? ? ? x"); /* beyond U+10FFFF */
	assert_string_equal(D("\xe2\x82\x1bq"), "? ? A-q");
	assert_string_equal(decode("\xe2\x82", 2, false), "");  /* still waiting */
}

static void test_curses_keys(void **state)
{
	struct hc_keydec d;
	struct hc_key ev[HC_KEYS_MAX];
	size_t n;

	(void)state;
	hc_keys_init(&d, false);
	n = hc_keys_feed(&d, HC_IN_KEY + HC_SP_UP, ev);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].kind, HC_KEY_SPECIAL);
	assert_int_equal(ev[0].sp, HC_SP_UP);
	/* A decoded key after a lone ESC: the Escape key, then the key. */
	assert_int_equal(hc_keys_feed(&d, 0x1b, ev), 0);
	assert_true(hc_keys_pending(&d));
	n = hc_keys_feed(&d, HC_IN_KEY + HC_SP_RESIZE, ev);
	assert_int_equal(n, 2);
	assert_int_equal(ev[0].kind, HC_KEY_CHAR);
	assert_int_equal(ev[0].c, 27);
	assert_int_equal(ev[1].sp, HC_SP_RESIZE);
	assert_false(hc_keys_pending(&d));
	/* Out-of-range input is dropped. */
	assert_int_equal(hc_keys_feed(&d, -7, ev), 0);
	assert_int_equal(hc_keys_feed(&d, 0x1ff, ev), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_escape_and_alt),
		cmocka_unit_test(test_home_end),
		cmocka_unit_test(test_refused_sequences),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_curses_keys),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
