/*
 * constname.h - a status code found from the name a library gives it.
 *
 * Developers meet codes as constants: http.StatusTooManyRequests (Go),
 * HttpStatus.TOO_MANY_REQUESTS (Spring), :unprocessable_entity (Rails),
 * HttpStatusCode.NotFound (C# and Ktor). This module resolves such a
 * spelling to its code, with the languages it belongs to, from the names
 * compiled into the table (data/constants.txt, hc_catalog_constant_names()).
 * It also names the languages for --code-lang. No curses, no allocation: a
 * binary search over the sorted names.
 *
 * What is accepted, compared exactly (case matters, no typo is forgiven: the
 * word search covers the rest):
 *   - a name as the library spells it: StatusNotFound, NOT_FOUND, SC_NOT_FOUND,
 *     HTTP_NOT_FOUND, NotFound, notFound, unprocessable_entity. A name that is
 *     also a plain word (lower case, or one capital then lower case: "found",
 *     "Gone") is left to the word search; upper case ones (OK, GONE) resolve;
 *   - a name after a qualifier its language writes it with:
 *       Python   HTTPStatus.  http.HTTPStatus.  http.client.
 *       Go       http.
 *       Rust     StatusCode::  http::StatusCode::  hyper::StatusCode::
 *                reqwest::StatusCode::
 *       Spring   HttpStatus.  org.springframework.http.HttpStatus.
 *       Jakarta  HttpServletResponse.  jakarta.servlet.http.HttpServletResponse.
 *                javax.servlet.http.HttpServletResponse.
 *       C#       HttpStatusCode.  System.Net.HttpStatusCode.
 *       Node     StatusCodes.
 *       Symfony  Response::  Symfony\Component\HttpFoundation\Response:: (also
 *                with a leading backslash)
 *       Rack     :  (and "status: :name", as Rails' render takes it)
 *       Ktor     HttpStatusCode.  io.ktor.http.HttpStatusCode.
 *       Swift    .  HTTPResponseStatus.  NIOHTTP1.HTTPResponseStatus.
 *     A qualifier of another language does not match (http.NOT_FOUND,
 *     HttpStatus.NotFound);
 *   - white space around it, and one ';' or ',' after it, are ignored; any
 *     other character, or white space inside, means it is not a constant.
 */
#ifndef HC_CONSTNAME_H
#define HC_CONSTNAME_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* One code a spelling names. */
struct hc_constname {
	unsigned short code;
	unsigned langs;                 /* bit i: language i of hc_catalog_code_langs() */
	const struct hc_constant *c;    /* the first row that matched (name, note) */
};

/* Resolve q[0..len) (need not be NUL-terminated). Writes up to max matches
 * to out, one per code, in code order, and returns how many codes matched
 * (0: not a constant's spelling). */
size_t hc_constname_find(const char *q, size_t len, struct hc_constname *out, size_t max);

/* The code q[0..len) names when it names exactly one, else 0. */
int hc_constname_code(const char *q, size_t len);

/* The index in hc_catalog_code_langs() of a language named s: its id
 * ("python", "go", "rust", "spring", "jakarta", "csharp", "node", "symfony",
 * "rack", "ktor", "swift") or one of the other names people use for it
 * ("php", "ruby", "rails", "kotlin", "typescript", "javascript", "ts", "js",
 * "c#", "cs", "dotnet", "servlet", "swiftnio"), in any case. -1 when
 * unknown. */
int hc_code_lang_find(const char *s, size_t len);

#endif
