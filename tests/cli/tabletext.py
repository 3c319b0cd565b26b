"""Read the table source (data/*.txt) for the content tests, independently of data/gen_table.py.

A deliberately small deb822 reader: stanzas separated by blank lines, '#' comment lines,
'Field: value' lines and ' continuation' lines (' .' is a paragraph break). It does not
validate anything; gen_table.py does that at build time.
"""

import os
import re

FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z-]*):(?: (.*))?$")


class Stanza(dict):
    """Field name -> list of raw lines (the value on the field's own line first, if any)."""

    def __init__(self, path, line):
        super().__init__()
        self.path = path
        self.line = line

    def text(self, name, default=""):
        if name not in self:
            return default
        paras, cur = [], []
        for part in self[name]:
            if part == ".":
                paras.append(" ".join(cur))
                cur = []
            elif part:
                cur.append(part)
        paras.append(" ".join(cur))
        return "\n".join(p for p in paras if p)

    def lines(self, name):
        return [x for x in self.get(name, []) if x and x != "."]

    def where(self):
        return f"{os.path.basename(self.path)}:{self.line}"


def parse(path):
    stanzas, cur, last = [], None, None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                cur, last = None, None
                continue
            if line.startswith(" ") and cur is not None and last is not None:
                cur[last].append(line[1:].strip())
                continue
            m = FIELD_RE.match(line)
            if not m:
                continue
            if cur is None:
                cur = Stanza(path, lineno)
                stanzas.append(cur)
            last = m.group(1)
            cur[last] = [m.group(2).strip()] if m.group(2) else []
    return stanzas


def table_files(data_dir):
    """The files the build reads: classes.txt and the NXX*.txt code files."""
    return [os.path.join(data_dir, n) for n in sorted(os.listdir(data_dir))
            if n == "classes.txt" or re.match(r"^[1-5]xx.*\.txt$", n)]


def entries(data_dir):
    out = []
    for path in table_files(data_dir):
        out.extend(st for st in parse(path) if "Code" in st)
    return out


def draft_files(data_dir):
    d = os.path.join(data_dir, "drafts")
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, n) for n in sorted(os.listdir(d)) if n.endswith(".txt")]
