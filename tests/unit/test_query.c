/*
 * test_query.c - query understanding (query.h): splitting, punctuation,
 * status lines, codes in words, noise, identifiers, spellings, stems.
 * The input is what hc_search gives the parser: expanded, then folded (here
 * typed already lower-case).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "expand.h"
#include "query.h"
#include "kspace.h"
#include "kstem.h"
#include "qwords.h"
#include "dubeol.h"
#include "translit.h"

static struct hc_qterms qt;
static const char *text;

static void split(const char *s, bool words_only)
{
	text = s;
	hc_query_split((const uint8_t *)s, strlen(s), words_only, &qt);
}

/* want: the terms, space-separated, a '?' before each optional one. */
static void expect_terms(const char *want)
{
	char got[512] = "";
	size_t k = 0;

	for (unsigned i = 0; i < qt.n; i++)
		k += (size_t)snprintf(got + k, sizeof got - k, "%s%s%.*s", i ? " " : "",
		                      qt.t[i].optional ? "?" : "", (int)qt.t[i].len, text + qt.t[i].at);
	assert_string_equal(got, want);
}

static void test_split(void **state)
{
	(void)state;
	split("  too   large\xe3\x80\x80request ", false);     /* U+3000 too */
	expect_terms("too large request");
	assert_int_equal(qt.n_required, 3);
	split("a a a b a", false);
	expect_terms("?a b");
	/* the typed order keeps the repeats: "not modified" stands side by side */
	split("not updating says not modified", false);
	expect_terms("not updating ?says modified");
	assert_int_equal(qt.n_seq, 5);
	assert_memory_equal(qt.seq, ((const unsigned char[]){ 0, 1, 2, 0, 3 }), 5);
	split("", false);
	assert_int_equal(qt.n, 0);
	/* Korean emoticons: after a word they go (ㅠ ㅜ ㅡ always, ㅋ ㅎ two or
	 * more); vowels alone are no term; ㅋ ㅎ alone stay (초성) */
	split("\xeb\xa1\x9c\xea\xb7\xb8\xec\x9d\xb8 \xed\x92\x80\xeb\xa6\xbc\xe3\x85\xa0\xe3\x85\xa0", false);
	expect_terms("\xeb\xa1\x9c\xea\xb7\xb8\xec\x9d\xb8 \xed\x92\x80\xeb\xa6\xbc");   /* 로그인 풀림ㅠㅠ */
	split("풀림ㅋㅋㅋ ㅜㅜ", false);
	expect_terms("풀림");
	split("쿠ㅋ", false);
	expect_terms("쿠ㅋ");
	split("쿠ㅋㅠ", false);
	expect_terms("쿠ㅋ");
	split("ㅋㅋ", false);
	expect_terms("ㅋㅋ");
	split("ㅠㅠ", false);
	assert_int_equal(qt.n, 0);
}

static void test_punctuation(void **state)
{
	(void)state;
	split("(404)", false);
	expect_terms("404");
	split("'404'", false);
	expect_terms("404");
	split("404.", false);
	expect_terms("404");
	split("40? 5?3", false);                /* patterns keep their '?' */
	expect_terms("40? 5?3");
	split("timeout? - => \"gateway\"", false);
	expect_terms("timeout gateway");
	split("404.3", false);                  /* an IIS sub-status is its code */
	expect_terms("404");
	split("http error 500.30 - asp.net core app failed to start", false);
	expect_terms("?http ?error 500 asp.net core app failed ?to start");
	split("404.3", true);                   /* words only: the word as typed */
	expect_terms("404.3");
	split("1.1.404.13", false);             /* no sub-status inside a longer token */
	expect_terms("1.1.404.13");
	/* pasted JSON and key=value logs: joining punctuation cuts words */
	split("{\"detail\":\"Not Found\"}", false);
	expect_terms("detail Not Found");
	split("level=error msg=\"upstream timed out\"", false);
	expect_terms("level ?error msg upstream timed out");
	split("gateway,proxy;nginx|cdn", false);
	expect_terms("gateway proxy nginx cdn");
	/* a number before a colon is an error number, a doubled colon no cut */
	split("failed (111: refused)", false);
	expect_terms("failed ?111 refused");
	split("Foo::Bar 4?4", false);
	expect_terms("Foo::Bar 4?4");
}

static void test_status_line(void **state)
{
	(void)state;
	split("http/1.1 404 not found", false);
	expect_terms("?http/1.1 404 ?not ?found");
	assert_true(qt.status_line);
	assert_int_equal(qt.n_required, 1);
	split("http/2 502", false);
	expect_terms("?http/2 502");
	split("http 404", false);
	expect_terms("?http 404");
	/* --search: no codes, so no status line either */
	split("http/1.1 404 not found", true);
	assert_false(qt.status_line);
	/* a port is no status: a particle on http, a number glued to 포트
	 * or before "port" (443 was the status line's code, all else
	 * optional, and nothing was found) */
	split("http로 443포트 접속했는데 400", false);
	assert_false(qt.status_line);
	expect_terms("http ?443 포트 접속했는데 400");
	split("http 443 port 400", false);
	assert_false(qt.status_line);
	expect_terms("?http ?443 port 400");	/* a proxy's result and code, as Squid logs them (expand.c has cut
	 * TCP_DENIED at its _) */
	split("TCP DENIED/407 3856", false);
	expect_terms("TCP DENIED 407 3856");
	split("api/v2/404", false);                     /* a path stays whole */
	expect_terms("api/v2/404");
}

static void test_code_in_words(void **state)
{
	(void)state;
	split("404 에러", false);
	expect_terms("404 ?에러");
	split("404에러", false);                 /* digits cut from Hangul */
	expect_terms("404 ?에러");
	/* a number glued to a unit is a quantity: "100초" is not 100 Continue */
	split("클라우드플레어 타임아웃 100초", false);
	expect_terms("클라우드플레어 타임아웃 ?100 초");
	split("업로드 10메가 제한", false);
	expect_terms("업로드 ?10 메가 제한");
	/* and so is a number before a unit word */
	split("cloudflare timeout after 100 seconds", false);
	expect_terms("cloudflare timeout ?after ?100 seconds");
	split("업로드 413 at 10 MB", false);
	expect_terms("업로드 413 ?at ?10 MB");
	split("타임아웃 100 초", false);
	expect_terms("타임아웃 ?100 초");
	split("100 초과", false);                /* 초과 is no unit */
	expect_terms("100 초과");
	split("500번대", false);                 /* 번 is no unit: the 5xx class */
	expect_terms("500 번대");
	split("error 500", false);
	expect_terms("?error 500");
	split("status 503", false);
	expect_terms("?status 503");
	split("what is the code for rate limit", false);
	expect_terms("?what ?is ?the ?code ?for rate limit");
	/* only noise: then it is all required */
	split("error code", false);
	expect_terms("error code");
	/* numbers that are not codes: a count, an error number */
	split("limit 10 requests", false);
	expect_terms("limit ?10 requests");
	split("(110: connection timed out)", false);
	expect_terms("?110 connection timed out");
	/* after "error", "status", "code" or "http" it names a status
	 * (Python's urllib: "HTTP Error 404: Not Found") */
	split("http error 308: permanent redirect", false);
	expect_terms("?http ?error 308 permanent redirect");
	split("status 503: busy", false);
	expect_terms("?status 503 busy");
	split("rejected after about 100 calls per minute", false);
	expect_terms("rejected ?after ?about ?100 calls per minute");
}

/* A particle typed apart from its noun says nothing ("하고", "와"); glued,
 * it is taken off the word instead. */
static void test_particles_apart(void **state)
{
	(void)state;
	split("먼저 업그레이드 하고 와", false);
	expect_terms("먼저 업그레이드 ?하고 ?와");
	split("GET 은 되는데 POST 는 안 됨", false);
	expect_terms("GET ?은 되는데 POST ?는 안 됨");
	split("와", false);                      /* alone: it is the query */
	expect_terms("와");
}

/* The word before "header" or "헤더" (or "request header", "요청 헤더"),
 * and one before a colon, is a header's name; the word "header" points at
 * it (rank.c scores the pair as a name where the entry has the header). */
static void test_header_names(void **state)
{
	(void)state;
	split("Allow header", false);
	assert_true(qt.t[0].header);
	assert_int_equal(qt.t[1].header_of, 1);
	split("expect 헤더를 못 맞춤", false);
	assert_true(qt.t[0].header);
	assert_int_equal(qt.t[1].header_of, 1);
	split("the expect request header", false);
	assert_true(qt.t[1].header);
	assert_false(qt.t[2].header);
	assert_int_equal(qt.t[3].header_of, 2);
	split("allow: get, head", false);
	assert_true(qt.t[0].header);
	assert_false(qt.t[1].header);
	/* 요청 헤더 opening the query names no header */
	split("요청 헤더가 너무 큼", false);
	for (unsigned k = 0; k < qt.n; k++) {
		assert_false(qt.t[k].header);
		assert_int_equal(qt.t[k].header_of, 0);
	}
	split("header", false);
	assert_int_equal(qt.t[0].header_of, 0);
}

/* A code set aside is not the code asked for: optional, with the word that
 * sets it aside; a code after it stays ("404 대신 410"). */
static void test_code_aside(void **state)
{
	(void)state;
	split("삭제된 글 404 대신 쓰는 코드", false);
	expect_terms("삭제된 글 ?404 ?대신 ?쓰는 ?코드");
	split("404 대신 410 써도", false);
	expect_terms("?404 ?대신 410 써도");
	split("웹소켓 200이 아니던데", false);   /* a particle between */
	expect_terms("웹소켓 ?200 ?이 ?아니던데");
	split("생성 200말고 다른 코드", false);
	expect_terms("생성 ?200 ?말고 다른 ?코드");
	split("answer 404 instead of 403", false);
	expect_terms("answer 404 ?instead ?of ?403");
	split("disk full rather than 500", false);
	expect_terms("disk full ?rather ?than ?500");
	/* "instead" after a code affirms it; 대신 before one is no contrast */
	split("should it be 500 instead", false);
	expect_terms("?should ?it ?be 500 instead");
	split("대신 404", false);
	expect_terms("대신 404");
	/* a bug report title's tags say where, not what */
	split("[결제] 카드 승인 후 타임아웃", false);
	expect_terms("?결제 카드 승인 후 타임아웃");
	split("[login][ios] session expired", false);
	expect_terms("?login ?ios session expired");
	/* pasted JSON or a lone bracket is no tag */
	split("[{\"msg\":\"field required\"}]", false);
	expect_terms("msg field required");
	split("[timeout", false);
	expect_terms("timeout");
	/* an English word with a Korean particle glued to it is the word,
	 * never noise ("get" alone is) */
	split("nginx가 bad gateway만 띄워요", false);
	expect_terms("nginx bad gateway 띄워요");
	split("post 후에 get으로", false);
	expect_terms("post 후에 get");
	split("json만 받는", false);
	expect_terms("json 받는");
	split("get", false);
	expect_terms("get");
	split("get 404", false);
	expect_terms("?get 404");
	/* also when the word was typed before on its own ("get" was noise) */
	split("get 404 then get으로", false);
	expect_terms("get 404 ?then");
	/* not an ending: the word stays whole */
	split("etag같으면", false);
	expect_terms("etag같으면");
	/* a phrase in quotes: its words are never noise ("this", "is" are) */
	split("status called \"this is fine\"", false);
	expect_terms("?status called this is fine");
	split("this is fine", false);
	expect_terms("?this ?is fine");
	/* JSON's quotes are no phrase */
	split("{\"error\":\"not found\"}", false);
	expect_terms("?error not found");
	/* words only: no code to set aside */
	split("404 대신", true);
	expect_terms("404 대신");
}

/* in, rewritten by one of the query's rewrites (expand, one-hump
 * expand, Korean spacing, Hangul-typed English, English-mode Hangul), is
 * want. */
static void expect_rewrite(size_t (*rewrite)(const uint8_t *, size_t, uint8_t *), const char *in,
                           const char *want)
{
	uint8_t out[256];
	size_t n = rewrite((const uint8_t *)in, strlen(in), out);

	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
}

#define expect_expand(in, want) expect_rewrite(hc_query_expand, in, want)
#define expect_expand_humps(in, want) expect_rewrite(hc_query_expand_humps, in, want)
static bool cut_all(const uint8_t *w, size_t n, const void *ctx)
{
	(void)w, (void)n, (void)ctx;
	return true;
}

/* Cuts only "form-data", as the search does for a joined word the table
 * lacks. */
static bool cut_form_data(const uint8_t *w, size_t n, const void *ctx)
{
	(void)ctx;
	return n == 9 && memcmp(w, "form-data", 9) == 0;
}

static void expect_joined(bool (*cut)(const uint8_t *, size_t, const void *), const char *in,
                          const char *want)
{
	uint8_t out[256];
	size_t n = hc_query_expand_joined((const uint8_t *)in, strlen(in), cut, NULL, out);

	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
}

/* Keeps "AsyncRequestTimeoutException" whole, as the search does for an
 * identifier the table has as a keyword. */
static bool keep_async(const uint8_t *w, size_t n, const void *ctx)
{
	(void)ctx;
	return n == 28 && memcmp(w, "AsyncRequestTimeoutException", 28) == 0;
}

static void expect_keep(const char *in, const char *want)
{
	uint8_t out[256];
	size_t n = hc_query_expand_keep((const uint8_t *)in, strlen(in), keep_async, NULL, out);

	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
}

#define expect_kspace(in, want) expect_rewrite(hc_query_kspace, in, want)
#define expect_translit(in, want) expect_rewrite(hc_query_translit, in, want)
#define expect_dubeol(in, want) expect_rewrite(hc_query_dubeol, in, want)
#define expect_keys(in, want) expect_rewrite(hc_query_dubeol_keys, in, want)

static void test_expand(void **state)
{
	(void)state;
	/* words joined by '-' or '/': cut on the second try where asked */
	expect_joined(cut_all, "multipart/form-data", "multipart form data");
	expect_joined(cut_form_data, "form-data로 Retry-After", "form data로 Retry-After");
	expect_joined(cut_all, "HTTP/1.1 404", "HTTP/1.1 404");       /* a version */
	expect_joined(cut_all, "x-1 a-", "x-1 a-");                  /* no letter after */
	expect_expand_humps("form-data PermissionDenied", "form-data Permission Denied");
	expect_expand("HttpStatus.NOT_FOUND", "Http Status NOT FOUND");
	expect_expand("res.status(404)", "res status 404 ");
	expect_expand("HttpStatusCode.NoContent", "Http Status Code No Content");
	expect_expand("HTTPStatus.UNPROCESSABLE_ENTITY", "HTTP Status UNPROCESSABLE ENTITY");
	expect_expand("<title>502 Bad Gateway</title>", " title 502 Bad Gateway /title ");
	/* not identifiers */
	expect_expand("HTTP/1.1 404", "HTTP/1.1 404");
	expect_expand("WebSocket 10.5", "WebSocket 10.5");
	expect_expand("nOt fOuNd", "nOt fOuNd");
	expect_expand("Illuminate\\Http\\ThrottleRequestsException",
	              "Illuminate Http Throttle Requests Exception");
	expect_expand("ActiveRecord::RecordNotFound", "Active Record  Record Not Found");
	/* a code between a name's words (ASP.NET Core's StatusCodes) */
	expect_expand("Status409Conflict", "Status 409 Conflict");
	expect_expand("StatusCodes.Status429TooManyRequests", "Status Codes Status 429 Too Many Requests");
	expect_expand("x509 utf8 h2c Http2Stream", "x509 utf8 h2c Http2Stream");
	expect_expand("abc1234Def", "abc1234Def");
	expect_expand("PermissionDenied", "PermissionDenied");     /* one hump */
	/* the second try: one hump is enough */
	expect_expand_humps("django PermissionDenied", "django Permission Denied");
	expect_expand_humps("WebSocket nOt", "Web Socket nOt");
	expect_expand_humps("WebDAV HTTPError", "WebDAV HTTPError");  /* no lower-upper hump */
	/* identifiers the table has whole stay whole; the rest is cut */
	expect_keep("o.s.w.c.request.async.AsyncRequestTimeoutException",
	            "o s w c request async AsyncRequestTimeoutException");
	expect_keep("AsyncRequestTimeoutException HttpStatusCode.NoContent",
	            "AsyncRequestTimeoutException Http Status Code No Content");
	expect_keep("SyncRequestTimeoutException", "Sync Request Timeout Exception");
}

static void expect_alt(size_t (*f)(const uint8_t *, size_t, uint8_t *, size_t),
                       const char *in, const char *want)
{
	uint8_t out[128];
	size_t n = f((const uint8_t *)in, strlen(in), out, sizeof out);

	if (!want) {
		assert_int_equal(n, 0);
		return;
	}
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
}

static void test_spellings(void **state)
{
	(void)state;
	expect_alt(hc_query_american, "unauthorised", "unauthorized");
	expect_alt(hc_query_american, "authorisation", "authorization");
	expect_alt(hc_query_american, "initialising", "initializing");
	expect_alt(hc_query_american, "fulfil", "fulfill");
	expect_alt(hc_query_american, "judgement", "judgment");
	expect_alt(hc_query_american, "whilst", "while");
	expect_alt(hc_query_american, "rubbish", "garbage");
	expect_alt(hc_query_american, "analysing", "analyzing");
	expect_alt(hc_query_american, "behaviour", "behavior");
	expect_alt(hc_query_american, "cancelled", "canceled");
	expect_alt(hc_query_american, "rise", NULL);
	expect_alt(hc_query_american, "four", NULL);
	expect_alt(hc_query_variant, "컨텐츠", "콘텐츠");
	expect_alt(hc_query_variant, "허용되지않는메소드", "허용되지않는메서드");
	expect_alt(hc_query_variant, "타임아웃", "시간초과");
	expect_alt(hc_query_variant, "없대", "없음");
	/* short words, whole (a particle may follow) */
	expect_alt(hc_query_variant, "클라가", "클라이언트");
	expect_alt(hc_query_variant, "비번", "비밀번호");
	expect_alt(hc_query_variant, "자원이", "리소스");       /* textbooks: 자원 */
	expect_alt(hc_query_variant, "자원봉사", NULL);
	expect_alt(hc_query_variant, "클라우드", NULL);
	expect_alt(hc_query_variant, "요청", NULL);
	expect_alt(hc_query_variant, "없어요", "없음");
	/* a negated verb means "not": isn't, can't, doesn’t (U+2019) */
	assert_true(hc_query_negated((const uint8_t *)"isn't", 5));
	assert_true(hc_query_negated((const uint8_t *)"can't", 5));
	assert_true(hc_query_negated((const uint8_t *)"doesn\xe2\x80\x99t", 9));
	assert_false(hc_query_negated((const uint8_t *)"n't", 3));
	assert_false(hc_query_negated((const uint8_t *)"client's", 8));
	assert_false(hc_query_negated((const uint8_t *)"want", 4));
	/* a possessive is also the word alone: url's, server’s (U+2019) */
	assert_int_equal(hc_query_possessive((const uint8_t *)"url's", 5), 3);
	assert_int_equal(hc_query_possessive((const uint8_t *)"server\xe2\x80\x99s", 10), 6);
	assert_int_equal(hc_query_possessive((const uint8_t *)"a's", 3), 0);
	assert_int_equal(hc_query_possessive((const uint8_t *)"urls", 4), 0);
	assert_int_equal(hc_query_possessive((const uint8_t *)"isn't", 5), 0);
	/* 됬 is always a misspelling of 됐, corrected in place */
	{
		uint8_t w[] = "금지됬음 안됬어요 됐다";
		hc_query_respell(w, sizeof w - 1);
		assert_string_equal((const char *)w, "금지됐음 안됐어요 됐다");
	}
}

static void expect_stem(size_t (*f)(const uint8_t *, size_t), const char *in, const char *want)
{
	assert_int_equal(f((const uint8_t *)in, strlen(in)), strlen(want));
}

static void test_stems(void **state)
{
	(void)state;
	expect_stem(hc_query_stem, "충돌났어요", "충돌");
	expect_stem(hc_query_stem, "생성되었을", "생성");      /* the past before a noun */        /* 나다 after a noun */
	expect_stem(hc_query_stem, "끝나서", "끝나서");
	expect_stem(hc_query_stem, "용량이", "용량");
	expect_stem(hc_query_stem, "서버가", "서버");
	expect_stem(hc_query_stem, "없습니다", "없");
	expect_stem(hc_query_stem, "필요하다", "필요");    /* the plain form */
	expect_stem(hc_query_stem, "필요하다는", "필요");  /* … quoted */
	expect_stem(hc_query_stem, "과도", "과도");     /* 과 + 도 would leave one syllable */
	expect_stem(hc_query_stem, "시간초과남", "시간초과");     /* 났음, as people write it */
	expect_stem(hc_query_stem, "강남", "강남");
	expect_stem(hc_query_stem, "잠겨있다는데요", "잠겨있");  /* quoted: they say it is */
	expect_stem(hc_query_stem, "요청", "요청");
	expect_stem(hc_query_stem, "접수됐어요", "접수");
	expect_stem(hc_query_stem, "막혔어요", "막혔");
	expect_stem(hc_query_stem, "호출하니까", "호출");
	expect_stem(hc_query_stem, "차단당했어요", "차단");
	expect_stem(hc_query_stem, "없어요", "없어");   /* 없 alone would be one syllable */
	/* an ending, then the verb-making syllable before it */
	expect_stem(hc_query_stem, "초과되었습니다", "초과");
	expect_stem(hc_query_stem, "처리되었습니다", "처리");
	expect_stem(hc_query_stem, "필요합니다", "필요");
	expect_stem(hc_query_stem, "찻주전자입니다", "찻주전자");
	expect_stem(hc_query_stem, "접수되었고", "접수");
	expect_stem(hc_query_stem, "성공적으로", "성공적");
	expect_stem(hc_query_stem, "이용할", "이용");
	expect_stem(hc_query_stem, "거부당했습니다", "거부");
	expect_stem(hc_query_stem, "되었습니다", "되었습니다");  /* nothing before it */
	expect_stem(hc_query_stem, "하는", "하는");             /* one syllable would be left */
	expect_stem(hc_query_stem, "페이지", "페이지");         /* 이 is not taken off a noun's end */
	/* the copula's connective endings (이)라서, 인데, (이)라는, 다고 */
	expect_stem(hc_query_stem, "찻주전자라서", "찻주전자");
	expect_stem(hc_query_stem, "리다이렉트인데", "리다이렉트");
	expect_stem(hc_query_stem, "게이트웨이라는", "게이트웨이");
	expect_stem(hc_query_stem, "동결됐다고", "동결");
	expect_stem(hc_query_stem, "요청이라", "요청");
	/* the copula with an ending comes off a noun of one syllable too */
	expect_stem(hc_query_stem, "중이라", "중");
	expect_stem(hc_query_stem, "중이니까", "중");
	expect_stem(hc_query_stem, "중인데", "중");
	expect_stem(hc_query_stem, "길이", "길이");     /* the particle 이 alone does not */
	expect_stem(hc_query_stem, "Content-Type이", "Content-Type");
	expect_stem(hc_query_stem, "구현되어", "구현");          /* the bare connective 어 */
	expect_stem(hc_query_stem, "차단되었", "차단");
	expect_stem(hc_query_stem, "중복이면", "중복");
	/* after a vowel 이 is read as the noun's (게이트웨이라는); the rarer
	 * copula there (서버이면) keeps it */
	expect_stem(hc_query_stem, "서버이면", "서버이");
	expect_stem(hc_query_stem_en, "lacks", "lack");
	expect_stem(hc_query_stem_en, "blocked", "block");
	expect_stem(hc_query_stem_en, "loading", "load");
	expect_stem(hc_query_stem_en, "access", "access");
	expect_stem(hc_query_stem_en, "bus", "bus");
}

static void test_noise(void **state)
{
	(void)state;
	assert_true(hc_query_is_noise((const uint8_t *)"the", 3));
	assert_true(hc_query_is_noise((const uint8_t *)"에러", strlen("에러")));
	assert_false(hc_query_is_noise((const uint8_t *)"not", 3));
	/* Korean fillers of a sentence: 사용 중인, 할 수 없는, 해당 */
	assert_true(hc_query_is_noise((const uint8_t *)"중인", strlen("중인")));
	assert_true(hc_query_is_noise((const uint8_t *)"수", strlen("수")));
	assert_true(hc_query_is_noise((const uint8_t *)"중에", strlen("중에")));
	assert_false(hc_query_is_noise((const uint8_t *)"중", strlen("중")));
	/* spoken fillers: 야 요청 좀 천천히 보내 */
	assert_true(hc_query_is_noise((const uint8_t *)"좀", strlen("좀")));
	assert_false(hc_query_is_noise((const uint8_t *)"좀비", strlen("좀비")));
	assert_false(hc_query_is_noise((const uint8_t *)"수정", strlen("수정")));
	assert_false(hc_query_is_noise((const uint8_t *)"thee", 4));
	/* connectives and time adverbs of a story; a degree (completely) stays */
	assert_true(hc_query_is_noise((const uint8_t *)"because", 7));
	assert_false(hc_query_is_noise((const uint8_t *)"completely", 10));
}

/* Korean typed without its spaces, spaced again (the search's last try) */
static void test_kspace(void **state)
{
	(void)state;
	expect_kspace("파일이너무커서안올라가요", "파일이 너무 커서 안 올라가요");
	expect_kspace("주소가너무길어서안된대", "주소가 너무 길어서 안 된대");
	expect_kspace("요청본문이너무커요", "요청본문이 너무 커요");
	/* short runs, words with a particle syllable inside, 보안 */
	/* 때 after a verb's ㄹ (runs of three syllables or more) */
	expect_kspace("점검중일때", "점검중일 때");
	expect_kspace("업로드할때 에러", "업로드할 때 에러");
	expect_kspace("안될때", "안될 때");
	expect_kspace("할때", "할때");                  /* one syllable before it */
	expect_kspace("실패할때문에", "실패할때문에");  /* 때문: because */
	expect_kspace("이것때문에", "이것때문에");      /* 것: no ㄹ */
	expect_kspace("시간초과", "시간초과");
	expect_kspace("게이트웨이", "게이트웨이");
	expect_kspace("보안프로토콜", "보안프로토콜");
	expect_kspace("클라이언트연결이끊김", "클라이언트연결이 끊김");
	expect_kspace("프록시서버가죽었어요", "프록시서버가 죽었어요");
	expect_kspace("HTTP 404 파일이너무커요", "HTTP 404 파일이 너무 커요");
}

/* English typed in Hangul, whole words only (the search's last try) */
static void test_translit(void **state)
{
	(void)state;
	expect_translit("낫 파운드", "not found");
	expect_translit("투 매니 리퀘스트 떠요", "too many request 떠요");
	expect_translit("언오소라이즈드", "unauthorized");
	expect_translit("  노  컨텐트 ", "  no  content ");
	/* glued to a particle or an ending: the English, the particle left out */
	expect_translit("파운드가", "found");
	expect_translit("겟으로 포스트로 보냄", "get post 보냄");
	expect_translit("제이슨이라서", "json");
	/* a spelling of one syllable with an ending is a Korean word
	 * (낫어요: 났어요 mistyped), but 겟 and 폼 */
	expect_translit("낫어요", "낫어요");
	expect_translit("노는", "노는");
	expect_translit("폼으로", "form");
	/* inside a word, with no ending after it, or a loanword the table has */
	expect_translit("낫파운드", "낫파운드");
	expect_translit("파운드리", "파운드리");
	expect_translit("게이트웨이 타임아웃", "게이트웨이 타임아웃");
	expect_translit("", "");
}

/* Hangul typed with the keyboard in English mode (두벌식; the search's
 * last try). Each worked by hand from the layout: d ㅇ, l ㅣ, s ㄴ, w ㅈ,
 * m ㅡ, v ㅍ, f ㄹ, y ㅛ … */
static void test_dubeol(void **state)
{
	(void)state;
	expect_dubeol("dlswmd vlfdy", "인증 필요");
	expect_dubeol("404 dlswmd", "404 인증");        /* a code stays */
	expect_dubeol("dhksfy", "완료");                 /* ㅗ + ㅏ = ㅘ */
	expect_dubeol("dmlal", "의미");                  /* ㅡ + ㅣ = ㅢ */
	expect_dubeol("rkqt", "값");                     /* ㅂ + ㅅ = ㅄ */
	expect_dubeol("dlfrdj", "읽어");                 /* ㄹ + ㄱ = ㄺ, then 어 */
	expect_dubeol("Rkdl", "까이");                   /* shift: ㄲ */
	expect_dubeol("TKDl", "싸이");                   /* other capitals: caps lock */
	expect_dubeol("rjatk tlrks", "검사 시간");
	/* English words and half syllables stay as typed */
	expect_dubeol("hello test", "hello test");       /* ㅗ first; ㅅㄷ no vowel */
	expect_dubeol("dkE", "dkE");                     /* ㄸ ends no syllable */
	expect_dubeol("rk1", "rk1");                     /* not letters alone */
	expect_dubeol("r", "r");
	expect_dubeol("dlswmd-vlfdy", "dlswmd-vlfdy");
	/* one English word keeps the whole query: HTTP starts with ㅗ, and
	 * "for" (랙) and "the" (솓) are not rewritten beside "timeout" */
	expect_dubeol("HTTP dlswmd", "HTTP dlswmd");
	expect_dubeol("오리진 DNS 오류", "오리진 DNS 오류");     /* DNS would spell 운 */
	expect_dubeol("timeout for the api", "timeout for the api");
	expect_dubeol("", "");
}

/* English typed with the keyboard in Korean mode (the search's last try):
 * the keys of each jamo and syllable, by hand from the layout: ㅜ n, ㅐ o,
 * ㅅ t; 래 = ㄹ f + ㅐ o; ㅕ u; ㅇ d … */
static void test_dubeol_keys(void **state)
{
	(void)state;
	expect_keys("ㅜㅐㅅ 래ㅕㅜㅇ", "not found");
	expect_keys("ㅠㅁㅇ ㄱㄷ볃ㄴㅅ", "bad request");
	expect_keys("뷁ㅏ", "qnpfrk");                   /* ㅞ np, ㄺ fr */
	expect_keys("ㅎㅁㅅㄷㅈ묘 샤ㅡㄷㅐㅕㅅ", "gateway timeout");
	expect_keys("404 ㅜㅐㅅ 래ㅕㅜㅇ", "404 not found");     /* other tokens stay */
	/* no vowel alone: Korean words and 초성 stay */
	expect_keys("시간 초과", "시간 초과");
	expect_keys("ㅇㅊ ㅅㄱ", "ㅇㅊ ㅅㄱ");
	expect_keys("ㅎㅁㅅㄷ", "ㅎㅁㅅㄷ");                 /* gate: no vowel alone */
	expect_keys("ㅜㅐㅅ404", "ㅜㅐㅅ404");             /* not Hangul alone */
	expect_keys("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_punctuation),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_code_in_words),
		cmocka_unit_test(test_particles_apart),
		cmocka_unit_test(test_header_names),
		cmocka_unit_test(test_code_aside),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_stems),
		cmocka_unit_test(test_noise),
		cmocka_unit_test(test_kspace),
		cmocka_unit_test(test_translit),
		cmocka_unit_test(test_dubeol),
		cmocka_unit_test(test_dubeol_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
