#!/usr/bin/env python3
"""Check the judged search query set (tests/search/queries.tsv).

Usage: check_queries.py [--dev] [QUERIES.tsv [DATA_DIR]]
Defaults: queries.tsv beside this script and data/ at the top of the repository.
With --dev the file is a development set (tests/search/dev.tsv): every row must be in the tune set, and no
category needs a held-out query.

Checks that the file is strict UTF-8 in NFC, that every row has six TAB-separated non-empty fields, that set and
category come from the fixed lists, that no query is repeated, and that every answer in top1 and top3 names an entry
of the table (data/*.txt). Prints counts per set, language and category. Exits 0 when the file is good, 1 when any
row is wrong (each problem is printed as FILE:LINE: message), 2 when a file cannot be read.
"""

import collections
import glob
import os
import re
import sys
import unicodedata

SETS = ("tune", "held")
CATEGORIES = ("symptom", "synonym", "question", "korean-phrase", "old-name", "status-line", "code-in-words",
              "chosung", "typo", "british", "vendor", "log-fragment", "constant-ish")
HANGUL = re.compile("[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")
CODE = re.compile(r"[1-5][0-9][0-9]\Z")


def load_table(data_dir):
    """Return (registered codes, {code: [vendor, ...]}) from the code stanzas of data/*.txt."""
    registered = set()
    vendors = collections.defaultdict(list)
    files = sorted(glob.glob(os.path.join(data_dir, "*.txt")))
    if not files:
        raise OSError("no data/*.txt files in " + data_dir)
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for stanza in re.split(r"\n[ \t]*\n", text):
            fields = {}
            for line in stanza.split("\n"):
                if line.startswith("#") or line.startswith(" ") or ":" not in line:
                    continue
                name, _, value = line.partition(":")
                fields.setdefault(name, value.strip())
            code = fields.get("Code")
            if code is None:
                continue
            if "Vendor" in fields:
                vendors[code].append(fields["Vendor"])
            else:
                registered.add(code)
    return registered, vendors


def answer_error(answer, registered, vendors):
    """None when answer names exactly one table entry, else the reason it does not."""
    if answer != answer.strip() or not answer:
        return "empty answer or spaces around %r" % answer
    code, slash, vendor = answer.partition("/")
    if not CODE.match(code):
        return "%r is not CODE (100-599) or CODE/Vendor" % answer
    if slash:
        if vendor not in vendors.get(code, []):
            known = ", ".join(vendors.get(code, [])) or "none"
            return "no entry %s with Vendor %r (vendors of %s: %s)" % (code, vendor, code, known)
        return None
    if code in registered:
        return None
    if len(vendors.get(code, [])) == 1:
        return None
    if code in vendors:
        return "%s has no registered entry and several vendor entries; write CODE/Vendor" % code
    return "no entry with code %s in the table" % code


def check(path, data_dir, out=sys.stdout, dev=False):
    registered, vendors = load_table(data_dir)
    with open(path, "rb") as f:
        raw = f.read()
    errors = []
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        print("%s: not UTF-8: %s" % (path, e), file=out)
        return 1
    if unicodedata.normalize("NFC", text) != text:
        errors.append("%s: text is not in NFC" % path)
    if text and not text.endswith("\n"):
        errors.append("%s: last line has no newline" % path)
    seen = {}
    rows = []
    for n, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"), 1):
        where = "%s:%d" % (path, n)
        if line.startswith("#") or line == "":
            continue
        if "\r" in line or any(unicodedata.category(c) == "Cc" and c != "\t" for c in line):
            errors.append(where + ": control character (CR?) in the line")
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            errors.append(where + ": %d TAB-separated fields, want 6" % len(fields))
            continue
        s, cat, query, top1, top3, why = fields
        bad = [i + 1 for i, v in enumerate(fields) if v == "" or v != v.strip(" ")]
        if bad:
            errors.append(where + ": field(s) %s empty or with spaces at the ends" % bad)
            continue
        if s not in SETS:
            errors.append(where + ": set %r is not one of %s" % (s, "/".join(SETS)))
        elif dev and s != "tune":
            errors.append(where + ": a development set has tune rows only")
        if cat not in CATEGORIES:
            errors.append(where + ": category %r is not in the fixed list" % cat)
        key = query.casefold()
        if key in seen:
            errors.append(where + ": query %r repeats line %d" % (query, seen[key]))
        seen.setdefault(key, n)
        answers = top1.split(",")
        if len(set(answers)) != len(answers):
            errors.append(where + ": top1 lists an answer twice")
        for a in answers:
            e = answer_error(a, registered, vendors)
            if e:
                errors.append(where + ": top1: " + e)
        if "," in top3:
            errors.append(where + ": top3 must be one answer")
        else:
            e = answer_error(top3, registered, vendors)
            if e:
                errors.append(where + ": top3: " + e)
        rows.append((s, cat, "ko" if HANGUL.search(query) else "en"))

    if not rows:
        errors.append("%s: no queries" % path)
    for cat in CATEGORIES if not dev else ():
        if rows and not any(r[1] == cat and r[0] == "held" for r in rows):
            errors.append("%s: category %s has no held-out query" % (path, cat))

    for e in errors:
        print(e, file=out)
    if rows:
        by = collections.Counter
        sets, langs, cats = by(r[0] for r in rows), by(r[2] for r in rows), by(r[1] for r in rows)
        print("%d queries; set: %s; language: %s" % (
            len(rows), ", ".join("%s %d" % (k, sets[k]) for k in SETS),
            ", ".join("%s %d" % (k, langs[k]) for k in ("ko", "en"))), file=out)
        for cat in CATEGORIES:
            sub = [r for r in rows if r[1] == cat]
            print("  %-14s %3d  (held %2d, ko %3d, en %3d)" % (
                cat, len(sub), sum(r[0] == "held" for r in sub), sum(r[2] == "ko" for r in sub),
                sum(r[2] == "en" for r in sub)), file=out)
    if errors:
        print("%d problem(s)" % len(errors), file=out)
        return 1
    return 0


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    dev = len(argv) > 1 and argv[1] == "--dev"
    if dev:
        argv = argv[:1] + argv[2:]
    path = argv[1] if len(argv) > 1 else os.path.join(here, "queries.tsv")
    data_dir = argv[2] if len(argv) > 2 else os.path.join(here, "..", "..", "data")
    if len(argv) > 3:
        print("usage: check_queries.py [--dev] [QUERIES.tsv [DATA_DIR]]", file=sys.stderr)
        return 2
    try:
        return check(path, data_dir, dev=dev)
    except OSError as e:
        print("check_queries.py: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
