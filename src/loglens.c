/*
 * loglens.c - the counts behind the browser's log lens: reading the named
 * logs, the made-up entries for codes the table lacks, the order by count.
 * No curses: see loglens.h.
 */
#include "loglens.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logfmt.h"
#include "logscan.h"
#include "text.h"

static void say(FILE *err, const char *name, const char *what, const char *more)
{
	size_t n;
	char *clean;

	if (!err)
		return;
	clean = hc_text_sanitize(name, strlen(name), &n);
	fprintf(err, "httpcodes: %s: %s%s\n", clean ? clean : "?", what, more);
	free(clean);
}

static bool ensure_counts(struct hc_loglens *L)
{
	if (L->c.n_samples)
		return true;
	return hc_logcount_init(&L->c, HC_LENS_SAMPLES);
}

/* Count what one reader gives. Returns the lines with a status. */
static uint64_t count_scan(struct hc_loglens *L, struct hc_scan *s, const char **err_text)
{
	struct hc_logfmt_state st;
	struct hc_logline l;
	const char *line;
	size_t n;
	uint64_t before = L->c.counted;

	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	*err_text = NULL;
	for (;;) {
		enum hc_scan_result r = hc_scan_next(s, &line, &n);

		if (r == HC_SCAN_LINE) {
			hc_logfmt_line(&st, line, n, &l);
			hc_logcount_add(&L->c, &l, st.fmt, line, n);
			continue;
		}
		if (r == HC_SCAN_IDLE)
			continue;
		if (r == HC_SCAN_ERROR)
			*err_text = hc_scan_error(s);
		break;
	}
	hc_logcount_add_long(&L->c, hc_scan_long_lines(s));
	return L->c.counted - before;
}

static void read_one(struct hc_loglens *L, const char *name, FILE *err)
{
	struct stat sb;
	struct hc_scan_opts so = { 0 };
	struct hc_scan *s;
	const char *why;
	uint64_t got, lines_before = L->c.lines;
	int fd;

	if (strcmp(name, "-") == 0) {
		say(err, name, "the browser reads its keys from standard input, so it cannot "
		    "read a log there: name the file (--log FILE), or count a pipe with --count", "");
		L->files_failed++;
		return;
	}
	fd = open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		say(err, name, strerror(errno), "");
		L->files_failed++;
		return;
	}
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		say(err, name, "is a directory", "");
		close(fd);
		L->files_failed++;
		return;
	}
	s = hc_scan_new(fd, &so);
	if (!s) {
		say(err, name, "out of memory", "");
		close(fd);
		L->files_failed++;
		return;
	}
	got = count_scan(L, s, &why);
	hc_scan_free(s);
	close(fd);
	if (why)
		say(err, name, why, got ? "; the lines before were counted" : "");
	if (got == 0) {
		if (!why)
			say(err, name, L->c.lines == lines_before ? "is empty"
			    : "has no line with an HTTP status code in a known log format", "");
		L->files_failed++;
		return;
	}
	L->files_read++;
}

bool hc_loglens_read(struct hc_loglens *L, const char *const *names, size_t n, FILE *err)
{
	if (!ensure_counts(L))
		return false;
	for (size_t i = 0; i < n; i++)
		read_one(L, names[i], err);
	if (L->files_read && err) {
		uint64_t skipped = hc_logcount_not_read(&L->c);

		if (skipped)
			fprintf(err, "httpcodes: %" PRIu64 " line%s had no status code that could be "
			        "read (not counted)\n", skipped, skipped == 1 ? "" : "s");
	}
	return hc_loglens_finish(L);
}

bool hc_loglens_feed(struct hc_loglens *L, const char *text, size_t len)
{
	struct hc_logfmt_state st;
	struct hc_logline l;
	const char *p = text, *end = text + len;

	if (!ensure_counts(L))
		return false;
	hc_logfmt_init(&st, HC_FMT_UNKNOWN);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		hc_logfmt_line(&st, p, n, &l);
		hc_logcount_add(&L->c, &l, st.fmt, p, n);
		p += n + (nl ? 1 : 0);
	}
	if (L->c.counted)
		L->files_read = 1;
	return true;
}

static void make_extra(struct hc_entry *e, int code)
{
	/* The strings, made once (catalog.h: hc_sref_make()). */
	static hc_sref phrase_en, name_ko, summary_en, summary_ko;

	if (!phrase_en) {
		phrase_en = hc_sref_make("Not in the table");
		name_ko = hc_sref_make("표에 없는 코드");
		summary_en = hc_sref_make("The log has this code, but it is not registered and the table knows no "
		                          "server that sends it. A client that does not know a code treats it as "
		                          "the x00 code of its class (RFC 9110 §15).");
		summary_ko = hc_sref_make("로그에는 있지만 등록되지 않았고, 이 코드를 보내는 서버도 표에 없습니다. "
		                          "코드를 모르는 클라이언트는 같은 클래스의 x00 코드로 처리합니다(RFC 9110 §15).");
	}
	memset(e, 0, sizeof *e);
	e->code = (unsigned short)code;
	e->status = HC_STATUS_UNOFFICIAL;
	e->phrase_en = phrase_en;
	e->name_ko = name_ko;
	e->summary_en = summary_en;
	e->summary_ko = summary_ko;
}

/* Sort state for qsort: the lens whose counts decide. */
static const struct hc_loglens *sort_lens;

static int by_count_cmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	uint64_t a = hc_loglens_count(sort_lens, sort_lens->entries[i].code);
	uint64_t b = hc_loglens_count(sort_lens, sort_lens->entries[j].code);

	if (a != b)
		return a > b ? -1 : 1;
	return i < j ? -1 : i > j;
}

bool hc_loglens_finish(struct hc_loglens *L)
{
	const struct hc_entry *cat = hc_catalog_entries();
	size_t nc = hc_catalog_count(), extra = 0, k = 0, ci = 0;

	free(L->entries);
	free(L->by_count);
	L->entries = NULL;
	L->by_count = NULL;
	for (int code = HC_CODE_MIN; code <= HC_CODE_MAX; code++) {
		size_t first;

		if (L->c.code[code] && hc_catalog_find_code(code, &first) == 0)
			extra++;
	}
	L->entries = malloc((nc + extra + 1) * sizeof *L->entries);
	L->by_count = malloc((nc + extra + 1) * sizeof *L->by_count);
	if (!L->entries || !L->by_count)
		return false;
	/* Merge by code: the catalog is sorted, the made-up codes come in order. */
	for (int code = HC_CODE_MIN; code <= HC_CODE_MAX + 1; code++) {
		size_t first;

		while (ci < nc && (code > HC_CODE_MAX || cat[ci].code <= code)) {
			if (cat[ci].code < code || code > HC_CODE_MAX)
				L->entries[k++] = cat[ci++];
			else
				break;
		}
		if (code <= HC_CODE_MAX && L->c.code[code] && hc_catalog_find_code(code, &first) == 0)
			make_extra(&L->entries[k++], code);
	}
	while (ci < nc)
		L->entries[k++] = cat[ci++];
	L->n_entries = k;
	L->n_extra = extra;
	for (size_t i = 0; i < k; i++)
		L->by_count[i] = i;
	/* Within each class (a contiguous run by code), most lines first. */
	sort_lens = L;
	for (size_t i = 0; i < k;) {
		size_t j = i;
		unsigned d = L->entries[i].code / 100u;

		while (j < k && L->entries[j].code / 100u == d)
			j++;
		qsort(L->by_count + i, j - i, sizeof *L->by_count, by_count_cmp);
		i = j;
	}
	sort_lens = NULL;
	return true;
}

void hc_loglens_free(struct hc_loglens *L)
{
	hc_logcount_free(&L->c);
	free(L->entries);
	free(L->by_count);
	memset(L, 0, sizeof *L);
}

uint64_t hc_loglens_count(const struct hc_loglens *L, int code)
{
	if (code == 0)
		return L->c.no_status;
	return code >= HC_CODE_MIN && code <= HC_CODE_MAX ? L->c.code[code] : 0;
}

unsigned hc_loglens_permille(const struct hc_loglens *L, int code)
{
	uint64_t n = hc_loglens_count(L, code);

	if (!L->c.counted || code == 0)
		return 0;
	return (unsigned)((n * 1000 + L->c.counted / 2) / L->c.counted);
}

bool hc_loglens_is_extra(const struct hc_loglens *L, const struct hc_entry *e)
{
	return L && L->entries && e >= L->entries && e < L->entries + L->n_entries &&
	       hc_catalog_find_code(e->code, &(size_t){ 0 }) == 0;
}
