#!/bin/sh
# valgrind finds no leak and no invalid access on the one-shot CLI paths (TAP).
# usage: test_valgrind.sh HTTPCODES
bin=$1
command -v valgrind >/dev/null 2>&1 || { echo "1..0 # SKIP valgrind not installed"; exit 0; }
n=0
fail=0
check() { # name, then arguments for httpcodes
	name=$1
	shift
	n=$((n + 1))
	log=$(mktemp)
	LANG=C.UTF-8 valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
		--error-exitcode=99 "$bin" "$@" >/dev/null 2>"$log"
	rc=$?
	if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*==' "$log"; then
		echo "not ok $n - $name"
		sed 's/^/# /' "$log" | head -30
		fail=1
	else
		echo "ok $n - $name (exit $rc)"
	fi
	rm -f "$log"
}
check "code" 404
check "two meanings" 499
check "pattern" 4xx
check "words" too many requests
check "korean" 시간 초과
check "choseong" ㅇㅊ
check "typo" forbiden
check "json" --json 5xx
check "list" --list
check "nothing found" 999
check "bad option" --frob
check "bad lang" --lang xx
check "invalid utf-8" "$(printf '\377')"
check "help" --help
echo "1..$n"
