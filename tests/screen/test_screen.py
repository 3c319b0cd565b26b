#!/usr/bin/env python3
"""End-to-end tests of the browser: the real binary inside tmux.

usage: test_screen.py BINARY LOCALE      (LOCALE: C.UTF-8, ko_KR.UTF-8, C)

Each case starts the program in its own tmux session (one private server per
run, killed at the end even on failure), drives it with send-keys and reads
the screen with capture-pane, polling until the expected text is there and
two captures agree. Expectations are written by hand from data/*.txt.
Output is TAP; free text is prefixed with '#'.
"""
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'lib'))
sys.path.insert(0, os.path.join(HERE, '..'))
import tap  # noqa: E402
from tmuxdrv import (POLL, TIMEOUT, Fail, Pane, Tmux, cells, expect, golden,  # noqa: E402,F401
                     has_hangul, sgr_has_color, sgr_has_reverse, sgr_params, underlined,
                     word_underlined)


def find_line(lines, sub):
    for i, line in enumerate(lines):
        if sub in line:
            return i
    return -1


def check_frame(lines, w, h, side_by_side=None):
    """Nothing wider than the window, and (side by side) the separator in one
    column on every body line: a wide character split or pushed over the edge
    would move it."""
    expect(len(lines) == h, 'capture has %d lines, window has %d' % (len(lines), h), lines)
    for i, line in enumerate(lines):
        expect(cells(line) <= w, 'line %d is %d cells wide (window %d)' % (i, cells(line), w), lines)
    if side_by_side is None:
        side_by_side = w >= 80 and h >= 7
    if side_by_side:
        cols = set()
        for line in lines[1:-1]:
            k = line.find('|')
            expect(k >= 0, 'a body line lacks the separator', lines)
            cols.add(cells(line[:k]))
        expect(len(cols) == 1, 'separator is not in one column: %s' % sorted(cols), lines)


def tree_cols(w):
    """The columns the layout may give the tree side by side: 45% of the
    width within 34..62, or more (the tree's text width) while the detail
    keeps 60 cells."""
    base = min(max(w * 9 // 20, 34), 62)
    return base, max(base, w - 61)


def fresh(lines, w, h):
    """True once the program has drawn for a w x h window (tmux resizes its
    grid at once, the redraw follows): side by side, the separator sits in
    one column where the layout may put it (tree_cols); stacked, the
    separator row spans the whole width."""
    if len(lines) != h or h < 7 or w < 24:
        return False
    if w >= 80:
        lo, hi = tree_cols(w)
        cols = {cells(line[:line.find('|')]) if line.find('|') >= 0 else -1 for line in lines[1:-1]}
        return len(cols) == 1 and lo <= min(cols) <= hi
    return any(line.startswith('-- ') and line.endswith('-') and cells(line) == w for line in lines)


def tree_part(line):
    k = line.find('|')
    return line if k < 0 else line[:k]


def tree_text(lines):
    return '\n'.join(tree_part(line) for line in lines[1:-1])


def detail_part(line):
    k = line.find('|')
    return '' if k < 0 else line[k + 1:]


class Suite:
    def __init__(self, binary, locale):
        self.binary, self.locale = binary, locale
        self.utf8 = locale.lower().replace('-', '').endswith('utf8')
        self.t = Tmux(binary, locale)
        self.results = []
        # Korean shown beside English, or English only (LANG=C).
        self.lang = ['--lang', 'both'] if self.utf8 else []

    def row(self, en, ko):
        return en + ' - ' + ko if self.utf8 else en

    def start(self, w=80, h=24):
        """The browser at w x h in the suite's language, once it has drawn."""
        p = self.t.start(w, h, self.lang)
        p.wait_text('Search:', '5xx')
        return p

    # ---- cases -----------------------------------------------------------

    def case_startup_80x24(self):
        p = self.start(80, 24)
        L = p.wait_text('+ 5xx')
        check_frame(L, 80, 24)
        expect(L[0].startswith('Search: press /'), 'search line', L)
        classes = [('1xx', 'Informational', '정보 응답'), ('2xx', 'Successful', '성공'),
                   ('3xx', 'Redirection', '리디렉션'), ('4xx', 'Client Error', '클라이언트 오류'),
                   ('5xx', 'Server Error', '서버 오류')]
        for i, (c, en, ko) in enumerate(classes):
            expect(tree_part(L[1 + i]).startswith('+ ' + c + ' ' + en), 'class row %s' % c, L)
        # 4xx's Korean name is clipped at 80 columns to keep its count; 5xx fits.
        expect(self.row('+ 5xx Server Error', '서버 오류') in L[5], '5xx row with names', L)
        expect(detail_part(L[1]).strip() == '1xx Informational', 'detail shows the class', L)
        expect('codes' in L[-1], 'status line shows the count', L)
        p.wait_cursor(y=1)
        attrs = p.cap(attrs=True)
        expect(sgr_has_reverse(attrs[1]), 'selected row in reverse video', attrs)
        expect(not sgr_has_reverse(attrs[2]), 'unselected row not reversed', attrs)
        if self.utf8:
            expect('정보 응답' in '\n'.join(L), 'Korean class name shown', L)
        else:
            expect(not has_hangul('\n'.join(L)), 'no Hangul under LANG=C', L)
            expect(all(ord(ch) < 0x80 for ch in '\n'.join(L)), 'ASCII only under LANG=C', L)
            expect('LANG=C.UTF-8' in L[-1], 'hint on how to get Korean', L)
        p.close()

    def case_startup_wide(self):
        p = self.start(200, 50)
        L = p.wait_text('+ 5xx')
        check_frame(L, 200, 50)
        expect('+ 1xx Informational' in L[1] and detail_part(L[1]).strip() == '1xx Informational',
               'tree and detail side by side', L)
        expect(self.row('+ 4xx Client Error', '클라이언트 오류') in L[4], 'full 4xx row at 200 columns', L)
        # Expand 4xx: a vendor code carries a letter marker, not just a colour.
        p.keys('j', 'j', 'j', 'l')
        L = p.wait_text('404 Not Found')
        check_frame(L, 200, 50)
        expect(find_line(L, '  ' + self.row('404 Not Found', '찾을 수 없음')) > 0, '404 row', L)
        p.keys('G')                 # to 5xx: the end of 4xx scrolls into view
        L = p.wait_text('499 [u] Client Closed Request')
        check_frame(L, 200, 50)
        expect(find_line(L, '(nginx)') > 0, 'vendor named', L)
        p.close()

    def case_expand_collapse(self):
        p = self.start()
        p.keys('j', 'j', 'j')
        p.wait_cursor(y=4)
        L = p.wait_text('4xx Client Error')
        expect(detail_part(L[1]).strip() == '4xx Client Error', 'detail shows 4xx', L)
        p.keys('l')
        L = p.wait_text('  400 Bad Request')
        check_frame(L, 80, 24)
        expect(tree_part(L[4]).startswith('- 4xx'), 'expanded marker', L)
        expect(self.row('  404 Not Found', '찾을 수 없음') in L[find_line(L, '  404 ')], '404 row', L)
        p.keys('Down')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '400 Bad Request', 'detail of 400')
        p.wait_cursor(y=5)
        p.keys('h')                 # on an entry: go to its class
        p.wait_cursor(y=4)
        L = p.wait(lambda L: detail_part(L[1]).strip() == '4xx Client Error', 'back on 4xx')
        p.keys('h')                 # on an open class: collapse
        L = p.wait_text('+ 4xx', absent=('400 Bad Request',))
        check_frame(L, 80, 24)
        p.keys('Right')
        p.wait_text('- 4xx', '400 Bad Request')
        p.keys('Left')
        p.wait_text('+ 4xx', absent=('400 Bad Request',))
        p.keys('Enter')
        p.wait_text('- 4xx', '400 Bad Request')
        # 306 is unused: marked with a letter.
        p.keys('k', 'l')
        L = p.wait_text('306 [x]')
        p.keys('g')
        p.wait_cursor(y=1)
        # The last row: the codes outside 100-599, a group after 5xx (issue 15).
        p.keys('G')
        L = p.wait_text('+ 5xx', '+ Other codes')
        p.wait_cursor(y=find_line(L, '+ Other codes'))
        p.close()

    def case_detail_highlight(self):
        """The selected entry's matched text is underlined in the detail (not
        only by colour): a header, the description, and a span that the
        wrap splits across two lines."""
        p = self.start(80, 50)     # tall enough for the description
        p.keys('/')
        p.text('retry-after')
        # 413 is the first entry with the header (table order).
        L = p.wait(lambda L: detail_part(L[1]).strip() == '413 Content Too Large', 'detail of 413')
        attrs = p.cap(attrs=True)
        y = find_line([detail_part(l) for l in L], ' Headers ')
        expect(y > 0 and 'Retry-After' in L[y], 'Headers line shown', L)
        expect(word_underlined(attrs[y], 'Retry-After'), 'header underlined in the detail', attrs)
        expect(not word_underlined(attrs[y], 'Content-Length'), 'other header not underlined', attrs)
        y = find_line(L, 'send Retry-After')
        expect(y > 0, 'description mentions Retry-After', L)
        expect(word_underlined(attrs[y], 'Retry-After'), 'description match underlined', attrs)
        # A word only in 451's description.
        p.keys('C-u')
        p.text('court')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '451 Unavailable For Legal Reasons',
                   'detail of 451')
        attrs = p.cap(attrs=True)
        D = [detail_part(l) for l in L]
        y = find_line(D, 'a court order')
        expect(y > find_line(D, ' Description'), 'court in the Description paragraph', L)
        expect(word_underlined(attrs[y], 'court'), 'description word underlined', attrs)
        expect(not word_underlined(attrs[y], 'order'), 'the next word is not', attrs)
        p.close()
        if not self.utf8:
            return
        # A Hangul term matches across the space, and at 100 columns the
        # wrap falls inside that span: each piece is underlined on its line.
        p = self.t.start(100, 40, ['--lang', 'both'])
        p.wait_text('Search:', '5xx')
        p.keys('/')
        p.text('요청엔티티')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '413 Content Too Large', 'detail of 413')
        attrs = p.cap(attrs=True)
        y = find_line(L, 'Also known as')
        expect(y > 0, 'aliases shown', L)
        expect(detail_part(L[y + 1]).rstrip().endswith('; 요청')
               and detail_part(L[y + 2]).strip().startswith('엔티티가'),
               'alias wrapped inside the match', L)
        expect(word_underlined(attrs[y + 1], '요청'), 'first piece underlined', attrs)
        expect(word_underlined(attrs[y + 2], '엔티티'), 'second piece underlined', attrs)
        expect(not word_underlined(attrs[y], 'Request'), 'the English alias is not', attrs)
        p.close()

    def case_search_english(self):
        p = self.start()
        p.keys('/')
        p.wait_cursor(x=8, y=0)
        p.text('not found')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '404 Not Found', 'detail of 404')
        check_frame(L, 80, 24)
        expect(L[0].rstrip() == 'Search: not found', 'search line', L)
        expect(find_line(L, '  404 Not Found') > 0, '404 in the tree', L)
        expect(find_line(L, 'RFC 9110') > 0, 'reference shown', L)
        expect('match' in L[-1], 'status shows the match count', L)
        p.wait_cursor(x=17, y=0)
        attrs = p.cap(attrs=True)
        row = attrs[find_line(L, '  404 Not Found')]
        expect('4' in sgr_params(row), 'matched text underlined in the tree', attrs)
        p.keys('Enter')             # keep the filter, back to the tree
        y = find_line(L, '  404 Not Found')
        p.wait_cursor(y=y)
        L = p.wait_text('Search: not found')
        p.keys('Escape')            # clear it
        L = p.wait_text('Search: press /', '+ 1xx', '- 4xx')
        expect(detail_part(L[1]).strip() == '404 Not Found', '404 stays selected', L)
        # A search that matches several codes; n and N walk through them.
        p.keys('/')
        p.text('gateway')
        L = p.wait(lambda L: detail_part(L[1]).strip().startswith('50'), 'a 5xx gateway match')
        first = detail_part(L[1]).strip()
        p.keys('Enter', 'n')
        L = p.wait(lambda L: detail_part(L[1]).strip() not in ('', first), 'next match')
        expect('ateway' in detail_part(L[1]) or 'ateway' in '\n'.join(L), 'next match is about gateways', L)
        p.keys('N')
        p.wait(lambda L: detail_part(L[1]).strip() == first, 'previous match')
        p.close()

    def case_tree_spans(self):
        """The tree underlines what a search matched in the rows it shows:
        the vendor's name too, and in rows that come into view only after a
        move (the browser finds a row's spans when the row is drawn)."""
        p = self.start(140, 30)
        p.keys('/')
        p.text('cloudflare')
        L = p.wait(lambda L: find_line(L, '(Cloudflare)') > 0, 'a Cloudflare row')
        p.wait_cursor(x=18, y=0)
        attrs = p.cap(attrs=True)
        y = find_line(L, '(Cloudflare)')
        text, flags = underlined(attrs[y])
        text, flags = text[:text.find('|')], flags[:text.find('|')]
        i = text.find('Cloudflare')
        expect(all(flags[i:i + 10]) and not flags[i - 1] and not flags[i + 10],
               'the vendor underlined in the row', attrs)
        expect(sum(flags) == 10, 'nothing else in the row is', attrs)
        p.close()
        p = self.start()
        p.keys('/')
        p.text('t')
        p.wait_text('Search: t')
        p.keys('Enter', 'G')        # to the last rows, out of the first view
        L = p.wait(lambda L: find_line(L, '  598 ') > 0, 'the last rows')
        attrs = p.cap(attrs=True)
        text, flags = underlined(attrs[find_line(L, '  598 ')])
        k = text.find('|')
        expect(any(flags[:k]), 'a row drawn after a move has its match underlined', attrs)
        if 'Timeout' in text[:k]:   # "t" marks the first word it starts
            i = text.find('Timeout')
            expect(flags[i] and not flags[i + 1] and sum(flags[:k]) == 1,
                   'the T of Timeout underlined, alone', attrs)
        p.close()

    def case_search_korean(self):
        p = self.start()
        p.keys('/')
        p.text('찾을 수')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '404 Not Found'
                   and detail_part(L[2]).strip() == '찾을 수 없음', 'detail of 404 in both languages')
        check_frame(L, 80, 24)
        expect(L[0].rstrip() == 'Search: 찾을 수', 'search line', L)
        expect(find_line(L, '404 Not Found - 찾을 수 없음') > 0, '404 row', L)
        p.wait_cursor(x=8 + cells('찾을 수'), y=0)
        p.keys('BSpace')            # a whole syllable
        p.wait_cursor(x=8 + cells('찾을 '), y=0)
        p.keys('BSpace', 'BSpace')
        L = p.wait_text('Search: 찾\n')
        p.wait_cursor(x=10, y=0)
        p.keys('Left')
        p.wait_cursor(x=8, y=0)
        p.keys('Right')
        p.wait_cursor(x=10, y=0)
        p.keys('C-u')
        p.wait(lambda L: L[0].rstrip() == 'Search:', 'cleared line')
        p.wait_cursor(x=8, y=0)
        # Decomposed jamo (as some IMEs and pastes send them) become syllables.
        p.text(unicodedata.normalize('NFD', '찾을'))
        L = p.wait(lambda L: L[0].rstrip() == 'Search: 찾을', 'NFC of typed jamo')
        p.wait_cursor(x=12, y=0)
        p.keys('Escape')
        p.wait_text('Search: press /')
        p.close()

    def case_search_code(self):
        p = self.start()
        p.keys('5')                 # a digit in the tree opens the search
        L = p.wait(lambda L: L[0].rstrip() == 'Search: 5', 'search box with the digit')
        p.keys('0', '3')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '503 Service Unavailable', 'detail of 503')
        check_frame(L, 80, 24)
        # Cut at a word with an ellipsis where the Korean name does not fit.
        y = find_line(L, '  503 Service Unavailable')
        expect(y > 0 and tree_part(L[y]).rstrip() in ('  ' + self.row('503 Service Unavailable', '서비스를 사용할 수 없음'),
                                                      '  503 Service Unavailable\u2026'), '503 row', L)
        expect(not re.search(r'^[+-] [1-4]xx', tree_text(L), re.M), 'other classes hidden', L)
        p.keys('C-u')
        p.text('50x')
        L = p.wait(lambda L: '504 Gateway Timeout' in tree_text(L) and '500 Internal Server Error' in tree_text(L)
                   and '511' not in tree_text(L) and '4xx' not in tree_text(L), 'the 50x codes')
        check_frame(L, 80, 24)
        expect(detail_part(L[1]).strip() == '500 Internal Server Error', 'best (first) match selected', L)
        # Edits that arrive together are searched once, before a key that
        # moves in the results: "404", Backspace, Down in one write moves
        # from 400 to 401 among the results for "40" (not within 404's).
        p.keys('C-u', '4', '0', '4', 'BSpace', 'Down')
        L = p.wait(lambda L: detail_part(L[1]).strip() == '401 Unauthorized', 'Down among the results for 40')
        expect(L[0].rstrip() == 'Search: 40', 'search line after the edits', L)
        p.close()
        # -i QUERY opens the browser with the search filled in.
        p = self.t.start(80, 24, list(self.lang) + ['-i', '404'])
        L = p.wait(lambda L: detail_part(L[1]).strip() == '404 Not Found', 'detail of 404 from -i')
        expect(L[0].rstrip() == 'Search: 404', 'search line from -i', L)
        if self.utf8:
            expect(detail_part(L[2]).strip() == '찾을 수 없음', 'Korean name in the detail', L)
        else:
            expect(all(ord(ch) < 0x80 for ch in '\n'.join(L)), 'ASCII only under LANG=C', L)
        p.close()

    def case_language_cycle(self):
        p = self.start()
        if not self.utf8:
            p.keys('L')
            L = p.wait_text('Korean needs a UTF-8 locale')
            expect(not has_hangul('\n'.join(L)), 'no Hangul under LANG=C', L)
            p.close()
            return
        L = p.wait_text('| en+ko |')
        expect('+ 5xx Server Error - 서버 오류' in L[5], 'both languages', L)
        p.keys('L')
        L = p.wait_text('| ko |')
        expect(tree_part(L[5]).startswith('+ 5xx 서버 오류'), 'Korean only in the tree', L)
        expect('Server Error' not in tree_part(L[5]), 'no English name in the tree', L)
        expect(find_line(L, '요약') > 0, 'Korean headings in the detail', L)
        p.keys('L')
        L = p.wait_text('| en |')
        expect(tree_part(L[5]).startswith('+ 5xx Server Error'), 'English only', L)
        expect(not has_hangul('\n'.join(L)), 'no Hangul in English mode', L)
        p.keys('L')
        p.wait_text('| en+ko |', '서버 오류')
        p.close()

    def case_help(self):
        p = self.start()
        before = p.wait_text('+ 5xx')
        p.keys('?')
        L = p.wait_text('Help', 'Moving around', 'j/k: more')
        check_frame(L, 80, 24, side_by_side=False)
        seen = list(L)
        p.keys('PageDown', 'PageDown', 'PageDown')
        L = p.wait_text('Help', 'quit', 'Markers', '[u] unofficial', 'any key closes')
        check_frame(L, 80, 24, side_by_side=False)
        seen += L
        for k in ('Up/Down, k/j', 'PgUp/PgDn', 'Home/End, g/G', 'Right, l, Enter', 'Left, h', 'Tab',
                  'n / N', 'Esc', 'Ctrl-U', 'L ', 'y ', '? ', 'q ', 'Mouse', '0-9', 'Ctrl-W', '] / [',
                  'Backspace, b', '+ / -', 'Space', 'Ctrl-F', 'Ctrl-B', 'Ctrl-C', 'M '):
            expect(any(k in line for line in seen), 'help lists %r' % k, seen)
        p.keys('x')
        L = p.wait(lambda L: 'Help' not in '\n'.join(L), 'help closed')
        expect(L[:-1] == before[:-1], 'screen as before the help', L)
        p.close()

    def case_monochrome(self):
        """NO_COLOR, and a terminal without colours: no colour codes at all,
        and the selection still shows (reverse video)."""
        for extra in (['NO_COLOR=1'], ['TERM=vt100']):
            p = self.t.start(80, 24, list(self.lang), extra_env=extra)
            p.wait_text('+ 5xx')
            p.keys('j', 'j', 'j', 'l')
            p.wait_text('400 Bad Request')
            attrs = p.cap(attrs=True)
            expect(not any(sgr_has_color(line) for line in attrs), 'no colour with %s' % extra[0], attrs)
            expect(sgr_has_reverse(attrs[4]), 'selection in reverse with %s' % extra[0], attrs)
            p.close()
        # With colours, each class has one (4xx and 5xx differ).
        p = self.start()
        attrs = p.cap(attrs=True)
        expect(sgr_has_color(attrs[4]) and sgr_has_color(attrs[5]), 'class colours', attrs)
        p.close()

    def case_focus_and_copy(self):
        p = self.t.start(80, 24, list(self.lang) + ['-i', '404'])
        p.wait(lambda L: detail_part(L[1]).strip() == '404 Not Found', 'detail of 404')
        p.keys('Tab')               # -i leaves the results focused
        L = p.wait_text('detail 1-')
        p.keys('j')
        p.wait_text('detail 2-')
        p.keys('G')
        L = p.wait(lambda L: re.search(r'detail (\d+)-(\d+)/(\2)', L[-1]) is not None, 'scrolled to the end')
        check_frame(L, 80, 24)
        p.keys('Tab')
        p.wait_text('/: search')
        p.keys('y', 'y')            # y opens the choices; y again: code and phrase
        L = p.wait_text('Copied "404 Not Found"')
        # tmux (set-clipboard on) turns the OSC 52 sequence into a buffer.
        end = time.monotonic() + TIMEOUT
        while self.t.run('show-buffer', check=False).strip() != '404 Not Found':
            if time.monotonic() > end:
                raise Fail('clipboard (tmux buffer) does not hold "404 Not Found"', L)
            time.sleep(POLL)
        p.close()

    def case_mouse(self):
        p = self.start()
        # SGR mouse reports, as xterm sends them (1-based column;row).
        p.text('\x1b[<0;10;5M')
        p.text('\x1b[<0;10;5m')
        p.wait_cursor(y=4)
        p.wait(lambda L: detail_part(L[1]).strip() == '4xx Client Error', 'click selected 4xx')
        p.text('\x1b[<0;1;5M')
        p.text('\x1b[<0;1;5m')
        p.wait_text('- 4xx', '400 Bad Request')
        p.text('\x1b[<65;10;5M')    # wheel down: three rows
        p.wait_cursor(y=7)
        # Press and release read together come as one click: one toggle.
        p.text('\x1b[<0;1;5M\x1b[<0;1;5m')
        p.wait_text('+ 4xx', '+ 5xx', absent=('400 Bad Request',))
        p.wait_cursor(y=4)
        p.close()

    def case_stacked(self):
        p = self.start(60, 30)
        L = p.wait_text('-- Detail')
        check_frame(L, 60, 30, side_by_side=False)
        p.keys('j', 'j', 'j', 'l', 'j', 'j', 'j', 'j', 'j')
        L = p.wait(lambda L: ' 404 Not Found' in L[find_line(L, '-- Detail') + 1:], 'detail of 404 below')
        check_frame(L, 60, 30, side_by_side=False)
        p.close()

    def case_widths(self):
        """Odd widths put wide characters at pane edges: nothing may spill."""
        p = self.start(80, 24)
        p.keys('j', 'j', 'j', 'l', 'j', 'j', 'j', 'j', 'j')
        p.wait(lambda L: detail_part(L[1]).strip() == '404 Not Found', 'detail of 404')
        for w in (81, 83, 85, 88, 91, 97, 101, 113, 127, 139, 151):
            p.resize(w, 24)
            L = p.wait(lambda L: fresh(L, w, 24) and detail_part(L[1]).strip() == '404 Not Found',
                       'redraw at %d columns' % w)
            check_frame(L, w, 24)
        for w in (24, 25, 31, 37, 43, 59, 79):
            p.resize(w, 24)
            L = p.wait(lambda L: fresh(L, w, 24), 'stacked at %d columns' % w)
            check_frame(L, w, 24, side_by_side=False)
        p.close()

    def case_resize(self):
        p = self.t.start(80, 24, list(self.lang) + ['-i', '404'])
        p.wait(lambda L: detail_part(L[1]).strip() == '404 Not Found', 'detail of 404')
        before = p.wait_text('Search: 404')
        for w, h in ((1, 1), (10, 5), (2, 1), (23, 7), (24, 6), (24, 7), (200, 50), (1, 30), (300, 2)):
            p.resize(w, h)
            if w < 24 or h < 7:
                L = p.wait(lambda L: len(L) == h and (w < 10 or 'small' in '\n'.join(L)),
                           'the too-small message at %dx%d' % (w, h))
                if w >= 10:
                    expect('Window' in '\n'.join(L), 'too-small message at %dx%d' % (w, h), L)
            else:
                L = p.wait(lambda L: fresh(L, w, h) and 'Search: 404' in L[0], 'redraw at %dx%d' % (w, h))
            check_frame(L, w, h, side_by_side=w >= 80 and h >= 7)
            expect(p.info('#{pane_dead}') == '0', 'alive at %dx%d' % (w, h), L)
        p.resize(80, 24)
        L = p.wait(lambda L: L == before, 'the same screen back at 80x24')
        # A storm of resizes in one go, then back.
        rnd = random.Random(4)
        cmds = []
        for i in range(60):
            w, h = rnd.choice([(1, 1), (300, 80), (rnd.randint(1, 200), rnd.randint(1, 60))])
            cmds += ['resize-window', '-t', p.name, '-x', str(w), '-y', str(h), ';']
        cmds += ['resize-window', '-t', p.name, '-x', '80', '-y', '24']
        self.t.run(*cmds)
        p.w, p.h = 80, 24
        p.wait(lambda L: L == before, 'the same screen after a resize storm')
        expect(p.info('#{pane_dead}') == '0', 'alive after the storm')
        p.close()

    def case_quit(self):
        p = self.start()
        p.wait_text('+ 5xx')
        expect(p.info('#{alternate_on}') == '1', 'the browser uses the alternate screen')
        p.keys('q')
        p.wait_dead()
        L = p.cap()
        expect(p.info('#{alternate_on}') == '0', 'left the alternate screen', L)
        st = p.info('#{pane_dead_status}/#{pane_dead_signal}')
        expect(st == '0/', 'exit status 0 (got %s)' % st, L)
        p.close()
        # Ctrl-C and SIGTERM restore the terminal, then the program dies by
        # the signal (a calling shell sees 130 / 143 and stops too).
        p = self.start()
        p.keys('C-c')
        p.wait_dead()
        expect(p.info('#{alternate_on}') == '0', 'Ctrl-C left the alternate screen', p.cap())
        st = p.info('#{pane_dead_status}/#{pane_dead_signal}')
        expect(st == '/2', 'Ctrl-C: killed by SIGINT (got %s)' % st, p.cap())
        p.close()
        p = self.start()
        os.kill(int(p.info('#{pane_pid}')), 15)
        p.wait_dead()
        expect(p.info('#{alternate_on}') == '0', 'SIGTERM left the alternate screen', p.cap())
        st = p.info('#{pane_dead_status}/#{pane_dead_signal}')
        expect(st == '/15', 'SIGTERM: killed by SIGTERM (got %s)' % st, p.cap())
        p.close()

    def case_junk(self):
        """64 KiB of random bytes pasted (control characters, escape
        sequences, invalid UTF-8, Ctrl-S): the program keeps drawing a sane
        screen and still quits cleanly. q and the signal keys are left out,
        since they rightly act."""
        rnd = random.Random(7)
        junk = bytes(b for b in (rnd.randrange(1, 256) for _ in range(65536))
                     if b not in (ord('q'), ord('Q'), 3, 26, 28))
        path = '/tmp/hc-screen-junk-%d' % os.getpid()
        with open(path, 'wb') as f:
            f.write(junk)
        try:
            p = self.start()
            p.keys('/')
            self.t.run('load-buffer', '-b', 'junk', path)
            self.t.run('paste-buffer', '-b', 'junk', '-t', p.name)
            L = p.wait(lambda L: L[0].startswith('Search:') and re.search(r'\| (en\+ko|en|ko) \|', L[-1]),
                       'a sane screen after the paste', timeout=20)
            p.wait_idle()
            L = p.wait(lambda L: L[0].startswith('Search:') and re.search(r'\| (en\+ko|en|ko) \|', L[-1]),
                       'a sane screen after the paste', timeout=20)
            check_frame(L, 80, 24, side_by_side=fresh(L, 80, 24))
            expect(p.info('#{pane_dead}') == '0', 'alive after the paste', L)
            p.keys('Escape')
            p.wait_text('Search: press /')
            p.keys('q')
            p.wait_dead()
            st = p.info('#{pane_dead_status}')
            expect(st == '0' and p.info('#{alternate_on}') == '0', 'clean exit after junk (%s)' % st, p.cap())
            p.close()
        finally:
            os.unlink(path)

    def case_suspend(self):
        """Ctrl-Z gives the shell back with the terminal restored; fg redraws."""
        if not shutil.which('bash'):
            return
        self.t.n += 1
        name = 's%03d' % self.t.n
        # The shell speaks C (its job messages are then in English); the
        # program gets the locale under test.
        shell = 'exec env -u LC_ALL LANG=C TERM=xterm-256color PS1="$ " bash --norc --noprofile'
        self.t.run('new-session', '-d', '-s', name, '-x', '80', '-y', '24', shell)
        p = Pane(self.t, name, 80, 24)
        p.wait_text('$')
        p.text(' '.join(shlex.quote(a) for a in ['env', 'LANG=' + self.locale, self.t.binary] + self.lang))
        p.keys('Enter')
        p.wait_text('+ 5xx')
        p.keys('j', 'j', 'j', 'l')
        before = p.wait_text('400 Bad Request')
        p.keys('C-z')
        L = p.wait_text('Stopped')
        expect(p.info('#{alternate_on}') == '0', 'suspended: normal screen', L)
        p.text('fg')
        p.keys('Enter')
        L = p.wait(lambda L: L == before, 'the same screen after fg')
        p.keys('q')
        p.wait_text('$')
        expect(p.info('#{alternate_on}') == '0', 'normal screen after quit', p.cap())
        p.close()

    def case_wcwidth_edge(self):
        """Characters whose width libunistring and wcwidth() disagree on
        (U+4DC0 is 1 cell to uc_width, 2 to wcwidth and so to ncurses and
        tmux): the search line is measured as it is drawn, so it neither
        spills onto the tree nor wraps a wide character at the last column."""
        p = self.start()
        p.keys('/')
        p.text('\u4dc0' * 50)
        # 71 cells for the text (one kept for the caret): 35 two-cell glyphs.
        L = p.wait(lambda L: L[0] == 'Search: ' + '\u4dc0' * 35, 'the search line scrolled to the caret')
        expect(L[1].startswith(' No code matches the search.'), 'the tree row is intact', L)
        expect(all('\u4dc0' not in line for line in L[1:]), 'nothing spilled below the search line', L)
        p.wait_cursor(x=78, y=0)
        p.keys('C-u')
        # Mixed with ASCII up to the edge: x + ䷀ pairs of three cells.
        p.text('x\u4dc0' * 30)
        L = p.wait(lambda L: L[0].startswith('Search: ') and L[0].count('x') >= 20, 'mixed text')
        expect(L[1].startswith(' No code matches the search.'), 'the tree row is intact (mixed)', L)
        expect(all('\u4dc0' not in line for line in L[1:]), 'mixed text stays on its line', L)
        width = sum(2 if ch == '\u4dc0' else 1 for ch in L[0])
        expect(width <= 80, 'the search line is %d cells wide' % width, L)
        p.close()

    def case_c_locale_wrap(self):
        """LANG=C draws "§" as "sec.": the detail is wrapped by those widths,
        so the end of a line is not clipped away (418's reference ends in
        ';' after "§15.5.19", in a 20-cell column at 24 columns)."""
        p = self.t.start(24, 40, list(self.lang) + ['-i', '418'])
        L = p.wait_text('-- Detail', 'Reference', 'Cacheable')
        check_frame(L, 24, 40, side_by_side=False)
        detail = ' '.join(line.strip() for line in L[find_line(L, 'Reference') + 1:find_line(L, 'Cacheable')])
        expect(detail == 'RFC 9110 sec.15.5.19; RFC 2324 sec.2.3.2', 'the whole reference: %r' % detail, L)
        p.close()

    def case_c_locale_input(self):
        """LANG=C: Korean typed into the box is refused, nothing raw is shown."""
        p = self.start()
        p.keys('/')
        p.text('찾을')
        p.text('\x01\x02x')
        L = p.wait(lambda L: L[0].rstrip() == 'Search: x', 'only the ASCII letter taken')
        expect(all(ord(ch) < 0x80 for ch in '\n'.join(L)), 'ASCII only under LANG=C', L)
        p.keys('Escape', 'q')
        p.wait_dead()
        expect(p.info('#{pane_dead_status}') == '0', 'exit status 0', p.cap())
        p.close()

    def case_golden(self):
        """Whole screens compared with tests/screen/golden/ (checked by hand;
        HC_UPDATE_GOLDEN=1 rewrites them after a deliberate change)."""
        tag = self.locale.replace('.', '_')
        bad = []
        for name, w, h, keys in (('startup_80x24', 80, 24, []),
                                 ('search_404_80x24', 80, 24, ['/', '4', '0', '4']),
                                 ('stacked_60x15', 60, 15, [])):
            p = self.start(w, h)
            for k in keys:
                p.keys(k)
            if keys:
                p.wait_text('Search: 404', '1 match of')
            L = p.wait(lambda L: fresh(L, w, h) and 'Search:' in L[0], 'a settled screen')
            ok, detail = golden('%s_%s' % (name, tag), L)
            if not ok:
                bad.append(detail)
            p.close()
        expect(not bad, 'screens differ from the golden files', '\n'.join(bad).splitlines())

    def cases(self):
        c = [self.case_golden, self.case_startup_80x24, self.case_startup_wide, self.case_expand_collapse,
             self.case_search_english, self.case_detail_highlight, self.case_tree_spans]
        if self.utf8:
            c += [self.case_search_korean, self.case_wcwidth_edge]
        else:
            c += [self.case_c_locale_input, self.case_c_locale_wrap]
        c += [self.case_search_code, self.case_language_cycle, self.case_help, self.case_monochrome,
              self.case_focus_and_copy, self.case_mouse, self.case_stacked, self.case_widths,
              self.case_resize, self.case_junk, self.case_suspend, self.case_quit]
        return c

    def run(self):
        cases = self.cases()
        tap.note('locale %s, binary %s' % (self.locale, self.binary))
        self.t.boot()
        for case in cases:
            name = case.__name__[len('case_'):]
            try:
                case()
                tap.check(name, True)
            except Fail as e:
                tap.check(name, False, [str(e)] + ['|' + line.encode('utf-8', 'surrogateescape')
                                                   .decode('utf-8', 'replace')
                                                   for line in e.screen or []])
        tap.plan()


def locale_available(name):
    want = name.lower().replace('-', '')
    try:
        out = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE).stdout.decode(errors='replace')
    except OSError:
        return False
    return any(l.strip().lower().replace('-', '') == want for l in out.splitlines())


def main():
    if len(sys.argv) != 3:
        print('Bail out! usage: test_screen.py BINARY LOCALE')
        return 99
    binary, locale = sys.argv[1], sys.argv[2]
    if not shutil.which('tmux'):
        tap.skip_all('tmux is not installed')
    if locale not in ('C', 'POSIX') and not locale_available(locale):
        # meson reads a TAP plan of 1..0 # SKIP as a skipped test.
        tap.skip_all('locale %s is not installed (locale -a)' % locale)
    suite = Suite(binary, locale)
    try:
        suite.run()
    finally:
        suite.t.kill()
    return 0


if __name__ == '__main__':
    sys.exit(main())
