/* options.c - parse the command line into struct hc_options. */
#include "options.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "constname.h"
#include "text.h"

static bool lang_parse(const char *s, enum hc_lang *out)
{
	static const struct {
		const char *name;
		enum hc_lang lang;
	} langs[] = {
		{ "en", HC_LANG_EN },
		{ "ko", HC_LANG_KO },
		{ "both", HC_LANG_BOTH },
	};

	for (size_t i = 0; s && i < sizeof langs / sizeof langs[0]; i++) {
		if (strcmp(s, langs[i].name) == 0) {
			*out = langs[i].lang;
			return true;
		}
	}
	return false;
}

const char *hc_lang_name(enum hc_lang l)
{
	switch (l) {
	case HC_LANG_KO:
		return "ko";
	case HC_LANG_BOTH:
		return "both";
	case HC_LANG_EN:
		break;
	}
	return "en";
}

__attribute__((format(printf, 3, 4)))
static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (errlen == 0)
		return false;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return false;
}

/* An option name fit to echo in a message: cleaned and cut short on a
 * character boundary, so that a hostile argument can put neither escape
 * sequences nor a broken UTF-8 sequence on the terminal. */
static const char *shown(const char *arg, char *buf, size_t len)
{
	size_t n = strnlen(arg, 160), clean_len = 0, keep;
	char *clean = hc_text_sanitize(arg, n, &clean_len);

	if (!clean) {
		snprintf(buf, len, "?");
		return buf;
	}
	keep = hc_text_clip(clean, clean_len, 40, NULL);
	/* Zero-width characters take bytes but no cells: cap the bytes too,
	 * backing up to the start of a character. */
	if (keep > 120)
		for (keep = 120; keep > 0 && (clean[keep] & 0xc0) == 0x80; keep--)
			;
	snprintf(buf, len, "%.*s%s", (int)keep, clean, keep < clean_len || arg[n] ? "..." : "");
	free(clean);
	return buf;
}

/* Append one word to the query, joined by a single space. */
static bool add_word(struct hc_options *o, const char *w)
{
	size_t old = o->query ? strlen(o->query) : 0, add = strlen(w);
	char *q = realloc(o->query, old + add + 2);

	if (!q)
		return false;
	if (old)
		q[old++] = ' ';
	memcpy(q + old, w, add + 1);
	o->query = q;
	return true;
}

/* "go" or "go,python": languages of the In code section, first ones first. */
static bool code_langs_parse(const char *v, struct hc_code_pref *c)
{
	c->n = 0;
	while (v && *v) {
		size_t n = strcspn(v, ",");
		int k = hc_code_lang_find(v, n);
		bool dup = false;

		if (k < 0)
			return false;
		for (unsigned i = 0; i < c->n; i++)
			dup |= c->order[i] == k;
		if (!dup && c->n < HC_CODE_LANGS_MAX)
			c->order[c->n++] = (unsigned char)k;
		v += n;
		if (*v == ',' && *++v == '\0')
			return false;
	}
	return c->n > 0;
}

static const char code_langs_hint[] =
	"python, go, rust, spring, jakarta, csharp, node, symfony (php), rack (ruby), "
	"ktor (kotlin) or swift";

/* Keep a word as given (for --count and --explain, whose words are files). */
static bool add_arg(struct hc_options *o, const char *w)
{
	const char **v = realloc(o->args, (o->nargs + 1) * sizeof *v);

	if (!v)
		return false;
	v[o->nargs++] = w;
	o->args = v;
	return true;
}

static enum hc_mode set_mode(enum hc_mode cur, enum hc_mode want, bool *clash)
{
	if (cur != HC_MODE_AUTO && cur != want)
		*clash = true;
	return want;
}

bool hc_options_parse(int argc, char *const argv[], const char *env_lang,
                      bool locale_is_korean, struct hc_options *out,
                      char *err, size_t errlen)
{
	struct hc_options o = { .mode = HC_MODE_AUTO, .lang = HC_LANG_EN };
	bool only_words = false, clash = false, help = false, version = false;
	char buf[200];   /* 40 cells of at most 4 bytes, and "..." */

	o.lang = locale_is_korean ? HC_LANG_BOTH : HC_LANG_EN;
	if (env_lang && *env_lang) {
		if (!lang_parse(env_lang, &o.lang))
			return fail(err, errlen, "HTTPCODES_LANG must be en, ko or both, not '%s'",
			            shown(env_lang, buf, sizeof buf));
		o.lang_given = true;
	}

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (only_words || a[0] != '-' || a[1] == '\0') {
			if (!add_word(&o, a) || !add_arg(&o, a))
				goto nomem;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_words = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			help = true;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			version = true;
		} else if (strcmp(a, "-l") == 0 || strcmp(a, "--list") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_LIST, &clash);
		} else if (strcmp(a, "-j") == 0 || strcmp(a, "--json") == 0) {
			o.json = true;
		} else if (strcmp(a, "-s") == 0 || strcmp(a, "--search") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_SEARCH, &clash);
		} else if (strcmp(a, "-i") == 0 || strcmp(a, "--interactive") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_BROWSE, &clash);
		} else if (strcmp(a, "--compare") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_COMPARE, &clash);
		} else if (strcmp(a, "--choose") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_CHOOSE, &clash);
		} else if (strcmp(a, "--quiz") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_QUIZ, &clash);
		} else if (strcmp(a, "--seed") == 0 || strncmp(a, "--seed=", 7) == 0) {
			const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
			char *end = NULL;

			if (!v || !*v || *v == '-' || *v == '+') {
				hc_options_free(&o);
				return fail(err, errlen, "--seed needs a whole number");
			}
			o.seed = strtoull(v, &end, 10);
			if (*end) {
				hc_options_free(&o);
				return fail(err, errlen, "--seed needs a whole number, not '%s'",
				            shown(v, buf, sizeof buf));
			}
			o.seed_given = true;
		} else if (strcmp(a, "--code-lang-only") == 0) {
			o.code.only = true;
		} else if (strcmp(a, "--code-lang") == 0 || strncmp(a, "--code-lang=", 12) == 0) {
			const char *v = a[11] == '=' ? a + 12 : (i + 1 < argc ? argv[++i] : NULL);
			bool only = o.code.only;

			if (!v || !code_langs_parse(v, &o.code)) {
				hc_options_free(&o);
				return fail(err, errlen, "--code-lang takes %s (or several, comma-separated)%s%s%s",
				            code_langs_hint, v ? ", not '" : "", v ? shown(v, buf, sizeof buf) : "",
				            v ? "'" : "");
			}
			o.code.only = only;
			o.code_given = true;
		} else if (strcmp(a, "--count") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_COUNT, &clash);
		} else if (strcmp(a, "--explain") == 0) {
			o.mode = set_mode(o.mode, HC_MODE_EXPLAIN, &clash);
		} else if (strcmp(a, "--log") == 0 || strncmp(a, "--log=", 6) == 0) {
			const char *v = a[5] == '=' ? a + 6 : (i + 1 < argc ? argv[++i] : NULL);
			const char **l;

			if (!v || !*v) {
				hc_options_free(&o);
				return fail(err, errlen, "--log needs a file (httpcodes --log access.log)");
			}
			l = realloc(o.logs, (o.nlogs + 1) * sizeof *l);
			if (!l)
				goto nomem;
			l[o.nlogs++] = v;
			o.logs = l;
			o.mode = set_mode(o.mode, HC_MODE_BROWSE, &clash);
		} else if (strcmp(a, "--tsv") == 0) {
			o.tsv = true;
		} else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
			o.format = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
			if (!o.format) {
				hc_options_free(&o);
				return fail(err, errlen, "--format needs a value (see --help)");
			}
		} else if (strcmp(a, "--lang") == 0 || strncmp(a, "--lang=", 7) == 0) {
			const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);

			if (!v) {
				hc_options_free(&o);
				return fail(err, errlen, "--lang needs a value: en, ko or both");
			}
			if (!lang_parse(v, &o.lang)) {
				hc_options_free(&o);
				return fail(err, errlen, "--lang must be en, ko or both, not '%s'",
				            shown(v, buf, sizeof buf));
			}
			o.lang_given = true;
		} else {
			hc_options_free(&o);
			return fail(err, errlen, "unknown option '%s'", shown(a, buf, sizeof buf));
		}
	}

	if (help || version) {
		o.mode = help ? HC_MODE_HELP : HC_MODE_VERSION;
		*out = o;
		return true;
	}
	if (clash) {
		hc_options_free(&o);
		return fail(err, errlen, "choose one of --list, --search, --interactive, --compare, "
		            "--choose, --quiz, --count and --explain");
	}
	if ((o.format || o.tsv) && o.mode != HC_MODE_COUNT) {
		hc_options_free(&o);
		return fail(err, errlen, "%s works only with --count", o.tsv ? "--tsv" : "--format");
	}
	if (o.tsv && o.json) {
		hc_options_free(&o);
		return fail(err, errlen, "--tsv and --json cannot be combined");
	}
	if (o.mode == HC_MODE_COUNT || o.mode == HC_MODE_EXPLAIN) {
		/* The words are files and classes, not a query. */
		free(o.query);
		o.query = NULL;
		*out = o;
		return true;
	}
	if (o.mode == HC_MODE_LIST && o.query) {
		hc_options_free(&o);
		return fail(err, errlen, "--list takes no query");
	}
	if (o.mode == HC_MODE_SEARCH && !o.query) {
		hc_options_free(&o);
		return fail(err, errlen, "--search needs a query");
	}
	if (o.mode == HC_MODE_COMPARE && !o.query) {
		hc_options_free(&o);
		return fail(err, errlen, "--compare needs codes (httpcodes --compare 401 403)");
	}
	if (o.mode == HC_MODE_CHOOSE && o.query) {
		hc_options_free(&o);
		return fail(err, errlen, "--choose takes no query");
	}
	if ((o.mode == HC_MODE_CHOOSE || o.mode == HC_MODE_QUIZ) && o.json) {
		hc_options_free(&o);
		return fail(err, errlen, "--json cannot be used with --choose or --quiz");
	}
	if (o.seed_given && o.mode != HC_MODE_QUIZ) {
		hc_options_free(&o);
		return fail(err, errlen, "--seed goes with --quiz");
	}
	if (o.mode == HC_MODE_BROWSE && o.json) {
		hc_options_free(&o);
		return fail(err, errlen, "--json cannot be used with --interactive");
	}
	if (o.nlogs && o.query) {
		hc_options_free(&o);
		return fail(err, errlen, "--log takes its files after it (--log a.log --log b.log), "
		            "not a query");
	}
	if (o.mode == HC_MODE_AUTO && o.query)
		o.mode = HC_MODE_QUERY;
	*out = o;
	return true;

nomem:
	hc_options_free(&o);
	return fail(err, errlen, "out of memory");
}

bool hc_options_code_env(struct hc_options *o, const char *env, char *err, size_t errlen)
{
	char buf[200];

	if (!o->code_given && env && *env) {
		bool only = o->code.only;

		if (!code_langs_parse(env, &o->code))
			return fail(err, errlen, "HTTPCODES_CODE_LANG takes %s, not '%s'",
			            code_langs_hint, shown(env, buf, sizeof buf));
		o->code.only = only;
	}
	if (o->code.only && o->code.n == 0)
		return fail(err, errlen, "--code-lang-only needs --code-lang=LANG (or $HTTPCODES_CODE_LANG)");
	return true;
}

void hc_options_free(struct hc_options *o)
{
	free(o->query);
	o->query = NULL;
	free(o->args);
	o->args = NULL;
	free(o->logs);
	o->logs = NULL;
	o->nlogs = 0;
	o->nargs = 0;
}
