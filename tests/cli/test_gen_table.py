#!/usr/bin/env python3
"""The table generator rejects broken source with file:line messages (TAP).

usage: test_gen_table.py GEN_TABLE.PY
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

GOOD = """Code: 404
Status: standard
Reference: RFC 9110 §15.5.5
Phrase: Not Found
Name-Ko: 찾을 수 없음
Cacheable: yes
See-Also-En:
 410 Gone is deliberate and permanent.
See-Also-Ko:
 410 Gone은 의도적이고 영구적입니다.
Summary-En: Nothing here
Summary-Ko: 리소스를 찾을 수 없음
Description-En:
 The server found nothing for this URL.
Description-Ko:
 서버가 이 URL에 해당하는 것을 찾지 못했습니다.
Note-En:
 Check the path.
Note-Ko:
 경로를 확인하십시오.

Code: 410
Status: standard
Reference: RFC 9110 §15.5.11
Phrase: Gone
Name-Ko: 사라짐
Cacheable: yes
Summary-En: Gone for good
Summary-Ko: 영구히 사라짐
Description-En:
 It was here and was removed on purpose.
Description-Ko:
 있던 리소스를 일부러 없앴습니다.
Note-En:
 Update the links.
Note-Ko:
 링크를 고치십시오.
"""

CLASSES = "".join(f"""Class: {d}
Name-En: Class {d}
Name-Ko: 분류 {d}
Summary-En: Class {d}
Summary-Ko: 분류 {d}
Description-En:
 Codes {d}00-{d}99.
Description-Ko:
 {d}00-{d}99 코드입니다.

""" for d in range(1, 6))



def gen(text, fname="4xx.txt", *extra):
    d = scratch_dir()
    path = os.path.join(d, fname)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    cls = os.path.join(d, "classes.txt")
    with open(cls, "w", encoding="utf-8") as f:
        f.write(CLASSES)
    out = os.path.join(d, "out.c")
    p = subprocess.run([sys.executable, GEN, "--output", out, *extra, cls, path], capture_output=True, text=True)
    return p.returncode, p.stderr, path, out


def expect_error(name, text, line, words, fname="4xx.txt"):
    rc, err, path, out = gen(text, fname)
    want = f"{path}:{line}: "
    check(name, rc != 0 and any(l.startswith(want) and words in l for l in err.splitlines())
          and not os.path.exists(out), f"rc={rc}\n{err}")


rc, err, path, out = gen(GOOD)
check("valid source generates", rc == 0, err)
text = open(out, encoding="ascii").read() if rc == 0 else ""
check("output has the do-not-edit banner", "GENERATED FILE - DO NOT EDIT" in text)
check("output is a const table", "const struct hc_entry hc_browse_table[]" in text)
# the catalog's entries, then the codes outside 100-599 (gen_extra.py's
# other_entries.h, included at the end of the array): counted apart
check("counts: the catalog's entries, then the whole array's by sizeof",
      f"const size_t hc_catalog_table_len = {GOOD.count('Code: ')};" in text
      and "sizeof hc_browse_table / sizeof hc_browse_table[0]" in text
      and text.index('#include "other_entries.h"') < text.index("hc_catalog_table_len"), text[-800:])

# Line numbers below are counted by hand in GOOD (line 1 = "Code: 404").
expect_error("missing Korean summary", GOOD.replace("Summary-Ko: 리소스를 찾을 수 없음\n", ""),
             1, "missing field Summary-Ko")
expect_error("missing English note", GOOD.replace("Note-En:\n Check the path.\n", ""),
             1, "missing field Note-En")
expect_error("duplicate code", GOOD.replace("Code: 410", "Code: 404"), 22, "already defined")
expect_error("code in the wrong class file", GOOD.replace("Code: 410", "Code: 510")
             .replace("410 Gone", "510 Gone"), 22, "does not belong in a 4xx file")
expect_error("code out of range", GOOD.replace("Code: 404", "Code: 699"), 1, "outside 100-599",
             fname="other.txt")
expect_error("control character", GOOD.replace("Phrase: Not Found", "Phrase: Not\x1bFound"),
             4, "control character U+001B")
expect_error("tab", GOOD.replace("Phrase: Not Found", "Phrase:\tNot Found"), 4, "tab")
expect_error("trailing space", GOOD.replace("Phrase: Not Found", "Phrase: Not Found "), 4, "trailing space")
expect_error("bad reference", GOOD.replace("RFC 9110 §15.5.5", "RFC9110 15.5.5"), 3, "reference")
expect_error("unknown status", GOOD.replace("Status: standard\nReference: RFC 9110 §15.5.5",
                                            "Status: normal\nReference: RFC 9110 §15.5.5"), 2, "unknown status")
expect_error("see-also code missing from the table",
             GOOD.replace(" 410 Gone is", " 411 Gone is").replace(" 410 Gone은", " 411 Gone은"),
             8, "see-also code 411 is not in the table")
expect_error("see-also lists differ", GOOD.replace(" 410 Gone은", " 404 Gone은"), 9, "same codes")
expect_error("Korean field without Korean", GOOD.replace("Name-Ko: 찾을 수 없음", "Name-Ko: Not Found"),
             5, "no Korean text")
expect_error("unofficial without vendor", GOOD.replace("Status: standard\nReference: RFC 9110 §15.5.5",
                                                       "Status: unofficial\nReference: nginx"), 1, "Vendor")
expect_error("wrong cacheability", GOOD.replace("Cacheable: yes\nSee", "Cacheable: no\nSee"),
             6, "heuristically cacheable")
expect_error("unknown field", GOOD.replace("Cacheable: yes\nSee", "Cacheable: yes\nColour: red\nSee"),
             7, "unknown field Colour")
expect_error("NFD text", GOOD.replace("Name-Ko: 찾을 수 없음", "Name-Ko: \u110e\u1161\u11be"), 5, "NFC")
expect_error("zero-width space", GOOD.replace("Phrase: Not Found", "Phrase: Not\u200bFound"),
             4, "zero-width character U+200B")
expect_error("zero-width joiner", GOOD.replace("Name-Ko: 찾을 수 없음", "Name-Ko: 찾을\u200d수 없음"),
             5, "zero-width character U+200D")

# Keywords (line 6 is the first keyword line once they are put before Cacheable).
KW = "Keywords-En: page not found; broken link\nKeywords-Ko: 페이지 없음; 깨진 링크\nCacheable: yes\nSee"
GOOD_KW = GOOD.replace("Cacheable: yes\nSee", KW)
rc, err, path, out = gen(GOOD_KW, "4xx.txt")
check("keywords generate", rc == 0, err)
text = open(out, encoding="ascii").read() if rc == 0 else ""
# The table holds no pointer (src/catalog.h): strings are hc_srefs into three
# pools, the names the first frame draws in hc_front_text (pool 6), the rest
# of the searched ones in hc_search_text (pool 1), references in
# hc_cold_text (pool 2); a list is (at, n) into its pool's list items.
S = strings(text)
items = re.search(r"const hc_sref hc_search_text_items\[\d+\] HC_SEARCH_DATA = \{\n((?:\t.*\n)*?)\};", text)
items = [int(x, 0) for x in re.findall(r"0x[0-9a-f]+|\b\d+\b", items.group(1))] if items else []


def strs(key):
    m = re.search(rf"\.{key} = \{{ (0x[0-9a-f]+|0), (\d+) \}}", text)
    if not m:
        return None
    at, n = int(m.group(1), 16), int(m.group(2))
    return [S.get(items[(at & 0xfffffff) + i]) for i in range(n)] if at >> 28 == 1 else None


def ref(key):
    m = re.search(rf"\.{key} = (0x[0-9a-f]+|0),", text)
    return m and S.get(int(m.group(1), 16)), m and int(m.group(1), 16) >> 28


check("keywords are emitted as lists", strs("keywords_en") == ["page not found", "broken link"]
      and strs("keywords_ko") == ["페이지 없음", "깨진 링크"], text[:2000])
m = re.search(r'const char hc_search_text\[(\d+)\] HC_SEARCH_DATA =\n((?:\t".*"\n)+)', text)
# keywords and headers where every search reads them; the running text with
# the rest of the entry's page (src/catalog_data.h)
check("searched strings are in their pool", rc == 0 and m and '\t"broken link\\000"' in m.group(2)
      and ref("phrase_en") == ("Not Found", 6) and ref("name_ko") == ("찾을 수 없음", 6)
      and ref("summary_en")[1] == 2 and ref("desc_ko")[1] == 2
      and ref("summary_en")[0] not in m.group(2)
      and ref("reference") == ("RFC 9110 §15.5.5", 2)
      and "const char *" not in text.split("hc_browse_table[]")[1], text[:2000])
expect_error("keyword listed twice", GOOD_KW.replace("broken link", "broken link; Page Not Found"),
             6, "given twice")
expect_error("keyword in both languages", GOOD_KW.replace("깨진 링크", "깨진 링크; broken link"),
             7, "given twice")
expect_error("keyword equal to the phrase", GOOD_KW.replace("broken link", "not found"),
             6, "repeats the entry's name")
expect_error("keyword equal to the Korean name", GOOD_KW.replace("깨진 링크", "찾을 수 없음"),
             7, "repeats the entry's name")
expect_error("empty keyword", GOOD_KW.replace("; broken link", "; ; broken link"), 6, "empty item")
expect_error("trailing separator", GOOD_KW.replace("; broken link", "; broken link;"), 6, "empty item")
expect_error("Korean keyword without Hangul", GOOD_KW.replace("깨진 링크", "broken"), 7, "no Hangul")
expect_error("keyword with a zero-width space", GOOD_KW.replace("깨진 링크", "깨진\u200b링크"),
             7, "zero-width")
expect_error("NFD keyword", GOOD_KW.replace("깨진 링크", "\u1101\u1162\u11ab"), 7, "NFC")

# The data pipeline: every [1-5]xx*.txt of the data directory must be given.
VENDOR_3XX = """Code: 399
Vendor: Example
Status: unofficial
Reference: Example documentation
Phrase: Example Redirect
Name-Ko: 예시 리디렉션
Cacheable: no
Summary-En: A made-up vendor code
Summary-Ko: 만들어 낸 업체 코드
Description-En:
 Made up for the data pipeline test.
Description-Ko:
 데이터 처리 과정 시험용으로 만든 코드입니다.
Note-En:
 None.
Note-Ko:
 없습니다.
"""
d = scratch_dir()
for name, body in (("classes.txt", CLASSES), ("4xx.txt", GOOD), ("3xx-vendor.txt", VENDOR_3XX)):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(body)
out = os.path.join(d, "out.c")
given = [os.path.join(d, "classes.txt"), os.path.join(d, "4xx.txt")]
p = subprocess.run([sys.executable, GEN, "--output", out, "--data-dir", d, *given],
                   capture_output=True, text=True)
check("a table file left out fails the build",
      p.returncode != 0 and f"{os.path.join(d, '3xx-vendor.txt')}:1: table file not given" in p.stderr
      and not os.path.exists(out), p.stderr)
p = subprocess.run([sys.executable, GEN, "--output", out, "--data-dir", d,
                    *given, os.path.join(d, "3xx-vendor.txt")], capture_output=True, text=True)
check("an extra table file listed: its codes are in the table",
      p.returncode == 0 and ".code = 399" in open(out, encoding="ascii").read(), p.stderr)

# The parser is importable: the tests use it instead of parsing the format.
sys.path.insert(0, os.path.dirname(os.path.abspath(GEN)))
import gen_table  # noqa: E402
entries, classes = gen_table.load_dir(d)
check("load_dir reads every table file", [e["code"] for e in entries] == [399, 404, 410]
      and [c["digit"] for c in classes] == [1, 2, 3, 4, 5], [e["code"] for e in entries])
check("load_dir gives keywords and vendors", entries[0]["vendor"] == "Example"
      and entries[1]["keywords_en"] == [], entries[0])
with open(os.path.join(d, "5xx.txt"), "w", encoding="utf-8") as f:
    f.write(GOOD.replace("Code: 404", "Code: 504").replace("Code: 410", "Code: 510"))
try:
    gen_table.load_dir(d)
    check("load_dir refuses broken source", False)
except ValueError as e:
    check("load_dir refuses broken source", "5xx.txt:" in str(e), str(e))

# Invalid UTF-8 needs raw bytes.
d = scratch_dir()
path = os.path.join(d, "4xx.txt")
with open(path, "wb") as f:
    f.write(GOOD.encode().replace(b"Not Found", b"Not \xff Found"))
p = subprocess.run([sys.executable, GEN, "--check", path], capture_output=True, text=True)
check("invalid UTF-8", p.returncode != 0 and f"{path}:4: invalid UTF-8" in p.stderr, p.stderr)

done()
