"""A small TAP writer shared by the Python test drivers (meson reads TAP).

Free text goes out as '#' lines; the plan is printed at the end.
"""

import atexit
import shutil
import sys
import tempfile

_results = []
_scratch = []


def scratch_dir():
    """A fresh temporary directory, removed when the test ends (each run
    used to leave its generator inputs behind in /tmp)."""
    if not _scratch:
        _scratch.append(tempfile.mkdtemp(prefix="httpcodes-test-"))
        atexit.register(shutil.rmtree, _scratch[0], True)
    return tempfile.mkdtemp(dir=_scratch[0])


def check(name, cond, detail=""):
    """Record one test point; show up to 30 lines of detail when it fails
    (a list or tuple is one item a line; bytes are shown as repr)."""
    _results.append(bool(cond))
    print(f"{'ok' if cond else 'not ok'} {len(_results)} - {name}")
    if not cond and detail:
        if isinstance(detail, (list, tuple)):
            detail = "\n".join(str(x) for x in detail)
        if isinstance(detail, bytes):
            detail = repr(detail[:600])
        for line in str(detail).splitlines()[:30]:
            print(f"# {line}")
    sys.stdout.flush()
    return bool(cond)


def note(s):
    """Free text, as a TAP comment."""
    for line in str(s).splitlines() or [""]:
        print(f"# {line}")
    sys.stdout.flush()


def plan():
    """Print the plan (after the last test point) without exiting."""
    print(f"1..{len(_results)}")
    sys.stdout.flush()


def skip(name, why):
    _results.append(True)
    print(f"ok {len(_results)} - {name} # SKIP {why}")


def skip_all(why):
    print(f"1..0 # SKIP {why}")
    sys.exit(0)


def done():
    print(f"1..{len(_results)}")
    sys.exit(0)
