/* quiz.c - drawing study questions in an order fixed by the seed. */
#include "quiz.h"

#include <string.h>

/* splitmix64: small, fast and the same everywhere. */
static uint64_t next_u64(struct hc_quiz *q)
{
	uint64_t z = (q->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t below(struct hc_quiz *q, size_t n)
{
	return n ? (size_t)(next_u64(q) % n) : 0;
}

void hc_quiz_init(struct hc_quiz *q, uint64_t seed, int class_digit)
{
	memset(q, 0, sizeof *q);
	q->state = seed;
	q->class_digit = class_digit >= 1 && class_digit <= 5 ? class_digit : 0;
}

/* Each code is asked about once per quiz, whatever the kind of question. */
static bool used(const struct hc_quiz *q, enum hc_quiz_kind k, int code)
{
	(void)k;
	return code >= 0 && code < 1000 && (q->used[code / 8] >> (code % 8) & 1);
}

static void mark(struct hc_quiz *q, enum hc_quiz_kind k, int code)
{
	(void)k;
	if (code >= 0 && code < 1000)
		q->used[code / 8] |= (unsigned char)(1u << (code % 8));
}

static bool in_class(const struct hc_quiz *q, int code)
{
	return !q->class_digit || code / 100 == q->class_digit;
}

static const struct hc_entry *registered(int code)
{
	size_t first;

	if (!hc_catalog_find_code(code, &first))
		return NULL;
	const struct hc_entry *e = &hc_catalog_entries()[first];

	return e->vendor ? NULL : e;
}

/* Guide answers in the class not yet asked in kind k (PAIR: with a line left). */
static size_t answers_left(const struct hc_quiz *q, enum hc_quiz_kind k,
                           const struct hc_guide_answer **out, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < hc_guide_answer_count() && n < cap; i++) {
		const struct hc_guide_answer *a = hc_guide_answer(i);

		if (!in_class(q, a->code) || used(q, k, a->code) || !registered(a->code))
			continue;
		if (k == HC_QUIZ_PAIR && a->n_rule_out == 0)
			continue;
		out[n++] = a;
	}
	return n;
}

/* Registered codes in the class that are in use today (not unused, not obsolete). */
static size_t names_left(const struct hc_quiz *q, const struct hc_entry **out, size_t cap)
{
	const struct hc_entry *v = hc_catalog_entries();
	size_t n = 0;

	for (size_t i = 0; i < hc_catalog_count() && n < cap; i++) {
		const struct hc_entry *e = &v[i];

		if (e->vendor || !in_class(q, e->code) || used(q, HC_QUIZ_NAME, e->code))
			continue;
		if (e->status != HC_STATUS_STANDARD)
			continue;
		out[n++] = e;
	}
	return n;
}

bool hc_quiz_next(struct hc_quiz *q, struct hc_quiz_question *out)
{
	enum { CAP = 256 };
	const struct hc_guide_answer *ans[CAP];
	const struct hc_entry *ents[CAP];
	size_t first = below(q, 3);

	memset(out, 0, sizeof *out);
	/* Try the kind the seed picked, then the others in turn. */
	for (size_t t = 0; t < 3; t++) {
		enum hc_quiz_kind k = (enum hc_quiz_kind)((first + t) % 3);

		if (k == HC_QUIZ_NAME) {
			size_t n = names_left(q, ents, CAP);

			if (!n)
				continue;
			out->kind = k;
			out->entry = ents[below(q, n)];
			mark(q, k, out->entry->code);
			q->asked++;
			return true;
		}
		size_t n = answers_left(q, k, ans, CAP);

		if (!n)
			continue;
		out->kind = k;
		out->answer = ans[below(q, n)];
		out->entry = registered(out->answer->code);
		if (k == HC_QUIZ_PAIR) {
			out->line = hc_guide_rule_out(out->answer, below(q, out->answer->n_rule_out));
			out->other = registered(out->line->code);
			out->other_first = below(q, 2) == 1;
			if (!out->other)
				continue;
		}
		mark(q, k, out->answer->code);
		q->asked++;
		return true;
	}
	return false;
}

bool hc_quiz_judge(const struct hc_quiz_question *q, const char *s, size_t n,
                   hc_quiz_lookup_fn lookup, void *ud)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (!n || !q->entry)
		return false;
	if (n == 3 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
	    s[2] <= '9')
		return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0') == q->entry->code;
	return lookup && lookup(s, n, ud) == q->entry->code;
}
