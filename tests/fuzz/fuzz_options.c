/* fuzz_options.c - libFuzzer target for the command-line parser and the
 * checks main.c applies to a query before it reaches the engine.
 *
 * Input: NUL-separated arguments; the first byte picks $HTTPCODES_LANG and
 * the Korean-locale flag. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const env[] = { NULL, "en", "ko", "both", "", "xx" };
	static char prog[] = "httpcodes";
	char *buf, *argv[64] = { prog };
	int argc = 1;
	struct hc_options o;
	char err[256];

	if (size == 0)
		return 0;
	buf = malloc(size);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	for (char *p = buf; p < buf + size - 1 && argc < 63; p += strlen(p) + 1)
		argv[argc++] = p;
	if (hc_options_parse(argc, argv, env[data[0] % 6], data[0] & 0x80, &o, err, sizeof err)) {
		if (o.query) {
			size_t n = strlen(o.query);
			char *clean = hc_text_sanitize(o.query, n, NULL);
			/* What is echoed must be clean. */
			if (clean && !hc_text_is_clean(clean, strlen(clean)))
				abort();
			free(clean);
		}
		hc_options_free(&o);
	} else if (!hc_text_is_clean(err, strlen(err)) || !err[0]) {
		abort();        /* a usage message must be printable and present */
	}
	free(buf);
	return 0;
}
