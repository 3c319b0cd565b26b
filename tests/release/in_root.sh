#!/bin/sh
# in_root.sh ROOT PROGRAM [ARG]... - runs PROGRAM (a path inside ROOT) with
# ROOT as its root directory, the environment passed through as it is.
#
# ROOT/dev/{null,zero,full,tty,random,urandom} must exist (empty files): the
# host's devices are bind-mounted on them inside a private mount namespace,
# so nothing stays mounted when the program ends. As root, `unshare -m`; as
# another user, `unshare -r -m` (a user namespace where the caller is root).
# Exit status: the program's, or 125 when the namespace, the mounts or the
# chroot could not be made.
set -eu
[ $# -ge 2 ] || { echo "usage: in_root.sh ROOT PROGRAM [ARG]..." >&2; exit 125; }
if [ "${HC_IN_ROOT_NS:-}" != 1 ]; then
	# The caller's PATH (or its absence) goes to the program; this script
	# needs its tools.
	if [ "${PATH+set}" = set ]; then HC_IN_ROOT_PATH=":$PATH"; else HC_IN_ROOT_PATH=; fi
	export HC_IN_ROOT_PATH
	PATH=/usr/sbin:/usr/bin:/sbin:/bin${PATH:+:$PATH}
	export PATH
	flags=-m
	[ "$(id -u)" -eq 0 ] || flags="-r -m"
	# shellcheck disable=SC2086  # two words when not root
	if ! unshare $flags true 2>/dev/null; then
		echo "in_root.sh: cannot make a namespace (unshare $flags): not permitted here" >&2
		exit 125
	fi
	# shellcheck disable=SC2086
	HC_IN_ROOT_NS=1 exec unshare $flags --propagation private -- "$0" "$@"
fi
unset HC_IN_ROOT_NS
root=$1
shift
for d in null zero full tty random urandom; do
	mount --bind "/dev/$d" "$root/dev/$d" 2>/dev/null || {
		echo "in_root.sh: cannot bind-mount /dev/$d on $root/dev/$d" >&2
		exit 125
	}
done
chroot=$(command -v chroot)
if [ -n "$HC_IN_ROOT_PATH" ]; then PATH=${HC_IN_ROOT_PATH#:}; else unset PATH; fi
unset HC_IN_ROOT_PATH
exec "$chroot" "$root" "$@"
