#!/usr/bin/python3
"""Render a `tmux capture-pane -e -p` capture (text with SGR colour codes) to a PNG.

Used to make the README's screenshot from a real run. Needs Debian's python3-pil
and fonts-nanum-coding (a monospaced font with Hangul); not part of the tests.

usage: render_png.py CAPTURE.ans OUT.png COLUMNS
"""

import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf"
BOLD = "/usr/share/fonts/truetype/nanum/NanumGothicCodingBold.ttf"
SIZE = 18
PALETTE = [(0x1e, 0x1e, 0x1e), (0xcd, 0x31, 0x31), (0x0d, 0xbc, 0x79), (0xe5, 0xe5, 0x10),
           (0x24, 0x72, 0xc8), (0xbc, 0x3f, 0xbc), (0x11, 0xa8, 0xcd), (0xe5, 0xe5, 0xe5)]
BRIGHT = [(0x66, 0x66, 0x66), (0xf1, 0x4c, 0x4c), (0x23, 0xd1, 0x8b), (0xf5, 0xf5, 0x43),
          (0x3b, 0x8e, 0xea), (0xd6, 0x70, 0xd6), (0x29, 0xb8, 0xdb), (0xff, 0xff, 0xff)]
FG, BG = (0xd4, 0xd4, 0xd4), (0x1e, 0x1e, 0x1e)


def xterm256(n):
    if n < 8:
        return PALETTE[n]
    if n < 16:
        return BRIGHT[n - 8]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def cell_width(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(line, state):
    """Yield (char, state-copy) for each character of a line with SGR codes."""
    i = 0
    while i < len(line):
        m = re.match(r"\x1b\[([0-9;]*)m", line[i:])
        if m:
            codes = [int(c) if c else 0 for c in m.group(1).split(";")] or [0]
            k = 0
            while k < len(codes):
                c = codes[k]
                if c == 0:
                    state.update(fg=None, bg=None, bold=False, rev=False, ul=False)
                elif c == 1:
                    state["bold"] = True
                elif c == 4:
                    state["ul"] = True
                elif c == 7:
                    state["rev"] = True
                elif c == 22:
                    state["bold"] = False
                elif c == 24:
                    state["ul"] = False
                elif c == 27:
                    state["rev"] = False
                elif 30 <= c <= 37:
                    state["fg"] = PALETTE[c - 30]
                elif 90 <= c <= 97:
                    state["fg"] = BRIGHT[c - 90]
                elif 40 <= c <= 47:
                    state["bg"] = PALETTE[c - 40]
                elif c in (38, 48) and k + 2 < len(codes) and codes[k + 1] == 5:
                    state["fg" if c == 38 else "bg"] = xterm256(codes[k + 2])
                    k += 2
                elif c == 39:
                    state["fg"] = None
                elif c == 49:
                    state["bg"] = None
                k += 1
            i += m.end()
            continue
        if line[i] == "\x1b":  # other escapes: skip
            i += 1
            continue
        yield line[i], dict(state)
        i += 1


def main():
    src, out, cols = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lines = open(src, encoding="utf-8").read().rstrip("\n").split("\n")
    font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
    cw = round(font.getlength("M"))
    ch = SIZE + 6
    pad = 12
    img = Image.new("RGB", (cols * cw + 2 * pad, len(lines) * ch + 2 * pad), BG)
    d = ImageDraw.Draw(img)
    for row, line in enumerate(lines):
        x = 0
        state = dict(fg=None, bg=None, bold=False, rev=False, ul=False)
        for c, st in parse(line, state):
            w = cell_width(c)
            fg, bg = st["fg"] or FG, st["bg"] or BG
            if st["rev"]:
                fg, bg = bg, fg
            px, py = pad + x * cw, pad + row * ch
            if bg != BG:
                d.rectangle([px, py, px + w * cw - 1, py + ch - 1], fill=bg)
            d.text((px, py + 2), c, font=bold if st["bold"] else font, fill=fg)
            if st["ul"]:
                d.line([px, py + ch - 3, px + w * cw - 1, py + ch - 3], fill=fg)
            x += w
    img.save(out)


if __name__ == "__main__":
    main()
