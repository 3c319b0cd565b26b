/*
 * facts.h - facts about a code that a program can compare: is the response
 * final, is a redirect permanent, is the method kept, may the client retry,
 * may it have a body, which header field it calls for, is it cacheable.
 *
 * The registered codes' facts are written in data/facts.txt, checked by
 * data/gen_decide.py against RFC-shaped rules and compiled in; the outcome and
 * interim/final come from the class, cacheability from the entry. Vendor codes
 * have only the derived facts. Each fact carries the RFC section it rests on
 * where one says it. No curses here.
 */
#ifndef HC_FACTS_H
#define HC_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

enum hc_kind {
	HC_KIND_INTERIM,        /* 1xx: a final response follows */
	HC_KIND_FINAL,
	HC_KIND_SWITCH,         /* 101: the last HTTP/1.1 response; another protocol follows */
};

enum hc_redirect {
	HC_REDIRECT_NA,         /* not a 3xx code */
	HC_REDIRECT_NONE,       /* a 3xx code that sends nobody anywhere (304, 305, 306) */
	HC_REDIRECT_PERMANENT,
	HC_REDIRECT_TEMPORARY,
	HC_REDIRECT_OTHER,      /* 303: the answer is another resource */
	HC_REDIRECT_CHOICE,     /* 300: the client picks one */
};

enum hc_method {
	HC_METHOD_NA,
	HC_METHOD_KEPT,         /* 307, 308 */
	HC_METHOD_MAY_CHANGE,   /* 301, 302: POST may become GET */
	HC_METHOD_TO_GET,       /* 303 */
};

enum hc_retry {
	HC_RETRY_UNKNOWN,       /* no RFC says, and no practice is common enough to state */
	HC_RETRY_NOT_NEEDED,    /* it worked, or the redirect is followed */
	HC_RETRY_SAME,          /* the same request may be sent again (408, 421, 425) */
	HC_RETRY_LATER,         /* after a while, or after Retry-After */
	HC_RETRY_CHANGED,       /* only once the request (or its credentials) changes */
	HC_RETRY_NO,            /* it will not work */
};

enum hc_strength {
	HC_STRENGTH_MUST,
	HC_STRENGTH_SHOULD,
	HC_STRENGTH_MAY,
	HC_STRENGTH_USUAL,      /* no requirement, but it is normally there */
};

/* Strings hc_sref (catalog.h: hc_str()); the tables hold no pointer. */
struct hc_fact_header {
	hc_sref name;
	enum hc_strength strength;
	hc_sref ref;            /* "" where none */
};

struct hc_facts {
	unsigned short code;
	enum hc_kind kind;
	enum hc_redirect redirect;
	enum hc_method method;
	enum hc_retry retry;
	bool body;              /* may the response carry content? */
	hc_sref kind_ref, redirect_ref, method_ref, retry_ref, body_ref;
	unsigned short headers; /* the first of n_headers: hc_facts_header() */
	unsigned char n_headers;
	bool mdn_en, mdn_ko;    /* MDN has a reference page (in English, in Korean) */
};

/* The written facts of a registered code, or NULL (a vendor code, an unknown code). */
const struct hc_facts *hc_facts_find(int code);

/* Header i (below x->n_headers) of a code's facts. */
const struct hc_fact_header *hc_facts_header(const struct hc_facts *x, unsigned i);

/* The rows of a comparison, in the order they are shown. */
enum hc_fact {
	HC_FACT_OUTCOME,
	HC_FACT_KIND,
	HC_FACT_REDIRECT,
	HC_FACT_METHOD,
	HC_FACT_RETRY,
	HC_FACT_BODY,
	HC_FACT_HEADER,
	HC_FACT_CACHEABLE,
	HC_FACT_COUNT
};

/* "Retry" / "다시 보내기" */
const char *hc_fact_label(enum hc_fact f, bool ko);

/* A short key for machine formats: "retry". */
const char *hc_fact_key(enum hc_fact f);

/* True when fact f says something about e (a redirect row for a 3xx code). */
bool hc_fact_applies(const struct hc_entry *e, enum hc_fact f);

/*
 * The value of fact f for e, in words of the language, written into buf
 * (always NUL-terminated; cut if buf is too small). *ref, when not NULL, gets
 * the RFC section the fact rests on ("" where none). Returns buf. Facts that
 * are not known for e (a vendor code's retry) read "—" in both languages.
 */
const char *hc_fact_text(const struct hc_entry *e, enum hc_fact f, bool ko, char *buf, size_t n,
                         const char **ref);

/* A stable token of the value for machine formats ("permanent", "later",
 * "must WWW-Authenticate"); NULL when the fact does not apply or is unknown. */
const char *hc_fact_token(const struct hc_entry *e, enum hc_fact f, char *buf, size_t n);

/*
 * Links to read more, written into buf: the RFC section of the entry's first
 * reference (https://www.rfc-editor.org/rfc/rfcNNNN.html#section-x.y), an
 * Internet-Draft's page, and MDN's page in English or Korean where MDN has one.
 * Return buf, or NULL when there is no such link.
 */
const char *hc_link_rfc(const struct hc_entry *e, char *buf, size_t n);
const char *hc_link_mdn(const struct hc_entry *e, bool ko, char *buf, size_t n);

#endif
