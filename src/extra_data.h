/* extra_data.h - the generated tables of extra.c (extra_data.c, by data/gen_extra.py). */
#ifndef HC_EXTRA_DATA_H
#define HC_EXTRA_DATA_H

#include <stddef.h>

#include "catalog.h"

extern const struct hc_entry hc_iis_table[];
extern const size_t hc_iis_table_len;

#endif
