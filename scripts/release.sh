#!/usr/bin/env bash
# scripts/release.sh [--check] [--build STATIC_BUILD_DIR] [--keep] OUTDIR
#
# Builds and writes into OUTDIR:
#   httpcodes-VERSION-linux-x86_64.tar.gz  the static binary (-Dstatic=true,
#       stripped), man page, completions, README.md, LICENSE;
#   httpcodes_VERSION_amd64.deb  built with dpkg-deb from a build with
#       glibc, ncursesw and tinfo shared (Depends from dpkg-shlibdeps,
#       Debian's hardening flags from dpkg-buildflags): /usr/bin, the man
#       page gzipped in /usr/share/man/man1, the completions where Debian's
#       bash-completion, zsh and fish look, copyright and changelog in
#       /usr/share/doc/httpcodes; checked with lintian;
#   SHA256SUMS  of both.
# Why the .deb does not hold the static binary: Debian policy (lintian's
# statically-linked-binary and embedded-library errors) wants shared system
# libraries, so that a security fix of glibc or ncurses reaches it.
#
# --build DIR  use the static build already set up in DIR (meson setup DIR
#              -Dstatic=true) instead of a fresh one in a temporary folder.
# --check      also proves the .deb on a fresh Debian 12 root (needs root,
#              debootstrap and a Debian mirror: the first bookworm source of
#              apt's configuration, or $DEBIAN_MIRROR): dpkg -i, then
#              `httpcodes 404`, `man httpcodes` and the static binary of the
#              archive there, then dpkg -r and a check that every file the
#              package installed is gone and nothing else changed. Slow
#              (about a minute): not part of `meson test`.
# --keep       keep the temporary folder (builds, staging, the Debian root).
#
# Exit status: 0 when everything was built (and checked), 1 otherwise.
set -euo pipefail

usage() { echo "usage: scripts/release.sh [--check] [--build STATIC_BUILD_DIR] [--keep] OUTDIR" >&2; exit 2; }
check=no keep=no static_build=
while [[ $# -gt 0 ]]; do
	case $1 in
	--check) check=yes ;;
	--keep) keep=yes ;;
	--build) [[ $# -ge 2 ]] || usage; static_build=$2; shift ;;
	-h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) usage ;;
	*) break ;;
	esac
	shift
done
[[ $# -eq 1 ]] || usage
out=$1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf 'release: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
for t in meson ninja cc strip readelf dpkg-deb dpkg-shlibdeps dpkg-buildflags gzip tar sha256sum python3; do
	command -v "$t" >/dev/null || die "$t is missing (./.ci/install-deps installs what is needed)"
done

version=$(cd "$root" && meson introspect --projectinfo meson.build 2>/dev/null |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])') ||
	die "cannot read the version from meson.build"
changelog_version=$(sed -n '1s/^httpcodes (\([^)]*\)).*/\1/p' "$root/scripts/debian/changelog")
[[ $changelog_version == "$version" ]] ||
	die "scripts/debian/changelog is at $changelog_version but meson.build at $version: add a changelog entry"
maintainer=$(sed -n 's/^ -- \(.*>\)  .*/\1/p' "$root/scripts/debian/changelog" | head -n 1)
# Reproducible: every timestamp is the last commit's (or the changelog's).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null ||
	date -d "$(sed -n 's/^ -- .*>  //p' "$root/scripts/debian/changelog" | head -n 1)" +%s)}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-release.XXXXXX")
debroot=
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
	if [[ -n $debroot ]] && mountpoint -q "$debroot/proc" 2>/dev/null; then
		umount "$debroot/proc" || true
	fi
	if [[ $keep = yes ]]; then say "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
mkdir -p "$out"
out=$(cd "$out" && pwd)
tarname=httpcodes-$version-linux-x86_64
debname=httpcodes_${version}_amd64.deb

# ---- the static binary and the archive -------------------------------------
if [[ -z $static_build ]]; then
	static_build=$tmp/build-static
	say "building the static binary in $static_build"
	# meson.build compiles the static binary for size (-Os, unused sections
	# dropped) and without the prebuilt search index, to stay under 2 MiB.
	meson setup "$static_build" "$root" -Dstatic=true -Ddebug=false -Db_ndebug=true \
		>"$tmp/setup-static.log" 2>&1 ||
		{ tail -n 20 "$tmp/setup-static.log" >&2; die "meson setup (static) failed"; }
fi
[[ $(meson introspect --buildoptions "$static_build" | python3 -c \
	'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="static"][0])') == True ]] ||
	die "$static_build is not a static build (meson setup $static_build -Dstatic=true)"
meson compile -C "$static_build" httpcodes >"$tmp/build-static.log" 2>&1 ||
	{ tail -n 20 "$tmp/build-static.log" >&2; die "building the static binary failed"; }
if LC_ALL=C readelf -lW "$static_build/httpcodes" | grep -Eq 'INTERP|DYNAMIC'; then
	die "$static_build/httpcodes is not fully static"
fi

stage=$tmp/$tarname
mkdir -p "$stage/completions"
# As dh_strip does: no symbols, no compiler .comment section.
strip --remove-section=.comment --remove-section=.note --strip-unneeded \
	-o "$stage/httpcodes" "$static_build/httpcodes"
cp "$root/httpcodes.1" "$root/README.md" "$root/LICENSE" "$stage/"
cp "$root/data/completions/httpcodes.bash" "$root/data/completions/_httpcodes" \
	"$root/data/completions/httpcodes.fish" "$stage/completions/"
chmod 0755 "$stage/httpcodes"
chmod 0644 "$stage"/*.1 "$stage"/*.md "$stage/LICENSE" "$stage"/completions/*
size=$(stat -c %s "$stage/httpcodes")
say "static binary: $size bytes stripped"
[[ $size -lt $((2 * 1024 * 1024)) ]] || say "warning: the static binary is over 2 MiB"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
	-C "$tmp" -cf - "$tarname" | gzip -9n >"$out/$tarname.tar.gz"

# ---- the Debian package ----------------------------------------------------
say "building the shared binary with Debian's build flags"
dyn=$tmp/build-deb
(
	export DEB_BUILD_MAINT_OPTIONS=hardening=+all
	eval "$(dpkg-buildflags --export=sh)"
	meson setup "$dyn" "$root" -Dbuildtype=plain -Dprefix=/usr -Db_ndebug=true -Dstatic_ncurses=false \
		-Dc_args="$CFLAGS $CPPFLAGS" -Dc_link_args="$LDFLAGS"
) >"$tmp/setup-deb.log" 2>&1 || { tail -n 20 "$tmp/setup-deb.log" >&2; die "meson setup (deb) failed"; }
meson compile -C "$dyn" httpcodes >"$tmp/build-deb.log" 2>&1 ||
	{ tail -n 20 "$tmp/build-deb.log" >&2; die "building the binary for the .deb failed"; }

pkg=$tmp/deb
meson install -C "$dyn" --destdir "$pkg" --strip --no-rebuild >"$tmp/install-deb.log" 2>&1 ||
	{ tail -n 20 "$tmp/install-deb.log" >&2; die "meson install failed"; }
# Debian: manual pages gzipped (-9, no name or time), a copyright file and
# the changelog of a native package in the package's doc folder.
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$pkg/usr/bin/httpcodes"
gzip -9n "$pkg/usr/share/man/man1/httpcodes.1"
doc=$pkg/usr/share/doc/httpcodes
mkdir -p "$doc"
cp "$root/scripts/debian/copyright" "$doc/copyright"
gzip -9nc "$root/scripts/debian/changelog" >"$doc/changelog.gz"
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -exec chmod 0644 {} +
chmod 0755 "$pkg/usr/bin/httpcodes"
find "$pkg" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# dpkg-shlibdeps reads debian/control of a source tree: give it a small one.
mkdir -p "$tmp/src/debian"
printf 'Source: httpcodes\n\nPackage: httpcodes\nArchitecture: amd64\n' >"$tmp/src/debian/control"
depends=$(cd "$tmp/src" && dpkg-shlibdeps -O "$pkg/usr/bin/httpcodes" 2>"$tmp/shlibdeps.log" |
	sed -n 's/^shlibs:Depends=//p') || { cat "$tmp/shlibdeps.log" >&2; die "dpkg-shlibdeps failed"; }
[[ -n $depends ]] || die "dpkg-shlibdeps found no dependencies"
# Packed relocations (meson.build: -z pack-relative-relocs) need the loader
# of glibc 2.36 (the GLIBC_ABI_DT_RELR version), which Debian 12's libc6
# symbols file does not name: say so in Depends, or an older libc6 would
# install a binary it cannot start.
if readelf -V "$pkg/usr/bin/httpcodes" | grep -q GLIBC_ABI_DT_RELR; then
	depends=$(printf '%s' "$depends" | sed -E 's/libc6 \(>= [0-9.]+\)/libc6 (>= 2.36)/')
	[[ $depends == *"libc6 (>= 2.36)"* ]] || die "packed relocations, but no libc6 in Depends: $depends"
fi
installed=$(du -k -s --apparent-size "$pkg" | cut -f1)
mkdir -p "$pkg/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@MAINTAINER@/$maintainer/" -e "s/@SIZE@/$installed/" \
	-e "s/@DEPENDS@/$depends/" "$root/scripts/debian/control.in" >"$pkg/DEBIAN/control"
(cd "$pkg" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"
touch -d "@$SOURCE_DATE_EPOCH" "$pkg/DEBIAN" "$pkg/DEBIAN"/*
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$out/$debname" >/dev/null ||
	die "dpkg-deb failed"
say "Depends: $depends"

(cd "$out" && sha256sum "$tarname.tar.gz" "$debname" >SHA256SUMS && sha256sum -c --quiet SHA256SUMS) ||
	die "SHA256SUMS does not verify"

# ---- lintian ---------------------------------------------------------------
status=0
if command -v lintian >/dev/null; then
	# Run as root, lintian says so first (it prefers a normal user); the
	# package's own tags are what counts. See scripts/README.md for any tag
	# left and why.
	lintian --info --display-info --pedantic --no-tag-display-limit "$out/$debname" >"$tmp/lintian.log" 2>&1 || true
	tags=$(grep -E '^[EWIP]: httpcodes' "$tmp/lintian.log" || true)
	if [[ -n $tags ]]; then
		say "lintian:"
		printf '%s\n' "$tags" >&2
		grep -Eq '^[EW]: ' <<<"$tags" && status=1
	else
		say "lintian: clean (no error, warning or info tag)"
	fi
else
	say "lintian is missing: the .deb was not checked (./.ci/install-deps installs it)"
fi

ls -l "$out/$tarname.tar.gz" "$out/$debname" "$out/SHA256SUMS" >&2

# ---- --check: a fresh Debian 12 root ---------------------------------------
if [[ $check = yes ]]; then
	[[ $(id -u) -eq 0 ]] || die "--check needs root (debootstrap, chroot)"
	command -v debootstrap >/dev/null || die "--check needs debootstrap (./.ci/install-deps installs it)"
	mirror=${DEBIAN_MIRROR:-$(python3 - <<'PY'
import glob, re
# The first Debian bookworm source of apt's own configuration (one-line and
# deb822 formats); not -security or -updates.
files = sorted(glob.glob("/etc/apt/sources.list.d/*.sources")) + \
        ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list"))
for path in files:
    try:
        text = open(path).read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            f = {}
            for line in stanza.splitlines():
                if ":" in line and not line.startswith(("#", " ")):
                    k, v = line.split(":", 1)
                    f[k.strip().lower()] = v.split()
            if "deb" in f.get("types", []) and "bookworm" in f.get("suites", []):
                print(f["uris"][0]); raise SystemExit
    else:
        for line in text.splitlines():
            w = line.split("#")[0].split()
            w = [x for x in w if not x.startswith("[")]
            if len(w) >= 3 and w[0] == "deb" and w[2] == "bookworm":
                print(w[1]); raise SystemExit
PY
)}
	[[ -n $mirror ]] || die "no Debian bookworm source in /etc/apt: set DEBIAN_MIRROR"
	# The packages the .deb depends on, and man-db for `man`.
	includes=$(sed 's/([^)]*)//g; s/|[^,]*//g; s/[[:space:]]//g' <<<"$depends"),man-db
	debroot=$tmp/debian12
	say "check: debootstrap --variant=minbase --include=$includes bookworm (from apt's configured mirror)"
	start=$(date +%s)
	debootstrap --variant=minbase --include="$includes" bookworm "$debroot" "$mirror" \
		>"$tmp/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$tmp/debootstrap.log" >&2; die "debootstrap failed"; }
	say "check: Debian 12 root made in $(($(date +%s) - start)) s"
	mount -t proc proc "$debroot/proc"
	in_root() { chroot "$debroot" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }
	snapshot() { # every path with its type and size, but the package database and logs
		(cd "$debroot" && find . -xdev \( -path ./proc -o -path ./var/lib/dpkg -o -path ./var/log \
			-o -path ./var/cache/man -o -path ./tmp \) -prune -o -printf '%y %s %p\n' | sort)
	}
	snapshot >"$tmp/before.txt"
	cp "$out/$debname" "$debroot/tmp/"
	fail() { say "check: FAILED: $*"; status=1; }
	in_root dpkg -i "/tmp/$debname" >"$tmp/dpkg-i.log" 2>&1 || { cat "$tmp/dpkg-i.log" >&2; fail "dpkg -i"; }
	say "check: dpkg -i: $(grep -c . "$tmp/dpkg-i.log") lines, $(tail -n 1 "$tmp/dpkg-i.log")"
	files=$(in_root dpkg -L httpcodes | while read -r f; do
		if [[ ! -d $debroot$f ]]; then echo "$f"; fi; done)
	say "check: the package installed $(wc -l <<<"$files") files:"
	while read -r f; do printf '    %s\n' "$f"; done <<<"$files" >&2
	if got=$(in_root httpcodes 404) && [[ $(head -n 1 <<<"$got") == "404 Not Found" ]]; then
		say "check: httpcodes 404 -> $(head -n 1 <<<"$got") ($(wc -l <<<"$got") lines)"
	else
		fail "httpcodes 404 printed: $(head -n 3 <<<"$got")"
	fi
	if man_out=$(in_root man -P cat httpcodes 2>&1) && grep -q 'look up HTTP status codes' <<<"$man_out"; then
		say "check: man httpcodes -> $(grep -m1 -A1 '^NAME' <<<"$man_out" | tail -n 1 | sed 's/^ *//') ($(wc -l <<<"$man_out") lines)"
	else
		fail "man httpcodes: $(head -n 5 <<<"$man_out")"
	fi
	for sh in bash zsh fish; do
		case $sh in
		bash) f=/usr/share/bash-completion/completions/httpcodes ;;
		zsh) f=/usr/share/zsh/vendor-completions/_httpcodes ;;
		fish) f=/usr/share/fish/vendor_completions.d/httpcodes.fish ;;
		esac
		grep -qx "$f" <<<"$files" || fail "no $sh completion at $f"
	done
	# The archive's static binary runs there too (no ncurses of its own need).
	tar -xzf "$out/$tarname.tar.gz" -C "$debroot/tmp"
	if got=$(in_root "/tmp/$tarname/httpcodes" 404) && [[ $(head -n 1 <<<"$got") == "404 Not Found" ]]; then
		say "check: the archive's static binary: 404 -> $(head -n 1 <<<"$got")"
	else
		fail "the archive's static binary printed: $(head -n 3 <<<"$got")"
	fi
	rm -rf "${debroot:?}/tmp/$tarname" "$debroot/tmp/$debname"
	in_root dpkg -r httpcodes >"$tmp/dpkg-r.log" 2>&1 || { cat "$tmp/dpkg-r.log" >&2; fail "dpkg -r"; }
	say "check: dpkg -r: $(tail -n 1 "$tmp/dpkg-r.log")"
	left=$(while read -r f; do
		if [[ -e $debroot$f || -L $debroot$f ]]; then echo "$f"; fi; done <<<"$files")
	[[ -z $left ]] || fail "dpkg -r left: $left"
	# shellcheck disable=SC2016  # a dpkg-query format, not a shell expansion
	state=$(in_root dpkg-query -W -f '${db:Status-Abbrev}' httpcodes 2>/dev/null || true)
	umount "$debroot/proc"
	snapshot >"$tmp/after.txt"
	if diff -u "$tmp/before.txt" "$tmp/after.txt" >"$tmp/diff.txt"; then
		say "check: after dpkg -r the root is as before dpkg -i (outside dpkg's database, logs and man-db's cache); dpkg now knows it as: ${state:-nothing (not installed, no conffiles left)}"
	else
		cat "$tmp/diff.txt" >&2
		fail "the root differs from before dpkg -i"
	fi
	[[ $status -eq 0 ]] && say "check: passed"
fi
exit $status
