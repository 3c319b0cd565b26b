"""A small TAP writer shared by the Python test drivers (meson reads TAP).

Free text goes out as '#' lines; the plan is printed at the end.
"""

import sys

_results = []


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
