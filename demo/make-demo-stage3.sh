#!/usr/bin/env bash
# Builds demo/stage3-demo.tar.xz, the built-in demo stage3: Debian's static busybox, busybox init, a
# busybox-sh stand-in for OpenRC (sbin/openrc, sbin/openrc-run), Gentoo-style init.d scripts and
# runlevels, and busybox httpd as the long-running service. See demo/README.md.
#
#   usage: demo/make-demo-stage3.sh [OUT.tar.xz]      (no root needed)
#
# Ownership comes from GNU tar (--owner=0 --group=0 --numeric-owner), not from the files on disk, so any
# user can build it; the output is byte-identical for a given busybox and SOURCE_DATE_EPOCH.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(realpath -m "${1:-$HERE/stage3-demo.tar.xz}")
readonly HERE OUT
readonly BUSYBOX=${BUSYBOX:-/bin/busybox}
readonly EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

die() { echo "make-demo-stage3: $*" >&2; exit 1; }
[[ -x $BUSYBOX ]] || die "needs $BUSYBOX (Debian package busybox-static)"
command -v xz >/dev/null || die "needs xz (Debian package xz-utils)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
R=$WORK/root
umask 022
mkdir -p "$R"
cp -R "$HERE/rootfs/." "$R/"

# The skeleton a stage3 has.
mkdir -p "$R"/{bin,sbin,dev,proc,sys,run,tmp,root,home,mnt,opt,var/tmp,var/log,var/empty,usr/bin,usr/sbin}
mkdir -p "$R"/etc/runlevels/{sysinit,boot,default,shutdown}
find "$R" -type d -exec chmod 0755 {} +
find "$R" -type f -exec chmod 0644 {} +
chmod 0755 "$R"/etc/init.d/* "$R"/sbin/openrc "$R"/sbin/openrc-run "$R"/sbin/rc-status
chmod 1777 "$R/tmp" "$R/var/tmp"
chmod 0700 "$R/root"
chmod 0600 "$R/etc/shadow"

# busybox and a relative symlink for every applet, where busybox says it belongs.
install -m 0755 "$BUSYBOX" "$R/bin/busybox"
"$BUSYBOX" --list-full | while read -r applet; do
  case $applet in linuxrc | bin/busybox) continue ;; esac
  [[ -e $R/$applet ]] && continue
  rel=$(realpath -m --relative-to="$R/$(dirname "$applet")" "$R/bin/busybox")
  ln -s "$rel" "$R/$applet"
done

# Runlevels as rc-update makes them: absolute links into /etc/init.d.
enable() { ln -s "/etc/init.d/$2" "$R/etc/runlevels/$1/$2"; }
for s in procfs devfs; do enable sysinit "$s"; done
for s in hostname loopback bootmisc; do enable boot "$s"; done
for s in httpd local; do enable default "$s"; done
enable shutdown killprocs

# What Funtoo stage3s carry and finalization removes, in miniature; UTC as the time zone.
mkdir -p "$R/usr/src/linux-6.1.0-demo" "$R/lib/modules/6.1.0-demo" "$R/var/git/meta-repo" \
  "$R/usr/share/zoneinfo/Etc"
printf 'VERSION = 6\nPATCHLEVEL = 1\n' >"$R/usr/src/linux-6.1.0-demo/Makefile"
: >"$R/lib/modules/6.1.0-demo/modules.dep"
echo 'demo' >"$R/var/git/meta-repo/README"
base64 -d >"$R/usr/share/zoneinfo/Etc/UTC" <<'EOF'
VFppZjIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAQAAAAAAABVVEMAVFppZjIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAQAAAAAAABVVEMAClVUQzAK
EOF
chmod 0644 "$R/usr/share/zoneinfo/Etc/UTC" "$R/usr/src/linux-6.1.0-demo/Makefile" \
  "$R/lib/modules/6.1.0-demo/modules.dep" "$R/var/git/meta-repo/README"
ln -s Etc/UTC "$R/usr/share/zoneinfo/UTC"
ln -s ../usr/share/zoneinfo/UTC "$R/etc/localtime"
ln -s ../proc/self/mounts "$R/etc/mtab"

mkdir -p "$(dirname "$OUT")"
LC_ALL=C.UTF-8 tar --create --file=- --directory="$R" --format=posix \
  --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
  --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" . \
  | xz -T1 -9e -c >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "make-demo-stage3: wrote $OUT ($(stat -c %s "$OUT") bytes)" >&2
