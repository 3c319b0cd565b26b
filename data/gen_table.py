#!/usr/bin/env python3
"""Check the status-code table source (data/*.txt) and emit it as a const C table.

Run by meson at build time. Any violation fails the build with a
`file:line: message` line per problem. See data/FORMAT.md for the format.

    gen_table.py --output catalog_data.c [--data-dir DIR] FILE...
    gen_table.py --check [--data-dir DIR] FILE...   (validate only; classes.txt optional)

With --data-dir, every DIR/[1-5]xx*.txt must be among FILE: a table file
that is not listed fails the build instead of silently missing. Tests
import load() / load_dir() rather than parsing the format again.
"""

import argparse
import glob
import os
import re
import sys
import unicodedata

import gen_constants  # issue 12: data/constants.txt and data/examples.txt

STATUSES = ("standard", "deprecated", "unused", "obsolete", "temporary", "unofficial")

# Heuristically cacheable status codes: the RFC 9110 §15.1 list, plus 451,
# which RFC 7725 §3 makes cacheable by default.
CACHEABLE = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501}

CODE_FIELDS = {
    # name: required
    "Code": True,
    "Vendor": False,
    "Status": True,
    "Reference": True,
    "Phrase": True,
    "Name-Ko": True,
    "Aliases-En": False,
    "Aliases-Ko": False,
    "Headers": False,
    "Keywords-En": False,
    "Keywords-Ko": False,
    "Cacheable": True,
    "See-Also-En": False,
    "See-Also-Ko": False,
    "Summary-En": True,
    "Summary-Ko": True,
    "Description-En": True,
    "Description-Ko": True,
    "Note-En": True,
    "Note-Ko": True,
}
CLASS_FIELDS = {
    "Class": True,
    "Name-En": True,
    "Name-Ko": True,
    "Summary-En": True,
    "Summary-Ko": True,
    "Description-En": True,
    "Description-Ko": True,
}

REF_RE = re.compile(r"^(RFC [1-9][0-9]{2,4}( §[1-9][0-9]*(\.[1-9][0-9]*)*)?|draft-[a-z0-9-]+)$")
HEADER_RE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z-]*):(?: (.*))?$")


class Errors:
    def __init__(self):
        self.items = []

    def add(self, path, line, msg):
        self.items.append(f"{path}:{line}: {msg}")

    def report(self, prog, nothing):
        """Print every error and a summary to stderr; True when there was one."""
        for item in self.items:
            print(item, file=sys.stderr)
        if self.items:
            print(f"{prog}: {len(self.items)} error(s); {nothing}", file=sys.stderr)
        return bool(self.items)


class Stanza:
    def __init__(self, path, line):
        self.path = path
        self.line = line        # line of the first field
        self.fields = {}        # name -> (line, [raw lines])
        self.has_value = {}     # name -> text on the field's own line

    def text(self, name):
        """Continuation lines joined with spaces; ' .' lines become paragraph breaks."""
        if name not in self.fields:
            return None
        paras, cur = [], []
        for part in self.fields[name][1]:
            if part == ".":
                paras.append(" ".join(cur))
                cur = []
            elif part:
                cur.append(part)
        paras.append(" ".join(cur))
        return "\n".join(p for p in paras if p)

    def lines(self, name):
        """(line number, text) of each non-empty part of a field."""
        if name not in self.fields:
            return []
        line, parts = self.fields[name]
        first = line if self.has_value[name] else line + 1
        return [(first + i, p) for i, p in enumerate(parts) if p]

    def lineno(self, name):
        return self.fields[name][0] if name in self.fields else self.line


def check_chars(path, lineno, line, err):
    for ch in line:
        if ch == "\t":
            err.add(path, lineno, "tab character (use spaces)")
            return
        if ZERO_WIDTH_RE.match(ch):
            err.add(path, lineno, f"zero-width character U+{ord(ch):04X}")
            return
        if unicodedata.category(ch) in ("Cc", "Cf"):
            err.add(path, lineno, f"control character U+{ord(ch):04X}")
            return
    if line != line.rstrip(" "):
        err.add(path, lineno, "trailing space")
    if unicodedata.normalize("NFC", line) != line:
        err.add(path, lineno, "text is not in NFC")


def parse_file(path, err):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            raw = f.read()
    except UnicodeDecodeError as e:
        err.add(path, raw_line_of(path, e.start), "invalid UTF-8")
        return []
    except OSError as e:
        err.add(path, 0, f"cannot read: {e.strerror}")
        return []
    if "\r" in raw:
        err.add(path, raw[: raw.index("\r")].count("\n") + 1, "carriage return (use LF line endings)")
    stanzas, cur, last = [], None, None
    for lineno, line in enumerate(raw.split("\n"), 1):
        check_chars(path, lineno, line, err)
        if line.startswith("#"):
            continue
        if not line.strip():
            cur, last = None, None
            continue
        if line.startswith(" "):
            if last is None:
                err.add(path, lineno, "continuation line outside a field")
                continue
            cur.fields[last][1].append(line[1:].strip())
            continue
        m = FIELD_RE.match(line)
        if not m:
            err.add(path, lineno, f"expected 'Field: value', got {line[:40]!r}")
            continue
        if cur is None:
            cur = Stanza(path, lineno)
            stanzas.append(cur)
        name, value = m.group(1), (m.group(2) or "").strip()
        if name in cur.fields:
            err.add(path, lineno, f"field {name} given twice in one entry")
            continue
        cur.fields[name] = (lineno, [value] if value else [])
        cur.has_value[name] = bool(value)
        last = name
    return stanzas


def raw_line_of(path, offset):
    with open(path, "rb") as f:
        return f.read()[:offset].count(b"\n") + 1


def check_fields(st, spec, err):
    for name in st.fields:
        if name not in spec:
            err.add(st.path, st.lineno(name), f"unknown field {name}")
    for name, required in spec.items():
        if required and not st.text(name):
            err.add(st.path, st.line, f"missing field {name}")


def split_list(st, name, err=None):
    t = st.text(name)
    if not t:
        return []
    items = [x.strip() for x in t.split(";")]
    if err is not None and any(not x for x in items):
        err.add(st.path, st.lineno(name), f"{name} has an empty item (two ';' in a row, or one at an end)")
    return [x for x in items if x]


# Korean keywords without Hangul that are still what Korean users type
# (none yet: a Korean keyword is Korean text). See data/FORMAT.md.
KO_KEYWORD_EXCEPTIONS = frozenset()


def check_keywords(st, e, err):
    """Keywords: no empty item, no duplicate within the entry (in either
    language, compared case-folded), none that repeats a name or alias (it
    would add nothing), Korean ones with Hangul."""
    names = {x.casefold() for x in [e["Phrase"], e["Name-Ko"]] + e["aliases_en"] + e["aliases_ko"]}
    seen = {}
    for field, key in (("Keywords-En", "keywords_en"), ("Keywords-Ko", "keywords_ko")):
        line = st.lineno(field)
        for k in e[key]:
            f = k.casefold()
            if f in names:
                err.add(st.path, line, f"{field}: {k!r} repeats the entry's name or an alias")
            if f in seen:
                err.add(st.path, line, f"{field}: {k!r} given twice (also in {seen[f]})")
            seen[f] = field
            if ZERO_WIDTH_RE.search(k):
                err.add(st.path, line, f"{field}: {k!r} has a zero-width character")
            if key == "keywords_ko" and not HANGUL_RE.search(k) and k not in KO_KEYWORD_EXCEPTIONS:
                err.add(st.path, line, f"{field}: {k!r} has no Hangul (put it in Keywords-En)")


def class_of_file(path):
    base = path.replace("\\", "/").rsplit("/", 1)[-1]
    m = re.match(r"^([1-5])xx\b", base)
    return int(m.group(1)) if m else None


def build_entry(st, err):
    e = {"path": st.path, "line": st.line}
    code_txt = st.text("Code") or ""
    if not re.fullmatch(r"[0-9]{3}", code_txt):
        err.add(st.path, st.lineno("Code"), f"code must be three digits, got {code_txt!r}")
        return None
    code = int(code_txt)
    e["code"] = code
    if not 100 <= code <= 599:
        err.add(st.path, st.lineno("Code"), f"code {code} outside 100-599")
    cls = class_of_file(st.path)
    if cls is not None and code // 100 != cls:
        err.add(st.path, st.lineno("Code"), f"code {code} does not belong in a {cls}xx file")
    status = st.text("Status") or ""
    if status not in STATUSES:
        err.add(st.path, st.lineno("Status"), f"unknown status {status!r} (one of {', '.join(STATUSES)})")
    e["status"] = status
    vendor = st.text("Vendor")
    if status == "unofficial" and not vendor:
        err.add(st.path, st.line, "unofficial code needs a Vendor")
    if status != "unofficial" and vendor:
        err.add(st.path, st.lineno("Vendor"), "only unofficial codes have a Vendor")
    e["vendor"] = vendor
    ref = st.text("Reference") or ""
    if status != "unofficial":
        for part in ref.split("; "):
            if not REF_RE.match(part):
                err.add(st.path, st.lineno("Reference"),
                        f"reference {part!r} is not 'RFC NNNN §N.N' or 'draft-…'")
    e["reference"] = ref
    cache = st.text("Cacheable")
    if cache not in ("yes", "no"):
        err.add(st.path, st.lineno("Cacheable"), f"Cacheable must be yes or no, got {cache!r}")
    e["cacheable"] = cache == "yes"
    if status != "unofficial" and cache in ("yes", "no") and e["cacheable"] != (code in CACHEABLE):
        err.add(st.path, st.lineno("Cacheable"),
                f"code {code} is {'' if code in CACHEABLE else 'not '}heuristically cacheable (RFC 9110 §15.1, RFC 7725 §3)")
    for name in ("Phrase", "Name-Ko", "Summary-En", "Summary-Ko", "Description-En", "Description-Ko",
                 "Note-En", "Note-Ko"):
        e[name] = st.text(name) or ""
    for name in ("Name-Ko", "Summary-Ko", "Description-Ko", "Note-Ko"):
        if e[name] and not HANGUL_RE.search(e[name]):
            err.add(st.path, st.lineno(name), f"{name} has no Korean text")
    for name in ("Summary-En", "Summary-Ko"):
        if e[name].endswith("."):
            err.add(st.path, st.lineno(name), f"{name} ends with a period")
        if "\n" in e[name]:
            err.add(st.path, st.lineno(name), f"{name} must be one paragraph")
    e["aliases_en"] = split_list(st, "Aliases-En")
    e["aliases_ko"] = split_list(st, "Aliases-Ko")
    e["headers"] = split_list(st, "Headers")
    e["keywords_en"] = split_list(st, "Keywords-En", err)
    e["keywords_ko"] = split_list(st, "Keywords-Ko", err)
    check_keywords(st, e, err)
    for h in e["headers"]:
        if not HEADER_RE.match(h):
            err.add(st.path, st.lineno("Headers"), f"header name {h!r} is not a field name")
    for name in ("aliases_en", "aliases_ko", "headers", "keywords_en", "keywords_ko"):
        if len(e[name]) > 255:
            err.add(st.path, st.line, f"too many {name}")
    e["see_en"] = parse_see(st, "See-Also-En", err)
    e["see_ko"] = parse_see(st, "See-Also-Ko", err)
    if [c for c, _, _ in e["see_en"]] != [c for c, _, _ in e["see_ko"]]:
        err.add(st.path, st.lineno("See-Also-Ko" if "See-Also-Ko" in st.fields else "See-Also-En"),
                "See-Also-En and See-Also-Ko must list the same codes in the same order")
    return e


def parse_see(st, name, err):
    out = []
    for lineno, text in st.lines(name):
        m = re.match(r"^([1-5][0-9]{2}) (.+)$", text)
        if not m:
            err.add(st.path, lineno, f"{name} line must be 'CODE text'")
            continue
        out.append((int(m.group(1)), lineno, m.group(2)))
    return out


def build_class(st, err):
    d = st.text("Class") or ""
    if d not in ("1", "2", "3", "4", "5"):
        err.add(st.path, st.lineno("Class"), f"class must be 1-5, got {d!r}")
        return None
    c = {"digit": int(d), "line": st.line, "path": st.path}
    for name in CLASS_FIELDS:
        c[name] = st.text(name) or ""
    return c


def c_str(s):
    """A C string literal; non-ASCII as octal escapes so the output is plain ASCII."""
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0x20 <= b < 0x7F and ch != "?":  # '?' avoided: trigraphs
            out.append(ch)
        else:
            out.append(f"\\{b:03o}")
    out.append('"')
    return "".join(out)


class Pool:
    """Strings stored once each, NUL-terminated, in one const char array of
    the generated file (issue 18: memory). A program's string literals are
    merged by the linker into one block with all its other literals; a pool
    keeps the strings that are read together (every search reads the
    displayed text) in one block of their own, in the section `section`
    (catalog_data.h: HC_SEARCH_DATA, HC_COLD_DATA), away from the ones read
    rarely.

    ref(s) is s as an hc_sref (src/catalog.h): the pool's number `ident` (its
    slot in hc_pools[], catalog.c) in the top 4 bits and the byte offset
    below, a plain integer, so that a table of them needs no relocation and
    stays in .rodata, shared by every process, instead of .data.rel.ro. A
    list (list(), strs()) is stored in the pool's NAME_items[] array the same
    way. Every build uses pools, the static one too: 4-byte offsets instead
    of 8-byte pointers save more than the linker's merging of equal literals
    across the program (which pools give up) did."""

    OFFSET_BITS = 28

    def __init__(self, name, section, ident, items_section=None):
        assert 1 <= ident < 16
        self.name, self.section, self.ident = name, section, ident
        self.items_section = items_section or section
        self.at, self.parts, self.size = {}, [], 0
        self.items, self.list_at = [], {}       # NAME_items[], hc_pool_items[ident]

    def offset(self, s):
        if s not in self.at:
            self.at[s] = self.size
            self.parts.append(s)
            self.size += len(s.encode("utf-8")) + 1
            if self.size > 1 << Pool.OFFSET_BITS:
                raise ValueError(f"string pool {self.name} is over {1 << Pool.OFFSET_BITS} bytes")
        return self.at[s]

    def ref(self, s):
        """s as an hc_sref; None as 0 (hc_str() gives NULL)."""
        if s is None:
            return "0"
        return f"{self.ident << Pool.OFFSET_BITS | self.offset(s):#x}"

    def list(self, values):
        """A list (struct hc_strs, catalog.h) of the C integer constants
        `values` (hc_srefs, or see-also triples): its `at`, the pool's number
        over the index of its first item in the pool's NAME_items[]. Equal
        lists are stored once."""
        key = tuple(values)
        if key not in self.list_at:
            self.list_at[key] = len(self.items)
            self.items.extend(values)
            if len(self.items) > 1 << Pool.OFFSET_BITS:
                raise ValueError(f"string pool {self.name} has over {1 << Pool.OFFSET_BITS} list items")
        return f"{self.ident << Pool.OFFSET_BITS | self.list_at[key]:#x}"

    def strs(self, strings):
        """struct hc_strs of a list of strings, as a C initializer."""
        if not strings:
            return "{ 0, 0 }"
        if len(strings) > 255:
            raise ValueError("over 255 items in a list")
        return f"{{ {self.list([self.ref(x) for x in strings])}, {len(strings)} }}"

    def c_array(self):
        """The array's definition: one string literal per string, each with
        its NUL, concatenated (over 4095 characters: the pedantic warning
        about long literals is turned off around it). Not static: hc_pools[]
        (catalog.c) names it."""
        o = [f"/* pool {self.ident}: the hc_sref {self.ident << Pool.OFFSET_BITS:#x} + offset"
             f" (hc_pools[{self.ident}], catalog.c) */",
             "#pragma GCC diagnostic push",
             '#pragma GCC diagnostic ignored "-Woverlength-strings"',
             f"const char {self.name}[{max(self.size, 1)}] {self.section} ="]
        for s in self.parts:
            o.append("\t" + c_str(s + "\0"))
        if not self.parts:
            o.append('\t""')
        o[-1] += ";"
        o.append("#pragma GCC diagnostic pop")
        o.append(f"const hc_sref {self.name}_items[{max(len(self.items), 1)}] {self.items_section} = {{")
        for i in range(0, len(self.items), 8):
            o.append("\t" + ", ".join(self.items[i:i + 8]) + ",")
        if not self.items:
            o.append("\t0,")
        o.append("};")
        return o


# List fields of an entry and the prefix of their C arrays.
LISTS = (("aliases_en", "ae"), ("aliases_ko", "ak"), ("headers", "hd"),
         ("keywords_en", "ke"), ("keywords_ko", "kk"))


def emit(path, entries, classes, extras=gen_constants.Extras()):
    # The text every search reads, the keywords and headers, in one pool;
    # an entry's running text (summaries, descriptions, notes), which a
    # search reads only where the index cannot tell without (src/textdict.h:
    # Korean words, 초성) and for an entry it shows, with what else its page shows (references,
    # see-also lines, constants, examples) in another, entry by entry, so
    # that showing one reads a block or two. The tables hold hc_srefs into
    # them (catalog.h), no pointer.
    hot = Pool("hc_search_text", "HC_SEARCH_DATA", 1)
    # Its list items (the see-also lines, 2.8 KB), which a page reads
    # apart from its strings, lie with the front pool's strings: in the
    # cold pool's first block they cost a block of their own.
    cold = Pool("hc_cold_text", "HC_COLD_DATA", 2, items_section="HC_FRONT_DATA")
    # What the first frame draws, the names of every entry and the classes,
    # in a pool of its own away from the searched text (the kernel maps the
    # whole of a large folio of the page cache around a page read: the names
    # spread through hc_search made the first frame hold most of it).
    front = Pool("hc_front_text", "HC_FRONT_DATA", 6)
    c, f = cold.ref, front.ref
    # The languages every page with constants reads, with the front pool's
    # strings; the cold pool's order: the constants' names (every search
    # may look one up), then entry by entry all that its page shows.
    for s in extras.lang_strings():
        f(s)
    for s in extras.shared_strings():
        c(s)
    for e in entries:
        c(e['reference'])
        for (_, _, en), (_, _, ko) in zip(e['see_en'], e['see_ko']):
            c(en)
            c(ko)
        for key in ("Summary-En", "Summary-Ko", "Description-En", "Description-Ko",
                    "Note-En", "Note-Ko"):
            c(e[key])
        for s in extras.entry_strings(e):
            c(s)
    o = []
    o.extend(extras.c_arrays(c, f))
    o.append("")
    # The browser's table is this array as it stands: the catalog, then the
    # codes outside 100-599, which gen_extra.py writes as initializers into
    # other_entries.h (their strings are in extra_data.c's pools); with the
    # two in one array the browser makes no copy of them at start.
    o.append("const struct hc_entry hc_browse_table[] = {")
    for e in entries:
        o.append("\t{")
        o.append(f"\t\t.code = {e['code']}, .status = HC_STATUS_{e['status'].upper()},"
                 f" .cacheable = {'true' if e['cacheable'] else 'false'},")
        o.append(f"\t\t.vendor = {f(e['vendor'])},")
        o.append(f"\t\t.reference = {c(e['reference'])},")
        o.append(f"\t\t.phrase_en = {f(e['Phrase'])},")
        o.append(f"\t\t.name_ko = {f(e['Name-Ko'])},")
        for key, _ in LISTS:
            o.append(f"\t\t.{key} = {(front if key.startswith('aliases') else hot).strs(e[key])},")
        o.append(f"\t\t.see_also = {see_also(cold, e['see_en'], e['see_ko'])},")
        for f_c, f_d in (("summary_en", "Summary-En"), ("summary_ko", "Summary-Ko"),
                         ("desc_en", "Description-En"), ("desc_ko", "Description-Ko"),
                         ("note_en", "Note-En"), ("note_ko", "Note-Ko")):
            o.append(f"\t\t.{f_c} = {c(e[f_d])},")
        o.extend(extras.c_fields(e, c))
        o.append(f"\t}}, /* {e['path']}:{e['line']} */")
    o.append('#include "other_entries.h"')
    o.append("};")
    o.append(f"const size_t hc_catalog_table_len = {len(entries)};")
    o.append("const size_t hc_browse_table_len = sizeof hc_browse_table / sizeof hc_browse_table[0];")
    o.append("/* the codes outside 100-599: the array's last entries */")
    o.append(f"const struct hc_entry *const hc_other_table = hc_browse_table + {len(entries)};")
    o.append(f"const size_t hc_other_table_len = sizeof hc_browse_table / sizeof hc_browse_table[0] - {len(entries)};")
    o.append("")
    o.append("const struct hc_class hc_catalog_classes[] = {")
    for cl in classes:
        o.append(f"\t{{ {cl['digit']}, {f(cl['Name-En'])}, {f(cl['Name-Ko'])},")
        o.append(f"\t  {f(cl['Summary-En'])},")
        o.append(f"\t  {f(cl['Summary-Ko'])},")
        o.append(f"\t  {f(cl['Description-En'])},")
        o.append(f"\t  {f(cl['Description-Ko'])} }},")
    o.append("};")
    o.append("const size_t hc_catalog_classes_len = sizeof hc_catalog_classes / sizeof hc_catalog_classes[0];")
    o.extend(extras.c_tables(c, f))
    head = ["/* catalog_data.c - generated by data/gen_table.py from the data/ table source.",
            " * GENERATED FILE - DO NOT EDIT. Edit the table source and rebuild. */",
            '#include "catalog.h"',
            '#include "catalog_data.h"',
            ""]
    text = "\n".join(head + front.c_array() + [""] + hot.c_array() + [""] + cold.c_array() + [""] + o) + "\n"
    with open(path, "w", encoding="ascii") as f:
        f.write(text)


def see_also(pool, see_en, see_ko):
    """The see-also list (struct hc_strs of triples code, English line,
    Korean line; hc_entry_see_also()) of pairs of (code, line, text)."""
    if not see_en:
        return "{ 0, 0 }"
    if len(see_en) > 255:
        raise ValueError("over 255 see-also lines")
    items = []
    for (code, _, en), (_, _, ko) in zip(see_en, see_ko):
        items += [str(code), pool.ref(en), pool.ref(ko)]
    return f"{{ {pool.list(items)}, {len(see_en)} }}"


TABLE_GLOB = "[1-5]xx*.txt"


def table_files(data_dir):
    """classes.txt and every code file of a data directory, in name order."""
    return [os.path.join(data_dir, "classes.txt")] + sorted(glob.glob(os.path.join(data_dir, TABLE_GLOB)))


def unlisted(data_dir, files):
    """Code files of data_dir (data/[1-5]xx*.txt) missing from files."""
    given = {os.path.realpath(f) for f in files}
    return [f for f in sorted(glob.glob(os.path.join(data_dir, TABLE_GLOB)))
            if os.path.realpath(f) not in given]


def load(files, err, partial=False):
    """Parse and check the table source files: (entries, classes), sorted as
    the C table is. Problems go to err (file:line). With partial (--check of
    single files), codes cited from other files and missing classes are not
    errors. The tests import this instead of parsing the format again."""
    entries, classes = [], []
    for path in files:
        if gen_constants.owns(path):
            continue        # constants.txt, examples.txt: gen_constants.py
        for st in parse_file(path, err):
            if "Class" in st.fields:
                check_fields(st, CLASS_FIELDS, err)
                c = build_class(st, err)
                if c:
                    classes.append(c)
            else:
                check_fields(st, CODE_FIELDS, err)
                e = build_entry(st, err)
                if e:
                    entries.append(e)

    seen = {}
    for e in entries:
        key = (e["code"], e["vendor"])
        if key in seen:
            err.add(e["path"], e["line"], f"code {e['code']}{' (' + e['vendor'] + ')' if e['vendor'] else ''}"
                    f" already defined at {seen[key]}")
        else:
            seen[key] = f"{e['path']}:{e['line']}"
    codes = {e["code"] for e in entries}
    meanings = {}
    for e in entries:
        meanings[e["code"]] = meanings.get(e["code"], 0) + 1
    # An entry may point at its own code only to reach another vendor's meaning.
    for e in entries:
        for c, line, _ in e["see_en"]:
            if c == e["code"] and meanings[c] < 2:
                err.add(e["path"], line, "an entry cannot see-also itself")
    # A single file checked alone may cite codes defined in other files.
    for e in (entries if not partial else []):
        for c, line, _ in e["see_en"]:
            if c not in codes:
                err.add(e["path"], line, f"see-also code {c} is not in the table")
    digits = sorted(c["digit"] for c in classes)
    if not partial or classes:
        if digits != [1, 2, 3, 4, 5]:
            where = classes[0]["path"] if classes else (files[0] if files else "?")
            err.add(where, 1, f"need exactly one stanza for each class 1-5, got {digits}")
    for c in classes:
        if not HANGUL_RE.search(c["Name-Ko"]):
            err.add(c["path"], c["line"], "class Name-Ko has no Korean text")
    # Registered entries first within a code, then vendors by how often people
    # meet them (VENDOR_ORDER), then the others alphabetically: 499 is nginx's
    # before Esri's, in the CLI and the browser alike (both show table order).
    entries.sort(key=lambda e: (e["code"], e["vendor"] is not None, vendor_rank(e["vendor"]),
                                (e["vendor"] or "").lower()))
    classes.sort(key=lambda c: c["digit"])
    return entries, classes


def load_dir(data_dir):
    """Every entry and class of a data directory; raises ValueError with the
    file:line problems when the source is broken."""
    err = Errors()
    entries, classes = load(table_files(data_dir), err)
    if err.items:
        raise ValueError("\n".join(err.items))
    return entries, classes


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", "-o")
    ap.add_argument("--check", action="store_true", help="validate only")
    ap.add_argument("--data-dir", help="fail when a code file of this directory "
                    "(" + TABLE_GLOB + ") is not among FILE")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args(argv)
    if not args.check and not args.output:
        ap.error("--output is required unless --check is given")

    err = Errors()
    if args.data_dir:
        for f in unlisted(args.data_dir, args.files):
            err.add(f, 1, "table file not given to the generator (list it in data/meson.build)")
    entries, classes = load(args.files, err, partial=args.check)
    extras = gen_constants.Extras.load([p for p in args.files if gen_constants.owns(p)], entries, err)

    if err.report("gen_table.py", "table not generated"):
        return 1
    if args.check:
        print(f"ok: {len(entries)} entries, {len(classes)} classes")
        return 0
    emit(args.output, entries, classes, extras)
    return 0


# Vendors in the order people meet their codes: the big web servers, CDNs and
# load balancers first, niche products after. A vendor not listed sorts after
# these, alphabetically.
VENDOR_ORDER = [
    "nginx",
    "Cloudflare",
    "AWS ELB",
    "Microsoft IIS",
    "Microsoft",
    "Microsoft Exchange ActiveSync",
    "Laravel",              # 419 Page Expired, met by every Laravel form
    "Twitter",              # 420 Enhance Your Calm, the famous 420
    "Shopify",
    "Alibaba Cloud ALB",
    "Spring Framework",     # deprecated enum constants, rarely sent
    "cPanel hosting",
    "CloudLinux",
    "Pantheon",
    "Esri ArcGIS",
    "Qualys SSL Labs",
]


def vendor_rank(vendor):
    if vendor is None:
        return -1
    return VENDOR_ORDER.index(vendor) if vendor in VENDOR_ORDER else len(VENDOR_ORDER)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
