/* fuzz_response.c - libFuzzer target for the response-head parser and its
 * checks: curl -sIL / curl -v text, line by line, then every check. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "response.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hc_resp_parser p;
	struct hc_finding x[HC_FINDINGS_MAX];
	const char *s = (const char *)data, *end = s + size;
	long long t;

	hc_resp_init(&p);
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = (size_t)((nl ? nl : end) - s);
		char *line = malloc(n ? n : 1);

		if (!line)
			break;
		memcpy(line, s, n);
		hc_resp_line(&p, line, n);
		(void)hc_resp_is_status_line(line, n);
		free(line);
		s = nl ? nl + 1 : end;
	}
	if (p.n > HC_RESP_MAX)
		abort();
	for (size_t i = 0; i < p.n; i++) {
		const struct hc_response *r = &p.v[i];

		if (r->code < 0 || r->code > 999 || strlen(r->proto) >= sizeof r->proto)
			abort();
		for (int h = 0; h < HC_HDR_COUNT; h++)
			if (strlen(r->value[h]) > HC_RESP_VALUE_MAX)
				abort();
		if (hc_resp_check(r, x, HC_FINDINGS_MAX) > HC_FINDINGS_MAX)
			abort();
	}
	size_t k = hc_chain_check(p.v, p.n, x, HC_FINDINGS_MAX);
	for (size_t j = 0; j < k; j++)
		if ((x[j].fact == HC_FACT_METHOD_CHANGED || x[j].fact == HC_FACT_METHOD_CHANGED_BAD) &&
		    (x[j].n[0] < 0 || (size_t)x[j].n[0] >= p.n))
			abort();
	/* the date reader on the raw input, as a header value */
	if (hc_http_date((const char *)data, size, &t) && (t < -2208988800LL || t > 253402300800LL))
		abort();
	return 0;
}
