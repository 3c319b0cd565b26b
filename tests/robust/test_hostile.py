#!/usr/bin/env python3
"""Hostile conditions of issue 19 (and issue 14 item 11): every signal that
ends the process, signals in the first milliseconds, a stalled link, absurd
window sizes, LINES/COLUMNS out of range, TERM=linux (gpm) under strace, and
what a terminal sends (Alt keys, bracketed paste, Home/End sequences that
terminfo lacks, refused sequences, invisible characters). TAP.

usage: test_hostile.py HTTPCODES

Each test here failed on the build before the fix (see HOSTILE.md).
"""
import fcntl
import os
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'lib'))
sys.path.insert(0, os.path.join(HERE, '..'))
import ptyproc  # noqa: E402
import tap  # noqa: E402
from tmuxdrv import Fail, Pane, Tmux  # noqa: E402

BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ''
check, skip, note = tap.check, tap.skip, tap.note
SMCUP, RMCUP = b'\x1b[?1049h', b'\x1b[?1049l'


def start(env=None, **kw):
    p = ptyproc.PtyProc(BIN, [], env or ptyproc.base_env(), **kw)
    if not p.pump(10, until=lambda q: b'5xx' in q.tty):
        st = p.wait(1)
        raise Fail('the browser did not draw (status %s): %r %r' % (st, p.tty[-300:], p.err))
    p.pump(0.2, until=lambda q: False)      # settle into the key loop
    return p


def restored(p):
    """Out of the alternate screen (the last switch is a leave), and the
    terminal modes as before (echo and canonical input on)."""
    out_of_alt = p.tty.rfind(RMCUP) > p.tty.rfind(SMCUP) >= 0
    lflag = p.attr1[3] if p.attr1 else 0
    modes = bool(lflag & termios.ECHO) and bool(lflag & termios.ICANON) and \
        p.attr1[3] == p.attr0[3] and p.attr1[0] == p.attr0[0]
    return out_of_alt, modes


# ---- 1. every signal whose default action ends the process -----------------

POLITE = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGALRM', 'SIGPIPE',
          'SIGVTALRM', 'SIGPROF']
CRASH = ['SIGSEGV', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGABRT']


# The real-time signals end a process by default too (term.c keeps their
# dispositions in a compact form: each must still be restored and raised).
REALTIME = [('SIGRTMIN', signal.SIGRTMIN), ('SIGRTMIN+3', signal.SIGRTMIN + 3),
            ('SIGRTMAX', signal.SIGRTMAX)]


def test_signals():
    for name, sig in [(n, getattr(signal, n)) for n in POLITE + CRASH] + REALTIME:
        p = start()
        os.kill(p.pid, sig)
        st = p.wait(5)
        alt, modes = restored(p)
        check('%s: the terminal restored (alternate screen left, echo and modes back), '
              'then killed by %s (status %s)' % (name, name, st),
              st == -sig and alt and modes, (st, alt, modes, p.tty[-160:]))


def test_early_signals():
    """A signal in the first milliseconds, before and while curses sets up:
    death by the signal every time, the terminal modes as they were."""
    rnd = random.Random(19)
    bad = []
    runs = 60
    for i in range(runs):
        sig = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)[i % 3]
        p = ptyproc.PtyProc(BIN, [], ptyproc.base_env())
        # From the exec on (a signal before it hits the test's own fork).
        end = time.monotonic() + 2
        while time.monotonic() < end:
            try:
                if os.path.realpath('/proc/%d/exe' % p.pid) == os.path.realpath(BIN):
                    break
            except OSError:
                pass
            time.sleep(0.0005)
        time.sleep(rnd.uniform(0, 0.03))
        os.kill(p.pid, sig)
        st = p.wait(5)
        modes = p.attr1 is not None and p.attr1[3] == p.attr0[3]
        # Either before anything was drawn or after a full restore.
        alt = p.tty.rfind(SMCUP) < 0 or p.tty.rfind(RMCUP) > p.tty.rfind(SMCUP)
        if not (st == -sig and modes and alt):
            bad.append((i, signal.Signals(sig).name, st, modes, alt))
    check('signals in the first 0-30 ms (%d runs): killed by the signal, terminal as it was' % runs,
          not bad, bad[:10])


# ---- 2. a stalled link -----------------------------------------------------

def blocked_in_write(pid):
    try:
        with open('/proc/%d/syscall' % pid) as f:
            return f.read().split()[0] == '1'          # write(2)
    except (OSError, IndexError):
        return False


def stall(p, limit=8.0):
    """Stop reading the terminal and make the program draw until it blocks
    (full repaints with Ctrl-L). True once it is stuck in write()."""
    p.open.discard(p.m)
    end = time.monotonic() + limit
    while time.monotonic() < end:
        os.write(p.m, b'\x0c')
        time.sleep(0.01)
        if blocked_in_write(p.pid):
            time.sleep(0.1)
            if blocked_in_write(p.pid):
                return True
    return False


def test_stalled_link():
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        name = signal.Signals(sig).name
        p = start()
        stuck = stall(p)
        t0 = time.monotonic()
        os.kill(p.pid, sig)
        end = t0 + 5
        while not p._reap() and time.monotonic() < end:
            time.sleep(0.01)
        wall = (p.t_exit or time.monotonic()) - t0
        st = p.wait(3)
        check('stalled link (program blocked in write: %s): %s ends it within 4 s, killed by it '
              '(%.2f s, status %s)' % (stuck, name, wall, st),
              stuck and st == -sig and wall < 4.0, (stuck, st, wall))
        lflag = p.attr1[3] if p.attr1 else 0
        check('stalled link, %s: echo and canonical mode restored' % name,
              bool(lflag & termios.ECHO) and bool(lflag & termios.ICANON), p.attr1)

    # The tty in O_NONBLOCK (set by another process on it): ncurses would
    # retry EAGAIN forever at 100% CPU. No spinning; a signal still ends it.
    p = start(nonblock=True)
    p.open.discard(p.m)
    for _ in range(300):
        os.write(p.m, b'\x0c')
        time.sleep(0.005)
    c0, t0 = p.cpu(), time.monotonic()
    time.sleep(1.5)
    cpu = p.cpu() - c0
    note('stalled, O_NONBLOCK tty: %.0f ms CPU in %.1f s' % (cpu * 1e3, time.monotonic() - t0))
    check('stalled link with the tty in O_NONBLOCK: no spinning (< 0.5 s CPU in 1.5 s)',
          cpu < 0.5, 'cpu %.3f s' % cpu)
    t0 = time.monotonic()
    os.kill(p.pid, signal.SIGTERM)
    end = t0 + 5
    while not p._reap() and time.monotonic() < end:
        time.sleep(0.01)
    wall = (p.t_exit or time.monotonic()) - t0
    st = p.wait(3)
    check('stalled link with O_NONBLOCK: SIGTERM ends it within 4 s (%.2f s, status %s)' % (wall, st),
          st == -signal.SIGTERM and wall < 4.0, (st, wall))


# ---- 3. absurd sizes ---------------------------------------------------------

def test_sizes():
    for rows, cols, label in ((24, 32768, '32768 columns'), (32768, 80, '32768 rows'),
                              (65535, 65535, '65535x65535'), (10000, 10000, '10000x10000')):
        # Resized while running (SIGWINCH), as an SSH window-change does.
        p = start()
        c0 = p.cpu()
        ptyproc.winsize(p.m, rows, cols)
        p.pump(1.5, until=lambda q: False)
        alive = p._reap() is False
        p.write(b'q')
        st = p.wait(10)
        cpu = p.cpu() - c0 if st is not None else float('inf')
        rss = p.rusage.ru_maxrss / 1024 if p.rusage else float('inf')
        alt, modes = restored(p)
        note('%s: %.0f ms CPU, %.0f MiB peak' % (label, cpu * 1e3, rss))
        check('resize to %s: alive, q quits with 0, terminal restored, < 2 s CPU, < 200 MiB'
              % label, alive and st == 0 and alt and modes and cpu < 2 and rss < 200,
              (alive, st, alt, modes, cpu, rss))
    # That size at start.
    p = ptyproc.PtyProc(BIN, [], ptyproc.base_env(), rows=24, cols=40000)
    drew = p.pump(10, until=lambda q: b'5xx' in q.tty)
    p.write(b'q')
    st = p.wait(10)
    check('started at 40000 columns: draws, q quits with 0', drew and st == 0, (drew, st, p.err))

    # LINES / COLUMNS beyond what a terminal can be: said so, exit 2.
    for var in ('COLUMNS', 'LINES'):
        st, p = ptyproc.PtyProc(BIN, [], ptyproc.base_env(**{var: '40000'})), None
        p, st = st, st.wait(5)
        err = p.err.decode(errors='replace')
        check('%s=40000: one line naming %s, exit 2, terminal untouched' % (var, var),
              st == 2 and var in err and 'unknown' not in err and err.count('\n') == 1
              and p.tty == b'', (st, err, p.tty[:80]))


# ---- 4. TERM=linux: no gpm, no socket ---------------------------------------

NETWORK = re.compile(r'\b(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg)\(')


def test_gpm():
    if not shutil.which('strace'):
        skip('TERM=linux under strace', 'strace is not installed')
        return
    if subprocess.run(['strace', '-f', '-o', '/dev/null', 'true'], capture_output=True).returncode:
        skip('TERM=linux under strace', 'strace cannot trace here (no ptrace)')
        return
    log = '/tmp/hc-hostile-strace-%d' % os.getpid()
    env = ptyproc.base_env(TERM='linux')
    env['ASAN_OPTIONS'] = (env.get('ASAN_OPTIONS', '') + ':detect_leaks=0').lstrip(':')
    p = ptyproc.PtyProc('/usr/bin/strace', ['-f', '-qq', '-o', log, '-e',
                                            'trace=network,openat,open,creat,execve', BIN], env)
    try:
        drew = p.pump(20, until=lambda q: b'5xx' in q.tty)
        p.pump(0.3, until=lambda q: False)
        p.write(b'q')
        st = p.wait(20)
        with open(log, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
    finally:
        if os.path.exists(log):
            os.unlink(log)
    net = [l for l in lines if NETWORK.search(l) or 'gpm' in l]
    writes = [l for l in lines if re.search(r'\bO_(WRONLY|RDWR|CREAT|TRUNC|APPEND)\b', l)]
    check('TERM=linux: the browser draws and q quits with 0', drew and st == 0, (drew, st, p.err))
    check('TERM=linux: no gpm, no socket (strace)', not net, net)
    check('TERM=linux: no file (not even the tty) opened for writing', not writes, writes)


# ---- 5. what a terminal sends ------------------------------------------------

def box(L):
    return L[0][len('Search: '):].rstrip() if L[0].startswith('Search: ') else None


def in_box(tmux, fn, name):
    """Run fn(p) on a fresh browser with the search box open; a failure
    (a quit, a timeout) is this check failing, not the group."""
    p = tmux.start(80, 24, [])
    try:
        p.wait_text('Search:', '5xx')
        p.keys('/')
        fn(p)
    except Fail as e:
        check(name, False, [str(e)] + ['|' + l for l in e.screen or []])
    finally:
        p.close()


def test_keys(tmux):
    def alt(p):
        p.text('ab')
        p.wait(lambda L: box(L) == 'ab', 'ab in the box')
        # Alt-q and Alt-b arrive as ESC q, ESC b (tmux sends them so).
        p.keys('M-q')
        p.keys('M-b')
        p.text('c')
        L = try_wait(p, lambda L: box(L) == 'abc', 3)
        check('Alt-q and Alt-b in the search box: no quit, nothing cleared or typed',
              p.info('#{pane_dead}') == '0' and box(L) == 'abc', L)
    in_box(tmux, alt, 'Alt-q and Alt-b in the search box')

    # Home/End as terminals send them when terminfo says otherwise.
    seqs = [('\\e[1~', '1b5b317e', '\\e[4~', '1b5b347e'), ('\\e[7~', '1b5b377e', '\\e[8~', '1b5b387e'),
            ('\\eOH', '1b4f48', '\\eOF', '1b4f46'), ('\\e[H', '1b5b48', '\\e[F', '1b5b46')]
    for home, hh, end, eh in seqs:
        def home_end(p):
            p.text('mid')
            p.wait(lambda L: box(L) == 'mid', 'mid in the box')
            p.keys('-H', *re.findall('..', hh))
            p.text('<')
            p.keys('-H', *re.findall('..', eh))
            p.text('>')
            L = try_wait(p, lambda L: box(L) == '<mid>', 3)
            check('%s is Home and %s is End in the search box' % (home, end), box(L) == '<mid>', L)
        in_box(tmux, home_end, '%s / %s' % (home, end))

    # A sequence that means nothing here never lands in the box.
    def refused(p):
        p.text('x')
        p.wait(lambda L: box(L) == 'x', 'x in the box')
        for hexseq in ('1b5b31357e', '1b5b3f313b3263', '1b5b49', '1b4f50', '1b5b323030'):
            p.keys('-H', *re.findall('..', hexseq))
            time.sleep(0.1)
        p.text('y')
        L = try_wait(p, lambda L: box(L) == 'xy', 3)
        check('refused sequences (F5, a device report, focus, F1, a cut paste marker): nothing in the box',
              box(L) == 'xy', L)
    in_box(tmux, refused, 'refused sequences')

    # Invisible characters: refused, as hc_box_accepts says.
    def invisible(p):
        p.text('a\u180e\u034f\U000e0041\ufe0fb')
        L = try_wait(p, lambda L: box(L) is not None and box(L).startswith('a') and box(L).endswith('b'), 3)
        ok = box(L) == 'ab'
        p.text('\u180e')
        L2 = try_wait(p, lambda L: 'cannot be searched' in L[-1], 3)
        check('U+180E, U+034F, a tag character and a variation selector are refused (and said so)',
              ok and 'cannot be searched' in L2[-1] and box(L2) == 'ab', [repr(L[0]), repr(L2[0])] + L2[-1:])
    in_box(tmux, invisible, 'invisible characters')


def try_wait(p, pred, timeout):
    try:
        return p.wait(pred, 'the screen', timeout)
    except Fail as e:
        return e.screen or p.cap()


def test_paste():
    """Bracketed paste: turned on, a paste taken as one edit into the search
    box (a pasted q does not quit, a newline does not act as Enter), the
    markers never in the box, and turned off again at exit."""
    p = start()
    on = b'\x1b[?2004h' in p.tty
    p.write(b'\x1b[200~q 4\t04\r\n\x1b[201~')
    got = p.pump(3, until=lambda q: b'Search: \x1b' in q.tty or b'q 4 04' in q.tty)
    p.pump(0.5, until=lambda q: False)
    tail = p.tty[-3000:]
    alive = p._reap() is False
    p.write(b'\x1b')
    time.sleep(0.2)
    p.write(b'q')
    st = p.wait(5)
    check('bracketed paste is turned on at start', on, p.tty[:300])
    check('a bracketed paste goes into the search box as text ("q 4 04"), no key acts',
          got and alive and b'q 4 04' in tail and b'200~' not in tail and b'201~' not in tail,
          (alive, tail[-400:]))
    check('bracketed paste is off again at exit (q quits with 0)',
          st == 0 and p.tty.rfind(b'\x1b[?2004l') > p.tty.rfind(b'\x1b[?2004h'), (st, p.tty[-200:]))


def main():
    if len(sys.argv) != 2:
        print('Bail out! usage: test_hostile.py HTTPCODES')
        return 99
    note('binary %s' % BIN)
    # Crash signals dump no core here.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    groups = [('signals', test_signals), ('early signals', test_early_signals),
              ('stalled link', test_stalled_link), ('sizes', test_sizes), ('gpm', test_gpm),
              ('paste', test_paste)]
    tmux = None
    if shutil.which('tmux'):
        tmux = Tmux(BIN, 'C.UTF-8')
        tmux.boot()
        groups.append(('keys', lambda: test_keys(tmux)))
    else:
        skip('keys in tmux', 'tmux is not installed')
    try:
        for name, fn in groups:
            t0 = time.monotonic()
            try:
                fn()
            except Exception as e:     # one group failing must not hide the others
                import traceback
                check('%s: ran to the end' % name, False,
                      [str(e)] + ['|' + l for l in getattr(e, 'screen', None) or []]
                      + traceback.format_exc().splitlines()[-6:])
            note('%s: %.1f s' % (name, time.monotonic() - t0))
    finally:
        if tmux:
            tmux.kill()
    tap.plan()
    return 0


if __name__ == '__main__':
    sys.exit(main())
