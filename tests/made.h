/* made.h - strings of the made-up entries of tests, fuzzers and benchmarks:
 * S("text") is an hc_sref, L(array) a struct hc_strs of an array of strings
 * (catalog.h: hc_sref_make(), hc_strs_make(); the tables hold no pointers). */
#ifndef HC_TESTS_MADE_H
#define HC_TESTS_MADE_H

#include "catalog.h"

#define S(s) hc_sref_make(s)
#define L(a) hc_strs_make(a, sizeof (a) / sizeof (a)[0])

#endif
