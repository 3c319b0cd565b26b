/*
 * index_none.c - no index made at build time: linked into the tool that
 * makes it (gen_index), so that every index there is built at run time, and
 * into the static binary, which builds its index on the first search,
 * without the lookups (index.h), whose builders are then not linked in.
 */
#include "index.h"

const struct hc_prebuilt hc_prebuilt = { 0 };
bool (*const hc_index_lookups_at_run_time)(struct hc_index *ix) = NULL;
