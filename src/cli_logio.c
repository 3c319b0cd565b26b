/* cli_logio.c - what --count and --explain share: the entry point, the
 * output sink, cleaned names, messages, opening inputs, JSON strings. */
#include "cli_logio.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "json.h"
#include "text.h"

int hc_cli_log_run(const struct hc_options *o, const struct hc_log_env *env)
{
	return o->mode == HC_MODE_EXPLAIN ? hc_cli_explain_run(o, env) : hc_cli_count_run(o, env);
}

/* ---- output ---- */

bool hc_logio_out_open(struct hc_logio_out *o)
{
	o->buf = NULL;
	o->len = 0;
	o->f = open_memstream(&o->buf, &o->len);
	return o->f != NULL;
}

int hc_logio_out_flush(struct hc_logio_out *o, const char *charset)
{
	size_t n = 0;
	char *conv = NULL;
	int rc = 0;

	if (fclose(o->f) != 0 || !o->buf)
		return -1;
	if (charset) {
		conv = hc_text_to_charset(o->buf, o->len, charset, &n);
		if (!conv)
			rc = -1;
	}
	if (rc == 0 && fwrite(conv ? conv : o->buf, 1, conv ? n : o->len, stdout) != (conv ? n : o->len))
		rc = -1;
	if (fflush(stdout) != 0)
		rc = -1;
	free(conv);
	free(o->buf);
	o->buf = NULL;
	return rc;
}

void hc_logio_put_clean(FILE *f, const char *s, size_t n, int max)
{
	size_t len = 0;
	char *c = hc_text_sanitize(s, n, &len);

	if (!c) {
		fputs("?", f);
		return;
	}
	size_t keep = hc_text_clip(c, len, max, NULL);
	fprintf(f, "%.*s%s", (int)keep, c, keep < len ? "..." : "");
	free(c);
}

void hc_logio_say(const char *name, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	fputs("httpcodes: ", stderr);
	if (name) {
		hc_logio_put_clean(stderr, name, strlen(name), 60);
		if (line)
			fprintf(stderr, ":%" PRIu64, line);
		fputs(": ", stderr);
	}
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- inputs ---- */

const char *hc_logio_input_name(const char *name)
{
	return strcmp(name, "-") == 0 ? "(standard input)" : name;
}

int hc_logio_open(const char *name, struct stat *sb, char *err, size_t errsz)
{
	bool is_stdin = strcmp(name, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	const char *why = NULL;

	if (fd < 0) {
		why = strerror(errno);
	} else if (fstat(fd, sb) != 0) {
		memset(sb, 0, sizeof *sb);      /* read it all the same */
	} else if (S_ISDIR(sb->st_mode)) {
		why = "is a directory";
		hc_logio_close(fd);
		fd = -1;
	}
	if (why) {
		hc_logio_say(hc_logio_input_name(name), 0, "%s", why);
		if (err)
			snprintf(err, errsz, "%s", why);
	}
	return fd;
}

void hc_logio_close(int fd)
{
	if (fd != STDIN_FILENO)
		close(fd);
}

int hc_logio_term_size(int *rows)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		*rows = ws.ws_row;
		return ws.ws_col;
	}
	*rows = 24;
	return 80;
}

/* ---- words ---- */

const char *hc_logio_pick(enum hc_lang lang, const char *en, const char *ko)
{
	return lang == HC_LANG_KO ? ko : en;
}

void hc_logio_entry_name(FILE *f, const struct hc_entry *e, enum hc_lang lang, bool with_en)
{
	switch (lang) {
	case HC_LANG_EN:
		fputs(hc_str(e->phrase_en), f);
		break;
	case HC_LANG_KO:
		fputs(hc_str(e->name_ko), f);
		if (with_en)
			fprintf(f, " (%s)", hc_str(e->phrase_en));
		break;
	case HC_LANG_BOTH:
		fprintf(f, "%s \xc2\xb7 %s", hc_str(e->phrase_en), hc_str(e->name_ko));
		break;
	}
	if (e->vendor)
		fprintf(f, " [%s]", hc_str(e->vendor));
}

const char *hc_logio_class_sgr(int code)
{
	static const char *const sgr[] = { "1;34", "1;32", "1;36", "1;33", "1;31" };
	int k = code / 100 - 1;

	return k >= 0 && k < 5 ? sgr[k] : "1";
}

/* ---- JSON strings ---- */

void hc_logio_json_clean(FILE *out, const char *s, size_t n)
{
	size_t len = 0;
	char *c = hc_text_sanitize(s, n, &len);

	if (c)
		hc_json_strn(out, c, len);
	else
		fputs("null", out);
	free(c);
}

void hc_logio_json_text(FILE *out, const char *s)
{
	if (s)
		hc_json_strn(out, s, strlen(s));
	else
		fputs("null", out);
}
