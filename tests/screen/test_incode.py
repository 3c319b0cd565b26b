#!/usr/bin/env python3
"""The browser's "In code" section, the example toggle (e), the constant copy
(Y) and language cycle (C), and a constant typed in the search box: the real
binary in tmux at 80x24 and in a narrow 50x20 window (issue 12).

usage: test_incode.py BINARY LOCALE      (LOCALE: C.UTF-8 or ko_KR.UTF-8)

Expectations are written by hand from data/constants.txt and
data/examples.txt (code 429). The detail pane is read whole: focused, it is
paged from the top and the status line's "detail A-B/N" says which lines are
on the screen. Output is TAP.
"""
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'lib'))
sys.path.insert(0, os.path.join(HERE, '..'))
sys.path.insert(0, HERE)
from tap import check, done  # noqa: E402
from tmuxdrv import TIMEOUT, Fail, Tmux, cells  # noqa: E402

# 429 in each library, in the table's order (data/constants.txt), as written in code.
IN_CODE_429 = [
    ('Python', 'HTTPStatus.TOO_MANY_REQUESTS'),
    ('Go', 'http.StatusTooManyRequests'),
    ('Rust', 'StatusCode::TOO_MANY_REQUESTS'),
    ('Spring', 'HttpStatus.TOO_MANY_REQUESTS'),
    ('Jakarta', 'HttpServletResponse.SC_TOO_MANY_REQUESTS'),
    ('C#', 'HttpStatusCode.TooManyRequests'),
    ('Node.js', 'StatusCodes.TOO_MANY_REQUESTS'),
    ('Symfony', 'Response::HTTP_TOO_MANY_REQUESTS'),
    ('Rails', ':too_many_requests'),
    ('Ktor', 'HttpStatusCode.TooManyRequests'),
    ('Swift', '.tooManyRequests'),
]
# data/examples.txt, code 429, line by line ('' between head and content,
# and between the messages).
EXAMPLE_429 = [
    'GET /api/search?q=seoul HTTP/1.1',
    'Host: api.example.com',
    'Authorization: Bearer 5d41402abc4b2a76',
    '',
    'HTTP/1.1 429 Too Many Requests',
    'Date: Tue, 01 Dec 2026 10:03:07 GMT',
    'Retry-After: 30',
    'RateLimit-Policy: "per-minute";q=60;w=60',
    'RateLimit: "per-minute";r=0;t=30',
    'Content-Type: application/problem+json',
    'Content-Length: 69',
    '',
    '{"title":"Rate limit","detail":"60 requests a minute; retry in 30 s"}',
]


def detail_rows(lines, w):
    """The detail pane's rows of a capture, without its left margin."""
    # The "[more]" sign at the foot of the pane is not text of the entry.
    def text(s):
        return re.sub(r'\s*\[(more|계속)\]$', '', s)
    if w >= 80:
        out = []
        for line in lines[1:-1]:
            k = line.find('|')
            out.append(text(line[k + 2:]) if k >= 0 else '')
        return out
    for i, line in enumerate(lines):
        if line.startswith('-- ') and line.rstrip().endswith('-'):
            return [text(line[1:]) for line in lines[i + 1:-1]]
    raise Fail('no detail pane in the capture', lines)


def status(lines):
    return lines[-1] if lines else ''


def wait_status(p, pat, timeout=TIMEOUT):
    return p.wait(lambda L: re.search(pat, status(L)) is not None, 'status line /%s/' % pat, timeout)


def read_detail(p, w):
    """Every line of the (focused) detail pane, paged from the top."""
    p.keys('g')
    L = wait_status(p, r'(?:detail|본문) 1-\d+/\d+')
    got = {}
    for _ in range(100):
        m = re.search(r'(?:detail|본문) (\d+)-(\d+)/(\d+)', status(L))
        a, b, n = (int(x) for x in m.groups())
        rows = detail_rows(L, w)
        for i in range(a, b + 1):
            got[i] = rows[i - a].rstrip() if i - a < len(rows) else ''
        if b >= n:
            return [got.get(i, '') for i in range(1, n + 1)]
        p.keys('Space')

        def moved(L2, a=a):
            m2 = re.search(r'(?:detail|본문) (\d+)-', status(L2))
            return m2 is not None and int(m2.group(1)) > a
        L = p.wait(moved, 'the next page')
    raise Fail('the detail pane never ended', L)


def section(lines, heading):
    """The rows after a heading."""
    if heading not in lines:
        raise Fail('no %r heading' % heading, lines)
    i = lines.index(heading)
    return lines[i + 1:]


def in_code_lines(rows):
    """(label, spelled) per language, joining wrapped rows (a row that starts
    with spaces goes on the row above; a name has no space, so its pieces join
    with nothing)."""
    out = []
    for r in rows:
        if r == '':
            break
        if r.startswith(' ') and out:
            out[-1] = (out[-1][0], out[-1][1] + r.strip(), out[-1][2])
            continue
        m = re.match(r'(\S+(?: \S+)?)( +)(\S.*)$', r)
        if not m:
            out.append((r, '', 0))
            continue
        out.append((m.group(1), m.group(3), len(m.group(1)) + len(m.group(2))))
    return out


def text_width(w):
    """Cells of text in the detail pane: side by side the separator is at 45%
    of the width (34..62), stacked the pane is the whole width; one cell of
    margin each side."""
    if w >= 80:
        return w - min(max(w * 9 // 20, 34), 62) - 1 - 2
    return w - 2


def example_lines(rows, w):
    """The example's lines: a row two spaces in starts a line, four spaces in
    goes on the line above (the pane cuts a long line at its edge, so the row
    above was full: its trailing spaces, which capture-pane drops, come
    back), an empty row is an empty line; it ends at the next heading."""
    out, piece, last = [], '', 0
    for r in rows:
        if r.startswith('    ') and out:
            out[-1] += ' ' * (text_width(w) - last - cells(piece)) + r[4:]
            piece, last = r[4:], 4
        elif r.startswith('  '):
            out.append(r[2:])
            piece, last = r[2:], 2
        elif r == '':
            out.append('')
        else:
            break
    while out and out[-1] == '':
        out.pop()
    return out


def buffer(t):
    return t.run('show-buffer', check=False).strip()


def wait_buffer(t, want, L, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while buffer(t) != want:
        if time.monotonic() > end:
            raise Fail('clipboard (tmux buffer) holds %r, not %r' % (buffer(t), want), L)
        time.sleep(0.02)


def run_case(name, fn):
    try:
        fn()
        check(name, True)
    except Fail as e:
        detail = str(e)
        if e.screen:
            detail += '\n' + '\n'.join('|' + line for line in e.screen)
        check(name, False, detail)


def main():
    if len(sys.argv) != 3:
        print('Bail out! usage: test_incode.py BINARY LOCALE')
        return 99
    binary, locale = sys.argv[1], sys.argv[2]
    if not shutil.which('tmux'):
        print('1..0 # SKIP tmux is not installed')
        return 0
    have = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE).stdout.decode(errors='replace')
    if locale.lower().replace('-', '') not in {x.strip().lower().replace('-', '') for x in have.split()}:
        print('1..0 # SKIP locale %s is not installed' % locale)
        return 0
    korean = locale.startswith('ko')
    t = Tmux(binary, locale)
    t.boot()
    try:
        for w, h in ((80, 24), (50, 20)):
            size = '%dx%d' % (w, h)

            def start(*args):
                # Both languages as chosen, not by the locale's default: the
                # interface stays English in ko_KR (issue 14), the text the same.
                p = t.start(w, h, list(args), ['HTTPCODES_LANG=both'] if korean else [])
                # The search line is Korean in a Korean locale (issue 14).
                p.wait(lambda L: L and (L[0].startswith('Search:') or L[0].startswith('검색:')),
                       'the first frame')
                return p

            def in_code_and_toggle():
                p = start('-i', '429')
                p.wait_text('429 Too Many Requests')
                p.keys('Tab')
                wait_status(p, r'(?:detail|본문) \d+-')
                rows = read_detail(p, w)
                for r in rows:
                    if cells(r) > w:
                        raise Fail('a detail row is wider than the pane: %r' % r, rows)
                if 'Example' in rows:
                    raise Fail('the example is shown before e', rows)
                got = in_code_lines(section(rows, 'In code'))
                if [(a, b) for a, b, _ in got] != IN_CODE_429:
                    raise Fail('In code section: %r' % got, rows)
                if len({c for _, _, c in got}) != 1:
                    raise Fail('the names are not in one column: %r' % got, rows)
                # e shows the example and scrolls to it.
                p.keys('e')
                # The status line says so where it has room for it.
                L = wait_status(p, r'Example shown' if w >= 80 else r'\| Exa')
                L = p.wait(lambda L: detail_rows(L, w)[:1] == ['Example'],
                           'the pane scrolled to the example')
                rows = read_detail(p, w)
                ex = example_lines(section(rows, 'Example'), w)
                if ex != EXAMPLE_429:
                    raise Fail('example: %r' % ex, rows)
                if rows.index('Example') < rows.index('In code'):
                    raise Fail('the example comes before In code', rows)
                p.keys('e')
                L = p.wait(lambda L: 'Example' not in detail_rows(L, w), 'the example hidden')
                if w >= 80 and 'Example hidden' not in status(L):
                    raise Fail('the status line does not say the example is hidden', L)
                if 'Example' in read_detail(p, w):
                    raise Fail('e did not hide the example', L)
                p.close()

            def copy_and_cycle():
                p = start('-i', '429')
                p.wait_text('429 Too Many Requests')
                p.keys('Y')
                L = p.cap()
                wait_buffer(t, 'HTTPStatus.TOO_MANY_REQUESTS', L)
                if w >= 80:
                    L = wait_status(p, r'Copied "HTTPStatus.TOO_MANY_REQUESTS" \(Python')
                p.keys('C')
                if w >= 80:
                    L = wait_status(p, r'In code: Go first')
                p.keys('Y')
                wait_buffer(t, 'http.StatusTooManyRequests', L)
                if w >= 80:
                    L = wait_status(p, r'Copied "http.StatusTooManyRequests" \(Go')
                p.keys('Tab')
                wait_status(p, r'(?:detail|본문) \d+-')
                got = in_code_lines(section(read_detail(p, w), 'In code'))
                want = [IN_CODE_429[1], IN_CODE_429[0]] + IN_CODE_429[2:]
                if [(a, b) for a, b, _ in got] != want:
                    raise Fail('after C, In code: %r' % got, L)
                p.close()

            def code_lang_only():
                p = start('--code-lang=ruby', '--code-lang-only', '-i', '429')
                p.wait_text('429 Too Many Requests')
                p.keys('Tab')
                wait_status(p, r'(?:detail|본문) \d+-')
                got = in_code_lines(section(read_detail(p, w), 'In code'))
                if [(a, b) for a, b, _ in got] != [('Rails', ':too_many_requests')]:
                    raise Fail('--code-lang-only: %r' % got)
                p.keys('Y')
                wait_buffer(t, ':too_many_requests', p.cap())
                p.close()

            def constant_in_search_box():
                p = start()
                p.keys('/')
                p.text('HttpStatusCode.NotFound')
                L = p.wait_text('404 Not Found')
                rows = detail_rows(L, w)
                if not rows or not rows[0].startswith('404 Not Found'):
                    raise Fail('the detail does not show 404 first', L)
                p.keys('C-u')
                p.text('StatusTooManyRequests')
                L = p.wait(lambda L: detail_rows(L, w) and
                           detail_rows(L, w)[0].startswith('429 Too Many Requests'),
                           '429 in the detail')
                p.close()

            def korean_labels():
                p = start('--lang=ko', '-i', '429')
                p.wait_text('429')
                p.keys('e')
                p.wait(lambda L: detail_rows(L, w)[:1] == ['예시'], 'the pane at 예시')
                p.keys('Tab')
                wait_status(p, r'(?:detail|본문) \d+-')
                rows = read_detail(p, w)
                got = in_code_lines(section(rows, '코드에서'))
                if [(a, b) for a, b, _ in got] != IN_CODE_429:
                    raise Fail('코드에서: %r' % got, rows)
                if example_lines(section(rows, '예시'), w) != EXAMPLE_429:
                    raise Fail('예시', rows)
                p.close()

            run_case('%s %s: In code lists 429 in 11 libraries, one column; e shows the '
                     'example verbatim and hides it' % (locale, size), in_code_and_toggle)
            run_case('%s %s: Y copies the Python constant, C puts Go first and Y copies it'
                     % (locale, size), copy_and_cycle)
            run_case('%s %s: --code-lang=ruby --code-lang-only shows and copies Rails alone'
                     % (locale, size), code_lang_only)
            run_case('%s %s: a constant typed in the search box selects its code'
                     % (locale, size), constant_in_search_box)
            if korean:
                run_case('%s %s: --lang=ko: 코드에서 and 예시' % (locale, size), korean_labels)
    finally:
        t.kill()
    done()


if __name__ == '__main__':
    sys.exit(main())
