/*
 * guide.h - "Which code should I use?": a tree of yes/no questions that ends
 * on a code, with a line on why it fits and one on each nearby code it was
 * not. Written in data/guide.txt; data/gen_decide.py checks that every
 * answer is a registered code, every question is reachable from the first,
 * there is no cycle, and every registered code is either an answer or
 * excluded with a reason. No curses here.
 */
#ifndef HC_GUIDE_H
#define HC_GUIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* A nearby code and how it differs from the answer. */
struct hc_rule_out {          /* strings hc_sref (catalog.h: hc_str()), as below */
	unsigned short code;
	hc_sref en, ko;
};

/* yes/no: a question index (>= 0), or -(answer index + 1). */
struct hc_guide_question {
	hc_sref id;
	hc_sref ask_en, ask_ko;
	int yes, no;
};

struct hc_guide_answer {
	unsigned short code;
	hc_sref why_en, why_ko;
	hc_sref scenario_en, scenario_ko;
	unsigned short rule_out; /* the first of n_rule_out: hc_guide_rule_out() */
	unsigned short n_rule_out;
};

struct hc_guide_excluded {
	unsigned short code;
	hc_sref why_en, why_ko;
};

size_t hc_guide_question_count(void);
const struct hc_guide_question *hc_guide_question(size_t i);   /* 0 is the first */
size_t hc_guide_answer_count(void);
const struct hc_guide_answer *hc_guide_answer(size_t i);
/* The answer for a code, or NULL. */
const struct hc_guide_answer *hc_guide_answer_for(int code);
/* Rule-out line i (below a->n_rule_out) of an answer. */
const struct hc_rule_out *hc_guide_rule_out(const struct hc_guide_answer *a, size_t i);
/* Why an API does not choose this code, or NULL when the guide can end on it. */
const struct hc_guide_excluded *hc_guide_excluded_for(int code);

/* A walk through the tree. */
struct hc_guide_walk {
	int at;                 /* current question index, or -(answer index + 1) when done */
	unsigned steps;
};

void hc_guide_start(struct hc_guide_walk *w);
/* The question to ask now, or NULL when the walk has ended on an answer. */
const struct hc_guide_question *hc_guide_current(const struct hc_guide_walk *w);
void hc_guide_answer_yes_no(struct hc_guide_walk *w, bool yes);
/* The answer reached, or NULL while questions remain. */
const struct hc_guide_answer *hc_guide_result(const struct hc_guide_walk *w);

/*
 * Read a yes/no reply typed by a person: y, yes, n, no (any case), 예, 네, 응,
 * ㅇ, 아니요, 아니오, 아니, ㄴ, with spaces around. Returns 1 for yes, 0 for no,
 * -1 for anything else.
 */
int hc_guide_parse_reply(const char *s, size_t n);

#endif
