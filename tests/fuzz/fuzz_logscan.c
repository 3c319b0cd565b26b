/* fuzz_logscan.c - libFuzzer target for the line reader: plain and gzip
 * input (the seeds are gzip files to mutate), whole and in two ranges.
 *
 * Input: first byte = mode (bit 0: read as two ranges split at a point from
 * the second byte), the rest = the file. For plain input the lines read must
 * be exactly the input's lines (the last without '\n' too), both ways. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "logscan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The lines read, hashed into h (FNV-1a, a '\n' after each), and counted. */
static uint64_t scan(int fd, const struct hc_scan_opts *o, uint64_t h, uint64_t *count, bool *gz)
{
	struct hc_scan *s = hc_scan_new(fd, o);
	const char *line;
	size_t n;
	enum hc_scan_result r;

	if (!s)
		abort();
	while ((r = hc_scan_next(s, &line, &n)) == HC_SCAN_LINE) {
		if (n > HC_SCAN_LINE_MAX || memchr(line, '\n', n))
			abort();
		for (size_t i = 0; i < n; i++)
			h = (h ^ (unsigned char)line[i]) * 1099511628211u;
		h = (h ^ '\n') * 1099511628211u;
		(*count)++;
	}
	if (r == HC_SCAN_ERROR && strlen(hc_scan_error(s)) == 0)
		abort();
	*gz = hc_scan_is_gzip(s);
	hc_scan_free(s);
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	const uint64_t seed = 1469598103934665603u;
	uint64_t whole, n1 = 0, n2 = 0, want = seed, wn = 0;
	bool gz = false, gz2 = false;

	if (size < 2)
		return 0;
	if (fd < 0)
		fd = memfd_create("fuzz", 0);
	if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data + 2, size - 2, 0) != (ssize_t)(size - 2))
		abort();
	lseek(fd, 0, SEEK_SET);
	whole = scan(fd, NULL, seed, &n1, &gz);
	if (gz)
		return 0;
	/* the input's own lines */
	for (size_t i = 2, start = 2; i <= size; i++) {
		if (i == size && i == start)
			break;
		if ((i == size || data[i] == '\n') && i - start > HC_SCAN_LINE_MAX) {
			start = i + 1;  /* skipped by the reader */
		} else if (i == size || data[i] == '\n') {
			for (size_t k = start; k < i; k++)
				want = (want ^ data[k]) * 1099511628211u;
			want = (want ^ '\n') * 1099511628211u;
			wn++;
			start = i + 1;
		}
	}
	if (whole != want || n1 != wn)
		abort();
	if (data[0] & 1) {
		off_t mid = (off_t)((size - 2) * data[1] / 255);
		struct hc_scan_opts a = { .ranged = true, .start = 0, .end = mid };
		struct hc_scan_opts b = { .ranged = true, .start = mid };
		uint64_t h = seed;

		if (mid > 0)
			h = scan(fd, &a, h, &n2, &gz2);
		h = scan(fd, &b, h, &n2, &gz2);
		if (h != want || n2 != wn)
			abort();
	}
	return 0;
}
