#!/usr/bin/env python3
"""The browser's log lens, marks + compare, the "which code?" overlay and OSC 8
links, end to end: the real binary inside tmux (tests/lib/tmuxdrv.py).

usage: test_lens.py BINARY LOCALE      (LOCALE: C.UTF-8 or ko_KR.UTF-8)

The logs are written here, by hand; the counts expected are counted by hand
from them. The compare overlay is checked line by line against the CLI's
--compare at the overlay's inner width (two callers of one layout module,
src/compare.c), and the guide walk against --choose fed the same answers.
Output is TAP.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'lib'))
sys.path.insert(0, os.path.join(HERE, '..'))
import tap  # noqa: E402
from ptyproc import PtyProc, base_env  # noqa: E402
from tmuxdrv import TIMEOUT, Fail, Tmux, cells, expect  # noqa: E402

ESC = '\x1b'


def line(path, status, ip='127.0.0.1'):
    return '%s - - [04/Dec/2026:10:00:00 +0000] "GET %s HTTP/1.1" %s 12 "-" "curl/8"\n' % (
        ip, path, status)


# 10 lines with a status: 200 x3, 404 x2 (one with an escape sequence in its
# path), 427 x1 (no meaning in the table), 503 x4; one 000 (no response).
LOG = (line('/', 200) + line('/a', 200) + line('/b', 200) +
       line('/missing', 404) + line('/' + ESC + '[31mRED', 404) +
       line('/odd', 427) + line('/gone', '000') +
       line('/s1', 503) + line('/s2', 503) + line('/s3', 503) + line('/s4', 503))


def tree_part(l):
    k = l.find('|')
    return l if k < 0 else l[:k]


def detail_text(lines):
    return '\n'.join(l[l.find('|') + 1:] if '|' in l else l for l in lines)


def no_overlay(lines):
    return bool(lines) and not lines[0].startswith('+ ') and not lines[-1].startswith('+ ')


def overlay_body(lines):
    """The text lines inside the overlay's frame."""
    out = []
    for l in lines[1:-1]:
        expect(l.startswith('| ') and l.rstrip().endswith('|'), 'not an overlay line: %r' % l, lines)
        out.append(l.rstrip()[2:-1].rstrip())
    return out


class Suite:
    def __init__(self, binary, locale):
        self.binary = os.path.abspath(binary)
        self.locale = locale
        self.ko = locale.startswith('ko')
        self.t = Tmux(binary, locale)
        self.dir = tempfile.mkdtemp(prefix='hc-lens-')
        self.log = os.path.join(self.dir, 'access.log')
        with open(self.log, 'w', encoding='utf-8') as f:
            f.write(LOG)

    def cli(self, *args, stdin=None, columns=None):
        env = dict(os.environ, LANG=self.locale)
        for k in ('LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'HTTPCODES_LANG', 'NO_COLOR'):
            env.pop(k, None)
        if columns:
            env['COLUMNS'] = str(columns)
        return subprocess.run([self.binary] + list(args), env=env, input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    # ---- the log lens

    def case_lens_counts(self):
        p = self.t.start(100, 30, ['--log', self.log])
        L = p.wait_text('404', '503' if False else '4xx')
        tree = [tree_part(l).rstrip() for l in L[1:-1]]
        def row(prefix):
            for l in tree:
                if l.lstrip(' *').startswith(prefix):
                    return l
            raise Fail('no tree row %r' % prefix, L)
        # counts at the right edge of the tree, class totals on class rows
        expect(row('200 ').endswith(' 3'), '200 should show 3 lines', L)
        expect(row('404 ').endswith(' 2'), '404 should show 2 lines', L)
        expect(not row('201 ')[-1].isdigit(), '201 has no lines: no count', L)
        expect(row('- 2xx').endswith(' 3'), 'class 2xx total 3', L)
        expect(row('- 4xx').endswith(' 3'), 'class 4xx total 3 (404 x2, 427)', L)
        expect(row('+ 1xx').endswith(' 0'), 'class 1xx: 0, collapsed', L)
        # the first row (1xx) is selected: its class block
        expect('Log: 0 of 10 lines are 1xx (0.0%)' in detail_text(L) or
               '로그: 10줄 중 0줄이 1xx (0.0%)' in detail_text(L), 'class block', L)
        expect('1' in detail_text(L) and ('No status (000, -): 1' in detail_text(L) or
                                          '상태 없음(000, -): 1줄' in detail_text(L)),
               'the 000 line is counted as no status', L)
        # 404's detail: count, share, samples shown cleaned
        p.text('404')
        p.keys('Enter')
        L = p.wait_text('RED')
        d = detail_text(L)
        expect('Log: 2 lines with 404 (20.0% of 10)' in d or
               '로그: 404 응답 2줄 (전체 10줄의 20.0%)' in d, 'count and share of 404', L)
        # a long sample goes on over a second row: read them joined
        joined = ''.join(l.strip() for l in d.split('\n'))
        expect('"GET /missing HTTP/1.1" 404' in joined, 'first sample line', L)
        expect('"GET /\ufffd[31mRED HTTP/1.1" 404' in joined,
               'the escape in the log is shown as U+FFFD', L)
        attrs = '\n'.join(p.cap(attrs=True))
        expect('\x1b[31mRED' not in attrs, 'the log\'s escape reached the terminal', L)
        p.close()

    def case_lens_sort_and_unknown(self):
        p = self.t.start(100, 30, ['--log', self.log])
        L = p.wait_text('4xx')
        tree = [tree_part(l).strip() for l in L[1:-1]]
        i = next(k for k, l in enumerate(tree) if l.startswith('- 4xx'))
        expect(tree[i + 1].startswith('400 '), 'table order: 400 first under 4xx', L)
        p.keys('s')
        L = p.wait_text('by code' if not self.ko else 'by code')
        tree = [tree_part(l).strip() for l in L[1:-1]]
        i = next(k for k, l in enumerate(tree) if l.startswith('- 4xx'))
        expect(tree[i + 1].startswith('404 ') and tree[i + 1].endswith(' 2'),
               'by count: 404 first under 4xx', L)
        expect(tree[i + 2].startswith('427 ') and 'Not in the table' in tree[i + 2] and
               tree[i + 2].endswith(' 1'), 'then 427, not in the table, 1 line', L)
        expect(tree[i + 3].startswith('400 '), 'then the codes with no lines, by code', L)
        p.keys('s')
        L = p.wait_text('by log lines')
        tree = [tree_part(l).strip() for l in L[1:-1]]
        i = next(k for k, l in enumerate(tree) if l.startswith('- 4xx'))
        expect(tree[i + 1].startswith('400 '), 's again: back to table order', L)
        p.close()

    def case_lens_no_response(self):
        """The 000 line: not among the lines with a status, counted on the
        table's 000 entry (the group of codes outside 100-599)."""
        p = self.t.start(100, 30, ['--lang', 'en', '--log', self.log])
        p.wait_text('4xx')
        p.keys('G')
        L = p.wait_text('Other codes')
        p.keys('l')
        p.keys('j')
        L = p.wait_text('with no response')
        d = detail_text(L)
        expect('Log: 1 line with no response (000, -)' in d, '000 in the detail', L)
        row = [tree_part(l).rstrip() for l in L[1:-1] if tree_part(l).strip().startswith('0 ')]
        expect(row and row[0].endswith(' 1'), 'the 000 entry shows its line', L)
        p.close()

    def case_lens_bad_input(self):
        junk = os.path.join(self.dir, 'junk.bin')
        with open(junk, 'wb') as f:
            f.write(bytes(range(256)) * 64)
        empty = os.path.join(self.dir, 'empty.log')
        open(empty, 'w').close()
        cases = [([self.dir], 'is a directory'),
                 ([junk], 'has no line with an HTTP status code'),
                 ([empty], 'is empty'),
                 # strerror's words follow the locale: the file's name is enough
                 ([os.path.join(self.dir, 'nope.log')], 'nope.log: '),
                 (['-'], 'cannot read a log there')]
        if os.geteuid() != 0:
            locked = os.path.join(self.dir, 'locked.log')
            with open(locked, 'w') as f:
                f.write(LOG)
            os.chmod(locked, 0)
            cases.append(([locked], 'locked.log: '))
        for files, msg in cases:
            args = []
            for f in files:
                args += ['--log', f]
            # on a pty (stdin and stdout a terminal), stderr a pipe of its own
            pp = PtyProc(self.binary, args, base_env(LANG=self.locale), rows=24, cols=80)
            st = pp.wait(10)
            err = pp.err.decode('utf-8', 'replace').split('\n')
            expect(st == 2, '%s: exit status %s, not 2' % (files, st), err)
            expect(len(err) == 3 and err[2] == '', '%s: not two lines' % files, err)
            expect(msg in err[0] and err[0].startswith('httpcodes: '), '%s: no message %r' % (files, msg), err)
            expect('no status codes could be read' in err[1], '%s: no final message' % files, err)
            expect(pp.tty == b'', '%s: the terminal was written to before exiting' % files,
                   [repr(pp.tty[:200])])
        # a good log beside a bad one: the browser opens
        p = self.t.start(100, 30, ['--log', self.dir, '--log', self.log])
        p.wait_text('4xx', '404')
        p.close()
        # piped: refused before anything is read
        r = self.cli('--log', self.log, stdin=LOG.encode())
        err = r.stderr.decode()
        expect(r.returncode == 2 and 'needs a terminal on standard input' in err and
               err.count('\n') == 1, 'piped --log: %d %r' % (r.returncode, err))
        # -i with standard input not a terminal (tail access.log | httpcodes -i)
        pp = PtyProc(self.binary, ['-i'], base_env(LANG=self.locale), stdin='null')
        st = pp.wait(10)
        err = pp.err.decode('utf-8', 'replace')
        expect(st == 2 and 'use --count, or save it and use --log FILE' in err and
               err.count('\n') == 1 and pp.tty == b'', '-i on a pipe: %s %r' % (st, err))

    # ---- marks and compare

    @staticmethod
    def wait_row(p, code):
        """The search for code applied: its row is the tree's only code."""
        def pred(L):
            body = L[1:-1]
            # stacked (narrow): the tree is above the "-- Detail" row
            cut = [i for i, l in enumerate(body) if l.startswith('--')]
            rows = [tree_part(l).strip(' *') for l in body[:cut[0] if cut else len(body)]]
            codes = [r for r in rows if r[:3].isdigit()]
            return len(codes) == 1 and codes[0].startswith(code + ' ')
        return p.wait(pred, 'the tree filtered to %s' % code)

    def compare_at(self, w, h):
        p = self.t.start(w, h, ['-i'])
        p.wait_text('+ 5xx')
        for code in ('401', '403'):
            p.text(code)
            p.keys('Enter')
            self.wait_row(p, code)
            p.keys('m')
            L = p.wait_text('Marked')
            expect(any(tree_part(l).startswith(' *' + code) for l in L),
                   'a marked code has a * before it', L)
            p.keys('Escape')
        p.keys('c')
        L = p.wait_text('Compare 401 403' if not self.ko else '401 403')
        expect(all(cells(l) <= w for l in L), 'overlay wider than the window', L)
        body = overlay_body(L)
        r = self.cli('--compare', '401', '403', columns=w - 4)
        want = [l.rstrip() for l in r.stdout.decode().split('\n')]
        n = min(len(body), len(want))
        expect(body[:n] == want[:n], 'the overlay is not --compare at width %d' % (w - 4),
               ['overlay:'] + body[:n] + ['cli:'] + want[:n])
        expect(any('401' in l for l in body) and any('403' in l for l in body), 'both codes', L)
        p.keys('q')
        L = p.wait(no_overlay, 'the overlay closed')
        expect(not L[0].startswith('+'), 'any key closes the overlay', L)
        p.close()

    def case_compare_80x24(self):
        self.compare_at(80, 24)

    def case_compare_60x15(self):
        self.compare_at(60, 15)

    def case_compare_nearest(self):
        # nothing marked: the selection and the code it is most confused with
        p = self.t.start(100, 30, ['-i'])
        p.wait_text('+ 5xx')
        p.text('401')
        p.keys('Enter')
        self.wait_row(p, '401')
        p.keys('c')
        L = p.wait_text('Compare 401 403' if not self.ko else '401 403')
        p.close()

    # ---- the guide

    def case_guide(self):
        p = self.t.start(100, 30, ['-i'])
        p.wait_text('+ 5xx')
        p.keys('w')
        L = p.wait_text('Question 1' if not self.ko else '1')
        first = L[2]
        p.keys('y')
        L = p.wait_text('Question 2' if not self.ko else '2')
        p.keys('BSpace')
        L = p.wait_text('Question 1' if not self.ko else '1')
        expect(L[2] == first, 'Backspace goes back to the first question', L)
        answers = ['y', 'y', 'y', 'y', 'y']
        for a in answers:
            p.keys(a)
            time.sleep(0.05)
        L = p.wait_text('→')
        r = self.cli('--choose', stdin=('\n'.join(answers) + '\n').encode())
        out = r.stdout.decode()
        arrow = next(l for l in out.split('\n') if l.startswith('→'))
        code = arrow.split()[1]
        body = '\n'.join(overlay_body(L))
        expect(arrow.split('·')[0].strip() in body, 'overlay answer %r' % arrow, L)
        expect('Not these' in body or '다른 후보' in body, 'the ruled-out lines', L)
        p.keys('Enter')
        L = p.wait(no_overlay, 'the overlay closed')
        sel = [l for l in L[1:-1] if code in tree_part(l)]
        expect(sel, 'the answer %s is in view in the tree' % code, L)
        d = detail_text(L)
        expect(d.strip().startswith(code) or ('\n ' + code) in d, 'the detail shows %s' % code, L)
        p.close()

    # ---- OSC 8

    def osc8(self, extra_env):
        cap = os.path.join(self.dir, 'pipe-%d.bin' % time.monotonic_ns())
        # tall enough for 404's whole entry: its links in view with no key
        p = self.t.start(100, 70, ['--lang', 'en', '-i', '404'], extra_env=extra_env)
        p.wait_text('404 Not Found')
        self.t.run('pipe-pane', '-O', '-t', p.name, 'cat > ' + cap)
        p.keys('C-l')           # a full repaint, captured
        p.wait_text('rfc9110.html')
        # tmux hands the bytes to `cat`, which writes them when it is
        # scheduled (late on a loaded machine): wait until the repaint's
        # link text is in the file, so that the checks for what is absent
        # read a whole capture, not an early part of one.
        # and then until the file stops growing.
        end = time.monotonic() + TIMEOUT
        got, prev = b'', None
        while b'rfc9110.html' not in got or got != prev:
            if time.monotonic() > end:
                raise Fail('the repaint never reached the pipe-pane file', [repr(got[-400:])])
            time.sleep(0.15)
            prev = got
            with open(cap, 'rb') as f:
                got = f.read()
        self.t.run('pipe-pane', '-t', p.name)
        p.close()
        with open(cap, 'rb') as f:
            return f.read()

    def case_osc8(self):
        got = self.osc8(['HTTPCODES_HYPERLINKS=1'])
        expect(b'\x1b]8;;https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5\x1b\\' in got,
               'OSC 8 around the RFC link when the terminal supports it', [repr(got[-400:])])
        expect(b'\x1b]8;;\x1b\\' in got, 'the link is closed', [repr(got[-400:])])
        # inside this tmux (3.3, TERM_PROGRAM=tmux): not supported, nothing sent
        got = self.osc8([])
        expect(b'\x1b]8;' not in got, 'no OSC 8 when the terminal is not known to show it',
               [repr(got[-400:])])
        got = self.osc8(['VTE_VERSION=7200', 'HTTPCODES_HYPERLINKS=0'])
        expect(b'\x1b]8;' not in got, 'HTTPCODES_HYPERLINKS=0 turns them off', [repr(got[-400:])])

    def cases(self):
        return [self.case_lens_counts, self.case_lens_sort_and_unknown, self.case_lens_no_response,
                self.case_lens_bad_input,
                self.case_compare_80x24, self.case_compare_60x15, self.case_compare_nearest,
                self.case_guide, self.case_osc8]

    def run(self):
        tap.note('locale %s, binary %s' % (self.locale, self.binary))
        self.t.boot()
        for case in self.cases():
            name = case.__name__[len('case_'):]
            try:
                case()
                tap.check(name, True)
            except Fail as e:
                tap.check(name, False, [str(e)] + ['|' + l for l in e.screen or []])
        tap.plan()


def locale_available(name):
    want = name.lower().replace('-', '')
    out = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE).stdout.decode(errors='replace')
    return any(l.strip().lower().replace('-', '') == want for l in out.splitlines())


def main():
    binary, locale = sys.argv[1], sys.argv[2]
    if not shutil.which('tmux'):
        tap.skip_all('tmux is not installed')
    if not locale_available(locale):
        tap.skip_all('locale %s is not installed (locale -a)' % locale)
    s = Suite(binary, locale)
    try:
        s.run()
    finally:
        s.t.kill()
        shutil.rmtree(s.dir, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
