/* cli_explain.c - --explain: what response heads (curl -sIL, curl -v) say,
 * as text or JSON. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "cli_logio.h"
#include "json.h"
#include "logscan.h"
#include "response.h"
#include "text.h"

static const char *fact_id(enum hc_fact f)
{
	static const char *const ids[] = {
		[HC_FACT_NO_LOCATION] = "no_location",
		[HC_FACT_LOCATION] = "location",
		[HC_FACT_NO_WWW_AUTHENTICATE] = "no_www_authenticate",
		[HC_FACT_NO_PROXY_AUTHENTICATE] = "no_proxy_authenticate",
		[HC_FACT_NO_ALLOW] = "no_allow",
		[HC_FACT_RETRY_SECONDS] = "retry_after_seconds",
		[HC_FACT_RETRY_DATE] = "retry_after_date",
		[HC_FACT_RETRY_BAD] = "retry_after_invalid",
		[HC_FACT_NO_RETRY_AFTER] = "no_retry_after",
		[HC_FACT_RANGE] = "content_range",
		[HC_FACT_RANGE_MULTIPART] = "multipart_byteranges",
		[HC_FACT_NO_CONTENT_RANGE] = "no_content_range",
		[HC_FACT_RANGE_BAD] = "content_range_invalid",
		[HC_FACT_UNSATISFIED_RANGE] = "unsatisfied_range",
		[HC_FACT_VALIDATORS] = "validators",
		[HC_FACT_NO_VALIDATORS] = "no_validators",
		[HC_FACT_NOT_A_STATUS] = "not_a_status",
		[HC_FACT_CHAIN_MIXED] = "permanent_temporary_mix",
		[HC_FACT_METHOD_CHANGED] = "post_became_get",
		[HC_FACT_METHOD_CHANGED_BAD] = "method_changed",
		[HC_FACT_CHAIN_UNFINISHED] = "chain_unfinished",
	};

	return (size_t)f < sizeof ids / sizeof ids[0] && ids[f] ? ids[f] : "unknown";
}

/* "2 h 5 min", "90 s" / "2시간 5분" */
static void duration(FILE *f, long long s, bool ko)
{
	static const struct {
		long long secs;
		const char *en, *ko;
	} units[] = {
		{ 86400, "d", "일" }, { 3600, "h", "시간" }, { 60, "min", "분" }, { 1, "s", "초" },
	};
	int parts = 0;

	if (s <= 0) {
		fputs(ko ? "0초" : "0 s", f);
		return;
	}
	for (size_t i = 0; i < sizeof units / sizeof units[0] && parts < 2; i++) {
		if (s >= units[i].secs) {
			fprintf(f, ko ? "%s%lld%s" : "%s%lld %s", parts ? " " : "", s / units[i].secs,
			        ko ? units[i].ko : units[i].en);
			s %= units[i].secs;
			parts++;
		} else if (parts) {
			break;
		}
	}
}

/* A header value, cleaned, as the user sees it. */
static void hv(FILE *f, const struct hc_response *r, enum hc_hdr h)
{
	hc_logio_put_clean(f, r->value[h], strlen(r->value[h]), 100);
}

/* One finding in words. r is the response (NULL for chain facts), v the
 * whole list (for hop numbers). */
static void fact_text(FILE *f, const struct hc_finding *x, const struct hc_response *r,
                      const struct hc_response *v, bool ko)
{
	switch (x->fact) {
	case HC_FACT_NO_LOCATION:
		fprintf(f, ko ? "Location 헤더 없음: %d 리디렉션은 옮겨 갈 주소를 알려 줘야 합니다 "
		                "(RFC 9110 \xc2\xa7" "10.2.2)"
		              : "no Location header: a %d redirect must say where to go "
		                "(RFC 9110 \xc2\xa7" "10.2.2)", r->code);
		break;
	case HC_FACT_LOCATION:
		fputs(ko ? "옮겨 갈 주소: " : "goes to: ", f);
		hv(f, r, HC_HDR_LOCATION);
		break;
	case HC_FACT_NO_WWW_AUTHENTICATE:
		fputs(ko ? "WWW-Authenticate 헤더 없음: 401 응답은 인증 방법(challenge)을 하나 이상 "
		           "알려 줘야 합니다 (RFC 9110 \xc2\xa7" "15.5.2)"
		         : "no WWW-Authenticate header: a 401 must name at least one way to "
		           "authenticate (RFC 9110 \xc2\xa7" "15.5.2)", f);
		break;
	case HC_FACT_NO_PROXY_AUTHENTICATE:
		fputs(ko ? "Proxy-Authenticate 헤더 없음: 407 응답은 프록시 인증 방법을 알려 줘야 "
		           "합니다 (RFC 9110 \xc2\xa7" "15.5.8)"
		         : "no Proxy-Authenticate header: a 407 must name how to authenticate to "
		           "the proxy (RFC 9110 \xc2\xa7" "15.5.8)", f);
		break;
	case HC_FACT_NO_ALLOW:
		fputs(ko ? "Allow 헤더 없음: 405 응답은 이 리소스가 받는 메서드 목록을 보내야 합니다 "
		           "(RFC 9110 \xc2\xa7" "15.5.6)"
		         : "no Allow header: a 405 must list the methods the resource supports "
		           "(RFC 9110 \xc2\xa7" "15.5.6)", f);
		break;
	case HC_FACT_RETRY_SECONDS:
		fputs("Retry-After: ", f);
		hv(f, r, HC_HDR_RETRY_AFTER);
		fputs(ko ? " \xe2\x80\x94 " : " \xe2\x80\x94 retry in ", f);
		duration(f, x->n[0], ko);
		if (ko)
			fputs(" 뒤에 다시 시도하라는 뜻입니다", f);
		break;
	case HC_FACT_RETRY_DATE:
		fputs("Retry-After: ", f);
		hv(f, r, HC_HDR_RETRY_AFTER);
		if (x->n[1] && x->n[0] <= 0) {
			fputs(ko ? " \xe2\x80\x94 응답의 Date 시각에 이미 지난 시각입니다: 바로 다시 시도해도 됩니다"
			         : " \xe2\x80\x94 already past at the response's Date: retry now", f);
		} else if (x->n[1]) {
			fputs(ko ? " \xe2\x80\x94 응답의 Date로부터 " : " \xe2\x80\x94 retry ", f);
			duration(f, x->n[0], ko);
			fputs(ko ? " 뒤에 다시 시도하라는 뜻입니다" : " after the response's Date", f);
		} else {
			fputs(ko ? " \xe2\x80\x94 정해진 시각입니다 (응답에 Date 헤더가 없어 남은 시간은 "
			           "알 수 없음)"
			         : " \xe2\x80\x94 a point in time (the response has no Date to measure "
			           "the wait from)", f);
		}
		break;
	case HC_FACT_RETRY_BAD:
		fputs("Retry-After '", f);
		hv(f, r, HC_HDR_RETRY_AFTER);
		fputs(ko ? "': 초 단위 숫자도 HTTP 날짜도 아닙니다 (RFC 9110 \xc2\xa7" "10.2.3)"
		         : "' is neither a number of seconds nor an HTTP-date (RFC 9110 \xc2\xa7"
		           "10.2.3)", f);
		break;
	case HC_FACT_NO_RETRY_AFTER:
		fputs(ko ? "Retry-After 헤더 없음: 클라이언트가 언제 다시 시도할지 짐작해야 합니다 "
		           "(선택 사항, RFC 9110 \xc2\xa7" "10.2.3)"
		         : "no Retry-After header: the client has to guess when to try again "
		           "(optional, RFC 9110 \xc2\xa7" "10.2.3)", f);
		break;
	case HC_FACT_RANGE:
		if (x->n[2] >= 0 && ko)
			fprintf(f, "Content-Range: 전체 %lld바이트 중 %lld-%lld (%lld바이트)",
			        x->n[2], x->n[0], x->n[1], x->n[1] - x->n[0] + 1);
		else if (x->n[2] >= 0)
			fprintf(f, "Content-Range: bytes %lld-%lld of %lld (%lld bytes)",
			        x->n[0], x->n[1], x->n[2], x->n[1] - x->n[0] + 1);
		else
			fprintf(f, ko ? "Content-Range: 길이를 알 수 없는 전체 중 %lld-%lld (%lld바이트)"
			              : "Content-Range: bytes %lld-%lld of an unknown length (%lld bytes)",
			        x->n[0], x->n[1], x->n[1] - x->n[0] + 1);
		break;
	case HC_FACT_RANGE_MULTIPART:
		fputs(ko ? "여러 범위를 multipart/byteranges로 보냈습니다 (부분마다 Content-Range가 "
		           "있습니다)"
		         : "several ranges as multipart/byteranges (each part has its own "
		           "Content-Range)", f);
		break;
	case HC_FACT_NO_CONTENT_RANGE:
		fputs(ko ? "Content-Range 헤더 없음: 범위 하나를 보내는 206 응답은 어느 바이트인지 "
		           "밝혀야 합니다 (RFC 9110 \xc2\xa7" "15.3.7)"
		         : "no Content-Range header: a 206 with one range must say which bytes it "
		           "carries (RFC 9110 \xc2\xa7" "15.3.7)", f);
		break;
	case HC_FACT_RANGE_BAD:
		fputs("Content-Range '", f);
		hv(f, r, HC_HDR_CONTENT_RANGE);
		fputs(ko ? "'를 읽을 수 없습니다 ('bytes 처음-끝/전체 길이' 형식이어야 합니다, "
		           "RFC 9110 \xc2\xa7" "14.4)"
		         : "' cannot be read (expected 'bytes FIRST-LAST/LENGTH', "
		           "RFC 9110 \xc2\xa7" "14.4)", f);
		break;
	case HC_FACT_UNSATISFIED_RANGE:
		fprintf(f, ko ? "Content-Range: bytes */%lld \xe2\x80\x94 리소스 전체가 %lld바이트입니다"
		              : "Content-Range: bytes */%lld \xe2\x80\x94 the whole resource is %lld bytes",
		        x->n[0], x->n[0]);
		break;
	case HC_FACT_VALIDATORS:
		fputs(ko ? "검증자: " : "validators: ", f);
		if (x->n[0]) {
			fputs("ETag ", f);
			hv(f, r, HC_HDR_ETAG);
		}
		if (x->n[1]) {
			fputs(x->n[0] ? ", Last-Modified " : "Last-Modified ", f);
			hv(f, r, HC_HDR_LAST_MODIFIED);
		}
		fputs(ko ? " \xe2\x80\x94 캐시에 있는 사본을 그대로 써도 됩니다"
		         : " \xe2\x80\x94 the cached copy is still good", f);
		break;
	case HC_FACT_NO_VALIDATORS:
		fputs(ko ? "ETag도 Last-Modified도 없음: 304 응답은 200 응답이 보냈을 검증자를 다시 "
		           "보내야 합니다 (RFC 9110 \xc2\xa7" "15.4.5)"
		         : "neither ETag nor Last-Modified: a 304 should repeat the validators a 200 "
		           "would have sent (RFC 9110 \xc2\xa7" "15.4.5)", f);
		break;
	case HC_FACT_NOT_A_STATUS:
		fprintf(f, ko ? "%lld은(는) HTTP 상태 코드가 아닙니다 (100-599의 세 자리 숫자)"
		              : "%lld is not an HTTP status code (three digits, 100-599)", x->n[0]);
		break;
	case HC_FACT_CHAIN_MIXED:
		fputs(ko ? "영구(301, 308)와 임시(302, 303, 307) 리디렉션이 섞여 있습니다: 캐시와 검색 "
		           "엔진은 영구 단계만 기억합니다"
		         : "permanent (301, 308) and temporary (302, 303, 307) redirects are mixed: "
		           "caches and search engines remember only the permanent steps", f);
		break;
	case HC_FACT_METHOD_CHANGED:
		fprintf(f, ko ? "%lld번째 응답(%d) 뒤에 클라이언트가 POST를 GET으로 바꿨습니다: 메서드를 "
		                "지키려면 307이나 308을 쓰십시오 (RFC 9110 \xc2\xa7" "15.4.3)"
		              : "after response %lld (%d) the client turned POST into GET: use 307 or "
		                "308 to keep the method (RFC 9110 \xc2\xa7" "15.4.3)",
		        x->n[0] + 1, v[x->n[0]].code);
		break;
	case HC_FACT_METHOD_CHANGED_BAD:
		fprintf(f, ko ? "%lld번째 응답(%d) 뒤에 메서드가 바뀌었습니다: %d은(는) 메서드를 바꾸면 "
		                "안 됩니다 (RFC 9110 \xc2\xa7" "15.4.8)"
		              : "after response %lld (%d) the method changed, which %d forbids "
		                "(RFC 9110 \xc2\xa7" "15.4.8)",
		        x->n[0] + 1, v[x->n[0]].code, v[x->n[0]].code);
		break;
	case HC_FACT_CHAIN_UNFINISHED:
		fputs(ko ? "마지막 응답도 리디렉션입니다: 최종 응답 전에 입력이 끝났습니다 (curl -L이 "
		           "따라갑니다)"
		         : "the chain ends on a redirect: the input stops before the final response "
		           "(curl -L follows it)", f);
		break;
	}
}

struct wrapped {
	FILE *f;
	const char *mark;
	bool red;
	bool first;
	int code;               /* colour the leading code in its class colour */
};

/* "Moved Permanently · 영구 이동 [vendor]: summary" */
static void print_entry(FILE *f, const struct hc_entry *en, enum hc_lang lang)
{
	hc_logio_entry_name(f, en, lang, true);
	fputs(": ", f);
	if (lang != HC_LANG_KO)
		fputs(hc_str(en->summary_en), f);
	if (lang == HC_LANG_BOTH)
		fputs(" / ", f);
	if (lang != HC_LANG_EN)
		fputs(hc_str(en->summary_ko), f);
}

static void wrapped_line(const char *line, size_t n, void *ud)
{
	struct wrapped *w = ud;

	if (!w->first)
		fputs("    ", w->f);
	else if (w->red)
		fprintf(w->f, "\033[1;31m%s\033[0m", w->mark);
	else
		fputs(w->mark, w->f);
	if (w->first && w->code && n >= 3) {
		fprintf(w->f, "\033[%sm%.3s\033[0m", hc_logio_class_sgr(w->code), line);
		line += 3;
		n -= 3;
	}
	fwrite(line, 1, n, w->f);
	fputc('\n', w->f);
	w->first = false;
}

/* Both languages when asked for both: English, then Korean; wrapped. */
static void fact_line(FILE *f, const struct hc_finding *x, const struct hc_response *r,
                      const struct hc_response *v, enum hc_lang lang, bool color, int width)
{
	const char *mark = x->problem ? "  ! " : "  - ";

	for (int pass = 0; pass < 2; pass++) {
		bool ko = pass == 1;

		if ((ko && lang == HC_LANG_EN) || (!ko && lang == HC_LANG_KO))
			continue;
		char *t = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&t, &len);

		if (!m)
			return;
		fact_text(m, x, r, v, ko);
		fclose(m);
		struct wrapped w = { f, mark, color && x->problem, true, 0 };
		hc_text_wrap(t, len, width - 4 > 20 ? width - 4 : 20, wrapped_line, &w);
		free(t);
	}
}

/* The codes of the final responses (200 and up), sep between them. */
static void chain_codes(FILE *f, const struct hc_resp_parser *p, const char *sep)
{
	bool first = true;

	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].code < 200)
			continue;
		fprintf(f, "%s%d", first ? "" : sep, p->v[i].code);
		first = false;
	}
}

static void explain_text(FILE *f, const struct hc_resp_parser *p, const char *name,
                         enum hc_lang lang, bool color, int width)
{
	struct hc_finding x[HC_FINDINGS_MAX];
	const struct hc_entry *all = hc_catalog_entries();

	for (size_t i = 0; i < p->n; i++) {
		const struct hc_response *r = &p->v[i];
		size_t first, n = hc_catalog_find_code(r->code, &first), k;

		if (i)
			fputc('\n', f);
		if (name) {
			hc_logio_put_clean(f, name, strlen(name), 50);
			fputc(':', f);
		} else {
			fputs(hc_logio_pick(lang, "line ", "줄 "), f);
		}
		fprintf(f, "%" PRIu64 ": %s%s ", r->line, color ? "\033[1m" : "", r->proto);
		fprintf(f, "%d%s", r->code, r->reason[0] ? " " : "");
		hc_logio_put_clean(f, r->reason, strlen(r->reason), 60);
		if (r->method[0])
			fprintf(f, lang == HC_LANG_KO ? " (%s 요청에 대한 응답)" : " (after %s)", r->method);
		fputs(color ? "\033[0m\n" : "\n", f);
		for (size_t e = 0; e < n; e++) {
			const struct hc_entry *en = &all[first + e];
			char *t = NULL;
			size_t len = 0;
			FILE *line = open_memstream(&t, &len);

			if (!line)
				break;
			/* the code in its class colour is added by the wrapper */
			fprintf(line, "%d ", en->code);
			print_entry(line, en, lang);
			fclose(line);
			struct wrapped w = { f, "  ", false, true, color ? en->code : 0 };
			hc_text_wrap(t, len, width - 4 > 20 ? width - 4 : 20, wrapped_line, &w);
			free(t);
		}
		if (n == 0 && r->code >= 100 && r->code <= 599)
			fprintf(f, "  %d %s\n", r->code, hc_logio_pick(lang, "(not in the table)", "(표에 없는 코드)"));
		k = hc_resp_check(r, x, HC_FINDINGS_MAX);
		for (size_t j = 0; j < k; j++)
			fact_line(f, &x[j], r, p->v, lang, color, width);
	}
	if (p->dropped)
		fprintf(f, lang == HC_LANG_KO ? "\n(응답 %zu개 더 있음)\n" : "\n(%zu more responses not shown)\n",
		        p->dropped);

	/* A chain: more than one final response, and a redirect before the last. */
	size_t hops = 0;
	bool redirected = false;
	for (size_t i = 0; i < p->n; i++)
		hops += p->v[i].code >= 200;
	for (size_t i = 0, seen = 0; i < p->n; i++) {
		int c = p->v[i].code;

		if (c >= 200 && ++seen < hops && (c == 301 || c == 302 || c == 303 || c == 307 || c == 308))
			redirected = true;
	}
	if (hops >= 2 && redirected) {
		size_t k = hc_chain_check(p->v, p->n, x, HC_FINDINGS_MAX);

		fputs(hc_logio_pick(lang, "\nRedirect chain: ", "\n리디렉션 경로: "), f);
		chain_codes(f, p, " \xe2\x86\x92 ");
		fputc('\n', f);
		for (size_t j = 0; j < k; j++)
			fact_line(f, &x[j], NULL, p->v, lang, color, width);
	}
}

static void json_findings(FILE *f, const struct hc_finding *x, size_t k,
                          const struct hc_response *r, const struct hc_response *v)
{
	fputc('[', f);
	for (size_t j = 0; j < k; j++) {
		char *t = NULL;
		size_t len = 0;

		fputs(j ? ", {\"id\": " : "{\"id\": ", f);
		hc_json_str(f, fact_id(x[j].fact));
		fprintf(f, ", \"problem\": %s", x[j].problem ? "true" : "false");
		for (int pass = 0; pass < 2; pass++) {
			FILE *m = open_memstream(&t, &len);

			if (!m)
				continue;
			fact_text(m, &x[j], r, v, pass == 1);
			fclose(m);
			fputs(pass ? ", \"message_ko\": " : ", \"message_en\": ", f);
			hc_json_strn(f, t, len);
			free(t);
			t = NULL;
		}
		if (x[j].fact == HC_FACT_RETRY_SECONDS || (x[j].fact == HC_FACT_RETRY_DATE && x[j].n[1]))
			fprintf(f, ", \"seconds\": %lld", x[j].n[0]);
		fputc('}', f);
	}
	fputc(']', f);
}

static void explain_json(FILE *f, const struct hc_resp_parser *p, const char *name, bool first_file)
{
	struct hc_finding x[HC_FINDINGS_MAX];

	if (!first_file)
		fputc(',', f);
	hc_json_indent(f, 1);
	fputs("{\"input\": ", f);
	if (name)
		hc_logio_json_clean(f, name, strlen(name));
	else
		fputs("\"-\"", f);
	fputs(", \"responses\": [", f);
	for (size_t i = 0; i < p->n; i++) {
		const struct hc_response *r = &p->v[i];
		size_t first, n = hc_catalog_find_code(r->code, &first), k;
		const struct hc_entry *e = n ? &hc_catalog_entries()[first] : NULL;

		if (i)
			fputc(',', f);
		hc_json_indent(f, 2);
		fprintf(f, "{\"line\": %" PRIu64 ", \"protocol\": ", r->line);
		hc_logio_json_clean(f, r->proto, strlen(r->proto));
		fprintf(f, ", \"code\": %d, \"reason\": ", r->code);
		hc_logio_json_clean(f, r->reason, strlen(r->reason));
		fputs(", \"method\": ", f);
		if (r->method[0])
			hc_logio_json_clean(f, r->method, strlen(r->method));
		else
			fputs("null", f);
		fputs(", \"phrase_en\": ", f);
		hc_logio_json_text(f, e ? hc_str(e->phrase_en) : NULL);
		fputs(", \"name_ko\": ", f);
		hc_logio_json_text(f, e ? hc_str(e->name_ko) : NULL);
		fputs(", \"summary_en\": ", f);
		hc_logio_json_text(f, e ? hc_str(e->summary_en) : NULL);
		fputs(", \"summary_ko\": ", f);
		hc_logio_json_text(f, e ? hc_str(e->summary_ko) : NULL);
		fputs(",\n     \"headers\": {", f);
		bool firsth = true;
		for (int h = 0; h < HC_HDR_COUNT; h++) {
			if (!r->has[h])
				continue;
			if (!firsth)
				fputs(", ", f);
			hc_json_str(f, hc_hdr_name((enum hc_hdr)h));
			fputs(": ", f);
			hc_logio_json_clean(f, r->value[h], strlen(r->value[h]));
			firsth = false;
		}
		fputs("},\n     \"findings\": ", f);
		k = hc_resp_check(r, x, HC_FINDINGS_MAX);
		json_findings(f, x, k, r, p->v);
		fputc('}', f);
	}
	fputs(p->n ? "\n  ], \"chain\": [" : "], \"chain\": [", f);
	chain_codes(f, p, ", ");
	fputs("], \"chain_findings\": ", f);
	json_findings(f, x, hc_chain_check(p->v, p->n, x, HC_FINDINGS_MAX), NULL, p->v);
	fprintf(f, ", \"more_responses\": %zu}", p->dropped);
}

int hc_cli_explain_run(const struct hc_options *o, const struct hc_log_env *env)
{
	static const char *const stdin_only[] = { "-" };
	const char *const *files = o->nargs ? o->args : stdin_only;
	size_t nfiles = o->nargs ? o->nargs : 1, found = 0, read_ok = 0;
	struct hc_resp_parser *p = malloc(sizeof *p);
	bool color = isatty(STDOUT_FILENO) && env->color_ok && !o->json;
	struct hc_logio_out out;
	int rc, rows, width = isatty(STDOUT_FILENO) ? hc_logio_term_size(&rows) : 80;

	if (!p || !hc_logio_out_open(&out)) {
		free(p);
		fputs("httpcodes: out of memory\n", stderr);
		return HC_EXIT_USAGE;
	}
	if (o->json)
		fputc('[', out.f);
	for (size_t i = 0; i < nfiles; i++) {
		const char *name = files[i], *shown = hc_logio_input_name(name);
		bool is_stdin = strcmp(name, "-") == 0;
		struct stat sb;
		int fd = hc_logio_open(name, &sb, NULL, 0);
		struct hc_scan *s;
		const char *line;
		size_t n;
		enum hc_scan_result r;

		if (fd < 0)
			continue;
		s = hc_scan_new(fd, NULL);
		if (!s) {
			fputs("httpcodes: out of memory\n", stderr);
			hc_logio_close(fd);
			continue;
		}
		hc_resp_init(p);
		while ((r = hc_scan_next(s, &line, &n)) == HC_SCAN_LINE || r == HC_SCAN_IDLE)
			if (r == HC_SCAN_LINE)
				hc_resp_line(p, line, n);
		if (r == HC_SCAN_ERROR)
			hc_logio_say(shown, hc_scan_line_no(s) + 1, "%s", hc_scan_error(s));
		if (r == HC_SCAN_EOF || hc_scan_line_no(s) > 0)
			read_ok++;
		hc_scan_free(s);
		hc_logio_close(fd);
		if (p->n == 0) {
			hc_logio_say(shown, 0,
			             "no HTTP response head found (a status line such as 'HTTP/1.1 200 OK')");
			continue;
		}
		if (o->json)
			explain_json(out.f, p, is_stdin ? NULL : name, found == 0);
		else {
			if (found)
				fputc('\n', out.f);
			explain_text(out.f, p, nfiles > 1 || !is_stdin ? name : NULL, env->lang, color,
			             width);
		}
		found++;
	}
	if (o->json)
		fputs(found ? "\n]\n" : "]\n", out.f);
	rc = read_ok == 0 ? HC_EXIT_USAGE : found ? HC_EXIT_FOUND : HC_EXIT_NOT_FOUND;
	if (hc_logio_out_flush(&out, o->json ? NULL : env->charset) != 0) {
		perror("httpcodes: write error");
		rc = HC_EXIT_USAGE;
	}
	free(p);
	return rc;
}

