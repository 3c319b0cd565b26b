/*
 * test_index.c - the index made at build time (src/gen_index.c →
 * catalog_index.c) equals the one the library builds at run time from the
 * same table with libunistring: every folded string, map, space-free copy,
 * syllable array, typo word and byte set. A stale or wrongly emitted index
 * fails here. Also: the catalog's index is the builtin one, and freeing it
 * is a no-op.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "index.h"
#include "search.h"

static void same16(const uint16_t *a, const uint16_t *b, size_t n)
{
	assert_true((a == NULL) == (b == NULL));
	if (a)
		assert_memory_equal(a, b, n * sizeof *a);
}

static void same8(const uint8_t *a, const uint8_t *b, size_t n)
{
	assert_true((a == NULL) == (b == NULL));
	if (a)
		assert_memory_equal(a, b, n);
}

static void test_builtin_equals_runtime(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();
	size_t n = hc_catalog_count();
	struct hc_index *bi = hc_index_new(e, n);
	struct hc_index *rt = hc_index_build(e, n);

	(void)state;
	assert_non_null(bi);
	assert_non_null(rt);
	assert_true(bi->builtin);
	assert_false(rt->builtin);
	assert_int_equal(bi->n, rt->n);
	assert_memory_equal(bi->first_field, rt->first_field, (n + 1) * sizeof *bi->first_field);
	assert_memory_equal(bi->first_word, rt->first_word, (n + 1) * sizeof *bi->first_word);
	assert_memory_equal(bi->has, rt->has, n * sizeof *bi->has);
	assert_int_equal(bi->n_words, rt->n_words);
	for (size_t i = 0; i < rt->n_words; i++) {
		assert_int_equal(bi->words[i].field, rt->words[i].field);
		assert_int_equal(bi->words[i].at, rt->words[i].at);
		assert_int_equal(bi->words[i].len, rt->words[i].len);
	}
	for (size_t i = 0; i < rt->first_field[n]; i++) {
		const struct hc_sfield *a = &bi->fields[i], *b = &rt->fields[i];

		assert_int_equal(a->fold_len, b->fold_len);
		assert_int_equal(a->strip_len, b->strip_len);
		assert_int_equal(a->n_syl, b->n_syl);
		assert_int_equal(a->field, b->field);
		assert_int_equal(a->item, b->item);
		assert_int_equal(a->rank, b->rank);
		assert_int_equal(a->tier, b->tier);
		assert_int_equal(a->fine, b->fine);
		assert_int_equal(a->hangul, b->hangul);
		same8(a->fold, b->fold, (size_t)a->fold_len + 1);
		same16(a->lo, b->lo, (size_t)a->fold_len + 1);
		same16(a->hi, b->hi, (size_t)a->fold_len + 1);
		same8(a->strip, b->strip, a->strip_len);
		same16(a->strip_at, b->strip_at, a->strip_len);
		same16(a->syl, b->syl, a->n_syl);
		same16(a->syl_at, b->syl_at, a->n_syl);
		same8(a->syl_word, b->syl_word, a->n_syl);
	}
	hc_index_free(bi);      /* a no-op: const data */
	hc_index_free(rt);
	assert_true(hc_index_new(e, n) == bi);
}

/* Any other array (a sub-range, a synthetic table) is built at run time. */
static void test_other_tables_built(void **state)
{
	const struct hc_entry *e = hc_catalog_entries();
	struct hc_index *ix = hc_index_new(e, 10);

	(void)state;
	assert_non_null(ix);
	assert_false(ix->builtin);
	assert_int_equal(ix->n, 10);
	hc_index_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_equals_runtime),
		cmocka_unit_test(test_other_tables_built),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
