#!/usr/bin/env python3
"""The --count benchmark of issue 11: httpcodes against the usual one-liners.

usage: tests/bench/logs_bench.py [--quick] [--runs N] [BUILD_DIR]

Generates a deterministic combined-format access log (tests/bench/
gen_access_log.c, compiled with cc into the data directory) of 100 MiB and,
unless --quick, 1 GiB, plus a gzip copy of each, in $LOGBENCH_DIR (default
/tmp/httpcodes-logbench; kept between runs, never in the repository). Then,
with the files in the page cache, runs side by side, interleaved:

  httpcodes --count --tsv FILE        wc -l FILE
  mawk '{c[$9]++} END {...}' FILE     sh -c "awk '{print $9}' FILE | sort | uniq -c"
  goaccess FILE -o report.json        (100 MiB only: it takes ~40 s per 100 MiB here)
  httpcodes --count --tsv FILE.gz     sh -c "zcat FILE.gz | wc -l"

and prints a Markdown report: median wall time, median CPU time (user +
system, from wait4), peak RSS (ru_maxrss), the ratios the issue sets goals
for, and whether httpcodes's counts agree with mawk's. Not a test: it exits 0
whenever it printed a report. The machine's load average is printed too, as
wall times on a shared machine move with it.
"""

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
args = [a for a in sys.argv[1:]]
quick = "--quick" in args
runs = 5
if "--runs" in args:
    runs = int(args[args.index("--runs") + 1])
    del args[args.index("--runs"):args.index("--runs") + 2]
args = [a for a in args if a != "--quick"]
build = os.path.abspath(args[0] if args else os.path.join(ROOT, "build"))
BIN = os.path.join(build, "httpcodes")
DATA = os.environ.get("LOGBENCH_DIR", "/tmp/httpcodes-logbench")


def say(msg):
    print(f"logbench: {msg}", file=sys.stderr, flush=True)


if not os.access(BIN, os.X_OK):
    say(f"{BIN} not built (meson compile -C {build})")
    sys.exit(2)
os.makedirs(DATA, exist_ok=True)
gen = os.path.join(DATA, "gen_access_log")
subprocess.run(["cc", "-O2", "-o", gen, os.path.join(HERE, "gen_access_log.c")], check=True)

MiB = 1024 * 1024
sizes = [("100 MiB", 100 * MiB)] + ([] if quick else [("1 GiB", 1024 * MiB)])
files = {}
for label, size in sizes:
    path = os.path.join(DATA, f"access-{size // MiB}M.log")
    if not os.path.exists(path) or os.path.getsize(path) < size:
        say(f"generating {path}")
        with open(path + ".tmp", "wb") as f:
            subprocess.run([gen, str(size)], stdout=f, check=True)
        os.rename(path + ".tmp", path)
    if not os.path.exists(path + ".gz") or os.path.getmtime(path + ".gz") < os.path.getmtime(path):
        say(f"compressing {path}")
        with open(path + ".gz.tmp", "wb") as f:
            subprocess.run(["gzip", "-c", path], stdout=f, check=True)
        os.rename(path + ".gz.tmp", path + ".gz")
    files[label] = path


def mib(kib):
    return f"{kib / 1024:.1f} MiB" if kib is not None else "?"


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 20):
            pass


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RSS_FILE = os.path.join(DATA, "rss.txt")


def measure(cmd, out=subprocess.DEVNULL):
    """(wall s, cpu s, maxrss KiB) of one run. CPU from wait4; peak RSS from
    /usr/bin/time -f %M (wait4's ru_maxrss would count the forked Python
    image before exec). RSS is None without /usr/bin/time."""
    full = [TIME, "-f", "%M", "-o", RSS_FILE, *cmd] if TIME else cmd
    t = time.perf_counter()
    p = subprocess.Popen(full, stdout=out, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        say(f"{cmd[0]} exited with {status}")
    rss = None
    if TIME:
        try:
            with open(RSS_FILE) as f:
                rss = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return wall, ru.ru_utime + ru.ru_stime, rss


def commands(path):
    q = path.replace("'", "'\\''")
    cmds = [
        ("httpcodes --count", [BIN, "--count", "--tsv", path]),
        ("wc -l", ["wc", "-l", path]),
    ]
    if shutil.which("mawk"):
        cmds.append(("mawk '{c[$9]++} END {…}'", ["mawk", "{c[$9]++} END {for (k in c) print k, c[k]}", path]))
    cmds.append(("awk '{print $9}' \\| sort \\| uniq -c", ["sh", "-c", f"awk '{{print $9}}' '{q}' | sort | uniq -c"]))
    return cmds


def gz_commands(path):
    q = path.replace("'", "'\\''")
    return [("httpcodes --count (.gz)", [BIN, "--count", "--tsv", path + ".gz"]),
            ("zcat \\| wc -l", ["sh", "-c", f"zcat '{q}.gz' | wc -l"])]


def run_set(cmds, n, warm_paths):
    for p in warm_paths:
        warm(p)
    res = {name: [] for name, _ in cmds}
    for _ in range(n):
        for name, cmd in cmds:     # interleaved, so that load changes hit every row alike
            res[name].append(measure(cmd))
    return {name: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v),
                   max((r[2] for r in v if r[2] is not None), default=None), len(v))
            for name, v in res.items()}


def load():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


cpu = "?"
try:
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
except OSError:
    pass
lines = []
w = lines.append
w(f"Machine: {platform.machine()}, {cpu}, {os.cpu_count()} CPUs; load average {load()} at the start.  ")
w(f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Command: `tests/bench/logs_bench.py"
  f"{' --quick' if quick else ''}`; files in the page cache; medians of interleaved runs.  ")
ver = subprocess.run([BIN, "--version"], capture_output=True, text=True).stdout.strip()
w(f"Tools: {ver}, {subprocess.run(['wc', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}, "
  f"mawk {'yes' if shutil.which('mawk') else 'missing'}, "
  f"goaccess {'yes' if shutil.which('goaccess') else 'missing'}, "
  f"{subprocess.run(['gzip', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}.")
w("")
goals = []
for label, path in files.items():
    n = runs if label == "100 MiB" else max(3, runs // 2)
    say(f"{label}: plain, {n} runs each")
    r = run_set(commands(path), n, [path])
    if label == "100 MiB" and shutil.which("goaccess"):
        say(f"{label}: goaccess, once")
        with tempfile.TemporaryDirectory() as td:
            g = measure(["goaccess", path, "--log-format=COMBINED", "--no-progress",
                         "-o", os.path.join(td, "report.json")])
        r["goaccess (JSON report)"] = (g[0], g[1], g[2], 1)
    say(f"{label}: gzip, {n} runs each")
    rg = run_set(gz_commands(path), n, [path + ".gz"])
    # the counts must agree with mawk's
    agree = "not checked"
    if shutil.which("mawk"):
        a = subprocess.run([BIN, "--count", "--tsv", path], capture_output=True, text=True).stdout
        b = subprocess.run(["mawk", "{c[$9]++} END {for (k in c) print k \"\\t\" c[k]}", path],
                           capture_output=True, text=True).stdout
        mine = {l.split("\t")[0]: l.split("\t")[1] for l in a.splitlines()}
        theirs = {l.split("\t")[0]: l.split("\t")[1] for l in b.splitlines()}
        agree = "yes" if mine == theirs else f"NO: {mine} vs {theirs}"
    hc = r["httpcodes --count"]
    w(f"### {label} ({os.path.getsize(path) / MiB:,.0f} MiB, {os.path.getsize(path + '.gz') / MiB:,.0f} MiB "
      f"gzipped); counts agree with mawk: {agree}")
    w("")
    w("| command | wall (median) | CPU (median) | peak RSS | runs | wall ÷ httpcodes |")
    w("|---|---:|---:|---:|---:|---:|")
    for name, (wall, c, rss, k) in list(r.items()):
        w(f"| `{name}` | {wall:.3f} s | {c:.3f} s | {mib(rss)} | {k} | {wall / hc[0]:.2f}× |")
    hz = rg["httpcodes --count (.gz)"]
    for name, (wall, c, rss, k) in rg.items():
        w(f"| `{name}` | {wall:.3f} s | {c:.3f} s | {mib(rss)} | {k} | {wall / hz[0]:.2f}× |")
    w("")
    if "mawk '{c[$9]++} END {…}'" in r:
        m = r["mawk '{c[$9]++} END {…}'"]
        goals.append((f"{label}: ≥ 5× faster than mawk", f"{m[0] / hc[0]:.1f}× (CPU {m[1] / hc[1]:.1f}×)",
                      m[0] / hc[0] >= 5))
    wc = r["wc -l"]
    goals.append((f"{label}: within 3× of wc -l", f"{hc[0] / wc[0]:.2f}× (CPU {hc[1] / max(wc[1], 1e-3):.2f}×)",
                  hc[0] / wc[0] <= 3))
    z = rg["zcat \\| wc -l"]
    goals.append((f"{label}: .gz within 1.3× of zcat \\| wc -l", f"{hz[0] / z[0]:.2f}×", hz[0] / z[0] <= 1.3))
    if hc[2] is not None and hz[2] is not None:
        goals.append((f"{label}: peak RSS < 8 MiB", f"{max(hc[2], hz[2]) / 1024:.1f} MiB",
                      max(hc[2], hz[2]) < 8 * 1024))
    else:
        goals.append((f"{label}: peak RSS < 8 MiB", "not measured (no /usr/bin/time)", False))
w("| goal (issue 11) | measured | met |")
w("|---|---|---|")
for g, m, ok in goals:
    w(f"| {g} | {m} | {'yes' if ok else 'no'} |")
w("")
w(f"Load average at the end: {load()}.")
report = "\n".join(lines) + "\n"
sys.stdout.write(report)
try:
    with open(os.path.join(build, "logbench-report.md"), "w") as f:
        f.write(report)
except OSError:
    pass
