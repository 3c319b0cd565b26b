/* catalog_data.h - the generated table (catalog_data.c); only catalog.c reads it. */
#ifndef HC_CATALOG_DATA_H
#define HC_CATALOG_DATA_H

#include <stddef.h>

#include "catalog.h"

extern const struct hc_entry hc_catalog_table[];
extern const size_t hc_catalog_table_len;
extern const struct hc_class hc_catalog_classes[];
extern const size_t hc_catalog_classes_len;
extern const struct hc_code_lang hc_code_langs[];
extern const size_t hc_code_langs_len;
extern const struct hc_constant_ref hc_constant_names[];
extern const size_t hc_constant_names_len;

#endif
