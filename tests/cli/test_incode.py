#!/usr/bin/env python3
"""Issue 12 in the CLI (TAP): a constant's spelling finds its code, the "In code"
section and --code-lang, the "Example" section in every locale.

usage: test_incode.py HTTPCODES DATA_DIR

What is expected is computed here from data/constants.txt and data/examples.txt
with this file's own small readers (and, for the issue's spellings, written by
hand), never taken from the program's output.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done  # noqa: E402

BIN, DATA = sys.argv[1], sys.argv[2]

# Field of constants.txt → (short name shown, how the name is written in code).
LANGS = [
    ("Python", "Python", "HTTPStatus.{}"),
    ("Go", "Go", "http.{}"),
    ("Rust", "Rust", "StatusCode::{}"),
    ("Spring", "Spring", "HttpStatus.{}"),
    ("Jakarta", "Jakarta", "HttpServletResponse.{}"),
    ("CSharp", "C#", "HttpStatusCode.{}"),
    ("Node", "Node.js", "StatusCodes.{}"),
    ("Symfony", "Symfony", "Response::{}"),
    ("Rack", "Rails", ":{}"),
    ("Ktor", "Ktor", "HttpStatusCode.{}"),
    ("SwiftNIO", "Swift", ".{}"),
]
NOTES = [
    (r"old name", "older name from before RFC 9110"),
    (r"alias", "another name for the same value"),
    (r"deprecated", "deprecated"),
    (r"deprecated since (.+)", "deprecated since {}"),
    (r"since (.+)", "since {}"),
    (r"removed in (.+)", "removed in {}"),
    (r"misleading name", "the name does not match the registered meaning"),
]


def read_constants():
    """{code: [(field, name or None, [notes in English])]} in file order."""
    out, code, field = {}, None, None
    with open(os.path.join(DATA, "constants.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r"Code: (\d+)$", line)
            if m:
                code = int(m.group(1))
                out[code] = []
                continue
            if code is None:
                continue
            m = re.match(r"(\w+): (.*)$", line)
            if m:
                field, value = m.group(1), m.group(2)
            elif line.startswith(" "):
                value = line[1:]
            else:
                continue
            name = value.split(" [")[0]
            notes = []
            for tag in re.findall(r"\[([^]]+)\]", value):
                for pat, text in NOTES:
                    mm = re.fullmatch(pat, tag)
                    if mm:
                        notes.append(text.format(*mm.groups()))
                        break
                else:
                    raise SystemExit(f"unknown note [{tag}]")
            out[code].append((field, None if name == "-" else name, notes))
    return out


def read_examples():
    """{code: [line, ...]}: the messages as the entry shows them."""
    out, code = {}, None
    with open(os.path.join(DATA, "examples.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line:
                continue
            m = re.match(r"Code: (\d+)$", line)
            if m:
                code = int(m.group(1))
                out[code] = []
            elif line in ("Request:", "Response:"):
                if out[code]:
                    out[code].append("")
            elif line.startswith(" "):
                out[code].append("" if line == " ." else line[1:])
    return out


def run(*args, lang="C.UTF-8", env=None):
    e = {"PATH": "/usr/bin:/bin", "LANG": lang}
    e.update(env or {})
    p = subprocess.run([BIN, *args], capture_output=True, env=e)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def section(out, heading):
    """The lines of a section of a full entry: after its heading, up to the
    blank line before the next heading."""
    lines = out.split("\n")
    if heading not in lines:
        return None
    body = lines[lines.index(heading) + 1:]
    for i in range(len(body) - 1):
        if body[i] == "" and body[i + 1] and not body[i + 1].startswith(" "):
            return body[:i]
    return body


def in_code_rows(lines):
    """[(label, text)]: a line "  Label   text" starts a language; a line with
    the text's indent is another name of the same language; a deeper one goes
    on the line above (a wrapped note), joined with a space."""
    rows, col = [], None
    for line in lines:
        m = re.match(r"  (\S+)( +)(\S.*)$", line)
        indent = len(line) - len(line.lstrip(" "))
        if m and indent == 2:
            rows.append([m.group(1), m.group(3)])
            col = 2 + len(m.group(1)) + len(m.group(2))
        elif rows and indent == col:
            rows.append([rows[-1][0], line.strip()])
        elif rows and col and indent > col:
            rows[-1][1] += " " + line.strip()
        else:
            rows.append(["?", line])
    return [tuple(r) for r in rows]


def expected_rows(rows, order=None, only=False):
    fields = [f for f, _, _ in LANGS]
    order = order or []
    seq = order + ([] if only else [f for f in fields if f not in order])
    out = []
    for f in seq:
        label, spell = next((lab, sp) for ff, lab, sp in LANGS if ff == f)
        for field, name, notes in rows:
            if field != f:
                continue
            text = spell.format(name) if name else "\u2014"
            if notes:
                text += " (" + "; ".join(notes) + ")"
            out.append((label, text))
    return out


constants = read_constants()
examples = read_examples()
check("the readers found the constants and examples", len(constants) > 55 and len(examples) > 55,
      (len(constants), len(examples)))

# ---- found from the name ---------------------------------------------------
ISSUE = [
    ("StatusTooManyRequests", 429), ("http.StatusTooManyRequests", 429), ("TOO_MANY_REQUESTS", 429),
    ("HttpStatus.TOO_MANY_REQUESTS", 429), (":unprocessable_entity", 422),
    ("unprocessable_entity", 422), ("HttpStatusCode.NotFound", 404), ("SC_NOT_FOUND", 404),
    ("HttpServletResponse.SC_NOT_FOUND", 404), ("http.StatusOK", 200), ("StatusCodes.NOT_FOUND", 404),
    ("Response::HTTP_NOT_FOUND", 404), ("HTTP_NOT_FOUND", 404), ("HTTPStatus.NOT_FOUND", 404),
    ("StatusCode::NOT_FOUND", 404), (".notFound", 404), ("HTTPResponseStatus.notFound", 404),
    ("REQUEST_ENTITY_TOO_LARGE", 413), ("PAYLOAD_TOO_LARGE", 413), ("SC_MOVED_TEMPORARILY", 302),
    ("status: :unprocessable_entity", 422),
]
bad = []
for q, code in ISSUE:
    rc, out, err = run(q)
    text = out.decode()
    if rc != 0 or not text.startswith(f"{code} ") or "\nIn code\n" not in text:
        bad.append((q, rc, text[:40], err))
check("each spelling of the issue prints its code's full entry first (exit 0)", not bad, bad)

# All of them through one process (standard input, one query a line, each
# answered in a list: the same look-up as an argument, and ~700 starts of
# the sanitizer build fewer), each followed by "000", whose one line
# ("000<TAB>...", a code no library names) closes its answer.
spelled = [(next(sp for f, _, sp in LANGS if f == field).format(name), code)
           for code, rows in constants.items() for field, name, _ in rows if name]
p = subprocess.run([BIN], input="".join(q + "\n000\n" for q, _ in spelled).encode(),
                   capture_output=True, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
answers, cur = [], []
for line in p.stdout.decode().splitlines():
    if line.startswith("000\t"):
        answers.append(cur)
        cur = []
    else:
        cur.append(line)
bad = [(q, code, a[:1]) for (q, code), a in zip(spelled, answers)
       if not a or not a[0].startswith(f"{code}\t")]
check("every constant of data/constants.txt, as written in code, finds its code first",
      p.returncode == 0 and len(answers) == len(spelled) > 600 and not cur and not bad,
      (p.returncode, len(answers), len(spelled), p.stderr[:200], bad[:5]))

rc, out, err = run("http.NOT_FOUND")
check("a qualifier of another language is no constant (http.NOT_FOUND is not 404's entry)",
      not out.decode().startswith("404 Not Found\nStatus"), out[:80])
rc, out, _ = run("-s", "TOO_MANY_REQUESTS")
check("--search keeps a constant as words (no full entry by name)", b"\nIn code\n" not in out or rc != 0,
      out[:80])

# ---- In code ---------------------------------------------------------------
bad = []
for code, rows in constants.items():
    rc, out, _ = run(str(code), "--lang=en")
    got = in_code_rows(section(out.decode(), "In code") or [])
    if got != expected_rows(rows):
        bad.append((code, got, expected_rows(rows)))
check("In code of every registered code: 11 libraries in order, names as written, notes, \u2014",
      not bad, bad[:2])


def first_rows(*args, code=404, env=None):
    rc, out, err = run(*args, str(code), env=env)
    return rc, in_code_rows(section(out.decode(), "In code") or []), err


rc, got, _ = first_rows("--code-lang=go")
check("--code-lang=go puts Go first, the others follow in order",
      rc == 0 and got == expected_rows(constants[404], ["Go"]), got)
rc, got, _ = first_rows("--code-lang", "ruby,rust")
check("--code-lang ruby,rust: Rails then Rust first (a list, aliases)",
      got == expected_rows(constants[404], ["Rack", "Rust"]), got)
rc, got, _ = first_rows("--code-lang=swift", "--code-lang-only", code=413)
check("--code-lang=swift --code-lang-only 413: Swift's line alone",
      got == [("Swift", ".payloadTooLarge (older name from before RFC 9110)")], got)
rc, got, _ = first_rows("--code-lang-only", "--code-lang=python", code=413)
check("--code-lang-only before --code-lang=python, 413: both of Python's names",
      got == expected_rows(constants[413], ["Python"], only=True) and len(got) == 2, got)
rc, got, _ = first_rows("--code-lang=PHP", "--code-lang-only")
check("--code-lang=PHP is Symfony", got == [("Symfony", "Response::HTTP_NOT_FOUND")], got)
rc, got, _ = first_rows("--code-lang=kotlin", "--code-lang-only")
check("--code-lang=kotlin is Ktor", got == [("Ktor", "HttpStatusCode.NotFound")], got)
rc, got, _ = first_rows(env={"HTTPCODES_CODE_LANG": "rust"})
check("HTTPCODES_CODE_LANG=rust puts Rust first", got[:1] == [("Rust", "StatusCode::NOT_FOUND")], got)
rc, got, _ = first_rows("--code-lang-only", env={"HTTPCODES_CODE_LANG": "rust"})
check("HTTPCODES_CODE_LANG with --code-lang-only", got == [("Rust", "StatusCode::NOT_FOUND")], got)
rc, got, _ = first_rows("--code-lang=go", "--code-lang-only", env={"HTTPCODES_CODE_LANG": "rust"})
check("--code-lang wins over HTTPCODES_CODE_LANG", got == [("Go", "http.StatusNotFound")], got)
rc, got, _ = first_rows("--code-lang=go", "--code-lang-only", code=418)
check("--code-lang=go --code-lang-only 418: http.StatusTeapot", got == [("Go", "http.StatusTeapot")], got)
rc, got, _ = first_rows("--code-lang=jakarta", "--code-lang-only", code=418)
check("a library without the code shows a dash", got == [("Jakarta", "\u2014")], got)
for args, env, why in ((["--code-lang=java"], None, "an unknown language"),
                       (["--code-lang"], None, "no value"),
                       (["--code-lang=go,"], None, "a trailing comma"),
                       (["--code-lang-only"], None, "--code-lang-only alone"),
                       ([], {"HTTPCODES_CODE_LANG": "cobol"}, "a bad HTTPCODES_CODE_LANG")):
    rc, out, err = run(*args, "404", env=env)
    check(f"{why}: exit 2 and one line naming the languages", rc == 2 and out == b"" and
          err.count("\n") == 1 and ("python" in err or "--code-lang" in err), (rc, err))
import json  # noqa: E402
rc, out, _ = run("--json", "413")
j = json.loads(out)[0]
check("--json: constants of 413 in the table's order, with names as written and notes",
      [(c["lang"], c["in_code"]) for c in j["constants"]][:3] ==
      [("python", "HTTPStatus.CONTENT_TOO_LARGE"), ("python", "HTTPStatus.REQUEST_ENTITY_TOO_LARGE"),
       ("go", "http.StatusRequestEntityTooLarge")] and
      j["constants"][1]["note_en"] == "older name from before RFC 9110; another name for the same value"
      and j["example"].split("\n") == examples[413], j["constants"][:3])
j = json.loads(run("--json", "418")[1])[0]
check("--json: a library without the code has null name and in_code",
      {"lang": "jakarta", "name": None, "in_code": None, "note_en": None, "note_ko": None}
      in j["constants"], j["constants"])
j = json.loads(run("--json", "499")[1])
check("--json: vendor entries have no constants and a null example",
      all(x["constants"] == [] and x["example"] is None for x in j))
rc, out, err = run("--code-lang=go", "--code-lang-only", "--json", "404")
check("--code-lang does not change --json", rc == 0 and out == run("--json", "404")[1])
rc, out, _ = run("--lang=ko", "429", lang="ko_KR.UTF-8")
got = in_code_rows(section(out.decode(), "코드에서") or [])
check("Korean: the section is 코드에서, the names the same",
      [g[1] for g in got] == [t for _, t in expected_rows(constants[429])], got)
rc, out, _ = run("--lang=ko", "413", lang="ko_KR.UTF-8")
check("Korean notes (RFC 9110 이전의 옛 이름)", "RFC 9110 이전의 옛 이름" in out.decode())
rc, out, _ = run("418", lang="C")
got = in_code_rows(section(out.decode("ascii", "replace"), "In code") or [])
check("LANG=C: In code is ASCII, a dash where a library has none",
      all(ch < 128 for ch in out) and ("Jakarta", "-") in [(a, b[:1]) for a, b in got], got)

# ---- Example ---------------------------------------------------------------
bad, same = [], []
for code, lines in sorted(examples.items()):
    want = "\n".join("  " + x if x else "" for x in lines).encode()
    bodies = []
    for lang, args, heading in (("C.UTF-8", [], "Example"), ("ko_KR.UTF-8", ["--lang=ko"], "예시"),
                                ("ko_KR.UTF-8", [], "Example"), ("C", [], "Example")):
        rc, out, _ = run(*args, str(code), lang=lang)
        body = section(out.decode("utf-8", "replace"), heading)
        got = "\n".join(body).encode() if body is not None else None
        bodies.append(got)
        if got != want:
            bad.append((code, lang, args, got[:80] if got else got))
    if len(set(bodies)) != 1:
        same.append(code)
check("Example of every code with one: the lines of data/examples.txt, two spaces in, never "
      "re-wrapped", not bad, bad[:3])
check("the Example section is the same bytes in C.UTF-8, ko_KR.UTF-8 (ko and both) and C", not same,
      same)
rc, out, _ = run("306")
check("an unused code has In code but no Example", b"\nIn code\n" in out and b"\nExample\n" not in out)
rc, out, _ = run("499")
check("a vendor code has neither", b"\nIn code\n" not in out and b"\nExample\n" not in out)
text = run("404")[1].decode()
order = [text.find("\n" + h + "\n") for h in ("In practice", "In code", "Example", "See also")]
check("sections in order: In practice, In code, Example, See also",
      all(x >= 0 for x in order) and order == sorted(order), order)
done()
