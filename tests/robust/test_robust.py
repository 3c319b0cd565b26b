#!/usr/bin/env python3
"""Hostile conditions, proven with the real binary (TAP).

usage: test_robust.py HTTPCODES DATA_DIR

What tests/screen and tests/cli already check is not repeated here. This
covers: unusable terminals (TERM unset, unknown, dumb; stdin or stdout not a
terminal), disconnects (the pty master closed with and without SIGHUP, stdin's
terminal hung up, the tmux pane killed, stdin at EOF), SIGHUP, a storm of
hundreds of resizes, hostile bytes typed into the search box and a 1 MiB
argument, the browser under LANG=POSIX, --lang ko under LANG=C and under
ko_KR.EUC-KR, least privilege of the browser (strace), and 8-colour and
NO_COLOR terminals.

Programs run either in a pty made here (os.openpty and fork, so that stdin and
stdout are real terminals and every byte written to them is seen) or inside a
private tmux server (one socket per run, killed at the end). Waiting is done by
polling. Expected text comes from data/*.txt or issue 5, never from a previous
run of the program. Free text is printed as '#' lines.
"""
import fcntl
import os
import random
import re
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'screen'))
sys.path.insert(0, os.path.join(HERE, '..', 'lib'))
sys.path.insert(0, os.path.join(HERE, '..'))
import ptyproc  # noqa: E402
import tap  # noqa: E402
from test_screen import check_frame, fresh  # noqa: E402
from tmuxdrv import (Fail, Pane, Tmux, cells, sgr_has_color, sgr_has_reverse,  # noqa: E402
                     sgr_params)

POLL = 0.02
BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ''
DATA = sys.argv[2] if len(sys.argv) > 2 else ''
ESC_SEQ = re.compile(rb'\x1b|\xc2[\x80-\x9f]')    # ESC, or a C1 control in UTF-8
check, skip, note = tap.check, tap.skip, tap.note


def has_hangul(text):
    return any('\u1100' <= ch <= '\u11ff' or '\u3130' <= ch <= '\u318f'
               or '\uac00' <= ch <= '\ud7a3' for ch in text)


def stanzas(name):
    """The stanzas of one data file as dicts (enough of data/FORMAT.md)."""
    out, cur, key = [], {}, None
    with open(os.path.join(DATA, name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#'):
                continue
            if not line.strip():
                if cur:
                    out.append(cur)
                cur, key = {}, None
            elif line.startswith(' ') and key:
                cur[key] = (cur[key] + ' ' + line[1:]).strip()
            else:
                key, _, v = line.partition(':')
                cur[key] = v.strip()
    if cur:
        out.append(cur)
    return out


def entry(code):
    for name in sorted(os.listdir(DATA)):
        if re.match(r'^%dxx\.txt$' % (code // 100), name):
            for s in stanzas(name):
                if s.get('Code') == str(code):
                    return s
    raise Fail('code %d not in the data files' % code)


def klass(digit):
    for s in stanzas('classes.txt'):
        if s.get('Class') == str(digit):
            return s
    raise Fail('class %d not in classes.txt' % digit)


def locales():
    try:
        out = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE).stdout.decode(errors='replace')
    except OSError:
        return set()
    return {l.strip().lower().replace('-', '') for l in out.splitlines()}


# ---- programs in a pty made here ------------------------------------------

def base_env(**kw):
    return ptyproc.base_env(**kw)


def PtyProc(args, env, **kw):
    return ptyproc.PtyProc(BIN, args, env, **kw)


winsize = ptyproc.winsize


# The bounds on wall and CPU time below tell a prompt exit from a hang or a
# spin (which would run to the timeout); they are loose on purpose, as CI
# runs the suite under ASan on two loaded cores.
def run_pty(args, env, timeout=10, **kw):
    p = PtyProc(args, env, **kw)
    st = p.wait(timeout)
    return st, p


def one_line(b):
    return b.endswith(b'\n') and b.count(b'\n') == 1 and b.startswith(b'httpcodes: ')


def drawn(p):
    """The first frame is out: the last class and the status line (its
    language; the search line is in Korean in a Korean locale)."""
    return b'5xx' in p.tty and (b'Search:' in p.tty or b'| en' in p.tty)


# ---- 1. unusable terminals ------------------------------------------------

def test_terminals():
    for term, word in ((None, b'TERM'), ('unknown-term-xyz', b'unknown-term-xyz'), ('dumb', b'dumb')):
        label = 'TERM unset' if term is None else 'TERM=' + term
        st, p = run_pty([], base_env(TERM=term))
        check('%s: exit status 2' % label, st == 2, 'status %s' % st)
        check('%s: exactly one line on stderr, naming %s' % (label, word.decode()),
              one_line(p.err) and word in p.err, p.err)
        check('%s: nothing written to the terminal, its modes unchanged' % label,
              p.tty == b'' and p.attr1 == p.attr0, (p.tty, p.attr0, p.attr1))
    # -i asks for the browser outright: the same refusal, before the query is used.
    st, p = run_pty(['-i', '404'], base_env(TERM='dumb'))
    check('TERM=dumb -i 404: one line, exit 2, terminal untouched',
          st == 2 and one_line(p.err) and p.tty == b'', (st, p.err, p.tty))
    # A terminal type that exists but cannot move the cursor (curses starts,
    # then the program refuses): made with tic, since Debian ships none.
    if shutil.which('tic'):
        ti = '/tmp/hc-robust-ti-%d-%d' % (os.getpid(), random.randrange(1 << 30))
        src = ti + '.src'
        with open(src, 'w') as f:
            f.write('hc-nocup|a terminal without cursor addressing,\n\tam, cols#80, lines#24,\n'
                    '\tbel=^G, clear=\\E[H\\E[2J, cr=\\r, cud1=\\n, ind=\\n,\n')
        try:
            made = subprocess.run(['tic', '-o', ti, src], capture_output=True).returncode == 0
            if made:
                st, p = run_pty([], base_env(TERM='hc-nocup', TERMINFO=ti))
        finally:
            os.unlink(src)
            shutil.rmtree(ti, ignore_errors=True)
        if made:
            check('a terminfo entry without cup: one line, exit 2, nothing written, modes unchanged',
                  st == 2 and one_line(p.err) and b'hc-nocup' in p.err and p.tty == b''
                  and p.attr1 == p.attr0, (st, p.err, p.tty))
        else:
            skip('a terminfo entry without cup', 'tic failed')
    else:
        skip('a terminfo entry without cup', 'tic is not installed')

    # stdin not a terminal, stdout one: no browser, and no --list on the screen.
    st, p = run_pty([], base_env(), stdin='null')
    check('stdin not a terminal, stdout one, no query: exit 2', st == 2, 'status %s' % st)
    check('stdin not a terminal: one line on stderr about standard input',
          one_line(p.err) and b'input' in p.err, p.err)
    check('stdin not a terminal: nothing written to the terminal', p.tty == b'', p.tty[:300])
    phrase = entry(404)['Phrase'].encode()
    st, p = run_pty(['404'], base_env(), stdin='null')
    text = re.sub(rb'\x1b\[[0-9;]*m', b'', p.tty)
    check('stdin not a terminal, a query given: the entry is printed, exit 0',
          st == 0 and b'404 ' + phrase in text and p.err == b'', (st, p.err, p.tty[:300]))

    # stdout not a terminal, stdin one: --list, and the terminal is untouched.
    n_codes = sum(1 for f in os.listdir(DATA) if re.match(r'^[1-5]xx.*\.txt$', f)
                  for s in stanzas(f) if 'Code' in s)
    st, p = run_pty([], base_env(), stdout='pipe')
    rows = [l.split(b'\t') for l in p.out.splitlines()]
    check('stdout not a terminal, no query: prints --list (one row per data stanza)',
          st == 0 and len(rows) == n_codes and all(len(r) == 5 for r in rows)
          and [b'404', phrase] == rows[[r[0] for r in rows].index(b'404')][:2],
          (st, len(rows), n_codes, p.err))
    check('stdout not a terminal: nothing written to the terminal, no escape sequence',
          p.tty == b'' and not ESC_SEQ.search(p.out), p.tty[:200])
    st, p = run_pty(['-i'], base_env(), stdout='pipe')
    check('-i with stdout not a terminal: one line, exit 2',
          st == 2 and one_line(p.err) and p.out == b'' and p.tty == b'', (st, p.err, p.out[:200]))


# ---- 2. disconnects -------------------------------------------------------

def start_browser(env=None, **kw):
    p = PtyProc([], env or base_env(), **kw)
    if not p.pump(10, until=drawn):
        st = p.wait(1)
        raise Fail('the browser did not draw (status %s): %r %r' % (st, p.tty[-300:], p.err))
    p.pump(0.2, until=lambda q: False)      # settle into the key loop
    return p


def test_disconnects(tmux):
    # SSH drop: the master of the controlling terminal closes (the kernel
    # sends SIGHUP), and the same without a controlling terminal (no
    # signal: only read() failing tells).
    for ctty, label in ((True, 'pty closed (SIGHUP)'), (False, 'pty closed, no controlling tty')):
        p = start_browser(ctty=ctty)
        cpu0 = p.cpu()
        t0 = time.monotonic()
        p.close_master()
        st = p.wait(5)
        wall = (p.t_exit or time.monotonic()) - t0
        cpu = p.cpu() - cpu0 if st is not None else float('inf')
        note('%s: exit %s after %.0f ms, %.0f ms CPU after the drop' % (label, st, wall * 1e3, cpu * 1e3))
        check('%s: exits within 3 s' % label, st is not None and wall < 3.0, 'wall %.3f s' % wall)
        check('%s: does not spin (CPU after the drop < 0.5 s)' % label, cpu < 0.5, 'cpu %.3f s' % cpu)
        # SIGHUP ends it as the signal asks (terminal restored, then death
        # by SIGHUP); without a signal it exits 129 itself. Never a crash.
        check('%s: an exit or death by SIGHUP, not a crash (%s)' % (label, st),
              st is not None and (st > 0 or st == -signal.SIGHUP), st)

    # stdin's own terminal hangs up while stdout's stays: the program leaves
    # and restores the terminal it drew on.
    p = start_browser(stdin='other', ctty=False)
    cpu0 = p.cpu()
    t0 = time.monotonic()
    p.close_master(p.m2)
    st = p.wait(5)
    wall = (p.t_exit or time.monotonic()) - t0
    cpu = p.cpu() - cpu0 if st is not None else float('inf')
    note('stdin hung up: exit %s after %.0f ms, %.0f ms CPU' % (st, wall * 1e3, cpu * 1e3))
    check('stdin hung up alone: exits within 3 s without spinning',
          st is not None and st > 0 and wall < 3.0 and cpu < 0.5, (st, wall, cpu))
    tail = p.tty[p.tty.rfind(b'Search:'):]
    check('stdin hung up alone: the drawn-on terminal leaves the alternate screen',
          b'\x1b[?1049l' in tail, p.tty[-200:])

    # stdin at EOF: -i < /dev/null on a terminal.
    t0 = time.monotonic()
    st, p = run_pty(['-i'], base_env(), stdin='null', timeout=5)
    wall = (p.t_exit or time.monotonic()) - t0
    cpu = p.cpu() if st is not None else float('inf')
    check('-i < /dev/null: one line, exit 2 within 3 s, no spin, terminal untouched',
          st == 2 and wall < 3.0 and cpu < 0.5 and one_line(p.err) and p.tty == b'',
          (st, wall, cpu, p.err, p.tty[:200]))

    # The tmux pane is killed (tmux closes the pty and sends SIGHUP).
    pane = tmux.start(80, 24, [])
    pane.wait_text('Search:', '5xx')
    pid = int(pane.info('#{pane_pid}'))
    check('kill-pane: #{pane_pid} is the browser',
          os.path.realpath('/proc/%d/exe' % pid) == os.path.realpath(BIN), pid)
    t0 = time.monotonic()
    tmux.run('kill-pane', '-t', pane.name)
    gone = None
    while time.monotonic() - t0 < 6:
        if not alive(pid):
            gone = time.monotonic() - t0
            break
        time.sleep(0.005)
    note('kill-pane: process gone after %s' % ('%.0f ms' % (gone * 1e3) if gone is not None else 'never'))
    check('kill-pane: the process is gone within 5 s', gone is not None and gone < 5.0, gone)


def alive(pid):
    """Running (a zombie waiting for tmux to reap it has exited)."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] != 'Z'
    except OSError:
        return False


# ---- 3. SIGHUP ------------------------------------------------------------

def test_sighup(tmux):
    p = tmux.start(80, 24, ['-i', '404'])
    p.wait_text('Search: 404', entry(404)['Phrase'])
    check('SIGHUP: the browser is on the alternate screen first', p.info('#{alternate_on}') == '1')
    os.kill(int(p.info('#{pane_pid}')), signal.SIGHUP)
    p.wait_dead()
    L = p.cap()
    check('SIGHUP: the terminal is restored (alternate screen off)', p.info('#{alternate_on}') == '0', L)
    st = p.info('#{pane_dead_status}/#{pane_dead_signal}')
    check('SIGHUP: the terminal restored, then killed by SIGHUP (a shell sees 129)',
          st == '/1', st)
    # (tmux hides the cursor of a dead pane itself, but keeps these modes.)
    flags = p.info('#{mouse_any_flag}#{mouse_standard_flag}#{mouse_sgr_flag}#{keypad_cursor_flag}')
    check('SIGHUP: mouse reporting and application cursor keys are off again', flags == '0000', flags)
    p.close()


# ---- 4. a resize storm ----------------------------------------------------

STORM_KEYS = ['j', 'k', 'l', 'h', 'Tab', 'BTab', '/', 'a', 't', '4', '0', 'BSpace', 'Escape', 'Down',
              'Up', 'Right', 'Left', 'n', 'N', 'C-l', 'End', 'Home', 'G', 'g', 'Enter', 'Space']


def test_resize_storm(tmux):
    seed = int(os.environ.get('HC_ROBUST_SEED', random.randrange(1 << 30)))
    rnd = random.Random(seed)
    note('resize storm: seed %d (HC_ROBUST_SEED to repeat)' % seed)
    args = ['--lang', 'both']
    ref = tmux.start(80, 24, args)
    want = ref.wait(lambda L: fresh(L, 80, 24) and '+ 5xx' in L[5], 'the reference screen')
    want_attrs = ref.cap(attrs=True)
    want_cursor = ref.cursor()
    ref.close()

    p = tmux.start(80, 24, args)
    p.wait(lambda L: fresh(L, 80, 24) and '+ 5xx' in L[5], 'the first screen')
    pid = int(p.info('#{pane_pid}'))
    base = [(1, 1), (500, 3), (2, 1), (1, 60), (500, 1), (24, 7), (23, 6), (300, 100), (500, 30)]
    while len(base) < 300:
        base.append(rnd.choice([(1, 1), (500, 3), (rnd.randint(1, 30), rnd.randint(1, 10)),
                                (rnd.randint(1, 250), rnd.randint(1, 80))]))
    rnd.shuffle(base)
    # After every 15 sizes, one at which to wait until the program has drawn
    # for it, so that it really goes through many sizes rather than one
    # coalesced SIGWINCH. Side by side, from 80 to 137 columns, the
    # separator's column tells the width the program drew for.
    sizes, stop_at, last_w = [], set(), 80
    for i, wh in enumerate(base):
        if wh == (500, 30):
            stop_at.add(len(sizes))
        sizes.append(wh)
        if i % 15 == 14:
            last_w = rnd.choice([x for x in range(80, 138) if x != last_w])
            stop_at.add(len(sizes))
            sizes.append((last_w, rnd.randint(7, 80)))
    t0 = time.monotonic()
    died_at = None
    keys_sent = 0
    stops = []              # sizes at which the program's redraw was awaited
    bad_stops = []
    cmds = []
    for i, (w, h) in enumerate(sizes):
        cmds += ['resize-window', '-t', p.name, '-x', str(w), '-y', str(h), ';']
        if rnd.random() < 0.4:
            cmds += ['send-keys', '-t', p.name, rnd.choice(STORM_KEYS), ';']
            keys_sent += 1
        stop = i in stop_at
        if not stop and i + 1 < len(sizes):
            continue
        cmds += ['display-message', '-p', '-t', p.name, '#{pane_dead}']
        if tmux.run(*cmds).strip() != '0' and died_at is None:
            died_at = i
        cmds = []
        if stop and died_at is None:
            stops.append((w, h))
            L = try_wait(p, lambda L: fresh(L, w, h) and status_bar_ok(tmux, p, w), 10)
            try:
                check_frame(L, w, h, side_by_side=True)
                if not fresh(L, w, h):
                    raise Fail('not drawn for %dx%d' % (w, h), L)
                if not status_bar_ok(tmux, p, w):
                    raise Fail('the status bar is not %d reverse cells' % w, L)
            except Fail as e:
                bad_stops += ['%dx%d: %s' % (w, h, e)] + ['|' + l for l in L]
    tmux.run('resize-window', '-t', p.name, '-x', '80', '-y', '24')
    note('resize storm: %d sizes and %d keys in %.1f s, waited for the redraw at %d of them'
         % (len(sizes), keys_sent, time.monotonic() - t0, len(stops)))
    check('resize storm: %d sizes (1x1, 500x3 among them) with %d keys: alive throughout'
          % (len(sizes), keys_sent), died_at is None and alive(pid), 'died near size %s' % died_at)
    check('resize storm: a whole frame at each of the %d sizes waited for' % len(stops),
          len(stops) >= 20 and not bad_stops, bad_stops or stops)
    p.wait(lambda L: fresh(L, 80, 24) and status_bar_ok(tmux, p, 80), 'a frame for 80x24 after the storm',
           timeout=15)

    # tmux passes a resize on to the program at most every few hundred ms,
    # so the storm above reaches it as a few dozen SIGWINCHs. Now set the
    # size on the pane's tty directly (the kernel sends SIGWINCH each time),
    # hundreds of times in a second, and count the full repaints (one per
    # KEY_RESIZE) in what the program writes.
    log = '/tmp/hc-robust-pipe-%d-%d' % (os.getpid(), random.randrange(1 << 30))
    tty = p.info('#{pane_tty}')
    fd = os.open(tty, os.O_RDWR | os.O_NOCTTY)
    try:
        tmux.run('pipe-pane', '-O', '-t', p.name, 'cat > ' + shlex.quote(log))
        time.sleep(0.1)
        sizes = [(1, 1), (500, 3)] + [rnd.choice([(1, 1), (500, 3), (rnd.randint(1, 30), rnd.randint(1, 10)),
                                                   (rnd.randint(1, 250), rnd.randint(1, 80))])
                                      for _ in range(318)]
        t0 = time.monotonic()
        for i, (w, h) in enumerate(sizes):
            winsize(fd, h, w)
            if i % 8 == 0:
                p.keys(rnd.choice(STORM_KEYS))
            time.sleep(0.002)
        winsize(fd, 24, 80)
        spent = time.monotonic() - t0
        p.wait(lambda L: fresh(L, 80, 24) and status_bar_ok(tmux, p, 80),
               'a frame for 80x24 after the direct storm', timeout=15)
        time.sleep(0.2)
        tmux.run('pipe-pane', '-t', p.name)
        # `cat` writes what tmux gave it when it is scheduled: read the
        # file once it has stopped growing.
        data, prev, end = b'', None, time.monotonic() + 10
        while data != prev and time.monotonic() < end:
            time.sleep(0.15)
            prev = data
            with open(log, 'rb') as f:
                data = f.read()
        repaints = data.count(b'\x1b[2J')
    finally:
        os.close(fd)
        if os.path.exists(log):
            os.unlink(log)
    note('direct storm: %d sizes in %.1f s, %d full repaints' % (len(sizes), spent, repaints))
    check('direct storm: %d SIGWINCHs (1x1, 500x3 among them) with keys: alive, %d repaints'
          % (len(sizes), repaints), alive(pid) and p.info('#{pane_dead}') == '0' and repaints >= 20,
          'repaints %d' % repaints)
    L = p.wait(lambda L: fresh(L, 80, 24), 'a frame for 80x24 after the storm', timeout=15)
    try:
        check_frame(L, 80, 24, side_by_side=True)
        ok = True
    except Fail as e:
        ok, L = str(e), e.screen or L
    check('resize storm: back at 80x24 the frame is whole (widths, one separator column)',
          ok is True, [ok] + L)
    # The same state painted from scratch (Ctrl-L) must be what is shown.
    # What the program writes shows when the repaint (clear screen) is done.
    # First let the storm's keys be handled (a loaded machine lags behind).
    p.wait_idle()
    before = p.cap(attrs=True)
    log = '/tmp/hc-robust-pipe-%d-%d' % (os.getpid(), random.randrange(1 << 30))
    try:
        tmux.run('pipe-pane', '-O', '-t', p.name, 'cat > ' + shlex.quote(log))
        p.keys('C-l')
        end = time.monotonic() + 5
        repainted = False
        while not repainted and time.monotonic() < end:
            time.sleep(POLL)
            if os.path.exists(log):
                with open(log, 'rb') as f:
                    repainted = b'\x1b[2J' in f.read()
        tmux.run('pipe-pane', '-t', p.name)
    finally:
        if os.path.exists(log):
            os.unlink(log)
    p.wait(lambda L: fresh(L, 80, 24), 'the repaint')
    p.wait_idle()
    after = p.cap(attrs=True)
    check('resize storm: the screen equals a full repaint (Ctrl-L) of the same state',
          repainted and render(before) == render(after), ['repainted %s' % repainted] + diff(before, after))
    # Bring the state back to the start (no help, no search, all classes
    # closed, first row) and compare with a fresh browser at 80x24.
    p.keys('Escape')
    p.keys('Escape')
    p.keys('Escape')
    p.wait(lambda L: L[0].startswith('Search: press /'), 'the search cleared')
    p.keys('g', 'h', 'j', 'h', 'j', 'h', 'j', 'h', 'j', 'h', 'j', 'h')  # five classes and the codes outside 100-599
    p.wait_cursor(y=6)
    p.wait(lambda L: '+ 5xx' in L[5] and '+ Other codes' in L[6] and '- ' not in ''.join(l[:2] for l in L[1:7]),
           'all closed')
    p.keys('g')
    p.wait_cursor(y=1)
    got = try_wait(p, lambda L: L == want, 3)
    got_attrs = p.cap(attrs=True)
    check('resize storm: after resetting the state, the screen equals a fresh start at 80x24',
          got == want and render(got_attrs) == render(want_attrs) and p.cursor() == want_cursor,
          diff(want_attrs, got_attrs))
    p.close()


def render(lines):
    """capture-pane -e lines as cells (character, attributes), the way
    they look: SGR state carries over from line to line, a blank keeps only
    what shows on a blank (reverse, underline, background), and blanks that
    show nothing at the end of a line are dropped. Two captures that differ
    only in where tmux put its SGR resets come out equal."""
    st = {}
    out = []
    for line in lines:
        row = []
        for m in re.finditer(r'\x1b\[([0-9;:]*)m|(.)', line):
            if m.group(2) is None:
                ps = [int(x) if x else 0 for x in re.split('[;:]', m.group(1))]
                i = 0
                while i < len(ps):
                    n = ps[i]
                    if n == 0:
                        st = {}
                    elif n in (1, 2, 3, 4, 5, 7, 8, 9):
                        st[n] = True
                    elif n in (22, 23, 24, 25, 27, 28, 29):
                        st.pop(n - 20, None)
                        if n == 22:
                            st.pop(1, None)
                    elif 30 <= n <= 37 or 90 <= n <= 97:
                        st['fg'] = n
                    elif 40 <= n <= 47 or 100 <= n <= 107:
                        st['bg'] = n
                    elif n == 39:
                        st.pop('fg', None)
                    elif n == 49:
                        st.pop('bg', None)
                    elif n in (38, 48, 58):
                        k = 3 if i + 1 < len(ps) and ps[i + 1] == 5 else 5
                        if n != 58:
                            st['fg' if n == 38 else 'bg'] = tuple(ps[i:i + k])
                        i += k
                        continue
                    i += 1
                continue
            ch = m.group(2)
            a = st if ch != ' ' else {k: v for k, v in st.items() if k in (4, 7, 9, 'bg')}
            row.append((ch, tuple(sorted(a.items(), key=str))))
        while row and row[-1] == (' ', ()):
            row.pop()
        out.append(row)
    return out


def status_bar_ok(tmux, p, w):
    """The last line is the status bar, in reverse video across exactly w
    cells (-N keeps the trailing blanks). With the separator's column this
    tells a frame drawn for this size from an old one tmux cut or padded.
    Counted in cells: a wide character (the status line's "Showing results
    for '0 후'" when the storm typed "0 GN") is one item of two cells."""
    bar = render(tmux.run('capture-pane', '-p', '-e', '-N', '-t', p.name).rstrip('\n').split('\n'))[-1]
    return cells(''.join(c for c, _ in bar)) == w and all((7, True) in a for _, a in bar)


def try_wait(p, pred, timeout):
    """The stable screen once pred holds, else the last capture."""
    try:
        return p.wait(pred, 'a screen', timeout)
    except Fail as e:
        return e.screen


def diff(a, b):
    out = []
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else '<none>'
        y = b[i] if i < len(b) else '<none>'
        if x != y:
            out.append('line %d: %r' % (i, x))
            out.append('     vs %r' % y)
    return out[:20]


# ---- 5. hostile input -----------------------------------------------------

def title_and_buffers(tmux, p):
    return p.info('#{pane_title}'), tmux.run('list-buffers', '-F', '#{buffer_name}', check=False).strip()


def only_sgr(lines):
    """capture-pane -e shows SGR and nothing else that a program could do."""
    s = '\n'.join(lines)
    return re.sub(r'\x1b\[[0-9;:]*m', '', s).find('\x1b') < 0


def test_bad_input(tmux):
    e404 = entry(404)
    p = tmux.start(80, 24, [])
    p.wait_text('Search:', '5xx')
    title0, bufs0 = title_and_buffers(tmux, p)
    check('hostile input: no tmux buffer before the test', bufs0 == '', bufs0)

    # OSC 52 typed as text: Esc is the Escape key, the rest plain characters.
    p.keys('/')
    p.text('\x1b]52;c;AAAA\x07')
    L = p.wait(lambda L: L[0].startswith('Search: ') and ';c;AAAA' in L[0], 'the typed text in the box')
    title, bufs = title_and_buffers(tmux, p)
    check('OSC 52 typed into the search: no clipboard set, title unchanged',
          bufs == '' and title == title0, (bufs, title))
    check('OSC 52 typed into the search: only SGR on the screen, frame whole',
          only_sgr(p.cap(attrs=True)) and fresh(L, 80, 24), L)
    # ESC [ 2 J typed: a whole sequence, refused: the screen is not cleared
    # and none of it lands in the box (issue 19).
    p.keys('C-u')
    p.text('a\x1b[2Jb')
    L = p.wait(lambda L: L[0].startswith('Search: ') and 'ab' in L[0], 'the typed text in the box')
    check('ESC [2J typed: the screen is not cleared (frame whole, status line kept), nothing in the box',
          fresh(L, 80, 24) and L[-1].strip() != '' and p.info('#{alternate_on}') == '1'
          and L[0].rstrip() == 'Search: ab', L)

    # Invalid UTF-8 between valid keys: refused, the keys after it kept.
    p.keys('Escape', '/')
    p.text('4')
    p.keys('-H', 'ff', 'fe', 'c0', 'af', 'ed', 'a0', '80', 'e2', '82')
    p.text('04')
    L = try_wait(p, lambda L: L[0].rstrip() == 'Search: 404', 5)
    check('invalid UTF-8 typed: dropped, the keys typed after it are kept',
          L[0].rstrip() == 'Search: 404' and e404['Phrase'] in '\n'.join(L), L)
    p.keys('-H', 'c3')        # a lone lead byte, last
    L = try_wait(p, lambda L: 'not valid' in L[-1], 5)
    check('invalid UTF-8 typed: the status line says the input is not valid text',
          'valid' in L[-1] and L[0].rstrip() == 'Search: 404', L)

    # More than the search takes (1024 bytes, as the man page says).
    p.keys('C-u')
    p.text('x' * 1100)
    L = try_wait(p, lambda L: '1024' in L[-1], 10)
    check('1100 bytes typed into the search: the box keeps 1024, the status line says so',
          '1024' in L[-1] and L[0].startswith('Search: xxx') and p.info('#{pane_dead}') == '0', L)

    # Binary junk with terminal commands in it, sent as raw bytes.
    rnd = random.Random(11)
    junk = bytearray()
    nasty = [b'\x1b]0;PWNED\x07', b'\x1b]2;PWNED\x1b\\', b'\x1b]52;c;UFdORUQ=\x07', b'\x1b[2J',
             b'\x1bc', b'\x1b[?1049l', b'\x1b[6n', b'\x9b2J', b'\x9d0;PWNED\x9c', b'\x1bP$x\x1b\\',
             b'\x1b[?1000l', b'\x0e', b'\x1b(0']
    while len(junk) < 6000:
        if rnd.random() < 0.1:
            junk += rnd.choice(nasty)
        else:
            b = rnd.randrange(1, 256)
            if b not in b'qQyYL\x03\x1a\x1c':  # y and Y copy
                junk.append(b)
    p.keys('C-u')
    for i in range(0, len(junk), 500):
        p.keys('-H', *('%02x' % b for b in junk[i:i + 500]))
    # Whatever the junk did (help, a search, a click), the screen settles.
    L = p.wait(lambda L: len(L) == 24, 'a settled screen after the junk', timeout=20)
    title, bufs = title_and_buffers(tmux, p)
    check('binary junk typed (%d bytes with OSC, CSI, RIS, C1): alive, title and clipboard untouched'
          % len(junk), p.info('#{pane_dead}') == '0' and title == title0 and bufs == '',
          (title, bufs))
    A = p.cap(attrs=True)
    check('binary junk typed: still on the alternate screen, only SGR shown, nothing wider than 80',
          p.info('#{alternate_on}') == '1' and only_sgr(A) and all(cells(l) <= 80 for l in p.cap()), A)
    p.keys('Escape', 'Escape', 'Escape')
    L = p.wait_text('Search: press /')
    p.keys('q')
    p.wait_dead()
    st = p.info('#{pane_dead_status}')
    check('binary junk typed: q still quits with status 0 and the terminal restored',
          st == '0' and p.info('#{alternate_on}') == '0', st)
    p.close()

    # A 1 MiB argument in nine pieces (one argument is at most 128 KiB).
    for label, piece in (('letters', 'x' * (120 << 10)),
                         ('escape sequences', '\x1b]52;c;QUFB\x07\x1b[2J' * ((120 << 10) // 16))):
        t0 = time.monotonic()
        st, q = run_pty(['-i'] + [piece] * 9, base_env())
        wall = time.monotonic() - t0
        check('1 MiB -i argument (%s): one short line, exit 2, terminal untouched (%.0f ms)'
              % (label, wall * 1e3),
              st == 2 and one_line(q.err) and len(q.err) < 200 and b'long' in q.err and q.tty == b''
              and not ESC_SEQ.search(q.err), (st, q.err[:300], q.tty[:100]))
    st, q = run_pty(['-i', '\x1b]52;c;QUFB\x07'], base_env())
    check('-i with an escape sequence: one clean line, exit 2, terminal untouched',
          st == 2 and one_line(q.err) and q.tty == b'' and not ESC_SEQ.search(q.err), (st, q.err, q.tty))


# ---- 6. locales -----------------------------------------------------------

def start_env(tmux, w, h, args, env):
    """Like Tmux.start, but with the environment given in full."""
    tmux.n += 1
    name = 's%03d' % tmux.n
    cmd = 'exec env -i ' + ' '.join(shlex.quote('%s=%s' % kv) for kv in sorted(env.items()))
    cmd += ' ' + ' '.join(shlex.quote(a) for a in [BIN] + list(args))
    tmux.run('new-session', '-d', '-s', name, '-x', str(w), '-y', str(h), cmd)
    return Pane(tmux, name, w, h)


def test_locales(tmux, have):
    k4 = klass(4)
    # POSIX (C under its other name): ASCII English and one hint.
    p = start_env(tmux, 80, 24, [], base_env(LANG='POSIX'))
    L = p.wait_text('Search:', '+ 5xx')
    s = '\n'.join(L)
    check('LANG=POSIX: ASCII only, English class names',
          all(ord(ch) < 0x80 for ch in s) and k4['Name-En'] in s and not has_hangul(s), L)
    check('LANG=POSIX: one hint on how to get Korean (LANG=C.UTF-8)',
          s.count('LANG=C.UTF-8') == 1 and 'Korean' in L[-1], L[-1])
    p.close()
    # --lang ko (and HTTPCODES_LANG=ko) under LANG=C: the status line says why
    # English is shown (stderr is hidden by the alternate screen).
    for args, extra, label in ((['--lang', 'ko'], {}, '--lang ko'),
                               ([], {'HTTPCODES_LANG': 'ko'}, 'HTTPCODES_LANG=ko')):
        p = start_env(tmux, 80, 24, args, base_env(LANG='C', **extra))
        L = p.wait_text('Search:', '+ 5xx')
        s = '\n'.join(L)
        check('%s under LANG=C: English shown, ASCII only' % label,
              all(ord(ch) < 0x80 for ch in s) and k4['Name-En'] in s, L)
        check('%s under LANG=C: the status line explains the fallback (UTF-8, English)' % label,
              'UTF-8' in L[-1] and 'English' in L[-1] and L[-1].rstrip().endswith('.'), L[-1])
        p.close()

    # ko_KR.EUC-KR: Korean converted to EUC-KR, no UTF-8 reaches the terminal.
    if 'ko_kr.euckr' not in have:
        skip('ko_KR.EUC-KR browser', 'locale ko_KR.EUC-KR is not installed')
        return
    e404 = entry(404)
    name_ko = e404['Name-Ko']
    env = base_env(LANG='ko_KR.EUC-KR')
    p = start_browser(env)
    p.write(b'/404')
    got = p.pump(5, until=lambda q: name_ko.encode('euc-kr') in q.tty)
    p.write(b'\x1b')
    time.sleep(0.15)          # a lone Esc, then q (ESC q at once is Alt-q)
    p.write(b'q')
    st = p.wait(5)
    check('ko_KR.EUC-KR: a search for 404 shows %s in EUC-KR' % name_ko, got, p.tty[-400:])
    try:
        p.tty.decode('euc-kr')
        valid = True
    except UnicodeDecodeError as ex:
        valid = ex
    utf8_ko = [t for t in (name_ko, k4['Name-Ko'], klass(1)['Name-Ko']) if t.encode('utf-8') in p.tty]
    check('ko_KR.EUC-KR: everything written is valid EUC-KR, no UTF-8 Hangul',
          valid is True and not utf8_ko, (valid, utf8_ko))
    check('ko_KR.EUC-KR: q quits with status 0', st == 0, st)
    # A query given in EUC-KR on the command line.
    p = PtyProc(['-i', name_ko.split()[0].encode('euc-kr')], env)
    got = p.pump(5, until=lambda q: e404['Phrase'].encode() in q.tty)
    p.write(b'\x1b')         # leave the search box, then quit
    p.pump(0.2, until=lambda q: False)
    p.write(b'q')
    st = p.wait(5)
    check('ko_KR.EUC-KR: -i with an EUC-KR query finds 404', got and st == 0, (st, p.tty[-300:], p.err))


# ---- 7. least privilege ---------------------------------------------------

NETWORK = re.compile(r'\b(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|recvmsg)\(')


def test_privilege(tmux):
    if not shutil.which('strace'):
        skip('strace of the browser', 'strace is not installed')
        return
    probe = subprocess.run(['strace', '-f', '-o', '/dev/null', 'true'], capture_output=True)
    if probe.returncode != 0:
        skip('strace of the browser', 'strace cannot trace here (no ptrace)')
        return
    log = '/tmp/hc-robust-strace-%d-%d' % (os.getpid(), random.randrange(1 << 30))
    env = base_env()
    # LeakSanitizer cannot run under ptrace; the sanitizer build still checks
    # everything else.
    env['ASAN_OPTIONS'] = (env.get('ASAN_OPTIONS', '') + ':detect_leaks=0').lstrip(':')
    tmux.n += 1
    name = 's%03d' % tmux.n
    cmd = 'exec env -i ' + ' '.join(shlex.quote('%s=%s' % kv) for kv in sorted(env.items()))
    cmd += ' strace -f -qq -o %s -e trace=network,openat,open,creat,execve,unlink,unlinkat,rename,' \
           'renameat,renameat2,mkdir,mkdirat,truncate,ftruncate %s' % (shlex.quote(log), shlex.quote(BIN))
    try:
        tmux.run('new-session', '-d', '-s', name, '-x', '80', '-y', '24', cmd)
        p = Pane(tmux, name, 80, 24)
        p.wait_text('Search:', '5xx', timeout=20)
        p.keys('/')
        p.text('not found')
        p.wait_text(entry(404)['Phrase'], 'RFC 9110', timeout=10)
        p.keys('Escape', 'q')
        p.wait_dead(timeout=20)
        st = p.info('#{pane_dead_status}')
        p.close()
        with open(log, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
    finally:
        if os.path.exists(log):
            os.unlink(log)
    check('browser under strace: ran, searched and quit with status 0', st == '0' and lines, st)
    execs = [l for l in lines if 'execve(' in l]
    check('browser: exactly one execve, of httpcodes itself (runs no other program)',
          len(execs) == 1 and BIN in execs[0], execs)
    net = [l for l in lines if NETWORK.search(l)]
    check('browser: opens no socket', not net, net)
    writes = [l for l in lines if re.search(r'\bO_(WRONLY|RDWR|CREAT|TRUNC|APPEND)\b', l) or
              re.search(r'\b(creat|unlink|unlinkat|rename|renameat2?|mkdir|mkdirat|truncate|ftruncate)\(', l)]
    check('browser: opens no file for writing, removes or renames nothing', not writes, writes)
    opened = sorted({m.group(1) for l in lines for m in [re.search(r'open(?:at)?\(.*?"([^"]*)"', l)] if m})
    note('browser opened (read-only): ' + ', '.join(opened)[:600])


# ---- 8. colours -----------------------------------------------------------

def test_colours(tmux):
    def state(p):
        p.wait_text('Search:', '+ 5xx')
        p.keys('j', 'j', 'j', 'l')
        L = p.wait(lambda L: '- 4xx' in L[4] and '  400 ' in L[5] and fresh(L, 80, 24), '4xx open')
        p.wait_cursor(y=4)
        return L, p.cap(attrs=True)

    p = tmux.start(80, 24, [])
    want, want_attrs = state(p)
    p.close()
    for extra, colour in ((['TERM=xterm'], 8), (['TERM=screen'], 8), (['NO_COLOR=1'], 0)):
        p = tmux.start(80, 24, [], extra_env=extra)
        L, A = state(p)
        label = extra[0] + (' (xterm-256color)' if extra[0].startswith('NO_') else '')
        check('%s: the same text as with xterm-256color' % label, L == want, diff(want, L))
        check('%s: selected row in reverse video, the next one not' % label,
              sgr_has_reverse(A[4]) and not sgr_has_reverse(A[5]), A[3:7])
        params = [x for line in A for x in sgr_params(line)]
        if colour:
            check('%s: class colours drawn with the 8 basic colours only' % label,
                  sgr_has_color(A[4]) and sgr_has_color(A[5]) and '38' not in params
                  and '48' not in params and not any(re.fullmatch(r'9[0-7]|10[0-7]', x) for x in params),
                  A[1:6])
        else:
            check('%s: no colour at all' % label, not any(sgr_has_color(x) for x in A), A[1:6])
        p.close()


# ---- main -----------------------------------------------------------------

def main():
    if len(sys.argv) != 3:
        print('Bail out! usage: test_robust.py HTTPCODES DATA_DIR')
        return 99
    note('binary %s' % BIN)
    have = locales()
    groups = [('terminals', test_terminals)]
    tmux = None
    if shutil.which('tmux'):
        tmux = Tmux(BIN, 'C.UTF-8')
        tmux.boot()
        groups += [('disconnects', lambda: test_disconnects(tmux)),
                   ('sighup', lambda: test_sighup(tmux)),
                   ('resize storm', lambda: test_resize_storm(tmux)),
                   ('bad input', lambda: test_bad_input(tmux)),
                   ('locales', lambda: test_locales(tmux, have)),
                   ('privilege', lambda: test_privilege(tmux)),
                   ('colours', lambda: test_colours(tmux))]
    else:
        skip('tmux cases', 'tmux is not installed')
    try:
        for name, fn in groups:
            t0 = time.monotonic()
            try:
                fn()
            except Exception as e:     # one group failing must not hide the others
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
