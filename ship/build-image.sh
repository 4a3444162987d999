#!/usr/bin/env bash
# Builds boxer's own OCI image with boxer: the minimal rootfs (ship/make-base-rootfs.sh) plus a self-contained
# archive (./ship.sh linux-ARCH), finalized by ship/boxer-image.csx. The remaining arguments go to
# `boxer docker`: where the image goes (--tag, --push, --out).
#
#   ship/build-image.sh BASE.tar.xz boxer-VERSION-linux-ARCH.tar.gz --tag boxer:VERSION
#   ship/build-image.sh BASE.tar.xz ARCHIVE --tag registry.example/boxer:VERSION --push
#
# $BOXER names the boxer that builds it (default: this checkout's ./boxer); the archive's own executable works
# too, with no .NET installed. SOURCE_DATE_EPOCH makes the image reproducible.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { echo "usage: $0 BASE.tar.xz ARCHIVE.tar.gz BOXER-DOCKER-ARGS..." >&2; exit 2; }
base=$1 archive=$(realpath "$2")
shift 2
exec "${BOXER:-$root/boxer}" docker --stage "$base" --recipe "$root/ship/boxer-image.csx" --set "archive=$archive" "$@"
