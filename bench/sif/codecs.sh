#!/usr/bin/env bash
# bench/sif/codecs.sh — `boxer sif` with each compression library against tar2sqfs at the same level
# (issue 17: native libzstd and libdeflate). One run measures, in this order, each command once under
# /usr/bin/time, deleting every output before the next:
#   zstd 15   boxer --codec libzstd | boxer --codec zstdsharp (the managed port: "before") | xz -dc | tar2sqfs -c zstd -X level=15
#   gzip 9    boxer --codec libdeflate | boxer --codec zlib-ng ("before")                  | xz -dc | tar2sqfs -c gzip -X level=9
#   gzip 6    boxer --codec libdeflate | boxer --codec zlib-ng                               | xz -dc | tar2sqfs -c gzip -X level=6
#             and, with --original (root), tar -xpf + mksquashfs -comp gzip -Xcompression-level 6 for its size
# tar2sqfs runs with -j $(nproc), as the issue's figures did. Sizes are boxer's squashfs partition (siftool).
#
# Usage: bench/sif/codecs.sh [--original] [--no-managed] [--only zstd|gzip9|gzip6] [STAGE.tar.xz]
# --no-managed skips the zstdsharp/zlib-ng runs (the slow "before" figures).   default bench/out/stage-1g.tar.xz
# Needs: /usr/bin/time (Debian time), squashfs-tools-ng, squashfs-tools (--original), siftool, xz, the .NET SDK.
# Prints one line per measurement and per level the ratios boxer/tar2sqfs (wall) and the size differences,
# with the issue-17 goals: zstd <= 0.5x and size within 1 %; gzip-9 <= 0.35x and no larger; gzip-6 no larger
# than mksquashfs. The load average is printed before each measurement: on a shared machine only the ratios
# within one run count.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
original=0; only=""; managed=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --original) original=1; shift ;;
    --no-managed) managed=0; shift ;;
    --only) only="$2"; shift 2 ;;
    *) break ;;
  esac
done
stage="$(readlink -f "${1:-$root/bench/out/stage-1g.tar.xz}")"
work="$root/bench/out/codec-run"
jobs="$(nproc)"

die() { echo "codecs.sh: $*" >&2; exit 1; }
[[ -f "$stage" ]] || die "no stage3 at $stage (see bench/README.md)"
for tool in /usr/bin/time tar2sqfs xz siftool; do command -v "$tool" >/dev/null || die "missing $tool"; done

rm -rf "$work"; mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

echo "# boxer $("$root/boxer" --version)  (Release build by ./boxer)"
echo "# input $stage ($(stat -c %s "$stage") bytes); $jobs cores; $(date -u '+%F %T') UTC; $(uptime)"
echo "# $(tar2sqfs --version | head -1); $(xz --version | head -1); libzstd $(dpkg-query -W -f '${Version}' libzstd1); libdeflate $(dpkg-query -W -f '${Version}' libdeflate0)"

declare -A wall size
timed() {
  local name="$1"; shift
  echo "#   load average before $name: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/$name.log" 2>&1 \
    || { cat "$work/$name.log" >&2; die "$name failed"; }
  read -r t_wall user sys t_rss < <(tail -1 "$work/time")
  t_cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
}
report() { # KEY SIZE
  wall[$1]="$t_wall"; size[$1]="$2"
  printf '%-22s wall %8.2f s  cpu %8.2f s  peak RSS %6d MB  size %12d bytes\n' "$1" "$t_wall" "$t_cpu" "$(( t_rss / 1024 ))" "$2"
}
partition_size() { siftool list "$1" | awk -F'|' '/Squashfs/ { split($4, r, "-"); print r[2] - r[1] }'; }

boxer() { # KEY COMPRESSION LEVEL CODEC
  local out="$work/boxer.sif"
  timed "$1" "$root/boxer" sif --stage "$stage" --recipe none --out "$out" --force --compression "$2" --level "$3" --codec "$4" --quiet
  report "$1" "$(partition_size "$out")"
  rm -f "$out"
}
peer() { # KEY COMPRESSION LEVEL
  local out="$work/peer.sqfs"
  timed "$1" sh -c "xz -dc '$stage' | tar2sqfs -q -f -c $2 -X level=$3 -j $jobs '$out'"
  report "$1" "$(stat -c %s "$out")"
  rm -f "$out"
}
ratio() { [[ -n "${wall[$1]:-}" && -n "${wall[$2]:-}" ]] || { echo "-"; return; }; awk -v a="${wall[$1]}" -v b="${wall[$2]}" 'BEGIN { printf "%.3f", a / b }'; }
delta() { [[ -n "${size[$1]:-}" && -n "${size[$2]:-}" ]] || { echo "-"; return; }; awk -v a="${size[$1]}" -v b="${size[$2]}" 'BEGIN { printf "%+.2f %%", (a - b) * 100 / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "MET" : "MISSED" }'; }

if [[ -z "$only" || "$only" == zstd ]]; then
  boxer "zstd15 boxer libzstd" zstd 15 libzstd
  peer "zstd15 tar2sqfs" zstd 15
  [[ "$managed" == 1 ]] && boxer "zstd15 boxer zstdsharp" zstd 15 zstdsharp
  r="$(ratio "zstd15 boxer libzstd" "zstd15 tar2sqfs")"
  echo "zstd 15: libzstd/tar2sqfs wall $r (goal <= 0.5) $(verdict "$r" 0.5); zstdsharp/tar2sqfs $(ratio "zstd15 boxer zstdsharp" "zstd15 tar2sqfs"); libzstd/zstdsharp $(ratio "zstd15 boxer libzstd" "zstd15 boxer zstdsharp")"
  echo "zstd 15: size libzstd vs tar2sqfs $(delta "zstd15 boxer libzstd" "zstd15 tar2sqfs") (goal within 1 %), zstdsharp vs tar2sqfs $(delta "zstd15 boxer zstdsharp" "zstd15 tar2sqfs")"
fi
if [[ -z "$only" || "$only" == gzip9 ]]; then
  boxer "gzip9 boxer libdeflate" gzip 9 libdeflate
  peer "gzip9 tar2sqfs" gzip 9
  [[ "$managed" == 1 ]] && boxer "gzip9 boxer zlib-ng" gzip 9 zlib-ng
  r="$(ratio "gzip9 boxer libdeflate" "gzip9 tar2sqfs")"
  echo "gzip 9: libdeflate/tar2sqfs wall $r (goal <= 0.35) $(verdict "$r" 0.35); zlib-ng/tar2sqfs $(ratio "gzip9 boxer zlib-ng" "gzip9 tar2sqfs"); libdeflate/zlib-ng $(ratio "gzip9 boxer libdeflate" "gzip9 boxer zlib-ng")"
  echo "gzip 9: size libdeflate vs tar2sqfs $(delta "gzip9 boxer libdeflate" "gzip9 tar2sqfs") (goal no larger), zlib-ng vs tar2sqfs $(delta "gzip9 boxer zlib-ng" "gzip9 tar2sqfs")"
fi
if [[ -z "$only" || "$only" == gzip6 ]]; then
  boxer "gzip6 boxer libdeflate" gzip 6 libdeflate
  peer "gzip6 tar2sqfs" gzip 6
  [[ "$managed" == 1 ]] && boxer "gzip6 boxer zlib-ng" gzip 6 zlib-ng
  echo "gzip 6: libdeflate/tar2sqfs wall $(ratio "gzip6 boxer libdeflate" "gzip6 tar2sqfs"); size libdeflate vs tar2sqfs $(delta "gzip6 boxer libdeflate" "gzip6 tar2sqfs"), zlib-ng vs tar2sqfs $(delta "gzip6 boxer zlib-ng" "gzip6 tar2sqfs")"
  if [[ "$original" == 1 ]]; then
    [[ "$(id -u)" == 0 ]] || die "--original needs root (tar -xpf with owners)"
    dir="$work/tree"; mkdir -p "$dir"
    tar --xattrs --xattrs-include='*' --numeric-owner -xpf "$stage" -C "$dir"
    timed "gzip6 mksquashfs" mksquashfs "$dir" "$work/mk.sqfs" -noappend -comp gzip -Xcompression-level 6 -no-progress
    report "gzip6 mksquashfs" "$(stat -c %s "$work/mk.sqfs")"
    rm -rf "$dir" "$work/mk.sqfs"
    echo "gzip 6: size libdeflate vs mksquashfs $(delta "gzip6 boxer libdeflate" "gzip6 mksquashfs") (goal no larger)"
  fi
fi
