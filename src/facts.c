/* facts.c - comparable facts of a code, from data/facts.txt and the class. */
#include "facts.h"

#include <stdio.h>
#include <string.h>

#include "decide_data.h"

const struct hc_facts *hc_facts_find(int code)
{
	size_t lo = 0, hi = hc_facts_table_len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (hc_facts_table[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < hc_facts_table_len && hc_facts_table[lo].code == code ? &hc_facts_table[lo] : NULL;
}

const struct hc_fact_header *hc_facts_header(const struct hc_facts *x, unsigned i)
{
	return &hc_fact_headers[x->headers + i];
}

struct words {
	const char *en, *ko;
};

static const struct words labels[HC_FACT_COUNT] = {
	[HC_FACT_OUTCOME] = { "Outcome", "결과" },
	[HC_FACT_KIND] = { "Response", "응답 종류" },
	[HC_FACT_REDIRECT] = { "Redirect", "리디렉션" },
	[HC_FACT_METHOD] = { "Method on redirect", "리디렉션 때 메서드" },
	[HC_FACT_RETRY] = { "Send again?", "다시 보내기" },
	[HC_FACT_BODY] = { "Body", "본문" },
	[HC_FACT_HEADER] = { "Header field", "헤더" },
	[HC_FACT_CACHEABLE] = { "Cacheable", "캐시" },
};

static const char *const keys[HC_FACT_COUNT] = {
	"outcome", "response", "redirect", "method", "retry", "body", "header", "cacheable",
};

static const struct words outcome[] = {
	{ "informational", "정보" }, { "success", "성공" }, { "redirection", "리디렉션" },
	{ "client error", "클라이언트 오류" }, { "server error", "서버 오류" },
};
static const char *const outcome_tok[] = {
	"informational", "success", "redirection", "client-error", "server-error",
};

static const struct words kind[] = {
	[HC_KIND_INTERIM] = { "interim (a final one follows)", "중간 응답 (최종 응답이 뒤따름)" },
	[HC_KIND_FINAL] = { "final", "최종 응답" },
	[HC_KIND_SWITCH] = { "last before the protocol switch", "프로토콜 전환 전 마지막 응답" },
};
static const char *const kind_tok[] = { "interim", "final", "switch" };

static const struct words redirect[] = {
	[HC_REDIRECT_NA] = { "—", "—" },
	[HC_REDIRECT_NONE] = { "no", "아님" },
	[HC_REDIRECT_PERMANENT] = { "permanent", "영구" },
	[HC_REDIRECT_TEMPORARY] = { "temporary", "임시" },
	[HC_REDIRECT_OTHER] = { "to another resource", "다른 리소스로" },
	[HC_REDIRECT_CHOICE] = { "the client picks one", "클라이언트가 고름" },
};
static const char *const redirect_tok[] = { NULL, "none", "permanent", "temporary", "other", "choice" };

static const struct words method[] = {
	[HC_METHOD_NA] = { "—", "—" },
	[HC_METHOD_KEPT] = { "kept", "그대로" },
	[HC_METHOD_MAY_CHANGE] = { "POST may become GET", "POST가 GET으로 바뀔 수 있음" },
	[HC_METHOD_TO_GET] = { "becomes GET", "GET으로 바뀜" },
};
static const char *const method_tok[] = { NULL, "kept", "may-change", "to-get" };

static const struct words retry[] = {
	[HC_RETRY_UNKNOWN] = { "—", "—" },
	[HC_RETRY_NOT_NEEDED] = { "not needed", "필요 없음" },
	[HC_RETRY_SAME] = { "yes, as it is", "그대로 다시 가능" },
	[HC_RETRY_LATER] = { "later", "나중에" },
	[HC_RETRY_CHANGED] = { "only changed", "고친 뒤에만" },
	[HC_RETRY_NO] = { "no", "하지 않음" },
};
static const char *const retry_tok[] = { NULL, "not-needed", "same", "later", "changed", "no" };

static const struct words strength[] = {
	[HC_STRENGTH_MUST] = { "must", "필수" },
	[HC_STRENGTH_SHOULD] = { "should", "권장" },
	[HC_STRENGTH_MAY] = { "may", "선택" },
	[HC_STRENGTH_USUAL] = { "usual", "보통" },
};

static const char *pick(const struct words *w, bool ko)
{
	return ko ? w->ko : w->en;
}

const char *hc_fact_label(enum hc_fact f, bool ko)
{
	return (unsigned)f < HC_FACT_COUNT ? pick(&labels[f], ko) : "";
}

const char *hc_fact_key(enum hc_fact f)
{
	return (unsigned)f < HC_FACT_COUNT ? keys[f] : "";
}

static int class_index(const struct hc_entry *e)
{
	int d = e->code / 100;

	return d >= 1 && d <= 5 ? d - 1 : -1;
}

static enum hc_kind kind_of(const struct hc_entry *e, const struct hc_facts *f)
{
	if (f)
		return f->kind;
	return e->code < 200 ? HC_KIND_INTERIM : HC_KIND_FINAL;
}

bool hc_fact_applies(const struct hc_entry *e, enum hc_fact f)
{
	const struct hc_facts *x = e->vendor ? NULL : hc_facts_find(e->code);

	switch (f) {
	case HC_FACT_OUTCOME: return class_index(e) >= 0;
	case HC_FACT_KIND: return true;
	case HC_FACT_REDIRECT: return x && x->redirect != HC_REDIRECT_NA;
	case HC_FACT_METHOD: return x && x->method != HC_METHOD_NA;
	case HC_FACT_RETRY: return x && x->retry != HC_RETRY_UNKNOWN;
	case HC_FACT_BODY: return x != NULL;
	case HC_FACT_HEADER: return x && x->n_headers > 0;
	case HC_FACT_CACHEABLE: return true;
	case HC_FACT_COUNT: break;
	}
	return false;
}

static void headers_text(const struct hc_facts *x, bool ko, bool tokens, char *buf, size_t n)
{
	size_t at = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < x->n_headers && at < n; i++) {
		const struct hc_fact_header *h = hc_facts_header(x, i);
		int w;

		if (tokens)
			w = snprintf(buf + at, n - at, "%s%s %s", i ? ", " : "",
			             strength[h->strength].en, hc_str(h->name));
		else
			w = snprintf(buf + at, n - at, "%s%s (%s)", i ? ", " : "", hc_str(h->name),
			             pick(&strength[h->strength], ko));
		if (w < 0)
			break;
		at += (size_t)w;
	}
}

static const char *copy(char *buf, size_t n, const char *s)
{
	if (n) {
		size_t len = strlen(s);

		if (len >= n)
			len = n - 1;
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

const char *hc_fact_text(const struct hc_entry *e, enum hc_fact f, bool ko, char *buf, size_t n,
                         const char **ref)
{
	const struct hc_facts *x = e->vendor ? NULL : hc_facts_find(e->code);
	const char *r = "";
	const char *s = "—";

	if (!n)
		return buf;
	switch (f) {
	case HC_FACT_OUTCOME:
		if (class_index(e) >= 0)
			s = pick(&outcome[class_index(e)], ko);
		r = e->code >= 100 && e->code < 600 && !e->vendor ? "RFC 9110 §15" : "";
		break;
	case HC_FACT_KIND:
		s = pick(&kind[kind_of(e, x)], ko);
		r = x && *hc_str(x->kind_ref) ? hc_str(x->kind_ref) : (e->code < 200 ? "RFC 9110 §15.2" : "");
		break;
	case HC_FACT_REDIRECT:
		if (x) {
			s = pick(&redirect[x->redirect], ko);
			r = hc_str(x->redirect_ref);
		}
		break;
	case HC_FACT_METHOD:
		if (x) {
			s = pick(&method[x->method], ko);
			r = hc_str(x->method_ref);
		}
		break;
	case HC_FACT_RETRY:
		if (x) {
			s = pick(&retry[x->retry], ko);
			r = hc_str(x->retry_ref);
		}
		break;
	case HC_FACT_BODY:
		if (x) {
			s = x->body ? (ko ? "있을 수 있음" : "allowed") : (ko ? "없음" : "none");
			r = hc_str(x->body_ref);
		}
		break;
	case HC_FACT_HEADER:
		if (x && x->n_headers) {
			headers_text(x, ko, false, buf, n);
			r = hc_str(hc_facts_header(x, 0)->ref);
			if (ref)
				*ref = r;
			return buf;
		}
		break;
	case HC_FACT_CACHEABLE:
		s = e->cacheable ? (ko ? "예 (휴리스틱)" : "yes (heuristically)") : (ko ? "아니요" : "no");
		r = e->cacheable ? (e->code == 451 ? "RFC 7725 §3" : "RFC 9110 §15.1") : "";
		break;
	case HC_FACT_COUNT:
		break;
	}
	if (ref)
		*ref = r;
	return copy(buf, n, s);
}

const char *hc_fact_token(const struct hc_entry *e, enum hc_fact f, char *buf, size_t n)
{
	const struct hc_facts *x = e->vendor ? NULL : hc_facts_find(e->code);
	const char *s = NULL;

	if (!n || !hc_fact_applies(e, f))
		return NULL;
	switch (f) {
	case HC_FACT_OUTCOME: s = outcome_tok[class_index(e)]; break;
	case HC_FACT_KIND: s = kind_tok[kind_of(e, x)]; break;
	case HC_FACT_REDIRECT: s = redirect_tok[x->redirect]; break;
	case HC_FACT_METHOD: s = method_tok[x->method]; break;
	case HC_FACT_RETRY: s = retry_tok[x->retry]; break;
	case HC_FACT_BODY: s = x->body ? "allowed" : "none"; break;
	case HC_FACT_HEADER:
		headers_text(x, false, true, buf, n);
		return buf;
	case HC_FACT_CACHEABLE: s = e->cacheable ? "yes" : "no"; break;
	case HC_FACT_COUNT: break;
	}
	return s ? copy(buf, n, s) : NULL;
}

const char *hc_link_rfc(const struct hc_entry *e, char *buf, size_t n)
{
	const char *r = hc_str(e->reference);
	unsigned rfc = 0;
	int w;

	if (!r || !n)
		return NULL;
	if (strncmp(r, "draft-", 6) == 0) {
		size_t len = strcspn(r, "; ");

		w = snprintf(buf, n, "https://datatracker.ietf.org/doc/%.*s/", (int)len, r);
		return w > 0 && (size_t)w < n ? buf : NULL;
	}
	if (sscanf(r, "RFC %u", &rfc) != 1 || rfc == 0)
		return NULL;
	/* "RFC 9110 §15.5.5": the section sign is two bytes in UTF-8. */
	const char *sec = strstr(r, "\xc2\xa7");
	const char *semi = strchr(r, ';');

	if (sec && (!semi || sec < semi)) {
		sec += 2;
		w = snprintf(buf, n, "https://www.rfc-editor.org/rfc/rfc%u.html#section-%.*s", rfc,
		             (int)strspn(sec, "0123456789."), sec);
	} else {
		w = snprintf(buf, n, "https://www.rfc-editor.org/rfc/rfc%u.html", rfc);
	}
	return w > 0 && (size_t)w < n ? buf : NULL;
}

const char *hc_link_mdn(const struct hc_entry *e, bool ko, char *buf, size_t n)
{
	const struct hc_facts *x = e->vendor ? NULL : hc_facts_find(e->code);
	int w;

	if (!x || !(ko ? x->mdn_ko : x->mdn_en) || !n)
		return NULL;
	w = snprintf(buf, n, "https://developer.mozilla.org/%s/docs/Web/HTTP/Reference/Status/%d",
	             ko ? "ko" : "en-US", e->code);
	return w > 0 && (size_t)w < n ? buf : NULL;
}
