#!/usr/bin/env bash
# bench/sif/run.sh — `boxer sif` against the three other ways to get a gzip squashfs from a stage3 .tar.xz
# (issue 5, "Benchmark"). One run measures, at gzip level 9 and then 6, in this order:
#   boxer     ./boxer sif --stage FILE --recipe none --out X.sif --force --level L   (Release build)
#   original  tar --xattrs --xattrs-include='*' --numeric-owner -xpf FILE -C DIR      (as root)
#             + mksquashfs DIR X.sqfs -noappend -comp gzip -Xcompression-level L       (what `singularity build` runs)
#   tar2sqfs  xz -dc FILE | tar2sqfs -c gzip -X level=L -j $(nproc) X.sqfs
#   sqfstar   xz -dc FILE | sqfstar -comp gzip X.sqfs                                   (level 9 only, see below)
#
# sqfstar 4.5.1 (Debian bookworm) cannot take a gzip level: `sqfstar -comp gzip -Xcompression-level N X.sqfs`
# fails with "gzip: -Xcompression-level it should be 1 >= n <= 9" for every N and every option order, and
# `sqfstar X.sqfs -comp gzip -Xcompression-level N` silently ignores N (same bytes for N = 1 and 9). Its gzip
# default is 9, so it is measured at level 9 only; at level 6 the faster peer is tar2sqfs alone.
#
# Usage (from anywhere; needs root, because the original path extracts with owners):
#   sudo bench/sif/run.sh [STAGE.tar.xz]      default: bench/out/stage-1g.tar.xz
# The default input is made by `dotnet run -c Release --project bench/Boxer.Bench -- import --runs 1`.
# Needs: GNU time (/usr/bin/time, Debian `time`), squashfs-tools (mksquashfs, sqfstar: 4.5.1+),
# squashfs-tools-ng (tar2sqfs), xz-utils, GNU tar, siftool (to size boxer's squashfs partition), dotnet SDK.
#
# Prints one line per measurement: wall s, CPU s (user+sys, waited-for children included: xz in the
# pipelines, boxer's xz child), peak RSS (largest single process, GNU time's %M), output size; then per level
# the ratios boxer/original and boxer/min(tar2sqfs, sqfstar) for wall and CPU, the size difference of boxer's
# squashfs partition (not the whole SIF) against each peer, and boxer's RSS, each with its issue-5 target.
# The original path's wall/CPU are tar + mksquashfs summed; its RSS is the larger of the two.
# Outputs are deleted after each measurement (the extracted tree too), in bench/out/sif-run/.
# The load average is printed before each measurement: on a shared machine only ratios within one run count.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
stage="$(readlink -f "${1:-$root/bench/out/stage-1g.tar.xz}")"
work="$root/bench/out/sif-run"
jobs="$(nproc)"

die() { echo "run.sh: $*" >&2; exit 1; }
[[ -f "$stage" ]] || die "no stage3 at $stage (make it: dotnet run -c Release --project bench/Boxer.Bench -- import --runs 1)"
[[ "$(id -u)" == 0 ]] || die "run as root: the original path extracts with owners (tar -xpf)"
for tool in /usr/bin/time mksquashfs sqfstar tar2sqfs xz tar siftool; do
  command -v "$tool" >/dev/null || die "missing $tool"
done

rm -rf "$work"; mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

echo "# boxer $("$root/boxer" --version)  (Release build by ./boxer)"
echo "# input $stage ($(stat -c %s "$stage") bytes); $jobs cores; $(date -u '+%F %T') UTC"
echo "# $(mksquashfs -version | head -1); $(tar2sqfs --version | head -1); $(xz --version | head -1)"

# timed NAME CMD...: runs CMD under GNU time; sets t_wall t_cpu t_rss (KiB) from its report.
timed() {
  local name="$1"; shift
  echo "#   load average before $name: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/$name.log" 2>&1 \
    || { cat "$work/$name.log" >&2; die "$name failed"; }
  read -r t_wall user sys t_rss < <(tail -1 "$work/time")
  t_cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
}

# report LEVEL NAME WALL CPU RSS_KIB SIZE: one line, and remembered for the ratios.
declare -A wall cpu rss size
report() {
  local level="$1" name="$2"
  wall[$level.$name]="$3"; cpu[$level.$name]="$4"; rss[$level.$name]="$5"; size[$level.$name]="$6"
  printf 'level %s  %-9s wall %8.2f s  cpu %8.2f s  peak RSS %6d MB  size %12d bytes\n' \
    "$level" "$name" "$3" "$4" "$(( $5 / 1024 ))" "$6"
}

# The squashfs partition's size in boxer's SIF (object 3), so it compares with the peers' plain .sqfs.
partition_size() {
  siftool list "$1" | awk -F'|' '/Squashfs/ { split($4, r, "-"); print r[2] - r[1] }'
}

run_boxer() {
  local level="$1" out="$work/boxer.sif"
  timed "boxer-$level" "$root/boxer" sif --stage "$stage" --recipe none --out "$out" --force --level "$level" --quiet
  local part; part="$(partition_size "$out")"
  report "$level" boxer "$t_wall" "$t_cpu" "$t_rss" "$part"
  echo "#   (whole SIF $(stat -c %s "$out") bytes)"
  rm -f "$out"
}

run_original() {
  local level="$1" dir="$work/rootfs" out="$work/original.sqfs"
  mkdir "$dir"
  timed "tar-$level" tar --xattrs --xattrs-include='*' --numeric-owner -xpf "$stage" -C "$dir"
  local w1="$t_wall" c1="$t_cpu" r1="$t_rss"
  printf '#   tar -xpf:   wall %8.2f s  cpu %8.2f s  peak RSS %6d MB\n' "$w1" "$c1" "$(( r1 / 1024 ))"
  timed "mksquashfs-$level" mksquashfs "$dir" "$out" -noappend -comp gzip -Xcompression-level "$level"
  printf '#   mksquashfs: wall %8.2f s  cpu %8.2f s  peak RSS %6d MB\n' "$t_wall" "$t_cpu" "$(( t_rss / 1024 ))"
  report "$level" original "$(awk -v a="$w1" -v b="$t_wall" 'BEGIN { print a + b }')" \
    "$(awk -v a="$c1" -v b="$t_cpu" 'BEGIN { print a + b }')" \
    "$(( r1 > t_rss ? r1 : t_rss ))" "$(stat -c %s "$out")"
  rm -rf "$dir" "$out"
}

run_pipe() {
  local level="$1" name="$2" cmd="$3" out="$work/$2.sqfs"
  timed "$name-$level" bash -o pipefail -c "$cmd"
  report "$level" "$name" "$t_wall" "$t_cpu" "$t_rss" "$(stat -c %s "$out")"
  rm -f "$out"
}

ratios() {
  local l="$1" peer
  peer=tar2sqfs
  if [[ -n "${wall[$l.sqfstar]:-}" ]]; then
    peer="$(awk -v a="${wall[$l.tar2sqfs]}" -v b="${wall[$l.sqfstar]}" 'BEGIN { print (a <= b) ? "tar2sqfs" : "sqfstar" }')"
  fi
  awk -v l="$l" -v peer="$peer" \
    -v bw="${wall[$l.boxer]}" -v bc="${cpu[$l.boxer]}" -v br="${rss[$l.boxer]}" -v bs="${size[$l.boxer]}" \
    -v ow="${wall[$l.original]}" -v oc="${cpu[$l.original]}" -v os="${size[$l.original]}" \
    -v pw="${wall[$l.$peer]}" -v pc="${cpu[$l.$peer]}" \
    -v ts="${size[$l.tar2sqfs]}" -v ss="${size[$l.sqfstar]:-0}" '
    function verdict(ok) { return (l == 9) ? (ok ? "  MET" : "  MISSED") : "" }
    BEGIN {
      printf "level %s  boxer/original          wall %.3f (target <= 0.5)%s   cpu %.3f\n", l, bw / ow, verdict(bw / ow <= 0.5), bc / oc
      printf "level %s  boxer/%-8s (faster) wall %.3f (target <= 0.75)%s  cpu %.3f\n", l, peer, bw / pw, verdict(bw / pw <= 0.75), bc / pc
      split("original tar2sqfs sqfstar", n, " "); s["original"] = os; s["tar2sqfs"] = ts; s["sqfstar"] = ss
      for (i = 1; i <= 3; i++) {
        if (s[n[i]] == 0) continue
        d = (bs - s[n[i]]) * 100 / s[n[i]]
        printf "level %s  size boxer vs %-8s %+.2f %% (target within 1 %%)%s\n", l, n[i], d, verdict(d <= 1 && d >= -1)
      }
      printf "level %s  boxer peak RSS %d MB (target <= 400 MB)%s\n", l, br / 1024, verdict(br / 1024 <= 400)
    }'
}

for level in 9 6; do
  run_boxer "$level"
  run_original "$level"
  run_pipe "$level" tar2sqfs "xz -dc '$stage' | tar2sqfs -c gzip -X level=$level -j $jobs '$work/tar2sqfs.sqfs'"
  if [[ "$level" == 9 ]]; then
    run_pipe "$level" sqfstar "xz -dc '$stage' | sqfstar -comp gzip '$work/sqfstar.sqfs'"
  else
    echo "level $level  sqfstar   not measured: sqfstar $(sqfstar -version | head -1 | cut -d' ' -f3) cannot set a gzip level"
  fi
  ratios "$level"
done
echo "# done $(date -u '+%F %T') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
