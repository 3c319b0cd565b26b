/* timing.h - the clock and the sort the benchmarks share (header-only: spawn.c
 * is compiled on its own by run.sh). */
#ifndef HC_BENCH_TIMING_H
#define HC_BENCH_TIMING_H

#include <time.h>

static inline double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* qsort comparator for medians. */
static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#endif
