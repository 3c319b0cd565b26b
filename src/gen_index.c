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
#include "firstkeys.h"
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

/* Whether hits a and b are alike but for their spans. */
static bool same_hit(const struct hc_hit *a, const struct hc_hit *b)
{
	return a->entry == b->entry && a->rank == b->rank && a->score == b->score &&
	       a->fine == b->fine && a->matched == b->matched && a->noise == b->noise &&
	       a->vendor_named == b->vendor_named && a->terms == b->terms &&
	       a->named_terms == b->named_terms && a->rare == b->rare && a->coded == b->coded &&
	       a->named == b->named && a->span_terms == b->span_terms &&
	       a->typo_terms == b->typo_terms;
}

/* Writes n numbers as the body of a C array: 16 to a line, and a
 * trailing 0 that keeps it non-empty. */
static void put_numbers(const char *decl, const uint16_t *v, size_t n)
{
	fprintf(out, "%s = {", decl);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%u,", i % 16 ? " " : "\n\t", v[i]);
	fprintf(out, "\n\t0\n};\n");
}

#define FK_COMBOS_MAX 256
#define FK_HITS_MAX 8192

/* The one-letter queries' answers over e[0..n) (firstkeys.h), as object
 * `keys`, from an index built here with its lookups, as the program's view
 * of the same entries has them; checked to serve e[0..n_less) too, the
 * hits past it left out (tests/unit/test_firstkeys.c compares both views
 * with searches). */
static bool put_first_keys(const struct hc_entry *e, size_t n, size_t n_less)
{
	struct hc_index *ix = hc_index_build(e, n), *less = hc_index_build(e, n_less);
	struct hc_results r = { .spans_of = HC_SPANS_NONE }, rl = { .spans_of = HC_SPANS_NONE };
	static uint8_t combos[FK_COMBOS_MAX][HC_FK_COMBO];
	static uint16_t entries[FK_HITS_MAX], runs[2 * FK_HITS_MAX], combo_bytes[FK_COMBOS_MAX * HC_FK_COMBO];
	uint16_t at[HC_FK_KEYS + 1], run_at[HC_FK_KEYS + 1], terms[HC_FK_KEYS], matched[HC_FK_KEYS];
	size_t total = 0, n_runs = 0, n_combos = 0;

	if (!ix || !less || !hc_index_add_lookups(ix) || !hc_index_add_lookups(less)) {
		fprintf(stderr, "gen_index: out of memory\n");
		return false;
	}
	for (int k = 0; k < HC_FK_KEYS; k++) {
		char q = (char)(k < 26 ? 'a' + k : '0' + (k - 26));
		bool keep;
		size_t j = 0, runs_before = n_runs;

		at[k] = (uint16_t)total;
		run_at[k] = (uint16_t)n_runs;
		terms[k] = matched[k] = 0;
		if (hc_search(ix, &q, 1, &r) != HC_SEARCH_OK ||
		    hc_search(less, &q, 1, &rl) != HC_SEARCH_OK) {
			fprintf(stderr, "gen_index: the query \"%c\" failed\n", q);
			return false;
		}
		/* only a full answer: search() stops after its first run */
		keep = r.n > 0 && !r.partial && r.complete == r.n && !r.read_as && r.terms <= 255 &&
		       r.matched <= 255 && total + r.n <= FK_HITS_MAX;
		for (size_t i = 0; keep && i < r.n; i++) {
			uint8_t p[HC_FK_COMBO];
			struct hc_hit back;
			size_t c = 0;

			if (!hc_firstkeys_pack(&r.hits[i], p)) {
				keep = false;
				break;
			}
			while (c < n_combos && memcmp(combos[c], p, HC_FK_COMBO) != 0)
				c++;
			if (c == n_combos && n_combos++ == FK_COMBOS_MAX) {
				fprintf(stderr, "gen_index: more than %d combos\n", FK_COMBOS_MAX);
				return false;
			}
			memcpy(combos[c], p, HC_FK_COMBO);
			hc_firstkeys_unpack(p, (uint8_t)r.hits[i].entry, &back);
			if (!same_hit(&back, &r.hits[i])) {
				fprintf(stderr, "gen_index: hit %zu of \"%c\" does not come back whole\n",
				        i, q);
				return false;
			}
			/* the smaller view's answer is this one without the
			 * entries past it */
			if (back.entry < n_less && (j >= rl.n || !same_hit(&back, &rl.hits[j++]))) {
				fprintf(stderr, "gen_index: \"%c\" over %zu entries is not its answer "
				        "over %zu without the others (hit %zu)\n", q, n_less, n, i);
				return false;
			}
			entries[total + i] = (uint16_t)r.hits[i].entry;
			if (n_runs > runs_before && runs[2 * (n_runs - 1) + 1] == c &&
			    runs[2 * (n_runs - 1)] < 255) {
				runs[2 * (n_runs - 1)]++;
			} else {
				runs[2 * n_runs] = 1;
				runs[2 * n_runs + 1] = (uint16_t)c;
				n_runs++;
			}
		}
		if (!keep) {
			n_runs = runs_before;
			continue;
		}
		if (j != rl.n || rl.partial || rl.terms != r.terms || rl.matched != r.matched) {
			fprintf(stderr, "gen_index: \"%c\" over %zu entries is not its answer "
			        "over %zu without the others\n", q, n_less, n);
			return false;
		}
		terms[k] = (uint16_t)r.terms;
		matched[k] = (uint16_t)r.matched;
		total += r.n;
	}
	at[HC_FK_KEYS] = (uint16_t)total;
	run_at[HC_FK_KEYS] = (uint16_t)n_runs;
	for (size_t c = 0; c < n_combos; c++)
		for (int b = 0; b < HC_FK_COMBO; b++)
			combo_bytes[c * HC_FK_COMBO + b] = combos[c][b];
	fprintf(out, "/* %zu hits in %zu runs of %zu combos: %zu bytes */\n", total, n_runs,
	        n_combos, total + 2 * n_runs + HC_FK_COMBO * n_combos + 4 * (HC_FK_KEYS + 1) +
	        2 * HC_FK_KEYS);
	put_numbers("static const uint8_t keys_combos[] HC_KEYS_DATA", combo_bytes,
	            n_combos * HC_FK_COMBO);
	put_numbers("static const uint8_t keys_entries[] HC_KEYS_DATA", entries, total);
	put_numbers("static const uint8_t keys_runs[] HC_KEYS_DATA", runs, 2 * n_runs);
	put_numbers("static const uint16_t keys_at[] HC_KEYS_DATA", at, HC_FK_KEYS + 1);
	put_numbers("static const uint16_t keys_run_at[] HC_KEYS_DATA", run_at, HC_FK_KEYS + 1);
	put_numbers("static const uint8_t keys_terms[] HC_KEYS_DATA", terms, HC_FK_KEYS);
	put_numbers("static const uint8_t keys_matched[] HC_KEYS_DATA", matched, HC_FK_KEYS);
	fprintf(out, "static const struct hc_firstkeys keys = {\n\t%zu, keys_combos, keys_entries, "
	        "keys_runs, keys_at, keys_run_at, keys_terms, keys_matched\n};\n\n", n);
	hc_results_free(&r);
	hc_results_free(&rl);
	hc_index_free(ix);
	hc_index_free(less);
	return true;
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
	             "#include \"catalog_data.h\"\n#include \"extra_data.h\"\n#include \"firstkeys.h\"\n"
	             "#include \"index.h\"\n"
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

		fprintf(out, "\t\t{ 0x%08" PRIx32 "u, %u, %u, %u },\n", f->caps, f->len,
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
	fprintf(out, "/* The one-letter queries' answers (firstkeys.h) over the browser's\n"
	        " * catalog and codes outside 100-599, which serve the CLI's catalog too. */\n");
	if (!put_first_keys(e, nc + no, nc))
		return 1;
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
	        "\t.part = { hc_browse_table, hc_browse_table + %zu, hc_iis_table },\n"
	        "\t.len = { %zu, %zu, %zu },\n"
	        "\t.first_keys = &keys,\n};\n",
	        nf, ix->n_words, ix->text_len, ix->maps_len, n, ix->n_words, ix->n_smaps, ix->text_len,
	        ix->maps_len, ix->n_by_name, nc, nc, no, ni);
	hc_index_free(ix);
	free(e);
	if (fclose(out) != 0) {
		perror("gen_index");
		return 1;
	}
	return 0;
}
