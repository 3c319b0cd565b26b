/*
 * spawn.c - the timing loop of tests/bench/run.sh (built by it with cc).
 *
 * Reads a spec file, one command a line: "label<TAB>runs<TAB>argv0<TAB>argv1…".
 * Runs every command a few times to warm the page cache, then round-robin
 * (one run of each command per round, so that the commands share the same
 * machine state) until each has had its runs, timing spawn + wait with
 * CLOCK_MONOTONIC. Children get stdin and stdout on /dev/null (stderr too).
 * A run longer than TIMEOUT_S is killed and counted as a failure.
 *
 * Prints one line a command: "label<TAB>runs<TAB>failures<TAB>median_ns
 * <TAB>min_ns<TAB>p25_ns<TAB>p75_ns".
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

#define MAX_CMDS 16
#define MAX_ARGS 32
#define WARMUP 3
#define TIMEOUT_S 20

extern char **environ;

struct cmd {
	char *label;
	int runs, done, fails;
	char *argv[MAX_ARGS + 1];
	double *ns;
};

static volatile sig_atomic_t alarmed;

static void on_alarm(int sig)
{
	(void)sig;
	alarmed = 1;
}

/* One run: returns the wall time in ns, or -1 on failure. */
static double run_once(struct cmd *c)
{
	posix_spawn_file_actions_t fa;
	double t0, t1;
	pid_t pid;
	int st, rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = now_ns();
	rc = posix_spawnp(&pid, c->argv[0], &fa, NULL, c->argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	alarmed = 0;
	alarm(TIMEOUT_S);
	while (waitpid(pid, &st, 0) < 0) {
		if (errno == EINTR && alarmed) {
			kill(pid, SIGKILL);
			alarmed = 0;
			continue;
		}
		if (errno != EINTR)
			return -1;
	}
	t1 = now_ns();
	alarm(0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	return t1 - t0;
}

int main(int argc, char **argv)
{
	static struct cmd cmds[MAX_CMDS];
	static char line[8192];
	struct sigaction sa;
	int n = 0, max_runs = 0;
	FILE *f;

	if (argc != 2) {
		fputs("usage: spawn SPECFILE\n", stderr);
		return 2;
	}
	f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	while (n < MAX_CMDS && fgets(line, sizeof line, f)) {
		struct cmd *c = &cmds[n];
		char *save = NULL, *tok;
		int k = 0;

		line[strcspn(line, "\n")] = '\0';
		tok = strtok_r(line, "\t", &save);
		if (!tok)
			continue;
		c->label = strdup(tok);
		tok = strtok_r(NULL, "\t", &save);
		c->runs = tok ? atoi(tok) : 0;
		while (k < MAX_ARGS && (tok = strtok_r(NULL, "\t", &save)))
			c->argv[k++] = strdup(tok);
		if (k == 0 || c->runs <= 0)
			continue;
		c->ns = calloc((size_t)c->runs, sizeof *c->ns);
		if (!c->ns)
			return 2;
		if (c->runs > max_runs)
			max_runs = c->runs;
		n++;
	}
	fclose(f);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);      /* no SA_RESTART: waitpid sees EINTR */

	for (int w = 0; w < WARMUP; w++)
		for (int i = 0; i < n; i++)
			if (run_once(&cmds[i]) < 0)
				cmds[i].fails++;
	for (int r = 0; r < max_runs; r++)
		for (int i = 0; i < n; i++) {
			struct cmd *c = &cmds[i];
			double t;

			if (r >= c->runs || c->fails > WARMUP + 2)
				continue;       /* done, or broken: stop wasting time */
			t = run_once(c);
			if (t < 0)
				c->fails++;
			else
				c->ns[c->done++] = t;
		}
	for (int i = 0; i < n; i++) {
		struct cmd *c = &cmds[i];
		int d = c->done;

		if (d == 0) {
			printf("%s\t0\t%d\t-\t-\t-\t-\n", c->label, c->fails);
			continue;
		}
		qsort(c->ns, (size_t)d, sizeof *c->ns, cmp_double);
		printf("%s\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\n", c->label, d, c->fails,
		       d % 2 ? c->ns[d / 2] : (c->ns[d / 2 - 1] + c->ns[d / 2]) / 2,
		       c->ns[0], c->ns[d / 4], c->ns[(3 * d) / 4]);
	}
	return 0;
}
