/*
 * logscan.h - read a log line by line, plain or gzip, in constant memory.
 *
 * The reader owns one fixed buffer: a line is handed out as a pointer into
 * it, valid until the next call, never copied and never allocated. A line
 * longer than HC_SCAN_LINE_MAX is skipped and counted, so a 100 MB line costs
 * no more memory than a short one. gzip input (several members too) is
 * recognised by its magic bytes and inflated with zlib as it is read. No
 * curses here; the CLI and the browser's log lens both use it.
 */
#ifndef HC_LOGSCAN_H
#define HC_LOGSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Longer lines are skipped (counted by hc_scan_long_lines). */
#define HC_SCAN_LINE_MAX (64 * 1024)

enum hc_scan_result {
	HC_SCAN_LINE,           /* *line and *len are set (no '\n', '\r' kept) */
	HC_SCAN_EOF,
	HC_SCAN_IDLE,           /* no data within wait_ms, or a signal came: call again */
	HC_SCAN_ERROR,          /* hc_scan_error() says what; lines before it were good */
};

struct hc_scan_opts {
	/* > 0: wait at most this long for data before returning HC_SCAN_IDLE,
	 * for a pipe that is still being written (tail -f | httpcodes). */
	int wait_ms;
	/* A byte range of a plain regular file, read with pread so that two
	 * readers can share one descriptor: the lines that begin in
	 * [start, end) (end 0: to the end of the file). start > 0 means the line
	 * under way at start belongs to the reader before. gzip is not looked
	 * for in a range. */
	off_t start, end;
	bool ranged;
};

struct hc_scan;

/* Reads fd (not closed by hc_scan_free). NULL when out of memory. */
struct hc_scan *hc_scan_new(int fd, const struct hc_scan_opts *opts);
void hc_scan_free(struct hc_scan *s);

enum hc_scan_result hc_scan_next(struct hc_scan *s, const char **line, size_t *len);

/* Number of the line last returned or skipped (1-based; relative to the
 * start of the range for a ranged reader). */
uint64_t hc_scan_line_no(const struct hc_scan *s);
/* Lines skipped for being longer than HC_SCAN_LINE_MAX. */
uint64_t hc_scan_long_lines(const struct hc_scan *s);
/* Bytes read from the descriptor so far (compressed bytes for gzip). */
uint64_t hc_scan_bytes_in(const struct hc_scan *s);
bool hc_scan_is_gzip(const struct hc_scan *s);
/* What went wrong, for a message ("the gzip data is truncated"). */
const char *hc_scan_error(const struct hc_scan *s);

#endif
