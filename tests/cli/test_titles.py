#!/usr/bin/env python3
"""Titles and labels of issue 15 (and issue 14 item 14), as the CLI prints them (TAP).

usage: test_titles.py HTTPCODES DATA_DIR

The CLI's full entry and the browser's detail pane are both built by src/doc.c, and the one-line
list (hc_cli_line) shares its rules with the browser's tree rows, so what is checked here holds in
both. Every expected string is written by hand from the issue's wording and the RFC registry.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import check, done  # noqa: E402
import tabletext  # noqa: E402

BIN, DATA = sys.argv[1:3]


def run(*args):
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
         "COLUMNS": "200"}
    p = subprocess.run([BIN, *args], env=e, capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def head(out):
    """The title and the facts of a full entry: everything before the first section heading."""
    return out.split("\n\n", 1)[0]


def run_tty(*args):
    """stdout on a pty: lists for people (a pipe gets the TSV rows); TERM=dumb, no colour."""
    import pty
    master, slave = pty.openpty()
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
         "TERM": "dumb", "NO_COLOR": "1"}
    p = subprocess.Popen([BIN, *args], env=e, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE)
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
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def line_of(lang, pattern, code):
    out = run_tty("--lang", lang, pattern)
    return next((l for l in out.splitlines() if l.startswith(f"{code}  ")), "")


# --- 418 and 306: one clean title, the former name once, the status once in the language shown ---
WORDS_EN = re.compile(r"\bunused\b", re.I)
for code, former in ((418, "I'm a teapot"), (306, "Switch Proxy")):
    _, en = run("--lang", "en", str(code))
    h = head(en)
    check(f"{code} en: title '(Unused), formerly {former}'",
          h.splitlines()[0] == f"{code} (Unused), formerly {former}", h)
    check(f"{code} en: 'unused' printed once before the summary", len(WORDS_EN.findall(h)) == 1, h)
    check(f"{code} en: the former name printed once before the summary", h.count(former) == 1, h)
    _, ko = run("--lang", "ko", str(code))
    h = head(ko)
    check(f"{code} ko: title '(사용 안 함), 옛 이름 {former}'",
          h.splitlines()[0] == f"{code} (사용 안 함), 옛 이름 {former}", h)
    check(f"{code} ko: no English status word, no 미사용", not WORDS_EN.search(h) and "미사용" not in h, h)
    check(f"{code} ko: 사용 안 함 printed once", h.count("사용 안 함") == 1, h)
    check(f"{code} ko: the former name printed once", h.count(former) == 1, h)
    _, both = run("--lang", "both", str(code))
    check(f"{code} both: no '((Unused))' and no '(unused)'",
          "((" not in both and "(unused)" not in both, head(both))
    pat = f"{code // 100}xx"
    check(f"{code} list line, en", line_of("en", pat, code) == f"{code}  (Unused), formerly {former}",
          line_of("en", pat, code))
    check(f"{code} list line, ko", line_of("ko", pat, code) == f"{code}  (사용 안 함), 옛 이름 {former}",
          line_of("ko", pat, code))
    check(f"{code} list line, both",
          line_of("both", pat, code) == f"{code}  (Unused) · (사용 안 함), formerly {former}",
          line_of("both", pat, code))

# --- the status in the language shown -----------------------------------------------------------
STATUS_KO = {"standard": "표준", "unofficial": "비공식", "deprecated": "사용 중단", "obsolete": "폐기",
             "temporary": "임시"}
for code, status in ((305, "deprecated"), (510, "obsolete"), (104, "temporary"), (404, "standard")):
    _, ko = run("--lang", "ko", str(code))
    check(f"{code} ko: 상태: {STATUS_KO[status]}", f"\n상태: {STATUS_KO[status]}\n" in head(ko), head(ko))
    _, en = run("--lang", "en", str(code))
    check(f"{code} en: Status: {status}", f"\nStatus: {status}\n" in head(en), head(en))
l305 = line_of("ko", "3xx", 305)
check("305 ko list line says 사용 중단, not deprecated", l305 == "305  프록시 사용 (Use Proxy) [사용 중단]", l305)
check("305 en list line says deprecated once", line_of("en", "3xx", 305) == "305  Use Proxy [deprecated]")

# --- Korean mode shows the English aliases ----------------------------------------------------
for code, alias in ((413, "Payload Too Large"), (302, "Moved Temporarily"), (418, "I'm a teapot")):
    _, ko = run("--lang", "ko", str(code))
    check(f"{code} ko shows the English name {alias!r}", alias in head(ko), head(ko))
_, ko = run("--lang", "ko", "413")
check("413 ko: Korean aliases before the English ones",
      re.search(r"^다른 이름: [^A-Za-z]+; .*Payload Too Large", head(ko), re.M), head(ko))

# --- 451: cacheable by RFC 7725 §3 --------------------------------------------------------------
for lang, label in (("en", "Cacheable"), ("ko", "캐시")):
    _, out = run("--lang", lang, "451")
    cache = next((l for l in out.splitlines() if l.startswith(label + ":")), "")
    check(f"451 {lang}: cacheability cites RFC 7725 §3, not RFC 9110",
          "RFC 7725 §3" in cache and "9110" not in cache, cache)
_, out = run("404")
check("404 still cites RFC 9110 §15.1 for cacheability", "Cacheable: yes (heuristically, RFC 9110 §15.1)" in out)

# --- vendors named once -------------------------------------------------------------------------
for lang in ("en", "ko", "both"):
    _, out = run("--lang", lang, "430")
    h = head(out)
    check(f"430 {lang}: 'Shopify' once in the title, no '[Shopify]'",
          h.splitlines()[0].count("Shopify") == 1 and "[Shopify]" not in h, h)
_, ko = run("--lang", "ko", "430")
check("430 ko: 상태: 비공식 (not 'unofficial')", "\n상태: 비공식\n" in head(ko) and "unofficial" not in ko, head(ko))
l430 = line_of("ko", "43x", 430)
check("430 ko list line: vendor once, status in Korean",
      l430 == "430  Shopify 보안 거부 (Shopify Security Rejection) [비공식]", l430)
check("499 list lines keep the vendor that tells them apart",
      line_of("en", "49x", 499) in ("499  Token Required [Esri ArcGIS]", "499  Client Closed Request [nginx]"))
l460 = line_of("ko", "46x", 460)
check("460 ko list line: a description in parentheses is not wrapped again",
      l460 == "460  클라이언트가 연결을 닫음 (client closed connection) [AWS ELB]", l460)

# --- see-also lines to a code with several meanings name which one -------------------------------
ENTRIES = tabletext.entries(DATA)
shared = {}
for e in ENTRIES:
    shared.setdefault(e.text("Code"), []).append(e)
shared = {c: v for c, v in shared.items() if len(v) > 1}


def names_one(code, text):
    """Which of the code's meanings a see-also line names: (vendor) or the registered phrase."""
    hits = []
    for e in shared[code]:
        v = e.text("Vendor")
        if v and f"({v})" in text.split(" ", 1)[1][:len(e.text('Phrase')) + len(v) + 4]:
            hits.append(v)
        elif not v and text.split(" ", 1)[1].startswith(e.text("Phrase")) and \
                not re.match(r"\s*\(", text.split(" ", 1)[1][len(e.text("Phrase")):]):
            hits.append("registered")
    return hits


bad = []
for e in ENTRIES:
    for f in ("See-Also-En", "See-Also-Ko"):
        for l in e.lines(f):
            if l[:3] in shared and len(names_one(l[:3], l)) != 1:
                bad.append(f"{e.where()} {f}: {l[:70]}")
check("every see-also to a shared code (419 420 421 451 463 499 508 530) names one meaning", not bad,
      "\n".join(bad))
_, out = run("--lang", "en", "408")
check("408's see-also reads '499 Client Closed Request (nginx) …' (no colon after the code)",
      re.search(r"^  499 Client Closed Request \(nginx\) ", out, re.M), out)
_, out = run("--lang", "ko", "530")
check("530 ko see-also names the vendor: '530 Origin DNS Error (Shopify)'",
      re.search(r"^  530 Origin DNS Error \(Shopify\)", out, re.M), out)

done()
