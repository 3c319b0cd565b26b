#!/usr/bin/env python3
"""Write src/hot.ld: the input sections a search runs and reads, from a trace.

    scripts/hot-order.py MAP TRACE [TRACE...] > src/hot.ld

MAP: the linker's map of the program (link it again with -Wl,-Map=MAP).
TRACE: the 64-byte lines the program touched, as scripts/trace-lines.sh
writes them (TRACE.lines, TRACE.maps): the browser started, `/timeout`
typed, Enter, under valgrind's lackey. Several traces (inside tmux and
plain, which take different paths at start; typed key by key and sent in
one write, which take different paths in ncurses) count as one: their union.

Every code section with a touched line goes to the hot code, every data
section with one to the hot data, the large ones read at a few places
(libunistring's tables) last: each costs a 64 KiB block wherever it is, and
beside one another they share blocks. Sections are named by file, archive member and
section name; one that no longer exists matches nothing, so a stale script
costs memory, never correctness.
"""
import bisect
import re
import sys


# A section the linker merges by value: strings (.rodata[.FUNC].strN.M) and
# constants (.rodata[.FUNC].cstN).
MERGED = re.compile(r"^\.rodata(?:\..+)?\.(str|cst)\d+(?:\.\d+)?$")
# the same, as the patterns of an ld script
MERGED_GLOB = ".rodata.str[0-9]* .rodata.*.str[0-9]* .rodata.cst[0-9]* .rodata.*.cst[0-9]*"


def parse_map(path):
    """(address, size, section name, file, output section) of every input section."""
    ent, outsec = [], None
    lines = open(path).read().split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"^(\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)", line)
        if m:
            outsec = m.group(1)
            continue
        m = re.match(r"^ (\S+)\s*$", line)
        if m and i + 1 < len(lines):
            m2 = re.match(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$", lines[i + 1])
            if m2:
                ent.append((int(m2.group(1), 16), int(m2.group(2), 16), m.group(1), m2.group(3), outsec))
            continue
        m = re.match(r"^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$", line)
        if m:
            ent.append((int(m.group(2), 16), int(m.group(3), 16), m.group(1), m.group(4), outsec))
    return sorted(e for e in ent if e[0] and e[4] and not e[4].startswith((".debug", ".comment")))


def touched(trace):
    maps = []
    for line in open(trace + ".maps"):
        p = line.split()
        lo, hi = (int(x, 16) for x in p[0].split("-"))
        maps.append((lo, hi, int(p[2], 16)))
    base = min(lo - off for lo, _, off in maps)
    out = set()
    for line in open(trace + ".lines"):
        try:
            va = int(line, 16) << 6
        except ValueError:
            continue
        if any(lo <= va < hi for lo, hi, _ in maps):
            out.add(va - base)
    return out


def pattern(name, file):
    """The ld script's name for an input file: *ARCHIVE:MEMBER or *OBJECT."""
    m = re.match(r"^(.*)\((.*)\)$", file)
    if m:
        return f"*{m.group(1).rsplit('/', 1)[-1]}:{m.group(2)}({name})"
    return f"*{file.rsplit('/', 1)[-1]}({name})"


def main(argv):
    # sections of no size (strings merged into another object's copy) cover
    # no line
    ents = [e for e in parse_map(argv[1]) if e[1]]
    hits = {}
    starts = [e[0] for e in ents]
    lines = set()
    for trace in argv[2:]:
        lines |= touched(trace)
    inside = set()
    for a in sorted(lines):
        # every section the 64-byte line overlaps (small ones share lines)
        j = bisect.bisect_right(starts, a + 63) - 1
        while j >= 0 and ents[j][0] + ents[j][1] > a - 65536:
            if ents[j][0] < a + 64 and a < ents[j][0] + ents[j][1]:
                hits[j] = hits.get(j, 0) + 64
                if ents[j][0] <= a and a + 64 <= ents[j][0] + ents[j][1]:
                    inside.add(j)
            j -= 1
    # A line is 64 bytes of the trace, not the bytes run: a large code
    # section that only shares a line with its neighbour's last instructions
    # was not run (ncursesw's lib_gen.o, 8 KB, after the function before it).
    # Code of 4 KiB or more counts when a touched line lies wholly inside it.
    for j in list(hits):
        if ents[j][4] in (".text", ".text.hc_hot") and ents[j][1] >= 4096 and j not in inside:
            del hits[j]
    # Merged constants and strings (.rodata.cst*, .rodata.str*) are shared
    # by identical values (and string tails) across the objects of one
    # output section, so a trace names whichever copy the traced link kept,
    # and another link keeps another ("ko" read from the tail of
    # cli_decide.c's "mdn_ko"). Every such section of an object with hot
    # code goes with the hot data (~1 KB more than the trace names), by a
    # pattern rather than by name: gcc names a string section after the
    # first function that uses the string, so a function added later takes
    # strings of the hot ones into a section no trace named (setlocale's ""
    # went to cold .rodata with a new function of main.c, and its read
    # cost a 64 KiB block). The hot code's references then resolve inside
    # .rodata.hc_hot.
    hot_files = []
    for j in sorted(hits):
        if ents[j][4] in (".text", ".text.hc_hot") and ents[j][3] not in hot_files:
            hot_files.append(ents[j][3])
    code, data, sparse = [], [], []
    for j in sorted(hits):
        addr, size, name, file, outsec = ents[j]
        # a binary linked with an older hot.ld has its hot sections in
        # .text.hc_hot and .rodata.hc_hot: they count as they are traced
        if outsec in (".text", ".text.hc_hot"):
            code.append(pattern(name, file))
        elif outsec in (".rodata", ".rodata.hc_hot"):
            if name == "hc_keys":
                continue        # placed below
            if file in hot_files and MERGED.match(name):
                continue        # in its file's pattern below
            (data if size < 8192 or hits[j] * 4 >= size else sparse).append(pattern(name, file))
    print("/* hot.ld - generated by scripts/hot-order.py from a trace of a search; see there.")
    print(" * What a search runs and reads, gathered into output sections of their own:")
    print(" * the kernel maps the file in 64 KiB blocks around each page read (issue 18).")
    print(" * Added to GNU ld's default script (INSERT); everything not named stays put. */")
    # .fini first: every run ends by running it (DT_FINI), and in its
    # default place after .text its 9 bytes cost the last 64 KiB block of
    # the code at exit, which is when the peak RSS is read. The default
    # script's own .fini statement then matches nothing and is dropped.
    print("SECTIONS\n{\n\t.fini :\n\t{\n\t\tKEEP (*(SORT_NONE(.fini)))\n\t}")
    print("\t.text.hc_hot :\n\t{")
    for p in code:
        print(f"\t\t{p}")
    # before .text: right after .init and .plt, which every start runs, so
    # that the hot code and they share their first 64 KiB block
    print("\t}\n}\nINSERT BEFORE .text;\n")
    # The catalog's string pools and the index (src/catalog_data.h), in
    # the order that keeps what a search and the page it shows read in one
    # run of blocks: the index and the searched text, the pages' own
    # strings, then what the first frame draws and every page shares, next
    # to the hot data. Named here, not left to the linker's placement of
    # orphan sections, which follows the order the compiler happened to
    # emit them in (a change of one array's section once put hc_front
    # before hc_cold: 64 KiB more at the first frame).
    print("SECTIONS\n{")
    for pool in ("hc_search", "hc_cold", "hc_front"):
        print(f"\t{pool} :\n\t{{\n\t\t*({pool})\n\t}}")
    print("\t.rodata.hc_hot :\n\t{")
    # The one-letter queries' answers (src/firstkeys.h, 3.4 KB, of which
    # the first key reads one letter's run) go before the sparse tables,
    # traced or not: after them they were alone in the hot data's last
    # 64 KiB block, which nothing else reads (tests/release/test_layout.py).
    for p in data + [pattern(MERGED_GLOB, f) for f in hot_files] + ["*(hc_keys)"] + sparse:
        print(f"\t\t{p}")
    print("\t}\n}\nINSERT AFTER .rodata;")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
