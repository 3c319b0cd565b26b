/*
 * gen_index.c - build-time tool: the search index of the catalog as const C
 * data (issue 18 item 2), so that the program builds no index at run time.
 *
 *     gen_index OUTPUT.c
 *
 * The index is built by the same library code the program would run
 * (index.c over the generated table, folding with libunistring), then
 * written out: one byte blob (folded text, space-free copies, syllable word
 * flags), one 16-bit blob (offset maps, syllables), the field, word and
 * byte-set arrays, and hc_index_builtin(), which hands it out for the
 * catalog. tests/unit/test_index.c checks it equals a run-time build.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "catalog_data.h"
#include "index.h"
#include "search.h"

static FILE *out;
static size_t n8, n16;          /* blob sizes so far */

static void put8(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++, n8++)
		fprintf(out, "%u,%s", p[i], n8 % 24 == 23 ? "\n" : "");
}

static void put16(const uint16_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++, n16++)
		fprintf(out, "%u,%s", p[i], n16 % 16 == 15 ? "\n" : "");
}

/* Offsets of one field's arrays in the blobs; SIZE_MAX when absent. */
struct at {
	size_t fold, lo, hi, strip, strip_at, syl, syl_at, syl_word;
};

int main(int argc, char **argv)
{
	const struct hc_entry *e = hc_catalog_entries();
	size_t n = hc_catalog_count(), nf;
	struct hc_index *ix;
	struct at *at;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_index OUTPUT.c\n");
		return 2;
	}
	ix = hc_index_build(e, n);
	if (!ix) {
		fprintf(stderr, "gen_index: out of memory\n");
		return 1;
	}
	nf = ix->first_field[n];
	at = calloc(nf + 1, sizeof *at);
	out = fopen(argv[1], "w");
	if (!at || !out) {
		perror("gen_index");
		return 1;
	}
	fprintf(out, "/* catalog_index.c - the search index of the catalog, made at build time by\n"
	             " * src/gen_index.c. GENERATED FILE - DO NOT EDIT. */\n"
	             "#include <stdint.h>\n\n"
	             "#include \"catalog_data.h\"\n#include \"index.h\"\n\n");
	fprintf(out, "static const uint8_t b8[] = {\n");
	for (size_t i = 0; i < nf; i++) {
		const struct hc_sfield *f = &ix->fields[i];

		at[i].fold = n8;
		put8(f->fold, (size_t)f->fold_len + 1);
		at[i].strip = SIZE_MAX;
		if (f->strip && f->strip != f->fold) {
			at[i].strip = n8;
			put8(f->strip, f->strip_len);
		}
		at[i].syl_word = SIZE_MAX;
		if (f->syl_word) {
			at[i].syl_word = n8;
			put8(f->syl_word, f->n_syl);
		}
	}
	fprintf(out, "0 };\n\nstatic const uint16_t b16[] = {\n");
	for (size_t i = 0; i < nf; i++) {
		const struct hc_sfield *f = &ix->fields[i];

		at[i].lo = at[i].hi = at[i].strip_at = at[i].syl = at[i].syl_at = SIZE_MAX;
		if (f->lo) {
			at[i].lo = n16;
			put16(f->lo, (size_t)f->fold_len + 1);
			at[i].hi = n16;
			put16(f->hi, (size_t)f->fold_len + 1);
		}
		if (f->strip_at) {
			at[i].strip_at = n16;
			put16(f->strip_at, f->strip_len);
		}
		if (f->syl) {
			at[i].syl = n16;
			put16(f->syl, f->n_syl);
			at[i].syl_at = n16;
			put16(f->syl_at, f->n_syl);
		}
	}
	fprintf(out, "0 };\n\nstatic const struct hc_sfield fields[] = {\n");
#define P8(x) (at[i].x == SIZE_MAX ? "0" : "b8 + "), (at[i].x == SIZE_MAX ? 0 : at[i].x)
#define P16(x) (at[i].x == SIZE_MAX ? "0" : "b16 + "), (at[i].x == SIZE_MAX ? 0 : at[i].x)
	for (size_t i = 0; i < nf; i++) {
		const struct hc_sfield *f = &ix->fields[i];
		const char *strip = f->strip == f->fold ? "fold" : "own";

		fprintf(out, "\t{ b8 + %zu, %s%zu, %s%zu, ", at[i].fold, P16(lo), P16(hi));
		if (!strcmp(strip, "fold"))
			fprintf(out, "b8 + %zu, ", at[i].fold);
		else
			fprintf(out, "%s%zu, ", P8(strip));
		fprintf(out, "%s%zu, %s%zu, %s%zu, %s%zu,\n"
		        "\t  %u, %u, %u, %u, %u, %u, %u, %u, %u },\n",
		        P16(strip_at), P16(syl), P16(syl_at), P8(syl_word),
		        f->fold_len, f->strip_len,
		        f->n_syl, f->field, f->item, f->rank, f->tier, f->fine, f->hangul);
	}
	fprintf(out, "};\n\nstatic const size_t first_field[] = {");
	for (size_t i = 0; i <= n; i++)
		fprintf(out, "%s%zu,", i % 16 ? " " : "\n\t", ix->first_field[i]);
	fprintf(out, "\n};\n\nstatic const struct hc_tword words[] = {\n");
	for (size_t i = 0; i < ix->n_words; i++)
		fprintf(out, "\t{ %zu, %u, %u },\n", ix->words[i].field, ix->words[i].at,
		        ix->words[i].len);
	fprintf(out, "\t{ 0, 0, 0 }\n};\n\nstatic const size_t first_word[] = {");
	for (size_t i = 0; i <= n; i++)
		fprintf(out, "%s%zu,", i % 16 ? " " : "\n\t", ix->first_word[i]);
	fprintf(out, "\n};\n\nstatic const struct hc_bytes has[] = {\n");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "\t{ { 0x%016" PRIx64 "u, 0x%016" PRIx64 "u, "
		        "0x%016" PRIx64 "u, 0x%016" PRIx64 "u } },\n",
		        ix->has[i].bit[0], ix->has[i].bit[1], ix->has[i].bit[2], ix->has[i].bit[3]);
	fprintf(out, "};\n\n"
	        "/* Read only: the casts drop const for the shared struct's sake; nothing\n"
	        " * writes through them, and hc_index_free leaves a builtin index alone. */\n"
	        "static const struct hc_index ix = {\n"
	        "\t.entries = hc_catalog_table, .n = %zu,\n"
	        "\t.fields = (struct hc_sfield *)fields, .first_field = (size_t *)first_field,\n"
	        "\t.words = (struct hc_tword *)words, .first_word = (size_t *)first_word,\n"
	        "\t.n_words = %zu, .has = (struct hc_bytes *)has, .builtin = true,\n};\n\n"
	        "/* %zu fields; %zu bytes of text and %zu 16-bit maps and syllables. */\n"
	        "struct hc_index *hc_index_builtin(const struct hc_entry *entries, size_t n)\n{\n"
	        "\treturn entries == hc_catalog_table && n == hc_catalog_table_len ?\n"
	        "\t       (struct hc_index *)&ix : 0;\n}\n", n, ix->n_words, nf, n8, n16);
	hc_index_free(ix);
	free(at);
	if (fclose(out) != 0) {
		perror("gen_index");
		return 1;
	}
	return 0;
}
