#!/usr/bin/env python3
"""Check the codes outside the five classes and emit them as their own const C tables.

Issue 15: IIS sub-status codes (data/iis.txt: "500.19") and codes outside 100-599 that people meet
(data/other-codes.txt: "000", "0", "783", "999"). Run by meson at build time; every violation fails
the build with a `file:line: message` line. The main table files are read too (with gen_table.py's
parser), to check the codes these entries name, and for one rule over every see-also line of the
table: a see-also to a code with several meanings says which one. See data/FORMAT.md.

    gen_extra.py --output extra_data.c --entries other_entries.h --iis iis.txt --other other-codes.txt TABLE_FILE...
    gen_extra.py --check --iis iis.txt --other other-codes.txt TABLE_FILE...
"""

import argparse
import os
import re
import sys

import gen_table

IIS_FIELDS = {
    "Code": True,
    "Source": True,
    "Reference": True,
    "Phrase": True,
    "Name-Ko": True,
    "Keywords-En": False,
    "Keywords-Ko": False,
    "Summary-En": True,
    "Summary-Ko": True,
    "Note-En": True,
    "Note-Ko": True,
}
# Who answers with a sub-status code (the vendor of the generated entry).
IIS_SOURCES = ("IIS", "IIS (URL Rewrite)", "ASP.NET Core Module", "Application Request Routing",
               "Application Request Routing; ASP.NET Core Module (out-of-process)",
               "ASP.NET Core Module; Application Request Routing")

# The fields of a code stanza (gen_table.CODE_FIELDS), with a vendor always and
# no heuristic cacheability (these codes are outside RFC 9110's list).
OTHER_FIELDS = {k: (True if k == "Vendor" else v) for k, v in gen_table.CODE_FIELDS.items()
                if k != "Cacheable"}

IIS_CODE_RE = re.compile(r"^([1-5][0-9]{2})\.(0|[1-9][0-9]{0,2})$")
OTHER_CODE_RE = re.compile(r"^[0-9]{1,3}$")
SEE_RE = re.compile(r"^([0-9]{1,3}) (.+)$")


def check_fields(st, spec, err):
    for name in st.fields:
        if name not in spec:
            err.add(st.path, st.lineno(name), f"unknown field {name}")
    for name, required in spec.items():
        if required and not st.text(name):
            err.add(st.path, st.line, f"missing field {name}")


def check_texts(st, e, err):
    """The text rules of the main table: Korean fields have Hangul, summaries are one line
    without a final period."""
    for name in ("Name-Ko", "Summary-Ko", "Description-Ko", "Note-Ko"):
        if e.get(name) and not gen_table.HANGUL_RE.search(e[name]):
            err.add(st.path, st.lineno(name), f"{name} has no Korean text")
    for name in ("Summary-En", "Summary-Ko"):
        if e[name].endswith("."):
            err.add(st.path, st.lineno(name), f"{name} ends with a period")
        if "\n" in e[name]:
            err.add(st.path, st.lineno(name), f"{name} must be one paragraph")


def split_list(st, name):
    t = st.text(name)
    return [x.strip() for x in t.split(";") if x.strip()] if t else []


def iis_entry(st, parents, err):
    check_fields(st, IIS_FIELDS, err)
    text = st.text("Code") or ""
    m = IIS_CODE_RE.match(text)
    if not m:
        err.add(st.path, st.lineno("Code"), f"sub-status code must be 'NNN.N' (500.19), got {text!r}")
        return None
    code, sub = int(m.group(1)), int(m.group(2))
    if code not in parents:
        err.add(st.path, st.lineno("Code"), f"{code} is not a registered code of the table")
    e = {"path": st.path, "line": st.line, "code": code, "sub": sub, "text": text}
    source = st.text("Source") or ""
    if source not in IIS_SOURCES:
        err.add(st.path, st.lineno("Source"), f"unknown Source {source!r} (one of {'; '.join(IIS_SOURCES)})")
    e["vendor"] = source
    for name in ("Reference", "Phrase", "Name-Ko", "Summary-En", "Summary-Ko", "Note-En", "Note-Ko"):
        e[name] = st.text(name) or ""
    e["Description-En"] = e["Description-Ko"] = ""
    e["keywords_en"] = split_list(st, "Keywords-En")
    e["keywords_ko"] = split_list(st, "Keywords-Ko")
    e["aliases_en"] = e["aliases_ko"] = e["headers"] = []
    e["see"] = []
    check_texts(st, e, err)
    return e


def parse_see(st, name, err):
    out = []
    for lineno, text in st.lines(name):
        m = SEE_RE.match(text)
        if not m:
            err.add(st.path, lineno, f"{name} line must be 'CODE text'")
            continue
        out.append((m.group(1), lineno, m.group(2)))
    return out


def other_entry(st, err):
    check_fields(st, OTHER_FIELDS, err)
    text = st.text("Code") or ""
    if not OTHER_CODE_RE.match(text):
        err.add(st.path, st.lineno("Code"), f"code must be one to three digits, got {text!r}")
        return None
    if 100 <= int(text) <= 599 and len(text) == 3:
        err.add(st.path, st.lineno("Code"), f"code {text} is inside 100-599: it belongs in data/{text[0]}xx*.txt")
    e = {"path": st.path, "line": st.line, "code": int(text), "sub": -1, "text": text}
    if (st.text("Status") or "") != "unofficial":
        err.add(st.path, st.lineno("Status"), "a code outside 100-599 is unofficial")
    e["vendor"] = st.text("Vendor") or ""
    for name in ("Reference", "Phrase", "Name-Ko", "Summary-En", "Summary-Ko", "Description-En",
                 "Description-Ko", "Note-En", "Note-Ko"):
        e[name] = st.text(name) or ""
    for name in ("aliases_en", "aliases_ko", "headers", "keywords_en", "keywords_ko"):
        e[name] = split_list(st, {"aliases_en": "Aliases-En", "aliases_ko": "Aliases-Ko", "headers": "Headers",
                                  "keywords_en": "Keywords-En", "keywords_ko": "Keywords-Ko"}[name])
    for h in e["headers"]:
        if not gen_table.HEADER_RE.match(h):
            err.add(st.path, st.lineno("Headers"), f"header name {h!r} is not a field name")
    en, ko = parse_see(st, "See-Also-En", err), parse_see(st, "See-Also-Ko", err)
    if [c for c, _, _ in en] != [c for c, _, _ in ko]:
        err.add(st.path, st.lineno("See-Also-Ko" if "See-Also-Ko" in st.fields else "See-Also-En"),
                "See-Also-En and See-Also-Ko must list the same codes in the same order")
    e["see"] = [(c, line, t_en, t_ko) for (c, line, t_en), (_, _, t_ko) in zip(en, ko)]
    check_texts(st, e, err)
    return e


def meanings_of(table):
    """code text -> [(vendor or None, phrase)] of the main table and the other codes."""
    out = {}
    for m in table:
        out.setdefault(m["text"], []).append((m["vendor"], m["phrase"]))
    return out


def names_which(text, options):
    """How many of a shared code's meanings a see-also line (without its code) names: the
    vendor in parentheses near the start ('Client Closed Request (nginx) …', '(Cloudflare) …'),
    or the registered phrase not followed by a vendor."""
    n = 0
    for vendor, phrase in options:
        if vendor:
            head = text[:len(phrase) + len(vendor) + 4]
            if f"({vendor})" in head:
                n += 1
        elif text.startswith(phrase) and not text[len(phrase):].lstrip().startswith("("):
            n += 1
    return n


def check_shared_see(path_lines, meanings, err):
    """A see-also to a code with several meanings names which one (issue 15)."""
    for path, line, code, text in path_lines:
        options = meanings.get(code, [])
        if len(options) > 1 and names_which(text, options) != 1:
            named = ", ".join(f"'{p} ({v})'" if v else f"'{p}'" for v, p in options)
            err.add(path, line, f"see-also to {code} must say which of its meanings it is: {named}")


def main_table(files, err):
    """(meanings, registered codes, see-also lines) of the main table files."""
    table, registered, see = [], set(), []
    for path in files:
        for st in gen_table.parse_file(path, err):
            code = st.text("Code")
            if not code:
                continue
            vendor = st.text("Vendor")
            table.append({"text": code, "vendor": vendor, "phrase": st.text("Phrase") or ""})
            if not vendor and code.isdigit():
                registered.add(int(code))
            for name in ("See-Also-En", "See-Also-Ko"):
                for line, t in st.lines(name):
                    m = SEE_RE.match(t)
                    if m:
                        see.append((path, line, m.group(1), m.group(2)))
    return table, registered, see


def c_entry(e, hot, cold):
    """One entry's initializer: its searched strings in the pool hot, the
    others in cold (hc_srefs, catalog.h)."""
    s, c = hot.ref, cold.ref
    o = ["\t{"]
    o.append(f"\t\t.code = {e['code']}, .status = HC_STATUS_UNOFFICIAL, .cacheable = false,")
    o.append(f"\t\t.code_text = {s(e['text'])},")
    o.append(f"\t\t.vendor = {s(e['vendor'])},")
    o.append(f"\t\t.reference = {c(e['Reference'])},")
    o.append(f"\t\t.phrase_en = {s(e['Phrase'])},")
    o.append(f"\t\t.name_ko = {s(e['Name-Ko'])},")
    for key, _ in gen_table.LISTS:
        if e[key]:
            o.append(f"\t\t.{key} = {hot.strs(e[key])},")
    if e["see"]:
        see = [(int(code), line, en) for code, line, en, _ in e["see"]]
        see_ko = [(int(code), line, ko) for code, line, _, ko in e["see"]]
        o.append(f"\t\t.see_also = {gen_table.see_also(cold, see, see_ko)},")
    for f_c, f_d in (("summary_en", "Summary-En"), ("summary_ko", "Summary-Ko"),
                     ("desc_en", "Description-En"), ("desc_ko", "Description-Ko"),
                     ("note_en", "Note-En"), ("note_ko", "Note-Ko")):
        o.append(f"\t\t.{f_c} = {s(e[f_d])},")
    o.append(f"\t}}, /* {e['path']}:{e['line']} */")
    return o


def emit(path, entries_path, iis, other):
    # The browser lists and searches the codes outside 100-599 with the
    # catalog: their text (7 KB) goes with the names the first frame draws
    # (gen_table.Pool, HC_FRONT_DATA); the IIS
    # sub-codes, which only the CLI reads, and the references and see-also
    # lines of both, in a pool of their own.
    hot = gen_table.Pool("hc_other_text", "HC_FRONT_DATA", 3)
    cold = gen_table.Pool("hc_extra_cold_text", "HC_COLD_DATA", 4)
    o = ["", "const struct hc_entry hc_iis_table[] = {"]
    for e in iis:
        o.extend(c_entry(e, cold, cold))
    if not iis:
        o.append("\t{ .code = 0 },")
    o.append("};")
    o.append(f"const size_t hc_iis_table_len = {len(iis)};")
    # The codes outside 100-599 are not a table of their own: their entries
    # end the catalog's array (gen_table.py includes this file there), which
    # is then the browser's table as it stands, with no copy made at start.
    rows = [f"/* {os.path.basename(entries_path)} - generated by data/gen_extra.py from data/other-codes.txt:",
            " * the codes outside 100-599, the last entries of hc_browse_table[] (catalog_data.c",
            " * includes this file inside that array; the strings are in extra_data.c's pools).",
            " * GENERATED FILE - DO NOT EDIT. Edit the table source and rebuild. */"]
    for e in other:
        rows.extend(c_entry(e, hot, cold))
    head = ["/* extra_data.c - generated by data/gen_extra.py from data/iis.txt and data/other-codes.txt.",
            " * GENERATED FILE - DO NOT EDIT. Edit the table source and rebuild. */",
            '#include "catalog_data.h"', '#include "extra_data.h"', ""]
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(head + hot.c_array() + [""] + cold.c_array() + [""] + o) + "\n")
    with open(entries_path, "w", encoding="ascii") as f:
        f.write("\n".join(rows) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", "-o")
    ap.add_argument("--entries", help="where the entries of other-codes.txt go (other_entries.h)")
    ap.add_argument("--check", action="store_true", help="validate only")
    ap.add_argument("--iis", required=True)
    ap.add_argument("--other", required=True)
    ap.add_argument("files", nargs="*", help="the main table files (data/[1-5]xx*.txt)")
    args = ap.parse_args(argv)
    if not args.check and not (args.output and args.entries):
        ap.error("--output and --entries are required unless --check is given")

    err = gen_table.Errors()
    files = [p for p in args.files if not p.endswith("classes.txt")]
    table, registered, see = main_table(files, err)

    iis = [e for e in (iis_entry(st, registered, err) for st in gen_table.parse_file(args.iis, err)) if e]
    other = [e for e in (other_entry(st, err) for st in gen_table.parse_file(args.other, err)) if e]

    seen = {}
    for e in iis + other:
        key = e["text"] if e["sub"] >= 0 else (e["text"], e["vendor"])
        if key in seen:
            err.add(e["path"], e["line"], f"code {e['text']} already defined at {seen[key]}")
        seen.setdefault(key, f"{e['path']}:{e['line']}")
    main_texts = {m["text"] for m in table}
    for e in other:
        if e["text"] in main_texts:
            err.add(e["path"], e["line"], f"code {e['text']} is in the main table already")
    table += [{"text": e["text"], "vendor": e["vendor"], "phrase": e["Phrase"]} for e in other]
    meanings = meanings_of(table)
    for e in other:
        for c, line, _, _ in e["see"]:
            if c not in meanings:
                err.add(e["path"], line, f"see-also code {c} is not in the table")
            elif len(c) != 3:
                err.add(e["path"], line, f"see-also code {c} must be written with three digits")
            elif c == e["text"] and len(meanings[c]) < 2:
                err.add(e["path"], line, "an entry cannot see-also itself")
    see += [(e["path"], line, c, t) for e in other for c, line, en, ko in e["see"] for t in (en, ko)]
    check_shared_see(see, meanings, err)

    if err.report("gen_extra.py", "tables not generated"):
        return 1
    if args.check:
        print(f"ok: {len(iis)} sub-status codes, {len(other)} codes outside 100-599")
        return 0
    iis.sort(key=lambda e: (e["code"], e["sub"]))
    # "0", "000", "783", "999": by value, then as written.
    other.sort(key=lambda e: (e["code"], len(e["text"]), e["vendor"].lower()))
    emit(args.output, args.entries, iis, other)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
