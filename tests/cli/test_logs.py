#!/usr/bin/env python3
"""--count and --explain from outside (issue 11), TAP.

usage: test_logs.py HTTPCODES LOG_DATA_DIR

The sample logs in tests/data/logs/ were written for these tests; the
expected counts below were counted by hand from them. The --explain tests
start a server on 127.0.0.1 (http.server) and read real `curl` output.
"""

import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, skip  # noqa: E402

BIN, DATA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix="httpcodes-logs-")


def run(*args, lang="C.UTF-8", input_bytes=None, env=None, timeout=60):
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": lang, "LC_ALL": lang}
    e.update(env or {})
    p = subprocess.run([BIN, *args], env=e, capture_output=True, timeout=timeout,
                       stdin=subprocess.DEVNULL if input_bytes is None else None, input=input_bytes)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def tsv_counts(out):
    """{code: count} from --tsv output."""
    return {int(l.split(b"\t")[0]): int(l.split(b"\t")[1]) for l in out.splitlines() if l}


def data(name):
    return os.path.join(DATA, name)


# -- every format, counted by hand
EXPECT = {
    "combined.log": {200: 2, 206: 1, 301: 1, 400: 1, 401: 1, 404: 1, 499: 1, 502: 2},
    "common.log": {200: 2, 404: 1, 408: 1},
    "json.log": {200: 1, 201: 1, 302: 1, 404: 1, 429: 1, 500: 1, 503: 1},
    "w3c-iis.log": {200: 1, 301: 1, 404: 1, 410: 1, 500: 1},
    "w3c-cloudfront.log": {200: 1, 403: 1},
    "alb.log": {200: 2, 404: 1, 502: 1, 503: 1, 504: 1},
    "haproxy.log": {200: 1, 404: 1, 503: 1},
    "mixed.log": {200: 1, 404: 1, 500: 1, 503: 1},
    "bad-status.log": {200: 1},
}
FORMAT = {"combined.log": "combined", "common.log": "combined", "json.log": "json",
          "w3c-iis.log": "w3c", "w3c-cloudfront.log": "w3c", "alb.log": "alb",
          "haproxy.log": "haproxy", "mixed.log": "combined", "bad-status.log": "combined"}
for name, want in EXPECT.items():
    rc, out, err = run("--count", "--tsv", data(name))
    got = tsv_counts(out)
    check(f"{name}: counts by hand", rc == 0 and got == want, f"rc={rc} got={got} err={err}")
    rc, out, err = run("--count", "--json", data(name))
    j = json.loads(out)
    check(f"{name}: detected as {FORMAT[name]}", j["files"][0]["format"] == FORMAT[name], j["files"])
    check(f"{name}: JSON counts agree", {c["code"]: c["count"] for c in j["codes"]} == want, out[:300])

# -- details of the awkward cases
rc, out, err = run("--count", "--json", data("json.log"))
j = json.loads(out)
check("json: a line with no status key is not read, and said with its line number",
      j["not_read"]["unknown_format"] == 1 and "json.log:8:" in err, err)
check("json: null status is 'no response'", j["no_status"] == 1, j)
rc, out, err = run("--count", "--json", data("alb.log"))
j = json.loads(out)
check("alb: target statuses beside the load balancer's",
      {c["code"]: c["count"] for c in j["target_codes"]} == {200: 2, 404: 1} and j["target_none"] == 3, j)
rc, out, err = run("--count", "--json", data("w3c-iis.log"))
j = json.loads(out)
check("w3c: directives are not requests, nothing unread", j["requests"] == 5 and j["not_read"]["total"] == 0
      and j["lines"] == 13, j)
rc, out, err = run("--count", "--json", data("w3c-cloudfront.log"))
check("cloudfront: 000 is 'no response'", json.loads(out)["no_status"] == 1, out[:400])
rc, out, err = run("--count", "--json", data("mixed.log"))
check("mixed: lines of other formats counted and said", json.loads(out)["other_format"] == 2, out[:400])
rc, out, err = run("--count", data("bad-status.log"))
check("bad statuses: 1000 and 600 named with file and line",
      "bad-status.log:4: status '1000'" in err and "bad-status.log:5: status '600'" in err, err)
check("bad statuses: a line in no format named", "bad-status.log:6:" in err, err)
check("bad statuses: the table says what was not read",
      "Lines not read: 3 (1 in no known format, 2 with a bad status field)" in out.decode(), out.decode())
check("bad statuses: '-' and 000 are 'no response sent'",
      "no response sent (-, 000)                       2" in out.decode(), out.decode())
check("a file with some readable lines exits 0", rc == 0, rc)

# -- the table
rc, out, err = run("--count", data("combined.log"))
t = out.decode()
check("table: class rows with totals", "4xx   Client Error" in t and
      [l for l in t.splitlines() if l.startswith("4xx")][0].split()[-2] == "4", t)
check("table: shares of all requests", "  502 Bad Gateway" in t and "20.0%" in
      [l for l in t.splitlines() if "502" in l][0], t)
check("table: nginx's meaning of 499 labelled", "Client Closed Request [nginx]" in t, t)
check("table: total row", [l for l in t.splitlines() if "total" in l][0].split()[-1] == "10", t)
rc, out, err = run("--count", "--lang=ko", data("combined.log"), lang="ko_KR.UTF-8")
check("table in Korean", "찾을 수 없음" in out.decode() and "합계" in out.decode(), out.decode())
rc, out, err = run("--count", data("combined.log"), lang="C")
check("table under LANG=C is ASCII", rc == 0 and all(b < 128 for b in out), out[:200])

# -- class filter
rc, out, err = run("--count", "--tsv", "5xx", data("combined.log"))
check("--count 5xx shows only 5xx", tsv_counts(out) == {502: 2}, out)
rc, out, err = run("--count", "--tsv", data("combined.log"), "40x", "499")
check("several filters", tsv_counts(out) == {400: 1, 401: 1, 404: 1, 499: 1}, out)
rc, out, err = run("--count", "1xx", data("combined.log"))
check("a filter that matches nothing exits 1", rc == 1 and "no status codes of that class" in err, err)

# -- --format
rc, out, err = run("--count", "--tsv", "--format=json", data("mixed.log"))
check("--format json reads only the JSON line", tsv_counts(out) == {404: 1}, out)
rc, out, err = run("--count", "--format", "nginx", "--tsv", data("common.log"))
check("--format takes aliases", rc == 0 and tsv_counts(out) == EXPECT["common.log"], err)
rc, out, err = run("--count", "--format=syslog", data("common.log"))
check("unknown --format is a usage error", rc == 2 and "unknown --format 'syslog'" in err, err)
rc, out, err = run("--format=json", data("common.log"))
check("--format without --count is a usage error", rc == 2, err)

# -- standard input, several files, gzip
with open(data("combined.log"), "rb") as f:
    combined = f.read()
rc, out, err = run("--count", "--tsv", input_bytes=combined)
check("standard input when no file", tsv_counts(out) == EXPECT["combined.log"], err)
rc, out, err = run("--count", "--tsv", "-", data("common.log"), input_bytes=combined)
want = dict(EXPECT["combined.log"])
for k, v in EXPECT["common.log"].items():
    want[k] = want.get(k, 0) + v
check("'-' and a file add up", tsv_counts(out) == want, out)
gz = os.path.join(TMP, "combined.log.gz")
with gzip.open(gz, "wb") as f:
    f.write(combined * 1000)
rc, out, err = run("--count", "--json", gz)
j = json.loads(out)
check(".gz read directly", rc == 0 and j["files"][0]["gzip"] and
      {c["code"]: c["count"] for c in j["codes"]} == {k: v * 1000 for k, v in EXPECT["combined.log"].items()},
      out[:300])
with open(gz, "rb") as f:
    gzdata = f.read()
rc, out, err = run("--count", "--tsv", input_bytes=gzdata)
check(".gz on standard input", tsv_counts(out).get(200) == 2000, err)
trunc = os.path.join(TMP, "truncated.log.gz")
with open(trunc, "wb") as f:
    f.write(gzdata[: len(gzdata) * 2 // 3])
rc, out, err = run("--count", "--tsv", trunc)
check("truncated .gz: one line naming the file, the lines before counted, exit 0",
      rc == 0 and "truncated.log.gz:" in err and "truncated" in err and len(err.splitlines()) == 1 and
      0 < tsv_counts(out).get(200, 0) < 2000, f"rc={rc} {err}")
corrupt = os.path.join(TMP, "corrupt.log.gz")
with open(corrupt, "wb") as f:
    f.write(gzdata[:20] + bytes(b ^ 0xA5 for b in gzdata[20:200]) + gzdata[200:])
rc, out, err = run("--count", corrupt)
check("corrupt .gz: said in one line, not a crash", rc in (0, 1, 2) and "corrupt gzip data" in err
      and len(err.splitlines()) <= 2, f"rc={rc} {err}")
rc, out, err = run("--count", corrupt, data("common.log"), "--tsv")
check("a corrupt file and a good one: the good one counted", rc == 0 and tsv_counts(out) == EXPECT["common.log"]
      or tsv_counts(out).get(404, 0) >= 1, f"rc={rc} {out} {err}")

# -- bad input
rc, out, err = run("--count", TMP)
check("a directory: one line, exit 2", rc == 2 and err.strip().endswith("is a directory") and
      len(err.splitlines()) == 1, err)
rc, out, err = run("--count", os.path.join(TMP, "nope.log"))
check("a missing file: one line, exit 2", rc == 2 and "nope.log: No such file or directory" in err, err)
unreadable = os.path.join(TMP, "unreadable.log")
shutil.copy(data("common.log"), unreadable)
os.chmod(unreadable, 0)
if os.geteuid() != 0:
    rc, out, err = run("--count", unreadable)
    check("an unreadable file: one line, exit 2", rc == 2 and "Permission denied" in err, err)
else:
    skip("an unreadable file", "running as root")
rc, out, err = run("--count", "--tsv", TMP, data("common.log"))
check("a directory and a good file: the good one counted, exit 0",
      rc == 0 and tsv_counts(out) == EXPECT["common.log"] and "is a directory" in err, err)
junk = bytes((i * 7919 + 13) % 256 for i in range(300000))
rc, out, err = run("--count", input_bytes=junk)
check("binary junk: nothing found, exit 1, no crash", rc == 1 and "no status codes found" in err, err[:500])
check("binary junk: what was not read is said", "more lines not read" in err or "cannot read" in err, err)
check("binary junk: no raw control bytes on stderr",
      not any(c < 32 and c not in (10,) for c in err.encode()), repr(err[:200]))
big = b"x" * (100 * 1024 * 1024) + b"\n" + combined
rc, out, err = run("--count", "--tsv", input_bytes=big, timeout=120)
check("a 100 MB line is skipped with a message, the rest counted",
      rc == 0 and tsv_counts(out) == EXPECT["combined.log"] and "longer than 64 KiB skipped" in err, err)
rc, out, err = run("--count", input_bytes=b"")
check("empty input: exit 1", rc == 1, err)
rc, out, err = run("--count", "--json", input_bytes=b"")
check("empty input: valid JSON all the same", json.loads(out)["lines"] == 0, out)
rc, out, err = run("--count", "--tsv", "--json", data("common.log"))
check("--tsv with --json is a usage error", rc == 2, err)
rc, out, err = run("--count", "--list")
check("--count with --list is a usage error", rc == 2, err)
evil = os.path.join(TMP, "evil\x1b[31mname.log")
shutil.copy(data("bad-status.log"), evil)
rc, out, err = run("--count", evil)
check("a file name with an escape is cleaned in messages", "\x1b" not in err and "\x1b" not in out.decode(),
      repr(err))

# -- machine formats are the same bytes in every locale
outs = [run("--count", "--tsv", data("combined.log"), lang=l)[1] for l in ("C.UTF-8", "C", "ko_KR.EUC-KR")]
check("--tsv is the same UTF-8 in every locale", outs[0] == outs[1] == outs[2] and "찾을".encode() in outs[0],
      outs)
outs = [run("--count", "--json", data("combined.log"), lang=l)[1] for l in ("C.UTF-8", "C", "ko_KR.EUC-KR")]
check("--json is the same UTF-8 in every locale (as jq writes it)", outs[0] == outs[1] == outs[2] and
      "찾을".encode() in outs[0], outs[0][:200])

# -- --explain: real curl output from a local server
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def date_time_string(self, timestamp=None):
        # a fixed Date, so that a Retry-After date has a known distance
        return "Fri, 04 Dec 2026 10:00:00 GMT"

    def reply(self, code, headers=(), body=b""):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def route(self):
        p = self.path
        if p == "/old":
            self.reply(301, [("Location", "/moved")])
        elif p == "/moved":
            self.reply(302, [("Location", "/final")])
        elif p == "/final":
            self.reply(200, [("Content-Type", "text/plain")], b"ok\n")
        elif p == "/perm":
            self.reply(308, [("Location", "/final")])
        elif p == "/nolocation":
            self.reply(302)
        elif p == "/login":
            self.reply(401)
        elif p == "/login-ok":
            self.reply(401, [("WWW-Authenticate", 'Basic realm="test"')])
        elif p == "/readonly":
            self.reply(405)
        elif p == "/readonly-ok":
            self.reply(405, [("Allow", "GET, HEAD")])
        elif p == "/limited":
            self.reply(429, [("Retry-After", "120")])
        elif p == "/down":
            self.reply(503, [("Retry-After", "Fri, 04 Dec 2026 10:30:00 GMT")])
        elif p == "/form":
            self.reply(302, [("Location", "/final")])
        else:
            self.reply(404)

    do_GET = do_HEAD = do_POST = route


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=srv.serve_forever, daemon=True).start()
BASE = f"http://127.0.0.1:{srv.server_address[1]}"


def curl(*args):
    p = subprocess.run(["curl", "--noproxy", "*", "-s", *args], capture_output=True, timeout=20)
    return p.stdout + p.stderr


def explain(text, *args, lang="C.UTF-8"):
    """--explain on text; the output with its wrapping undone (runs of white
    space as one space), except for --json."""
    rc, out, err = run("--explain", *args, input_bytes=text, lang=lang)
    return rc, out if "--json" in args else b" ".join(out.split()), err


if not shutil.which("curl"):
    skip("--explain on real curl output", "curl not installed")
else:
    chain = curl("-IL", BASE + "/old")
    check("curl -sIL gave three heads", chain.count(b"HTTP/1.") == 3, chain)
    rc, out, err = explain(chain)
    t = out.decode()
    check("chain: exit 0", rc == 0, err)
    check("chain: each response named", "301 Moved Permanently" in t and "302 Found" in t and "200 OK" in t, t)
    check("chain: shown as a chain", "Redirect chain: 301 → 302 → 200" in t, t)
    check("chain: the permanent/temporary mix flagged", "permanent (301, 308) and temporary" in t, t)
    check("chain: where each redirect goes", "goes to: /moved" in t and "goes to: /final" in t, t)
    rc, out, err = explain(chain, "--json")
    j = json.loads(out)
    check("chain: --json", j[0]["chain"] == [301, 302, 200] and
          j[0]["chain_findings"][0]["id"] == "permanent_temporary_mix" and
          j[0]["responses"][0]["headers"]["Location"] == "/moved", out[:500])
    rc, out, err = explain(curl("-IL", BASE + "/perm"))
    check("308 then 200: no mix", "Redirect chain: 308 → 200" in out.decode() and "mixed" not in out.decode(),
          out.decode())
    rc, out, err = explain(curl("-I", BASE + "/nolocation"))
    check("a redirect without Location", "! no Location header: a 302 redirect" in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/login"))
    check("401 without WWW-Authenticate", "! no WWW-Authenticate header" in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/login-ok"))
    check("401 with WWW-Authenticate: nothing flagged", "!" not in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/readonly"))
    check("405 without Allow", "! no Allow header" in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/readonly-ok"))
    check("405 with Allow: nothing flagged", "!" not in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/limited"))
    check("429 Retry-After in seconds as a duration", "Retry-After: 120 — retry in 2 min" in out.decode(),
          out.decode())
    rc, out, err = explain(curl("-I", BASE + "/down"))
    check("503 Retry-After as an HTTP-date, measured from Date",
          "retry 30 min after the response's Date" in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/down"), "--lang=ko", lang="ko_KR.UTF-8")
    check("in Korean", "응답의 Date로부터 30분 뒤에 다시 시도하라는 뜻입니다" in out.decode(), out.decode())
    rc, out, err = explain(curl("-I", BASE + "/limited"), "--json")
    j = json.loads(out)
    check("--json gives the seconds", j[0]["responses"][0]["findings"][0]["seconds"] == 120, out[:400])
    verbose = curl("-v", "-L", "-d", "a=1", BASE + "/form")
    rc, out, err = explain(verbose)
    t = out.decode()
    check("curl -v: POST turned GET after 302 is flagged",
          "(after POST)" in t and "the client turned POST into GET" in t, t)
    rc, out, err = explain(curl("-I", BASE + "/final").replace(b"HTTP/1.0", b"HTTP/2").replace(b" OK", b""))
    check("HTTP/2 status line without reason phrase", rc == 0 and "200 OK" in out.decode(), out.decode())
    path = os.path.join(TMP, "heads.txt")
    with open(path, "wb") as f:
        f.write(chain)
    rc, out, err = run("--explain", path)
    check("--explain FILE", rc == 0 and "heads.txt:1:" in out.decode(), out.decode())

srv.shutdown()

rc, out, err = explain(b"HTTP/3 503\r\n\r\n")
check("HTTP/3 without a reason, 503 without Retry-After noted",
      rc == 0 and "no Retry-After header" in out.decode(), out.decode())
rc, out, err = explain(b"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-499/1234\r\n\r\n"
                       b"HTTP/1.1 304 Not Modified\r\n\r\n")
t = out.decode()
check("206 Content-Range read out", "bytes 0-499 of 1234 (500 bytes)" in t, t)
check("304 without validators noted", "neither ETag nor Last-Modified" in t, t)
rc, out, err = explain(b"no response here\n")
check("no head: exit 1 with a message", rc == 1 and "no HTTP response head found" in err, err)
rc, out, err = explain(junk)
check("binary junk to --explain: exit 1, no crash", rc == 1, err)
rc, out, err = run("--explain", TMP)
check("--explain a directory: exit 2", rc == 2 and "is a directory" in err, err)
rc, out, err = explain(b"HTTP/1.1 200 OK\r\nLocation: \x1b[2J\r\n\r\nHTTP/1.1 301 \x1b]0;x\x07\r\nLocation: \x1b[2J\r\n")
check("control characters in heads never reach the terminal", b"\x1b" not in out, out)

# -- a growing input on a terminal: a running table, then the final one in its place
if not shutil.which("tmux"):
    skip("running table on a terminal", "tmux not installed")
else:
    import time
    sess = f"hc-logs-{os.getpid()}"
    fifo = os.path.join(TMP, "live.fifo")
    os.mkfifo(fifo)
    subprocess.run(["tmux", "-L", sess, "new-session", "-d", "-x", "100", "-y", "30",
                    f"env LANG=C.UTF-8 {BIN} --count < {fifo}; echo rc=$?; sleep 60"], check=True)

    def screen():
        return subprocess.run(["tmux", "-L", sess, "capture-pane", "-p"], capture_output=True,
                              text=True).stdout

    def wait_for(text, secs=10):
        end = time.time() + secs
        while time.time() < end:
            if text in screen():
                return True
            time.sleep(0.1)
        return False

    with open(fifo, "wb") as w:
        w.write(combined)
        w.flush()
        running = wait_for(" 10\n") or wait_for("total")
        first = screen()
        check("running table while the input is open", running and "404 Not Found" in first and
              "rc=" not in first, first)
        w.write(combined)
        w.flush()
        time.sleep(1.5)
    ended = wait_for("rc=0")
    last = screen()
    check("final table replaces the running one", ended and last.count("CODE") == 1 and
          [l for l in last.splitlines() if "total" in l][0].split()[-1] == "20", last)
    subprocess.run(["tmux", "-L", sess, "kill-server"], capture_output=True)

shutil.rmtree(TMP, ignore_errors=True)
done()
