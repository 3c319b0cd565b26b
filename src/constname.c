/* constname.c - a status code from a library constant's spelling (constname.h). */
#include "constname.h"

#include <string.h>
#include <strings.h>

/* Longest spelling looked at; the longest qualified name is far shorter. */
#define SPELLING_MAX 160

/* How each language qualifies its names, separator included (a bare name
 * is accepted in every language). The generator's `spelled` forms are among these (the unit test
 * resolves every row's `spelled`). */
static const struct {
	const char *lang, *qual;
} quals[] = {
	{ "python", "HTTPStatus." },
	{ "python", "http.HTTPStatus." },
	{ "python", "http.client." },
	{ "go", "http." },
	{ "rust", "StatusCode::" },
	{ "rust", "http::StatusCode::" },
	{ "rust", "hyper::StatusCode::" },
	{ "rust", "reqwest::StatusCode::" },
	{ "spring", "HttpStatus." },
	{ "spring", "org.springframework.http.HttpStatus." },
	{ "jakarta", "HttpServletResponse." },
	{ "jakarta", "jakarta.servlet.http.HttpServletResponse." },
	{ "jakarta", "javax.servlet.http.HttpServletResponse." },
	{ "csharp", "HttpStatusCode." },
	{ "csharp", "System.Net.HttpStatusCode." },
	{ "node", "StatusCodes." },
	{ "symfony", "Response::" },
	{ "symfony", "Symfony\\Component\\HttpFoundation\\Response::" },
	{ "symfony", "\\Symfony\\Component\\HttpFoundation\\Response::" },
	{ "rack", ":" },
	{ "ktor", "HttpStatusCode." },
	{ "ktor", "io.ktor.http.HttpStatusCode." },
	{ "swift", "." },
	{ "swift", "HTTPResponseStatus." },
	{ "swift", "NIOHTTP1.HTTPResponseStatus." },
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* "found", "Gone": a word of prose as much as a name; the word search finds it. */
static bool is_plain_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z') && !(i == 0 && s[i] >= 'A' && s[i] <= 'Z'))
			return false;
	return true;
}

static bool qual_fits(const char *lang, const char *q, size_t qn)
{
	if (!q)
		return true;
	for (size_t i = 0; i < sizeof quals / sizeof quals[0]; i++)
		if (strcmp(quals[i].lang, lang) == 0 && strlen(quals[i].qual) == qn &&
		    memcmp(quals[i].qual, q, qn) == 0)
			return true;
	return false;
}

static int lang_index(const char *lang)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(hc_str(l[i].id), lang) == 0)
			return (int)i;
	return -1;
}

/* strcmp() of a table name against the name s[0..n). */
static int name_cmp(const char *t, const char *s, size_t n)
{
	int r = strncmp(t, s, n);

	if (r)
		return r;
	return t[n] != '\0';
}

/* Splits s[0..n) into a qualifier (NULL: none) and a name. False when it
 * cannot be a constant's spelling. */
static bool split(const char *s, size_t n, const char **q, size_t *qn, const char **name,
                  size_t *nn)
{
	size_t cut = 0, skip = 0;

	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i]) || (unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			return false;
		if (s[i] == '.') {
			cut = i;
			skip = 1;
		} else if (s[i] == ':' && i + 1 < n && s[i + 1] == ':') {
			cut = i;
			skip = 2;
			i++;
		}
	}
	*q = NULL;
	*qn = 0;
	if (n > 1 && (s[0] == ':' || s[0] == '.') && s[1] != ':' && skip <= 1 && cut == 0) {
		/* ":not_found", ".notFound" */
		*q = s;
		*qn = 1;
		cut = 0;
		skip = 1;
	} else if (skip) {
		*q = s;
		*qn = cut + skip;
	}
	*name = s + (skip ? cut + skip : 0);
	*nn = n - (size_t)(*name - s);
	if (*nn == 0)
		return false;
	for (size_t i = 0; i < *nn; i++)
		if (!is_name_char((*name)[i]))
			return false;
	return *q || !is_plain_word(*name, *nn);
}

size_t hc_constname_find(const char *q, size_t len, struct hc_constname *out, size_t max)
{
	size_t n_names, lo = 0, hi, found = 0, qn, nn;
	const struct hc_constant_ref *names = hc_catalog_constant_names(&n_names);
	const char *qual, *name;

	if (!q)
		return 0;
	while (len > 0 && is_space(q[len - 1]))
		len--;
	if (len > 0 && (q[len - 1] == ';' || q[len - 1] == ','))
		len--;
	while (len > 0 && (is_space(*q) || is_space(q[len - 1]))) {
		if (is_space(*q))
			q++;
		len--;
	}
	/* Rails: render status: :not_found */
	if (len > 7 && memcmp(q, "status:", 7) == 0 && is_space(q[7])) {
		q += 7;
		len -= 7;
		while (len > 0 && is_space(*q)) {
			q++;
			len--;
		}
		if (len == 0 || *q != ':')
			return 0;
	}
	if (len == 0 || len > SPELLING_MAX || !split(q, len, &qual, &qn, &name, &nn))
		return 0;

	hi = n_names;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (name_cmp(hc_str(names[mid].name), name, nn) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n_names && name_cmp(hc_str(names[i].name), name, nn) == 0; i++) {
		const struct hc_constant_ref *r = &names[i];
		int li = lang_index(hc_str(hc_catalog_constant(r->row)->lang));
		size_t k;

		if (li < 0 || !qual_fits(hc_str(hc_catalog_constant(r->row)->lang), qual, qn))
			continue;
		for (k = 0; k < found && k < max && out[k].code != r->code; k++)
			;
		if (k < found && k < max) {
			out[k].langs |= 1u << li;
			continue;
		}
		if (found < max)
			out[found] = (struct hc_constname){ r->code, 1u << li, hc_catalog_constant(r->row) };
		found++;
	}
	/* Equal names come in code order already (the generator sorts them so). */
	return found;
}

int hc_constname_code(const char *q, size_t len)
{
	struct hc_constname m[2];

	return hc_constname_find(q, len, m, 2) == 1 ? m[0].code : 0;
}

int hc_code_lang_find(const char *s, size_t len)
{
	static const struct {
		const char *alias, *id;
	} aliases[] = {
		{ "php", "symfony" },       { "ruby", "rack" },       { "rails", "rack" },
		{ "kotlin", "ktor" },       { "typescript", "node" }, { "javascript", "node" },
		{ "ts", "node" },           { "js", "node" },         { "nodejs", "node" },
		{ "c#", "csharp" },         { "cs", "csharp" },       { "dotnet", "csharp" },
		{ "servlet", "jakarta" },   { "swiftnio", "swift" },
	};
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strlen(hc_str(l[i].id)) == len && strncasecmp(hc_str(l[i].id), s, len) == 0)
			return (int)i;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strlen(aliases[i].alias) == len && strncasecmp(aliases[i].alias, s, len) == 0)
			return lang_index(aliases[i].id);
	return -1;
}
