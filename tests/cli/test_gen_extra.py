#!/usr/bin/env python3
"""data/gen_extra.py rejects broken iis.txt / other-codes.txt, and see-also lines to a shared code
that do not say which meaning, with file:line messages (TAP).

usage: test_gen_extra.py GEN_EXTRA.PY

Each case breaks one thing in a small valid source; the line expected in the message is the line of
the broken text that holds a marker, found here, so the test does not take the line from the
generator.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import check, done, scratch_dir  # noqa: E402
from pooltext import strings  # noqa: E402

GEN = sys.argv[1]


def stanza(code, phrase, vendor=None, see=""):
    v = f"Vendor: {vendor}\nStatus: unofficial\nReference: {vendor} docs\n" if vendor else \
        "Status: standard\nReference: RFC 9110 §15.5.1\n"
    return f"""Code: {code}
{v}Phrase: {phrase}
Name-Ko: 이름 {code}
Cacheable: {'yes' if code == 404 and not vendor else 'no'}
{see}Summary-En: Code {code}
Summary-Ko: 코드 {code}
Description-En:
 Code {code}.
Description-Ko:
 코드 {code}입니다.
Note-En:
 Check it.
Note-Ko:
 확인하십시오.
"""


def see(en, ko):
    return f"See-Also-En:\n {en}\nSee-Also-Ko:\n {ko}\n"


def table(see404=("499 Client Closed Request (nginx) is the client leaving.",
                  "499 Client Closed Request (nginx)는 클라이언트가 떠난 경우입니다.")):
    return "\n".join([
        stanza(404, "Not Found", see=see(*see404)),
        stanza(499, "Client Closed Request", "nginx"),
        stanza(499, "Token Required", "Esri ArcGIS"),
    ])


IIS = """# IIS sub-status codes
Code: 404.3
Source: IIS
Reference: Microsoft KB 943891
Phrase: MIME type restriction
Name-Ko: MIME 유형 제한
Summary-En: No MIME mapping
Summary-Ko: MIME 매핑이 없음
Note-En:
 Add one.
Note-Ko:
 추가하십시오.
"""

OTHER = """# Codes outside 100-599
Code: 999
Vendor: LinkedIn
Status: unofficial
Reference: observed
Phrase: (request denied)
Name-Ko: 요청 거부
See-Also-En:
 404 Not Found is registered.
See-Also-Ko:
 404 Not Found는 등록된 코드입니다.
Summary-En: Denied
Summary-Ko: 거부됨
Description-En:
 Denied.
Description-Ko:
 거부됩니다.
Note-En:
 Use the API.
Note-Ko:
 API를 쓰십시오.
"""


def gen(tbl=None, iis=IIS, other=OTHER, extra=()):
    d = scratch_dir()
    paths = {}
    for name, text in (("4xx.txt", tbl if tbl is not None else table()), ("iis.txt", iis),
                       ("other-codes.txt", other)):
        p = os.path.join(d, name)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        paths[name] = p
    out = os.path.join(d, "out.c")
    p = subprocess.run([sys.executable, GEN, "--output", out, "--entries", os.path.join(d, "out.h"),
                        *extra, "--iis", paths["iis.txt"],
                        "--other", paths["other-codes.txt"], paths["4xx.txt"]], capture_output=True, text=True)
    return p.returncode, p.stderr, out


def line_of(text, marker):
    return next(i for i, l in enumerate(text.split("\n"), 1) if marker in l)


rc, err, out = gen()
check("a valid source generates", rc == 0, err)
c = open(out, encoding="ascii").read() if rc == 0 else ""
h = open(out[:-1] + "h", encoding="ascii").read() if rc == 0 else ""
# No pointer in the tables (src/catalog.h): code_text is an hc_sref. The codes
# outside 100-599 are searched by the browser (hc_other_text, pool 3,
# HC_SEARCH_DATA), the IIS sub-codes only by the CLI (hc_extra_cold_text, pool 4).
# The codes outside 100-599 are bare initializers (--entries), which
# gen_table.py's array includes after the catalog's entries.
S = strings(c)
texts = {S.get(int(r, 16)): int(r, 16) >> 28 for r in re.findall(r"\.code_text = (0x[0-9a-f]+),", c + h)}
check("the output has the IIS table, the other codes as initializers, each with code_text",
      "hc_iis_table[]" in c and "hc_other_table" not in c + h and "const struct" not in h
      and h.count(".code_text = ") == 1 and texts.get("404.3") == 4 and texts.get("999") == 3, c[:300] + h)
check("pooled: other codes searched, IIS cold", rc == 0 and "const char hc_other_text[" in c
      and '\t"999\\000"' in c and '\t"404.3\\000"' in c
      and c.index('"999\\000"') < c.index("hc_extra_cold_text[") < c.index('"404.3\\000"')
      and "const char *" not in c.split("hc_iis_table[]")[1], err or c[:300])


def expect(name, rc_err, file, line, words):
    rc, err, _ = rc_err
    want = f"{file}:{line}: "
    check(name, rc != 0 and any(want in l and words in l for l in err.splitlines()), err)


def broken(src, old, new):
    assert old in src, old
    return src.replace(old, new, 1)


t = broken(IIS, "Code: 404.3", "Code: 404-3")
expect("a sub-status code that is not NNN.N", gen(iis=t), "iis.txt", line_of(t, "404-3"), "NNN.N")
t = broken(IIS, "Code: 404.3", "Code: 418.3")
expect("a sub-status of a code the table does not register", gen(iis=t), "iis.txt", line_of(t, "418.3"),
       "not a registered code")
t = broken(IIS, "Source: IIS", "Source: Apache")
expect("an unknown Source", gen(iis=t), "iis.txt", line_of(t, "Apache"), "unknown Source")
t = broken(IIS, "Summary-Ko: MIME 매핑이 없음", "Summary-Ko: no mapping")
expect("a Korean summary with no Hangul", gen(iis=t), "iis.txt", line_of(t, "no mapping"), "no Korean text")
t = broken(IIS, "Summary-En: No MIME mapping", "Summary-En: No MIME mapping.")
expect("a summary ending with a period", gen(iis=t), "iis.txt", line_of(t, "mapping."), "period")
t = IIS + "\n" + IIS.split("\n", 1)[1].replace("MIME type restriction", "MIME type restriction again")
expect("a sub-status given twice", gen(iis=t), "iis.txt", line_of(t, "again") - 3, "already defined")
t = broken(IIS, "Note-En:", "Colour: blue\nNote-En:")
expect("an unknown field", gen(iis=t), "iis.txt", line_of(t, "Colour"), "unknown field")

o = broken(OTHER, "Code: 999", "Code: 404")
expect("a code inside 100-599 in other-codes.txt", gen(other=o), "other-codes.txt", line_of(o, "Code: 404"),
       "inside 100-599")
o = broken(OTHER, "Code: 999", "Code: 9999")
expect("a code of four digits", gen(other=o), "other-codes.txt", line_of(o, "9999"), "one to three digits")
o = broken(OTHER, "Status: unofficial", "Status: standard")
expect("a code outside 100-599 marked standard", gen(other=o), "other-codes.txt", line_of(o, "standard"),
       "unofficial")
o = broken(OTHER, " 404 Not Found is registered.", " 405 Method Not Allowed is registered.")
expect("a see-also to a code the table does not have", gen(other=o), "other-codes.txt",
       line_of(o, "405 Method"), "not in the table")
o = broken(OTHER, "Description-Ko:\n 거부됩니다.\n", "")
expect("a missing Description-Ko", gen(other=o), "other-codes.txt", 2, "missing field Description-Ko")

# The rule over every see-also of the table: a line to a shared code says which meaning.
tb = table(("499 is the client leaving.", "499 코드는 클라이언트가 떠난 경우입니다."))
expect("a see-also to 499 that names neither nginx nor Esri (English line)", gen(tbl=tb), "4xx.txt",
       line_of(tb, "499 is the client"), "which of its meanings")
expect("… and the Korean line too", gen(tbl=tb), "4xx.txt", line_of(tb, "499 코드는"), "which of its meanings")
tb = table(("499 Client Closed Request is the client leaving.", "499 Client Closed Request는 떠난 경우입니다."))
expect("the phrase alone is not enough when a vendor owns it", gen(tbl=tb), "4xx.txt",
       line_of(tb, "499 Client Closed Request is"), "which of its meanings")
tb = table(("499 (Esri ArcGIS) is a token problem.", "499 (Esri ArcGIS)는 토큰 문제입니다."))
check("'499 (Esri ArcGIS) …' names one meaning: accepted", gen(tbl=tb)[0] == 0, gen(tbl=tb)[1])

done()
