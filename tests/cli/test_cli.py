#!/usr/bin/env python3
"""One-shot CLI tests: output formats, exit statuses and bad input (TAP).

usage: test_cli.py HTTPCODES DATA_DIR VERSION

Expectations are written by hand from the table source (data/*.txt), which is
also parsed here independently of the program to count entries.
"""

import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, skip  # noqa: E402

BIN, DATA, VERSION = sys.argv[1:4]


def run(*args, env=None, lang="C.UTF-8", input_bytes=None):
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": lang, "LC_ALL": lang}
    e.update(env or {})
    p = subprocess.run([BIN, *args], env=e, capture_output=True, timeout=20,
                       stdin=subprocess.DEVNULL if input_bytes is None else None, input=input_bytes)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p



def table_codes():
    """The code of every entry in the data files, read with the generator's
    own parser (data/gen_table.py), not parsed again here."""
    sys.path.insert(0, DATA)
    import gen_table
    entries, _ = gen_table.load_dir(DATA)
    return sorted(e["code"] for e in entries)


codes = table_codes()

# -- a single code prints the whole entry
rc, out, err, _ = run("404")
check("404 exits 0", rc == 0, err)
check("404 shows code and phrase", out.startswith("404 Not Found"), out[:200])
check("404 shows the reference", "RFC 9110 §15.5.5" in out, out)
check("404 shows cacheability", "\nCacheable: yes (heuristically, RFC 9110 §15.1)\n" in out, out)
check("404 shows see-also 410", re.search(r"^  410 Gone ", out, re.M), out)
check("404 shows description and note headings",
      "\nDescription\n" in out and "\nIn practice\n" in out, out)
check("404 in English only by default", "찾을" not in out, out)
check("404 wrapped to 80 columns when piped", max(len(l) for l in out.splitlines()) <= 80, out)

rc, out, err, _ = run("499")
check("499 prints every meaning", rc == 0 and "[nginx]" in out and "[Esri" in out, out[:400])
check("499: nginx's meaning before Esri's (vendors by how often people meet them)",
      rc == 0 and out.startswith("499 Client Closed Request [nginx]\n"), out[:100])
rc, out, err, _ = run("419")
check("419: Laravel's Page Expired first", rc == 0 and out.startswith("419 Page Expired [Laravel]\n"), out[:100])

# -- patterns list one entry per line, beginning with the code
rc, out, err, _ = run("4xx")
lines = out.splitlines()
check("4xx exits 0", rc == 0, err)
check("4xx lists every 4xx entry", len(lines) == sum(1 for c in codes if c // 100 == 4),
      f"{len(lines)} lines")
check("4xx lines are --list rows of 4xx codes (TSV when piped)",
      all(re.match(r"^4\d\d\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*$", l) for l in lines), out[:300])
rc, out, _, _ = run("40x")
check("40x gives 400-409", rc == 0 and {int(l[:3]) for l in out.splitlines()} ==
      {c for c in codes if 400 <= c <= 409}, out)
rc, out, _, _ = run("5?3")
check("5?3 gives 503 and 523", rc == 0 and {int(l[:3]) for l in out.splitlines()} ==
      {c for c in codes if c // 100 == 5 and c % 10 == 3}, out)
rc, out, _, _ = run("4XX")
check("4XX is the same as 4xx", rc == 0 and len(out.splitlines()) == len(lines))

# -- --search: a code or pattern is a word, looked for in the text
rc, out, err, _ = run("--search", "404")
lines = out.splitlines()
check("--search 404 lists the entries whose text says 404 (410 Gone among them)",
      rc == 0 and len(lines) > 1 and all(re.match(r"^\d{3}(\.\d+)?\t", l) for l in lines)
      and any(l.startswith("410\tGone\t") for l in lines), out[:300])
check("--search 404 is not the code: no full entry printed", "\nDescription\n" not in out, out[:300])
rc, out, err, _ = run("-s", "5?3")
check("--search 5?3 is not a pattern: nothing matches, exit 1",
      rc == 1 and out == "" and "nothing matches" in err, (rc, out[:200], err))

# -- --list: five tab-separated columns, code order, no header
rc, out, err, _ = run("--list")
rows = [l.split("\t") for l in out.splitlines()]
check("--list exits 0", rc == 0, err)
check("--list has one row per entry", len(rows) == len(codes), f"{len(rows)} vs {len(codes)}")
check("--list rows have five columns", all(len(r) == 5 for r in rows))
check("--list is in code order", [int(r[0]) for r in rows] == codes)
check("--list 404 row", ["404", "Not Found", "찾을 수 없음", "standard", "RFC 9110 §15.5.5"] in rows)
check("--list 413 uses the RFC 9110 name", any(r[0] == "413" and r[1] == "Content Too Large" for r in rows))
check("--list 305 is deprecated", any(r[0] == "305" and r[3] == "deprecated" for r in rows))
rc2, out2, _, _ = run()
check("no arguments, piped: prints --list", rc2 == 0 and out2 == out)

# -- JSON
rc, out, err, _ = run("--json", "404")
try:
    data = json.loads(out)
except ValueError as e:
    data = None
check("--json 404 is valid JSON", isinstance(data, list) and len(data) == 1, out[:300])
want = {"code", "phrase_en", "name_ko", "status", "vendor", "reference", "cacheable", "aliases_en",
        "aliases_ko", "headers", "see_also", "summary_en", "summary_ko", "description_en",
        "description_ko", "note_en", "note_ko", "keywords_en", "keywords_ko", "facts", "links",
        "constants", "example"}
check("--json has every field", data and set(data[0]) == want, data and sorted(data[0]))
check("--json values", data and data[0]["code"] == 404 and data[0]["name_ko"] == "찾을 수 없음"
      and data[0]["cacheable"] is True and data[0]["vendor"] is None)
check("--json writes Korean as UTF-8, not \\u escapes", '"name_ko": "찾을 수 없음"' in out, out[:300])
if shutil.which("jq"):
    p = subprocess.run(["jq", "."], input=out.encode(), capture_output=True)
    check("--json is byte for byte what jq writes", p.returncode == 0 and p.stdout == out.encode(),
          p.stdout[:200])
else:
    skip("--json is byte for byte what jq writes", "jq not installed")
rc, out, err, p = run("--json", "zzzqqq")
check("--json with nothing found prints [] and exits 1", rc == 1 and out == "[]\n"
      and "nothing matches" in err, (rc, out, err))
# Machine formats: the same UTF-8 bytes in every locale.
for args in (["--list"], ["--json", "4xx"], ["--list", "--json"]):
    ref = run(*args)[3].stdout
    for loc in ("C", "POSIX", "ko_KR.EUC-KR"):
        got = run(*args, lang=loc)[3].stdout
        check(f"{' '.join(args)} under LANG={loc} is the C.UTF-8 bytes", got == ref and len(ref) > 1000,
              got[:200])
rc, out, _, _ = run("--list", "--json")
check("--list --json has every entry", rc == 0 and len(json.loads(out)) == len(codes))
rc, out, _, _ = run("--json", "4xx")
check("--json 4xx", rc == 0 and [d["code"] for d in json.loads(out)] == [c for c in codes if c // 100 == 4])

# -- languages
rc, out, _, _ = run("--lang", "ko", "404")
check("--lang ko shows the English phrase, then the Korean name",
      rc == 0 and out.startswith("404 Not Found\n    찾을 수 없음\n"), out[:100])
check("--lang ko labels in Korean, as the browser's", "\n상태: 표준\n" in out and "\n근거: RFC 9110 §15.5.5\n" in out
      and "\n실무 참고\n" in out and "\n함께 볼 코드\n" in out, out)
check("--lang ko has no English description heading", "\nDescription\n" not in out and "\n설명\n" in out)
rc, out, _, _ = run("404", env={"HTTPCODES_LANG": "both"})
check("HTTPCODES_LANG=both shows both", rc == 0 and out.startswith("404 Not Found\n    찾을 수 없음\n"), out[:100])
rc, out, _, _ = run("404", lang="ko_KR.UTF-8")
if "ko_KR.utf8" in subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split():
    check("Korean locale defaults to both", rc == 0 and out.startswith("404 Not Found\n    찾을 수 없음\n"), out[:100])
else:
    skip("Korean locale defaults to both", "ko_KR.UTF-8 locale not installed")
rc, out, err, p = run("--lang", "ko", "404", lang="C")
check("--lang ko under LANG=C falls back to English with a reason",
      rc == 0 and out.startswith("404 Not Found") and "cannot show Korean" in err, err)
check("LANG=C output is ASCII", all(b < 128 for b in p.stdout), out[:200])
check("LANG=C spells § in ASCII as the browser does", "RFC 9110 sec.15.5.5" in out, out)

locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
if "ko_KR.euckr" in locales:
    rc, out, err, p = run("404", lang="ko_KR.EUC-KR")
    text = p.stdout.decode("euc-kr", "replace")
    check("EUC-KR locale prints Korean in EUC-KR", rc == 0 and "찾을 수 없음" in text and
          "찾을 수 없음".encode("euc-kr") in p.stdout, text[:100])
    e = {"PATH": "/usr/bin:/bin", "LANG": "ko_KR.EUC-KR", "LC_ALL": "ko_KR.EUC-KR"}
    p = subprocess.run([BIN.encode(), "찾을".encode("euc-kr")], env=e, capture_output=True, timeout=20)
    check("EUC-KR query is understood", p.returncode == 0 and
          p.stdout.startswith(b"404\t"), p.stdout[:100] + p.stderr)
    p = subprocess.run([BIN.encode(), "갉갉갉".encode("euc-kr")], env=e, capture_output=True, timeout=20)
    check("EUC-KR query that matches nothing is echoed in EUC-KR", p.returncode == 1 and
          "'갉갉갉'".encode("euc-kr") in p.stderr, p.stderr)
else:
    for name in ("EUC-KR output", "EUC-KR query", "EUC-KR query echoed"):
        skip(name, "ko_KR.EUC-KR locale not installed")
rc, out, err, p = run("시간초과", lang="C")
check("UTF-8 query under LANG=C is still searched (a list: TSV rows, UTF-8 as --list)",
      rc == 0 and re.search(r"^408\t", out, re.M), out + err)

# -- colour only on a terminal: never when piped
rc, out, _, _ = run("404", env={"TERM": "xterm-256color"})
check("piped output has no escape sequences", "\x1b" not in out)



def run_tty(*args, extra=None):
    """Run with stdout on a pty (stdin stays /dev/null: no browser). TERM=""
    in extra leaves TERM unset."""
    import pty
    master, slave = pty.openpty()
    e = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    e.update(extra or {})
    if e.get("TERM") == "":
        del e["TERM"]
    p = subprocess.Popen([BIN, *args], env=e, stdin=subprocess.DEVNULL, stdout=slave,
                         stderr=subprocess.PIPE)
    os.close(slave)
    chunks = []
    while True:
        try:
            b = os.read(master, 65536)
        except OSError:
            break
        if not b:
            break
        chunks.append(b)
    p.wait(timeout=20)
    os.close(master)
    return p.returncode, b"".join(chunks)


rc, out = run_tty("404")
check("colour on a terminal", rc == 0 and b"\x1b[" in out and b"404" in out, out[:120])
rc, out = run_tty("404", extra={"NO_COLOR": "1"})
check("no colour on a terminal with NO_COLOR", rc == 0 and b"\x1b" not in out and b"404 Not Found" in out,
      out[:120])
rc, out = run_tty("4xx")
check("a list on a terminal is coloured too", rc == 0 and b"\x1b[" in out)
# Colour only where terminfo says the terminal has colours (issue 19.5).
for term in ("dumb", "vt52", "xterm-mono", None):
    rc, out = run_tty("404", extra={"TERM": term} if term else {"TERM": ""})
    check(f"no colour on a tty with TERM={term or '(unset)'}", rc == 0 and b"\x1b" not in out
          and b"404 Not Found" in out, out[:120])
rc, out = run_tty("404", extra={"TERM": "xterm-mono", "NO_COLOR": ""})
check("an empty NO_COLOR does not turn colour on for a mono terminal", b"\x1b" not in out, out[:120])

# -- unassigned codes (issue 14.6): the class's x00, per RFC 9110 §15; exit 1
rc, out, err, _ = run("427")
check("427 says it is unassigned and treated as 400", rc == 1 and out.startswith("427 (unassigned)\n")
      and "400 Bad Request" in out and "RFC 9110 §15)" in out and err == "", (rc, out, err))
rc, out, err, _ = run("--lang", "ko", "209")
check("209 in Korean: treated as 200 OK(성공)", rc == 1 and out.startswith("209 (미할당)\n")
      and "200 OK(성공)처럼" in out.replace("\n  ", ""), (rc, out, err))
rc, out, err, _ = run("--json", "427")
check("--json 427 prints [] and says why on stderr", rc == 1 and out == "[]\n" and
      "427 is not assigned" in err and "400 Bad Request" in err, (rc, out, err))

# -- several codes, and codes on standard input (issue 14.7)
rc, out, err, _ = run("404", "500", "502")
check("404 500 502 prints each in full", rc == 0 and out.startswith("404 Not Found\n") and
      "\n\n500 Internal Server Error\n" in out and "\n\n502 Bad Gateway\n" in out, (rc, out[:200], err))
rc, out, err, _ = run("--json", "404", "5?3")
check("--json 404 5?3: one array", rc == 0 and [d["code"] for d in json.loads(out)] ==
      [404] + [c for c in codes if c // 100 == 5 and c % 10 == 3], out[:200])
rc, out, err, _ = run(input_bytes=b"200\n404\n\n")
check("codes on stdin, one a line: a --list row each", rc == 0 and
      [l.split("\t")[:2] for l in out.splitlines()] == [["200", "OK"], ["404", "Not Found"]], (rc, out, err))
rc, out, err, _ = run(input_bytes=b"404\n427\n")
check("stdin with an unassigned code: the others printed, a message, exit 1", rc == 1 and
      out.startswith("404\tNot Found\t") and out.count("\n") == 1 and "427 is not assigned" in err, (rc, out, err))
rc, out, err, _ = run("--json", input_bytes=b" 301 \r\n302\n")
check("codes on stdin with --json", rc == 0 and [d["code"] for d in json.loads(out)] == [301, 302], out[:100])

# -- punctuation around a code (issue 14.9)
for q in ("404.", "404,", "(404)", "'404'", '"404"', "404:"):
    rc, out, err, _ = run(q)
    check(f"{q} is the code 404", rc == 0 and out.startswith("404 Not Found\n") and "410" not in out[:20],
          (rc, out[:80], err))

# -- odd queries get clear answers (issue 14.18)
# ("0" is a browser script's status and 999 LinkedIn's: extra.h, tests/cli/test_extra.py)
for q in ("600", "1234", "99"):
    rc, out, err, _ = run(q)
    check(f"{q}: no list, says codes run from 100 to 599", rc == 1 and out == "" and
          "status codes run from 100 to 599" in err, (rc, out[:80], err))
rc, out, err, _ = run("--", "-1")
check("-- -1: not a code, no entry printed", rc == 1 and out == "" and "100 to 599" in err, (rc, out[:80], err))
rc, out, err, _ = run("*")
check("*: neither a code, a pattern nor a word", rc == 1 and out == "" and
      "is not a code, a pattern or a word" in err, (rc, out[:80], err))
rc, out, err, _ = run("4x")
check("4x lists the 4xx codes", rc == 0 and [int(l[:3]) for l in out.splitlines()] ==
      [c for c in codes if c // 100 == 4], out[:200])

# -- exit statuses and messages
rc, out, err, _ = run("699")
check("699 exits 1", rc == 1 and out == "", err)
check("699 says so on one line", err.count("\n") == 1 and "nothing matches" in err, err)
rc, out, err, _ = run("a" + "갉" * 30)
check("a long query that matches nothing is cut on a character boundary",
      rc == 1 and "\ufffd" not in err and "a" + "갉" * 19 + "...'" in err, err)
rc, out, err, _ = run("600")
check("600 exits 1", rc == 1, err)
rc, out, err, _ = run("--frob")
check("unknown option exits 2 with one line", rc == 2 and err.count("\n") == 1 and "--frob" in err, err)
rc, out, err, _ = run("--lang", "xx", "404")
check("bad --lang exits 2", rc == 2 and "--lang" in err, err)
rc, out, err, _ = run("404", env={"HTTPCODES_LANG": "zz"})
check("bad HTTPCODES_LANG exits 2", rc == 2, err)
rc, out, err, _ = run("--help")
check("--help exits 0 and lists the options", rc == 0 and all(
    o in out for o in ("--interactive", "--search", "--list", "--json", "--lang", "--help", "--version")), out)
rc, out, err, _ = run("--version")
check("--version prints the meson version", rc == 0 and out == f"httpcodes {VERSION}\n", out)

# -- --help and --version when standard output fails (issue 19.7)
for opt in ("--help", "--version"):
    with open("/dev/full", "wb") as full:
        p = subprocess.run([BIN, opt], stdout=full, stderr=subprocess.PIPE, timeout=20)
    check(f"{opt} into /dev/full: exit 2 and one line on stderr", p.returncode == 2 and
          p.stderr.count(b"\n") == 1 and b"write error" in p.stderr, (p.returncode, p.stderr))
    p = subprocess.run(["/bin/sh", "-c", f'exec "$0" {opt} >&-', BIN], stderr=subprocess.PIPE,
                       timeout=20)
    check(f"{opt} with stdout closed: exit 2 and one line on stderr", p.returncode == 2 and
          p.stderr.count(b"\n") == 1 and b"write error" in p.stderr, (p.returncode, p.stderr))

# -- invisible characters: shown in messages, ignored in queries (issue 19.9)
for name, ch in (("U+202E", "\u202e"), ("U+2028", "\u2028"), ("ZWJ", "\u200d"), ("BOM", "\ufeff")):
    rc, out, err, p = run("--frob" + ch + "x")
    check(f"{name} in an unknown option is shown as <U+...>, not raw",
          rc == 2 and ch.encode() not in p.stderr and b"<U+" in p.stderr, p.stderr)
rc, out, err, _ = run("time\u200dout")
check("time<ZWJ>out finds 408 as timeout does", rc == 0 and re.search(r"^408\t", out, re.M), (rc, out[:200], err))
rc, out, err, _ = run("\ufeff404")
check("<BOM>404 is the code 404", rc == 0 and out.startswith("404 Not Found\n"), (rc, out[:100], err))
rc, out, err, _ = run("4\u200b04")
check("4<ZWSP>04 is the code 404", rc == 0 and out.startswith("404 Not Found\n"), (rc, out[:100], err))
for loc in ("C", "ko_KR.EUC-KR"):
    e = {"PATH": "/usr/bin:/bin", "LANG": loc, "LC_ALL": loc}
    p = subprocess.run([BIN.encode(), b"--lang", b"k\xffo", b"404"], env=e, capture_output=True, timeout=20)
    check(f"--lang with an invalid byte under {loc}: no U+FFFD in UTF-8 on stderr",
          p.returncode == 2 and b"\xef\xbf\xbd" not in p.stderr and b"\xff" not in p.stderr
          and b"'k?o'" in p.stderr, p.stderr)

# -- legacy locales other than Korean (issue 19.10)
if "zh_CN.gb18030" in locales:
    e = {"PATH": "/usr/bin:/bin", "LANG": "zh_CN.GB18030", "LC_ALL": "zh_CN.GB18030"}
    p = subprocess.run([BIN.encode(), "찾을 수 없음".encode("gb18030")], env=e, capture_output=True, timeout=20)
    check("GB18030: a Korean query is understood", p.returncode == 0 and
          p.stdout.startswith(b"404 Not Found\n"), p.stdout[:80] + p.stderr)
    p = subprocess.run([BIN, "--lang", "ko", "404"], env=e, capture_output=True, timeout=20)
    check("GB18030: Korean is shown, in GB18030", p.returncode == 0 and b"cannot show" not in p.stderr
          and "찾을 수 없음".encode("gb18030") in p.stdout, p.stdout[:80] + p.stderr)
else:
    skip("GB18030 locale", "zh_CN.GB18030 not installed (.ci/install-deps generates it)")
if "ja_JP.eucjp" in locales:
    e = {"PATH": "/usr/bin:/bin", "LANG": "ja_JP.EUC-JP", "LC_ALL": "ja_JP.EUC-JP"}
    q = "タイムアウト".encode("euc-jp")
    p = subprocess.run([BIN.encode(), q], env=e, capture_output=True, timeout=20)
    check("EUC-JP: a valid query is taken (nothing matches, echoed in EUC-JP)", p.returncode == 1
          and b"nothing matches '" + q + b"'" in p.stderr, p.stderr)
    p = subprocess.run([BIN, "404"], env=e, capture_output=True, timeout=20)
    check("EUC-JP: the section sign in EUC-JP", p.returncode == 0 and
          "§".encode("euc-jp") in p.stdout, p.stdout[:300])
else:
    skip("EUC-JP locale", "ja_JP.EUC-JP not installed (.ci/install-deps generates it)")

# -- hostile input: never echoed raw, never a crash
e = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
for name, arg in (("invalid UTF-8", b"\xff\xfe"), ("escape sequence", b"\x1b[2J\x1b]0;x\x07"),
                  ("C1 control", b"\xc2\x9b2J")):
    p = subprocess.run([BIN.encode(), arg], env=e, capture_output=True, timeout=20)
    check(f"{name} query exits 2", p.returncode == 2, p.stderr)
    check(f"{name} query is not echoed raw",
          b"\x1b" not in p.stdout + p.stderr and b"\x9b" not in p.stderr and p.stderr.count(b"\n") == 1,
          p.stderr)
# One argument is at most 128 KiB on Linux (MAX_ARG_STRLEN): nine make 1 MiB.
p = subprocess.run([BIN] + ["x" * (120 << 10)] * 9, env=e, capture_output=True, timeout=20)
check("1 MiB query exits 2 with a short message", p.returncode == 2 and len(p.stderr) < 200 and
      b"too long" in p.stderr, p.stderr[:200])
p = subprocess.run([BIN, "--" + "\x1b" * 5000], env=e, capture_output=True, timeout=20)
check("huge hostile option exits 2 with a short clean message", p.returncode == 2 and
      len(p.stderr) < 200 and b"\x1b" not in p.stderr, p.stderr[:200])

done()
