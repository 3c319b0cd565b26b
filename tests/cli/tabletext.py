"""Read the table source (data/*.txt) for the content tests.

The stanzas come from data/gen_table.py's own parser (one parser of the format,
issue 17 item 6); this module only gives them the dict-like view the content
tests use. It does not validate anything; gen_table.py does that at build time.
"""

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data"))
import gen_table  # noqa: E402



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
    out = []
    for st in gen_table.parse_file(path, gen_table.Errors()):
        cur = Stanza(path, st.line)
        for name, (_, parts) in st.fields.items():
            cur[name] = list(parts)
        out.append(cur)
    return out


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
