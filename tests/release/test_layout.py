#!/usr/bin/env python3
"""The default build's memory layout (issue 18; scripts/README.md, "Memory
layout"): what src/hot.ld promises, checked on the linked program.

The kernel maps the program's file in 64 KiB blocks around each page read,
and the build is linked so that those are the file's own blocks. The code a
search runs (.text.hc_hot) must then fit in the four blocks after .init:
one byte over costs every first frame and every search a fifth block. And
.fini, which every run executes at exit, must sit before it, not after
.text, where it cost the last block of the code when the peak is read.

Usage: test_layout.py HTTPCODES
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, note, skip_all  # noqa: E402

BLOCK = 0x10000


def sections(exe):
    out = subprocess.run(["readelf", "-SW", exe], capture_output=True, text=True,
                         check=True).stdout
    secs = {}
    for m in re.finditer(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", out):
        secs[m.group(1)] = (int(m.group(2), 16), int(m.group(4), 16))
    return secs


# Out of line in the build as it is (absent ones are inlined: skipped).
EVERY_RUN = [
    "main", "hc_options_parse", "hc_tui_run", "hc_term_open", "install_handlers",
    "remove_handlers", "handle", "hc_status_draw", "hc_tree_draw", "hc_detail_draw",
    "hc_doc_entry_with", "hc_browser_search", "hc_search", "search", "run_pass",
    "hc_rank_entry", "hc_sort_hits", "hc_textdict_find", "hc_hit_spans",
    "newterm", "doupdate", "doupdate_sp", "wgetch", "hc_firstkeys_get", "hc_extra_browse",
    "hc_browser_init",
]

# Data every start reads (the browser's table and its counts): in the hot
# data or the front pool's section. hc_other_table_len, a new symbol that no
# trace had named, sat in cold .rodata: a block of it at every start.
EVERY_START_DATA = [
    "hc_browse_table", "hc_catalog_table_len", "hc_browse_table_len", "hc_other_table_len",
    "hc_catalog_classes", "hc_front_text",
]


def data_symbols(exe):
    """Object symbols of exe: name -> address (the first of several)."""
    out = subprocess.run(["nm", exe], capture_output=True, text=True, check=True).stdout
    seen = {}
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in "rRdD":
            seen.setdefault(p[2], int(p[0], 16))
    return seen


def symbols(exe):
    """Function symbols of exe: name -> address; a name that several
    static functions share is left out (which one is meant is unclear)."""
    out = subprocess.run(["nm", exe], capture_output=True, text=True, check=True).stdout
    seen = {}
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in "tT":
            seen.setdefault(p[2], []).append(int(p[0], 16))
    return {name: at[0] for name, at in seen.items() if len(at) == 1}


def main():
    exe = sys.argv[1]
    secs = sections(exe)
    if ".text.hc_hot" not in secs:
        # the static build, or a linker other than GNU ld's bfd
        skip_all("this build is not linked with src/hot.ld")
    hot, size = secs[".text.hc_hot"]
    init = secs[".init"][0]
    first = init // BLOCK
    last = (hot + size - 1) // BLOCK
    note(f".init at {init:#x}; .text.hc_hot {hot:#x}-{hot + size:#x} ({size} bytes); "
         f"room in four blocks: {(first + 4) * BLOCK - hot} bytes")
    check("the hot code fits in the four 64 KiB blocks after .init "
          "(regenerate src/hot.ld, or make it smaller: scripts/README.md)",
          last - first + 1 <= 4,
          f"it ends {hot + size - (first + 4) * BLOCK} bytes into a fifth block")
    check("the hot code starts in the block of .init and .plt", hot // BLOCK == first)
    fini = secs.get(".fini")
    check(".fini comes before the hot code, in the block of .init",
          fini is not None and fini[0] < hot and fini[0] // BLOCK == first,
          f".fini at {fini[0]:#x}" if fini else "no .fini")
    # Functions every start and every search run: each one the compiler
    # kept out of line must be in the hot code. A change that makes one out
    # of line, or renames it (gcc's .part/.isra clones), leaves it in cold
    # .text until src/hot.ld is made again, and it costs a block of cold
    # code at every start (install_handlers did, after a change to it).
    syms = symbols(exe)
    cold = [f"{name} at {syms[name]:#x}" for name in EVERY_RUN
            if name in syms and not hot <= syms[name] < hot + size]
    check("what every start and search runs is in the hot code (else make src/hot.ld "
          "again: scripts/README.md)", not cold, cold)
    data = data_symbols(exe)
    where = [(lo, lo + n) for name in (".rodata.hc_hot", "hc_front") if name in secs
             for lo, n in [secs[name]]]
    stray = [f"{name} at {data[name]:#x}" for name in EVERY_START_DATA
             if name in data and not any(lo <= data[name] < hi for lo, hi in where)]
    missing = [name for name in EVERY_START_DATA if name not in data]
    check("what every start reads of the tables is in the hot data or hc_front (else make "
          "src/hot.ld again: scripts/README.md)", not stray and not missing, stray + missing)
    # The hot data: one section after the cold .rodata, its own blocks.
    check("the hot data has its section after .rodata",
          ".rodata.hc_hot" in secs and secs[".rodata.hc_hot"][0] > secs[".rodata"][0])
    # The pools in the order hot.ld names them: the index and the searched
    # text, the pages' strings, what the first frame draws and every page
    # shares, the hot data. Left to the linker, a change of one array's
    # section put hc_front before hc_cold, away from the hot data: 64 KiB
    # more at the first frame.
    order = ["hc_search", "hc_cold", "hc_front", ".rodata.hc_hot"]
    check("the string pools and the index lie in the order hot.ld gives",
          all(p in secs for p in order)
          and [secs[p][0] for p in order] == sorted(secs[p][0] for p in order),
          {p: hex(secs[p][0]) for p in order if p in secs})
    # The one-letter queries' answers (src/firstkeys.h), which the first
    # key of most searches reads: in the hot data, before its sparse tail
    # (hot.ld), in a block a search reads anyway. After it they were alone
    # in its last block, which nothing else reads: 64 KiB more after a
    # search. So their blocks hold at least 4 KiB more of the hot data,
    # which every start reads.
    out = subprocess.run(["nm", "-S", exe], capture_output=True, text=True,
                         check=True).stdout
    keys = [(int(p[0], 16), int(p[1], 16)) for p in
            (line.split() for line in out.splitlines())
            if len(p) == 4 and p[3].startswith("keys_")]
    if ".rodata.hc_hot" in secs and keys:
        lo, n = secs[".rodata.hc_hot"]
        start = min(a for a, _ in keys)
        end = max(a + z for a, z in keys)
        blo, bhi = start // BLOCK * BLOCK, ((end - 1) // BLOCK + 1) * BLOCK
        beside = min(bhi, lo + n) - max(blo, lo) - (end - start)
        check("the one-letter answers lie in the hot data, in blocks with 4 KiB more of it",
              lo <= start and end <= lo + n and beside >= 4096,
              f"keys_* at {start:#x}-{end:#x}, .rodata.hc_hot {lo:#x}-{lo + n:#x}")
    return done()


if __name__ == "__main__":
    sys.exit(main())
