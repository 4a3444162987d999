#!/usr/bin/env bash
# The Docker target's benchmark (issue 4, "Benchmark"): in ONE run, on the ~1 GB bench stage3, it times
#   1. boxer:        ./boxer docker --stage S --tag bench-boxer            (openrc-server recipe, streamed load)
#   2. floor:        docker load -i <docker save of boxer's image>         (the daemon's own layer apply)
#   3. original:     DOCKER_BUILDKIT=0 docker build of the original tool's Dockerfile: a builder stage FROM a
#                    `docker import`ed busybox+GNU tar+xz image extracts the stage3 (tar --xattrs --numeric-owner),
#                    then FROM scratch, COPY --from=builder /rootfs/ /, one RUN of the finalization, ENTRYPOINT
#   4. import+RUN:   docker import S + DOCKER_BUILDKIT=0 docker build with one RUN of the same finalization
#   5. --out:        ./boxer docker --stage S --out out.tar (gzip layer)   vs   xz -dc S | gzip -6 > /dev/null
# and prints one line per measurement (wall s, CPU s of the timed client process tree, dockerd's CPU delta),
# the image sizes (docker image inspect .Size) and the ratios with their targets. Nothing is asserted.
#
# Usage:  bench/docker/run.sh [STAGE3.tar.xz]      (default bench/out/stage-1g.tar.xz; make it with
#         `dotnet run -c Release --project bench/Boxer.Bench -- import --runs 1` if missing)
# Needs:  docker.io with dockerd running and this user allowed on its socket; GNU time (/usr/bin/time, Debian
#         `time`); xz, gzip, GNU tar; a static busybox at /bin/busybox (Debian `busybox-static`); ldd. No network.
# Work files go to bench/out/docker/ (gitignored): the bench stage, the bootstrap rootfs, contexts, archives.
#
# The bench stage3 is the first 1 GB of the host's /usr, so it has no /etc and no libc (the generator stops inside
# /usr/lib). A few KB are put IN FRONT of it (a second xz stream holding a tar without its end blocks, so the
# result is one tar in a valid multi-stream .xz that every path reads): a Gentoo-like /etc (rc.conf with
# #rc_sys="", inittab with c1..c6 gettys, fstab, runlevels linking sysctl/hostname/loopback/bootmisc/udev), a
# /lib/modules and /var/git to remove, and /bin/sh -> /usr/bin/busybox (static, in the stage) so a RUN has a
# shell. boxer detects OpenRC from etc/runlevels + etc/rc.conf and runs its default openrc-server recipe; the
# Dockerfile RUNs do the same edits with busybox.
#
# Cold starts: each path's images are removed after it (docker rmi -f, then `docker image prune -f` limited to
# the label boxer-bench=1 so other users' dangling images survive) and every docker build runs with --no-cache.
# `docker builder prune` is not run: it clears the BuildKit cache of everyone on the machine, and the legacy
# builder used here does not use that cache.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
stage="$(readlink -f "${1:-$root/bench/out/stage-1g.tar.xz}")"
work="$root/bench/out/docker"
label="boxer-bench=1"
export DOCKER_BUILDKIT=0

die() { echo "run.sh: $*" >&2; exit 1; }
[[ -f "$stage" ]] || die "no stage3 at $stage; make it: dotnet run -c Release --project bench/Boxer.Bench -- import --runs 1"
[[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"
[[ -x /bin/busybox ]] || die "/bin/busybox is missing (apt-get install busybox-static)"
docker info >/dev/null 2>&1 || die "docker engine not reachable (is dockerd running? may this user use its socket?)"
mkdir -p "$work"

# ---- the bench stage: a small /etc etc. in front of the generated stage3 -------------------------------------
make_prefix() {
  local d="$work/prefix"
  rm -rf "$d" && mkdir -p "$d"/{etc/init.d,etc/runlevels/{boot,sysinit,default},bin,lib/modules/6.1.0,var/git/meta-repo}
  printf '# Global OpenRC configuration\n#rc_parallel="NO"\n#rc_sys=""\n' > "$d/etc/rc.conf"
  printf 'id:3:initdefault:\nsi::sysinit:/sbin/openrc sysinit\nrc::bootwait:/sbin/openrc boot\nl3:3:wait:/sbin/openrc default\n' > "$d/etc/inittab"
  for n in 1 2 3 4 5 6; do printf 'c%s:12345:respawn:/sbin/agetty 38400 tty%s linux\n' "$n" "$n" >> "$d/etc/inittab"; done
  printf '/dev/sda1 / ext4 noatime 0 1\n' > "$d/etc/fstab"
  local link
  for link in boot/sysctl boot/hostname boot/loopback boot/bootmisc sysinit/udev default/sshd; do
    printf '#!/sbin/openrc-run\ndepend() {\n\tneed localmount\n}\n' > "$d/etc/init.d/${link#*/}"
    chmod 755 "$d/etc/init.d/${link#*/}"
    ln -s "/etc/init.d/${link#*/}" "$d/etc/runlevels/$link"
  done
  ln -s /usr/bin/busybox "$d/bin/sh"
  printf 'kernel/x.ko:\n' > "$d/lib/modules/6.1.0/modules.dep"
  printf 'meta-repo\n' > "$d/var/git/meta-repo/README"
  # -b1: the archive ends with exactly two zero blocks, which head drops so the stage's tar follows on.
  tar --format=posix --numeric-owner --owner=0 --group=0 -b1 -C "$d" -cf - etc bin lib var | head -c -1024 | xz -6
}
bench_stage="$work/stage-bench.tar.xz"
if [[ ! -f "$bench_stage" || "$stage" -nt "$bench_stage" ]]; then
  { make_prefix; cat "$stage"; } > "$bench_stage.tmp" && mv "$bench_stage.tmp" "$bench_stage"
fi

# ---- the bootstrap image (stands in for the original's Alpine): busybox + GNU tar + xz and their libraries ----
make_bootstrap() {
  local d="$work/bootstrap" bin lib
  rm -rf "$d" && mkdir -p "$d/bin" "$d/tmp"
  cp /bin/busybox "$d/bin/busybox"
  for applet in $(/bin/busybox --list); do [[ -e "$d/bin/$applet" ]] || ln -s busybox "$d/bin/$applet"; done
  # busybox sh runs its own applets before PATH, so the Dockerfile calls /bin/tar by path; GNU tar execs xz via PATH.
  rm -f "$d/bin/tar" "$d/bin/xz"
  for bin in /usr/bin/tar /usr/bin/xz; do
    cp "$bin" "$d/bin/"
    for lib in $(ldd "$bin" | grep -o '/[^ ]*'); do mkdir -p "$d$(dirname "$lib")" && cp -L "$lib" "$d$lib"; done
  done
  tar -C "$d" -cf - . | docker import -c 'ENV PATH=/bin' -c "LABEL $label" - bench-bootstrap >/dev/null
}
make_bootstrap

finalize='B=/usr/bin/busybox; set -e
$B sed -i -e "s/^#\{0,1\}rc_sys=.*/rc_sys=\"docker\"/" /etc/rc.conf
$B ln -sfn ../usr/share/zoneinfo/UTC /etc/localtime
: > /etc/fstab
$B sed -i -E "s/^(c[0-9]+:)/#\1/" /etc/inittab
$B rm -rf /usr/src/linux* /lib/modules/* /usr/lib/modules/* /var/git/*
for s in boot/sysctl boot/hostname boot/loopback boot/bootmisc sysinit/udev; do $B rm -f /etc/runlevels/$s; done
$B mkdir -p /run/lock'
# One RUN, one command per line, joined by ; so a failing edit fails the build (set -e).
run_line="RUN $(printf '%s' "$finalize" | sed 's/$/; \\/' | sed '$ s/; \\$//')"

ctx_orig="$work/ctx-original" ctx_imp="$work/ctx-import"
rm -rf "$ctx_orig" "$ctx_imp" && mkdir -p "$ctx_orig" "$ctx_imp"
ln "$bench_stage" "$ctx_orig/stage.tar.xz" 2>/dev/null || cp "$bench_stage" "$ctx_orig/stage.tar.xz"
cat > "$ctx_orig/Dockerfile" <<EOF
FROM bench-bootstrap AS builder
LABEL $label
COPY stage.tar.xz /stage.tar.xz
RUN mkdir /rootfs && /bin/tar --xattrs --xattrs-include='*' --numeric-owner -xpJf /stage.tar.xz -C /rootfs
FROM scratch
LABEL $label
COPY --from=builder /rootfs/ /
SHELL ["/usr/bin/busybox", "sh", "-c"]
$run_line
ENTRYPOINT ["/sbin/init"]
EOF
cat > "$ctx_imp/Dockerfile" <<EOF
FROM bench-imported
LABEL $label
SHELL ["/usr/bin/busybox", "sh", "-c"]
$run_line
ENTRYPOINT ["/sbin/init"]
EOF

# ---- measuring ---------------------------------------------------------------------------------------------
dockerd_ticks() {
  local pid; pid="$(pidof dockerd 2>/dev/null | awk '{print $1}')" || true
  [[ -n "$pid" && -r "/proc/$pid/stat" ]] || { echo 0; return; }
  awk '{print $14 + $15}' "/proc/$pid/stat"
}
declare -A wall cpu dcpu size
hz="$(getconf CLK_TCK)"
measure() { # NAME COMMAND...: runs it under GNU time, records wall, CPU (user+sys incl. children), dockerd CPU
  local name="$1"; shift
  local tf="$work/time.$name" log="$work/log.$name" before after
  before="$(dockerd_ticks)"
  if ! /usr/bin/time -f '%e %U %S' -o "$tf" "$@" > "$log" 2>&1; then
    echo "$name: FAILED (see $log):" >&2; tail -n 15 "$log" >&2
    wall[$name]=0; cpu[$name]=0; dcpu[$name]=0; return 0
  fi
  after="$(dockerd_ticks)"
  read -r w u s < "$tf"
  wall[$name]="$w"; cpu[$name]="$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')"
  dcpu[$name]="$(awk -v a="$after" -v b="$before" -v hz="$hz" 'BEGIN{printf "%.2f", (a-b)/hz}')"
  printf '%-12s wall %8.2f s   cpu %7.2f s   dockerd cpu %7.2f s\n' "$name" "$w" "${cpu[$name]}" "${dcpu[$name]}"
}
image_size() { docker image inspect -f '{{.Size}}' "$1" 2>/dev/null || echo 0; }
clean() { # remove the given images, this bench's dangling intermediates and containers a failed RUN left behind
  docker rmi -f "$@" >/dev/null 2>&1 || true
  docker container prune -f --filter "label=$label" >/dev/null 2>&1 || true
  docker image prune -f --filter "label=$label" >/dev/null 2>&1 || true
}
clean bench-boxer bench-floor bench-original bench-import bench-imported

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')   load average: $(cut -d' ' -f1-3 /proc/loadavg)   cpus: $(nproc)"
echo "stage: $bench_stage ($(stat -c %s "$bench_stage") bytes)"
"$root/boxer" --version > /dev/null  # builds the Release host once, untimed

measure boxer "$root/boxer" docker --stage "$bench_stage" --tag bench-boxer
size[boxer]="$(image_size bench-boxer)"
docker save -o "$work/floor.tar" bench-boxer   # untimed: the engine's own archive of the same image
clean bench-boxer

measure floor docker load -i "$work/floor.tar"
clean bench-boxer   # docker save kept the tag

measure original docker build --no-cache -t bench-original "$ctx_orig"
size[original]="$(image_size bench-original)"
clean bench-original

measure import sh -c "docker import '$bench_stage' bench-imported && docker build --no-cache -t bench-import '$ctx_imp'"
size[import]="$(image_size bench-import)"
clean bench-import bench-imported

rm -f "$work/out.tar"
measure out "$root/boxer" docker --stage "$bench_stage" --out "$work/out.tar"
size[out]="$(stat -c %s "$work/out.tar")"
measure xzgzip sh -c "xz -dc '$bench_stage' | gzip -6 > /dev/null"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
clean bench-bootstrap

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (a > 0 && b > 0) printf "%.3f", a/b; else printf "n/a"}'; }
echo
echo "image sizes (docker image inspect .Size): boxer ${size[boxer]}  original ${size[original]}  import+RUN ${size[import]}   (--out archive: ${size[out]} bytes)"
echo "boxer/original       wall $(ratio "${wall[boxer]}" "${wall[original]}")   (target <= 0.5)"
echo "boxer/import+RUN     wall $(ratio "${wall[boxer]}" "${wall[import]}")   (target <= 0.8)"
echo "boxer/load-floor     wall $(ratio "${wall[boxer]}" "${wall[floor]}")"
echo "--out/(xz|gzip -6)   wall $(ratio "${wall[out]}" "${wall[xzgzip]}")   cpu $(ratio "${cpu[out]}" "${cpu[xzgzip]}")"
echo "boxer image <= original: $([[ ${size[boxer]} -le ${size[original]} ]] && echo yes || echo NO)   <= import+RUN: $([[ ${size[boxer]} -le ${size[import]} ]] && echo yes || echo NO)"
