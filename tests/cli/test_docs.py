#!/usr/bin/env python3
"""--help, the man page, the bash completion and `meson install` agree (TAP).

usage: test_docs.py HTTPCODES SOURCE_ROOT BUILD_ROOT
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done, skip  # noqa: E402

BIN, SRC, BUILD = sys.argv[1:4]



def long_options(text):
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text))


env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
help_text = subprocess.run([BIN, "--help"], capture_output=True, text=True, env=env).stdout
with open(os.path.join(SRC, "httpcodes.1"), encoding="utf-8") as f:
    # troff writes a hyphen as \- ; the option names are what matter.
    man = f.read().replace("\\-", "-")

# The man page renders without a groff warning (as man and lintian render it:
# preconv for the Korean, then groff with every warning on).
if shutil.which("preconv") and shutil.which("groff"):
    pre = subprocess.run(["preconv", os.path.join(SRC, "httpcodes.1")], capture_output=True)
    g = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=pre.stdout, capture_output=True)
    check("the man page renders without a groff warning", g.returncode == 0 and not g.stderr,
          g.stderr.decode(errors="replace"))
else:
    skip("the man page renders without a groff warning", "groff is not installed")

h, m = long_options(help_text), long_options(man)
check("--help lists options", {"--help", "--version", "--list", "--json", "--lang"} <= h, sorted(h))
check("every --help option is in the man page", h <= m, sorted(h - m))
check("every man page option is in --help", m <= h, sorted(m - h))
shorts = set(re.findall(r"(?<![\w-])-[a-zA-Z](?=[ ,])", help_text))
man_shorts = set(re.findall(r"^\.BR (-[a-zA-Z]) ", man, re.M))
check("short options agree between --help and the man page", shorts == man_shorts,
      f"help {sorted(shorts)} man {sorted(man_shorts)}")
for var in ("HTTPCODES_LANG", "NO_COLOR", "ESCDELAY", "LANG", "LC_ALL"):
    check(f"man page documents {var}", var in man)
check("man page documents the exit statuses", all(f".B {n}\n" in man for n in "012"))
check("man page documents the --list columns",
      "code, English phrase, Korean name, status, reference" in man.replace("\n", " "))
ver = subprocess.run([BIN, "--version"], capture_output=True, text=True, env=env).stdout.split()[-1]
check("man page carries the program's version", f"httpcodes {ver}" in man, ver)

# The bash completion, loaded in a real bash, with the built binary on PATH.
comp = os.path.join(SRC, "data", "completions", "httpcodes.bash")


def complete(*words):
    script = (f"source {comp}; COMP_WORDS=({' '.join(words)}); COMP_CWORD={len(words) - 1}; "
              "_httpcodes; printf '%s\\n' \"${COMPREPLY[@]}\"")
    e = dict(env, PATH=os.path.dirname(os.path.abspath(BIN)) + ":" + env["PATH"])
    p = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=e)
    return p.stdout.split()


check("bash completes --la to --lang", set(complete("httpcodes", "--la")) == {"--lang", "--lang="},
      complete("httpcodes", "--la"))
check("bash completes --lang values", complete("httpcodes", "--lang", "") == ["en", "ko", "both"],
      complete("httpcodes", "--lang", "''"))
c = complete("httpcodes", "40")
check("bash completes codes", {"400", "404", "409"} <= set(c) and all(x.startswith("40") for x in c), c)
check("bash completion lists each code once", len(c) == len(set(c)), c)

# The fish completion, where fish is installed (zsh's needs a live shell).
if shutil.which("fish"):
    fish_comp = os.path.join(SRC, "data", "completions", "httpcodes.fish")
    e = dict(env, PATH=os.path.dirname(os.path.abspath(BIN)) + ":" + env["PATH"])

    def fish_complete(line):
        p = subprocess.run(["fish", "--no-config", "-c", f"source {fish_comp}; complete -C '{line}'"],
                           capture_output=True, text=True, env=e)
        return [x.split("\t")[0] for x in p.stdout.splitlines()]

    check("fish completes --lang values", fish_complete("httpcodes --lang ") == ["both", "en", "ko"],
          fish_complete("httpcodes --lang "))
    c = fish_complete("httpcodes 40")
    check("fish completes codes", {"400", "404", "409"} <= set(c) and all(x.startswith("40") for x in c), c)
else:
    skip("fish completion", "fish not installed")

# meson install into a DESTDIR, with a prefix of our own.
if shutil.which("meson"):
    dest = tempfile.mkdtemp()
    p = subprocess.run(["meson", "install", "-C", BUILD, "--no-rebuild", "--destdir", dest],
                       capture_output=True, text=True)
    check("meson install succeeds", p.returncode == 0, p.stdout + p.stderr)
    prefix = subprocess.run(["meson", "introspect", BUILD, "--buildoptions"], capture_output=True,
                            text=True).stdout
    m = re.search(r'"name": "prefix", "value": "([^"]+)"', prefix)
    root = dest + (m.group(1) if m else "/usr/local")
    for rel in ("bin/httpcodes", "share/man/man1/httpcodes.1",
                "share/bash-completion/completions/httpcodes",
                "share/zsh/vendor-completions/_httpcodes",
                "share/fish/vendor_completions.d/httpcodes.fish"):
        check(f"installs {rel}", os.path.isfile(os.path.join(root, rel)), root)
    installed = os.path.join(root, "bin/httpcodes")
    if os.path.exists(installed):
        out = subprocess.run([installed, "404"], capture_output=True, text=True, env=env).stdout
        check("the installed binary runs", out.startswith("404 Not Found"), out[:80])
    shutil.rmtree(dest, ignore_errors=True)
else:
    skip("meson install", "meson not on PATH")

done()
