/* decide_data.h - the generated tables of facts and the guide (decide_data.c,
 * written by data/gen_decide.py). Only facts.c and guide.c read them. */
#ifndef HC_DECIDE_DATA_H
#define HC_DECIDE_DATA_H

#include <stddef.h>

#include "facts.h"
#include "guide.h"

extern const struct hc_fact_header hc_fact_headers[];
extern const struct hc_rule_out hc_rule_outs[];
extern const struct hc_facts hc_facts_table[];
extern const size_t hc_facts_table_len;
extern const struct hc_guide_question hc_guide_questions[];
extern const size_t hc_guide_questions_len;
extern const struct hc_guide_answer hc_guide_answers[];
extern const size_t hc_guide_answers_len;
extern const struct hc_guide_excluded hc_guide_excluded[];
extern const size_t hc_guide_excluded_len;

#endif
