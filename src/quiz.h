/*
 * quiz.h - study mode: questions drawn from the table and the guide, in an
 * order fixed by a seed (the same seed asks the same questions on every
 * machine). Three kinds: a situation -> which code; a code -> its name; and a
 * situation with two nearby codes -> which of the two. No curses, no I/O:
 * the CLI asks and reads; answers are judged through a look-up the caller
 * gives (the search engine), so a code, a name or 초성 all count.
 */
#ifndef HC_QUIZ_H
#define HC_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "guide.h"

enum hc_quiz_kind {
	HC_QUIZ_SCENARIO,       /* situation -> code */
	HC_QUIZ_NAME,           /* code -> name */
	HC_QUIZ_PAIR,           /* situation, two codes -> which one */
};

struct hc_quiz_question {
	enum hc_quiz_kind kind;
	const struct hc_entry *entry;           /* the right answer */
	const struct hc_guide_answer *answer;   /* SCENARIO and PAIR: its situation and lines */
	const struct hc_entry *other;           /* PAIR: the other code offered */
	bool other_first;                       /* PAIR: shown first */
	const struct hc_rule_out *line;         /* PAIR: how the two differ */
};

struct hc_quiz {
	uint64_t state;
	int class_digit;        /* 1..5, or 0 for every class */
	unsigned asked;
	unsigned char used[1000 / 8];   /* codes already asked about */
};

/* class_digit 0 draws from every class. */
void hc_quiz_init(struct hc_quiz *q, uint64_t seed, int class_digit);

/* The next question; false when none is left that has not been asked. */
bool hc_quiz_next(struct hc_quiz *q, struct hc_quiz_question *out);

/* Resolves a typed answer to the code it names, or -1: the caller's search. */
typedef int (*hc_quiz_lookup_fn)(const char *s, size_t n, void *ud);

/* True when the typed answer names the right code: three digits are a code,
 * anything else goes through lookup (whose first result counts). */
bool hc_quiz_judge(const struct hc_quiz_question *q, const char *s, size_t n,
                   hc_quiz_lookup_fn lookup, void *ud);

#endif
