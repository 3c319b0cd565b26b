#!/usr/bin/env python3
"""--compare, --choose and --quiz from outside, and gen_decide.py's checks (TAP).

usage: test_decide.py HTTPCODES SOURCE_ROOT

The guide's paths are computed here from data/guide.txt with the generator's
own parser, then walked through the program from a pipe, in both languages.
Expected facts are written by hand from RFC 9110 (sections named beside them).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from tap import check, done  # noqa: E402

BIN, ROOT = sys.argv[1:3]
sys.path.insert(0, os.path.join(ROOT, "data"))
import gen_table  # noqa: E402


def run(*args, stdin="", lang="C.UTF-8", cols=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": lang, "LC_ALL": lang}
    if cols:
        env["COLUMNS"] = str(cols)
    p = subprocess.run([BIN, *args], env=env, input=stdin.encode(), capture_output=True, timeout=20)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cells(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


# -- --compare: a table that fits, or one block per code
for lang, cols in (("en", 80), ("en", 60), ("ko", 80), ("ko", 60)):
    rc, out, err = run("--compare", "301", "302", "307", "308", "--lang", lang, cols=cols)
    lines = out.splitlines()
    check(f"compare {lang} {cols}: exit 0", rc == 0, err)
    check(f"compare {lang} {cols}: every line fits in {cols} cells",
          all(cells(l) <= cols for l in lines), "\n".join(l for l in lines if cells(l) > cols))
    label = "리디렉션 때 메서드" if lang == "ko" else "Method on redirect"
    kept = "그대로" if lang == "ko" else "kept"
    if cols == 80:
        row = [l for l in lines if l.startswith(label)]
        check(f"compare {lang} 80: one row of methods, 301/302 change, 307/308 keep",
              len(row) == 1 and row[0].count(kept) == 2, out)
    else:
        check(f"compare {lang} 60: stacked, one block per code",
              sum(1 for l in lines if re.match(r"^30[1278] (?!vs)", l)) == 4
              and sum(1 for l in lines if l.strip().startswith(label)) == 4, out)
    diff = "차이" if lang == "ko" else "Differences"
    check(f"compare {lang} {cols}: the difference lines follow", diff in lines and "307 vs 308" in out, out)

rc, out, err = run("401", "403", "--compare")
check("'401 403 --compare' works with the option last", rc == 0 and "WWW-Authenticate (must)" in out, out + err)
rc, out, err = run("--compare", "4xx")
check("--compare 4xx: too many, exit 2, one line", rc == 2 and "too many codes" in err and err.count("\n") == 1, err)
rc, out, err = run("--compare", "404")
check("--compare with one code: exit 2", rc == 2 and "at least two" in err, err)
rc, out, err = run("--compare", "404", "427")
check("--compare with an unknown code: exit 1", rc == 1 and "427 is not in the table" in err, err)
rc, out, err = run("--compare", "404", "timeout")
check("--compare with a word: exit 2", rc == 2 and "not a code" in err, err)
rc, out, err = run("--compare", "301", "308", "--json")
data = json.loads(out)
check("--compare --json: facts with references (RFC 9110 §15.4.9)",
      data[1]["code"] == 308 and data[1]["phrase_en"] == "Permanent Redirect" and data[1]["facts"]["method"] == {"value": "kept", "ref": "RFC 9110 §15.4.9"}
      and data[0]["facts"]["method"]["value"] == "may-change", out)
rc1, out1, _ = run("--compare", "301", "308", "--json", lang="C")
check("--compare --json: the same bytes under LANG=C", out1 == out, out1)

rc, out, err = run("--json", "404")
e = json.loads(out)[0]
check("--json 404: links to RFC 9110 §15.5.5 and MDN in both languages",
      e["links"] == {"rfc": "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5",
                     "mdn": "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404",
                     "mdn_ko": "https://developer.mozilla.org/ko/docs/Web/HTTP/Reference/Status/404"}, out)
check("--json 404: facts (retry changed, body allowed, cacheable yes by RFC 9110 §15.1)",
      e["facts"]["retry"] == {"value": "changed"} and e["facts"]["body"] == {"value": "allowed"}
      and e["facts"]["cacheable"] == {"value": "yes", "ref": "RFC 9110 §15.1"}, out)
rc, out, err = run("--json", "444")
e = json.loads(out)[0]
check("--json 444 (nginx): no links, only the facts of its class",
      e["links"] == {} and "retry" not in e["facts"] and e["facts"]["outcome"]["value"] == "client-error", out)

# -- links in the full entry: plain when piped, OSC 8 hyperlinks on a terminal only
rc, out, err = run("404")
check("404's entry ends with Read more: the RFC section and MDN",
      "\nRead more\n  RFC: https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5\n"
      "  MDN: https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404\n" in out
      and "\033]8;" not in out, out[-400:])
rc, out, err = run("404", "--lang", "ko")
check("404 in Korean links MDN's Korean page", "더 읽기" in out and "/ko/docs/Web/HTTP/Reference/Status/404" in out
      and "en-US" not in out, out[-300:])


def run_pty(*args, extra=None):
    extra = extra or {}
    import pty
    import select
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BIN, [BIN, *args], {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                                      "TERM": "xterm-256color", **extra})
    data = b""
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    os.waitpid(pid, 0)
    return data.decode("utf-8", "replace")


tty = run_pty("404", extra={"TERM_PROGRAM": "WezTerm"})
check("on a terminal known to show them the links are OSC 8 hyperlinks",
      "\033]8;;https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5\033\\" in tty, repr(tty[-400:]))
tty = run_pty("404")
check("on a terminal not known to show them (plain xterm): plain URLs, no OSC 8",
      "\033]8;" not in tty and "RFC: https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5" in tty,
      repr(tty[-400:]))
tty = run_pty("404", extra={"HTTPCODES_HYPERLINKS": "1"})
check("HTTPCODES_HYPERLINKS=1 forces them", "\033]8;;https://" in tty, repr(tty[-300:]))

# -- --choose: every answer of the guide, reached from a pipe, in both languages
err_ = gen_table.Errors()
stanzas = gen_table.parse_file(os.path.join(ROOT, "data", "guide.txt"), err_)
questions = {s.text("Question"): (s.text("Yes"), s.text("No")) for s in stanzas if "Question" in s.fields}
answers = [int(s.text("Answer")) for s in stanzas if "Answer" in s.fields]
paths = {}


def walk(q, path):
    for reply, nxt in zip(("y", "n"), questions[q]):
        if re.match(r"^\d{3}$", nxt):
            paths.setdefault(int(nxt), path + [reply])
        else:
            walk(nxt, path + [reply])


walk("start", [])
check("the guide reaches every answer", sorted(paths) == sorted(answers), sorted(set(answers) - set(paths)))
bad = []
for code, path in sorted(paths.items()):
    for lang, yes, no in (("en", "y", "n"), ("ko", "예", "아니요")):
        feed = "\n".join(yes if r == "y" else no for r in path) + "\n"
        rc, out, err = run("--choose", "--lang", lang, stdin=feed)
        if rc != 0 or not re.search(rf"^→ {code} ", out, re.M) or out.count("[y/n]") != len(path):
            bad.append(f"{lang} {code} {path}: rc={rc} {out[-200:]!r} {err!r}")
check(f"--choose ends on each of the {len(paths)} answers in both languages", not bad, "\n".join(bad))
rc, out, err = run("--choose", stdin="y\nn\n")
check("--choose with input ending early: exit 1 and a reason", rc == 1 and "input ended" in err, err)
rc, out, err = run("--choose", stdin="maybe\nperhaps\nwhat\n")
check("--choose with three replies that are not yes or no: exit 2", rc == 2 and out.count("answer y or n") == 2, out + err)
rc, out, err = run("--choose", "--lang", "ko", stdin="y\nn\nn\nn\ny\n")
check("--choose in Korean names the ruled-out codes", "다른 후보" in out and "202 Accepted" in out, out)
rc, out, err = run("--choose", "--json")
check("--choose --json is refused", rc == 2, err)

# -- --quiz: a fixed seed asks the same questions; right answers score them all
empty = "\n" * 10
rc, out_a, err = run("--quiz", "--seed", "7", stdin=empty)
rc2, out_b, _ = run("--quiz", "--seed=7", stdin=empty)
check("--quiz --seed 7 twice: the same questions", rc == 0 and out_a == out_b, err)
rc3, out_c, _ = run("--quiz", "--seed", "8", stdin=empty)
check("another seed: other questions", out_c != out_a)
right = re.findall(r"No: it is (\d{3}) ", out_a)
check("ten questions, all unanswered, scored 0", len(right) == 10 and "Score: 0 / 10" in out_a, out_a)
rc, out, err = run("--quiz", "--seed", "7", stdin="\n".join(right) + "\n")
check("answering each with its code scores 10/10", "Score: 10 / 10" in out and "To review" not in out, out)
phrases = {}
for name in os.listdir(os.path.join(ROOT, "data")):
    if re.match(r"^[1-5]xx\.txt$", name):
        for s in gen_table.parse_file(os.path.join(ROOT, "data", name), err_):
            if "Code" in s.fields:
                phrases[int(s.text("Code"))] = s.text("Phrase")
by_name = "\n".join(phrases[int(c)] for c in right) + "\n"
rc, out, err = run("--quiz", "--seed", "7", stdin=by_name)
check("answering each with its English name scores 10/10", "Score: 10 / 10" in out, out)
rc, out, err = run("--quiz", "4xx", "--seed", "3", "--lang", "ko", stdin=empty)
codes = re.findall(r"정답은 (\d{3}) ", out)
check("--quiz 4xx in Korean asks only 4xx", len(codes) == 10 and all(c[0] == "4" for c in codes)
      and "점수: 0 / 10" in out, out)
rc, out, err = run("--quiz", "timeout")
check("--quiz with something not a class: exit 2", rc == 2 and "class" in err, err)
rc, out, err = run("--seed", "3", "404")
check("--seed without --quiz: exit 2", rc == 2, err)
rc, out, err = run("--quiz", "--seed", "x")
check("--seed that is not a number: exit 2", rc == 2, err)
rc, out, err = run("--quiz", "--seed", "1", stdin="")
check("--quiz with no input at all: exit 1", rc == 1 and "input ended" in err, out + err)

# -- gen_decide.py refuses broken sources with file:line
GEN = os.path.join(ROOT, "data", "gen_decide.py")
TABLE = sorted(os.path.join(ROOT, "data", n) for n in os.listdir(os.path.join(ROOT, "data"))
               if re.match(r"^[1-5]xx.*\.txt$", n))
facts_src = open(os.path.join(ROOT, "data", "facts.txt"), encoding="utf-8").read()
guide_src = open(os.path.join(ROOT, "data", "guide.txt"), encoding="utf-8").read()


def gen(facts=facts_src, guide=guide_src):
    with tempfile.TemporaryDirectory() as d:
        fp, gp = os.path.join(d, "facts.txt"), os.path.join(d, "guide.txt")
        open(fp, "w", encoding="utf-8").write(facts)
        open(gp, "w", encoding="utf-8").write(guide)
        p = subprocess.run([sys.executable, GEN, "--facts", fp, "--guide", gp, "--output",
                            os.path.join(d, "out.c"), *TABLE], capture_output=True, text=True)
        return p.returncode, p.stderr


def line_of(src, text):
    return src[: src.index(text)].count("\n") + 1


rc, err = gen()
check("gen_decide: the real sources pass", rc == 0, err)
cases = [
    ("a cycle", facts_src, guide_src.replace("Yes: 308\nNo: 301", "Yes: for-good\nNo: 301"),
     r"guide.txt:\d+: .*cycle"),
    ("an unknown question", facts_src, guide_src.replace("No: whose-fault", "No: nowhere"),
     rf"guide.txt:{line_of(guide_src, 'No: whose-fault')}: No leads to unknown question 'nowhere'"),
    ("an answer that is not registered", facts_src,
     guide_src.replace("Answer: 507", "Answer: 599"), r"guide.txt:\d+: answer '599' is not a registered code"),
    ("a code neither answered nor excluded", facts_src, guide_src.replace("Excluded: 402\n", "Excluded: 402 \n").replace("Excluded: 402 \n", "Excluded: 418\n"),
     r"402 is neither an answer"),
    ("an unreachable question", facts_src, guide_src + "\nQuestion: lonely\nAsk-En: x?\nAsk-Ko: 뭐?\nYes: 200\nNo: 404\n",
     r"question lonely cannot be reached"),
    ("a body on 204", facts_src.replace("Body: no; RFC 9110 §15.3.5", "Body: yes"), guide_src,
     rf"facts.txt:{line_of(facts_src, 'Body: no; RFC 9110 §15.3.5')}: Body of 204 must be no"),
    ("a Redirect fact on 404", facts_src.replace("Code: 404\nRetry: changed", "Code: 404\nRedirect: permanent\nRetry: changed"),
     guide_src, r"facts.txt:\d+: Redirect is a fact of 3xx codes only"),
    ("a header the entry does not name", facts_src.replace("Header: Allow; must", "Header: Accept; must"), guide_src,
     rf"facts.txt:{line_of(facts_src, 'Header: Allow; must')}: Accept is not in the Headers field of 405"),
    ("a misspelt value", facts_src.replace("Retry: later; RFC 6585 §4", "Retry: soon; RFC 6585 §4"), guide_src,
     rf"facts.txt:{line_of(facts_src, 'Retry: later; RFC 6585 §4')}: Retry must be one of"),
    ("a missing code", facts_src.replace("Code: 418\nRetry: -\nBody: yes\n", ""), guide_src,
     r"no facts for the registered code 418"),
    ("a rule-out with no difference line", facts_src, guide_src.replace("Rule-Out: 307 303 301", "Rule-Out: 307 303 301 500"),
     r"no line says how 500 differs from 302"),
]
for name, f, g, pattern in cases:
    rc, err = gen(f, g)
    check(f"gen_decide refuses {name}", rc == 1 and re.search(pattern, err), err)

done()
