/* cli_count.c - --count: status counts of the access logs named by the user
 * (threads on a big plain file, a running table on a terminal when the input
 * may still grow), then the table, TSV or JSON. */
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "cli_logio.h"
#include "json.h"
#include "logcount.h"
#include "logfmt.h"
#include "logscan.h"
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
		fputs(hc_logio_pick(lang, "(not in the table)", "(표에 없는 코드)"), f);
		return;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			const struct hc_entry *e = &all[first + i];

			if (!e->vendor && shown)
				continue;
			if (e->vendor && (pass == 0) != log_vendor(hc_str(e->vendor)))
				continue;
			if (!e->vendor && pass == 1)
				continue;
			if (shown++)
				fputs(" / ", f);
			hc_logio_entry_name(f, e, lang, false);
			if (!e->vendor)
				return;
		}
	}
}

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
			hc_logio_put_clean(stderr, name, strlen(name), 60);
			fprintf(stderr, ":%" PRIu64 ": status '", p->line + line_base);
			hc_logio_put_clean(stderr, p->field, strlen(p->field), 20);
			fprintf(stderr, "' %s (100-599)\n", kind_text(p));
		} else {
			hc_logio_say(name, p->line + line_base, "cannot read this line: %s", kind_text(p));
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
		hc_logio_say(name, 0, "out of memory");
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
		hc_logio_say(name, 0, "%" PRIu64 " line%s longer than %d KiB skipped", long_lines,
		    long_lines == 1 ? "" : "s", HC_SCAN_LINE_MAX / 1024);
	if (not_read > shown + long_lines)
		hc_logio_say(name, 0, "%" PRIu64 " more line%s not read", not_read - shown - long_lines,
		    not_read - shown - long_lines == 1 ? "" : "s");
	for (int i = 0; i < nw; i++) {
		if (w[i].failed) {
			snprintf(fs->err, sizeof fs->err, "%s", w[i].err);
			if (fs->lines)
				hc_logio_say(name, fs->lines + 1, "%s; the lines before were counted", w[i].err);
			else
				hc_logio_say(name, 0, "%s", w[i].err);
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
		hc_logio_put_clean(f, files[i].name, strlen(files[i].name), 50);
		fprintf(f, ": %s%s, %s%s\n", hc_logfmt_name(files[i].fmt), files[i].gzip ? " (gzip)" : "",
		        grouped(files[i].lines, nb), hc_logio_pick(v->lang, " lines", "줄"));
	}
	/* headings padded by cells: Korean ones are two cells a character */
	const char *hcode = hc_logio_pick(v->lang, "CODE", "코드"), *hname = hc_logio_pick(v->lang, "NAME", "이름");
	const char *hcount = hc_logio_pick(v->lang, "COUNT", "건수"), *hshare = hc_logio_pick(v->lang, "SHARE", "비율");
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
				fprintf(m, "%s \xc2\xb7 %s", hc_str(k->name_en), hc_str(k->name_ko));
			else
				fputs(hc_logio_pick(v->lang, hc_str(k->name_en), hc_str(k->name_ko)), m);
			fclose(m);
		}
		if (v->color)
			fprintf(f, "\033[%sm%dxx\033[0m   ", hc_logio_class_sgr(d * 100), d);
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
				fprintf(f, "  \033[%sm%d\033[0m ", hc_logio_class_sgr(i), i);
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
		const char *t = hc_logio_pick(v->lang, "no response sent (-, 000)", "응답 없음 (-, 000)");
		name_cell(f, t, strlen(t), nw);
		fprintf(f, " %*s %s\n", cw, grouped(c->no_status, nb), share(c->no_status, denom, sb));
	}
	fprintf(f, "%-6s", "");
	name_cell(f, hc_logio_pick(v->lang, "total", "합계"), strlen(hc_logio_pick(v->lang, "total", "합계")), nw);
	fprintf(f, " %*s\n", cw, grouped(denom, nb));

	bool any_target = c->target_none > 0;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX && !any_target; i++)
		any_target = c->target[i] > 0;
	if (any_target) {
		fputs(hc_logio_pick(v->lang, "Target status (ALB/ELB):", "대상 서버 상태 (ALB/ELB):"), f);
		for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++)
			if (c->target[i] && wanted(v, i))
				fprintf(f, " %d: %s;", i, grouped(c->target[i], nb));
		if (c->target_none)
			fprintf(f, " %s: %s", hc_logio_pick(v->lang, "none (-)", "응답 없음 (-)"),
			        grouped(c->target_none, nb));
		fputc('\n', f);
	}
	uint64_t nr = hc_logcount_not_read(c);
	fprintf(f, "%s: %s", hc_logio_pick(v->lang, "Lines not read", "읽지 못한 줄"), grouped(nr, nb));
	if (nr) {
		const char *sep = " (";

		if (c->unknown) {
			fprintf(f, "%s%s %s", sep, grouped(c->unknown, nb),
			        hc_logio_pick(v->lang, "in no known format", "알 수 없는 형식"));
			sep = ", ";
		}
		if (c->bad_status) {
			fprintf(f, "%s%s %s", sep, grouped(c->bad_status, nb),
			        hc_logio_pick(v->lang, "with a bad status field", "잘못된 상태 필드"));
			sep = ", ";
		}
		if (c->long_lines) {
			fprintf(f, "%s%s %s", sep, grouped(c->long_lines, nb),
			        hc_logio_pick(v->lang, "too long", "너무 긴 줄"));
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
		hc_logio_json_text(f, hc_str(e->phrase_en));
		fputs(", \"name_ko\": ", f);
		hc_logio_json_text(f, hc_str(e->name_ko));
		fputs(", \"vendor\": ", f);
		hc_logio_json_text(f, hc_str(e->vendor));
		fputc('}', f);
	}
	fputc(']', f);
}

/* jq's layout for the top level; one line a file and a code. ASCII. */
static void render_json(FILE *f, const struct view *v, const struct hc_logcount *c,
                        const struct file_stat *files, size_t nfiles)
{
	uint64_t denom = c->counted + c->no_status;
	bool first = true;

	fputc('{', f);
	hc_json_key(f, "files", true, 1);
	fputc('[', f);
	for (size_t i = 0; i < nfiles; i++) {
		if (i)
			fputc(',', f);
		hc_json_indent(f, 2);
		fputs("{\"name\": ", f);
		hc_logio_json_clean(f, files[i].name, strlen(files[i].name));
		fputs(", \"format\": ", f);
		hc_json_str(f, files[i].lines || files[i].ok ? hc_logfmt_name(files[i].fmt) : "unknown");
		fprintf(f, ", \"gzip\": %s, \"lines\": %" PRIu64 ", \"error\": ",
		        files[i].gzip ? "true" : "false", files[i].lines);
		if (files[i].err[0])
			hc_logio_json_clean(f, files[i].err, strlen(files[i].err));
		else
			fputs("null", f);
		fputc('}', f);
	}
	if (nfiles)
		hc_json_indent(f, 1);
	fputc(']', f);
	hc_json_key(f, "lines", false, 1);
	fprintf(f, "%" PRIu64, c->lines);
	hc_json_key(f, "requests", false, 1);
	fprintf(f, "%" PRIu64, denom);
	hc_json_key(f, "no_status", false, 1);
	fprintf(f, "%" PRIu64, c->no_status);
	hc_json_key(f, "not_read", false, 1);
	fprintf(f, "{\"total\": %" PRIu64 ", \"unknown_format\": %" PRIu64 ", \"bad_status\": %" PRIu64
	        ", \"too_long\": %" PRIu64 "}",
	        hc_logcount_not_read(c), c->unknown, c->bad_status, c->long_lines);
	hc_json_key(f, "other_format", false, 1);
	fprintf(f, "%" PRIu64, c->other_format);
	hc_json_key(f, "classes", false, 1);
	fputc('{', f);
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
	fputc('}', f);
	hc_json_key(f, "codes", false, 1);
	fputc('[', f);
	first = true;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++) {
		if (!c->code[i] || !wanted(v, i))
			continue;
		if (!first)
			fputc(',', f);
		hc_json_indent(f, 2);
		fprintf(f, "{\"code\": %d, \"count\": %" PRIu64 ", \"share\": %.6f, \"names\": ", i,
		        c->code[i], denom ? (double)c->code[i] / (double)denom : 0.0);
		json_names(f, i);
		fputc('}', f);
		first = false;
	}
	if (!first)
		hc_json_indent(f, 1);
	fputc(']', f);
	hc_json_key(f, "target_codes", false, 1);
	fputc('[', f);
	first = true;
	for (int i = HC_CODE_MIN; i <= HC_CODE_MAX; i++) {
		if (!c->target[i] || !wanted(v, i))
			continue;
		fprintf(f, "%s{\"code\": %d, \"count\": %" PRIu64 "}", first ? "" : ", ", i, c->target[i]);
		first = false;
	}
	fputc(']', f);
	hc_json_key(f, "target_none", false, 1);
	fprintf(f, "%" PRIu64, c->target_none);
	hc_json_indent(f, 0);
	fputs("}\n", f);
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
		        n ? hc_str(all[first].phrase_en) : "-", n ? hc_str(all[first].name_ko) : "-",
		        n && all[first].vendor ? hc_str(all[first].vendor) : "-");
	}
}

/* The running table of a growing input: drawn over the last one. When it
 * would not fit on the screen, one summary line instead. */
static void draw_live(struct live *lv, const struct hc_logcount *now, bool final)
{
	struct hc_logcount sum;
	struct hc_logio_out o;
	int lines = 0;

	clock_gettime(CLOCK_MONOTONIC, &lv->last);
	if (!hc_logcount_init(&sum, 0) || !hc_logio_out_open(&o))
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

				fprintf(o.f, "%s %s", grouped(sum.lines, nb), hc_logio_pick(lv->v->lang, "lines", "줄"));
				for (int d = 1; d <= 5; d++)
					fprintf(o.f, "  %dxx %s", d, grouped(hc_logcount_class(&sum, d), nb));
				fputc('\n', o.f);
				lines = 1;
			}
			free(t);
		}
	}
	lv->height = lines;
	hc_logio_out_flush(&o, lv->v->charset);
	hc_logcount_free(&sum);
}

int hc_cli_count_run(const struct hc_options *o, const struct hc_log_env *env)
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
		hc_logio_put_clean(stderr, o->format, strlen(o->format), 30);
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
	v.width = out_tty ? hc_logio_term_size(&rows) : 80;
	v.color = out_tty && env->color_ok && !o->json && !o->tsv;
	v.utf8 = strcmp(env->charset, "UTF-8") == 0;

	for (size_t i = 0; i < nfiles; i++) {
		struct stat sb;
		int fd = hc_logio_open(files[i], &sb, fs[i].err, sizeof fs[i].err);
		struct live lv = { .v = &v, .before = &total, .rows = rows }, *live = NULL;
		struct sigaction sa = { .sa_handler = on_stop }, old_int, old_term;

		fs[i].name = hc_logio_input_name(files[i]);
		if (fd < 0)
			continue;
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
		hc_logio_close(fd);
		if (stop_flag)
			break;
	}

	struct hc_logio_out out;
	if (!hc_logio_out_open(&out)) {
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
	if (hc_logio_out_flush(&out, o->json || o->tsv ? NULL : env->charset) != 0) {
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

