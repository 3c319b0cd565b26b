/*
 * expand.h - a raw query as words: identifiers and calls cut apart, before
 * the query is folded and split (query.h).
 */
#ifndef HC_EXPAND_H
#define HC_EXPAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Copies the raw query s[0..n) into out (room for 2 * n bytes), cutting
 * identifiers and calls into words: "HttpStatus.NOT_FOUND" → "Http Status
 * NOT FOUND", "res.status(404)" → "res status 404", "<title>502" → " title
 * 502", "Illuminate\Http\ThrottleRequestsException" → "Illuminate Http
 * Throttle Requests Exception". A token is an identifier when it has '_',
 * '(', ')', '<', '>', '\', "::", a '.' next to a letter, or two camel humps;
 * "HTTP/1.1", "10.5" and "WebSocket" are not. Only ASCII is changed. Returns
 * the length written. */
size_t hc_query_expand(const uint8_t *s, size_t n, uint8_t *out);

/* hc_query_expand, but a run of ASCII letters that keep(run) accepts is
 * not cut at its humps: the search keeps an identifier the table has whole
 * as a word of a name, an alias or a keyword ("AsyncRequestTimeoutException"
 * is one of 503's keywords; cut, its words are 408's name). */
size_t hc_query_expand_keep(const uint8_t *s, size_t n,
                            bool (*keep)(const uint8_t *w, size_t n, const void *ctx),
                            const void *ctx, uint8_t *out);

/* The same, with one camel hump enough ("PermissionDenied" → "Permission
 * Denied", and "WebSocket" → "Web Socket"): the search's second try when
 * the query as expanded above leaves words unmatched (search.h). */
size_t hc_query_expand_humps(const uint8_t *s, size_t n, uint8_t *out);

/* hc_query_expand_humps, and words joined by '-' or '/' (letters, digits,
 * '-' and '/', a joiner between two letters) cut where cut(word) says so
 * ("multipart/form-data" → "multipart form data"): the search cuts only
 * the joined words the table does not have, so that "Retry-After" stays. */
size_t hc_query_expand_joined(const uint8_t *s, size_t n,
                              bool (*cut)(const uint8_t *w, size_t n, const void *ctx),
                              const void *ctx, uint8_t *out);

#endif
