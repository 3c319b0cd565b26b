"""Issue 12 data: library constants (data/constants.txt) and example exchanges (data/examples.txt).

Imported by gen_table.py, which hands over the two files (see owns()), the checked
table entries and its error list; see data/FORMAT.md for both formats. Every problem is
reported as `file:line: message` through the table generator's Errors object.

    side = Extras.load(paths, entries, err)   # after the table entries are built
    side.c_arrays(ref, lang_ref)              # hc_constant_rows[], before the entry table
    side.c_fields(entry, ref)                 # designated initializers of one entry
    side.c_tables(ref, lang_ref)              # hc_code_langs[], hc_constant_names[], after it

ref writes a string (or None) as an hc_sref, an offset into a string pool
(gen_table.py passes its cold pool's Pool.ref): the tables hold no pointer.
lang_ref does the same for the languages' strings (lang_strings()), which
every page with constants reads whichever code it shows: gen_table.py keeps
them with what the first frame draws rather than in the cold pool.

Nothing here imports gen_table (it is run as a script, and may be changed by others).
"""

import datetime
import os
import re
import unicodedata

CONSTANTS_FILE = "constants.txt"
EXAMPLES_FILE = "examples.txt"

UPPER_SNAKE = r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*"
# id, field name in constants.txt, name shape, how the name is written in code
LANGS = (
    ("python", "Python", "^" + UPPER_SNAKE + "$", "HTTPStatus.{}"),
    ("go", "Go", r"^Status[A-Z][A-Za-z0-9]*$", "http.{}"),
    ("rust", "Rust", "^" + UPPER_SNAKE + "$", "StatusCode::{}"),
    ("spring", "Spring", "^" + UPPER_SNAKE + "$", "HttpStatus.{}"),
    ("jakarta", "Jakarta", "^SC_" + UPPER_SNAKE + "$", "HttpServletResponse.{}"),
    ("csharp", "CSharp", r"^[A-Z][A-Za-z0-9]*$", "HttpStatusCode.{}"),
    ("node", "Node", "^" + UPPER_SNAKE + "$", "StatusCodes.{}"),
    ("symfony", "Symfony", "^HTTP_" + UPPER_SNAKE + "$", "Response::{}"),
    ("rack", "Rack", r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$", ":{}"),
    ("ktor", "Ktor", r"^[A-Z][A-Za-z0-9]*$", "HttpStatusCode.{}"),
    ("swift", "SwiftNIO", r"^[a-z][A-Za-z0-9]*$", ".{}"),
)
SHAPE_WORDS = {
    "python": "UPPER_SNAKE", "go": "Status + CamelCase", "rust": "UPPER_SNAKE", "spring": "UPPER_SNAKE",
    "jakarta": "SC_ + UPPER_SNAKE", "csharp": "PascalCase", "node": "UPPER_SNAKE",
    "symfony": "HTTP_ + UPPER_SNAKE", "rack": "lower_snake", "ktor": "PascalCase", "swift": "lowerCamelCase",
}
LANG_FIELDS = ("Label", "Library", "Version", "Source")

VERSION = r"((?:[A-Z][A-Za-z]* )?[0-9][0-9.]*)"
# Notes are tags from this list only, so that both languages can show them.
TAGS = (
    (re.compile(r"^old name$"), "older name from before RFC 9110", "RFC 9110 이전의 옛 이름"),
    (re.compile(r"^alias$"), "another name for the same value", "같은 값의 다른 이름"),
    (re.compile(r"^deprecated$"), "deprecated", "사용 중단 예정(deprecated)"),
    (re.compile(r"^deprecated since " + VERSION + "$"), "deprecated since {}", "{}부터 사용 중단 예정(deprecated)"),
    (re.compile(r"^since " + VERSION + "$"), "since {}", "{}부터 제공"),
    (re.compile(r"^removed in " + VERSION + "$"), "removed in {}", "{}에서 제거됨"),
    (re.compile(r"^misleading name$"), "the name does not match the registered meaning",
     "이름이 등록된 뜻과 어긋남"),
)
VALUE_RE = re.compile(r"^(\S+)((?: \[[^\[\]]+\])*)$")
FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z-]*):(?: (.*))?$")


def owns(path):
    """True for the two files this module reads instead of gen_table.py."""
    return os.path.basename(path) in (CONSTANTS_FILE, EXAMPLES_FILE)


# ---------------------------------------------------------------------------
# A small deb822-like reader: unlike the table's, a field may repeat (Request:,
# Response:) and continuation lines keep their text as is (after the one space).

class Field:
    def __init__(self, name, line, value):
        self.name, self.line, self.value = name, line, value
        self.cont = []          # [(line, text)]; " ." gives ""


class Stanza:
    def __init__(self, path, line):
        self.path, self.line, self.fields = path, line, []

    def get(self, name):
        for f in self.fields:
            if f.name == name:
                return f
        return None


def read_stanzas(path, err):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            raw = f.read()
    except UnicodeDecodeError as e:
        with open(path, "rb") as f:
            err.add(path, f.read()[: e.start].count(b"\n") + 1, "invalid UTF-8")
        return []
    except OSError as e:
        err.add(path, 0, f"cannot read: {e.strerror}")
        return []
    stanzas, cur, last = [], None, None
    for lineno, line in enumerate(raw.split("\n"), 1):
        if "\r" in line:
            err.add(path, lineno, "carriage return (use LF line endings)")
            line = line.replace("\r", "")
        bad = next((ch for ch in line if ch == "\t" or unicodedata.category(ch) in ("Cc", "Cf")), None)
        if bad is not None:
            err.add(path, lineno, "tab character (use spaces)" if bad == "\t"
                    else f"control character U+{ord(bad):04X}")
        if line != line.rstrip(" "):
            err.add(path, lineno, "trailing space")
        if unicodedata.normalize("NFC", line) != line:
            err.add(path, lineno, "text is not in NFC")
        if line.startswith("#"):
            continue
        if not line.strip():
            cur, last = None, None
            continue
        if line.startswith(" "):
            if last is None:
                err.add(path, lineno, "continuation line outside a field")
                continue
            last.cont.append((lineno, "" if line == " ." else line[1:]))
            continue
        m = FIELD_RE.match(line)
        if not m:
            err.add(path, lineno, f"expected 'Field: value', got {line[:40]!r}")
            last = None
            continue
        if cur is None:
            cur = Stanza(path, lineno)
            stanzas.append(cur)
        last = Field(m.group(1), lineno, (m.group(2) or "").strip())
        cur.fields.append(last)
    return stanzas


# ---------------------------------------------------------------------------
# Constants

def words_of(lang, name):
    """The words a constant name spells, lower case: StatusRequestURITooLong -> request uri too long."""
    if lang == "go":
        name = name[len("Status"):]
    elif lang == "jakarta":
        name = name[len("SC_"):]
    elif lang == "symfony":
        name = name[len("HTTP_"):]
    if "_" in name or name.isupper() or name.islower():
        parts = name.split("_")
    else:
        parts = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", name)
    return " ".join(p.lower() for p in parts if p)


def words_of_phrase(phrase):
    p = phrase.lower().replace("-", " ")
    p = re.sub(r"[()'’]", "", p)
    return " ".join(p.split())


def parse_tags(text, path, line, err):
    """' [old name] [since 3.13]' -> [(en, ko, raw)]"""
    out = []
    for raw in re.findall(r"\[([^\[\]]+)\]", text):
        for rx, en, ko in TAGS:
            m = rx.match(raw)
            if m:
                out.append((en.format(*m.groups()), ko.format(*m.groups()), raw))
                break
        else:
            err.add(path, line, f"unknown note [{raw}] (see FORMAT.md for the list)")
    return out


class Constant:
    def __init__(self, lang, name, tags, line):
        self.lang, self.name, self.tags, self.line = lang, name, tags, line

    def has(self, prefix):
        return any(raw == prefix or raw.startswith(prefix + " ") for _, _, raw in self.tags)

    def note(self, i):
        return "; ".join(t[i] for t in self.tags) or None


def load_constants(path, entries, err):
    """Returns (langs, {code: [Constant…]}) for the registered codes."""
    lang_ids = [l[0] for l in LANGS]
    by_field = {l[1]: l for l in LANGS}
    registered = {e["code"]: e for e in entries if not e.get("vendor")}
    langs, table, seen_names = {}, {}, {}
    for st in read_stanzas(path, err):
        first = st.fields[0]
        if first.name == "Lang":
            lid = first.value
            if lid not in lang_ids:
                err.add(path, first.line, f"unknown language {lid!r} (one of {', '.join(lang_ids)})")
                continue
            if lid in langs:
                err.add(path, first.line, f"language {lid} described twice")
                continue
            info = {"line": first.line}
            for f in st.fields[1:]:
                if f.name not in LANG_FIELDS:
                    err.add(path, f.line, f"unknown field {f.name} in a Lang stanza")
                elif f.name in info:
                    err.add(path, f.line, f"field {f.name} given twice in one stanza")
                else:
                    info[f.name] = " ".join([f.value] + [t for _, t in f.cont if t]).strip()
            for name in LANG_FIELDS:
                if not info.get(name):
                    err.add(path, first.line, f"missing field {name}")
            langs[lid] = info
            continue
        if first.name != "Code":
            err.add(path, first.line, "a stanza starts with Code: or Lang:")
            continue
        if not re.fullmatch(r"[1-5][0-9]{2}", first.value):
            err.add(path, first.line, f"code must be three digits 100-599, got {first.value!r}")
            continue
        code = int(first.value)
        if code in table:
            err.add(path, first.line, f"code {code} already listed at {path}:{table[code][0]}")
            continue
        if registered and code not in registered:
            err.add(path, first.line, f"code {code} is not a registered code of the table")
        rows, given = [], set()
        for f in st.fields[1:]:
            if f.name not in by_field:
                err.add(path, f.line, f"unknown field {f.name} (languages: {', '.join(by_field)})")
                continue
            if f.name in given:
                err.add(path, f.line, f"field {f.name} given twice in one entry")
                continue
            given.add(f.name)
            lid, _, shape, _ = by_field[f.name]
            values = ([(f.line, f.value)] if f.value else []) + [(ln, t) for ln, t in f.cont]
            if not values:
                err.add(path, f.line, f"{f.name}: give a name, or '-' when the library has none")
                continue
            names = []
            for ln, text in values:
                m = VALUE_RE.match(text)
                if not m:
                    err.add(path, ln, f"{f.name}: expected 'NAME [note]…', got {text[:40]!r}")
                    continue
                name, tags = m.group(1), parse_tags(m.group(2), path, ln, err)
                c = Constant(lid, None if name == "-" else name, tags, ln)
                if c.name is None:
                    if len(values) > 1:
                        err.add(path, ln, f"{f.name}: '-' must stand alone")
                    if tags:
                        err.add(path, ln, f"{f.name}: '-' takes no note (a name the library "
                                          f"dropped is written NAME [removed in V])")
                else:
                    if not re.match(shape, name):
                        err.add(path, ln, f"{f.name} name {name!r} is not {SHAPE_WORDS[lid]}")
                    if c.has("removed in") and not names and len(values) > 1:
                        err.add(path, ln, f"{f.name}: the main name is current; a dropped one "
                                          f"[removed in …] follows it")
                    key = (lid, name)
                    if key in seen_names:
                        err.add(path, ln, f"{f.name} name {name} already given for {seen_names[key]}")
                    else:
                        seen_names[key] = code
                names.append(c)
            if names and names[0].name and names[0].has("alias"):
                err.add(path, names[0].line, f"{f.name}: the first name is the main one, not an [alias]")
            for c in names[1:]:
                if c.name and not (c.has("alias") or c.has("deprecated") or c.has("old name") or
                                   c.has("removed in")):
                    err.add(path, c.line, f"{f.name}: a second name needs [alias], [deprecated…], "
                                          f"[old name] or [removed in …]")
            rows.extend(names)
        for field in by_field:
            if field not in given:
                err.add(path, st.line, f"missing field {field} (use '-' when the library has none)")
        if code in registered:
            check_old_names(registered[code], rows, path, err)
        table[code] = (st.line, rows)
    for lid in lang_ids:
        if lid not in langs:
            err.add(path, 1, f"no Lang stanza for {lid}")
    for code in sorted(registered):
        if code not in table:
            err.add(path, 1, f"registered code {code} has no stanza")
    order = {l: i for i, l in enumerate(lang_ids)}
    out = {}
    for code, (_, rows) in table.items():
        out[code] = sorted(rows, key=lambda c: order[c.lang])   # stable: keeps the order within a language
    return langs, out


def check_old_names(entry, rows, path, err):
    """[old name] exactly where a name spells one of the code's former phrases (Aliases-En), not the current one.

    Codes that RFC 9110 keeps as "(Unused)" (306, 418) have no current name to compare with: not checked."""
    if entry.get("status") == "unused":
        return
    phrase = words_of_phrase(entry["Phrase"])
    former = {words_of_phrase(a) for a in entry.get("aliases_en", [])} - {phrase}
    for c in rows:
        if not c.name:
            continue
        w = words_of(c.lang, c.name)
        if w in former and not c.has("old name"):
            err.add(path, c.line, f"{c.name} spells a former name of {entry['code']} ({w}): mark it [old name]")
        if w == phrase and c.has("old name"):
            err.add(path, c.line, f"{c.name} spells the current phrase {entry['Phrase']!r}: not an [old name]")


# ---------------------------------------------------------------------------
# Examples: HTTP/1.1 message syntax (RFC 9112) and a few semantic rules of RFC 9110

TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
REQUEST_LINE = re.compile(r"^(" + TOKEN + r") (\S+) HTTP/1\.1$")
STATUS_LINE = re.compile(r"^HTTP/1\.1 ([1-5][0-9]{2}) ([\t -~]*)$")
FIELD_LINE = re.compile(r"^(" + TOKEN + r"):(?: ([!-~](?:[ \t!-~]*[!-~])?))?$")
ELIDED = re.compile(r"^\[([0-9]+) bytes(?:: [^\[\]]+)?\]$")
ORIGIN_FORM = re.compile(r"^/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$")
ABSOLUTE_FORM = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$")
AUTHORITY_FORM = re.compile(r"^[A-Za-z0-9.-]+:[0-9]+$")
IMF_FIXDATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                         r" ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()


class Message:
    def __init__(self, kind, line, lines):
        self.kind, self.line = kind, line       # "Request" / "Response", line of the field
        self.lines = lines                      # [(line, text)]; "" separates head and body
        self.fields = []                        # [(line, lower name, value)]
        self.body = None                        # [(line, text)] or None when no body is shown
        self.code = None
        self.method = None

    def field(self, name):
        return [v for _, n, v in self.fields if n == name]

    def text(self):
        return "\n".join(t for _, t in self.lines)


def check_date(path, line, value, err):
    m = IMF_FIXDATE.match(value)
    if not m:
        err.add(path, line, f"Date {value!r} is not an IMF-fixdate (RFC 9110 §5.6.7)")
        return
    wd, dd, mon, yyyy, hh, mi, ss = m.groups()
    try:
        d = datetime.datetime(int(yyyy), MONTHS.index(mon) + 1, int(dd), int(hh), int(mi), int(ss))
    except ValueError:
        err.add(path, line, f"Date {value!r} is not a real time")
        return
    if DAYS[d.weekday()] != wd:
        err.add(path, line, f"Date {value!r}: that day is a {DAYS[d.weekday()]}")


def parse_message(m, path, err):
    """Syntax of one message head (RFC 9112 §2-§5) and its framing (§6). False when unusable."""
    if not m.lines:
        err.add(path, m.line, f"{m.kind} is empty")
        return False
    ln, start = m.lines[0]
    if m.kind == "Request":
        r = REQUEST_LINE.match(start)
        if not r:
            err.add(path, ln, f"not a request line 'METHOD target HTTP/1.1': {start[:50]!r}")
            return False
        m.method, target = r.group(1), r.group(2)
        if not m.method.isupper():
            err.add(path, ln, f"method {m.method} is not upper case")
        ok = (ORIGIN_FORM.match(target) or ABSOLUTE_FORM.match(target)
              or (m.method == "CONNECT" and AUTHORITY_FORM.match(target))
              or (m.method == "OPTIONS" and target == "*"))
        if not ok or (m.method == "CONNECT") != bool(AUTHORITY_FORM.match(target)):
            err.add(path, ln, f"request target {target!r} is not a valid form for {m.method} (RFC 9112 §3.2)")
    else:
        s = STATUS_LINE.match(start)
        if not s:
            err.add(path, ln, f"not a status line 'HTTP/1.1 NNN Reason': {start[:50]!r}")
            return False
        m.code, m.reason = int(s.group(1)), s.group(2)
    i = 1
    while i < len(m.lines) and m.lines[i][1] != "":
        ln, text = m.lines[i]
        if text.startswith((" ", "\t")):
            err.add(path, ln, "obsolete line folding (RFC 9112 §5.2)")
        else:
            f = FIELD_LINE.match(text)
            if not f:
                err.add(path, ln, f"not a field line 'Name: value': {text[:50]!r}")
            else:
                m.fields.append((ln, f.group(1).lower(), f.group(2) or ""))
        i += 1
    if i < len(m.lines):
        m.body = m.lines[i + 1:]
    return True


def body_length(m, path, err):
    """Bytes of a shown body: lines joined with LF; a line '[N bytes]' stands for N bytes."""
    n = 0
    for k, (ln, text) in enumerate(m.body):
        e = ELIDED.match(text)
        n += int(e.group(1)) if e else len(text.encode("utf-8"))
        if k:
            n += 1
    return n


def check_chunked(m, path, err):
    """Body lines: size, data, size, data, …, '0', [trailer fields], '' (RFC 9112 §7.1)."""
    lines, k = m.body, 0
    while True:
        if k >= len(lines):
            err.add(path, m.line, "chunked body ends without the last chunk '0'")
            return
        ln, size = lines[k]
        if not re.fullmatch(r"[0-9A-Fa-f]+", size):
            err.add(path, ln, f"chunk size {size!r} is not hexadecimal")
            return
        k += 1
        if int(size, 16) == 0:
            break
        if k >= len(lines):
            err.add(path, ln, "chunk data missing")
            return
        dl, data = lines[k]
        e = ELIDED.match(data)
        got = int(e.group(1)) if e else len(data.encode("utf-8"))
        if got != int(size, 16):
            err.add(path, dl, f"chunk of {got} bytes announced as {int(size, 16)} (0x{size})")
        k += 1
    while k < len(lines) and lines[k][1] != "":
        if not FIELD_LINE.match(lines[k][1]):
            err.add(path, lines[k][0], "not a trailer field line")
        k += 1
    if k >= len(lines):
        err.add(path, lines[-1][0], "chunked body must end with an empty line (' .')")
    elif k != len(lines) - 1:
        err.add(path, lines[k + 1][0], "text after the end of the chunked body")


def check_framing(m, request, path, err):
    """Content-Length / Transfer-Encoding against the body that is shown (RFC 9110 §8.6, RFC 9112 §6)."""
    cl, te = m.field("content-length"), m.field("transfer-encoding")
    line_of = {n: ln for ln, n, _ in m.fields}
    if len(cl) > 1:
        err.add(path, line_of["content-length"], "Content-Length given twice")
    if cl and not re.fullmatch(r"[0-9]+", cl[0]):
        err.add(path, line_of["content-length"], f"Content-Length {cl[0]!r} is not a number")
        return
    if cl and te:
        err.add(path, line_of["content-length"], "Content-Length together with Transfer-Encoding (RFC 9112 §6.1)")
    if te and te[-1].lower() != "chunked":
        err.add(path, line_of["transfer-encoding"], "only 'Transfer-Encoding: chunked' is supported here")
        te = []
    shown = m.body is not None and any(t for _, t in m.body)
    if m.kind == "Response":
        no_body = (m.code < 200 or m.code in (204, 205, 304)
                   or (request is not None and request.method == "HEAD"))
        if (m.code < 200 or m.code == 204) and (cl or te):
            err.add(path, m.line, f"a {m.code} response carries no Content-Length or Transfer-Encoding"
                    " (RFC 9110 §8.6, RFC 9112 §6.1)")
        if no_body:
            if shown:
                err.add(path, m.body[0][0], f"a {m.code} response"
                        f"{' to HEAD' if m.code >= 200 and m.code not in (204, 304) else ''} has no content")
            return
    if te:
        if not shown:
            if m.kind == "Request" and m.field("expect"):
                return
            err.add(path, m.line, "chunked message without its body")
            return
        check_chunked(m, path, err)
    elif cl:
        n = int(cl[0])
        if not shown:
            if n and not (m.kind == "Request" and [v for v in m.field("expect") if v.lower() == "100-continue"]):
                err.add(path, line_of["content-length"], f"Content-Length {n} but no content shown"
                        " (show it, or '[N bytes]')")
            return
        got = body_length(m, path, err)
        if got != n:
            err.add(path, line_of["content-length"], f"Content-Length {n} but the content shown has {got} bytes")
        cr = m.field("content-range")
        r = re.fullmatch(r"bytes ([0-9]+)-([0-9]+)/([0-9]+|\*)", cr[0]) if cr else None
        if m.kind == "Response" and m.code == 206 and r:
            first, last = int(r.group(1)), int(r.group(2))
            total = None if r.group(3) == "*" else int(r.group(3))
            if last < first or (total is not None and last >= total) or last - first + 1 != n:
                err.add(path, line_of["content-range"], f"Content-Range {cr[0]!r} does not fit"
                        f" Content-Length {n} (RFC 9110 §14.4)")
    elif shown:
        err.add(path, m.body[0][0], "content without Content-Length or Transfer-Encoding")
    if shown and not m.field("content-type"):
        err.add(path, m.line, "content without Content-Type")


def load_examples(path, entries, err):
    """Returns {code: text}; checks every exchange against its table entry."""
    registered = {e["code"]: e for e in entries if not e.get("vendor")}
    out, where = {}, {}
    for st in read_stanzas(path, err):
        first = st.fields[0]
        if first.name != "Code" or not re.fullmatch(r"[1-5][0-9]{2}", first.value):
            err.add(path, first.line, "an example starts with 'Code: NNN'")
            continue
        code = int(first.value)
        if code in where:
            err.add(path, first.line, f"code {code} already has an example at {path}:{where[code]}")
            continue
        where[code] = first.line
        entry = registered.get(code)
        if registered and entry is None:
            err.add(path, first.line, f"code {code} is not a registered code of the table")
        msgs = []
        for f in st.fields[1:]:
            if f.name not in ("Request", "Response"):
                err.add(path, f.line, f"unknown field {f.name} (Request: or Response:)")
                continue
            if f.value:
                err.add(path, f.line, f"{f.name}: the message starts on the next line")
            m = Message(f.name, f.line, f.cont)
            if parse_message(m, path, err):
                msgs.append(m)
        if not msgs:
            err.add(path, first.line, "an example needs a request and a response")
            continue
        check_exchange(code, entry, msgs, path, first.line, err)
        out[code] = "\n\n".join(m.text() for m in msgs)
    for code, e in sorted(registered.items()):
        if code not in out and code not in where and e.get("status") != "unused":
            err.add(path, 1, f"registered code {code} has no example")
    return out


def check_exchange(code, entry, msgs, path, line, err):
    request, final_seen, switched = None, True, False
    for m in msgs:
        if switched:
            err.add(path, m.line, "nothing in HTTP/1.1 follows a 101 response")
            break
        if m.kind == "Request":
            if not final_seen:
                err.add(path, m.line, "the previous request has no final response")
            request, final_seen = m, False
            hosts = m.field("host")
            if len(hosts) != 1:
                err.add(path, m.line, "an HTTP/1.1 request has exactly one Host field (RFC 9112 §3.2)")
            check_framing(m, None, path, err)
            continue
        if request is None or final_seen:
            err.add(path, m.line, "a response must answer a request")
        if m.code >= 200 or m.code == 101:
            final_seen = True
        switched = m.code == 101
        if 200 <= m.code < 500 and not m.field("date"):
            err.add(path, m.line, f"a {m.code} response from an origin server has a Date (RFC 9110 §6.6.1)")
        for ln, n, v in m.fields:
            if n == "date":
                check_date(path, ln, v, err)
        check_framing(m, request, path, err)
    if not final_seen:
        err.add(path, msgs[-1].line, "the last request has no final response")
    if entry is None:
        return
    mine = [(m.lines[0][0], m.reason) for m in msgs if m.kind == "Response" and m.code == code]
    if not mine:
        # WebDAV codes that live inside a 207 body (208, 424): <status>HTTP/1.1 208 …</status>
        for m in msgs:
            for ln, text in (m.body or []) if m.kind == "Response" and m.code == 207 else []:
                for c, reason in re.findall(r"HTTP/1\.1 ([0-9]{3}) ([^<]*)", text):
                    if int(c) == code:
                        mine.append((ln, reason))
    if not mine:
        err.add(path, line, f"no response in the example has status {code}")
    for ln, reason in mine:
        if reason != entry["Phrase"]:
            err.add(path, ln, f"status line says {reason!r}; the table's phrase is {entry['Phrase']!r}")
    present = {n for m in msgs for _, n, _ in m.fields}
    for h in entry.get("headers", []):
        if h.lower() not in present:
            err.add(path, line, f"header {h} (from the entry's Headers) does not appear in the example")


# ---------------------------------------------------------------------------

def c_str(s):
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0x20 <= b < 0x7F and ch != "?":
            out.append(ch)
        else:
            out.append(f"\\{b:03o}")
    out.append('"')
    return "".join(out)


class Extras:
    def __init__(self):
        self.langs, self.constants, self.examples = {}, {}, {}

    @classmethod
    def load(cls, paths, entries, err):
        x = cls()
        for p in paths:
            if os.path.basename(p) == CONSTANTS_FILE:
                x.langs, x.constants = load_constants(p, entries, err)
            elif os.path.basename(p) == EXAMPLES_FILE:
                x.examples = load_examples(p, entries, err)
        return x

    def shared_strings(self):
        """Every constant's name, sorted (the look-up by spelling reads
        them all, src/constname.c), for the pool to keep together."""
        return sorted({c.name for rows in self.constants.values() for c in rows if c.name})

    def lang_strings(self):
        """What every code's rows share: the languages (c_tables), which
        lang_ref places."""
        out = []
        for lid, _, _, spelling in LANGS:
            i = self.langs.get(lid)
            if i is not None:
                out += [lid, i['Label'], i['Library'], i['Version'], i['Source'],
                        spelling.format('')]
        return [s for s in out if s is not None]

    def entry_strings(self, e):
        """The other strings entry e's page shows (its constants' rows and
        its example), in the order c_arrays and c_fields use them."""
        if e.get("vendor"):
            return []
        spell = {l[0]: l[3] for l in LANGS}
        out = []
        for c in self.constants.get(e["code"], []):
            out += [c.name, spell[c.lang].format(c.name) if c.name else None,
                    c.note(0) or None, c.note(1) or None]
        out.append(self.examples.get(e["code"]))
        return [s for s in out if s is not None]

    def c_arrays(self, ref, lang_ref):
        """Every code's rows in one array, hc_constant_rows (an entry names
        its first row and their number); ref(s) is s as an hc_sref (a
        gen_table.Pool's ref, None as 0), lang_ref(s) for a row's language."""
        o = ["const struct hc_constant hc_constant_rows[] = {"]
        spell = {l[0]: l[3] for l in LANGS}
        self.first_row = {}
        n = 0
        for code, rows in sorted(self.constants.items()):
            self.first_row[code] = n
            for c in rows:
                spelled = spell[c.lang].format(c.name) if c.name else None
                o.append(f"\t{{ {lang_ref(c.lang)}, {ref(c.name)}, {ref(spelled)}, {ref(c.note(0) or None)},"
                         f" {ref(c.note(1) or None)} }}, /* {code} */")
                n += 1
        if not n:
            o.append("\t{ 0, 0, 0, 0, 0 },")
        o.append("};")
        if n > 0xffff:
            raise ValueError("over 65535 constant rows: struct hc_entry.constants is 16 bits")
        return o

    def c_fields(self, e, ref):
        if e.get("vendor"):
            return []
        o = []
        if e["code"] in self.constants:
            o.append(f"\t\t.constants = {self.first_row[e['code']]},"
                     f" .n_constants = {len(self.constants[e['code']])},")
        if e["code"] in self.examples:
            o.append(f"\t\t.example = {ref(self.examples[e['code']])},")
        return o

    def c_tables(self, ref, lang_ref):
        o = ["const struct hc_code_lang hc_code_langs[] = {"]
        for lid, field, _, spelling in LANGS:
            i = self.langs.get(lid)
            if i is None:
                continue
            o.append(f"\t{{ {lang_ref(lid)}, {lang_ref(i['Label'])}, {lang_ref(i['Library'])},"
                     f" {lang_ref(i['Version'])}, {lang_ref(i['Source'])},"
                     f" {lang_ref(spelling.format(''))} }},")
        if not self.langs:
            o.append("\t{ 0, 0, 0, 0, 0, 0 },")
        o.append("};")
        o.append(f"const size_t hc_code_langs_len = {len(self.langs)};")
        # Every name, sorted as strcmp() orders them (the names are ASCII), for
        # the look-up by a constant's spelling (src/constname.c).
        names = sorted((c.name, code, i) for code, rows in self.constants.items()
                       for i, c in enumerate(rows) if c.name)
        o.append("const struct hc_constant_ref hc_constant_names[] = {")
        for name, code, i in names:
            o.append(f"\t{{ {ref(name)}, {code}, {self.first_row[code] + i} }},")
        if not names:
            o.append("\t{ 0, 0, 0 },")
        o.append("};")
        o.append(f"const size_t hc_constant_names_len = {len(names)};")
        return o
