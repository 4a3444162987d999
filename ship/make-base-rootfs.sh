#!/usr/bin/env bash
# Builds the root filesystem of boxer's own image (ship/build-image.sh): Debian bookworm minbase plus what
# the self-contained boxer needs at run time: CA certificates (and with them OpenSSL, which .NET's crypto
# and TLS use), xz, zstd and libdeflate (the native gzip library boxer prefers; without it a build warns and
# falls back to zlib-ng, whose bytes differ). No .NET, no ICU (the build uses invariant globalization). Also the cached
# test fixture "boxer-base" (tests/Boxer.TestSupport/Fixtures.cs).
#
#   usage: make-base-rootfs.sh OUT.tar.xz    (needs root and the apt mirror; takes minutes)
#
# The rootfs has the host's architecture (build an arm64 one on an arm64 runner). The mirror comes from
# $BOXER_DEBIAN_MIRROR, else the host's apt sources, else deb.debian.org.
set -euo pipefail

readonly SUITE=bookworm
readonly PACKAGES=ca-certificates,xz-utils,zstd,libdeflate0

die() { echo "make-base-rootfs: $*" >&2; exit 1; }

[[ $# -eq 1 && $1 == *.tar.xz ]] || die "usage: $0 OUT.tar.xz"
out=$(realpath -m "$1")
[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap); run it with sudo or as root"
for tool in debootstrap tar xz; do
  command -v "$tool" >/dev/null || die "needs '$tool' (Debian: debootstrap tar xz-utils)"
done

mirror() {
  if [[ -n ${BOXER_DEBIAN_MIRROR:-} ]]; then echo "$BOXER_DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(awk -v s="$SUITE" '
    /^URIs:/ { u = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) { print u; exit } }
    /^$/ { u = "" }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
  if [[ -z $uri && -f /etc/apt/sources.list ]]; then
    uri=$(awk -v s="$SUITE" '$1 == "deb" && $3 == s { print $2; exit }' /etc/apt/sources.list || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

R=$(mktemp -d "${TMPDIR:-/tmp}/boxer-base-rootfs.XXXXXX")
trap 'rm -rf "$R"' EXIT
debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$R" "$(mirror)" >&2
# What a job image does not need: apt's lists and caches, docs, man pages, logs.
rm -rf "$R"/var/lib/apt/lists/* "$R"/var/cache/apt/*.bin "$R"/var/cache/apt/archives/*.deb \
  "$R"/usr/share/doc/* "$R"/usr/share/man/* "$R"/usr/share/info/* "$R"/var/log/*.log "$R"/var/log/apt/*
: >"$R/etc/resolv.conf"
echo boxer >"$R/etc/hostname"
tar -C "$R" --sort=name --numeric-owner --xattrs --xattrs-include='*' -cf - . | xz -T2 -6 -c >"$out.tmp"
mv "$out.tmp" "$out"
