#!/bin/sh
# Make the README's screenshot from a real run: the browser in tmux, a search
# typed, the screen captured as text and rendered to PNG.
# usage: tests/screen/make_screenshot.sh [BUILD_DIR]   (needs tmux, python3-pil, fonts-nanum-coding)
set -eu
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
sock=hc-shot-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
tmux -L "$sock" -f /dev/null new-session -d -x 110 -y 30 \
	"env LANG=C.UTF-8 TERM=xterm-256color $build/httpcodes --lang both"
wait_for() {
	i=0
	until tmux -L "$sock" capture-pane -p | grep -q "$1"; do
		i=$((i + 1))
		[ "$i" -lt 250 ] || { echo "timed out waiting for $1" >&2; exit 1; }
		sleep 0.02
	done
}
wait_for '5xx'
tmux -L "$sock" send-keys -l '/not found'
wait_for 'matches of'
tmux -L "$sock" send-keys Enter
wait_for 'Description'
# The detail focused: the codes it mentions are underlined (] selects them).
tmux -L "$sock" send-keys Tab
wait_for 'detail 1-'
tmux -L "$sock" capture-pane -p >"$here/screenshot.txt"
tmux -L "$sock" capture-pane -e -p >"$here/screenshot.ans"
/usr/bin/python3 "$here/render_png.py" "$here/screenshot.ans" "$here/screenshot.png" 110
rm -f "$here/screenshot.ans"
echo "wrote $here/screenshot.txt and $here/screenshot.png"
