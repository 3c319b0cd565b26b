#!/usr/bin/env python3
"""Copy check (TAP): no 30-character run of the table's text appears in the seed documents.

usage: test_copy.py DATA_DIR SOURCE_ROOT

The seed documents (a Korean MDN page and a Korean blog post that the project grew from) are
someone else's writing; the table must say everything in its own words. This test compares every
text field of data/*.txt (the table, and any other text file there such as the guide) and of the
drafts in data/drafts/ with the seeds, after normalising both
sides the same way (NFC, lower case, whitespace runs collapsed, Markdown and MDN macros reduced to
their text), and fails on any run of RUN characters that both share. Reason phrases and names
(Phrase, Aliases-En, Name-Ko, Aliases-Ko of every entry) are facts, not prose: they are masked out
on both sides first, so "431 Request Header Fields Too Large" may appear in both.

The seeds live outside the repository: $HTTPCODES_SEEDS if set, else the first shared/seeds found
beside the source tree or one of its parents (CI clones the repository next to shared/). Without
them the table check is skipped with a '# SKIP' line; the checker's own tests always run.
"""

import glob
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import check, done, skip  # noqa: E402
import tabletext  # noqa: E402

RUN = 30
MASK = "\x00"
NOT_TEXT = {"Code", "Status", "Cacheable"}
NAME_FIELDS = ("Phrase", "Aliases-En", "Name-Ko", "Aliases-Ko")

MACRO_RE = re.compile(r"\{\{\s*([A-Za-z_]+)\s*(?:\((.*?)\))?\s*\}\}")
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _macro_text(m):
    args = m.group(2)
    if not args:
        return " "
    quoted = re.findall(r'"([^"]*)"', args)
    return quoted[-1] if quoted else args


def strip_markup(text):
    """Reduce Markdown and MDN macros to the words a reader sees."""
    text = MACRO_RE.sub(_macro_text, text)
    text = LINK_RE.sub(r"\1", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+(?::\s+)?", " ", text, flags=re.M)  # list markers
    text = re.sub(r"^\s*-\s*:\s+", " ", text, flags=re.M)                    # MDN '- :' items
    text = re.sub(r"^#+\s*", " ", text, flags=re.M)
    text = re.sub(r"[*_`]{1,3}", "", text)
    return text


def normalise(text, names):
    """NFC, lower case, names masked, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).lower()
    for name in names:
        text = text.replace(name, MASK)
    return re.sub(r"\s+", " ", text).strip()


def name_list(raw_names):
    """Names to mask, normalised, longest first (so that a long phrase wins over its prefix)."""
    out = set()
    for n in raw_names:
        n = re.sub(r"\s+", " ", unicodedata.normalize("NFC", n).lower()).strip()
        if len(n) >= 3:
            out.add(n)
    return sorted(out, key=len, reverse=True)


def runs_of(text):
    """Every RUN-character window that contains no masked name."""
    return {text[i:i + RUN] for i in range(len(text) - RUN + 1) if MASK not in text[i:i + RUN]}


def shared_runs(table_texts, seed_texts, raw_names):
    """[(label, run)] for each table text that shares a RUN-character run with a seed."""
    names = name_list(raw_names)
    seed_runs = set()
    for s in seed_texts:
        seed_runs |= runs_of(normalise(strip_markup(s), names))
    hits = []
    for label, t in table_texts:
        t = normalise(t, names)
        for i in range(len(t) - RUN + 1):
            w = t[i:i + RUN]
            if MASK not in w and w in seed_runs:
                hits.append((label, w))
                break
    return hits


def self_tests():
    """The checker on small made-up pairs: it must catch a planted copy and nothing less."""
    seed = ("Some notes.\n- {{HTTPStatus(599, \"599 Made Up Phrase\")}}\n"
            "  - : The quick brown fox jumps over\n  the lazy dog near the river bank today.")
    planted = [("planted", "As they say, THE QUICK BROWN FOX jumps over the lazy   dog, and so on.")]
    check("checker: a planted 30+ character copy is found despite case and line breaks",
          shared_runs(planted, [seed], []) != [], "no hit")
    short = [("short", "crown fox jumps over the lazy cat")]   # shares 'rown fox jumps over the lazy ' (29)
    check("checker: a shared run of 29 characters is not a copy",
          len("rown fox jumps over the lazy ") == RUN - 1 and shared_runs(short, [seed], []) == [],
          shared_runs(short, [seed], []))
    macro_seed = '{{HTTPHeader("Retry-After")}} 헤더로 다시 시도할 시각을 아주 분명하게 알려 줍니다.'
    macro_copy = [("macro", "서버는 Retry-After 헤더로 다시 시도할 시각을 아주 분명하게 알려 줍니다.")]
    check("checker: MDN macros in a seed are reduced to their text before comparing",
          shared_runs(macro_copy, [macro_seed], []) != [], "macro text not matched")
    link_seed = "See the [guide to long waiting times](https://example.invalid/x) for every detail."
    link_copy = [("link", "Read the guide to long waiting times for every detail.")]
    check("checker: Markdown links in a seed are reduced to their text",
          shared_runs(link_copy, [link_seed], []) != [], "link text not matched")
    phrase_seed = "- 599 Made Up Phrase Of Considerable Length: a made-up code."
    phrase_table = [("phrase", "599 Made Up Phrase Of Considerable Length is not real.")]
    check("checker: a shared reason phrase is excepted",
          shared_runs(phrase_table, [phrase_seed], ["Made Up Phrase Of Considerable Length"]) == [],
          shared_runs(phrase_table, [phrase_seed], ["Made Up Phrase Of Considerable Length"]))
    check("checker: ...and the same run counts as a copy when it is not a reason phrase",
          shared_runs(phrase_table, [phrase_seed], []) != [], "no hit without the phrase list")
    check("checker: a different text passes",
          shared_runs([("own", "An entirely different sentence written for the test.")], [seed], []) == [])


def find_seeds(source_root):
    env = os.environ.get("HTTPCODES_SEEDS")
    if env:
        return env if os.path.isdir(env) else None
    d = os.path.dirname(os.path.abspath(source_root))
    while True:
        cand = os.path.join(d, "shared", "seeds")
        if os.path.isdir(cand) and glob.glob(os.path.join(cand, "*.txt")):
            return cand
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def table_texts_and_names(data_dir):
    texts, names = [], []
    # Every text file of data/ (the table, the guide, the facts) and the drafts.
    files = sorted(glob.glob(os.path.join(data_dir, "*.txt"))) + tabletext.draft_files(data_dir)
    for path in files:
        for st in tabletext.parse(path):
            for n in NAME_FIELDS:
                names.extend(x.strip() for x in st.text(n).split(";") if x.strip())
            for field in st:
                if field in NOT_TEXT:
                    continue
                label = f"{st.where()} {field}"
                if field.startswith("See-Also"):
                    texts.extend((label, line) for line in st.lines(field))
                else:
                    texts.append((label, st.text(field)))
    return texts, names, files


def main():
    data_dir, source_root = sys.argv[1:3]
    self_tests()
    texts, names, files = table_texts_and_names(data_dir)
    check("the table source has text to check", len(texts) > 1000 and len(files) >= 9,
          f"{len(texts)} fields in {len(files)} files")
    seeds_dir = find_seeds(source_root)
    if not seeds_dir:
        skip("no 30-character run shared with the seed documents",
             "seed documents not found (set HTTPCODES_SEEDS, or put shared/seeds beside the source tree)")
        done()
    seed_texts = []
    for p in sorted(glob.glob(os.path.join(seeds_dir, "*.txt"))):
        with open(p, encoding="utf-8") as f:
            seed_texts.append(f.read())
    print(f"# seeds: {len(seed_texts)} documents in {seeds_dir}")
    hits = shared_runs(texts, seed_texts, names)
    check(f"no {RUN}-character run shared with the seed documents ({len(texts)} fields)", not hits,
          "\n".join(f"{label}: {run!r}" for label, run in hits))
    done()


if __name__ == "__main__":
    main()
