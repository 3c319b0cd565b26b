/* cli_decide.c - --compare, --choose and --quiz: deciding between codes and learning them. */
#include "cli_decide.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "facts.h"
#include "guide.h"
#include "json.h"
#include "quiz.h"
#include "search.h"
#include "text.h"

static bool ko_only(const struct hc_cli *c)
{
	return c->lang == HC_LANG_KO;
}

static bool want_ko(const struct hc_cli *c)
{
	return c->lang != HC_LANG_EN;
}

static bool want_en(const struct hc_cli *c)
{
	return c->lang != HC_LANG_KO;
}

/* ---- choosing the codes to compare */

/* Every code the words name ("301 302", "401,403", "5xx"), one entry per code
 * (its first: the registered meaning, else the most common vendor's). */
static int collect_codes(const char *query, const struct hc_entry **v, size_t cap, size_t *n,
                         char *bad, size_t badlen)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t total = hc_catalog_count();
	char word[64];

	*n = 0;
	for (const char *p = query; p && *p;) {
		size_t len = strcspn(p, " ,");
		struct hc_pattern pat;
		size_t found = 0;

		if (len == 0) {
			p++;
			continue;
		}
		snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), p);
		p += len;
		if (!hc_pattern_parse(word, &pat)) {
			snprintf(bad, badlen, "'%s' is not a code or a code pattern", word);
			return HC_EXIT_USAGE;
		}
		for (size_t i = 0; i < total; i++) {
			if (!hc_pattern_match(&pat, all[i].code) || (i && all[i - 1].code == all[i].code))
				continue;
			found++;
			bool dup = false;

			for (size_t j = 0; j < *n; j++)
				dup |= v[j]->code == all[i].code;
			if (dup)
				continue;
			if (*n == cap) {
				snprintf(bad, badlen, "too many codes: --compare takes 2 to %zu codes "
				         "('%s' alone names more)", cap, word);
				return HC_EXIT_USAGE;
			}
			v[(*n)++] = &all[i];
		}
		if (!found) {
			snprintf(bad, badlen, "%s is not in the table", word);
			return HC_EXIT_NOT_FOUND;
		}
	}
	if (*n < 2) {
		snprintf(bad, badlen, "--compare needs at least two codes (httpcodes --compare 401 403)");
		return HC_EXIT_USAGE;
	}
	return HC_EXIT_FOUND;
}

/* ---- lines wrapped under an indent */

static void put_wrapped(const char *s, size_t n, void *ud)
{
	const struct hc_cli *c = ud;

	fprintf(c->out, "  %.*s\n", (int)n, s);
}

/* A see-also or rule-out line begins with the other code's phrase: put its
 * number back. */
static void say_line(const struct hc_cli *c, int code, const char *text)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "%d %s", code, text);
	hc_text_wrap(buf, strlen(buf), c->width - 2 > 10 ? c->width - 2 : 10, put_wrapped,
	             (void *)c);
}

void hc_cli_facts_json(FILE *out, const struct hc_entry *e, int level)
{
	char buf[256], text[256];
	bool first = true;

	fputc('{', out);
	for (int f = 0; f < HC_FACT_COUNT; f++) {
		const char *ref = "";
		const char *tok = hc_fact_token(e, (enum hc_fact)f, buf, sizeof buf);

		if (!tok)
			continue;
		hc_json_key(out, hc_fact_key((enum hc_fact)f), first, level + 1);
		fputc('{', out);
		hc_json_key(out, "value", true, level + 2);
		hc_json_str(out, tok);
		hc_fact_text(e, (enum hc_fact)f, false, text, sizeof text, &ref);
		if (ref && *ref) {
			hc_json_key(out, "ref", false, level + 2);
			hc_json_str(out, ref);
		}
		hc_json_indent(out, level + 1);
		fputc('}', out);
		first = false;
	}
	if (!first)
		hc_json_indent(out, level);
	fputc('}', out);
}

void hc_cli_links_json(FILE *out, const struct hc_entry *e, int level)
{
	static const char *const keys[] = { "rfc", "mdn", "mdn_ko" };
	char buf[256];
	bool first = true;

	fputc('{', out);
	for (int k = 0; k < 3; k++) {
		const char *u = k == 0 ? hc_link_rfc(e, buf, sizeof buf)
		                       : hc_link_mdn(e, k == 2, buf, sizeof buf);

		if (!u)
			continue;
		hc_json_key(out, keys[k], first, level + 1);
		hc_json_str(out, u);
		first = false;
	}
	if (!first)
		hc_json_indent(out, level);
	fputc('}', out);
}

static void compare_json(FILE *out, const struct hc_entry *const *v, size_t n)
{
	fputc('[', out);
	for (size_t j = 0; j < n; j++) {
		if (j)
			fputc(',', out);
		hc_json_indent(out, 1);
		fputc('{', out);
		hc_json_key(out, "code", true, 2);
		fprintf(out, "%d", v[j]->code);
		hc_json_key(out, "phrase_en", false, 2);
		hc_json_str(out, hc_str(v[j]->phrase_en));
		hc_json_key(out, "name_ko", false, 2);
		hc_json_str(out, hc_str(v[j]->name_ko));
		hc_json_key(out, "vendor", false, 2);
		if (v[j]->vendor)
			hc_json_str(out, hc_str(v[j]->vendor));
		else
			fputs("null", out);
		hc_json_key(out, "facts", false, 2);
		hc_cli_facts_json(out, v[j], 2);
		hc_json_indent(out, 1);
		fputc('}', out);
	}
	fputs(n ? "\n]\n" : "]\n", out);
}

int hc_cli_compare(const struct hc_cli *c, const char *query, bool json, char *err, size_t errlen)
{
	const struct hc_entry *v[HC_COMPARE_MAX];
	size_t n = 0;
	int rc = collect_codes(query, v, HC_COMPARE_MAX, &n, err, errlen);

	if (rc != HC_EXIT_FOUND)
		return rc;
	if (json) {
		compare_json(c->out, v, n);
		return HC_EXIT_FOUND;
	}
	hc_compare_write(c->out, v, n, c->lang, c->width);
	return HC_EXIT_FOUND;
}

/* ---- the guide and the quiz: a conversation, one line in, a few lines out */

/* Each language's line after an indent (not a printf format: -Wformat=2). */
static void say(const struct hc_dialog *d, const char *indent, const char *en, const char *ko)
{
	const struct hc_cli *c = d->cli;

	if (want_en(c) && en)
		fprintf(c->out, "%s%s\n", indent, en);
	if (want_ko(c) && ko)
		fprintf(c->out, "%s%s\n", indent, ko);
}

static bool read_line(const struct hc_dialog *d, char *buf, size_t n)
{
	if (d->flush)
		d->flush(d->ud);
	if (!fgets(buf, (int)n, d->in))
		return false;
	/* A line longer than the buffer: drop the rest. */
	if (!strchr(buf, '\n')) {
		int ch;

		while ((ch = fgetc(d->in)) != EOF && ch != '\n')
			;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return true;
}

static const struct hc_entry *registered(int code)
{
	size_t first;

	if (!hc_catalog_find_code(code, &first))
		return NULL;
	return &hc_catalog_entries()[first];
}

static void show_answer(const struct hc_dialog *d, const struct hc_guide_answer *a)
{
	const struct hc_cli *c = d->cli;
	const struct hc_entry *e = registered(a->code);

	fprintf(c->out, "\n→ %d %s", a->code, e ? hc_str(e->phrase_en) : "");
	if (e && want_ko(c))
		fprintf(c->out, " · %s", hc_str(e->name_ko));
	fputc('\n', c->out);
	say(d, "  ", hc_str(a->why_en), hc_str(a->why_ko));
	if (a->n_rule_out)
		fprintf(c->out, "%s\n", ko_only(c) ? "다른 후보" : c->lang == HC_LANG_BOTH ?
		        "Not these / 다른 후보" : "Not these");
	for (size_t i = 0; i < a->n_rule_out; i++) {
		const struct hc_rule_out *r = hc_guide_rule_out(a, i);

		if (want_en(c))
			say_line(c, r->code, hc_str(r->en));
		if (want_ko(c))
			say_line(c, r->code, hc_str(r->ko));
	}
}

int hc_cli_choose(const struct hc_dialog *d)
{
	const struct hc_cli *c = d->cli;
	struct hc_guide_walk w;
	char line[256];
	unsigned bad = 0;

	hc_guide_start(&w);
	fprintf(c->out, "%s\n", ko_only(c) ? "어떤 코드를 써야 할까요? 예(y) 또는 아니요(n)로 답하십시오." :
	        c->lang == HC_LANG_BOTH ?
	        "Which code should I use? Answer y or n. / 예(y) 또는 아니요(n)로 답하십시오." :
	        "Which code should I use? Answer y or n.");
	while (hc_guide_current(&w)) {
		const struct hc_guide_question *q = hc_guide_current(&w);

		fputc('\n', c->out);
		say(d, "", hc_str(q->ask_en), hc_str(q->ask_ko));
		fputs("[y/n] ", c->out);
		if (!read_line(d, line, sizeof line)) {
			fputc('\n', c->out);
			return HC_EXIT_NOT_FOUND;
		}
		int r = hc_guide_parse_reply(line, strlen(line));

		if (r < 0) {
			if (++bad >= 3)
				return HC_EXIT_USAGE;
			fprintf(c->out, "%s\n", ko_only(c) ? "y(예) 또는 n(아니요)로 답하십시오." :
			        "Please answer y or n.");
			continue;
		}
		bad = 0;
		hc_guide_answer_yes_no(&w, r == 1);
	}
	show_answer(d, hc_guide_result(&w));
	return HC_EXIT_FOUND;
}

/* The quiz's answers go through the search engine: a name or 초성 names a code. */
struct lookup {
	struct hc_index *ix;
	struct hc_results r;
};

static int lookup_code(const char *s, size_t n, void *ud)
{
	struct lookup *l = ud;

	if (!l->ix || hc_search(l->ix, s, n, &l->r) != HC_SEARCH_OK || l->r.n == 0)
		return -1;
	return hc_catalog_entries()[l->r.hits[0].entry].code;
}

static void ask(const struct hc_dialog *d, unsigned no, const struct hc_quiz_question *q)
{
	const struct hc_cli *c = d->cli;

	fprintf(c->out, "\n%u. ", no);
	switch (q->kind) {
	case HC_QUIZ_SCENARIO:
		say(d, "", want_en(c) ? "Which code fits?" : NULL, "어떤 코드가 맞을까요?");
		say(d, "   ", hc_str(q->answer->scenario_en), hc_str(q->answer->scenario_ko));
		break;
	case HC_QUIZ_NAME:
		if (ko_only(c))
			fprintf(c->out, "%d의 이름은? (한국어나 영어, 초성도 됨)\n", q->entry->code);
		else
			fprintf(c->out, "What is %d called?%s\n", q->entry->code,
			        want_ko(c) ? " / 이름은? (초성도 됨)" : "");
		break;
	case HC_QUIZ_PAIR: {
		const struct hc_entry *a = q->other_first ? q->other : q->entry;
		const struct hc_entry *b = q->other_first ? q->entry : q->other;

		if (ko_only(c))
			fprintf(c->out, "%d %s와 %d %s 중 어느 쪽일까요?\n", a->code, hc_str(a->name_ko), b->code,
			        hc_str(b->name_ko));
		else
			fprintf(c->out, "%d %s or %d %s?\n", a->code, hc_str(a->phrase_en), b->code, hc_str(b->phrase_en));
		say(d, "   ", hc_str(q->answer->scenario_en), hc_str(q->answer->scenario_ko));
		break;
	}
	}
	fputs("> ", c->out);
}

static void explain(const struct hc_dialog *d, const struct hc_quiz_question *q, bool right)
{
	const struct hc_cli *c = d->cli;
	const struct hc_entry *e = q->entry;

	if (ko_only(c))
		fprintf(c->out, "%s %d %s\n", right ? "맞습니다." : "아닙니다. 정답은", e->code,
		        hc_str(e->name_ko));
	else
		fprintf(c->out, "%s %d %s%s%s\n", right ? "Right:" : "No: it is", e->code, hc_str(e->phrase_en),
		        want_ko(c) ? " · " : "", want_ko(c) ? hc_str(e->name_ko) : "");
	switch (q->kind) {
	case HC_QUIZ_SCENARIO:
		say(d, "   ", hc_str(q->answer->why_en), hc_str(q->answer->why_ko));
		break;
	case HC_QUIZ_NAME:
		say(d, "   ", hc_str(e->summary_en), hc_str(e->summary_ko));
		break;
	case HC_QUIZ_PAIR:
		if (want_en(c))
			say_line(c, q->line->code, hc_str(q->line->en));
		if (want_ko(c))
			say_line(c, q->line->code, hc_str(q->line->ko));
		break;
	}
}

int hc_cli_quiz(const struct hc_dialog *d, unsigned long long seed, int class_digit,
                unsigned count)
{
	const struct hc_cli *c = d->cli;
	struct hc_quiz quiz;
	struct hc_quiz_question q;
	struct lookup l = { .ix = hc_index_new(hc_catalog_entries(), hc_catalog_count()) };
	unsigned right = 0, asked = 0;
	int missed[64];
	unsigned n_missed = 0;
	char line[256];

	if (!l.ix)
		return -1;
	hc_quiz_init(&quiz, seed, class_digit);
	if (ko_only(c))
		fprintf(c->out, "HTTP 상태 코드 퀴즈 (씨앗 %llu). 코드, 이름, 초성으로 답하십시오.\n", seed);
	else
		fprintf(c->out, "HTTP status code quiz (seed %llu). Answer with a code or a name%s.\n",
		        seed, want_ko(c) ? " (초성 too)" : "");
	while (asked < count && hc_quiz_next(&quiz, &q)) {
		ask(d, asked + 1, &q);
		if (!read_line(d, line, sizeof line)) {
			fputc('\n', c->out);
			break;
		}
		asked++;
		bool ok = hc_quiz_judge(&q, line, strlen(line), lookup_code, &l);

		right += ok;
		if (!ok && n_missed < sizeof missed / sizeof missed[0])
			missed[n_missed++] = q.entry->code;
		explain(d, &q, ok);
	}
	hc_results_free(&l.r);
	hc_index_free(l.ix);
	if (ko_only(c))
		fprintf(c->out, "\n점수: %u / %u\n", right, asked);
	else
		fprintf(c->out, "\nScore: %u / %u%s\n", right, asked, want_ko(c) ? " (점수)" : "");
	if (n_missed) {
		fputs(ko_only(c) ? "다시 볼 코드:" : "To review:", c->out);
		for (unsigned i = 0; i < n_missed; i++)
			fprintf(c->out, " %d", missed[i]);
		fputc('\n', c->out);
	}
	if (d->flush)
		d->flush(d->ud);
	return asked ? HC_EXIT_FOUND : HC_EXIT_NOT_FOUND;
}

/* ---- main's entry: output gathered in memory, converted, written at each flush */

struct out_sink {
	char *buf;
	size_t len;
	FILE *f;
	const char *charset;
	bool failed;
};

static void sink_flush(void *ud)
{
	struct out_sink *s = ud;
	size_t n = 0;
	char *conv;

	if (fflush(s->f) != 0) {
		s->failed = true;
		return;
	}
	if (s->len) {
		conv = hc_text_to_charset(s->buf, s->len, s->charset, &n);
		if (!conv || fwrite(conv, 1, n, stdout) != n)
			s->failed = true;
		free(conv);
		rewind(s->f);
		s->len = 0;
	}
	if (fflush(stdout) != 0)
		s->failed = true;
}

int hc_cli_decide_run(const struct hc_options *o, const char *charset, int width, bool color)
{
	/* JSON is for programs: the same UTF-8 bytes in every locale. */
	struct out_sink s = { .charset = o->json ? "UTF-8" : charset };
	char err[200] = "";
	int rc;

	s.f = open_memstream(&s.buf, &s.len);
	if (!s.f) {
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	struct hc_cli c = { .out = s.f, .lang = o->lang, .width = width, .color = color };
	struct hc_dialog d = { .cli = &c, .in = stdin, .flush = sink_flush, .ud = &s };

	switch (o->mode) {
	case HC_MODE_COMPARE:
		rc = hc_cli_compare(&c, o->query, o->json, err, sizeof err);
		break;
	case HC_MODE_CHOOSE:
		rc = hc_cli_choose(&d);
		if (rc == HC_EXIT_USAGE)
			snprintf(err, sizeof err, "no yes-or-no answer given three times; stopping");
		else if (rc == HC_EXIT_NOT_FOUND)
			snprintf(err, sizeof err, "input ended before the guide reached a code");
		break;
	case HC_MODE_QUIZ: {
		int digit = 0;

		if (o->query) {
			struct hc_pattern p;

			if (!hc_pattern_parse(o->query, &p) || p.digit[0] == '?' ||
			    !(p.len == 1 || (p.len == 3 && p.digit[1] == '?' && p.digit[2] == '?'))) {
				snprintf(err, sizeof err, "--quiz takes a class (1xx … 5xx), not '%.40s'",
				         o->query);
				rc = HC_EXIT_USAGE;
				break;
			}
			digit = p.digit[0] - '0';
		}
		rc = hc_cli_quiz(&d, o->seed, digit, 10);
		if (rc < 0) {
			snprintf(err, sizeof err, "out of memory");
			rc = HC_EXIT_USAGE;
		} else if (rc == HC_EXIT_NOT_FOUND) {
			snprintf(err, sizeof err, "input ended before the first answer");
		}
		break;
	}
	default:
		rc = HC_EXIT_USAGE;
		break;
	}
	sink_flush(&s);
	fclose(s.f);
	free(s.buf);
	if (s.failed) {
		perror("httpcodes: write error");
		return HC_EXIT_USAGE;
	}
	if (*err)
		fprintf(stderr, "httpcodes: %s\n", err);
	return rc;
}
