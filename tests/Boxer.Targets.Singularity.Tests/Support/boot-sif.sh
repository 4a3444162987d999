#!/bin/bash
# Boots a SIF's partition the way `singularity instance start --boot --writable-tmpfs` does, without
# Singularity: the squashfs mounted read-only at its offset, a tmpfs overlay on top, a private tmpfs /dev
# whose console is a FIFO drained into a log (a plain file would be overwritten by every new open), and
# /sbin/init as PID 1 in new PID/mount/UTS/net/IPC namespaces. Every check looks only at THAT system: its
# init is found as the child of our unshare, its state is read through /proc/INIT/root, and rc-status runs
# inside its namespaces and root (nsenter). Waits until OpenRC's default runlevel change is over, runs
# rc-status, then stops it with SIGINT as `instance stop` does. Leaves in WORKDIR: console.log, init.stdout,
# init.stderr (init's own streams), rc-status.out, rc-status.err; prints softlevel= and stopped=.
# With OVERLAY_OFFSET and OVERLAY_SIZE, the SIF's ext3 overlay partition is mounted read-write at its offset
# and its upper/ and work/ are the overlayfs upperdir and workdir, as `instance start --writable` uses them.
# With BOOT_SIF_RUN set, that shell command runs inside the booted system after rc-status (run.out, run.err).
# Usage: boot-sif.sh SIF OFFSET SIZE WORKDIR [OVERLAY_OFFSET OVERLAY_SIZE]. Needs root.
set -u
sif=$1 offset=$2 size=$3 work=$4 overlay_offset=${5:-} overlay_size=${6:-}
cleanup() {
  [ -n "${upid:-}" ] && kill -KILL "$upid" 2>/dev/null
  [ -n "${reader:-}" ] && kill "$reader" 2>/dev/null
  # Wait until nothing holds the mounts: the ext3 must be unmounted for real (not lazily) before a next boot
  # mounts the same partition again.
  wait 2>/dev/null
  for m in "$work/root/dev" "$work/root" "$work/upper" "$work/lower"; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
  done
  # The booted system's mount namespace (and with it the ext3) lives until its last process is gone, which the
  # kernel finishes after init's death; its loop device detaches only then. Wait for that, so that a next
  # boot never mounts the partition while this one's journal is still live.
  if [ -n "$overlay_offset" ]; then
    for _ in $(seq 60); do
      [ -z "$(losetup -j "$sif" -o "$overlay_offset" 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
}
trap cleanup EXIT
mkdir -p "$work/lower" "$work/upper" "$work/root"
mount -t squashfs -o "loop,ro,offset=$offset,sizelimit=$size" "$sif" "$work/lower" || exit 2
if [ -n "$overlay_offset" ]; then
  mount -t ext3 -o "loop,offset=$overlay_offset,sizelimit=$overlay_size" "$sif" "$work/upper" || exit 2
  upperdir=$work/upper/upper workdir=$work/upper/work
else
  mount -t tmpfs tmpfs "$work/upper" && mkdir -p "$work/upper/u" "$work/upper/w"
  upperdir=$work/upper/u workdir=$work/upper/w
fi
mount -t overlay overlay -o "lowerdir=$work/lower,upperdir=$upperdir,workdir=$workdir" "$work/root" || exit 2
mount -t tmpfs -o mode=755 tmpfs "$work/root/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
  IFS=: read -r name major minor <<<"$node"
  mknod -m 666 "$work/root/dev/$name" c "$major" "$minor"
done
mkdir -p "$work/root/dev/pts" "$work/root/dev/shm"
: >"$work/console.log"
mkfifo -m 600 "$work/root/dev/console"
# read-write open: the reader never sees end-of-file when a writer closes
cat <>"$work/root/dev/console" >>"$work/console.log" &
reader=$!
unshare --fork --kill-child --pid --mount --uts --net --ipc --mount-proc="$work/root/proc" \
  chroot "$work/root" /sbin/init </dev/null >"$work/init.stdout" 2>"$work/init.stderr" &
upid=$!
init=""
state() { cat "/proc/$init/root/run/openrc/$1" 2>/dev/null; }
for _ in $(seq 240); do
  # unshare --fork has one child, which execs chroot and then /sbin/init: PID 1 of the new namespace.
  init=${init:-$(head -n1 "/proc/$upid/task/$upid/children" 2>/dev/null | cut -d' ' -f1)}
  # openrc writes the softlevel, makes rc.starting, starts the runlevel and removes rc.starting.
  if [ -n "$init" ] && [ "$(state softlevel)" = default ] && [ -d "/proc/$init/root/run/openrc" ] \
     && [ ! -e "/proc/$init/root/run/openrc/rc.starting" ]; then
    break
  fi
  sleep 0.5
done
echo "softlevel=$(state softlevel)"
if [ -n "$init" ]; then
  nsenter --target "$init" --mount --pid --uts --ipc --net --root --wd -- rc-status --nocolor \
    >"$work/rc-status.out" 2>"$work/rc-status.err" </dev/null
  if [ -n "${BOOT_SIF_RUN:-}" ]; then
    nsenter --target "$init" --mount --pid --uts --ipc --net --root --wd -- /bin/sh -c "$BOOT_SIF_RUN" \
      >"$work/run.out" 2>"$work/run.err" </dev/null
  fi
  kill -INT "$init"
fi
for _ in $(seq 60); do
  kill -0 "$upid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$upid" 2>/dev/null; then echo "stopped=no"; else echo "stopped=yes"; fi
# let the console reader drain what the shutdown wrote
sleep 0.5
