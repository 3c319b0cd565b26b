#!/usr/bin/env python3
"""The browser's navigation features and issue 14's browser defects, end to
end: the real binary inside tmux, at 80x24 and 60x15, in one locale.

usage: test_features.py BINARY LOCALE      (LOCALE: C.UTF-8, ko_KR.UTF-8, C)

Links and back, a jump to a typed code, search in the detail, expand and
collapse all, the Korean interface, copy choices, the search line's keys,
tree rows cut with an ellipsis, the status line fitting its width, the
stacked layout, the detail's "more" sign and scroll across a resize, the help
overlay wrapped, match-count grammar, and where the cursor rests.
Expectations are written by hand from data/*.txt. Each case fails on the
build before these features (commit 2dfaa9b). Output is TAP.
"""
import os
import re
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'lib'))
sys.path.insert(0, os.path.join(HERE, '..'))
sys.path.insert(0, HERE)
import tap  # noqa: E402
from tmuxdrv import POLL, TIMEOUT, Fail, Tmux, attr_flags, cells, expect, has_hangul  # noqa: E402
from test_screen import check_frame, detail_part, find_line, fresh, locale_available  # noqa: E402

SIZES = ((80, 24), (60, 15))
ELLIPSIS = ('\u2026', '~')


def spans_with(line, word, want, ignore_case=False, word_start=False):
    """For each place `word` occurs in the line (at the start of a word
    only, with word_start), whether all its characters carry attribute
    `want`."""
    text, flags = attr_flags(line, want)
    hay = text.lower() if ignore_case else text
    w = word.lower() if ignore_case else word
    out, i = [], hay.find(w)
    while i >= 0:
        if not (word_start and i > 0 and hay[i - 1].isascii() and hay[i - 1].isalnum()):
            out.append(all(flags[i:i + len(w)]))
        i = hay.find(w, i + len(w))
    return out


def stacked(lines):
    return not any('|' in line for line in lines[1:3])


def sep_row(lines):
    for i, line in enumerate(lines):
        if line.startswith('-- ') and line.rstrip().endswith('-'):
            return i
    return -1


def detail_rows(lines):
    """The detail pane's lines (side by side: right of the separator;
    stacked: below the separator row)."""
    if stacked(lines):
        k = sep_row(lines)
        return [line for line in lines[k + 1:-1]] if k >= 0 else []
    return [detail_part(line) for line in lines[1:-1]]


def detail_index(lines):
    """Index into lines of the detail's first row."""
    return sep_row(lines) + 1 if stacked(lines) else 1


def detail_title(lines):
    for row in detail_rows(lines):
        if row.strip():
            return row.strip()
    return ''


def tree_rows(lines):
    if stacked(lines):
        return lines[1:sep_row(lines)]
    return [line[:line.find('|')] if '|' in line else line for line in lines[1:-1]]


class Suite:
    def __init__(self, binary, locale):
        self.binary, self.locale = binary, locale
        self.utf8 = locale.lower().replace('-', '').endswith('utf8')
        self.korean = locale.lower().startswith('ko')
        self.t = Tmux(binary, locale)
        # English interface unless a case asks for Korean: --lang chosen.
        self.lang = ['--lang', 'both'] if self.utf8 else ['--lang', 'en']

    def start(self, w, h, args=(), extra_env=(), ready=('5xx',)):
        p = self.t.start(w, h, list(self.lang) + list(args), extra_env)
        p.wait_text(*ready)
        return p

    def find(self, w, h, query, extra_env=()):
        """The browser with a search typed and kept (/, the query, Enter:
        the results focused), as on every build."""
        p = self.start(w, h, extra_env=extra_env)
        p.keys('/')
        p.text(query)
        p.keys('Enter')
        p.wait(lambda L: L[0].rstrip() == 'Search: ' + query and 'Enter: keep' not in L[-1],
               'the search for %s kept' % query)
        return p

    def wait_title(self, p, title, what=None):
        return p.wait(lambda L: detail_title(L) == title, what or 'the detail of ' + title)

    def wait_status(self, p, sub):
        return p.wait(lambda L: sub in L[-1], 'status line with %r' % sub)

    # ---- 1. links and back; a typed code ---------------------------------

    def case_links_and_back(self):
        for w, h in SIZES:
            p = self.find(w, h, '502')
            self.wait_title(p, '502 Bad Gateway')
            p.keys('Tab')
            L = p.wait(lambda L: 'detail 1-' in L[-1], 'the detail focused')
            # ] walks the links in reading order; the see-also 504 is one.
            seen = []
            for _ in range(12):
                p.keys(']')
                L = p.wait(lambda L: re.search(r'Link \d+ of \d+: \d{3}', L[-1]), 'a link selected')
                m = re.search(r'Link (\d+) of (\d+): (\d{3})', L[-1])
                seen.append(m.group(3))
                if m.group(3) == '504':
                    break
            expect('504' in seen, 'no link to 504 among %s' % seen, L)
            expect('502' not in seen, 'a link to the entry itself', L)
            # The selected link is drawn in reverse video where it shows.
            attrs = p.cap(attrs=True)
            rows = [i for i, line in enumerate(L) if re.search(r'(^|\|| )504 ', line) and i > 0]
            expect(any(any(spans_with(attrs[i], '504', '7')) for i in rows),
                   'the selected link (504) is not in reverse video', attrs)
            top = detail_rows(L)[0]
            p.keys('Enter')
            L = self.wait_title(p, '504 Gateway Timeout')
            check_frame(L, w, h, side_by_side=w >= 80)
            p.keys('BSpace')
            L = self.wait_status(p, 'Back to 502')
            # Back where the link was followed from, scrolled as it was.
            expect(detail_rows(L)[0] == top, 'back at the same line (%r)' % top, L)
            p.keys('g')
            self.wait_title(p, '502 Bad Gateway', 'back to 502')
            p.keys('b')             # nothing left to go back to
            self.wait_status(p, 'Nothing to go back to')
            # From the tree, ":" and a code jump there; b comes back.
            p.keys('Tab', ':')
            p.wait(lambda L: L[0].startswith('Go to code:'), 'the go-to line')
            p.text('418')
            p.keys('Enter')
            L = p.wait(lambda L: detail_title(L).startswith('418 '), 'the detail of 418')
            expect(L[0].startswith('Search: '), 'the search line is back', L)
            p.keys('b')
            self.wait_title(p, '502 Bad Gateway', 'back to 502 from 418')
            p.keys(':')
            p.text('427')           # unassigned: not in the table
            p.keys('Enter')
            self.wait_status(p, 'No code 427')
            p.close()

    # ---- 2. search in the detail --------------------------------------------

    def case_detail_search(self):
        for w, h in SIZES:
            p = self.find(w, h, '502')
            self.wait_title(p, '502 Bad Gateway')
            p.keys('Tab', '/')
            p.wait(lambda L: L[0].startswith('Find in entry:'), 'the find line')
            p.text('proxy')
            L = p.wait(lambda L: re.search(r'Match 1 of (\d+)', L[-1]), 'the first match')
            n = int(re.search(r'Match 1 of (\d+)', L[-1]).group(1))
            expect(n >= 5, '502 mentions "proxy" %d times, expected at least 5' % n, L)
            attrs = p.cap(attrs=True)
            d0 = detail_index(L)
            marks = [f for line in attrs[d0:-1] for f in spans_with(line, 'proxy', '7', True)]
            expect(marks and all(marks), 'every "proxy" shown is highlighted: %s' % marks, attrs)
            p.keys('Enter', 'n')
            self.wait_status(p, 'Match 2 of %d' % n)
            p.keys('N', 'N')
            self.wait_status(p, 'Match %d of %d' % (n, n))
            # The match is scrolled into view.
            L = p.cap()
            expect(any('proxy' in row.lower() for row in detail_rows(L)), 'the match is in view', L)
            p.keys('Escape')        # the highlight goes; the detail keeps focus
            L = p.wait(lambda L: 'j/k: scroll' in L[-1], 'find cleared')
            attrs = p.cap(attrs=True)
            marks = [f for line in attrs[detail_index(L):-1] for f in spans_with(line, 'proxy', '7', True)]
            expect(not any(marks), 'no highlight after Esc', attrs)
            p.keys('/')
            p.text('zzqx')
            p.keys('Enter')
            self.wait_status(p, 'Not in this entry')
            p.close()

    def case_search_highlights_all(self):
        """A search from the tree underlines its word everywhere in the
        entry, not only the first time in a paragraph (issue 14 item 2):
        "proxy" is in 502's paragraphs several times each."""
        p = self.find(80, 60, 'proxy')
        L = p.wait(lambda L: detail_title(L)[:3].isdigit(), 'a proxy entry')
        # the highlight is drawn with the entry; on a loaded machine give
        # the frame time to settle before reading its attributes
        end = time.monotonic() + TIMEOUT
        while True:
            attrs = p.cap(attrs=True)
            marks = [f for line in attrs[1:-1]
                     for f in spans_with(line[line.find('|') + 1:] if '|' in line else line, 'proxy', '4', True,
                                         word_start=True)]
            if (len(marks) >= 5 and all(marks)) or time.monotonic() > end:
                break
            time.sleep(0.1)
        expect(len(marks) >= 5 and all(marks), 'every "proxy" in the detail underlined: %s' % marks, attrs)
        p.close()

    # ---- 3. expand and collapse all --------------------------------------

    def case_expand_all(self):
        for w, h in SIZES:
            p = self.start(w, h)
            p.keys('+')
            L = p.wait(lambda L: tree_rows(L)[0].startswith('- 1xx') and '100 Continue' in '\n'.join(L),
                       'every class open')
            p.keys('G')
            L = p.wait(lambda L: re.match(r'^  \d', [r for r in tree_rows(L) if r.strip()][-1]),
                       'the last row is a code')
            p.keys('-')
            L = p.wait(lambda L: all(r.startswith('+ ') for r in tree_rows(L) if r.strip())
                       and '+ 5xx' in '\n'.join(L), 'every class closed')
            expect('100 Continue' not in '\n'.join(tree_rows(L)), 'no code row left', L)
            p.close()

    # ---- 4. the Korean interface -----------------------------------------

    def case_korean_interface(self):
        if not self.utf8:
            # Korean cannot be shown: the interface stays English.
            p = self.t.start(80, 24, ['--lang', 'ko'])
            L = p.wait_text('Search:', '5xx')
            expect(not has_hangul('\n'.join(L)), 'no Hangul under LANG=C', L)
            p.close()
            return
        runs = [['--lang', 'ko']]
        if self.korean:
            runs.append([])         # the default in a Korean locale
        for args in runs:
            for w, h in SIZES:
                p = self.t.start(w, h, args)
                L = p.wait_text('검색:', '5xx')
                expect(re.search(r'코드 \d+개', L[-1]), 'the count in Korean', L)
                expect('도움말' in L[-1] or '목록' in L[-1] or '검색' in L[-1], 'Korean hints', L)
                p.keys('?')
                L = p.wait_text('도움말', '이동')
                p.keys('x', '/', '4', '0', '4', 'Enter')
                L = p.wait(lambda L: re.search(r'\d+개 중 1개 일치', L[-1]), 'the match count in Korean')
                p.keys('Tab')
                L = p.wait(lambda L: '자세히' in '\n'.join(L) or '본문' in L[-1], 'the detail focused')
                p.keys('/')
                p.wait_text('본문에서 찾기:')
                p.keys('Escape', 'Tab', 'y')
                p.wait_text('복사', '한국어 이름')
                p.keys('y')
                # Korean mode copies the Korean name (tmux turns OSC 52
                # into a buffer).
                if args == ['--lang', 'ko']:
                    want = '404 찾을 수 없음'
                else:
                    want = '404 Not Found'
                self.wait_buffer(want)
                p.close()
        # English when asked for, even in a Korean locale.
        p = self.t.start(80, 24, ['--lang', 'en'])
        L = p.wait_text('Search:', '5xx')
        expect(re.search(r'\d+ codes', L[-1]) and not has_hangul('\n'.join(L)), 'English interface', L)
        p.close()

    def wait_buffer(self, want):
        end = time.monotonic() + TIMEOUT
        while True:
            got = self.t.run('show-buffer', check=False)
            if got == want or got.rstrip('\n') == want.rstrip('\n'):
                return got
            if time.monotonic() > end:
                raise Fail('clipboard (tmux buffer) holds %r, expected %r' % (got[:200], want[:200]))
            time.sleep(POLL)

    # ---- 5. copy choices -------------------------------------------------

    def case_copy_choices(self):
        for w, h in SIZES:
            p = self.find(w, h, '404')
            self.wait_title(p, '404 Not Found')
            p.keys('y')
            L = p.wait_text('Copy', 'code and phrase', 'summary', 'whole entry', 'URL')
            p.keys('y')
            self.wait_buffer('404 Not Found')
            L = self.wait_status(p, 'Copied "404 Not Found"')
            expect('tmux' in L[-1] or '\u2026' in L[-1] or '~' in L[-1], 'says tmux may drop it', L)
            p.keys('y', '3')
            self.wait_buffer('The server has nothing at this URL, or will not say that it has')
            if self.utf8:
                p.keys('y', '2')
                self.wait_buffer('찾을 수 없음')
            # The whole entry: too long for the status line; in tmux it is
            # also shown to be selected by hand, with the mouse off.
            p.keys('y', '4')
            L = p.wait_text('Select and copy by hand', 'set-clipboard')
            got = self.wait_buffer_prefix('404 Not Found\n')
            expect('Summary\nThe server has nothing at this URL' in got, 'the entry as text', got.splitlines())
            expect('404 Not Found' in '\n'.join(L) and not any(line.startswith('|') for line in L[2:-1]),
                   'the text from column 0, no frame', L)
            expect(p.info('#{mouse_any_flag}') == '0', 'mouse off while the text is shown', L)
            p.keys('x')
            p.wait(lambda L: L[0].startswith('Search:'), 'the browser back')
            expect(p.info('#{mouse_any_flag}') == '1', 'mouse back on', p.cap())
            p.keys('y', '5')
            got = self.wait_buffer_prefix('https://')
            expect('rfc9110' in got and got.endswith('15.5.5'), "404's section of RFC 9110: %r" % got, p.cap())
            # M turns the mouse off (the terminal selects text) and on.
            p.keys('M')
            self.wait_status(p, 'Mouse off')
            expect(p.info('#{mouse_any_flag}') == '0', 'M turned reports off', p.cap())
            p.keys('M')
            self.wait_status(p, 'Mouse on')
            expect(p.info('#{mouse_any_flag}') == '1', 'M turned reports on', p.cap())
            p.close()
        # The Linux console has no OSC 52: the text is shown, nothing sent.
        self.t.run('set-buffer', 'untouched')
        p = self.t.start(80, 24, list(self.lang) + ['-i', '404'], extra_env=['TERM=linux'])
        p.wait_text('Search: 404')
        p.keys('y', 'y')
        L = p.wait_text('Select and copy by hand', 'OSC 52')
        expect(any(line.rstrip() == '404 Not Found' for line in L), 'the text on its own line', L)
        time.sleep(0.3)
        expect(self.t.run('show-buffer', check=False) == 'untouched', 'no OSC 52 sent to the console', L)
        p.close()

    def wait_buffer_prefix(self, prefix):
        end = time.monotonic() + TIMEOUT
        while True:
            got = self.t.run('show-buffer', check=False)
            if got.startswith(prefix):
                return got
            if time.monotonic() > end:
                raise Fail('clipboard holds %r, expected it to start with %r' % (got[:100], prefix))
            time.sleep(POLL)

    # ---- 12. the search line's keys ----------------------------------------

    def case_search_line_keys(self):
        for w, h in SIZES:
            p = self.start(w, h)
            p.keys('/')
            L = p.wait(lambda L: 'Enter: keep' in L[-1], 'search hints')
            expect('?: help' not in L[-1], 'the search hint offers ?: help', L)
            p.text('?')             # typed, not help
            L = p.wait(lambda L: L[0].rstrip() == 'Search: ?', '? typed into the box')
            expect('Help' not in '\n'.join(L), 'help opened', L)
            p.keys('BSpace')
            p.wait(lambda L: L[0].rstrip() == 'Search:', 'the box empty')
            p.keys('BSpace')        # on an empty line: leave the search
            L = p.wait(lambda L: L[0].startswith('Search: press /'), 'search left')
            p.keys('j')             # a tree key again
            p.wait_cursor(y=2)
            # Ctrl-W deletes the word before the caret, Ctrl-K the rest.
            p.keys('/')
            p.text('gateway time')
            p.wait(lambda L: L[0].rstrip() == 'Search: gateway time', 'typed')
            p.keys('C-w')
            p.wait(lambda L: L[0].rstrip() == 'Search: gateway', 'Ctrl-W')
            p.keys('Home', 'Right', 'Right', 'Right', 'C-k')
            p.wait(lambda L: L[0].rstrip() == 'Search: gat', 'Ctrl-K')
            p.keys('C-u')
            p.text('gateway')
            L = p.wait(lambda L: detail_title(L).startswith('50'), 'a gateway match')
            first = detail_title(L)
            p.keys('C-p')           # the row above, still typing
            L = p.wait(lambda L: detail_title(L) != first, 'Ctrl-P moved the selection')
            expect(L[0].rstrip() == 'Search: gateway', 'the box unchanged', L)
            p.keys('C-n')
            self.wait_title(p, first, 'Ctrl-N back')
            # Ctrl-C cancels the search and does not quit (as in less).
            p.keys('C-c')
            L = p.wait(lambda L: L[0].startswith('Search: press /'), 'Ctrl-C cancelled the search')
            expect(p.info('#{pane_dead}') == '0', 'Ctrl-C in the search line quit', L)
            p.keys('q')
            p.wait_dead()
            expect(p.info('#{pane_dead_status}') == '0', 'q still quits with 0', p.cap())
            p.close()
            # -i QUERY opens with the results focused: k moves, not types.
            p = self.start(w, h, ['-i', 'gateway'], ready=('Search: gateway',))
            L = p.wait(lambda L: detail_title(L).startswith('50'), 'a gateway match')
            first = detail_title(L)
            p.keys('k')
            L = p.wait(lambda L: detail_title(L) != first, 'k moved the selection')
            expect(L[0].rstrip() == 'Search: gateway', 'k was not typed', L)
            p.close()

    # ---- 13. tree rows: ellipsis, word boundaries, width ------------------

    def case_tree_rows(self):
        for w, h in SIZES:
            p = self.start(w, h)
            p.keys('+')
            p.wait(lambda L: '100 Continue' in '\n'.join(L), 'every class open')
            cut = 0
            for _ in range(40):
                L = p.cap()
                for row in tree_rows(L):
                    t = row.rstrip()
                    if re.match(r'^  \d{3}', t) and t.endswith(ELLIPSIS):
                        cut += 1
                        body = t[:-1]
                        expect(not body.endswith((' ', '-', '(')), 'dangling separator: %r' % t, L)
                        if self.utf8 and has_hangul(body.split(' - ')[-1]):
                            # The Korean name is cut only after a whole word.
                            self.check_korean_cut(body, L)
                if any(r.startswith('  599') for r in tree_rows(L)):
                    break
                p.keys('PageDown')
                time.sleep(0.1)
            expect(cut > 0, 'no row was cut at %dx%d' % (w, h), L)
            p.close()
        # Wide: the tree gets its text's width; the detail text is kept to
        # a readable measure.
        p = self.find(250, 40, '407')
        L = p.wait(lambda L: fresh(L, 250, 40) and detail_title(L).startswith('407'), 'the detail of 407')
        row = [r for r in tree_rows(L) if r.startswith('  407')][0].rstrip()
        want = '407 Proxy Authentication Required' + (' - 프록시 인증 필요' if self.utf8 else '')
        expect(row.strip() == want, 'the whole 407 row at 250 columns: %r' % row, L)
        longest = max(cells(re.sub(r'\s*\[more\]$', '', r.rstrip())) for r in detail_rows(L))
        expect(longest <= 101, 'detail lines up to %d cells (measure 100)' % longest, L)
        p.close()

    def check_korean_cut(self, body, L):
        """The Korean part before the ellipsis ends with a whole word of the
        entry's Korean name."""
        code = body.strip()[:3]
        shown = body.split(' - ')[-1].strip()
        fulls = self.korean_names().get(code, [])
        expect(any(full.startswith(shown) and (len(shown) == len(full) or full[len(shown)] == ' ')
                   for full in fulls), 'Korean name %r cut inside a word: %r' % (fulls, shown), L)

    def korean_names(self):
        if not hasattr(self, '_names'):
            names = {}
            data = os.path.join(HERE, '..', '..', 'data')
            for f in os.listdir(data):
                if not re.match(r'^[1-5]xx.*\.txt$', f):
                    continue
                code = None
                with open(os.path.join(data, f), encoding='utf-8') as fh:
                    for line in fh:
                        if line.startswith('Code: '):
                            code = line[6:].strip()
                        elif line.startswith(('Name-Ko: ', 'Aliases-Ko: ')) and code:
                            names.setdefault(code, []).extend(
                                x.strip() for x in line.split(':', 1)[1].split(';'))
            self._names = names
        return self._names

    # ---- 14, 17: unused codes by their former name; informal origin -------

    def case_row_labels(self):
        p = self.find(200, 50, 'teapot')
        L = p.wait(lambda L: any(r.startswith('  418') for r in tree_rows(L)), '418 in the tree')
        row = [r for r in tree_rows(L) if r.startswith('  418')][0]
        expect("I'm a teapot" in row, '418 with its former name: %r' % row, L)
        expect('(Unused) (unused)' not in row, '418 shown as (Unused) (unused): %r' % row, L)
        p.keys('Escape', '/')
        p.text('218')
        L = p.wait(lambda L: any(r.startswith('  218') for r in tree_rows(L)), '218 in the tree')
        row = [r for r in tree_rows(L) if r.startswith('  218')][0]
        expect('Apache' not in row, '218 labelled %r' % row, L)
        p.close()

    # ---- 15. the status line fits ----------------------------------------

    def case_status_fits(self):
        hints = {'search', 'detail', 'help', 'quit', 'copy', 'all', 'go to', 'lang', 'scroll', 'tree',
                 'links', 'back', 'find', 'keep', 'clear', 'select', 'word', 'cancel'}
        for w, h in SIZES:
            p = self.start(w, h)
            for keys in (['Escape'], ['Tab'], ['/']):
                p.keys(*keys)
                L = p.wait(lambda L: (re.search(r'\| (en\+ko|en|ko) \|', L[-1]) or 'codes |' in L[-1])
                           and 'Korean text' not in L[-1], 'status with hints')
                line = L[-1].rstrip()
                tail = line.split(' | ')[-1]
                for hint in re.split(r'  +', tail):
                    m = re.match(r'^(\S+): (.+)$', hint)
                    expect(m and m.group(2) in hints, 'a cut hint %r in %r' % (hint, line), L)
                p.keys('Escape')
            p.close()
            # A long message is cut at a space, with an ellipsis.
            p = self.find(w, h, '429')
            p.keys('y', 'y')
            L = self.wait_status(p, 'Copied')
            msg = L[-1].rstrip()
            msg = msg[msg.find('Copied'):]
            full = 'Copied "429 Too Many Requests" (OSC 52; tmux may drop it)'
            expect(msg == full or (msg.endswith(ELLIPSIS) and full.startswith(msg[:-1])
                                   and full[len(msg) - 1] == ' '), 'message cut mid-word: %r' % msg, L)
            p.close()

    # ---- 16. layout, scroll, more sign, help, grammar, cursor -------------

    def case_stacked_rows(self):
        p = self.find(60, 15, '404')
        L = p.wait(lambda L: detail_title(L) == '404 Not Found', 'the detail of 404')
        k = sep_row(L)
        expect(k == 3, 'separator right under the 2 tree rows (row %d)' % k, L)
        expect(len(detail_rows(L)) == 15 - 2 - 3, 'the detail gets the spare rows', L)
        p.close()

    def case_more_sign(self):
        for w, h in SIZES:
            p = self.find(w, h, '404')
            L = p.wait(lambda L: detail_title(L) == '404 Not Found', 'the detail of 404')
            expect(detail_rows(L)[-1].rstrip().endswith('[more]'), 'a "more" sign, tree focused', L)
            p.keys('Tab', 'G')
            L = p.wait(lambda L: re.search(r'detail (\d+)-(\d+)/\2', L[-1]), 'the end')
            expect(not detail_rows(L)[-1].rstrip().endswith('[more]'), 'no sign at the end', L)
            p.close()

    def case_resize_keeps_scroll(self):
        p = self.find(80, 24, '404')
        self.wait_title(p, '404 Not Found')
        p.keys('Tab')
        for _ in range(15):
            p.keys('j')
        L = p.wait(lambda L: 'detail 16-' in L[-1], 'scrolled 15 lines')
        top = [r.strip() for r in detail_rows(L) if r.strip()][0]
        words = top.split()[:3]
        p.resize(100, 24)
        L = p.wait(lambda L: fresh(L, 100, 24), 'redrawn at 100 columns')
        shown = ' '.join(r.strip() for r in detail_rows(L)[:3])
        expect(' '.join(words) in shown, 'the text at the top (%r) stays in view' % ' '.join(words), L)
        expect('detail 1-' not in L[-1], 'scrolled back to the top', L)
        p.close()

    def case_help_wrapped(self):
        for w, h in ((60, 24), (40, 24)):
            p = self.start(w, h)
            p.keys('?')
            L = p.wait_text('Help', 'Moving around')
            box = [line for line in L if line.startswith('|')]
            expect(box and all(line.rstrip().endswith('|') and cells(line.rstrip()) == cells(box[0].rstrip())
                               for line in box), 'the frame is whole at %d columns' % w, L)
            text = ' '.join(line.strip('| ').strip() for line in box)
            for phrase in ('expand a class; on a code, go to its detail', 'collapse, or go to the class'):
                expect(phrase in re.sub(r'\s+', ' ', text), '%r wrapped, not cut, at %d' % (phrase, w), L)
            p.close()

    def case_grammar(self):
        p = self.find(80, 24, '404')
        L = p.wait(lambda L: re.search(r' 1 match of \d+ ', L[-1]), 'singular')
        p.keys('/', 'C-u')
        p.text('50x')
        L = p.wait(lambda L: re.search(r'\d+ matches of \d+ ', L[-1]), 'plural')
        p.close()

    def case_cursor_on_code(self):
        for w, h in SIZES:
            p = self.start(w, h)
            p.keys('j', 'j', 'j', 'l', 'j')
            p.wait(lambda L: detail_title(L) == '400 Bad Request', 'the detail of 400')
            p.wait_cursor(x=2, y=5)
            L = p.cap()
            expect(L[5][2:5] == '400', 'the cursor rests on the code', L)
            p.close()

    def case_repaint_keeps_message(self):
        # Ctrl-L repaints the same state: a message in the status line
        # stays (as on a resize); the next key answers it.
        p = self.start(80, 24)
        fresh = p.cap()[-1]
        p.keys('n')                             # no search to repeat: a message
        L = p.wait(lambda L: L[-1] != fresh, 'a message in the status line')
        msg = L[-1]
        p.keys('C-l')
        p.wait_idle()
        L = p.cap()
        expect(L[-1] == msg, 'the message is still there after Ctrl-L', L)
        p.keys('j')
        p.wait(lambda L: L[-1] != msg, 'the message answered by the next key')
        p.close()

    def case_partial_fill(self):
        # One code matches every word of a sentence: the partial matches
        # that follow it are listed too, and the status line says so; a
        # word that matches nowhere: the best partial matches, said so.
        # The message answers the typing; the next key (Enter) clears it.
        q = 'delete call works but returns no body at all'

        def typed(query, args=()):
            p = self.t.start(80, 24, list(args or self.lang))
            p.wait_text('5xx')
            p.keys('/')
            p.text(query)
            return p

        p = typed(q)
        L = self.wait_status(p, '1 matched every word')
        rows = '\n'.join(tree_rows(L))
        expect('200 OK' in rows and '204 No Content' in rows, '200 and 204 listed', L)
        p.close()
        p = typed('server busy zzyzx')
        self.wait_status(p, 'Not every word matched')
        p.close()
        if self.utf8:
            p = typed(q, ['--lang', 'ko'])
            self.wait_status(p, '일부만 맞습니다')
            p.close()

    def case_read_as(self):
        # Hangul typed with the keyboard in English mode (dubeol.h): the
        # search reads dlswmd vlfdy as 인증 필요, selects 401 and says what
        # it searched (in the C locale the Hangul shows as ?).
        p = self.t.start(80, 24, list(self.lang))
        p.wait_text('5xx')
        p.keys('/')
        p.text('dlswmd vlfdy')
        L = self.wait_status(p, "Showing results for '")
        expect("'인증 필요'" in L[-1] if self.utf8 else "'?? ??'" in L[-1],
               'the Hangul searched, as the locale can show it', L)
        expect(any('401' in r for r in tree_rows(L)[:3]), '401 listed first', L)
        p.close()
        if self.utf8:
            p = self.t.start(80, 24, ['--lang', 'ko'])
            p.wait_text('5xx')
            p.keys('/')
            p.text('dlswmd vlfdy')
            self.wait_status(p, "'인증 필요' 검색 결과를 보여 줍니다.")
            p.close()

    def cases(self):
        return [self.case_links_and_back, self.case_detail_search, self.case_search_highlights_all,
                self.case_expand_all,
                self.case_korean_interface, self.case_copy_choices, self.case_search_line_keys,
                self.case_tree_rows, self.case_row_labels, self.case_status_fits, self.case_stacked_rows,
                self.case_more_sign, self.case_resize_keeps_scroll, self.case_help_wrapped,
                self.case_grammar, self.case_cursor_on_code, self.case_repaint_keeps_message,
                self.case_partial_fill, self.case_read_as]

    def run(self):
        tap.note('locale %s, binary %s' % (self.locale, self.binary))
        self.t.boot()
        only = os.environ.get('HC_ONLY')
        for case in self.cases():
            name = case.__name__[len('case_'):]
            if only and name not in only.split(','):
                continue
            try:
                case()
                tap.check(name, True)
            except Fail as e:
                tap.check(name, False, [str(e)] + ['|' + line.encode('utf-8', 'surrogateescape')
                                                   .decode('utf-8', 'replace')
                                                   for line in e.screen or []])
        tap.plan()


def main():
    if len(sys.argv) != 3:
        print('Bail out! usage: test_features.py BINARY LOCALE')
        return 99
    binary, locale = sys.argv[1], sys.argv[2]
    if not shutil.which('tmux'):
        tap.skip_all('tmux is not installed')
    if locale not in ('C', 'POSIX') and not locale_available(locale):
        tap.skip_all('locale %s is not installed (locale -a)' % locale)
    suite = Suite(binary, locale)
    try:
        suite.run()
    finally:
        suite.t.kill()
    return 0


if __name__ == '__main__':
    sys.exit(main())
