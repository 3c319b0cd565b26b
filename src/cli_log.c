/* cli_log.c - --count and --explain: reading logs and responses, printing. */
#include "cli_log.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "logcount.h"
#include "logfmt.h"
#include "logscan.h"
#include "response.h"
#include "text.h"

/* Problem lines quoted on stderr per file; the rest are summed up. */
#define PROBLEMS_SHOWN 3
/* Below this a second thread costs more than it saves. */
#define PARALLEL_MIN (32 << 20)
#define FILTERS_MAX 32

static volatile sig_atomic_t stop_flag;

static void on_stop(int sig)
{
	stop_flag = sig;
}

/* ---- output ---- */

struct out {
	FILE *f;
	char *buf;
	size_t len;
};

static bool out_open(struct out *o)
{
	o->buf = NULL;
	o->len = 0;
	o->f = open_memstream(&o->buf, &o->len);
	return o->f != NULL;
}

/* Write what was gathered: converted to the charset, or as is (machine
 * formats). */
static int out_flush(struct out *o, const char *charset)
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

/* A name from outside (a file name, a header value) cleaned for a terminal
 * and cut to `max` cells. */
static void put_clean(FILE *f, const char *s, size_t n, int max)
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

/* A file name for a message on stderr (cleaned, cut). */
static void say(const char *name, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(const char *name, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	fputs("httpcodes: ", stderr);
	if (name) {
		put_clean(stderr, name, strlen(name), 60);
		if (line)
			fprintf(stderr, ":%" PRIu64, line);
		fputs(": ", stderr);
	}
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A JSON string, ASCII only (\uXXXX), from text already valid UTF-8. */
static void json_str(FILE *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	fputc('"', out);
	while (p < end) {
		unsigned cp = *p;
		int extra = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;

		if (extra)
			cp &= 0x3fu >> extra;
		p++;
		for (int i = 0; i < extra && p < end && (*p & 0xc0) == 0x80; i++)
			cp = cp << 6 | (*p++ & 0x3fu);
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (cp >= 0x20 && cp < 0x7f)
			fputc((int)cp, out);
		else if (cp >= 0x10000)
			fprintf(out, "\\u%04x\\u%04x", 0xd800 + ((cp - 0x10000) >> 10),
			        0xdc00 + ((cp - 0x10000) & 0x3ff));
		else
			fprintf(out, "\\u%04x", cp);
	}
	fputc('"', out);
}

/* Outside bytes as a JSON string: cleaned first (invalid UTF-8 and control
 * characters become U+FFFD). */
static void json_clean(FILE *out, const char *s, size_t n)
{
	size_t len = 0;
	char *c = hc_text_sanitize(s, n, &len);

	if (c)
		json_str(out, c, len);
	else
		fputs("null", out);
	free(c);
}

static void json_cstr(FILE *out, const char *s)
{
	if (s)
		json_str(out, s, strlen(s));
	else
		fputs("null", out);
}

/* "12,345" */
static const char *grouped(uint64_t v, char buf[32])
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%" PRIu64, v), k = 0;

	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = tmp[i];
	}
	buf[k] = '\0';
	return buf;
}

static const char *class_sgr(int code)
{
	static const char *const sgr[] = { "1;34", "1;32", "1;36", "1;33", "1;31" };
	int k = code / 100 - 1;

	return k >= 0 && k < 5 ? sgr[k] : "1";
}

static const char *pick(enum hc_lang lang, const char *en, const char *ko)
{
	return lang == HC_LANG_KO ? ko : en;
}

/* Servers that write access logs: their meaning of a code comes first in a
 * log's table (a 499 in a log is nginx's far more often than Esri's). */
static bool log_vendor(const char *v)
{
	static const char *const servers[] = {
		"nginx", "AWS ELB", "Microsoft IIS", "Apache HTTP Server", "Cloudflare",
	};

	for (size_t i = 0; v && i < sizeof servers / sizeof servers[0]; i++)
		if (strcmp(v, servers[i]) == 0)
			return true;
	return false;
}

/* The names of a code in the chosen language, vendors labelled:
 * "Client Closed Request [nginx] / Token Required [Esri ArcGIS]". A
 * registered meaning alone when there is one. */
static void code_names(FILE *f, int code, enum hc_lang lang)
{
	size_t first, n = hc_catalog_find_code(code, &first), shown = 0;
	const struct hc_entry *all = hc_catalog_entries();

	if (n == 0) {
		fputs(pick(lang, "(not in the table)", "(표에 없는 코드)"), f);
		return;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			const struct hc_entry *e = &all[first + i];

			if (!e->vendor && shown)
				continue;
			if (e->vendor && (pass == 0) != log_vendor(e->vendor))
				continue;
			if (!e->vendor && pass == 1)
				continue;
			if (shown++)
				fputs(" / ", f);
			switch (lang) {
			case HC_LANG_EN:
				fputs(e->phrase_en, f);
				break;
			case HC_LANG_KO:
				fputs(e->name_ko, f);
				break;
			case HC_LANG_BOTH:
				fprintf(f, "%s \xc2\xb7 %s", e->phrase_en, e->name_ko);
				break;
			}
			if (e->vendor)
				fprintf(f, " [%s]", e->vendor);
			else
				return;
		}
	}
}

/* ---- --count ---- */

struct problem {
	uint64_t line;
	enum hc_line_kind kind;
	enum hc_logfmt fmt;
	char field[24];
};

struct worker {
	int fd;
	struct hc_scan_opts so;
	struct hc_logfmt_state st;
	struct hc_logcount c;
	struct problem probs[PROBLEMS_SHOWN];
	unsigned nprobs;
	uint64_t lines;         /* line number reached */
	bool failed, gzip, oom;
	char err[160];
	struct live *live;      /* running table, or NULL */
};

struct view {
	enum hc_lang lang;
	bool color, utf8;
	int width;
	struct hc_pattern filters[FILTERS_MAX];
	size_t nfilters;
	const char *charset;
};

struct live {
	const struct view *v;
	const struct hc_logcount *before;       /* the files already read */
	struct timespec last;
	int height;             /* lines drawn last time */
	int rows;
};

static bool wanted(const struct view *v, int code)
{
	if (v->nfilters == 0)
		return true;
	for (size_t i = 0; i < v->nfilters; i++)
		if (hc_pattern_match(&v->filters[i], code))
			return true;
	return false;
}

static bool class_wanted(const struct view *v, int digit)
{
	for (int c = digit * 100; c < digit * 100 + 100; c++)
		if (wanted(v, c))
			return true;
	return false;
}

static void record(struct worker *w, uint64_t line_no, const struct hc_logline *l,
                   const char *line, size_t n)
{
	struct problem *p;
	size_t k = 0;

	if (w->nprobs >= PROBLEMS_SHOWN)
		return;
	p = &w->probs[w->nprobs++];
	p->line = line_no;
	p->kind = l->kind;
	p->fmt = l->fmt;
	if (l->kind == HC_LINE_BAD_STATUS) {
		k = l->field_len < sizeof p->field - 1 ? l->field_len : sizeof p->field - 1;
		if (l->field_off + k <= n)
			memcpy(p->field, line + l->field_off, k);
	}
	p->field[k] = '\0';
}

static void draw_live(struct live *lv, const struct hc_logcount *now, bool final);

static double since(const struct timespec *a)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - a->tv_sec) + (double)(t.tv_nsec - a->tv_nsec) / 1e9;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct hc_scan *s = hc_scan_new(w->fd, &w->so);
	struct hc_logline l;
	const char *line;
	size_t n;
	unsigned tick = 0;

	if (!s) {
		w->oom = true;
		return NULL;
	}
	for (;;) {
		enum hc_scan_result r = hc_scan_next(s, &line, &n);

		if (r == HC_SCAN_LINE) {
			hc_logfmt_line(&w->st, line, n, &l);
			hc_logcount_add(&w->c, &l, w->st.fmt, line, n);
			if (l.kind == HC_LINE_BAD_STATUS || l.kind == HC_LINE_UNKNOWN)
				record(w, hc_scan_line_no(s), &l, line, n);
			/* a busy log never goes quiet: look at the clock now and then */
			if (w->live && ++tick % 1024 == 0 && since(&w->live->last) >= 1.0)
				draw_live(w->live, &w->c, false);
			continue;
		}
		if (r == HC_SCAN_IDLE) {
			if (stop_flag)
				break;
			if (w->live && since(&w->live->last) >= 1.0)
				draw_live(w->live, &w->c, false);
			continue;
		}
		if (r == HC_SCAN_ERROR) {
			w->failed = true;
			snprintf(w->err, sizeof w->err, "%s", hc_scan_error(s));
		}
		break;
	}
	w->lines = hc_scan_line_no(s);
	w->gzip = hc_scan_is_gzip(s);
	hc_logcount_add_long(&w->c, hc_scan_long_lines(s));
	hc_scan_free(s);
	return NULL;
}

static const char *kind_text(const struct problem *p)
{
	switch (p->kind) {
	case HC_LINE_BAD_STATUS:
		return "is not an HTTP status code";
	case HC_LINE_UNKNOWN:
		if (p->fmt == HC_FMT_JSON)
			return "a JSON line with no status key";
		if (p->fmt == HC_FMT_W3C)
			return "the #Fields line names no sc-status";
		return "no known log format";
	default:
		return "";
	}
}

static void report_problems(const char *name, const struct worker *w, uint64_t line_base,
                            unsigned *shown)
{
	for (unsigned i = 0; i < w->nprobs && *shown < PROBLEMS_SHOWN; i++, (*shown)++) {
		const struct problem *p = &w->probs[i];

		if (p->kind == HC_LINE_BAD_STATUS) {
			fputs("httpcodes: ", stderr);
			put_clean(stderr, name, strlen(name), 60);
			fprintf(stderr, ":%" PRIu64 ": status '", p->line + line_base);
			put_clean(stderr, p->field, strlen(p->field), 20);
			fprintf(stderr, "' %s (100-599)\n", kind_text(p));
		} else {
			say(name, p->line + line_base, "cannot read this line: %s", kind_text(p));
		}
	}
}

/* The format settled by the first lines of a plain regular file, or
 * HC_FMT_UNKNOWN when they are gzip or settle none. */
static enum hc_logfmt sniff_format(int fd, enum hc_logfmt forced)
{
	static char buf[64 * 1024];
	ssize_t n = pread(fd, buf, sizeof buf, 0);
	struct hc_logfmt_state st;
	struct hc_logline l;
	const char *p = buf, *end;

	if (n < 2 || ((unsigned char)buf[0] == 0x1f && (unsigned char)buf[1] == 0x8b))
		return HC_FMT_UNKNOWN;
	hc_logfmt_init(&st, forced);
	end = buf + n;
	for (int k = 0; k < 64 && p < end && st.fmt == HC_FMT_UNKNOWN; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			break;
		hc_logfmt_line(&st, p, (size_t)(nl - p), &l);
		p = nl + 1;
	}
	return st.fmt;
}

struct file_stat {
	const char *name;
	enum hc_logfmt fmt;
	bool gzip, ok;
	uint64_t lines;
	char err[160];
};

/* Count one file (fd) into *total. Returns false when it could not be
 * read at all. */
static bool count_fd(int fd, const char *name, enum hc_logfmt forced, struct live *live,
                     struct hc_logcount *total, struct file_stat *fs)
{
	struct stat sb;
	struct worker w[2];
	int nw = 1;
	uint64_t not_read;

	memset(w, 0, sizeof w);
	for (int i = 0; i < 2; i++) {
		w[i].fd = fd;
		hc_logfmt_init(&w[i].st, forced);
		hc_logcount_init(&w[i].c, 0);
	}
	w[0].live = live;
	if (live)
		w[0].so.wait_ms = 250;
	/* Two threads on a big plain file in a stateless format: each reads
	 * half with pread. W3C is stateful (#Fields) and stays on one. */
	if (!live && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= PARALLEL_MIN &&
	    sysconf(_SC_NPROCESSORS_ONLN) > 1) {
		enum hc_logfmt f = sniff_format(fd, forced);

		if (f != HC_FMT_UNKNOWN && f != HC_FMT_W3C) {
			nw = 2;
			w[0].so = (struct hc_scan_opts){ .ranged = true, .start = 0,
			                                 .end = sb.st_size / 2 };
			w[1].so = (struct hc_scan_opts){ .ranged = true, .start = sb.st_size / 2 };
			w[0].st.fmt = f;
			w[1].st.fmt = f;
		}
	}
	if (nw == 2) {
		pthread_t t;

		if (pthread_create(&t, NULL, work, &w[1]) != 0) {
			/* one thread then: the first reads it all */
			nw = 1;
			w[0].so.end = 0;
		}
		work(&w[0]);
		if (nw == 2)
			pthread_join(t, NULL);
	} else {
		work(&w[0]);
	}

	fs->fmt = w[0].st.fmt != HC_FMT_UNKNOWN ? w[0].st.fmt : w[nw - 1].st.fmt;
	fs->gzip = w[0].gzip;
	fs->lines = w[0].lines + (nw == 2 ? w[1].lines : 0);
	fs->ok = true;
	if (w[0].oom || w[nw - 1].oom) {
		say(name, 0, "out of memory");
		fs->ok = false;
	}
	unsigned shown = 0;
	for (int i = 0; i < nw; i++)
		report_problems(name, &w[i], i ? w[0].lines : 0, &shown);
	not_read = 0;
	for (int i = 0; i < nw; i++) {
		hc_logcount_merge(total, &w[i].c);
		not_read += hc_logcount_not_read(&w[i].c);
	}
	uint64_t long_lines = w[0].c.long_lines + (nw == 2 ? w[1].c.long_lines : 0);
	if (long_lines)
		say(name, 0, "%" PRIu64 " line%s longer than %d KiB skipped", long_lines,
		    long_lines == 1 ? "" : "s", HC_SCAN_LINE_MAX / 1024);
	if (not_read > shown + long_lines)
		say(name, 0, "%" PRIu64 " more line%s not read", not_read - shown - long_lines,
		    not_read - shown - long_lines == 1 ? "" : "s");
	for (int i = 0; i < nw; i++) {
		if (w[i].failed) {
			snprintf(fs->err, sizeof fs->err, "%s", w[i].err);
			if (fs->lines)
				say(name, fs->lines + 1, "%s; the lines before were counted", w[i].err);
			else
				say(name, 0, "%s", w[i].err);
			if (fs->lines == 0)
				fs->ok = false;
		}
		hc_logcount_free(&w[i].c);
	}
	return fs->ok;
}

static void bar(FILE *f, const struct view *v, uint64_t n, uint64_t max, int width)
{
	static const char *const eighths[] = {
		"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
		"\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89",
	};
	uint64_t units = max ? (n * (uint64_t)width * 8 + max / 2) / max : 0;

	if (n > 0 && units == 0)
		units = 1;      /* never hide a code that is there */
	if (!v->utf8) {
		for (uint64_t i = 0; i < (units + 7) / 8; i++)
			fputc('#', f);
		return;
	}
	for (uint64_t i = 0; i < units / 8; i++)
		fputs("\xe2\x96\x88", f);
	fputs(eighths[units % 8], f);
}

/* A name cut and padded to `w` cells. */
static void name_cell(FILE *f, const char *s, size_t n, int w)
{
	int used = 0;
	size_t keep = hc_text_clip(s, n, w, &used);

	if (keep < n) {
		keep = hc_text_clip(s, n, w - 1, &used);
		fwrite(s, 1, keep, f);
		fputs("\xe2\x80\xa6", f);
		used++;
	} else {
		fwrite(s, 1, keep, f);
	}
	for (; used < w; used++)
		fputc(' ', f);
}

static const char *share(uint64_t n, uint64_t total, char buf[16])
{
	snprintf(buf, 16, "%5.1f%%", total ? 100.0 * (double)n / (double)total : 0.0);
	return buf;
}

static void render_table(FILE *f, const struct view *v, const struct hc_logcount *c,
                         const struct file_stat *files, size_t nfiles)
{
	uint64_t denom = c->counted + c->no_status, max = 0;
	char nb[32], sb[16];
	int cw = 5, bw, nw;

	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++)
		if (wanted(v, i) && c->code[i] > max)
			max = c->code[i];
	cw = (int)strlen(grouped(c->lines, nb));
	if (cw < 5)
		cw = 5;
	bw = v->width >= 100 ? 24 : v->width >= 80 ? 16 : 8;
	nw = v->width - (2 + 3 + 1) - 1 - cw - 1 - 6 - 2 - bw;
	if (nw > 50)
		nw = 50;
	if (nw < 12)
		nw = 12;

	for (size_t i = 0; i < nfiles; i++) {
		if (!files[i].ok && !files[i].lines)
			continue;
		put_clean(f, files[i].name, strlen(files[i].name), 50);
		fprintf(f, ": %s%s, %s%s\n", hc_logfmt_name(files[i].fmt), files[i].gzip ? " (gzip)" : "",
		        grouped(files[i].lines, nb), pick(v->lang, " lines", "줄"));
	}
	/* headings padded by cells: Korean ones are two cells a character */
	const char *hcode = pick(v->lang, "CODE", "코드"), *hname = pick(v->lang, "NAME", "이름");
	const char *hcount = pick(v->lang, "COUNT", "건수"), *hshare = pick(v->lang, "SHARE", "비율");
	name_cell(f, hcode, strlen(hcode), 6);
	name_cell(f, hname, strlen(hname), nw);
	fprintf(f, " %*s%s %*s%s\n", cw - hc_text_width(hcount, strlen(hcount)), "", hcount,
	        6 - hc_text_width(hshare, strlen(hshare)), "", hshare);

	for (int d = 1; d <= 5; d++) {
		uint64_t sum = 0;

		if (!class_wanted(v, d))
			continue;
		for (int i = d * 100; i < d * 100 + 100; i++)
			if (wanted(v, i))
				sum += c->code[i];
		if (sum == 0)
			continue;
		const struct hc_class *k = hc_catalog_class(d);
		char *name = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&name, &len);

		if (m) {
			if (v->lang == HC_LANG_BOTH)
				fprintf(m, "%s \xc2\xb7 %s", k->name_en, k->name_ko);
			else
				fputs(pick(v->lang, k->name_en, k->name_ko), m);
			fclose(m);
		}
		if (v->color)
			fprintf(f, "\033[%sm%dxx\033[0m   ", class_sgr(d * 100), d);
		else
			fprintf(f, "%dxx   ", d);
		if (v->color)
			fputs("\033[1m", f);
		name_cell(f, name ? name : "", name ? len : 0, nw);
		if (v->color)
			fputs("\033[0m", f);
		free(name);
		fprintf(f, " %*s %s\n", cw, grouped(sum, nb), share(sum, denom, sb));
		for (int i = d * 100; i < d * 100 + 100; i++) {
			if (!c->code[i] || !wanted(v, i))
				continue;
			name = NULL;
			len = 0;
			m = open_memstream(&name, &len);
			if (m) {
				code_names(m, i, v->lang);
				fclose(m);
			}
			if (v->color)
				fprintf(f, "  \033[%sm%d\033[0m ", class_sgr(i), i);
			else
				fprintf(f, "  %d ", i);
			name_cell(f, name ? name : "", name ? len : 0, nw);
			free(name);
			fprintf(f, " %*s %s  ", cw, grouped(c->code[i], nb), share(c->code[i], denom, sb));
			bar(f, v, c->code[i], max, bw);
			fputc('\n', f);
		}
	}
	if (c->no_status && v->nfilters == 0) {
		fputs("-     ", f);
		const char *t = pick(v->lang, "no response sent (-, 000)", "응답 없음 (-, 000)");
		name_cell(f, t, strlen(t), nw);
		fprintf(f, " %*s %s\n", cw, grouped(c->no_status, nb), share(c->no_status, denom, sb));
	}
	fprintf(f, "%-6s", "");
	name_cell(f, pick(v->lang, "total", "합계"), strlen(pick(v->lang, "total", "합계")), nw);
	fprintf(f, " %*s\n", cw, grouped(denom, nb));

	bool any_target = c->target_none > 0;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX && !any_target; i++)
		any_target = c->target[i] > 0;
	if (any_target) {
		fputs(pick(v->lang, "Target status (ALB/ELB):", "대상 서버 상태 (ALB/ELB):"), f);
		for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++)
			if (c->target[i] && wanted(v, i))
				fprintf(f, " %d: %s;", i, grouped(c->target[i], nb));
		if (c->target_none)
			fprintf(f, " %s: %s", pick(v->lang, "none (-)", "응답 없음 (-)"),
			        grouped(c->target_none, nb));
		fputc('\n', f);
	}
	uint64_t nr = hc_logcount_not_read(c);
	fprintf(f, "%s: %s", pick(v->lang, "Lines not read", "읽지 못한 줄"), grouped(nr, nb));
	if (nr) {
		const char *sep = " (";

		if (c->unknown) {
			fprintf(f, "%s%s %s", sep, grouped(c->unknown, nb),
			        pick(v->lang, "in no known format", "알 수 없는 형식"));
			sep = ", ";
		}
		if (c->bad_status) {
			fprintf(f, "%s%s %s", sep, grouped(c->bad_status, nb),
			        pick(v->lang, "with a bad status field", "잘못된 상태 필드"));
			sep = ", ";
		}
		if (c->long_lines) {
			fprintf(f, "%s%s %s", sep, grouped(c->long_lines, nb),
			        pick(v->lang, "too long", "너무 긴 줄"));
		}
		fputc(')', f);
	}
	if (c->other_format)
		fprintf(f, v->lang == HC_LANG_KO ? "; 파일과 다른 형식의 줄 %s개"
		                                 : "; %s lines in another format than their file's",
		        grouped(c->other_format, nb));
	fputc('\n', f);
}

/* One code's names for machine output: every entry of the code. */
static void json_names(FILE *f, int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);
	const struct hc_entry *all = hc_catalog_entries();

	fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		const struct hc_entry *e = &all[first + i];

		fputs(i ? ", {\"phrase_en\": " : "{\"phrase_en\": ", f);
		json_cstr(f, e->phrase_en);
		fputs(", \"name_ko\": ", f);
		json_cstr(f, e->name_ko);
		fputs(", \"vendor\": ", f);
		json_cstr(f, e->vendor);
		fputc('}', f);
	}
	fputc(']', f);
}

static void render_json(FILE *f, const struct view *v, const struct hc_logcount *c,
                        const struct file_stat *files, size_t nfiles)
{
	uint64_t denom = c->counted + c->no_status;
	bool first = true;

	fputs("{\n  \"files\": [", f);
	for (size_t i = 0; i < nfiles; i++) {
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
		json_clean(f, files[i].name, strlen(files[i].name));
		fprintf(f, ", \"format\": \"%s\", \"gzip\": %s, \"lines\": %" PRIu64 ", \"error\": ",
		        files[i].lines || files[i].ok ? hc_logfmt_name(files[i].fmt) : "unknown",
		        files[i].gzip ? "true" : "false", files[i].lines);
		if (files[i].err[0])
			json_clean(f, files[i].err, strlen(files[i].err));
		else
			fputs("null", f);
		fputc('}', f);
	}
	fprintf(f, "%s],\n", nfiles ? "\n  " : "");
	fprintf(f, "  \"lines\": %" PRIu64 ",\n  \"requests\": %" PRIu64 ",\n  \"no_status\": %" PRIu64
	        ",\n", c->lines, denom, c->no_status);
	fprintf(f, "  \"not_read\": {\"total\": %" PRIu64 ", \"unknown_format\": %" PRIu64
	        ", \"bad_status\": %" PRIu64 ", \"too_long\": %" PRIu64 "},\n",
	        hc_logcount_not_read(c), c->unknown, c->bad_status, c->long_lines);
	fprintf(f, "  \"other_format\": %" PRIu64 ",\n  \"classes\": {", c->other_format);
	for (int d = 1; d <= 5; d++) {
		if (!class_wanted(v, d))
			continue;
		uint64_t sum = 0;
		for (int i = d * 100; i < d * 100 + 100; i++)
			if (wanted(v, i))
				sum += c->code[i];
		fprintf(f, "%s\"%dxx\": %" PRIu64, first ? "" : ", ", d, sum);
		first = false;
	}
	fputs("},\n  \"codes\": [", f);
	first = true;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++) {
		if (!c->code[i] || !wanted(v, i))
			continue;
		fprintf(f, "%s\n    {\"code\": %d, \"count\": %" PRIu64 ", \"share\": %.6f, \"names\": ",
		        first ? "" : ",", i, c->code[i], denom ? (double)c->code[i] / (double)denom : 0.0);
		json_names(f, i);
		fputc('}', f);
		first = false;
	}
	fprintf(f, "%s],\n  \"target_codes\": [", first ? "" : "\n  ");
	first = true;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++) {
		if (!c->target[i] || !wanted(v, i))
			continue;
		fprintf(f, "%s{\"code\": %d, \"count\": %" PRIu64 "}", first ? "" : ", ", i, c->target[i]);
		first = false;
	}
	fprintf(f, "],\n  \"target_none\": %" PRIu64 "\n}\n", c->target_none);
}

/* code, count, share (of requests), English phrase, Korean name, vendor
 * ("-" for a registered code); the first entry of each code. */
static void render_tsv(FILE *f, const struct view *v, const struct hc_logcount *c)
{
	uint64_t denom = c->counted + c->no_status;
	const struct hc_entry *all = hc_catalog_entries();

	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++) {
		size_t first, n;

		if (!c->code[i] || !wanted(v, i))
			continue;
		n = hc_catalog_find_code(i, &first);
		fprintf(f, "%d\t%" PRIu64 "\t%.4f\t%s\t%s\t%s\n", i, c->code[i],
		        denom ? 100.0 * (double)c->code[i] / (double)denom : 0.0,
		        n ? all[first].phrase_en : "-", n ? all[first].name_ko : "-",
		        n && all[first].vendor ? all[first].vendor : "-");
	}
}

static int terminal_size(int *rows)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		*rows = ws.ws_row;
		return ws.ws_col;
	}
	*rows = 24;
	return 80;
}

/* The running table of a growing input: drawn over the last one. When it
 * would not fit on the screen, one summary line instead. */
static void draw_live(struct live *lv, const struct hc_logcount *now, bool final)
{
	struct hc_logcount sum;
	struct out o;
	int lines = 0;

	clock_gettime(CLOCK_MONOTONIC, &lv->last);
	if (!hc_logcount_init(&sum, 0) || !out_open(&o))
		return;
	hc_logcount_merge(&sum, lv->before);
	hc_logcount_merge(&sum, now);
	if (lv->height > 0)
		fprintf(o.f, "\r\033[%dA\033[J", lv->height);
	if (!final) {
		char *t = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&t, &len);

		if (m) {
			render_table(m, lv->v, &sum, NULL, 0);
			fclose(m);
			for (size_t i = 0; i < len; i++)
				lines += t[i] == '\n';
			if (lines < lv->rows - 1) {
				fwrite(t, 1, len, o.f);
			} else {
				char nb[32];

				fprintf(o.f, "%s %s", grouped(sum.lines, nb), pick(lv->v->lang, "lines", "줄"));
				for (int d = 1; d <= 5; d++)
					fprintf(o.f, "  %dxx %s", d, grouped(hc_logcount_class(&sum, d), nb));
				fputc('\n', o.f);
				lines = 1;
			}
			free(t);
		}
	}
	lv->height = lines;
	out_flush(&o, lv->v->charset);
	hc_logcount_free(&sum);
}

static int run_count(const struct hc_options *o, const struct hc_log_env *env)
{
	static const char *const stdin_only[] = { "-" };
	struct view v = { .lang = env->lang, .charset = env->charset };
	enum hc_logfmt forced = HC_FMT_UNKNOWN;
	const char **files = NULL;
	size_t nfiles = 0;
	struct file_stat *fs = NULL;
	struct hc_logcount total;
	int rows = 24, rc;
	bool out_tty = isatty(STDOUT_FILENO), any_read = false;

	if (o->format && !hc_logfmt_parse_name(o->format, &forced)) {
		fputs("httpcodes: unknown --format '", stderr);
		put_clean(stderr, o->format, strlen(o->format), 30);
		fprintf(stderr, "' (one of: %s)\n", hc_logfmt_names());
		return HC_EXIT_USAGE;
	}
	files = calloc(o->nargs ? o->nargs : 1, sizeof *files);
	fs = calloc(o->nargs ? o->nargs : 1, sizeof *fs);
	if (!files || !fs || !hc_logcount_init(&total, 0)) {
		free(files);
		free(fs);
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	/* A word that is a code pattern is a filter ("5xx"); name a file
	 * called that as ./5xx. */
	for (size_t i = 0; i < o->nargs; i++) {
		struct hc_pattern p;

		if (strcmp(o->args[i], "-") != 0 && hc_pattern_parse(o->args[i], &p)) {
			if (v.nfilters < FILTERS_MAX)
				v.filters[v.nfilters++] = p;
		} else {
			files[nfiles++] = o->args[i];
		}
	}
	if (nfiles == 0) {
		free(files);
		files = (const char **)stdin_only;
		nfiles = 1;
	}
	v.width = out_tty ? terminal_size(&rows) : 80;
	v.color = out_tty && env->color_ok && !o->json && !o->tsv;
	v.utf8 = strcmp(env->charset, "UTF-8") == 0;

	for (size_t i = 0; i < nfiles; i++) {
		const char *name = files[i];
		bool is_stdin = strcmp(name, "-") == 0;
		int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		struct stat sb;
		struct live lv = { .v = &v, .before = &total, .rows = rows }, *live = NULL;
		struct sigaction sa = { .sa_handler = on_stop }, old_int, old_term;

		fs[i].name = is_stdin ? "(standard input)" : name;
		if (fd < 0) {
			say(name, 0, "%s", strerror(errno));
			snprintf(fs[i].err, sizeof fs[i].err, "%s", strerror(errno));
			continue;
		}
		if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			say(fs[i].name, 0, "is a directory");
			snprintf(fs[i].err, sizeof fs[i].err, "is a directory");
			if (!is_stdin)
				close(fd);
			continue;
		}
		/* A pipe or a terminal may still be growing: show a running
		 * table on a terminal, and let Ctrl-C end with the final one. */
		if (out_tty && !o->json && !o->tsv && !S_ISREG(sb.st_mode)) {
			live = &lv;
			clock_gettime(CLOCK_MONOTONIC, &lv.last);
			sigemptyset(&sa.sa_mask);
			sigaction(SIGINT, &sa, &old_int);
			sigaction(SIGTERM, &sa, &old_term);
		}
		if (count_fd(fd, fs[i].name, forced, live, &total, &fs[i]))
			any_read = true;
		if (live) {
			draw_live(live, &(struct hc_logcount){ 0 }, true);
			sigaction(SIGINT, &old_int, NULL);
			sigaction(SIGTERM, &old_term, NULL);
		}
		if (!is_stdin)
			close(fd);
		if (stop_flag)
			break;
	}

	struct out out;
	if (!out_open(&out)) {
		fputs("httpcodes: out of memory\n", stderr);
		rc = HC_EXIT_USAGE;
		goto done;
	}
	if (o->json)
		render_json(out.f, &v, &total, fs, nfiles);
	else if (o->tsv)
		render_tsv(out.f, &v, &total);
	else if (any_read)
		render_table(out.f, &v, &total, fs, nfiles);
	if (out_flush(&out, o->json || o->tsv ? NULL : env->charset) != 0) {
		perror("httpcodes: write error");
		rc = HC_EXIT_USAGE;
		goto done;
	}
	uint64_t shown = 0;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++)
		if (wanted(&v, i))
			shown += total.code[i];
	if (!any_read) {
		rc = HC_EXIT_USAGE;
	} else if (shown == 0) {
		fputs(v.nfilters ? "httpcodes: no status codes of that class found\n"
		                 : "httpcodes: no status codes found\n", stderr);
		rc = HC_EXIT_NOT_FOUND;
	} else {
		rc = HC_EXIT_FOUND;
	}
	if (stop_flag)
		rc = 128 + stop_flag;
done:
	if (files != (const char **)stdin_only)
		free(files);
	free(fs);
	hc_logcount_free(&total);
	return rc;
}

/* ---- --explain ---- */

static const char *fact_id(enum hc_fact f)
{
	static const char *const ids[] = {
		[HC_FACT_NO_LOCATION] = "no_location",
		[HC_FACT_LOCATION] = "location",
		[HC_FACT_NO_WWW_AUTHENTICATE] = "no_www_authenticate",
		[HC_FACT_NO_PROXY_AUTHENTICATE] = "no_proxy_authenticate",
		[HC_FACT_NO_ALLOW] = "no_allow",
		[HC_FACT_RETRY_SECONDS] = "retry_after_seconds",
		[HC_FACT_RETRY_DATE] = "retry_after_date",
		[HC_FACT_RETRY_BAD] = "retry_after_invalid",
		[HC_FACT_NO_RETRY_AFTER] = "no_retry_after",
		[HC_FACT_RANGE] = "content_range",
		[HC_FACT_RANGE_MULTIPART] = "multipart_byteranges",
		[HC_FACT_NO_CONTENT_RANGE] = "no_content_range",
		[HC_FACT_RANGE_BAD] = "content_range_invalid",
		[HC_FACT_UNSATISFIED_RANGE] = "unsatisfied_range",
		[HC_FACT_VALIDATORS] = "validators",
		[HC_FACT_NO_VALIDATORS] = "no_validators",
		[HC_FACT_NOT_A_STATUS] = "not_a_status",
		[HC_FACT_CHAIN_MIXED] = "permanent_temporary_mix",
		[HC_FACT_METHOD_CHANGED] = "post_became_get",
		[HC_FACT_METHOD_CHANGED_BAD] = "method_changed",
		[HC_FACT_CHAIN_UNFINISHED] = "chain_unfinished",
	};

	return (size_t)f < sizeof ids / sizeof ids[0] && ids[f] ? ids[f] : "unknown";
}

/* "2 h 5 min", "90 s" / "2시간 5분" */
static void duration(FILE *f, long long s, bool ko)
{
	static const struct {
		long long secs;
		const char *en, *ko;
	} units[] = {
		{ 86400, "d", "일" }, { 3600, "h", "시간" }, { 60, "min", "분" }, { 1, "s", "초" },
	};
	int parts = 0;

	if (s <= 0) {
		fputs(ko ? "0초" : "0 s", f);
		return;
	}
	for (size_t i = 0; i < sizeof units / sizeof units[0] && parts < 2; i++) {
		if (s >= units[i].secs) {
			fprintf(f, ko ? "%s%lld%s" : "%s%lld %s", parts ? " " : "", s / units[i].secs,
			        ko ? units[i].ko : units[i].en);
			s %= units[i].secs;
			parts++;
		} else if (parts) {
			break;
		}
	}
}

/* A header value, cleaned, as the user sees it. */
static void hv(FILE *f, const struct hc_response *r, enum hc_hdr h)
{
	put_clean(f, r->value[h], strlen(r->value[h]), 100);
}

/* One finding in words. r is the response (NULL for chain facts), v the
 * whole list (for hop numbers). */
static void fact_text(FILE *f, const struct hc_finding *x, const struct hc_response *r,
                      const struct hc_response *v, bool ko)
{
	switch (x->fact) {
	case HC_FACT_NO_LOCATION:
		fprintf(f, ko ? "Location 헤더 없음: %d 리디렉션은 옮겨 갈 주소를 알려 줘야 합니다 "
		                "(RFC 9110 \xc2\xa7" "10.2.2)"
		              : "no Location header: a %d redirect must say where to go "
		                "(RFC 9110 \xc2\xa7" "10.2.2)", r->code);
		break;
	case HC_FACT_LOCATION:
		fputs(ko ? "옮겨 갈 주소: " : "goes to: ", f);
		hv(f, r, HC_HDR_LOCATION);
		break;
	case HC_FACT_NO_WWW_AUTHENTICATE:
		fputs(ko ? "WWW-Authenticate 헤더 없음: 401 응답은 인증 방법(challenge)을 하나 이상 "
		           "알려 줘야 합니다 (RFC 9110 \xc2\xa7" "15.5.2)"
		         : "no WWW-Authenticate header: a 401 must name at least one way to "
		           "authenticate (RFC 9110 \xc2\xa7" "15.5.2)", f);
		break;
	case HC_FACT_NO_PROXY_AUTHENTICATE:
		fputs(ko ? "Proxy-Authenticate 헤더 없음: 407 응답은 프록시 인증 방법을 알려 줘야 "
		           "합니다 (RFC 9110 \xc2\xa7" "15.5.8)"
		         : "no Proxy-Authenticate header: a 407 must name how to authenticate to "
		           "the proxy (RFC 9110 \xc2\xa7" "15.5.8)", f);
		break;
	case HC_FACT_NO_ALLOW:
		fputs(ko ? "Allow 헤더 없음: 405 응답은 이 리소스가 받는 메서드 목록을 보내야 합니다 "
		           "(RFC 9110 \xc2\xa7" "15.5.6)"
		         : "no Allow header: a 405 must list the methods the resource supports "
		           "(RFC 9110 \xc2\xa7" "15.5.6)", f);
		break;
	case HC_FACT_RETRY_SECONDS:
		fputs("Retry-After: ", f);
		hv(f, r, HC_HDR_RETRY_AFTER);
		fputs(ko ? " \xe2\x80\x94 " : " \xe2\x80\x94 retry in ", f);
		duration(f, x->n[0], ko);
		if (ko)
			fputs(" 뒤에 다시 시도하라는 뜻입니다", f);
		break;
	case HC_FACT_RETRY_DATE:
		fputs("Retry-After: ", f);
		hv(f, r, HC_HDR_RETRY_AFTER);
		if (x->n[1] && x->n[0] <= 0) {
			fputs(ko ? " \xe2\x80\x94 응답의 Date 시각에 이미 지난 시각입니다: 바로 다시 시도해도 됩니다"
			         : " \xe2\x80\x94 already past at the response's Date: retry now", f);
		} else if (x->n[1]) {
			fputs(ko ? " \xe2\x80\x94 응답의 Date로부터 " : " \xe2\x80\x94 retry ", f);
			duration(f, x->n[0], ko);
			fputs(ko ? " 뒤에 다시 시도하라는 뜻입니다" : " after the response's Date", f);
		} else {
			fputs(ko ? " \xe2\x80\x94 정해진 시각입니다 (응답에 Date 헤더가 없어 남은 시간은 "
			           "알 수 없음)"
			         : " \xe2\x80\x94 a point in time (the response has no Date to measure "
			           "the wait from)", f);
		}
		break;
	case HC_FACT_RETRY_BAD:
		fputs("Retry-After '", f);
		hv(f, r, HC_HDR_RETRY_AFTER);
		fputs(ko ? "': 초 단위 숫자도 HTTP 날짜도 아닙니다 (RFC 9110 \xc2\xa7" "10.2.3)"
		         : "' is neither a number of seconds nor an HTTP-date (RFC 9110 \xc2\xa7"
		           "10.2.3)", f);
		break;
	case HC_FACT_NO_RETRY_AFTER:
		fputs(ko ? "Retry-After 헤더 없음: 클라이언트가 언제 다시 시도할지 짐작해야 합니다 "
		           "(선택 사항, RFC 9110 \xc2\xa7" "10.2.3)"
		         : "no Retry-After header: the client has to guess when to try again "
		           "(optional, RFC 9110 \xc2\xa7" "10.2.3)", f);
		break;
	case HC_FACT_RANGE:
		if (x->n[2] >= 0 && ko)
			fprintf(f, "Content-Range: 전체 %lld바이트 중 %lld-%lld (%lld바이트)",
			        x->n[2], x->n[0], x->n[1], x->n[1] - x->n[0] + 1);
		else if (x->n[2] >= 0)
			fprintf(f, "Content-Range: bytes %lld-%lld of %lld (%lld bytes)",
			        x->n[0], x->n[1], x->n[2], x->n[1] - x->n[0] + 1);
		else
			fprintf(f, ko ? "Content-Range: 길이를 알 수 없는 전체 중 %lld-%lld (%lld바이트)"
			              : "Content-Range: bytes %lld-%lld of an unknown length (%lld bytes)",
			        x->n[0], x->n[1], x->n[1] - x->n[0] + 1);
		break;
	case HC_FACT_RANGE_MULTIPART:
		fputs(ko ? "여러 범위를 multipart/byteranges로 보냈습니다 (부분마다 Content-Range가 "
		           "있습니다)"
		         : "several ranges as multipart/byteranges (each part has its own "
		           "Content-Range)", f);
		break;
	case HC_FACT_NO_CONTENT_RANGE:
		fputs(ko ? "Content-Range 헤더 없음: 범위 하나를 보내는 206 응답은 어느 바이트인지 "
		           "밝혀야 합니다 (RFC 9110 \xc2\xa7" "15.3.7)"
		         : "no Content-Range header: a 206 with one range must say which bytes it "
		           "carries (RFC 9110 \xc2\xa7" "15.3.7)", f);
		break;
	case HC_FACT_RANGE_BAD:
		fputs("Content-Range '", f);
		hv(f, r, HC_HDR_CONTENT_RANGE);
		fputs(ko ? "'를 읽을 수 없습니다 ('bytes 처음-끝/전체 길이' 형식이어야 합니다, "
		           "RFC 9110 \xc2\xa7" "14.4)"
		         : "' cannot be read (expected 'bytes FIRST-LAST/LENGTH', "
		           "RFC 9110 \xc2\xa7" "14.4)", f);
		break;
	case HC_FACT_UNSATISFIED_RANGE:
		fprintf(f, ko ? "Content-Range: bytes */%lld \xe2\x80\x94 리소스 전체가 %lld바이트입니다"
		              : "Content-Range: bytes */%lld \xe2\x80\x94 the whole resource is %lld bytes",
		        x->n[0], x->n[0]);
		break;
	case HC_FACT_VALIDATORS:
		fputs(ko ? "검증자: " : "validators: ", f);
		if (x->n[0]) {
			fputs("ETag ", f);
			hv(f, r, HC_HDR_ETAG);
		}
		if (x->n[1]) {
			fputs(x->n[0] ? ", Last-Modified " : "Last-Modified ", f);
			hv(f, r, HC_HDR_LAST_MODIFIED);
		}
		fputs(ko ? " \xe2\x80\x94 캐시에 있는 사본을 그대로 써도 됩니다"
		         : " \xe2\x80\x94 the cached copy is still good", f);
		break;
	case HC_FACT_NO_VALIDATORS:
		fputs(ko ? "ETag도 Last-Modified도 없음: 304 응답은 200 응답이 보냈을 검증자를 다시 "
		           "보내야 합니다 (RFC 9110 \xc2\xa7" "15.4.5)"
		         : "neither ETag nor Last-Modified: a 304 should repeat the validators a 200 "
		           "would have sent (RFC 9110 \xc2\xa7" "15.4.5)", f);
		break;
	case HC_FACT_NOT_A_STATUS:
		fprintf(f, ko ? "%lld은(는) HTTP 상태 코드가 아닙니다 (100-599의 세 자리 숫자)"
		              : "%lld is not an HTTP status code (three digits, 100-599)", x->n[0]);
		break;
	case HC_FACT_CHAIN_MIXED:
		fputs(ko ? "영구(301, 308)와 임시(302, 303, 307) 리디렉션이 섞여 있습니다: 캐시와 검색 "
		           "엔진은 영구 단계만 기억합니다"
		         : "permanent (301, 308) and temporary (302, 303, 307) redirects are mixed: "
		           "caches and search engines remember only the permanent steps", f);
		break;
	case HC_FACT_METHOD_CHANGED:
		fprintf(f, ko ? "%lld번째 응답(%d) 뒤에 클라이언트가 POST를 GET으로 바꿨습니다: 메서드를 "
		                "지키려면 307이나 308을 쓰십시오 (RFC 9110 \xc2\xa7" "15.4.3)"
		              : "after response %lld (%d) the client turned POST into GET: use 307 or "
		                "308 to keep the method (RFC 9110 \xc2\xa7" "15.4.3)",
		        x->n[0] + 1, v[x->n[0]].code);
		break;
	case HC_FACT_METHOD_CHANGED_BAD:
		fprintf(f, ko ? "%lld번째 응답(%d) 뒤에 메서드가 바뀌었습니다: %d은(는) 메서드를 바꾸면 "
		                "안 됩니다 (RFC 9110 \xc2\xa7" "15.4.8)"
		              : "after response %lld (%d) the method changed, which %d forbids "
		                "(RFC 9110 \xc2\xa7" "15.4.8)",
		        x->n[0] + 1, v[x->n[0]].code, v[x->n[0]].code);
		break;
	case HC_FACT_CHAIN_UNFINISHED:
		fputs(ko ? "마지막 응답도 리디렉션입니다: 최종 응답 전에 입력이 끝났습니다 (curl -L이 "
		           "따라갑니다)"
		         : "the chain ends on a redirect: the input stops before the final response "
		           "(curl -L follows it)", f);
		break;
	}
}

struct wrapped {
	FILE *f;
	const char *mark;
	bool red;
	bool first;
	int code;               /* colour the leading code in its class colour */
};

/* "Moved Permanently · 영구 이동 [vendor]: summary" */
static void print_entry(FILE *f, const struct hc_entry *en, enum hc_lang lang)
{
	switch (lang) {
	case HC_LANG_EN:
		fputs(en->phrase_en, f);
		break;
	case HC_LANG_KO:
		fprintf(f, "%s (%s)", en->name_ko, en->phrase_en);
		break;
	case HC_LANG_BOTH:
		fprintf(f, "%s \xc2\xb7 %s", en->phrase_en, en->name_ko);
		break;
	}
	if (en->vendor)
		fprintf(f, " [%s]", en->vendor);
	fputs(": ", f);
	if (lang != HC_LANG_KO)
		fputs(en->summary_en, f);
	if (lang == HC_LANG_BOTH)
		fputs(" / ", f);
	if (lang != HC_LANG_EN)
		fputs(en->summary_ko, f);
}

static void wrapped_line(const char *line, size_t n, void *ud)
{
	struct wrapped *w = ud;

	if (!w->first)
		fputs("    ", w->f);
	else if (w->red)
		fprintf(w->f, "\033[1;31m%s\033[0m", w->mark);
	else
		fputs(w->mark, w->f);
	if (w->first && w->code && n >= 3) {
		fprintf(w->f, "\033[%sm%.3s\033[0m", class_sgr(w->code), line);
		line += 3;
		n -= 3;
	}
	fwrite(line, 1, n, w->f);
	fputc('\n', w->f);
	w->first = false;
}

/* Both languages when asked for both: English, then Korean; wrapped. */
static void fact_line(FILE *f, const struct hc_finding *x, const struct hc_response *r,
                      const struct hc_response *v, enum hc_lang lang, bool color, int width)
{
	const char *mark = x->problem ? "  ! " : "  - ";

	for (int pass = 0; pass < 2; pass++) {
		bool ko = pass == 1;

		if ((ko && lang == HC_LANG_EN) || (!ko && lang == HC_LANG_KO))
			continue;
		char *t = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&t, &len);

		if (!m)
			return;
		fact_text(m, x, r, v, ko);
		fclose(m);
		struct wrapped w = { f, mark, color && x->problem, true, 0 };
		hc_text_wrap(t, len, width - 4 > 20 ? width - 4 : 20, wrapped_line, &w);
		free(t);
	}
}

static void explain_text(FILE *f, const struct hc_resp_parser *p, const char *name,
                         enum hc_lang lang, bool color, int width)
{
	struct hc_finding x[HC_FINDINGS_MAX];
	const struct hc_entry *all = hc_catalog_entries();

	for (size_t i = 0; i < p->n; i++) {
		const struct hc_response *r = &p->v[i];
		size_t first, n = hc_catalog_find_code(r->code, &first), k;

		if (i)
			fputc('\n', f);
		if (name) {
			put_clean(f, name, strlen(name), 50);
			fputc(':', f);
		} else {
			fputs(pick(lang, "line ", "줄 "), f);
		}
		fprintf(f, "%" PRIu64 ": %s%s ", r->line, color ? "\033[1m" : "", r->proto);
		fprintf(f, "%d%s", r->code, r->reason[0] ? " " : "");
		put_clean(f, r->reason, strlen(r->reason), 60);
		if (r->method[0])
			fprintf(f, lang == HC_LANG_KO ? " (%s 요청에 대한 응답)" : " (after %s)", r->method);
		fputs(color ? "\033[0m\n" : "\n", f);
		for (size_t e = 0; e < n; e++) {
			const struct hc_entry *en = &all[first + e];
			char *t = NULL;
			size_t len = 0;
			FILE *line = open_memstream(&t, &len);

			if (!line)
				break;
			/* the code in its class colour is added by the wrapper */
			fprintf(line, "%d ", en->code);
			print_entry(line, en, lang);
			fclose(line);
			struct wrapped w = { f, "  ", false, true, color ? en->code : 0 };
			hc_text_wrap(t, len, width - 4 > 20 ? width - 4 : 20, wrapped_line, &w);
			free(t);
		}
		if (n == 0 && r->code >= 100 && r->code <= 599)
			fprintf(f, "  %d %s\n", r->code, pick(lang, "(not in the table)", "(표에 없는 코드)"));
		k = hc_resp_check(r, x, HC_FINDINGS_MAX);
		for (size_t j = 0; j < k; j++)
			fact_line(f, &x[j], r, p->v, lang, color, width);
	}
	if (p->dropped)
		fprintf(f, lang == HC_LANG_KO ? "\n(응답 %zu개 더 있음)\n" : "\n(%zu more responses not shown)\n",
		        p->dropped);

	/* A chain: more than one final response, and a redirect before the last. */
	size_t hops = 0;
	bool redirected = false;
	for (size_t i = 0; i < p->n; i++)
		hops += p->v[i].code >= 200;
	for (size_t i = 0, seen = 0; i < p->n; i++) {
		int c = p->v[i].code;

		if (c >= 200 && ++seen < hops && (c == 301 || c == 302 || c == 303 || c == 307 || c == 308))
			redirected = true;
	}
	if (hops >= 2 && redirected) {
		size_t k = hc_chain_check(p->v, p->n, x, HC_FINDINGS_MAX);
		bool first = true;

		fputs(pick(lang, "\nRedirect chain: ", "\n리디렉션 경로: "), f);
		for (size_t i = 0; i < p->n; i++) {
			if (p->v[i].code < 200)
				continue;
			fprintf(f, "%s%d", first ? "" : " \xe2\x86\x92 ", p->v[i].code);
			first = false;
		}
		fputc('\n', f);
		for (size_t j = 0; j < k; j++)
			fact_line(f, &x[j], NULL, p->v, lang, color, width);
	}
}

static void json_findings(FILE *f, const struct hc_finding *x, size_t k,
                          const struct hc_response *r, const struct hc_response *v)
{
	fputc('[', f);
	for (size_t j = 0; j < k; j++) {
		char *t = NULL;
		size_t len = 0;

		fprintf(f, "%s{\"id\": \"%s\", \"problem\": %s", j ? ", " : "", fact_id(x[j].fact),
		        x[j].problem ? "true" : "false");
		for (int pass = 0; pass < 2; pass++) {
			FILE *m = open_memstream(&t, &len);

			if (!m)
				continue;
			fact_text(m, &x[j], r, v, pass == 1);
			fclose(m);
			fputs(pass ? ", \"message_ko\": " : ", \"message_en\": ", f);
			json_str(f, t, len);
			free(t);
			t = NULL;
		}
		if (x[j].fact == HC_FACT_RETRY_SECONDS || (x[j].fact == HC_FACT_RETRY_DATE && x[j].n[1]))
			fprintf(f, ", \"seconds\": %lld", x[j].n[0]);
		fputc('}', f);
	}
	fputc(']', f);
}

static void explain_json(FILE *f, const struct hc_resp_parser *p, const char *name, bool first_file)
{
	struct hc_finding x[HC_FINDINGS_MAX];

	fputs(first_file ? "\n  {\"input\": " : ",\n  {\"input\": ", f);
	if (name)
		json_clean(f, name, strlen(name));
	else
		fputs("\"-\"", f);
	fputs(", \"responses\": [", f);
	for (size_t i = 0; i < p->n; i++) {
		const struct hc_response *r = &p->v[i];
		size_t first, n = hc_catalog_find_code(r->code, &first), k;
		const struct hc_entry *e = n ? &hc_catalog_entries()[first] : NULL;

		fprintf(f, "%s\n    {\"line\": %" PRIu64 ", \"protocol\": ", i ? "," : "", r->line);
		json_clean(f, r->proto, strlen(r->proto));
		fprintf(f, ", \"code\": %d, \"reason\": ", r->code);
		json_clean(f, r->reason, strlen(r->reason));
		fputs(", \"method\": ", f);
		if (r->method[0])
			json_clean(f, r->method, strlen(r->method));
		else
			fputs("null", f);
		fputs(", \"phrase_en\": ", f);
		json_cstr(f, e ? e->phrase_en : NULL);
		fputs(", \"name_ko\": ", f);
		json_cstr(f, e ? e->name_ko : NULL);
		fputs(", \"summary_en\": ", f);
		json_cstr(f, e ? e->summary_en : NULL);
		fputs(", \"summary_ko\": ", f);
		json_cstr(f, e ? e->summary_ko : NULL);
		fputs(",\n     \"headers\": {", f);
		bool firsth = true;
		for (int h = 0; h < HC_HDR_COUNT; h++) {
			if (!r->has[h])
				continue;
			fprintf(f, "%s\"%s\": ", firsth ? "" : ", ", hc_hdr_name((enum hc_hdr)h));
			json_clean(f, r->value[h], strlen(r->value[h]));
			firsth = false;
		}
		fputs("},\n     \"findings\": ", f);
		k = hc_resp_check(r, x, HC_FINDINGS_MAX);
		json_findings(f, x, k, r, p->v);
		fputc('}', f);
	}
	fputs(p->n ? "\n  ], \"chain\": [" : "], \"chain\": [", f);
	bool firstc = true;
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].code < 200)
			continue;
		fprintf(f, "%s%d", firstc ? "" : ", ", p->v[i].code);
		firstc = false;
	}
	fputs("], \"chain_findings\": ", f);
	json_findings(f, x, hc_chain_check(p->v, p->n, x, HC_FINDINGS_MAX), NULL, p->v);
	fprintf(f, ", \"more_responses\": %zu}", p->dropped);
}

static int run_explain(const struct hc_options *o, const struct hc_log_env *env)
{
	static const char *const stdin_only[] = { "-" };
	const char *const *files = o->nargs ? o->args : stdin_only;
	size_t nfiles = o->nargs ? o->nargs : 1, found = 0, read_ok = 0;
	struct hc_resp_parser *p = malloc(sizeof *p);
	bool color = isatty(STDOUT_FILENO) && env->color_ok && !o->json;
	struct out out;
	int rc, rows, width = isatty(STDOUT_FILENO) ? terminal_size(&rows) : 80;

	if (!p || !out_open(&out)) {
		free(p);
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	if (o->json)
		fputc('[', out.f);
	for (size_t i = 0; i < nfiles; i++) {
		const char *name = files[i];
		bool is_stdin = strcmp(name, "-") == 0;
		int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		struct stat sb;
		struct hc_scan *s;
		const char *line;
		size_t n;
		enum hc_scan_result r;

		if (fd < 0) {
			say(name, 0, "%s", strerror(errno));
			continue;
		}
		if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			say(is_stdin ? "(standard input)" : name, 0, "is a directory");
			if (!is_stdin)
				close(fd);
			continue;
		}
		s = hc_scan_new(fd, NULL);
		if (!s) {
			fputs("httpcodes: out of memory\n", stderr);
			if (!is_stdin)
				close(fd);
			continue;
		}
		hc_resp_init(p);
		while ((r = hc_scan_next(s, &line, &n)) == HC_SCAN_LINE || r == HC_SCAN_IDLE)
			if (r == HC_SCAN_LINE)
				hc_resp_line(p, line, n);
		if (r == HC_SCAN_ERROR)
			say(is_stdin ? "(standard input)" : name, hc_scan_line_no(s) + 1, "%s",
			    hc_scan_error(s));
		if (r == HC_SCAN_EOF || hc_scan_line_no(s) > 0)
			read_ok++;
		hc_scan_free(s);
		if (!is_stdin)
			close(fd);
		if (p->n == 0) {
			say(is_stdin ? "(standard input)" : name, 0,
			    "no HTTP response head found (a status line such as 'HTTP/1.1 200 OK')");
			continue;
		}
		if (o->json)
			explain_json(out.f, p, is_stdin ? NULL : name, found == 0);
		else {
			if (found)
				fputc('\n', out.f);
			explain_text(out.f, p, nfiles > 1 || !is_stdin ? name : NULL, env->lang, color,
			             width);
		}
		found++;
	}
	if (o->json)
		fputs(found ? "\n]\n" : "]\n", out.f);
	rc = read_ok == 0 ? HC_EXIT_USAGE : found ? HC_EXIT_FOUND : HC_EXIT_NOT_FOUND;
	if (out_flush(&out, o->json ? NULL : env->charset) != 0) {
		perror("httpcodes: write error");
		rc = HC_EXIT_USAGE;
	}
	free(p);
	return rc;
}

int hc_cli_log_run(const struct hc_options *o, const struct hc_log_env *env)
{
	return o->mode == HC_MODE_EXPLAIN ? run_explain(o, env) : run_count(o, env);
}
