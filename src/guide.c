/* guide.c - walking the "which code should I use?" question tree. */
#include "guide.h"

#include <string.h>

#include "decide_data.h"

size_t hc_guide_question_count(void)
{
	return hc_guide_questions_len;
}

const struct hc_guide_question *hc_guide_question(size_t i)
{
	return i < hc_guide_questions_len ? &hc_guide_questions[i] : NULL;
}

size_t hc_guide_answer_count(void)
{
	return hc_guide_answers_len;
}

const struct hc_guide_answer *hc_guide_answer(size_t i)
{
	return i < hc_guide_answers_len ? &hc_guide_answers[i] : NULL;
}

const struct hc_rule_out *hc_guide_rule_out(const struct hc_guide_answer *a, size_t i)
{
	return &hc_rule_outs[a->rule_out + i];
}

const struct hc_guide_answer *hc_guide_answer_for(int code)
{
	for (size_t i = 0; i < hc_guide_answers_len; i++)
		if (hc_guide_answers[i].code == code)
			return &hc_guide_answers[i];
	return NULL;
}

const struct hc_guide_excluded *hc_guide_excluded_for(int code)
{
	for (size_t i = 0; i < hc_guide_excluded_len; i++)
		if (hc_guide_excluded[i].code == code)
			return &hc_guide_excluded[i];
	return NULL;
}

void hc_guide_start(struct hc_guide_walk *w)
{
	w->at = 0;
	w->steps = 0;
}

const struct hc_guide_question *hc_guide_current(const struct hc_guide_walk *w)
{
	return w->at >= 0 ? hc_guide_question((size_t)w->at) : NULL;
}

void hc_guide_answer_yes_no(struct hc_guide_walk *w, bool yes)
{
	const struct hc_guide_question *q = hc_guide_current(w);

	if (!q)
		return;
	w->at = yes ? q->yes : q->no;
	w->steps++;
}

const struct hc_guide_answer *hc_guide_result(const struct hc_guide_walk *w)
{
	return w->at < 0 ? hc_guide_answer((size_t)(-(w->at + 1))) : NULL;
}

/* Replies people type, after trimming spaces; compared without case for ASCII. */
static const char *const yes_words[] = { "y", "yes", "예", "네", "응", "ㅇ", "ㅇㅇ", "yeah" };
static const char *const no_words[] = { "n", "no", "아니요", "아니오", "아니", "ㄴ", "ㄴㄴ", "nope" };

static bool in(const char *const *v, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		size_t wl = strlen(v[i]);

		if (wl != len)
			continue;
		size_t j = 0;

		while (j < len) {
			unsigned char a = (unsigned char)s[j], b = (unsigned char)v[i][j];

			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (a != b)
				break;
			j++;
		}
		if (j == len)
			return true;
	}
	return false;
}

int hc_guide_parse_reply(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (in(yes_words, sizeof yes_words / sizeof yes_words[0], s, n))
		return 1;
	if (in(no_words, sizeof no_words / sizeof no_words[0], s, n))
		return 0;
	return -1;
}
