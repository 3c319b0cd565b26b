#!/usr/bin/env python3
"""bench.py - the measuring half of tests/bench/run.sh (issue 6).

run.sh installs or finds the tools and builds the programs; this script runs
every measurement side by side and prints a Markdown report on stdout
(progress goes to stderr). Standard library only. Not a pass/fail test: a
missing tool or a failed measurement becomes an "n/a" cell with the reason,
and the exit status is 0 unless the arguments are wrong.

Sections:
  1. one-shot look-up: `spawn` (a C fork/exec/wait loop) runs the commands
     round-robin; hyperfine, when present, as a cross-check;
  2. browser start-up to the first complete frame, through a pty (80x24,
     TERM=xterm-256color): from just before spawn to the last byte written
     before the output goes quiet, once the frame's marker strings are in;
  3. bytes written to the pty per key of a fixed script, against fzf;
  4. instructions per search keystroke (callgrind, one profile per key);
  5. peak RSS (/usr/bin/time -f %M) and stripped sizes.
Every wait has a timeout, and every child is killed on the way out.
"""
import argparse
import atexit
import errno
import fcntl
import json
import os
import platform
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

ROWS, COLS = 24, 80
BIG_ROWS, BIG_COLS = 30, 100
FRAME_QUIET_MS = 150        # the first frame is over after this much silence
KEY_QUIET_MS = 50           # a key's output is over after this much silence
KEY_FIRST_MS = 1000         # a key that prints nothing within this prints nothing
KEY_CAP_MS = 3000
FRAME_CAP_MS = 10000

LIVE = set()                # pids of children in their own session


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def now_ns():
    return time.perf_counter_ns()


def kill_all():
    for pid in list(LIVE):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(pid, sig)
            except OSError:
                pass
            try:
                if os.waitpid(pid, os.WNOHANG)[0]:
                    break
            except ChildProcessError:
                break
            time.sleep(0.05)
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        LIVE.discard(pid)


def on_signal(sig, frame):
    kill_all()
    sys.exit(128 + sig)


def median(v):
    return statistics.median(v) if v else None


def fmt(x, digits=1, unit=""):
    if x is None:
        return "n/a"
    if isinstance(x, int) or digits == 0:
        return f"{int(round(x)):,}{unit}"
    return f"{x:.{digits}f}{unit}"


def pct(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{100 * a / b:.0f}%"


def ratio(a, b, digits=1):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.{digits}f}×"


def clean_env(term=True):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FZF_", "LC_", "HTTPCODES_", "NODE_",
                                "PYTHON"))
           and k not in ("NO_COLOR", "ESCDELAY", "COLUMNS", "LINES",
                         "TERMINFO", "TERMINFO_DIRS", "LANGUAGE", "TMUX")}
    env["LANG"] = "C.UTF-8"
    if term:
        env["TERM"] = "xterm-256color"
    else:
        env.pop("TERM", None)
    return env


# ---- a program on a pty -------------------------------------------------

def set_winsize(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class Pty:
    """A program in its own session with a pty as its controlling terminal
    (stdout, stderr and, unless stdin_path is given, stdin)."""

    def __init__(self, argv, env, rows=ROWS, cols=COLS, stdin_path=None):
        self.master, slave = os.openpty()
        set_winsize(slave, rows, cols)
        name = os.ttyname(slave)
        fa = [(os.POSIX_SPAWN_OPEN, 1, name, os.O_RDWR, 0),
              (os.POSIX_SPAWN_DUP2, 1, 2)]
        if stdin_path:
            fa.append((os.POSIX_SPAWN_OPEN, 0, stdin_path, os.O_RDONLY, 0))
        else:
            fa.append((os.POSIX_SPAWN_DUP2, 1, 0))
        self.out = bytearray()
        self.closed = False
        self.status = None
        self.app_cursor = False
        self.first = None           # time of the first byte
        self.complete = None        # time the markers were all in (settle)
        self.t0 = now_ns()
        try:
            self.pid = os.posix_spawn(argv[0], argv, env, file_actions=fa,
                                      setsid=True)
        finally:
            os.close(slave)
        LIVE.add(self.pid)

    def _read(self, timeout_ms):
        """Reads what is there within timeout_ms; returns (bytes, time)."""
        if self.closed:
            return b"", now_ns()
        try:
            r, _, _ = select.select([self.master], [], [],
                                    max(0.0, timeout_ms / 1000))
        except InterruptedError:
            return b"", now_ns()
        if not r:
            return b"", now_ns()
        try:
            data = os.read(self.master, 65536)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            data = b""
        t = now_ns()
        if not data:
            self.closed = True
            return b"", t
        tail = bytes(self.out[-8:]) + data
        self.out += data
        if self.first is None:
            self.first = t
        # Answer a cursor position query, as a terminal would.
        if b"\x1b[6n" in tail:
            self.write(b"\x1b[1;1R")
        for m in re.finditer(rb"\x1b\[\?1([hl])", tail):
            self.app_cursor = m.group(1) == b"h"
        return data, t

    def settle(self, quiet_ms, first_ms, cap_ms, markers=()):
        """Reads until the output has been quiet for quiet_ms (after every
        marker has appeared), or nothing came within first_ms, or cap_ms.
        Returns (bytes read, time of the last byte or None, markers seen)."""
        start = now_ns()
        seen_from = len(self.out)
        last = None
        n = 0
        self.complete = None
        while True:
            t = now_ns()
            found = all(m in self.out[seen_from:] for m in markers)
            if found and self.complete is None and markers:
                self.complete = last if last is not None else t
            if not found:
                until = start + cap_ms * 1_000_000
            elif last is None:
                until = start + first_ms * 1_000_000
            else:
                until = last + quiet_ms * 1_000_000
            until = min(until, start + cap_ms * 1_000_000)
            if t >= until or self.closed:
                return n, last, found
            data, tr = self._read((until - t) / 1e6)
            if data:
                n += len(data)
                last = tr

    def write(self, data):
        try:
            os.write(self.master, data)
        except OSError:
            pass

    def resize(self, rows, cols):
        set_winsize(self.master, rows, cols)     # the kernel sends SIGWINCH

    def key(self, name):
        arrows = {"Up": b"A", "Down": b"B", "Right": b"C", "Left": b"D"}
        if name in arrows:
            return (b"\x1bO" if self.app_cursor else b"\x1b[") + arrows[name]
        return {"Esc": b"\x1b", "Ctrl-U": b"\x15", "Ctrl-C": b"\x03",
                "Enter": b"\r"}.get(
            name, name.encode())

    def finish(self, quit_keys=(), timeout_s=3.0):
        """Sends quit_keys, waits for the exit, kills on timeout; returns
        the wait status (None when it had to be killed)."""
        for k in quit_keys:
            self.write(self.key(k))
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = st
                break
            self._read(20)
        if self.status is None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self.pid, sig)
                except OSError:
                    pass
                t = time.monotonic() + 1.0
                while time.monotonic() < t:
                    pid, st = os.waitpid(self.pid, os.WNOHANG)
                    if pid:
                        break
                    time.sleep(0.02)
                if pid:
                    break
        LIVE.discard(self.pid)
        os.close(self.master)
        return self.status


# ---- the subjects -------------------------------------------------------

class Subject:
    def __init__(self, label, argv, markers, quit_keys, stdin_path=None):
        self.label, self.argv, self.markers = label, argv, markers
        self.quit_keys, self.stdin_path = quit_keys, stdin_path

    def start(self, env, rows=ROWS, cols=COLS, prefix=()):
        return Pty(list(prefix) + self.argv, env, rows, cols, self.stdin_path)


def first_frame(subject, env, prefix=(), cap_ms=FRAME_CAP_MS):
    """One start-up: returns (ms to the last byte of the first frame,
    bytes of the first frame, Pty still running) or raises. p.first is the
    time of the first byte, p.complete that of the read that brought the
    last of the frame's markers (the content-based event, the same for every
    program)."""
    p = subject.start(env, prefix=prefix)
    n, last, found = p.settle(FRAME_QUIET_MS, cap_ms, cap_ms, subject.markers)
    if not found or last is None:
        text = bytes(p.out[-300:]).decode("utf-8", "replace")
        p.finish(subject.quit_keys, 1.0)
        raise RuntimeError(f"{subject.label}: no complete frame within "
                           f"{cap_ms} ms (markers {subject.markers}); "
                           f"last output: {text!r}")
    return (last - p.t0) / 1e6, n, p


# ---- 1. one-shot --------------------------------------------------------

FLOOR = "C floor (ncursesw + tinfo + libc, one line)"
FLOOR_S = "static C floor (one line)"
WORDQ = "httpcodes timeout (word search)"


def check_oneshot(label, argv, env, expect=b"Not Found"):
    try:
        r = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"{label}: {e}"
    if r.returncode != 0 or expect not in r.stdout:
        return (f"{label}: exit {r.returncode}, output "
                f"{r.stdout[:80]!r} {r.stderr[:200]!r}")
    return None


def section_oneshot(a, env, rep):
    cmds = [("httpcodes 404", a.runs_fast, [a.httpcodes, "404"]),
            (WORDQ, a.runs_fast, [a.httpcodes, "timeout"]),
            (FLOOR, a.runs_fast, [a.floor])]
    if a.floor_static:
        cmds.append((FLOOR_S, a.runs_fast, [a.floor_static]))
    for vlabel, path in a.variants:
        cmds.append((f"httpcodes 404 ({vlabel})", a.runs_fast, [path, "404"]))
    if a.python:
        cmds.append(("python3 -c http.HTTPStatus(404).phrase", a.runs_slow,
                     [a.python, "-c",
                      "import http; print(http.HTTPStatus(404).phrase)"]))
    if a.node:
        cmds.append(("node -e http.STATUS_CODES[404]", a.runs_slow,
                     [a.node, "-e",
                      "console.log(require('http').STATUS_CODES[404])"]))
    good = []
    for label, runs, argv in cmds:
        err = check_oneshot(label, argv, env,
                            b"Timeout" if argv[-1] == "timeout" else b"Not Found")
        if err:
            rep.note(f"one-shot: skipped {err}")
        else:
            good.append((label, runs, argv))
    res = {}
    spec = os.path.join(a.tmp, "oneshot.spec")
    with open(spec, "w") as f:
        for label, runs, argv in good:
            f.write("\t".join([label, str(runs)] + argv) + "\n")
    log("1/5 one-shot look-ups: %s" % ", ".join(
        f"{l} x{r}" for l, r, _ in good))
    try:
        out = subprocess.run([a.spawn, spec], env=env, capture_output=True,
                             text=True, timeout=900).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        rep.note(f"one-shot: the timing loop failed: {e}")
        out = ""
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) == 7 and f[3] != "-":
            res[f[0]] = dict(runs=int(f[1]), fails=int(f[2]),
                             med=float(f[3]) / 1e6, min=float(f[4]) / 1e6,
                             p25=float(f[5]) / 1e6,
                             p75=float(f[6]) / 1e6)
    hf = {}
    if a.hyperfine and good:
        jf = os.path.join(a.tmp, "hyperfine.json")
        # hyperfine takes one --runs for all its commands: run the fast and
        # the slow ones separately.
        for runs in sorted({r for _, r, _ in good}):
            group = [(l, c) for l, r, c in good if r == runs]
            cmd = [a.hyperfine, "-N", "--style", "none", "--warmup", "3",
                   "--runs", str(runs), "--export-json", jf]
            # hyperfine's first command reads slow (its own start-up):
            # run the first one twice and drop that first result.
            names = [" ".join(shell_quote(x) for x in c) for _, c in group]
            cmd += names[:1] + names
            try:
                subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, timeout=600, check=True)
                with open(jf) as f:
                    results = json.load(f)["results"]
                for (label, _), r in zip(group, results[1:]):
                    hf[label] = r["median"] * 1000
            except (OSError, subprocess.SubprocessError, ValueError,
                    KeyError) as e:
                rep.note(f"one-shot: hyperfine cross-check failed: {e}")
                break
    # Instructions for the whole process, start to exit (repeatable).
    ir = {}
    if a.valgrind:
        for label, _, argv in good:
            if not label.startswith(("python", "node")):
                ir[label] = callgrind_total(a, argv, env, f"oneshot-{len(ir)}")
    return good, res, hf, ir


def shell_quote(s):
    if re.fullmatch(r"[A-Za-z0-9_./:=+-]+", s):
        return s
    return "'" + s.replace("'", "'\\''") + "'"


def callgrind_total(a, argv, env, name, pty_subject=None):
    """Total instructions of a whole run under callgrind, or None."""
    out = os.path.join(a.tmp, f"cg-{name}.out")
    vg = [a.valgrind, "--tool=callgrind", f"--callgrind-out-file={out}"]
    try:
        if pty_subject is None:
            subprocess.run(vg + argv, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=300)
        else:
            _, _, p = first_frame(pty_subject, env, prefix=vg, cap_ms=60000)
            p.finish(pty_subject.quit_keys, 60.0)
        with open(out) as f:
            for line in f:
                if line.startswith("summary:") or line.startswith("totals:"):
                    total = int(line.split()[1])
                    if a.keep:
                        shutil.copy(out, a.keep)
                    return total
    except (OSError, subprocess.SubprocessError, RuntimeError, ValueError) as e:
        log(f"callgrind {name}: {e}")
    return None


# ---- 2. start-up --------------------------------------------------------

def section_startup(a, env, subjects, rep):
    log(f"2/5 start-up to the first frame, {a.runs_tui} runs each, "
        f"{COLS}x{ROWS}")
    times = {s.label: [] for s in subjects}      # content-based event
    quiet = {s.label: [] for s in subjects}      # last byte before silence
    firsts = {s.label: [] for s in subjects}
    nbytes = {s.label: [] for s in subjects}
    broken = set()
    for i in range(a.runs_tui + 1):
        for s in subjects:
            if s.label in broken:
                continue
            try:
                ms, n, p = first_frame(s, env)
                p.finish(s.quit_keys)
            except (OSError, RuntimeError) as e:
                rep.note(f"start-up: {e}")
                broken.add(s.label)
                continue
            if i > 0:               # the first round warms the caches
                quiet[s.label].append(ms)
                times[s.label].append((p.complete - p.t0) / 1e6)
                firsts[s.label].append((p.first - p.t0) / 1e6)
                nbytes[s.label].append(n)
    ir = {}
    if a.valgrind:
        for k, s in enumerate(subjects):
            if not s.label.startswith("fzf"):
                ir[s.label] = callgrind_total(a, s.argv, env, f"tui-{k}", s)
    return times, firsts, nbytes, ir, quiet


# ---- 3. bytes per key ---------------------------------------------------

HC_SCRIPT = ([("Down", "Down (class)")] * 3 + [("Right", "Right (expand 4xx)")]
             + [("Down", "Down (one line)")] * 10
             + [("Left", "Left (to 4xx)"), ("Left", "Left (collapse)"),
                ("/", "/ (search)")]
             + [(c, f"type {c}") for c in "timeout"]
             + [("Esc", "Esc (clear search)"),
                ("RESIZE", f"resize {COLS}x{ROWS} → {BIG_COLS}x{BIG_ROWS}")])
# fzf's equivalents: its default layout lists bottom-up, so Up is "next";
# it has no tree (no expand/collapse) and no search key; Ctrl-U clears.
FZF_MAP = {"Down": "Up", "Right": None, "Left": None, "/": None,
           "Esc": "Ctrl-U", "RESIZE": "RESIZE"}


def run_script(p, script, mapping=None):
    out = []
    for key, label in script:
        k = key if mapping is None else mapping.get(key, key)
        if k is None:
            out.append((label, None, False))
            continue
        at = len(p.out)
        if k == "RESIZE":
            p.resize(BIG_ROWS, BIG_COLS)
        else:
            p.write(p.key(k))
        n, _, _ = p.settle(KEY_QUIET_MS, KEY_FIRST_MS, KEY_CAP_MS)
        # A clear-screen (ED 2, as clear() sends it) means a full repaint.
        out.append((label, n, b"\x1b[2J" in p.out[at:]))
    return out


def section_keys(a, env, pairs, rep):
    log("3/5 bytes per key")
    res = {}
    for s, mapping in pairs:
        if s is None:
            continue
        try:
            _, n0, p = first_frame(s, env)
            try:
                res[s.label] = (n0, run_script(p, HC_SCRIPT, mapping))
            finally:
                p.finish(s.quit_keys)
        except (OSError, RuntimeError) as e:
            rep.note(f"bytes per key: {e}")
    return res


# ---- 4. search cost: index, keystrokes, query length ------------------

TABLES = ("real", "x100", "x100v")


def section_search_cpu(a, env, rep):
    """Per table: {"ir": [(kind, query, hits, instructions)], "ns": [(kind,
    query, hits, median ns)]}; the first row of each is the index build."""
    if not a.keys:
        rep.note("search cost: the bench_keys driver was not built, "
                 "section skipped")
        return None
    log("4/5 search cost: index building, keystrokes, query length "
        "(callgrind and wall time)")
    res = {}
    for table in TABLES:
        res[table] = {"ir": None, "ns": None}
        try:
            r = subprocess.run([a.keys, "time", table], env=env,
                               stdin=subprocess.DEVNULL, capture_output=True,
                               text=True, timeout=900)
            rows = [l.split("\t") for l in r.stdout.splitlines()
                    if l and not l.startswith("#")]
            if r.returncode == 0 and rows and all(len(x) == 4 for x in rows):
                res[table]["ns"] = [(k, q, int(h), float(ns))
                                    for k, q, h, ns in rows]
            else:
                rep.note(f"search wall time ({table}): exit {r.returncode} "
                         f"{r.stderr[-200:]!r}")
        except (OSError, subprocess.TimeoutExpired, ValueError) as e:
            rep.note(f"search wall time ({table}): {e}")
        if not a.valgrind:
            continue
        d = os.path.join(a.tmp, f"cg-keys-{table}")
        os.makedirs(d, exist_ok=True)
        out = os.path.join(d, "cg.out")
        cmd = [a.valgrind, "--tool=callgrind", f"--callgrind-out-file={out}",
               "--collect-atstart=no", "--toggle-collect=bench_key",
               "--toggle-collect=bench_index", "--dump-after=bench_key",
               "--dump-after=bench_index", a.keys, table]
        try:
            r = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, timeout=1800)
        except (OSError, subprocess.TimeoutExpired) as e:
            rep.note(f"search instructions ({table}): {e}")
            continue
        rows = [l.split("\t") for l in r.stdout.splitlines()
                if l and not l.startswith("#")]
        dumps = []
        for name in os.listdir(d):
            m = re.fullmatch(r"cg\.out\.(\d+)", name)
            if not m:
                continue
            with open(os.path.join(d, name)) as f:
                for line in f:
                    if line.startswith("summary:") or line.startswith("totals:"):
                        dumps.append((int(m.group(1)), int(line.split()[1])))
                        break
        dumps.sort()
        if r.returncode != 0 or len(dumps) != len(rows) or not rows:
            rep.note(f"search instructions ({table}): exit {r.returncode}, "
                     f"{len(rows)} calls but {len(dumps)} profiles: "
                     f"{r.stderr[-300:]!r}")
            continue
        if a.keep:
            for name in os.listdir(d):
                shutil.copy(os.path.join(d, name),
                            os.path.join(a.keep, f"keys-{table}-{name}"))
        res[table]["ir"] = [(x[0], x[1], int(x[2]), ir)
                            for x, (_, ir) in zip(rows, dumps)]
    return res


# ---- 5. memory and size -------------------------------------------------

def read_maxrss(path):
    try:
        with open(path) as f:
            nums = [l.strip() for l in f if l.strip().isdigit()]
        return int(nums[-1]) if nums else None
    except OSError:
        return None


SEARCHED = " after a search"


def section_memory(a, env, oneshots, subjects, rep, searchers=()):
    """Peak RSS of the one-shots and of the browsers quit at their first
    frame; for `searchers` [(subject, keys)] also after typing a search
    (label + SEARCHED)."""
    log("5/5 peak memory and sizes")
    mem = {}
    if not a.time:
        rep.note("memory: /usr/bin/time is missing, peak RSS skipped")
    else:
        f = os.path.join(a.tmp, "maxrss")
        for label, _, argv in oneshots:
            v = []
            for _ in range(5):
                try:
                    subprocess.run([a.time, "-f", "%M", "-o", f] + argv,
                                   env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, timeout=60)
                except (OSError, subprocess.TimeoutExpired):
                    continue
                x = read_maxrss(f)
                if x:
                    v.append(x)
            mem[label] = median(v)
        for s in subjects:
            v = []
            for _ in range(5):
                try:
                    _, _, p = first_frame(s, env, prefix=[a.time, "-f", "%M",
                                                          "-o", f])
                    p.finish(s.quit_keys)
                except (OSError, RuntimeError) as e:
                    rep.note(f"memory: {e}")
                    break
                x = read_maxrss(f)
                if x:
                    v.append(x)
            mem[s.label] = median(v)
        for s, keys in searchers:
            v = []
            for _ in range(5):
                try:
                    _, _, p = first_frame(s, env, prefix=[a.time, "-f", "%M",
                                                          "-o", f])
                    for k in keys:
                        p.write(p.key(k))
                        p.settle(KEY_QUIET_MS, KEY_FIRST_MS, KEY_CAP_MS)
                    p.settle(200, 200, KEY_CAP_MS)
                    p.finish(s.quit_keys)
                except (OSError, RuntimeError) as e:
                    rep.note(f"memory after a search: {e}")
                    break
                x = read_maxrss(f)
                if x:
                    v.append(x)
            mem[s.label + SEARCHED] = median(v)
    sizes = {}
    for label, path in a.sizes:
        dst = os.path.join(a.tmp, "stripped")
        try:
            shutil.copy(path, dst)
            subprocess.run(["strip", dst], check=True, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            sizes[label] = (os.path.getsize(path), os.path.getsize(dst))
        except (OSError, subprocess.SubprocessError) as e:
            rep.note(f"size of {label}: {e}")
        finally:
            try:
                os.unlink(dst)
            except OSError:
                pass
    return mem, sizes


# ---- the report ---------------------------------------------------------

class Report:
    def __init__(self):
        self.notes = []
        self.lines = []

    def note(self, msg):
        log(msg)
        self.notes.append(msg)

    def p(self, s=""):
        self.lines.append(s)


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    distro = ""
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    distro = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    try:
        ncpu = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        ncpu = os.cpu_count()
    try:
        load = "load average %.2f %.2f %.2f at the start" % os.getloadavg()
    except OSError:
        load = ""
    return (f"{platform.machine()}, {cpu}, {ncpu} CPUs (nproc)"
            + (f", {distro}" if distro else "")
            + f", Linux {platform.release()}" + (f"; {load}" if load else ""))


def version(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=10,
                           stdin=subprocess.DEVNULL)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--httpcodes", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--mini", required=True)
    ap.add_argument("--spawn", required=True)
    ap.add_argument("--keys", default="")
    ap.add_argument("--python", default="")
    ap.add_argument("--node", default="")
    ap.add_argument("--fzf", default="")
    ap.add_argument("--hyperfine", default="")
    ap.add_argument("--valgrind", default="")
    ap.add_argument("--time", default="")
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--keep", default="")
    ap.add_argument("--note", action="append", default=[])
    ap.add_argument("--runs-fast", type=int, default=200)
    ap.add_argument("--runs-slow", type=int, default=30)
    ap.add_argument("--runs-tui", type=int, default=20)
    a = ap.parse_args()
    a.sizes = [("httpcodes", a.httpcodes), ("C floor", a.floor),
               ("minimal ncurses program", a.mini)]
    if a.fzf:
        a.sizes.append(("fzf", a.fzf))

    atexit.register(kill_all)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)

    rep = Report()
    for n in a.note:
        rep.notes.append(n)
    env_plain = clean_env(term=False)
    env_tty = clean_env(term=True)

    listfile = os.path.join(a.tmp, "list.txt")
    n_codes = 0
    try:
        with open(listfile, "wb") as f:
            subprocess.run([a.httpcodes, "--list"], env=env_plain, stdout=f,
                           stdin=subprocess.DEVNULL, timeout=30, check=True)
        with open(listfile, "rb") as f:
            n_codes = sum(1 for _ in f)
    except (OSError, subprocess.SubprocessError) as e:
        rep.note(f"`httpcodes --list` failed ({e}): the fzf rows are skipped")

    hc = Subject("httpcodes (browser)", [a.httpcodes], (b"5xx", b"quit"),
                 ["q"])
    mini = Subject("minimal ncurses program", [a.mini], (b"5xx", b"quit"),
                   ["q"])
    fzf = None
    if a.fzf and n_codes:
        fzf = Subject("fzf (same list)", [a.fzf],
                      (f"{n_codes}/{n_codes}".encode(),), ["Ctrl-C"],
                      stdin_path=listfile)
    tui = [hc, mini] + ([fzf] if fzf else [])

    started = time.strftime("%Y-%m-%d %H:%M %Z")
    oneshots, r1, hf, ir1 = section_oneshot(a, env_plain, rep)
    t2, f2, b2, ir2 = section_startup(a, env_tty, tui, rep)
    r3 = section_keys(a, env_tty, hc, fzf, rep)
    r4 = section_search_cpu(a, env_plain, rep)
    mem, sizes = section_memory(a, env_tty, oneshots, tui, rep)

    # ---- print ----
    P = rep.p
    P(f"### Benchmark ({started})")
    P()
    P(f"Machine: {machine()}.  ")
    tools = [version([a.httpcodes, "--version"])]
    if a.python:
        tools.append(version([a.python, "--version"]))
    if a.node:
        tools.append("node " + version([a.node, "--version"]))
    if a.fzf:
        tools.append("fzf " + version([a.fzf, "--version"]))
    if a.hyperfine:
        tools.append(version([a.hyperfine, "--version"]))
    if a.valgrind:
        tools.append(version([a.valgrind, "--version"]))
    P("Tools: " + ", ".join(tools) + ".  ")
    P(f"Command: `tests/bench/run.sh`; LANG=C.UTF-8; terminal {COLS}x{ROWS}, "
      f"TERM=xterm-256color, through a pty. Medians.")
    P()

    # summary against the goals
    def med_of(d, k):
        return d[k]["med"] if k in d else None
    hc1 = med_of(r1, "httpcodes 404")
    fl1 = med_of(r1, "C floor (ncursesw + libunistring, one line)")
    py1 = med_of(r1, "python3 -c http.HTTPStatus(404).phrase")
    nd1 = med_of(r1, "node -e http.STATUS_CODES[404]")
    hc2 = median(t2.get(hc.label, []))
    mi2 = median(t2.get(mini.label, []))
    fz2 = median(t2.get(fzf.label, [])) if fzf else None
    hck = r3.get(hc.label)
    fzk = r3.get(fzf.label) if fzf else None

    def per_key(res):
        if not res:
            return None, None, None
        _, keys = res
        sent = [n for _, n, _ in keys if n is not None]
        return sum(sent), len(sent), (sum(sent) / len(sent) if sent else None)
    hk_total, hk_n, hk_avg = per_key(hck)
    fk_total, fk_n, fk_avg = per_key(fzk)
    down = [n for l, n, _ in hck[1] if l == "Down (one line)"] if hck else []
    down_clears = any(c for l, _, c in hck[1]
                      if l == "Down (one line)") if hck else None
    fdown = [n for l, n, _ in fzk[1]
             if l == "Down (one line)" and n is not None] if fzk else []
    cpu_ratio = None
    if r4 and "real" in r4 and "x100" in r4:
        sr = sum(ir for _, _, ir in r4["real"])
        sb = sum(ir for _, _, ir in r4["x100"])
        cpu_ratio = sb / sr if sr else None
    hcm = mem.get(hc.label)
    mim = mem.get(mini.label)

    def met(cond):
        if cond is None:
            return "n/a"
        return "yes" if cond else "**no**"

    def cmp(x, y, f):
        return None if x is None or y is None else f(x, y)

    P("| goal (issue 6) | measured | met |")
    P("|---|---|---|")
    P(f"| one-shot ≥ 10× faster than python3 | python3 / httpcodes = "
      f"{ratio(py1, hc1)} | {met(cmp(py1, hc1, lambda p, h: p >= 10 * h))} |")
    P(f"| one-shot within 1.3× of the C floor | httpcodes / floor = "
      f"{ratio(hc1, fl1, 2)} | {met(cmp(hc1, fl1, lambda h, f: h <= 1.3 * f))} |")
    P(f"| start-up within 1.5× of a minimal ncurses program | "
      f"httpcodes / minimal = {ratio(hc2, mi2, 2)} | "
      f"{met(cmp(hc2, mi2, lambda h, m: h <= 1.5 * m))} |")
    P(f"| start-up faster than fzf | httpcodes / fzf = {ratio(hc2, fz2, 2)} | "
      f"{met(cmp(hc2, fz2, lambda h, f: h < f))} |")
    P(f"| fewer bytes per key than fzf | {fmt(hk_avg, 0)} vs {fmt(fk_avg, 0)} "
      f"B/key | {met(cmp(hk_avg, fk_avg, lambda h, f: h < f))} |")
    first = hck[0] if hck else None
    P(f"| a one-line move is no full repaint | Down: "
      f"{fmt(median(down), 0)} B"
      f"{', clears the screen' if down_clears else ', no clear'}; first "
      f"frame {fmt(first, 0)} B | "
      f"{met(cmp(median(down), first, lambda d, f: d < f and not down_clears))} |")
    P(f"| search cost grows ≤ linearly (100× table: ≤ ~100×) | "
      f"instructions x100 / real = {ratio(cpu_ratio, 1)} | "
      f"{met(None if cpu_ratio is None else cpu_ratio <= 110)} |")
    P(f"| peak memory within 1.2× of the minimal ncurses program | "
      f"{fmt(hcm, 0)} vs {fmt(mim, 0)} KiB = {ratio(hcm, mim, 2)} | "
      f"{met(cmp(hcm, mim, lambda h, m: h <= 1.2 * m))} |")
    P()

    P("#### 1. One-shot look-up (spawn to exit, stdout to /dev/null)")
    P()
    hdr = "| command | runs | median ms | p25–p75 ms | min ms | / httpcodes |"
    sep = "|---|---:|---:|---:|---:|---:|"
    if hf:
        hdr += " hyperfine median ms |"
        sep += "---:|"
    if ir1:
        hdr += " instructions (callgrind) |"
        sep += "---:|"
    P(hdr)
    P(sep)
    for label, runs, argv in oneshots:
        d = r1.get(label)
        if not d:
            P(f"| `{label}` | 0 | n/a | | | |" + (" |" if hf else "")
              + (" |" if ir1 else ""))
            continue
        row = (f"| `{label}` | {d['runs']} | {d['med']:.2f} | "
               f"{d['p25']:.2f}–{d['p75']:.2f} | {d['min']:.2f} | "
               f"{ratio(d['med'], hc1, 2)} |")
        if hf:
            row += f" {fmt(hf.get(label), 2)} |"
        if ir1:
            row += f" {fmt(ir1.get(label), 0)} |"
        P(row)
    P()
    P(f"python3 / httpcodes = **{ratio(py1, hc1)}**, node / httpcodes = "
      f"**{ratio(nd1, hc1)}**, httpcodes / floor = **{ratio(hc1, fl1, 2)}** "
      f"(runs interleaved round-robin by a C posix_spawn/wait loop after 3 "
      f"warm-up runs each).")
    P()

    P(f"#### 2. Browser start-up to the first complete frame ({COLS}x{ROWS})")
    P()
    P("| program | runs | median ms | min–max ms | / httpcodes | "
      "first byte ms | first-frame bytes | instructions, start to q |")
    P("|---|---:|---:|---:|---:|---:|---:|---:|")
    for s in tui:
        v = t2.get(s.label, [])
        if not v:
            P(f"| {s.label} | 0 | n/a | | | | | |")
            continue
        P(f"| {s.label} | {len(v)} | **{median(v):.2f}** | {min(v):.2f}–"
          f"{max(v):.2f} | {ratio(median(v), hc2, 2)} | "
          f"{fmt(median(f2[s.label]), 2)} | {fmt(median(b2[s.label]), 0)} | "
          f"{fmt(ir2.get(s.label), 0)} |")
    P()
    P("From just before posix_spawn to the last byte written before "
      f"{FRAME_QUIET_MS} ms of silence, once the frame's markers (`5xx` and "
      f"`quit`; fzf: `{n_codes}/{n_codes}`) are in. fzf reads the same "
      f"{n_codes} lines of `httpcodes --list` from a file. The first of "
      f"{a.runs_tui + 1} rounds is dropped as warm-up. Instructions "
      f"(callgrind) run from exec to the exit after `q` at the first frame.")
    P()

    P("#### 3. Bytes written to the terminal per key")
    P()
    if hck or fzk:
        P("| key | httpcodes | fzf |")
        P("|---|---:|---:|")
        P(f"| (first frame, {COLS}x{ROWS}) | {fmt(hck[0] if hck else None, 0)}"
          f" | {fmt(fzk[0] if fzk else None, 0)} |")
        labels = [l for _, l in HC_SCRIPT]
        hmap = hck[1] if hck else [(l, None, False) for l in labels]
        fmap = fzk[1] if fzk else [(l, None, False) for l in labels]
        # Collapse runs of the same key into one row with a range.
        i = 0
        while i < len(labels):
            j = i
            while j + 1 < len(labels) and labels[j + 1] == labels[i]:
                j += 1
            hv = hmap[i:j + 1]
            fv = fmap[i:j + 1]

            def cell(v):
                clears = " (clears the screen)" if any(
                    c for _, x, c in v if x is not None) else ""
                v = [x for _, x, _ in v if x is not None]
                if not v:
                    return "—"
                if len(v) == 1:
                    return fmt(v[0], 0) + clears
                return f"{fmt(median(v), 0)} (median of {len(v)}: " \
                       f"{min(v)}–{max(v)}){clears}"
            P(f"| {labels[i]}{' ×%d' % (j - i + 1) if j > i else ''} | "
              f"{cell(hv)} | {cell(fv)} |")
            i = j + 1
        P(f"| **total** ({hk_n or 0} keys / {fk_n or 0} keys) | "
          f"**{fmt(hk_total, 0)}** | "
          f"**{fmt(fk_total, 0)}** |")
        P(f"| **per key** | **{fmt(hk_avg, 0)}** | **{fmt(fk_avg, 0)}** |")
        if hck and fzk:
            common = [(h, f) for (_, h, _), (_, f, _) in zip(hck[1], fzk[1])
                      if h is not None and f is not None]
            sh = sum(h for h, _ in common)
            sf = sum(f for _, f in common)
            P(f"| per key, the {len(common)} keys both got | "
              f"{fmt(sh / len(common) if common else None, 0)} | "
              f"{fmt(sf / len(common) if common else None, 0)} |")
        P()
        fd = median(fdown) if fdown else None
        P(f"A one-line move (Down inside 4xx) writes {fmt(median(down), 0)} "
          f"bytes, {pct(median(down), first)} of the first frame"
          f"{' (with a screen clear)' if down_clears else ', no screen clear'}"
          f"; in fzf {fmt(fd, 0)} bytes, "
          f"{pct(fd, fzk[0] if fzk else None)} of its first frame.")
        P()
        P("Bytes the program wrote to the pty after each key until "
          f"{KEY_QUIET_MS} ms of silence. fzf has no tree and no search key "
          "(—); its default bottom-up layout moves to the next entry with "
          "Up, and Ctrl-U clears the query where httpcodes takes Esc.")
    else:
        P("n/a")
    P()

    P("#### 4. Instructions per search keystroke (callgrind, search only)")
    P()
    if r4:
        nr = len(r4["real"])
        P(f"| query | hits | instructions | hits ×100 | instructions ×100 | "
          f"ratio |")
        P("|---|---:|---:|---:|---:|---:|")
        for (q, hr, ir), (_, hb, ib) in zip(r4["real"], r4["x100"]):
            P(f"| `{q}` | {hr} | {ir:,} | {hb} | {ib:,} | {ib / ir:.1f}× |")
        sr = sum(ir for _, _, ir in r4["real"])
        sb = sum(ir for _, _, ir in r4["x100"])
        P(f"| **per keystroke (mean of {nr})** | | **{sr // nr:,}** | | "
          f"**{sb // nr:,}** | **{sb / sr:.1f}×** |")
        P()
        P("Each keystroke is the whole query so far, searched into one "
          "reused result buffer as the browser does (tests/bench/bench_keys.c"
          "; the index is built before and not counted). The ×100 table is "
          "100 copies of the real one.")
    else:
        P("n/a")
    P()

    P("#### 5. Peak memory and size")
    P()
    P("| program | peak RSS KiB | / minimal ncurses | binary bytes | "
      "stripped bytes |")
    P("|---|---:|---:|---:|---:|")
    size_of = {"httpcodes 404": "httpcodes", hc.label: "httpcodes",
               "C floor (ncursesw + libunistring, one line)": "C floor",
               mini.label: "minimal ncurses program"}
    if fzf:
        size_of[fzf.label] = "fzf"
    shown = set()
    for label in [l for l, _, _ in oneshots] + [s.label for s in tui]:
        sz = sizes.get(size_of.get(label, ""), None)
        key = size_of.get(label)
        cells = ("", "") if sz is None or key in shown else \
            (f"{sz[0]:,}", f"{sz[1]:,}")
        if sz is not None:
            shown.add(key)
        P(f"| `{label}` | {fmt(mem.get(label), 0)} | "
          f"{ratio(mem.get(label), mim, 2)} | {cells[0]} | {cells[1]} |")
    P()
    P("Peak RSS from `/usr/bin/time -f %M`, median of 5; browsers started in "
      "the pty and quit after the first frame. Dynamically linked: shared "
      "libraries are not in the sizes.")
    P()
    if rep.notes:
        P("Notes:")
        for n in rep.notes:
            P(f"- {n}")
        P()
    print("\n".join(rep.lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
