"""A tmux driver for the browser's screen tests (tests/screen, tests/robust).

One private tmux server per run (`Tmux`, killed at the end even on failure),
one session per program (`Pane`): keys with send-keys, the screen with
capture-pane, and waiting by polling (every 20 ms) until the expected text is
there and two captures agree, with a timeout. An Escape key is always
followed by a pause: ESC with a key right after it is Alt+key.

Helpers to read captures: `cells` (display width), `sgr_params`,
`underlined`, and whole-screen golden files (`golden`, with an update switch:
HC_UPDATE_GOLDEN=1 rewrites them; check the diff by hand before committing).
"""
import os
import random
import re
import shlex
import subprocess
import time
import unicodedata

POLL = 0.02
# How long a wait polls before it fails. Generous, as the waits end as soon as
# the text is there: the CI machine runs the suite under ASan on 2 loaded
# cores, where a screen can take seconds that take milliseconds here.
TIMEOUT = 15.0


class Fail(Exception):
    def __init__(self, msg, screen=None):
        super().__init__(msg)
        self.screen = screen


def cells(s):
    """Display width as a terminal counts it (East Asian wide = 2)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w


def has_hangul(text):
    return any('\u1100' <= ch <= '\u11ff' or '\u3130' <= ch <= '\u318f'
               or '\uac00' <= ch <= '\ud7a3' for ch in text)


def sgr_params(line):
    """The SGR parameters in a capture-pane -e line; a colour given as
    38;5;N (or 38;2;R;G;B) comes back as one '38' item."""
    out = []
    for m in re.finditer(r'\x1b\[([0-9;]*)m', line):
        ps = m.group(1).split(';')
        i = 0
        while i < len(ps):
            if ps[i] in ('38', '48', '58'):
                out.append(ps[i])
                i += 3 if i + 1 < len(ps) and ps[i + 1] == '5' else 5
                continue
            out.append(ps[i])
            i += 1
    return out


def attr_flags(line, want, start=0):
    """The text of a capture-pane -e line from character `start` on, and for
    each character whether SGR attribute `want` ('7' reverse, '4' underline,
    '1' bold; for underline also its styles 4:1 ... 4:5) is on."""
    off = {'7': ('27',), '4': ('24', '4:0'), '1': ('22',)}[want]
    text, flags, on = [], [], False
    for m in re.finditer(r'\x1b\[([0-9;:]*)m|(\x1b[^\x1b]?)|([^\x1b])', line):
        if m.group(3) is not None:
            text.append(m.group(3))
            flags.append(on)
        elif m.group(1) is not None:
            ps = m.group(1).split(';')
            i = 0
            while i < len(ps):
                if ps[i] in ('38', '48', '58'):
                    i += 3 if i + 1 < len(ps) and ps[i + 1] == '5' else 5
                    continue
                if ps[i] in ('', '0') or ps[i] in off:
                    on = False
                elif ps[i] == want or (want == '4' and ps[i].startswith('4:')):
                    on = True
                i += 1
    return ''.join(text[start:]), flags[start:]


def underlined(line, start=0):
    """The text of a capture-pane -e line from character `start` on, and for
    each character whether it is drawn underlined."""
    return attr_flags(line, '4', start)


def word_underlined(line, word):
    """True when `word` is in the detail part of line, underlined exactly:
    all of its characters and neither neighbour."""
    plain, _ = underlined(line)
    k = plain.find('|')
    text, flags = underlined(line, k + 1 if k >= 0 else 0)
    i = text.find(word)
    if i < 0:
        return False
    j = i + len(word)
    return (all(flags[i:j]) and (i == 0 or not flags[i - 1])
            and (j >= len(flags) or not flags[j]))


def sgr_has_reverse(line):
    return '7' in sgr_params(line)


def sgr_has_color(line):
    return any(p in ('38', '48') or re.fullmatch(r'(3|4|9|10)[0-7]', p) for p in sgr_params(line))


class Tmux:
    def __init__(self, binary, locale):
        self.socket = 'hc-screen-%d-%d' % (os.getpid(), random.randrange(1 << 30))
        self.binary = os.path.abspath(binary)
        self.locale = locale
        # tmux itself runs in UTF-8 so that send-keys -l and capture-pane
        # carry Hangul; the program gets the locale under test.
        self.env = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8')
        self.env.pop('TMUX', None)
        self.n = 0
        self.socket_path = None

    def run(self, *args, check=True):
        r = subprocess.run(['tmux', '-u', '-L', self.socket, '-f', '/dev/null'] + list(args),
                           env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if check and r.returncode != 0:
            raise Fail('tmux %s failed: %s' % (args[0], r.stderr.decode(errors='replace').strip()))
        return r.stdout.decode('utf-8', errors='surrogateescape')

    def boot(self):
        # A placeholder session keeps the server (and its options) alive.
        self.run('new-session', '-d', '-s', 'keep', '-x', '20', '-y', '5', 'sleep 3600')
        self.socket_path = self.run('display-message', '-p', '#{socket_path}').strip()
        self.run('set-option', '-g', 'remain-on-exit', 'on')
        self.run('set-option', '-g', 'set-clipboard', 'on')
        self.run('set-option', '-g', 'status', 'off')

    def kill(self):
        subprocess.run(['tmux', '-L', self.socket, 'kill-server'], env=self.env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The server does not always remove its socket on kill-server.
        if self.socket_path and os.path.exists(self.socket_path):
            try:
                os.unlink(self.socket_path)
            except OSError:
                pass

    def start(self, w, h, args=(), extra_env=()):
        self.n += 1
        # Same-length names: tmux also matches targets by prefix.
        name = 's%03d' % self.n
        env = ['env', '-u', 'LC_ALL', '-u', 'LC_CTYPE', '-u', 'LC_MESSAGES',
               '-u', 'HTTPCODES_LANG', '-u', 'NO_COLOR', '-u', 'ESCDELAY',
               'LANG=' + self.locale, 'TERM=xterm-256color'] + list(extra_env)
        cmd = 'exec ' + ' '.join(shlex.quote(a) for a in env + [self.binary] + list(args))
        self.run('new-session', '-d', '-s', name, '-x', str(w), '-y', str(h), cmd)
        return Pane(self, name, w, h)


class Pane:
    def __init__(self, tmux, name, w, h):
        self.t, self.name, self.w, self.h = tmux, name, w, h
        self.last = None

    def cap(self, attrs=False):
        args = ['capture-pane', '-p', '-t', self.name] + (['-e'] if attrs else [])
        out = self.t.run(*args)
        lines = out.split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        self.last = lines
        return lines

    def info(self, fmt):
        return self.t.run('display-message', '-p', '-t', self.name, fmt).strip()

    def cursor(self):
        x, y = self.info('#{cursor_x},#{cursor_y}').split(',')
        return int(x), int(y)

    ESC_PAUSE = 0.15

    def _after_esc(self):
        # A person's Escape is followed by a pause; ESC with a key right
        # after it is Alt+key (issue 19). Nothing follows Escape at once.
        wait = getattr(self, 'esc_at', 0) + self.ESC_PAUSE - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def keys(self, *k):
        k = list(k)
        while k:
            i = k.index('Escape') + 1 if 'Escape' in k else len(k)
            self._after_esc()
            self.t.run('send-keys', '-t', self.name, *k[:i])
            if k[i - 1] == 'Escape':
                self.esc_at = time.monotonic()
            k = k[i:]

    def text(self, s):
        self._after_esc()
        self.t.run('send-keys', '-t', self.name, '-l', s)

    def resize(self, w, h):
        self.w, self.h = w, h
        self.t.run('resize-window', '-t', self.name, '-x', str(w), '-y', str(h))

    def wait(self, pred, what, timeout=TIMEOUT):
        """Poll until pred(lines) holds on two equal captures in a row."""
        end = time.monotonic() + timeout
        prev = None
        while True:
            lines = self.cap()
            try:
                ok = pred(lines)
            except (IndexError, ValueError):
                ok = False
            if ok and lines == prev:
                return lines
            prev = lines if ok else None
            if time.monotonic() > end:
                raise Fail('timed out waiting for ' + what, lines)
            time.sleep(POLL)

    def wait_text(self, *subs, absent=(), timeout=TIMEOUT):
        def pred(lines):
            s = '\n'.join(lines)
            return all(x in s for x in subs) and not any(x in s for x in absent)
        what = ' and '.join(repr(x) for x in subs)
        if absent:
            what += ' without ' + ', '.join(repr(x) for x in absent)
        return self.wait(pred, what, timeout)

    def wait_cursor(self, x=None, y=None, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while True:
            cx, cy = self.cursor()
            if (x is None or cx == x) and (y is None or cy == y):
                return
            if time.monotonic() > end:
                raise Fail('cursor at %d,%d, expected %s,%s' % (cx, cy, x, y), self.cap())
            time.sleep(POLL)

    def wait_dead(self, timeout=TIMEOUT):
        # tmux marks the pane dead when the pty closes; the exit status
        # arrives with SIGCHLD a moment later.
        # tmux 3.3a now and then misses the SIGCHLD of a program that exits
        # on a signal and leaves it a zombie until another child of the
        # server exits: run-shell makes one.
        end = time.monotonic() + timeout
        nudge = time.monotonic() + 0.3
        while True:
            st = self.info('#{pane_dead}:#{pane_dead_status}#{pane_dead_signal}')
            if st not in ('0:', '1:'):
                return
            if time.monotonic() > end:
                raise Fail('the program did not exit (%s)' % st, self.cap())
            if st == '1:' and time.monotonic() > nudge:
                self.t.run('run-shell', 'true', check=False)
                nudge = time.monotonic() + 0.3
            time.sleep(POLL)

    def cpu_ticks(self):
        try:
            with open('/proc/%s/stat' % self.info('#{pane_pid}')) as f:
                fields = f.read().rsplit(')', 1)[1].split()
            return int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            return None

    def wait_idle(self, quiet=0.25, timeout=20):
        """Wait until the program has used no CPU for `quiet` seconds (it
        has taken all its input): a still screen alone can hide a busy
        program between two frames."""
        end = time.monotonic() + timeout
        last, since = self.cpu_ticks(), time.monotonic()
        while time.monotonic() < end:
            time.sleep(POLL)
            now = self.cpu_ticks()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
        raise Fail('the program stayed busy', self.cap())

    def close(self):
        self.t.run('kill-session', '-t', self.name, check=False)


def expect(cond, msg, screen=None):
    if not cond:
        raise Fail(msg, screen)


# ---- whole-screen golden captures (as tmux's regress/ compares screens) ----

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'screen', 'golden')


def golden(name, lines):
    """Compare a whole capture with tests/screen/golden/NAME.txt. Returns
    (ok, detail). With HC_UPDATE_GOLDEN=1 the file is (re)written and the
    check passes: look at `git diff` before committing it. Lines keep their
    trailing spaces trimmed (capture-pane pads with blanks)."""
    path = os.path.join(GOLDEN_DIR, name + '.txt')
    got = [line.rstrip() for line in lines]
    if os.environ.get('HC_UPDATE_GOLDEN') == '1':
        os.makedirs(GOLDEN_DIR, exist_ok=True)
        with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
            f.write('\n'.join(got) + '\n')
        return True, 'updated ' + path
    try:
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            want = f.read().split('\n')
    except OSError as ex:
        return False, 'no golden file %s (%s): run with HC_UPDATE_GOLDEN=1' % (path, ex)
    if want and want[-1] == '':
        want.pop()
    if got == want:
        return True, ''
    out = ['golden %s differs (- golden, + screen):' % name]
    for i in range(max(len(got), len(want))):
        w = want[i] if i < len(want) else '<none>'
        g = got[i] if i < len(got) else '<none>'
        if w != g:
            out += ['-%2d|%s' % (i, w), '+%2d|%s' % (i, g)]
    return False, '\n'.join(out)
