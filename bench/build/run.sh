#!/usr/bin/env bash
# bench/build/run.sh — `boxer build` (docker + sif from ONE import) against `boxer docker` then `boxer sif`
# (two imports of the same stage3), issue 15's benchmark. Per run, interleaved so both see the same load:
#   separate  ./boxer docker --stage S --recipe none --out A.tar ; ./boxer sif --stage S --recipe none --out B.sif
#   build     ./boxer build --stage S --recipe none --target docker --out A.tar --target sif --out B.sif
# Both write the same two files (Release build by ./boxer). Target: build/separate <= 0.75 (wall).
#
# Usage: bench/build/run.sh [STAGE.tar.xz] [RUNS]   default: bench/out/stage-1g.tar.xz, 3 runs
# The default input is made by `dotnet run -c Release --project bench/Boxer.Bench -- import --runs 1`.
# Needs GNU time (/usr/bin/time, Debian `time`). Prints one line per measurement (wall s, CPU s, peak RSS of
# the largest process), then the best wall of each and the ratio. Outputs go to bench/out/build-run/ and are removed.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
stage="$(readlink -f "${1:-$root/bench/out/stage-1g.tar.xz}")"
runs="${2:-3}"
work="$root/bench/out/build-run"

die() { echo "run.sh: $*" >&2; exit 1; }
[[ -f "$stage" ]] || die "no stage3 at $stage (make it: dotnet run -c Release --project bench/Boxer.Bench -- import --runs 1)"
command -v /usr/bin/time >/dev/null || die "missing /usr/bin/time (Debian package time)"

rm -rf "$work"; mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
"$root/boxer" --version >/dev/null   # builds the Release host first, outside the timings

echo "# input $stage ($(stat -c %s "$stage") bytes); $(nproc) cores; $(date -u '+%F %T') UTC"

# timed NAME CMD...: runs CMD (a shell line) under GNU time; prints its line and returns "WALL CPU".
timed() {
  local name="$1" line="$2"
  rm -f "$work"/a.tar "$work"/b.sif
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" sh -c "$line" > "$work/$name.log" 2>&1 \
    || { cat "$work/$name.log" >&2; die "$name failed"; }
  read -r wall user sys rss < "$work/time"
  printf '%-9s wall %7.2f s  cpu %7.2f s  peak RSS %5d MB  (load %s)\n' "$name" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)" >&2
  awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { print w, u + s }'
}

b="$root/boxer"
separate="'$b' docker -q --stage '$stage' --recipe none --out '$work/a.tar' && '$b' sif -q --stage '$stage' --recipe none --out '$work/b.sif'"
build="'$b' build -q --stage '$stage' --recipe none --target docker --out '$work/a.tar' --target sif --out '$work/b.sif'"

best_separate=""; best_build=""; cpu_separate=""; cpu_build=""
min() { awk -v a="$1" -v b="${2:-$1}" 'BEGIN { print (a < b ? a : b) }'; }
for ((i = 1; i <= runs; i++)); do
  read -r s sc < <(timed separate "$separate"); read -r t tc < <(timed build "$build")
  best_separate="$(min "$s" "$best_separate")"; best_build="$(min "$t" "$best_build")"
  cpu_separate="$(min "$sc" "$cpu_separate")"; cpu_build="$(min "$tc" "$cpu_build")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "best wall: separate ${best_separate} s, build ${best_build} s; build/separate = $(ratio "$best_build" "$best_separate")x (target <= 0.75x)"
echo "best CPU:  separate ${cpu_separate} s, build ${cpu_build} s; build/separate = $(ratio "$cpu_build" "$cpu_separate")x"
