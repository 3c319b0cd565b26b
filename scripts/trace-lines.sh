#!/bin/bash
# trace-lines.sh EXE OUT [plain] [batch] - the 64-byte lines of memory the
# browser touches while a search is typed, for scripts/hot-order.py (which
# writes src/hot.ld from the union of several such traces).
#
# Runs EXE under valgrind's lackey in a tmux window of 80x24 (LANG=C.UTF-8),
# types `/timeout` key by key and Enter, quits, and writes OUT.lines (every
# line touched, as a hex line number, once) and OUT.maps (EXE's mappings,
# for the file offsets). With "plain", the program does not see that it
# runs inside tmux (TMUX and TERM_PROGRAM* unset), as in the benchmark and a
# plain terminal: the terminal checks take other paths. With "batch",
# `timeout` is sent in one write, as pasted. Needs valgrind, tmux and
# python3; takes about two minutes.
set -euo pipefail
exe=$(realpath "$1"); out=$2
unset_tmux= batch=
for opt in "${@:3}"; do
	case $opt in
	plain) unset_tmux="-u TMUX -u TMUX_PANE -u TERM_PROGRAM -u TERM_PROGRAM_VERSION" ;;
	batch) batch=1 ;;
	*) echo "trace-lines.sh: unknown option '$opt' (plain, batch)" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/log"
python3 -c '
import sys
seen = set()
out = open(sys.argv[1], "w")
for line in open(sys.argv[2], errors="replace"):
    p = line.split()
    if len(p) != 2 or p[0] not in ("I", "L", "S", "M"):
        continue
    a, _, n = p[1].partition(",")
    try:
        a, n = int(a, 16), max(int(n), 1)
    except ValueError:
        continue
    for ln in range(a >> 6, ((a + n - 1) >> 6) + 1):
        if ln not in seen:
            seen.add(ln)
            out.write(f"{ln:x}\n")
' "$out.lines" "$tmp/log" &
filter=$!
session=trace-lines-$$
tmux new-session -d -s "$session" -x 80 -y 24 \
	"env $unset_tmux LANG=C.UTF-8 TERM=xterm-256color valgrind --tool=lackey --trace-mem=yes --log-file=$tmp/log $exe"
# wait for the first frame and for the search's result (under lackey the
# browser starts in 5-20 s; keys sent before its first frame are lost)
wait_for() {
	for _ in $(seq 600); do
		tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "$1" && return 0
		sleep 0.1
	done
	echo "trace-lines.sh: '$1' never appeared on the screen" >&2
	return 1
}
wait_for 'q: quit'
if [[ $batch ]]; then
	# The search in one batch of keys, as a paste or fast typing brings
	# it: the results replace the first frame at once, and ncurses takes
	# other paths (has_ic, which alone cost a 64 KiB block when cold).
	tmux send-keys -t "$session" /
	wait_for '^Search: *$'
	tmux send-keys -t "$session" timeout
	wait_for '^Search: timeout *$'
else
	# One key at a time, each waited for: the browser searches once per
	# batch of keys, and the short prefixes (one letter, two) take paths
	# of their own.
	tmux send-keys -t "$session" /
	wait_for '^Search: *$'
	typed=
	for k in t i m e o u t; do
		typed+=$k
		tmux send-keys -t "$session" "$k"
		wait_for "^Search: $typed *\$"
	done
fi
tmux send-keys -t "$session" Enter
wait_for '408'
sleep 2
# the process whose mappings hold EXE (valgrind's, not tmux's, which
# matches the same command line)
: > "$out.maps"
for pid in $(pgrep -f "lackey.*$exe"); do
	if grep -qF "$exe" "/proc/$pid/maps" 2>/dev/null; then
		grep -F "$exe" "/proc/$pid/maps" > "$out.maps"
		break
	fi
done
[[ -s $out.maps ]] || { echo "trace-lines.sh: no process maps $exe" >&2; exit 1; }
tmux send-keys -t "$session" q
sleep 3
tmux kill-session -t "$session" 2>/dev/null || true
wait "$filter"
echo "$(wc -l < "$out.lines") lines touched; $out.lines, $out.maps"
