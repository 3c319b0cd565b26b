#!/usr/bin/env python3
"""data/constants.txt against the real libraries (TAP).

usage: test_constants.py DATA_DIR CONSTANTS_TEST_DIR

(a) Python: every registered code against http.HTTPStatus of the interpreter running
    this test (Debian 12: 3.11), names and phrases, and where its names are older than
    RFC 9110's.
(b) Node.js: every registered code's phrase against require("http").STATUS_CODES.
(c) The other libraries: against the definitions transcribed by hand into
    tests/data/constants/<lang>.txt (version and source file named at their top).

The files are parsed here with their own small reader, not with the generator's.
"""

import http
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, skip  # noqa: E402

DATA, TDIR = sys.argv[1], sys.argv[2]
FIELDS = {"Python": "python", "Go": "go", "Rust": "rust", "Spring": "spring", "Jakarta": "jakarta",
          "CSharp": "csharp", "Node": "node", "Symfony": "symfony", "Rack": "rack", "Ktor": "ktor",
          "SwiftNIO": "swift"}


def norm(s):
    return " ".join(s.lower().replace("-", " ").replace("'", "").split())


def table():
    """{code: {"phrase", "aliases", "status"}} of the registered codes (data/[1-5]xx.txt)."""
    out = {}
    for name in sorted(os.listdir(DATA)):
        if not re.fullmatch(r"[1-5]xx\.txt", name):
            continue
        cur = None
        for line in open(os.path.join(DATA, name), encoding="utf-8"):
            line = line.rstrip("\n")
            m = re.match(r"^(Code|Phrase|Aliases-En|Status): (.*)$", line)
            if not m:
                continue
            if m.group(1) == "Code":
                cur = out.setdefault(int(m.group(2)), {"aliases": []})
            elif m.group(1) == "Aliases-En":
                cur["aliases"] = [a.strip() for a in m.group(2).split(";")]
            else:
                cur[m.group(1).lower()] = m.group(2)
    return out


def constants():
    """{code: {lang: [(name or None, [tags])]}} from data/constants.txt."""
    out, code, lang = {}, None, None
    for line in open(os.path.join(DATA, "constants.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#") or not line.strip():
            code = lang = None if not line.strip() else code
            continue
        m = re.match(r"^Code: ([0-9]{3})$", line)
        if m:
            code = int(m.group(1))
            out[code] = {}
            continue
        m = re.match(r"^([A-Za-z]+): (.*)$", line)
        if m and code is not None and m.group(1) in FIELDS:
            lang, text = FIELDS[m.group(1)], m.group(2)
        elif line.startswith(" ") and code is not None and lang:
            text = line[1:]
        else:
            lang = None
            continue
        name = text.split(" ")[0]
        tags = re.findall(r"\[([^\]]+)\]", text)
        out[code].setdefault(lang, []).append((None if name == "-" else name, tags))
    return out


T = table()
C = constants()
REG = sorted(T)

check("constants.txt has a stanza for every registered code", sorted(C) == REG,
      f"missing {sorted(set(REG) - set(C))}, extra {sorted(set(C) - set(REG))}")
check("every stanza names all 11 languages", all(set(C[c]) == set(FIELDS.values()) for c in C),
      [c for c in C if set(C[c]) != set(FIELDS.values())])

# -- (a) Python, live -------------------------------------------------------
pyver = sys.version_info[:2]
live = {s.value: s for s in http.HTTPStatus}
older = []
bad_names, bad_phrase, bad_new, bad_old = [], [], [], []
for code in REG:
    rows = C.get(code, {}).get("python", [])
    names = [n for n, _ in rows if n]
    if code not in live:
        if names:
            bad_names.append(f"{code}: Python {pyver} has no member, constants.txt lists {names}")
        continue
    s = live[code]
    if s.name not in names:
        bad_names.append(f"{code}: HTTPStatus({code}).name is {s.name}, constants.txt lists {names}")
    for n, tags in rows:
        if not n:
            continue
        since = [t for t in tags if t.startswith("since ")]
        newer = since and tuple(int(x) for x in since[0].split()[1].split(".")) > pyver
        if hasattr(http.HTTPStatus, n):
            if getattr(http.HTTPStatus, n) != code:
                bad_names.append(f"{code}: HTTPStatus.{n} is {int(getattr(http.HTTPStatus, n))}")
            if newer:
                bad_new.append(f"{code}: {n} exists in {pyver} but is marked [{since[0]}]")
        elif not newer:
            bad_new.append(f"{code}: {n} is missing from Python {pyver} and not marked [since X] newer")
    phrase = T[code].get("phrase", "")
    if norm(s.phrase) == norm(phrase):
        continue
    if norm(s.phrase) in {norm(a) for a in T[code]["aliases"]}:
        if T[code].get("status") != "unused":
            older.append(f"{code} {s.name} ({s.phrase!r}; RFC 9110: {phrase!r})")
            tags = dict(rows).get(s.name, [])
            if "old name" not in tags:
                bad_old.append(f"{code}: {s.name} spells {s.phrase!r}, an old phrase, but is not [old name]")
    else:
        bad_phrase.append(f"{code}: Python says {s.phrase!r}, the table {phrase!r} / {T[code]['aliases']}")
check(f"Python {pyver[0]}.{pyver[1]}: every HTTPStatus member's name is listed for its code",
      not bad_names, "\n".join(bad_names))
check("Python: names listed but absent here are exactly those marked [since <newer version>]",
      not bad_new, "\n".join(bad_new))
check("Python: each HTTPStatus phrase is the table's phrase or one of its former names",
      not bad_phrase, "\n".join(bad_phrase))
check("Python: names spelling a former phrase are marked [old name]", not bad_old, "\n".join(bad_old))
print(f"# Python {pyver[0]}.{pyver[1]} names older than RFC 9110's: " + ("; ".join(older) or "none"))
if pyver < (3, 13):
    check("Python before 3.13 has the old names of 413, 414, 416 and 422",
          sorted(int(o.split()[0]) for o in older) == [413, 414, 416, 422], older)
missing_py = [c for c in REG if c not in live]
print(f"# Python {pyver[0]}.{pyver[1]} has no member for: {missing_py}")
check("constants.txt says '-' for Python exactly where HTTPStatus has no member (and no newer name)",
      all(all(n is None for n, _ in C[c]["python"]) == (c not in live
          and not any("since 3.13" in t for _, ts in C[c]["python"] for t in ts)) for c in REG),
      [c for c in REG if all(n is None for n, _ in C[c]["python"]) != (c not in live)])

# -- (b) Node.js http.STATUS_CODES, live ---------------------------------------
node = shutil.which("node")
if node:
    p = subprocess.run([node, "-e", 'process.stdout.write(JSON.stringify(require("http").STATUS_CODES))'],
                       capture_output=True, text=True, timeout=30)
    codes = {int(k): v for k, v in json.loads(p.stdout).items()}
    ver = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    bad, old, absent = [], [], []
    for code in REG:
        if code not in codes:
            absent.append(code)
            continue
        ph = codes[code]
        if norm(ph) == norm(T[code].get("phrase", "")):
            continue
        if norm(ph) in {norm(a) for a in T[code]["aliases"]}:
            old.append(f"{code} {ph!r}")
        else:
            bad.append(f"{code}: Node says {ph!r}, the table {T[code].get('phrase')!r} / {T[code]['aliases']}")
    check(f"Node {ver}: each STATUS_CODES phrase is the table's phrase or one of its former names",
          not bad, "\n".join(bad))
    print(f"# Node {ver} phrases older than RFC 9110's: {'; '.join(old) or 'none'}")
    print(f"# Node {ver} has no phrase for registered codes: {absent}")
    extra = sorted(c for c in codes if c not in T)
    print(f"# Node {ver} phrases for codes outside the registry: {extra}")
    check(f"Node {ver}: STATUS_CODES has most registered codes", len(absent) <= 5, absent)
else:
    skip("Node's http.STATUS_CODES phrases", "node is not installed (.ci/install-deps installs nodejs)")

# -- (c) transcribed definitions ---------------------------------------------
for lang in FIELDS.values():
    path = os.path.join(TDIR, f"{lang}.txt")
    head, rows, dropped = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            head.append(line)
        elif line.startswith("removed "):
            _, c, n = line.split()
            dropped.append((int(c), n))
        elif line.strip():
            c, n = line.split()
            rows.append((int(c), n))
    check(f"{lang}.txt names its source file and version", any("Source:" in h for h in head), head[:3])
    got = {}
    for c, n in rows:
        got.setdefault(c, set()).add(n)
    diffs = []
    for code in REG:
        want = {n for n, tags in C[code][lang] if n and not any(t.startswith("removed in") for t in tags)}
        have = got.get(code, set())
        if want != have:
            diffs.append(f"{code}: source {sorted(have)}, constants.txt {sorted(want)}")
    check(f"{lang}: constants.txt lists exactly the transcribed names of every registered code",
          not diffs, "\n".join(diffs))
    # Names the library dropped ([removed in V]): transcribed from an older
    # version's source, listed as "removed CODE NAME".
    want = sorted((c, n) for c in REG for n, tags in C[c][lang]
                  if n and any(t.startswith("removed in") for t in tags))
    check(f"{lang}: the names marked [removed in …] are exactly those transcribed as removed",
          want == sorted(dropped), f"constants.txt {want}, transcribed {sorted(dropped)}")
    outside = sorted({c for c, _ in rows if c not in T})
    if outside:
        print(f"# {lang}: names for codes outside the registry (not listed): {outside}")
    lacking = [c for c in REG if c not in got]
    print(f"# {lang}: no name for {lacking}")

done()
