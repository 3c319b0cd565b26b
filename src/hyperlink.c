/* hyperlink.c - OSC 8: the terminal guess and the sequence. See hyperlink.h. */
#include "hyperlink.h"

#include <stdlib.h>
#include <string.h>

static bool set(const char *v)
{
	return v && *v;
}

static bool eq(const char *v, const char *s)
{
	return v && strcmp(v, s) == 0;
}

static bool starts(const char *v, const char *s)
{
	return v && strncmp(v, s, strlen(s)) == 0;
}

/* "3.4" >= major.minor? (tmux: "3.3a", "3.4", "next-3.5") */
static bool version_at_least(const char *v, long major, long minor)
{
	char *end;
	long a, b = 0;

	if (!v)
		return false;
	if (starts(v, "next-"))
		v += 5;
	a = strtol(v, &end, 10);
	if (end == v)
		return false;
	if (*end == '.')
		b = strtol(end + 1, NULL, 10);
	return a > major || (a == major && b >= minor);
}

bool hc_hyperlinks_supported(hc_getenv_fn env)
{
	const char *force = env("HTTPCODES_HYPERLINKS");
	const char *term = env("TERM"), *prog = env("TERM_PROGRAM");

	if (eq(force, "1") || eq(force, "yes"))
		return true;
	if (set(force))
		return false;
	if (!set(term) || eq(term, "dumb") || starts(term, "linux") || starts(term, "vt"))
		return false;
	/* A multiplexer sits between: it must pass the sequence on. */
	if (set(env("TMUX")) || starts(term, "tmux"))
		return eq(prog, "tmux") && version_at_least(env("TERM_PROGRAM_VERSION"), 3, 4);
	if (starts(term, "screen") || set(env("STY")))
		return false;
	if (set(env("VTE_VERSION")))
		return atol(env("VTE_VERSION")) >= 5000;
	if (starts(term, "xterm-kitty") || set(env("KITTY_WINDOW_ID")))
		return true;
	if (starts(term, "foot") || starts(term, "alacritty") || starts(term, "xterm-ghostty") ||
	    starts(term, "wezterm"))
		return true;
	if (eq(prog, "iTerm.app") || eq(prog, "WezTerm") || eq(prog, "vscode") ||
	    eq(prog, "ghostty"))
		return true;
	if (set(env("WT_SESSION")) || set(env("KONSOLE_VERSION")))
		return true;
	return false;
}

size_t hc_hyperlink_wrap(char *buf, size_t cap, const char *url, size_t url_len,
                         const char *text, size_t text_len)
{
	static const char open[] = "\033]8;;", st[] = "\033\\";
	size_t n = 0;

	if (cap < sizeof open + 2 * sizeof st + sizeof open + url_len + text_len + 1)
		return 0;
	memcpy(buf, open, sizeof open - 1);
	n = sizeof open - 1;
	for (size_t i = 0; i < url_len; i++)
		if ((unsigned char)url[i] > 0x20 && (unsigned char)url[i] < 0x7f)
			buf[n++] = url[i];
	memcpy(buf + n, st, 2);
	n += 2;
	memcpy(buf + n, text, text_len);
	n += text_len;
	memcpy(buf + n, open, sizeof open - 1);
	n += sizeof open - 1;
	memcpy(buf + n, st, 2);
	n += 2;
	buf[n] = '\0';
	return n;
}
