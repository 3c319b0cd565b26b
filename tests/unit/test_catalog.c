/* test_catalog.c - the generated table against the IANA registry, and look-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"

static const char *registry_path;

static const struct hc_entry *registered(int code)
{
	size_t first, n = hc_catalog_find_code(code, &first);

	for (size_t i = 0; i < n; i++)
		if (!hc_catalog_entries()[first + i].vendor)
			return &hc_catalog_entries()[first + i];
	return NULL;
}

static bool has_hangul(const char *s)
{
	/* U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8. */
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0xea && *p <= 0xed)
			return true;
	return false;
}

/* Every code of the registry list (written by hand from IANA) is in the
 * table with the current phrase and reference; and no registry entry of the
 * table is missing from the list. */
static void test_registry(void **state)
{
	FILE *f = fopen(registry_path, "r");
	char line[512];
	bool listed[600] = { false };
	int count = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *code_s, *phrase, *ref, *save = NULL;
		static const char obs[] = " (OBSOLETED)";
		const struct hc_entry *e;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		code_s = strtok_r(line, "\t", &save);
		phrase = strtok_r(NULL, "\t", &save);
		ref = strtok_r(NULL, "\t", &save);
		assert_non_null(code_s);
		assert_non_null(phrase);
		assert_non_null(ref);
		int code = atoi(code_s);
		e = registered(code);
		if (!e)
			fail_msg("registered code %d is missing from the table", code);
		listed[code] = true;
		count++;
		size_t pl = strlen(phrase);
		if (pl > sizeof obs - 1 && strcmp(phrase + pl - (sizeof obs - 1), obs) == 0) {
			phrase[pl - (sizeof obs - 1)] = '\0';
			assert_int_equal(e->status, HC_STATUS_OBSOLETE);
		}
		if (strcmp(hc_str(e->phrase_en), phrase) != 0)
			fail_msg("%d: phrase '%s', registry says '%s'", code, hc_str(e->phrase_en), phrase);
		if (strncmp(hc_str(e->reference), ref, strlen(ref)) != 0)
			fail_msg("%d: reference '%s', registry says '%s'", code, hc_str(e->reference), ref);
	}
	fclose(f);
	assert_true(count >= 60);
	for (size_t i = 0; i < hc_catalog_count(); i++) {
		const struct hc_entry *e = &hc_catalog_entries()[i];
		if (!e->vendor && !listed[e->code])
			fail_msg("%d is in the table as registered but not in the registry", e->code);
		if (e->vendor)
			assert_int_equal(e->status, HC_STATUS_UNOFFICIAL);
	}
}

static void test_every_entry_bilingual(void **state)
{
	(void)state;
	assert_true(hc_catalog_count() > 80);
	for (size_t i = 0; i < hc_catalog_count(); i++) {
		const struct hc_entry *e = &hc_catalog_entries()[i];
		const char *en[] = { hc_str(e->phrase_en), hc_str(e->summary_en), hc_str(e->desc_en),
		                     hc_str(e->note_en), hc_str(e->reference) };
		const char *ko[] = { hc_str(e->name_ko), hc_str(e->summary_ko), hc_str(e->desc_ko),
		                     hc_str(e->note_ko) };

		for (size_t k = 0; k < sizeof en / sizeof en[0]; k++)
			if (!en[k] || !*en[k])
				fail_msg("%d: empty English field %zu", e->code, k);
		for (size_t k = 0; k < sizeof ko / sizeof ko[0]; k++)
			if (!ko[k] || !has_hangul(ko[k]))
				fail_msg("%d: Korean field %zu has no Hangul", e->code, k);
		assert_true(e->code >= 100 && e->code <= 599);
		for (unsigned k = 0; k < e->see_also.n; k++) {
			size_t first;
			assert_true(hc_catalog_find_code(hc_entry_see_also(e, k).code, &first) > 0);
			assert_true(has_hangul(hc_entry_see_also(e, k).ko));
		}
	}
	for (int d = 1; d <= 5; d++) {
		const struct hc_class *k = hc_catalog_class(d);
		assert_non_null(k);
		assert_true(has_hangul(hc_str(k->name_ko)) && has_hangul(hc_str(k->desc_ko)));
	}
	assert_null(hc_catalog_class(0));
	assert_null(hc_catalog_class(6));
}

static bool has_alias(int code, const char *alias)
{
	const struct hc_entry *e = registered(code);

	for (unsigned i = 0; e && i < e->aliases_en.n; i++)
		if (strcmp(hc_strs_at(e->aliases_en, i), alias) == 0)
			return true;
	return false;
}

/* Renamed codes keep their former names as aliases (issue 2). */
static void test_aliases_of_renamed_codes(void **state)
{
	(void)state;
	assert_true(has_alias(413, "Payload Too Large"));
	assert_true(has_alias(413, "Request Entity Too Large"));
	assert_true(has_alias(422, "Unprocessable Entity"));
	assert_true(has_alias(416, "Requested Range Not Satisfiable"));
	assert_true(has_alias(418, "I'm a teapot"));
	assert_true(has_alias(414, "Request-URI Too Long"));
	assert_true(has_alias(302, "Moved Temporarily"));
	assert_true(has_alias(306, "Switch Proxy"));
}

static void test_statuses_and_cacheable(void **state)
{
	static const int cacheable[] = { 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414,
	                                   451 /* RFC 7725 §3 */, 501 };

	(void)state;
	assert_int_equal(registered(305)->status, HC_STATUS_DEPRECATED);
	assert_int_equal(registered(306)->status, HC_STATUS_UNUSED);
	assert_int_equal(registered(418)->status, HC_STATUS_UNUSED);
	assert_int_equal(registered(510)->status, HC_STATUS_OBSOLETE);
	assert_int_equal(registered(104)->status, HC_STATUS_TEMPORARY);
	assert_int_equal(registered(404)->status, HC_STATUS_STANDARD);
	for (size_t i = 0; i < hc_catalog_count(); i++) {
		const struct hc_entry *e = &hc_catalog_entries()[i];
		bool want = false;

		if (e->vendor)
			continue;
		for (size_t k = 0; k < sizeof cacheable / sizeof cacheable[0]; k++)
			want |= cacheable[k] == e->code;
		if (e->cacheable != want)
			fail_msg("%d: cacheable should be %d", e->code, want);
	}
	assert_string_equal(hc_status_name(HC_STATUS_UNOFFICIAL), "unofficial");
}

static const struct hc_entry *vendor_entry(int code, const char *vendor)
{
	size_t first, n = hc_catalog_find_code(code, &first);

	for (size_t i = 0; i < n; i++) {
		const struct hc_entry *e = &hc_catalog_entries()[first + i];
		if (e->vendor && strstr(hc_str(e->vendor), vendor))
			return e;
	}
	return NULL;
}

static void test_vendor_codes(void **state)
{
	static const struct {
		int code;
		const char *vendor;
	} want[] = {
		{ 444, "nginx" }, { 494, "nginx" }, { 495, "nginx" }, { 496, "nginx" },
		{ 497, "nginx" }, { 499, "nginx" }, { 499, "Esri" }, { 498, "Esri" },
		{ 419, "Laravel" }, { 420, "Twitter" }, { 420, "Spring" },
		{ 440, "IIS" }, { 449, "IIS" }, { 451, "Exchange" },
		{ 460, "AWS" }, { 463, "AWS" }, { 464, "AWS" }, { 561, "AWS" },
		{ 520, "Cloudflare" }, { 521, "Cloudflare" }, { 522, "Cloudflare" },
		{ 523, "Cloudflare" }, { 524, "Cloudflare" }, { 525, "Cloudflare" },
		{ 526, "Cloudflare" }, { 527, "Cloudflare" }, { 530, "Cloudflare" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!vendor_entry(want[i].code, want[i].vendor))
			fail_msg("no %d from %s", want[i].code, want[i].vendor);
	/* 451 has both meanings; the registered one comes first. */
	size_t first;
	assert_true(hc_catalog_find_code(451, &first) >= 2);
	assert_null(hc_str(hc_catalog_entries()[first].vendor));
}

static void test_order_and_classes(void **state)
{
	size_t total = 0;

	(void)state;
	for (size_t i = 1; i < hc_catalog_count(); i++)
		assert_true(hc_catalog_entries()[i - 1].code <= hc_catalog_entries()[i].code);
	for (int d = 1; d <= 5; d++) {
		size_t first, n = hc_catalog_class_range(d, &first);
		assert_true(n > 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(hc_catalog_entries()[first + i].code / 100, d);
		total += n;
	}
	assert_int_equal(total, hc_catalog_count());
	size_t first;
	assert_int_equal(hc_catalog_class_range(0, &first), 0);
	assert_int_equal(hc_catalog_class_range(6, &first), 0);
}

static void test_find_code(void **state)
{
	size_t first;

	(void)state;
	assert_int_equal(hc_catalog_find_code(404, &first), 1);
	assert_int_equal(hc_catalog_entries()[first].code, 404);
	assert_string_equal(hc_str(hc_catalog_entries()[first].phrase_en), "Not Found");
	assert_int_equal(hc_catalog_find_code(299, &first), 0);
	assert_int_equal(hc_catalog_find_code(99, &first), 0);
	assert_int_equal(hc_catalog_find_code(600, &first), 0);
	assert_int_equal(hc_catalog_find_code(-1, &first), 0);
	assert_true(hc_catalog_find_code(499, &first) >= 2);
}

static void test_patterns(void **state)
{
	static const char *const good[] = { "4xx", "4XX", "40x", "5?3", "40", "4", "404", "1x0",
	                                    "4x", "4?", "4X" };
	static const char *const bad[] = { "", "x04", "x4", "?", "1234", "abc", "600", "0", "099",
	                                   "4 x", "40a", "-40", "4xxx" };
	struct hc_pattern p;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!hc_pattern_parse(good[i], &p))
			fail_msg("'%s' should parse", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (hc_pattern_parse(bad[i], &p))
			fail_msg("'%s' should not parse", bad[i]);
	assert_false(hc_pattern_parse(NULL, &p));

	/* "4x" is the class, as "4xx" (issue 14: it listed 218, 400, 402, 418). */
	assert_true(hc_pattern_parse("4x", &p));
	assert_int_equal(p.len, 1);
	assert_true(hc_pattern_match(&p, 404) && hc_pattern_match(&p, 499));
	assert_false(hc_pattern_match(&p, 504));

	assert_true(hc_pattern_parse("5?3", &p));
	assert_true(hc_pattern_match(&p, 503));
	assert_true(hc_pattern_match(&p, 523));
	assert_false(hc_pattern_match(&p, 504));
	assert_false(hc_pattern_is_exact(&p));

	assert_true(hc_pattern_parse("4XX", &p));
	assert_true(hc_pattern_match(&p, 400) && hc_pattern_match(&p, 499));
	assert_false(hc_pattern_match(&p, 500));

	assert_true(hc_pattern_parse("40", &p));
	assert_true(hc_pattern_match(&p, 404) && hc_pattern_match(&p, 409));
	assert_false(hc_pattern_match(&p, 410));

	assert_true(hc_pattern_parse("404", &p));
	assert_true(hc_pattern_is_exact(&p));
	assert_true(hc_pattern_match(&p, 404));
	assert_false(hc_pattern_match(&p, 405));
}

/* A pattern built by hand with more than three digits matches nothing
 * (hc_pattern_match read past its three digits before). */
static void test_pattern_length(void **state)
{
	struct hc_pattern p = { { '4', '0', '4' }, 4 };

	(void)state;
	assert_false(hc_pattern_match(&p, 404));
	p.len = 3;
	assert_true(hc_pattern_match(&p, 404));
}

/* The field list: every field has a JSON key, lists are the five list fields. */
static void test_fields(void **state)
{
	const struct hc_entry *e;
	size_t first;
	char code[4];

	(void)state;
	for (int f = 0; f < HC_FIELD_COUNT; f++) {
		assert_true(hc_field_key((enum hc_field)f)[0] != '\0');
		for (int g = 0; g < f; g++)
			assert_string_not_equal(hc_field_key((enum hc_field)f),
			                        hc_field_key((enum hc_field)g));
	}
	assert_true(hc_field_is_list(HC_FIELD_ALIAS_EN) && hc_field_is_list(HC_FIELD_KEYWORD_KO));
	assert_false(hc_field_is_list(HC_FIELD_VENDOR) || hc_field_is_list(HC_FIELD_CODE));
	assert_int_equal(hc_catalog_find_code(404, &first), 1);
	e = &hc_catalog_entries()[first];
	assert_string_equal(hc_entry_field(e, HC_FIELD_CODE, 0, code), "404");
	assert_int_equal(hc_entry_field_items(e, HC_FIELD_VENDOR), 0);
	assert_int_equal(hc_entry_field_items(e, HC_FIELD_HEADER), e->headers.n);
}

/* Vendors sharing a code come in the order people meet them, the same for
 * every view (the table's order): nginx before Esri, Laravel before Spring. */
static void test_vendor_order(void **state)
{
	const struct hc_entry *all = hc_catalog_entries();
	size_t first;

	(void)state;
	assert_int_equal(hc_catalog_find_code(499, &first), 2);
	assert_string_equal(hc_str(all[first].vendor), "nginx");
	assert_string_equal(hc_str(all[first + 1].vendor), "Esri ArcGIS");
	assert_int_equal(hc_catalog_find_code(419, &first), 2);
	assert_string_equal(hc_str(all[first].vendor), "Laravel");
	assert_int_equal(hc_catalog_find_code(421, &first), 2);
	assert_null(hc_str(all[first].vendor));         /* the registered meaning first */
}

/* One set of status tags, for the tree and the help's legend. */
/* Strings made at run time (catalog.h): the first ones live in a static
 * block, later ones move it to the heap; every hc_sref stays good. */
static void test_made_strings(void **state)
{
	hc_sref r[200];
	char buf[32];

	(void)state;
	assert_int_equal(hc_sref_make(NULL), 0);
	assert_null(hc_str(0));
	for (int i = 0; i < 200; i++) {
		snprintf(buf, sizeof buf, "made string %d", i);
		r[i] = hc_sref_make(buf);
		assert_int_not_equal(r[i], 0);
	}
	for (int i = 0; i < 200; i++) {
		snprintf(buf, sizeof buf, "made string %d", i);
		assert_string_equal(hc_str(r[i]), buf);
	}
}

static void test_status_tags(void **state)
{
	(void)state;
	assert_null(hc_status_tag(HC_STATUS_STANDARD));
	assert_string_equal(hc_status_tag(HC_STATUS_UNOFFICIAL), "[u]");
	assert_string_equal(hc_status_tag(HC_STATUS_DEPRECATED), "[d]");
	assert_string_equal(hc_status_tag(HC_STATUS_UNUSED), "[x]");
	assert_string_equal(hc_status_tag(HC_STATUS_OBSOLETE), "[o]");
	assert_string_equal(hc_status_tag(HC_STATUS_TEMPORARY), "[t]");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_every_entry_bilingual),
		cmocka_unit_test(test_aliases_of_renamed_codes),
		cmocka_unit_test(test_statuses_and_cacheable),
		cmocka_unit_test(test_vendor_codes),
		cmocka_unit_test(test_order_and_classes),
		cmocka_unit_test(test_find_code),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_pattern_length),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_status_tags),
		cmocka_unit_test(test_made_strings),
		cmocka_unit_test(test_vendor_order),
	};

	if (argc != 2) {
		fprintf(stderr, "usage: %s iana-registry.txt\n", argv[0]);
		return 99;
	}
	registry_path = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
