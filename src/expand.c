/*
 * expand.c - identifiers and calls in a raw query cut into words (expand.h).
 */
#include "expand.h"

#include <stdbool.h>
#include <string.h>

static bool is_lower(uint8_t c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(uint8_t c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_alpha(uint8_t c)
{
	return is_lower(c) || is_upper(c);
}

static bool is_digit(uint8_t c)
{
	return c >= '0' && c <= '9';
}

/* A code of three digits between letters at s[i]: "Status409Conflict"
 * (ASP.NET Core's StatusCodes), "HTTP409". Not "x509", "utf8", "h2c". */
static bool code_in_name(const uint8_t *s, size_t n, size_t i)
{
	return i > 0 && is_alpha(s[i - 1]) && i + 3 <= n && is_digit(s[i]) &&
	       is_digit(s[i + 1]) && is_digit(s[i + 2]) && (i + 3 == n || !is_digit(s[i + 3]));
}

/* How the second try cuts words joined by '-' or '/', and which runs of
 * letters stay whole (hc_query_expand_keep). */
struct cutter {
	bool (*cut)(const uint8_t *w, size_t n, const void *ctx);
	const void *ctx;
	bool (*keep)(const uint8_t *w, size_t n, const void *ctx);
};

/* A '-' or '/' between two letters: "form-data", "multipart/form-data". */
static bool joiner(const uint8_t *s, size_t n, size_t i)
{
	return (s[i] == '-' || s[i] == '/') && i > 0 && i + 1 < n && is_alpha(s[i - 1]) &&
	       is_alpha(s[i + 1]);
}

/* Whether the joined word around the joiner at i (letters, digits, '-' and
 * '/' on both sides) is one the caller wants cut. */
static bool joined_cut(const uint8_t *s, size_t n, size_t i, const struct cutter *x)
{
	size_t a = i, b = i;

	while (a > 0 && (is_alpha(s[a - 1]) || is_digit(s[a - 1]) || s[a - 1] == '-' || s[a - 1] == '/'))
		a--;
	while (b < n && (is_alpha(s[b]) || is_digit(s[b]) || s[b] == '-' || s[b] == '/'))
		b++;
	return x->cut(s + a, b - a, x->ctx);
}

/* True when the raw token s[0..n) looks like an identifier or a call:
 * "HttpStatus.NOT_FOUND", "res.status(404)", "<title>502", a namespace
 * ("Illuminate\Http\…", "ActiveRecord::RecordNotFound"), two camel
 * humps ("StatusRequestEntityTooLarge"; one, as in "WebSocket", is a word),
 * or a code between a name's words ("Status409Conflict"). */
static bool is_identifier(const uint8_t *s, size_t n, unsigned min_humps,
                          const struct cutter *x)
{
	unsigned humps = 0, odd = 0;

	if (n >= 5 && (s[0] | 0x20) == 'h' && (s[1] | 0x20) == 't' && (s[2] | 0x20) == 't' &&
	    (s[3] | 0x20) == 'p' && s[4] == '/')
		return false;   /* HTTP/1.1: a version, not an identifier */
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '_' || s[i] == '(' || s[i] == ')' || s[i] == '<' || s[i] == '>' ||
		    s[i] == '\\' || (s[i] == ':' && i + 1 < n && s[i + 1] == ':'))
			return true;
		if (s[i] == '.' && ((i > 0 && is_alpha(s[i - 1])) ||
		                    (i + 1 < n && is_alpha(s[i + 1]))))
			return true;
		if (code_in_name(s, n, i) && i + 3 < n && is_upper(s[i + 3]))
			return true;
		if (x && x->cut && joiner(s, n, i) && joined_cut(s, n, i, x))
			return true;
		if (i > 0 && is_lower(s[i - 1]) && is_upper(s[i])) {
			/* a hump starts a word: "Status", not the "O" of "fOuNd" */
			if (i + 2 < n && is_lower(s[i + 1]) && is_lower(s[i + 2]))
				humps++;
			else
				odd++;
		}
	}
	return humps >= min_humps && odd == 0;
}

/* Copies one token, cutting an identifier into words. */
static size_t expand_token(const uint8_t *s, size_t n, unsigned min_humps,
                           const struct cutter *x, uint8_t *out)
{
	size_t k = 0;

	if (!is_identifier(s, n, min_humps, x)) {
		memcpy(out, s, n);
		return n;
	}
	for (size_t i = 0, kept = 0; i < n; i++) {
		uint8_t c = s[i];
		bool cut = c == '_' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' ||
		           (c == ':' && ((i + 1 < n && s[i + 1] == ':') || (i > 0 && s[i - 1] == ':'))) ||
		           (c == '.' && ((i > 0 && is_alpha(s[i - 1])) ||
		                         (i + 1 < n && is_alpha(s[i + 1])))) ||
		           (x && x->cut && joiner(s, n, i) && joined_cut(s, n, i, x));

		if (cut) {
			out[k++] = ' ';
			continue;
		}
		/* a run of letters the caller keeps whole */
		if (x && x->keep && i >= kept && is_alpha(c) && (i == 0 || !is_alpha(s[i - 1]))) {
			size_t b = i;

			while (b < n && is_alpha(s[b]))
				b++;
			if (x->keep(s + i, b - i, x->ctx))
				kept = b;
		}
		if (i < kept) {
			out[k++] = c;
			continue;
		}
		/* statusCode → status Code; HTTPStatus → HTTP Status;
		 * Status409Conflict → Status 409 Conflict */
		if (i > 0 && is_upper(c) && (is_lower(s[i - 1]) ||
		    (is_upper(s[i - 1]) && i + 1 < n && is_lower(s[i + 1]))))
			out[k++] = ' ';
		else if (code_in_name(s, n, i) || (i >= 4 && is_alpha(c) && code_in_name(s, n, i - 3)))
			out[k++] = ' ';
		out[k++] = c;
	}
	return k;
}

static size_t expand(const uint8_t *s, size_t n, unsigned min_humps, const struct cutter *x,
                     uint8_t *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		size_t a = i;

		if (s[i] == ' ') {
			out[k++] = ' ';
			i++;
			continue;
		}
		while (i < n && s[i] != ' ')
			i++;
		k += expand_token(s + a, i - a, min_humps, x, out + k);
	}
	return k;
}

size_t hc_query_expand(const uint8_t *s, size_t n, uint8_t *out)
{
	return expand(s, n, 2, NULL, out);
}

size_t hc_query_expand_keep(const uint8_t *s, size_t n,
                            bool (*keep)(const uint8_t *w, size_t n, const void *ctx),
                            const void *ctx, uint8_t *out)
{
	struct cutter x = { NULL, ctx, keep };

	return expand(s, n, 2, &x, out);
}

size_t hc_query_expand_humps(const uint8_t *s, size_t n, uint8_t *out)
{
	return expand(s, n, 1, NULL, out);
}

size_t hc_query_expand_joined(const uint8_t *s, size_t n,
                              bool (*cut)(const uint8_t *w, size_t n, const void *ctx),
                              const void *ctx, uint8_t *out)
{
	struct cutter x = { cut, ctx, NULL };

	return expand(s, n, 1, &x, out);
}
