"""Read the string pools of a generated C file (data/gen_table.py's Pool), so
that the generator tests can check what an hc_sref (src/catalog.h) names.

    s = strings(c_text)     # {hc_sref value: str} of every pool in the text
    s[0x2000010]            # "RFC 9110 §15.5.5", or KeyError
    deref(c_text, "0x2000010")
"""

import re

POOL_RE = re.compile(r'/\* pool (\d+): .*?\*/\n(?:#pragma.*\n)*const char (\w+)\[\d+\][^=]*=\n((?:\t".*"\n?)+)')
ESC_RE = re.compile(r'\\([0-7]{3}|n|"|\\)')


def unescape(lit):
    """The bytes of the C string literal body lit (as gen_table.c_str writes it)."""
    def one(m):
        g = m.group(1)
        return {"n": "\n", '"': '"', "\\": "\\"}.get(g) or chr(int(g, 8))
    return ESC_RE.sub(one, lit).encode("latin-1")


def strings(c):
    out = {}
    for m in POOL_RE.finditer(c):
        ident = int(m.group(1))
        data = b"".join(unescape(line.strip().rstrip(";")[1:-1]) for line in m.group(3).splitlines())
        at = 0
        for part in data.split(b"\0")[:-1]:
            out[ident << 28 | at] = part.decode("utf-8")
            at += len(part) + 1
    return out


def deref(c, ref):
    """The string an hc_sref (as written in c: "0x…" or "0") names; None for 0."""
    v = int(ref, 0)
    return None if v == 0 else strings(c)[v]
