/*
 * gen_index.c - build-time tool: the search index of the catalog (and of the
 * two small tables beside it, extra.h) as const C data (issue 18 item 2), so
 * that the program builds no index at run time.
 *
 *     gen_index OUTPUT.c
 *
 * The index is built by the same library code the program would run
 * (index.c over the generated table, folding with libunistring), then
 * written out as arrays of numbers: the fields, the typo words, the byte
 * sets, the folded copies and maps of the few strings that need them
 * (index.h), the fields' kinds, the dictionary of their words (textdict.h),
 * the distinct typo words (typodict.h) and the names in order (names.h). Nothing in it is a pointer but the index's own handful, so it
 * costs the program no relocation at start-up; the arrays go in the section
 * of what every search reads (HC_SEARCH_DATA, catalog_data.h).
 *
 * One index covers the catalog, the codes outside 100-599 and the IIS
 * sub-codes, in that order (hc_prebuilt in index.h): the CLI searches the
 * catalog and each small table apart, the browser the catalog and the codes
 * outside 100-599 together, and each gets a view of it (hc_index_new).
 * tests/unit/test_index.c checks the views against run-time builds.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "catalog_data.h"
#include "extra.h"
#include "index.h"
#include "names.h"
#include "search.h"

static FILE *out;

/* Member `name` of the one object below: n numbers, 16 to a line, and a
 * trailing 0 that keeps it non-empty (the member is declared n + 1 long). */
static void put_u32(const char *name, const void *p, size_t n, size_t size)
{
	fprintf(out, "\t.%s = {", name);
	for (size_t i = 0; i < n; i++) {
		uint32_t v = size == 1 ? ((const uint8_t *)p)[i]
		           : size == 2 ? ((const uint16_t *)p)[i] : ((const uint32_t *)p)[i];

		fprintf(out, "%s%" PRIu32 ",", i % 16 ? " " : "\n\t\t", v);
	}
	fprintf(out, "\n\t\t0\n\t},\n");
}

int main(int argc, char **argv)
{
	size_t nc = hc_catalog_count(), no, ni, n, nf;
	const struct hc_entry *other = hc_extra_other(&no), *iis = hc_extra_iis(&ni);
	struct hc_entry *e;
	struct hc_index *ix;
	const uint8_t *records;
	const uint32_t *first;
	size_t records_len;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_index OUTPUT.c\n");
		return 2;
	}
	n = nc + no + ni;
	e = malloc(n * sizeof *e);
	if (!e) {
		fprintf(stderr, "gen_index: out of memory\n");
		return 1;
	}
	memcpy(e, hc_catalog_entries(), nc * sizeof *e);
	memcpy(e + nc, other, no * sizeof *e);
	memcpy(e + nc + no, iis, ni * sizeof *e);
	ix = hc_index_build(e, n);
	if (!ix) {
		fprintf(stderr, "gen_index: out of memory\n");
		return 1;
	}
	/* the lookups (this tool links index_none.c, whose hc_index_build
	 * makes none) */
	if (!hc_index_add_lookups(ix)) {
		fprintf(stderr, "gen_index: out of memory\n");
		return 1;
	}
	records = ix->dict->records;
	first = ix->dict->first;
	records_len = ix->dict->len;
	out = fopen(argv[1], "w");
	if (!out) {
		perror("gen_index");
		return 1;
	}
	nf = ix->first_field[n];
	fprintf(out, "/* catalog_index.c - the search index of the catalog, made at build time by\n"
	             " * src/gen_index.c. GENERATED FILE - DO NOT EDIT. */\n"
	             "#include <stdint.h>\n\n"
	             "#include \"catalog_data.h\"\n#include \"extra_data.h\"\n#include \"index.h\"\n"
	             "#include \"names.h\"\n\n");
	/* One object, so that its arrays lie in this order (the compiler
	 * orders separate ones as it likes): the typo words (read for a typo's
	 * span), the dictionary (a search reads the part of its first letter),
	 * the fields (read for the entries shown), and last the lookups and
	 * entry tables every search reads, beside hc_front, the first frame's
	 * names, whose 64 KiB block is resident already (the linker places
	 * hc_front after hc_search). */
	fprintf(out, "#define N HC_NONE\nstatic const struct {\n"
	        "\tuint8_t text[%zu];\n\tuint16_t maps[%zu];\n"
	        "\tstruct hc_tword words[%zu];\n"
	        "\tuint8_t dict_records[%zu];\n\tuint32_t dict_first[258];\n"
	        "\tstruct hc_sfield fields[%zu];\n\tstruct hc_smap smaps[%zu];\n"
	        "\tstruct hc_name by_name[%zu];\n"
	        "\tuint8_t typo_records[%zu];\n\tuint32_t typo_first[%d];\n"
	        "\tstruct hc_bytes has[%zu];\n\tuint8_t kind[%zu];\n"
	        "\tuint32_t first_word[%zu];\n\tuint32_t first_field[%zu];\n"
	        "} d HC_SEARCH_DATA = {\n",
	        ix->text_len + 1, ix->maps_len + 1, ix->n_words + 1, records_len + 1,
	        nf ? nf : 1, ix->n_smaps + 1, ix->n_by_name + 1, ix->typos->len + 1,
	        HC_TYPO_LENS + 2, n ? n : 1, nf + 1, n + 2, n + 2);
	put_u32("text", ix->text, ix->text_len, 1);
	put_u32("maps", ix->maps, ix->maps_len, 2);
	fprintf(out, "\t.words = {\n");
	for (size_t i = 0; i < ix->n_words; i++)
		fprintf(out, "\t\t{ %" PRIu32 ", %u, %u },\n", ix->words[i].field, ix->words[i].at,
		        ix->words[i].len);
	fprintf(out, "\t\t{ 0, 0, 0 }\n\t},\n");
	put_u32("dict_records", records, records_len, 1);
	put_u32("dict_first", first, 257, 4);
	fprintf(out, "\t.fields = {\n");
	for (size_t i = 0; i < nf; i++) {
		const struct hc_sfield *f = &ix->fields[i];
		char copy[16] = "N";

		if (f->copy != HC_NONE)
			snprintf(copy, sizeof copy, "%" PRIu32, f->copy);
		fprintf(out, "\t\t{ %s, 0x%08" PRIx32 "u, %u, %u, %u },\n", copy, f->caps, f->len,
		        f->field, f->item);
	}
	fprintf(out, "\t},\n");
	fprintf(out, "\t.smaps = {\n");
	for (size_t i = 0; i < ix->n_smaps; i++)
		fprintf(out, "\t\t{ %" PRIu32 ", %" PRIu32 " },\n", ix->smaps[i].field,
		        ix->smaps[i].map);
	fprintf(out, "\t\t{ 0, 0 }\n\t},\n");
	fprintf(out, "\t/* the names in order (names.h) */\n\t.by_name = {\n");
	for (size_t i = 0; i < ix->n_by_name; i++)
		fprintf(out, "\t\t{ 0x%08" PRIx32 "u, %" PRIu32 " },\n", ix->by_name[i].key,
		        ix->by_name[i].field);
	fprintf(out, "\t\t{ 0, 0 }\n\t},\n");
	put_u32("typo_records", ix->typos->records, ix->typos->len, 1);
	put_u32("typo_first", ix->typos->first, HC_TYPO_LENS + 1, 4);
	fprintf(out, "\t.has = {\n");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "\t\t{ { 0x%016" PRIx64 "u, 0x%016" PRIx64 "u, "
		        "0x%016" PRIx64 "u, 0x%016" PRIx64 "u } },\n",
		        ix->has[i].bit[0], ix->has[i].bit[1], ix->has[i].bit[2], ix->has[i].bit[3]);
	fprintf(out, "\t},\n");
	put_u32("kind", ix->kind, nf, 1);
	put_u32("first_word", ix->first_word, n + 1, 4);
	put_u32("first_field", ix->first_field, n + 1, 4);
	fprintf(out, "};\n#undef N\n\n");
	fprintf(out, "/* The words of every field (textdict.h): %zu bytes. */\n"
	        "static const struct hc_textdict dict = { d.dict_records, d.dict_first, %zu, %zu };\n\n",
	        records_len, records_len, (size_t)ix->first_field[n]);
	fprintf(out, "/* The distinct typo words (typodict.h): %zu bytes. */\n"
	        "static const struct hc_typodict typos = { d.typo_records, d.typo_first, %zu };\n\n",
	        ix->typos->len, ix->typos->len);
	fprintf(out, "/* %zu fields, %zu typo words, %zu bytes of folded copies, %zu map entries. */\n"
	        "static const struct hc_index ix = {\n"
	        "\t.n = %zu,\n"
	        "\t.fields = d.fields, .kind = d.kind, .first_field = d.first_field,\n"
	        "\t.words = d.words, .first_word = d.first_word, .n_words = %zu,\n"
	        "\t.has = d.has, .text = d.text, .maps = d.maps,\n"
	        "\t.smaps = d.smaps, .n_smaps = %zu,\n"
	        "\t.text_len = %zu, .maps_len = %zu, .dict = &dict, .typos = &typos,\n"
	        "\t.by_name = d.by_name, .n_by_name = %zu, .builtin = true,\n};\n\n"
	        "bool (*const hc_index_lookups_at_run_time)(struct hc_index *) = "
	        "hc_index_add_lookups;\n\n"
	        "const struct hc_prebuilt hc_prebuilt = {\n"
	        "\t.ix = &ix, .n_parts = 3,\n"
	        "\t.part = { hc_catalog_table, hc_other_table, hc_iis_table },\n"
	        "\t.len = { %zu, %zu, %zu },\n};\n",
	        nf, ix->n_words, ix->text_len, ix->maps_len, n, ix->n_words, ix->n_smaps, ix->text_len,
	        ix->maps_len, ix->n_by_name, nc, no, ni);
	hc_index_free(ix);
	free(e);
	if (fclose(out) != 0) {
		perror("gen_index");
		return 1;
	}
	return 0;
}
