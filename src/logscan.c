/* logscan.c - a line reader over a descriptor, plain or gzip. */
#include "logscan.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

/* Big reads keep the system-call count low; the buffer must hold a line of
 * HC_SCAN_LINE_MAX with room to spare so that a read is never tiny. (512 KiB
 * measured no faster than 160 KiB, and 16-64 KiB reads no faster either:
 * the kernel's copy costs the same.) */
#define BUF_SIZE (160 * 1024)
#define GZ_IN_SIZE (128 * 1024)

struct hc_scan {
	int fd;
	struct hc_scan_opts o;
	char *buf;
	size_t pos, fill;       /* unread bytes are buf[pos..fill) */
	off_t buf_off;          /* file offset of buf[0] (ranged reads) */
	off_t rd_off;           /* next pread offset */
	bool sniffed, done, skipping, gzip, in_eof;
	uint64_t line_no, long_lines, bytes_in;
	z_stream z;
	bool z_live, z_end;
	unsigned char *zin;
	char err[160];
};

struct hc_scan *hc_scan_new(int fd, const struct hc_scan_opts *opts)
{
	struct hc_scan *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->buf = malloc(BUF_SIZE);
	if (!s->buf) {
		free(s);
		return NULL;
	}
	s->fd = fd;
	if (opts)
		s->o = *opts;
	if (s->o.ranged) {
		s->sniffed = true;
		/* The line under way at start belongs to the reader before: read
		 * from start - 1 and drop everything up to the first newline (if
		 * that byte is itself a newline, the first line begins at start). */
		if (s->o.start > 0) {
			s->rd_off = s->o.start - 1;
			s->skipping = true;
		}
		s->buf_off = s->rd_off;
	}
	return s;
}

void hc_scan_free(struct hc_scan *s)
{
	if (!s)
		return;
	if (s->z_live)
		inflateEnd(&s->z);
	free(s->zin);
	free(s->buf);
	free(s);
}

static ssize_t fail(struct hc_scan *s, const char *msg)
{
	snprintf(s->err, sizeof s->err, "%s", msg);
	return -1;
}

/* One read(): > 0 bytes, 0 at end of file, -1 error, -2 nothing yet. */
static ssize_t raw_read(struct hc_scan *s, void *dst, size_t cap)
{
	ssize_t n;

	if (s->o.wait_ms > 0) {
		struct pollfd p = { .fd = s->fd, .events = POLLIN };
		int r = poll(&p, 1, s->o.wait_ms);

		if (r == 0 || (r < 0 && errno == EINTR))
			return -2;
	}
	if (s->o.ranged)
		n = pread(s->fd, dst, cap, s->rd_off);
	else
		n = read(s->fd, dst, cap);
	if (n < 0) {
		/* A signal (Ctrl-C on a live input) lets the caller look at its
		 * flags; EISDIR and the like are real errors. */
		if (errno == EINTR || errno == EAGAIN)
			return -2;
		return fail(s, strerror(errno));
	}
	s->rd_off += n;
	s->bytes_in += (uint64_t)n;
	return n;
}

static ssize_t start_gzip(struct hc_scan *s)
{
	s->zin = malloc(GZ_IN_SIZE);
	if (!s->zin)
		return fail(s, "out of memory");
	/* 16 + MAX_WBITS: a gzip wrapper, checked (CRC and length). */
	if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK)
		return fail(s, "cannot start zlib");
	s->z_live = true;
	memcpy(s->zin, s->buf, s->fill);
	s->z.next_in = s->zin;
	s->z.avail_in = (uInt)s->fill;
	s->fill = 0;
	s->gzip = true;
	return 0;
}

/* Inflate into buf[fill..): > 0 bytes, 0 at the end, -1, -2 as raw_read. */
static ssize_t gz_more(struct hc_scan *s)
{
	for (;;) {
		if (s->z.avail_in == 0 && !s->in_eof) {
			ssize_t n = raw_read(s, s->zin, GZ_IN_SIZE);

			if (n < 0)
				return n;
			if (n == 0)
				s->in_eof = true;
			s->z.next_in = s->zin;
			s->z.avail_in = (uInt)n;
		}
		if (s->z_end) {
			/* gzip allows several members one after another; zero
			 * padding after the last (tape blocks) is harmless. */
			while (s->z.avail_in > 0 && s->z.next_in[0] == 0) {
				s->z.next_in++;
				s->z.avail_in--;
			}
			if (s->z.avail_in == 0) {
				if (s->in_eof)
					return 0;
				continue;
			}
			if (s->z.next_in[0] != 0x1f)
				return fail(s, "data after the end of the gzip stream");
			if (inflateReset(&s->z) != Z_OK)
				return fail(s, "cannot restart zlib");
			s->z_end = false;
		}
		size_t room = BUF_SIZE - s->fill;
		s->z.next_out = (unsigned char *)s->buf + s->fill;
		s->z.avail_out = (uInt)room;
		int r = inflate(&s->z, Z_NO_FLUSH);
		size_t got = room - s->z.avail_out;

		switch (r) {
		case Z_STREAM_END:
			s->z_end = true;
			break;
		case Z_OK:
		case Z_BUF_ERROR:       /* no progress possible: more input needed */
			break;
		case Z_MEM_ERROR:
			return fail(s, "out of memory");
		default:
			snprintf(s->err, sizeof s->err, "corrupt gzip data (%s)",
			         s->z.msg ? s->z.msg : "zlib error");
			return -1;
		}
		if (got > 0) {
			s->fill += got;
			return (ssize_t)got;
		}
		if (s->in_eof && s->z.avail_in == 0 && !s->z_end)
			return fail(s, "the gzip data is truncated");
	}
}

/* More bytes into buf[fill..): > 0, 0 at the end, -1 error, -2 idle. */
static ssize_t more(struct hc_scan *s)
{
	ssize_t n;

	if (s->gzip)
		return gz_more(s);
	/* Until the magic bytes are seen, read no more than the gzip input
	 * buffer holds: those bytes move there if they are gzip. */
	n = raw_read(s, s->buf + s->fill, (s->sniffed ? BUF_SIZE : GZ_IN_SIZE) - s->fill);
	if (n <= 0)
		return n;
	s->fill += (size_t)n;
	/* Look for the gzip magic in the first two bytes of the input. */
	if (!s->sniffed && s->fill >= 2) {
		s->sniffed = true;
		if ((unsigned char)s->buf[0] == 0x1f && (unsigned char)s->buf[1] == 0x8b) {
			if (start_gzip(s) < 0)
				return -1;
			return gz_more(s);
		}
	}
	return n;
}

enum hc_scan_result hc_scan_next(struct hc_scan *s, const char **line, size_t *len)
{
	for (;;) {
		if (s->pos < s->fill) {
			char *p = s->buf + s->pos;
			char *nl = memchr(p, '\n', s->fill - s->pos);

			if (nl) {
				if (s->skipping) {
					s->skipping = false;
					s->pos = (size_t)(nl + 1 - s->buf);
					continue;
				}
				if (s->o.ranged && s->o.end > 0 &&
				    s->buf_off + (off_t)s->pos >= s->o.end) {
					s->done = true;
					return HC_SCAN_EOF;
				}
				s->pos = (size_t)(nl + 1 - s->buf);
				s->line_no++;
				/* the same limit whether or not the whole line fit in
				 * one read */
				if (nl - p > HC_SCAN_LINE_MAX) {
					s->long_lines++;
					continue;
				}
				*line = p;
				*len = (size_t)(nl - p);
				return HC_SCAN_LINE;
			}
			if (!s->skipping && s->fill - s->pos > HC_SCAN_LINE_MAX) {
				if (s->o.ranged && s->o.end > 0 &&
				    s->buf_off + (off_t)s->pos >= s->o.end) {
					s->done = true;
					return HC_SCAN_EOF;
				}
				s->skipping = true;
				s->long_lines++;
				s->line_no++;
			}
			if (s->skipping) {
				s->buf_off += (off_t)s->fill;
				s->pos = s->fill = 0;
			}
		}
		if (s->done)
			return s->err[0] ? HC_SCAN_ERROR : HC_SCAN_EOF;
		if (s->pos > 0) {
			memmove(s->buf, s->buf + s->pos, s->fill - s->pos);
			s->buf_off += (off_t)s->pos;
			s->fill -= s->pos;
			s->pos = 0;
		}
		ssize_t n = more(s);
		if (n == -2)
			return HC_SCAN_IDLE;
		if (n == -1) {
			s->done = true;
			return HC_SCAN_ERROR;
		}
		if (n == 0) {
			s->done = true;
			/* The last line may have no newline. */
			if (!s->skipping && s->fill > s->pos &&
			    !(s->o.ranged && s->o.end > 0 && s->buf_off + (off_t)s->pos >= s->o.end)) {
				*line = s->buf + s->pos;
				*len = s->fill - s->pos;
				s->pos = s->fill;
				s->line_no++;
				return HC_SCAN_LINE;
			}
			return HC_SCAN_EOF;
		}
	}
}

uint64_t hc_scan_line_no(const struct hc_scan *s)
{
	return s->line_no;
}

uint64_t hc_scan_long_lines(const struct hc_scan *s)
{
	return s->long_lines;
}

uint64_t hc_scan_bytes_in(const struct hc_scan *s)
{
	return s->bytes_in;
}

bool hc_scan_is_gzip(const struct hc_scan *s)
{
	return s->gzip;
}

const char *hc_scan_error(const struct hc_scan *s)
{
	return s->err[0] ? s->err : "no error";
}
