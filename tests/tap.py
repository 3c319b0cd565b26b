"""A small TAP writer shared by the Python test drivers (meson reads TAP).

Free text goes out as '#' lines; the plan is printed at the end.
"""

import sys

_results = []


def check(name, cond, detail=""):
    """Record one test point; show up to 20 lines of detail when it fails."""
    _results.append(bool(cond))
    print(f"{'ok' if cond else 'not ok'} {len(_results)} - {name}")
    if not cond and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
    return bool(cond)


def skip(name, why):
    _results.append(True)
    print(f"ok {len(_results)} - {name} # SKIP {why}")


def skip_all(why):
    print(f"1..0 # SKIP {why}")
    sys.exit(0)


def done():
    print(f"1..{len(_results)}")
    sys.exit(0)
