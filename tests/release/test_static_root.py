#!/usr/bin/env python3
"""The static binary in an empty root (issue 13).

usage: test_static_root.py HTTPCODES IN_ROOT_SH

Builds a root directory holding only the binary, one terminfo entry and
empty files under /dev (tests/release/in_root.sh bind-mounts the host's
devices on them in a private mount namespace, through a user namespace when
not root), and runs there:
  - the one-shot CLI: `404`, `--json 4xx`, a Korean search (시간초과);
  - the browser on a pty with the terminfo entry in each place a Linux host
    keeps it (Debian's /lib/terminfo, /etc/terminfo, /usr/share/terminfo,
    $TERMINFO, $TERMINFO_DIRS), and with none (it must refuse);
  - the browser in tmux (tmux outside, the program inside the root): it
    starts, searches, and quits with status 0.
The root has no locales: LANG=C.UTF-8 falls back to the C locale there, as
on a host without that locale. Skips (TAP "1..0 # SKIP") when the binary is
not static (configure with -Dstatic=true) or the namespace, chroot or tmux
cannot be had. Expectations are written by hand from data/4xx.txt and
data/5xx.txt.
"""
import json
import os
import pty
import random
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, skip, skip_all  # noqa: E402

FRAME = b"5xx"
DEVICES = ("null", "zero", "full", "tty", "random", "urandom")
TERMINFO_DIRS = ("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
                 "/usr/lib/terminfo")


def elf_interp(path):
    """True when the ELF file has a PT_INTERP (a dynamic loader) or a
    PT_DYNAMIC segment: both mean it is not fully static."""
    with open(path, "rb") as f:
        h = f.read(64)
        if h[:4] != b"\x7fELF" or h[4] != 2:
            return True
        phoff, = struct.unpack_from("<Q", h, 32)
        phentsize, phnum = struct.unpack_from("<HH", h, 54)
        f.seek(phoff)
        ph = f.read(phentsize * phnum)
    for i in range(phnum):
        p_type, = struct.unpack_from("<I", ph, i * phentsize)
        if p_type in (2, 3):        # PT_DYNAMIC, PT_INTERP
            return True
    return False


def find_terminfo(name):
    for d in TERMINFO_DIRS:
        p = os.path.join(d, name[0], name)
        if os.path.isfile(p):
            return p
    return None


class Root:
    """A fresh root: the binary as /httpcodes, empty /dev files, and the
    terminfo entry `entry` copied to the directory `ti_dir` (or nowhere)."""

    def __init__(self, tmp, binary, entry, ti_dir):
        self.path = tempfile.mkdtemp(dir=tmp)
        os.mkdir(os.path.join(self.path, "dev"))
        for d in DEVICES:
            open(os.path.join(self.path, "dev", d), "w").close()
        shutil.copy(binary, os.path.join(self.path, "httpcodes"))
        if ti_dir:
            dst = os.path.join(self.path, ti_dir.lstrip("/"),
                               os.path.basename(os.path.dirname(entry)))
            os.makedirs(dst)
            shutil.copy(entry, dst)

    def files(self):
        out = []
        for base, dirs, files in os.walk(self.path):
            for f in files:
                out.append(os.path.relpath(os.path.join(base, f), self.path))
        return sorted(out)


def env_for(term=None, **extra):
    env = {"LANG": "C.UTF-8", "PATH": "/"}
    if term:
        env["TERM"] = term
    env.update(extra)
    return env


def run(in_root, root, args, env, timeout=20):
    return subprocess.run([in_root, root.path, "/httpcodes"] + args, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=timeout)


def browse_on_pty(argv, env, timeout=10.0):
    """Starts the browser on a pty (80x24), waits for its first frame (the
    5xx row and the status line's entry count; in the C locale the status
    line ends in a hint rather than the keys), sends q after 200 ms of
    quiet; returns (exit status or None, output). A program that cannot use
    the terminal exits by itself."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            import fcntl
            import termios
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    out = bytearray()
    sent = False
    last = time.monotonic()
    status = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            out += data
            last = time.monotonic()
        if (not sent and FRAME in out and b"codes |" in out
                and time.monotonic() - last > 0.2):
            os.write(fd, b"q")
            sent = True
        wpid, st = os.waitpid(pid, os.WNOHANG)
        if wpid:
            status = os.waitstatus_to_exitcode(st)
            break
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return status, bytes(out)


class Tmux:
    def __init__(self):
        self.socket = "hc-release-%d-%d" % (os.getpid(), random.randrange(1 << 30))
        self.env = dict(os.environ, LANG="C.UTF-8")
        self.env.pop("TMUX", None)

    def __call__(self, *args, check_rc=True):
        r = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                           env=self.env, capture_output=True, text=True, timeout=20)
        if check_rc and r.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {r.stderr.strip()}")
        return r.stdout

    def screen(self):
        return self("capture-pane", "-p", "-t", "t", check_rc=False)

    def wait_for(self, text, timeout=8.0):
        deadline = time.monotonic() + timeout
        s = ""
        while time.monotonic() < deadline:
            s = self.screen()
            if text in s:
                return True, s
            time.sleep(0.05)
        return False, s

    def kill(self):
        self("kill-server", check_rc=False)


def main():
    if len(sys.argv) != 3:
        print("usage: test_static_root.py HTTPCODES IN_ROOT_SH", file=sys.stderr)
        return 2
    binary, in_root = sys.argv[1], sys.argv[2]
    if elf_interp(binary):
        skip_all(f"{binary} is dynamically linked; the release suite needs "
                 "the static build: meson setup build-static -Dstatic=true")
    for tool in ("unshare", "chroot", "mount"):
        if not shutil.which(tool) and not any(
                os.access(os.path.join(d, tool), os.X_OK)
                for d in ("/usr/sbin", "/usr/bin", "/sbin", "/bin")):
            skip_all(f"{tool} (util-linux / coreutils) is missing")
    entry_name = "tmux-256color"
    entry = find_terminfo(entry_name)
    if not entry:
        entry_name = "screen"
        entry = find_terminfo(entry_name)
    if not entry:
        skip_all("no tmux-256color or screen terminfo entry on this host (ncurses-base)")

    tmp = tempfile.mkdtemp(prefix="hc-release-")
    try:
        probe = Root(tmp, binary, entry, "/usr/share/terminfo")
        r = run(in_root, probe, ["--version"], env_for())
        if r.returncode == 125:
            skip_all("cannot make a mount namespace and chroot here "
                     f"(unshare{'' if os.getuid() == 0 else ' -r'} -m): "
                     + r.stderr.decode(errors="replace").strip()[:200])
        check("ELF has no interpreter and no dynamic section (ldd: not a dynamic executable)", True)
        # Issue 13's size goal, stripped as the release script (and dh_strip) do.
        if shutil.which("strip"):
            stripped = os.path.join(tmp, "stripped")
            st = subprocess.run(["strip", "--remove-section=.comment", "--remove-section=.note",
                                 "--strip-unneeded", "-o", stripped, binary], capture_output=True)
            size = os.path.getsize(stripped) if st.returncode == 0 else None
            check("the static binary is under 2 MiB stripped",
                  size is not None and size < 2 * 1024 * 1024,
                  f"{size} bytes stripped (limit {2 * 1024 * 1024}); strip: {st.stderr!r}")
        else:
            skip("the static binary is under 2 MiB stripped", "strip (binutils) is missing")
        check("the root holds only the binary, one terminfo entry and /dev",
              probe.files() == sorted(["httpcodes", *(f"dev/{d}" for d in DEVICES),
                                       f"usr/share/terminfo/{entry_name[0]}/{entry_name}"]),
              "\n".join(probe.files()))
        check("--version runs in the empty root",
              r.returncode == 0 and r.stdout.startswith(b"httpcodes "),
              f"exit {r.returncode}: {r.stdout!r} {r.stderr!r}")

        # One-shot: 404.
        r = run(in_root, probe, ["404"], env_for())
        lines = r.stdout.decode("utf-8", "replace").splitlines()
        check("`404` answers with exit 0 and nothing on stderr",
              r.returncode == 0 and r.stderr == b"",
              f"exit {r.returncode}, stderr {r.stderr!r}")
        check("`404` prints the entry: 404 Not Found, RFC 9110 §15.5.5",
              lines[:1] == ["404 Not Found"] and any("15.5.5" in l for l in lines),
              "\n".join(lines[:5]))

        # One-shot: --json 4xx.
        r = run(in_root, probe, ["--json", "4xx"], env_for())
        try:
            data = json.loads(r.stdout.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            data = None
            err = str(e)
        check("`--json 4xx` is valid JSON (exit 0)", data is not None and r.returncode == 0,
              f"exit {r.returncode}: {r.stdout[:200]!r} {r.stderr!r} "
              f"{err if data is None else ''}")
        codes = {e.get("code") for e in data} if isinstance(data, list) else set()
        # The registered 4xx codes (RFC 9110 §15.5 and the IANA registry),
        # written out by hand.
        registered = {400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410,
                      411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
                      424, 425, 426, 428, 429, 431, 451}
        check("`--json 4xx` holds every registered 4xx code and only 4xx codes",
              registered <= codes and all(isinstance(c, int) and 400 <= c <= 499
                                          for c in codes),
              f"missing {sorted(registered - codes)}, "
              f"outside 4xx {sorted(c for c in codes if not (isinstance(c, int) and 400 <= c <= 499))}")
        by_code = {e["code"]: e for e in data if isinstance(e, dict) and "code" in e} \
            if isinstance(data, list) else {}
        check("`--json 4xx`: 404 is Not Found, 찾을 수 없음 in UTF-8 whatever the locale",
              by_code.get(404, {}).get("phrase_en") == "Not Found"
              and by_code.get(404, {}).get("name_ko") == "찾을 수 없음",
              repr(by_code.get(404))[:300])

        # One-shot: a Korean search, no spaces.
        r = run(in_root, probe, ["시간초과"], env_for())
        found = {l.split()[0] for l in r.stdout.decode("utf-8", "replace").splitlines()
                 if l.split() and l.split()[0].isdigit()}
        check("Korean search `시간초과` finds 408 and 504 (exit 0)",
              r.returncode == 0 and {"408", "504"} <= found,
              f"exit {r.returncode}: {r.stdout[:400]!r} {r.stderr!r}")

        # The host's locales (outside the root): glibc's static setlocale
        # reads /usr/lib/locale; its charset converters are out of reach.
        have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
        if "ko_kr.utf8" in have:
            r = subprocess.run([binary, "404"], env=dict(env_for(), LANG="ko_KR.UTF-8"),
                               capture_output=True, timeout=20)
            check("host locale ko_KR.UTF-8: `404` shows 찾을 수 없음 (the locale is loaded)",
                  r.returncode == 0 and "찾을 수 없음".encode() in r.stdout and r.stderr == b"",
                  f"exit {r.returncode}: {r.stdout[:200]!r} {r.stderr!r}")
        else:
            skip("host locale ko_KR.UTF-8", "not installed (.ci/install-deps makes it)")
        if "ko_kr.euckr" in have:
            r = subprocess.run([binary, "404"], env=dict(env_for(), LANG="ko_KR.EUC-KR"),
                               capture_output=True, timeout=20)
            msg = r.stderr.decode("ascii", "replace")
            check("host locale ko_KR.EUC-KR: one line says the static build cannot "
                  "convert, then ASCII English as under LANG=C (exit 0)",
                  r.returncode == 0 and msg.count("\n") == 1
                  and "cannot convert to EUC-KR" in msg
                  and r.stdout.startswith(b"404 Not Found\n") and r.stdout.isascii(),
                  f"exit {r.returncode}: {r.stdout[:200]!r} {r.stderr!r}")
            st, out = browse_on_pty([binary], dict(env_for(entry_name), LANG="ko_KR.EUC-KR",
                                                   TERMINFO_DIRS=os.path.dirname(
                                                       os.path.dirname(entry))))
            check("host locale ko_KR.EUC-KR: the browser says so once, runs in ASCII "
                  "and quits with 0",
                  st == 0 and out.count(b"cannot convert to EUC-KR") == 1
                  and FRAME in out and all(b < 0x80 for b in out),
                  f"exit {st}; output {out[:300]!r}")
        else:
            skip("host locale ko_KR.EUC-KR", "not installed (.ci/install-deps makes it)")

        # The browser finds the terminfo entry wherever a host keeps it.
        places = [("/lib/terminfo (Debian)", "/lib/terminfo", {}),
                  ("/etc/terminfo (Debian, Alpine)", "/etc/terminfo", {}),
                  ("/usr/share/terminfo (Red Hat, Alpine, Arch)", "/usr/share/terminfo", {}),
                  ("$TERMINFO", "/opt/ti", {"TERMINFO": "/opt/ti"}),
                  ("$TERMINFO_DIRS", "/opt/ti2", {"TERMINFO_DIRS": "/nowhere:/opt/ti2"})]
        for label, where, extra in places:
            root = Root(tmp, binary, entry, where)
            st, out = browse_on_pty([in_root, root.path, "/httpcodes"], env_for(entry_name, **extra))
            check(f"browser starts and quits with the entry in {label}",
                  st == 0 and FRAME in out,
                  f"exit {st}; output {out[-300:]!r}")
        root = Root(tmp, binary, entry, None)
        st, out = browse_on_pty([in_root, root.path, "/httpcodes"], env_for(entry_name))
        check("with no terminfo entry at all the browser refuses (exit 2, no screen)",
              st == 2 and FRAME not in out, f"exit {st}; output {out[-300:]!r}")

        # The browser in tmux: tmux outside, the program inside the root.
        if not shutil.which("tmux"):
            skip("browser in tmux", "tmux is missing")
        else:
            tm = Tmux()
            status_file = os.path.join(tmp, "tmux-status")
            cmd = " ".join(shlex.quote(x) for x in
                           ["env", "-i", "LANG=C.UTF-8", "PATH=/", f"TERM={entry_name}",
                            in_root, probe.path, "/httpcodes"])
            cmd += f"; echo $? >{shlex.quote(status_file)}"
            try:
                tm("start-server", ";", "set", "-g", "default-terminal", entry_name, ";",
                   "new-session", "-d", "-s", "t", "-x", "100", "-y", "30", cmd)
                ok, s = tm.wait_for("5xx Server Error")
                check("tmux: the browser draws its first frame", ok and "codes" in s, s)
                tm("send-keys", "-t", "t", "/")
                tm("send-keys", "-t", "t", "-l", "gateway timeout")
                ok, s = tm.wait_for("504 Gateway Timeout")
                check("tmux: a search for `gateway timeout` shows 504 Gateway Timeout",
                      ok, s)
                tm("send-keys", "-t", "t", "Enter")
                tm("send-keys", "-t", "t", "q")
                deadline = time.monotonic() + 8
                status = ""
                while time.monotonic() < deadline:
                    try:
                        with open(status_file) as f:
                            status = f.read().strip()
                    except OSError:
                        pass
                    if status:
                        break
                    time.sleep(0.05)
                check("tmux: q quits with status 0", status == "0",
                      f"exit status {status!r}\n{tm.screen()}")
            except (RuntimeError, subprocess.SubprocessError) as e:
                check("tmux: the browser runs", False, str(e))
            finally:
                tm.kill()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    done()


if __name__ == "__main__":
    sys.exit(main())
