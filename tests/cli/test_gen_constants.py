#!/usr/bin/env python3
"""The generator rejects broken constants.txt / examples.txt with file:line messages (TAP).

usage: test_gen_constants.py GEN_TABLE.PY

Each case breaks one thing in a small valid source; the line expected in the
message is found in the broken text itself (the line holding a marker), so the
test does not depend on the generator to say where the problem is.
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


def stanza(code, phrase, extra=""):
    return f"""Code: {code}
Status: standard
Reference: RFC 9110 §15.5.1
Phrase: {phrase}
Name-Ko: 이름 {code}
{extra}Cacheable: {'yes' if code in (404, 410) else 'no'}
Summary-En: Code {code}
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


TABLE = "\n".join([
    stanza(401, "Unauthorized", "Headers: WWW-Authenticate\n"),
    stanza(404, "Not Found"),
    stanza(413, "Content Too Large", "Aliases-En: Payload Too Large; Request Entity Too Large\n"),
])
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

LANGS = "".join(f"""Lang: {lid}
Label: {lid}
Library: lib
Version: 1.0
Source: somewhere/{lid}.src

""" for lid in ("python", "go", "rust", "spring", "jakarta", "csharp", "node", "symfony", "rack", "ktor", "swift"))


def consts(code, py, go, rust, cs, rack, swift, other="-"):
    return f"""Code: {code}
Python: {py}
Go: {go}
Rust: {rust}
Spring: {other}
Jakarta: {other}
CSharp: {cs}
Node: {other}
Symfony: {other}
Rack: {rack}
Ktor: {other}
SwiftNIO: {swift}
"""


CONSTANTS = LANGS + "\n".join([
    consts(401, "UNAUTHORIZED", "StatusUnauthorized", "UNAUTHORIZED", "Unauthorized", "unauthorized", "unauthorized"),
    consts(404, "NOT_FOUND", "StatusNotFound", "NOT_FOUND", "NotFound", "not_found", "notFound"),
    consts(413, "CONTENT_TOO_LARGE [since 3.13]\n REQUEST_ENTITY_TOO_LARGE [old name] [alias]",
           "StatusRequestEntityTooLarge [old name]", "PAYLOAD_TOO_LARGE [old name]", "RequestEntityTooLarge [old name]",
           "content_too_large", "payloadTooLarge [old name]"),
])

EXAMPLES = """Code: 401
Request:
 GET /private HTTP/1.1
 Host: example.com
Response:
 HTTP/1.1 401 Unauthorized
 Date: Fri, 04 Dec 2026 10:00:00 GMT
 WWW-Authenticate: Basic realm="x"
 Content-Length: 0

Code: 404
Request:
 GET /nothing HTTP/1.1
 Host: example.com
Response:
 HTTP/1.1 404 Not Found
 Date: Fri, 04 Dec 2026 10:00:00 GMT
 Content-Type: text/plain
 Content-Length: 9
 .
 not here.

Code: 413
Request:
 PUT /upload HTTP/1.1
 Host: example.com
 Content-Type: application/octet-stream
 Content-Length: 9000000
 Expect: 100-continue
Response:
 HTTP/1.1 413 Content Too Large
 Date: Fri, 04 Dec 2026 10:00:00 GMT
 Content-Length: 0
 Connection: close
"""


def gen(constants=CONSTANTS, examples=EXAMPLES, extra=()):
    d = scratch_dir()
    paths = []
    for name, text in (("classes.txt", CLASSES), ("4xx.txt", TABLE), ("constants.txt", constants),
                       ("examples.txt", examples)):
        p = os.path.join(d, name)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        paths.append(p)
    out = os.path.join(d, "out.c")
    p = subprocess.run([sys.executable, GEN, "--output", out, *extra, *paths], capture_output=True, text=True)
    return p.returncode, p.stderr, d, out


def line_of(text, marker):
    """Line number of the first line of `marker` (which may span lines) in `text`."""
    at = text.find(marker)
    if at < 0:
        raise SystemExit(f"marker {marker!r} not in the test text")
    return text.count("\n", 0, at) + 1


def expect(name, which, old, new, marker, words, count=1):
    """Replace `old` by `new` in constants.txt or examples.txt; expect `file:line: …words…`."""
    src = CONSTANTS if which == "constants.txt" else EXAMPLES
    if src.count(old) < count:
        raise SystemExit(f"{name}: {old!r} not in the test text")
    text = src.replace(old, new, count)
    rc, err, d, out = gen(**{which.split(".")[0]: text})
    line = 1 if marker is None else line_of(text, marker)
    want = f"{os.path.join(d, which)}:{line}: "
    check(name, rc != 0 and any(l.startswith(want) and words in l for l in err.splitlines())
          and not os.path.exists(out), f"want {want}…{words}\nrc={rc}\n{err}")


rc, err, d, out = gen()
check("valid constants and examples generate", rc == 0, err)
c = open(out, encoding="ascii").read() if rc == 0 else ""
# The rows hold hc_srefs (src/catalog.h), offsets into the cold pool.
S = strings(c)
rows = re.findall(r"^\t\{ (0x\w+|0), (0x\w+|0), (0x\w+|0), (0x\w+|0), (0x\w+|0) \}, /\* (\d+) \*/$",
                  c[c.find("hc_constant_rows[]"):], re.M)
rows = [tuple(S.get(int(r, 16)) if r != "0" else None for r in row[:5]) + (int(row[5]),) for row in rows]
check("constants: one array of rows, in code order", "const struct hc_constant hc_constant_rows[]" in c
      and rows and [r[5] for r in rows] == sorted(r[5] for r in rows), c[-2000:])
spelled = {r[2] for r in rows}
check("spelled forms", {"http.StatusNotFound", ":not_found", "StatusCode::NOT_FOUND"} <= spelled, spelled)
check("a library without the code has a 0 name", ("spring", None, None, None, None, 413) in rows
      or any(r[0] == "spring" and r[1] is None and r[2] is None for r in rows), rows)
check("notes in both languages", any(r[3] and r[3].startswith("older name from before RFC 9110")
                                     and r[4] and "\uc61b" in r[4] for r in rows), rows)
m = re.search(r"\.code = 413,.*?\.constants = (\d+), \.n_constants = (\d+),", c, re.S)
check("entries name their first row and count", m and rows[int(m.group(1))][5] == 413
      and [r[5] for r in rows].count(413) == int(m.group(2)), c[-3000:])
m = re.search(r"\.code = 404,.*?\.example = (0x\w+),", c, re.S)
check("the example is in the entry", m and S.get(int(m.group(1), 16), "").startswith(
      "GET /nothing HTTP/1.1\nHost: example.com\n\nHTTP/1.1 404"))
check("the language table", "const struct hc_code_lang hc_code_langs[]" in c and "hc_code_langs_len = 11;" in c)
check("the rows' strings are in hc_cold_text (pool 2), no pointer in the tables",
      re.search(r"/\* pool 2: .*\n(#pragma.*\n)*const char hc_cold_text\[", c)
      and "const char *" not in c.split("hc_constant_rows[]")[1])

# constants.txt
expect("Go name without Status", "constants.txt", "Go: StatusNotFound", "Go: NotFound", "Go: NotFound",
       "is not Status + CamelCase")
expect("Rack symbol in upper case", "constants.txt", "Rack: not_found", "Rack: Not_Found", "Rack: Not_Found",
       "is not lower_snake")
expect("Jakarta without SC_", "constants.txt", "Jakarta: -", "Jakarta: UNAUTHORIZED", "Jakarta: UNAUTHORIZED",
       "is not SC_ + UPPER_SNAKE")
expect("Swift in PascalCase", "constants.txt", "SwiftNIO: notFound", "SwiftNIO: NotFound", "SwiftNIO: NotFound",
       "is not lowerCamelCase")
expect("unknown note", "constants.txt", "Rust: NOT_FOUND", "Rust: NOT_FOUND [legacy]", "[legacy]",
       "unknown note [legacy]")
expect("code not in the table", "constants.txt", "Code: 404", "Code: 405", "Code: 405",
       "405 is not a registered code")
expect("code listed twice", "constants.txt", "Code: 413", "Code: 401", "Code: 401\nPython: CONTENT", "already listed")
expect("a language missing", "constants.txt", "Rust: NOT_FOUND\n", "", "Code: 404", "missing field Rust")
expect("a registered code without a stanza", "constants.txt", "Code: 404", "Code: 401", None,
       "registered code 404 has no stanza")
expect("the same name for two codes", "constants.txt", "CSharp: NotFound", "CSharp: Unauthorized",
       "CSharp: Unauthorized\nNode: -\nSymfony: -\nRack: not_found", "already given for 401")
expect("a former name not marked [old name]", "constants.txt", "Rust: PAYLOAD_TOO_LARGE [old name]",
       "Rust: PAYLOAD_TOO_LARGE", "Rust: PAYLOAD_TOO_LARGE", "mark it [old name]")
expect("the current name marked [old name]", "constants.txt", "Rack: content_too_large",
       "Rack: content_too_large [old name]", "Rack: content_too_large", "not an [old name]")
expect("a second name with no note", "constants.txt", " REQUEST_ENTITY_TOO_LARGE [old name] [alias]",
       " ENTITY_TOO_LARGE", " ENTITY_TOO_LARGE", "a second name needs")
expect("'-' with a note", "constants.txt", "Spring: -", "Spring: - [since 7.0]", "[since 7.0]",
       "'-' takes no note")
expect("a dropped name before the current one", "constants.txt", "Python: UNAUTHORIZED",
       "Python: OLD_UNAUTHORIZED [removed in 3.0]\n UNAUTHORIZED [alias]", "Python: OLD_UNAUTHORIZED",
       "the main name is current")
expect("a missing Lang stanza", "constants.txt", "Lang: ktor\n", "Lang: kotlin\n", "Lang: kotlin",
       "unknown language 'kotlin'")

# examples.txt
expect("wrong reason phrase", "examples.txt", "HTTP/1.1 404 Not Found", "HTTP/1.1 404 Not found",
       "HTTP/1.1 404 Not found", "the table's phrase is 'Not Found'")
expect("no response with the entry's code", "examples.txt", "HTTP/1.1 404 Not Found", "HTTP/1.1 410 Not Found",
       "Code: 404", "no response in the example has status 404")
expect("request without Host", "examples.txt", " Host: example.com\nResponse:\n HTTP/1.1 404",
       "Response:\n HTTP/1.1 404", "Request:\n GET /nothing", "exactly one Host")
expect("a header of the entry missing", "examples.txt", " WWW-Authenticate: Basic realm=\"x\"\n", "",
       "Code: 401", "header WWW-Authenticate")
expect("Content-Length not matching the content", "examples.txt", "Content-Length: 9\n", "Content-Length: 10\n",
       "Content-Length: 10", "Content-Length 10 but the content shown has 9 bytes")
expect("obsolete line folding", "examples.txt", " Content-Type: text/plain\n",
       " Content-Type: text/plain;\n   charset=utf-8\n", "   charset", "obsolete line folding")
expect("a Date on the wrong weekday", "examples.txt", "Fri, 04 Dec 2026", "Thu, 04 Dec 2026", "Thu, 04 Dec",
       "that day is a Fri")
expect("a Date not in IMF-fixdate", "examples.txt", "Date: Fri, 04 Dec 2026 10:00:00 GMT\n WWW",
       "Date: 2026-12-04T10:00:00Z\n WWW", "2026-12-04T", "not an IMF-fixdate")
expect("a 4xx response without Date", "examples.txt", " Date: Fri, 04 Dec 2026 10:00:00 GMT\n Content-Type",
       " Content-Type", "Response:\n HTTP/1.1 404", "has a Date")
expect("a bad request line", "examples.txt", "GET /nothing HTTP/1.1", "GET /nothing HTTP/1.0", "/nothing HTTP/1.0",
       "not a request line")
expect("a bad request target", "examples.txt", "GET /nothing HTTP/1.1", "GET nothing HTTP/1.1", "GET nothing",
       "request target 'nothing'")
expect("a bad field line", "examples.txt", " Content-Type: text/plain\n", " Content Type: text/plain\n",
       "Content Type", "not a field line")
expect("content without Content-Length", "examples.txt", " Content-Length: 9\n", "", " not here.",
       "content without Content-Length")
expect("a request without a final response", "examples.txt", "Response:\n HTTP/1.1 404 Not Found",
       "Request:\n GET /again HTTP/1.1\n Host: example.com\nResponse:\n HTTP/1.1 404 Not Found",
       "Request:\n GET /again", "the previous request has no final response")
expect("a registered code without example", "examples.txt", "Code: 404\n", "Code: 401\n", None,
       "registered code 404 has no example")
expect("Content-Length without the content", "examples.txt", " Expect: 100-continue\n", "", "Content-Length: 9000000",
       "Content-Length 9000000 but no content shown")
expect("a 204-style rule: Content-Length in a 1xx", "examples.txt",
       "Response:\n HTTP/1.1 413", "Response:\n HTTP/1.1 100 Continue\n Content-Length: 0\nResponse:\n HTTP/1.1 413",
       "Response:\n HTTP/1.1 100 Continue", "carries no Content-Length")

CHUNKED = EXAMPLES.replace(" Content-Length: 9\n .\n not here.\n", " Transfer-Encoding: chunked\n .\n 9\n not here.\n 0\n .\n")
rc, err, d, out = gen(examples=CHUNKED)
check("a well-formed chunked body passes", rc == 0, err)
expect("a chunk of the wrong size", "examples.txt", " Content-Length: 9\n .\n not here.\n",
       " Transfer-Encoding: chunked\n .\n 8\n not here.\n 0\n .\n", " not here.", "chunk of 9 bytes announced as 8")
expect("a chunked body without its end", "examples.txt", " Content-Length: 9\n .\n not here.\n",
       " Transfer-Encoding: chunked\n .\n 9\n not here.\n", "Response:\n HTTP/1.1 404", "without the last chunk")
expect("content in a response to HEAD", "examples.txt", "GET /nothing", "HEAD /nothing", " not here.",
       "response to HEAD has no content")
expect("a message after a 101", "examples.txt", "Response:\n HTTP/1.1 404",
       "Response:\n HTTP/1.1 101 Switching Protocols\n Upgrade: x\n Connection: Upgrade\nResponse:\n HTTP/1.1 404",
       "Response:\n HTTP/1.1 404", "nothing in HTTP/1.1 follows a 101")
expect("a 206 whose Content-Range does not fit", "examples.txt", "Request:\n GET /nothing",
       "Request:\n GET /part HTTP/1.1\n Host: example.com\n Range: bytes=0-9\nResponse:\n HTTP/1.1 206 Partial Content\n"
       " Date: Fri, 04 Dec 2026 10:00:00 GMT\n Content-Range: bytes 0-9/100\n Content-Type: text/plain\n"
       " Content-Length: 3\n .\n abc\nRequest:\n GET /nothing",
       "Content-Range: bytes 0-9/100", "does not fit Content-Length 3")

done()
