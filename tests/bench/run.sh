#!/usr/bin/env bash
# tests/bench/run.sh [BUILD_DIR] - the performance benchmark of issue 6.
#
# Measures httpcodes side by side with the alternatives and with minimal C
# programs, and prints a Markdown report (machine, date, medians, ratios) on
# stdout, also saved as BUILD_DIR/bench-report.md. Progress and skip messages
# go to stderr. It is not a pass/fail test: it exits 0 whenever it could
# print a report, and 2 when it cannot run at all.
#
#   1. one-shot `httpcodes 404` vs python3 -c, node -e and a C floor;
#   2. browser start-up to the first complete frame (pty, 80x24) vs a
#      minimal ncurses program and fzf on the same list;
#   3. bytes written to the terminal per key vs fzf; 3b. CPU time to take a
#      64 KiB paste of random bytes into the search line vs a minimal ncurses
#      program reading the same bytes;
#   4. callgrind instructions per search keystroke, real vs 100x table;
#   5. peak RSS and stripped sizes.
#
# On a fresh Debian 12 machine, as root, it installs what is missing (fzf,
# nodejs, hyperfine, valgrind, time, python3) with apt-get; otherwise, or
# with BENCH_NO_INSTALL=1, a missing tool skips its rows with a message.
# BUILD_DIR (default: build) is set up with meson if needed and httpcodes and
# tests/bench/bench_keys are built in it; the floors (floor.c, mini_tui.c)
# and the timing loop (spawn.c) are compiled with cc into a temporary
# directory that is removed on exit.
#
# Knobs: BENCH_RUNS_FAST (200), BENCH_RUNS_SLOW (30), BENCH_RUNS_TUI (20),
# BENCH_KEEP=DIR keeps the callgrind profiles, BENCH_TIMEOUT (s, 2400).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$PWD/$build ;; esac

say() { printf 'bench: %s\n' "$*" >&2; }
notes=()
note() { say "$*"; notes+=("$*"); }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-bench.XXXXXX") || exit 2
helper=
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
	if [[ -n $helper ]] && kill -0 "$helper" 2>/dev/null; then
		kill -TERM "$helper" 2>/dev/null
		wait "$helper" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

have() { command -v "$1" >/dev/null 2>&1; }

# ---- tools ---------------------------------------------------------------

can_install=no
if [[ $(id -u) -eq 0 && -z ${BENCH_NO_INSTALL:-} ]] && have apt-get; then
	can_install=yes
fi
apt_updated=no

# apt_install PKG...: installs as root, one apt-get update if needed.
apt_install() {
	[[ $can_install = yes ]] || return 1
	local log=$tmp/apt.log
	say "installing $* with apt-get"
	if DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q \
		--no-install-recommends "$@" >>"$log" 2>&1; then
		return 0
	fi
	if [[ $apt_updated = no ]]; then
		apt_updated=yes
		timeout 600 apt-get update -q >>"$log" 2>&1
		DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q \
			--no-install-recommends "$@" >>"$log" 2>&1 && return 0
	fi
	say "apt-get install $* failed; last lines of its log:"
	tail -n 5 "$log" >&2
	return 1
}

# need CMD PACKAGE WHAT: finds CMD, else installs PACKAGE, else says what is
# skipped. Prints the path found (or nothing).
find_tool() {
	local cmd=$1 pkg=$2 what=$3 p
	for p in $cmd; do
		if have "$p"; then command -v "$p"; return 0; fi
	done
	if [[ $can_install = yes ]]; then
		if apt_install "$pkg"; then
			for p in $cmd; do
				if have "$p"; then command -v "$p"; return 0; fi
			done
		fi
		note "$pkg could not be installed: $what skipped"
	elif [[ $(id -u) -ne 0 ]]; then
		note "$pkg is missing and this is not root (sudo apt-get install $pkg): $what skipped"
	else
		note "$pkg is missing (BENCH_NO_INSTALL or no apt-get): $what skipped"
	fi
	return 1
}

# Python 3 runs the measuring helper (the build needs it too): Debian's own
# interpreter first, so that the python3 row measures what a server has.
py=
for p in /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
	if [[ -n $p && -x $p ]] && "$p" -c 'import pty, select' 2>/dev/null; then
		py=$p
		break
	fi
done
if [[ -z $py ]] && apt_install python3 && [[ -x /usr/bin/python3 ]]; then
	py=/usr/bin/python3
fi
if [[ -z $py ]]; then
	say "python3 is missing and cannot be installed: it runs the measurements (and the build); giving up"
	exit 2
fi

# The build tools the floors need (the project's build needs them anyway).
floor_flags() {
	if have pkg-config && pkg-config --exists ncursesw 2>/dev/null; then
		nc_cflags=$(pkg-config --cflags ncursesw)
		nc_libs=$(pkg-config --libs ncursesw)
	else
		nc_cflags=
		nc_libs="-lncursesw -ltinfo"
	fi
}
if ! have cc || ! printf '#include <curses.h>\n#include <unistr.h>\nint main(void){return 0;}\n' |
	cc -x c -o /dev/null - -lncursesw -lunistring 2>/dev/null; then
	apt_install gcc libc6-dev pkg-config libncurses-dev libunistring-dev ||
		{ say "a C compiler with ncursesw and libunistring headers is needed (see .ci/install-deps); giving up"; exit 2; }
fi
floor_flags

fzf=$(find_tool fzf fzf "the fzf rows") || fzf=
node=$(find_tool "node nodejs" nodejs "the node row") || node=
hyperfine=$(find_tool hyperfine hyperfine "the hyperfine cross-check") || hyperfine=
valgrind=$(find_tool valgrind valgrind "instruction counts (section 4 and the callgrind columns)") || valgrind=
timebin=
if [[ -x /usr/bin/time ]]; then
	timebin=/usr/bin/time
elif apt_install time && [[ -x /usr/bin/time ]]; then
	timebin=/usr/bin/time
else
	note "/usr/bin/time (package time) is missing: peak memory skipped"
fi
have strip || note "strip (binutils) is missing: stripped sizes skipped"

# ---- build ---------------------------------------------------------------

if have meson; then
	if [[ ! -f $build/build.ninja ]]; then
		say "setting up $build"
		timeout 600 meson setup "$build" "$root" >"$tmp/setup.log" 2>&1 ||
			{ tail -n 20 "$tmp/setup.log" >&2; say "meson setup failed"; }
	fi
	if [[ -f $build/build.ninja ]]; then
		say "building httpcodes and bench_keys in $build"
		timeout 1200 meson compile -C "$build" httpcodes >"$tmp/build.log" 2>&1 ||
			{ tail -n 20 "$tmp/build.log" >&2; note "building httpcodes failed: using the binary already in $build, if any"; }
		timeout 600 meson compile -C "$build" bench_keys >"$tmp/build.log" 2>&1 ||
			{ tail -n 20 "$tmp/build.log" >&2; note "building bench_keys failed"; }
	fi
else
	note "meson is missing: using the binaries already in $build"
fi
hc=$build/httpcodes
if [[ ! -x $hc ]]; then
	say "no $hc: build the project first (meson setup build && meson compile -C build)"
	exit 2
fi
keys=$build/tests/bench/bench_keys
[[ -x $keys ]] || { note "no $keys: section 4 skipped"; keys=; }

say "compiling the floors and the timing loop with cc in $tmp"
cflags="-O2 -std=c17 -D_GNU_SOURCE"
# The floor loads what httpcodes loads: ncursesw and tinfo shared when the
# build links them shared (-Dstatic_ncurses=false), else linked in.
if LC_ALL=C ldd "$hc" 2>/dev/null | grep -q 'libncursesw'; then
	floor_libs="-Wl,--no-as-needed $nc_libs -ltinfo"
	floor_label="ncursesw + tinfo + libc shared"
else
	floor_libs="-Wl,-Bstatic -lncursesw -ltinfo -Wl,-Bdynamic"
	floor_label="ncursesw + tinfo static, libc shared"
fi
# shellcheck disable=SC2086
if ! cc $cflags -o "$tmp/spawn" "$here/spawn.c" 2>"$tmp/cc.log" ||
	! cc $cflags $nc_cflags -o "$tmp/floor" "$here/floor.c" \
		$floor_libs 2>>"$tmp/cc.log" ||
	! cc $cflags $nc_cflags -o "$tmp/mini_tui" "$here/mini_tui.c" \
		$nc_libs 2>>"$tmp/cc.log"; then
	cat "$tmp/cc.log" >&2
	say "compiling the floor programs failed; giving up"
	exit 2
fi

# The minimal ncurses program linked as httpcodes is (ncursesw and tinfo
# static in the default build): the memory floor that loads what it loads.
mini_linked=
# shellcheck disable=SC2086
if cc $cflags $nc_cflags -o "$tmp/mini_linked" "$here/mini_tui.c" \
	$floor_libs 2>>"$tmp/cc.log"; then
	mini_linked=$tmp/mini_linked
else
	note "cannot link the minimal ncurses program as httpcodes is ($floor_label): that floor is skipped"
fi

floor_static= mini_static=
# shellcheck disable=SC2086
if cc $cflags -static -o "$tmp/floor_static" "$here/floor_static.c" 2>>"$tmp/cc.log"; then
	floor_static=$tmp/floor_static
	# The memory floor of the fully static build: the same minimal ncurses
	# program, everything linked in.
	if cc $cflags $nc_cflags -static -o "$tmp/mini_static" "$here/mini_tui.c" \
		-lncursesw -ltinfo 2>>"$tmp/cc.log"; then
		mini_static=$tmp/mini_static
	else
		note "cannot link the minimal ncurses program statically: its static floor is skipped"
	fi
else
	note "cannot link a static C program (libc6-dev's libc.a): the static floor is skipped"
fi

# The link variants (issue 18 item 3, issue 13): ncursesw and tinfo linked
# statically, and everything static, each in a build dir beside BUILD_DIR.
variants=()
if [[ ${BENCH_VARIANTS:-1} != 0 ]] && have meson; then
	for v in "static_ncurses=false:ncursesw+tinfo shared" "static=true:fully static"; do
		opt=${v%%:*} label=${v#*:} name=${v%%=*}
		dir=$build-${name//_/-}
		if [[ ! -f $dir/build.ninja ]]; then
			say "setting up $dir (-D$opt)"
			timeout 600 meson setup "$dir" "$root" "-D$opt" >"$tmp/setup-$name.log" 2>&1 ||
				{ tail -n 5 "$tmp/setup-$name.log" >&2; note "meson setup -D$opt failed: that variant is skipped"; continue; }
		fi
		if timeout 1200 meson compile -C "$dir" httpcodes >"$tmp/build-$name.log" 2>&1; then
			variants+=(--variant "$label=$dir/httpcodes")
		else
			tail -n 5 "$tmp/build-$name.log" >&2
			note "building $dir failed: the $label variant is skipped"
		fi
	done
fi

if [[ -n ${BENCH_KEEP:-} ]]; then
	mkdir -p "$BENCH_KEEP" || BENCH_KEEP=
fi

# ---- measure -------------------------------------------------------------

args=(--httpcodes "$hc" --floor "$tmp/floor" --floor-label "$floor_label" --floor-static "$floor_static" --mini "$tmp/mini_tui" --mini-static "$mini_static" --mini-linked "$mini_linked"
	--spawn "$tmp/spawn" --keys "$keys" --python "$py" --node "$node"
	--fzf "$fzf" --hyperfine "$hyperfine" --valgrind "$valgrind"
	--time "$timebin" --tmp "$tmp" --keep "${BENCH_KEEP:-}"
	--runs-fast "${BENCH_RUNS_FAST:-200}" --runs-slow "${BENCH_RUNS_SLOW:-30}"
	--runs-tui "${BENCH_RUNS_TUI:-20}" "${variants[@]}")
for n in "${notes[@]}"; do
	args+=(--note "$n")
done
say "measuring (about a minute; progress below)"
timeout -k 10 "${BENCH_TIMEOUT:-2400}" "$py" "$here/bench.py" "${args[@]}" \
	>"$tmp/report.md" &
helper=$!
wait "$helper"
rc=$?
helper=
if [[ ! -s $tmp/report.md ]]; then
	say "the measuring helper failed (exit $rc) before printing a report"
	exit 2
fi
cat "$tmp/report.md"
cp "$tmp/report.md" "$build/bench-report.md" 2>/dev/null &&
	say "report saved as $build/bench-report.md"
exit 0
