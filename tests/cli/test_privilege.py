#!/usr/bin/env python3
"""Least privilege: httpcodes opens no socket, writes no file and runs no
other program (strace), on the CLI paths (TAP).

usage: test_privilege.py HTTPCODES
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, skip_all  # noqa: E402

BIN = os.path.abspath(sys.argv[1])



if not shutil.which("strace"):
    skip_all("strace not installed")
probe = subprocess.run(["strace", "-f", "-o", "/dev/null", "true"], capture_output=True)
if probe.returncode != 0:
    skip_all("strace cannot trace here (no ptrace)")

NETWORK = re.compile(r"\b(socket|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|recvmsg)\(")
for args in (["404"], ["4xx"], ["--json", "too", "many"], ["--list"], ["시간초과"], ["999"], ["--frob"],
             ["TERM=linux", "404"], ["TERM=linux", "--list"]):
    fd, log = tempfile.mkstemp()
    os.close(fd)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if args[0].startswith("TERM="):     # the console: no gpm socket (issue 19)
        env["TERM"], args = args[0][5:], args[1:]
    subprocess.run(["strace", "-f", "-qq", "-o", log, "-e", "trace=network,openat,open,creat,execve,"
                    "unlink,unlinkat,rename,mkdir", BIN, *args], env=env, capture_output=True, timeout=60)
    with open(log, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    os.unlink(log)
    name = " ".join(args) + (" (TERM=%s)" % env["TERM"] if "TERM" in env else "")
    execs = [l for l in lines if "execve(" in l]
    check(f"{name}: runs no other program", len(execs) == 1 and BIN in execs[0], "\n".join(execs))
    check(f"{name}: opens no socket", not any(NETWORK.search(l) for l in lines),
          "\n".join(l for l in lines if NETWORK.search(l)))
    writes = [l for l in lines if re.search(r"\bO_(WRONLY|RDWR|CREAT|TRUNC)\b", l) or
              re.search(r"\b(creat|unlink|unlinkat|rename|mkdir)\(", l)]
    check(f"{name}: writes no file", not writes, "\n".join(writes))

# --count FILE and --explain FILE (issue 11): the one change to the rules is
# that the files the user names are opened, read-only, and no others (the
# loader's libraries and the locale archive aside).
SYSTEM = re.compile(r'openat\(AT_FDCWD, "(/etc/ld\.so\.cache|/lib/|/usr/lib/|/usr/share/locale/)')
# An AddressSanitizer build's runtime reads /proc/self/ (maps, cmdline, environ)
# before main(); the program itself never does.
with open(BIN, "rb") as f:
    SANITIZED = b"__asan_init" in f.read()
    if SANITIZED:
        SYSTEM = re.compile(SYSTEM.pattern + r'|\bopen(at)?\((AT_FDCWD, )?"/proc/self/')
here = os.path.dirname(os.path.abspath(__file__))
log = os.path.join(here, "..", "data", "logs", "combined.log")
heads = os.path.join(here, "..", "fuzz", "corpus", "response", "chain")
for args, named in ((["--count", log], log), (["--count", "--json", "5xx", log], log),
                    (["--explain", heads], heads)):
    fd, trace = tempfile.mkstemp()
    os.close(fd)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    subprocess.run(["strace", "-f", "-qq", "-o", trace, "-e", "trace=network,openat,open,creat,execve,"
                    "unlink,unlinkat,rename,mkdir", BIN, *args], env=env, capture_output=True, timeout=60)
    with open(trace, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    os.unlink(trace)
    name = " ".join(a if a not in (log, heads) else os.path.basename(a) for a in args)
    opens = [l for l in lines if re.search(r"\bopen(at)?\(", l) and not SYSTEM.search(l)]
    check(f"{name}: opens only the named file", len(opens) == 1 and f'"{named}"' in opens[0],
          "\n".join(opens))
    check(f"{name}: opens it read-only", all("O_RDONLY" in l for l in opens), "\n".join(opens))
    check(f"{name}: opens no socket", not any(NETWORK.search(l) for l in lines),
          "\n".join(l for l in lines if NETWORK.search(l)))
    writes = [l for l in lines if re.search(r"\bO_(WRONLY|RDWR|CREAT|TRUNC)\b", l) or
              re.search(r"\b(creat|unlink|unlinkat|rename|mkdir)\(", l)]
    check(f"{name}: writes no file", not writes, "\n".join(writes))
    execs = [l for l in lines if "execve(" in l]
    check(f"{name}: runs no other program", len(execs) == 1, "\n".join(execs))

# --log FILE (issue 11's log lens): the browser on a pty, q after it drew.
# The named file is opened read-only; besides it only the system's files
# (the loader's, the locale's and the terminal's terminfo entry).
import pty  # noqa: E402
import time  # noqa: E402

TERMINFO = re.compile(r'openat\(AT_FDCWD, "(/lib/terminfo/|/usr/share/terminfo/|/etc/terminfo/)')
import gzip  # noqa: E402

gzdir = tempfile.mkdtemp()
gz = os.path.join(gzdir, "combined.log.gz")
with open(log, "rb") as f, open(gz, "wb") as g:
    g.write(gzip.compress(f.read()))
for named in (log, gz):
    fd, trace = tempfile.mkstemp()
    os.close(fd)
    m, s = pty.openpty()
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    if SANITIZED:   # LeakSanitizer cannot run under ptrace; leaks are checked elsewhere
        env["ASAN_OPTIONS"] = "detect_leaks=0"
    p = subprocess.Popen(["strace", "-f", "-qq", "-o", trace, "-e", "trace=network,openat,open,creat,"
                          "execve,unlink,unlinkat,rename,mkdir", BIN, "--log", named],
                         stdin=s, stdout=s, stderr=subprocess.PIPE, env=env, start_new_session=True)
    os.close(s)
    time.sleep(1.5)
    os.write(m, b"q")
    try:
        rc = p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = p.wait()
    os.close(m)
    with open(trace, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    os.unlink(trace)
    name = "--log " + os.path.basename(named)
    check(f"{name}: the browser ran and quit", rc == 0, p.stderr.read().decode(errors="replace"))
    opens = [l for l in lines if re.search(r"\bopen(at)?\(", l) and not SYSTEM.search(l)
             and not TERMINFO.search(l)]
    check(f"{name}: opens only the named file", len(opens) == 1 and f'"{named}"' in opens[0],
          "\n".join(opens))
    check(f"{name}: opens it read-only", all("O_RDONLY" in l for l in opens), "\n".join(opens))
    check(f"{name}: opens no socket", not any(NETWORK.search(l) for l in lines),
          "\n".join(l for l in lines if NETWORK.search(l)))
    writes = [l for l in lines if re.search(r"\bO_(WRONLY|RDWR|CREAT|TRUNC)\b", l) or
              re.search(r"\b(creat|unlink|unlinkat|rename|mkdir)\(", l)]
    check(f"{name}: writes no file", not writes, "\n".join(writes))
    execs = [l for l in lines if "execve(" in l]
    check(f"{name}: runs no other program", len(execs) == 1, "\n".join(execs))
shutil.rmtree(gzdir, ignore_errors=True)

done()
