#!/usr/bin/env bash
# Split LXD image from a stage3: `boxer lxd` (this plugin) against what a person scripts today,
#   tar -xpf (as root, xattrs, numeric owners) + mksquashfs -comp gzip + tar -cJf metadata.tar.xz,
# in the same run on the same machine. Both skip finalization (--recipe none) to compare conversion only.
#   samples/Boxer.Targets.Lxd/bench.sh STAGE3 [PLUGINS_ROOT]
# PLUGINS_ROOT holds Boxer.Targets.Lxd/ (default: build it as docs/writing-a-target.md says, into a temp dir).
# Needs root (tar -xp keeps owners and devices only as root), squashfs-tools, xz-utils, GNU time not needed.
set -euo pipefail
stage=$(readlink -f "$1")
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=$(mktemp -d /var/tmp/boxer-lxd-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
plugins=${2:-}
if [[ -z $plugins ]]; then
  plugins="$work/plugins"
  (cd "$root" && ./pack.sh >/dev/null && dotnet build samples/Boxer.Targets.Lxd -c Release -o "$plugins/Boxer.Targets.Lxd" -v quiet --nologo >/dev/null)
fi
"$root/boxer" --version >/dev/null   # builds the Release host once, outside the measurement

now() { date +%s.%N; }

mkdir -p "$work/boxer" "$work/script/root"
t0=$(now)
BOXER_PLUGIN_PATH=$plugins "$root/boxer" lxd --stage "$stage" --out "$work/boxer" --recipe none >/dev/null 2>&1
t1=$(now)
tar -xpf "$stage" -C "$work/script/root" --xattrs --xattrs-include='*' --numeric-owner
mksquashfs "$work/script/root" "$work/script/rootfs.squashfs" -comp gzip -noappend -quiet >/dev/null
tar -xJf "$work/boxer/metadata.tar.xz" -C "$work/script"
tar -cJf "$work/script/metadata.tar.xz" -C "$work/script" metadata.yaml templates
t2=$(now)

boxer_s=$(echo "$t1 - $t0" | bc)
script_s=$(echo "$t2 - $t1" | bc)
printf 'stage3: %s (%s MiB)\n' "$(basename "$stage")" $(( $(stat -c %s "$stage") >> 20 ))
printf 'boxer lxd:                     %6.1f s  rootfs.squashfs %s MiB\n' "$boxer_s" $(( $(stat -c %s "$work/boxer/rootfs.squashfs") >> 20 ))
printf 'tar -xpf + mksquashfs + tar:   %6.1f s  rootfs.squashfs %s MiB\n' "$script_s" $(( $(stat -c %s "$work/script/rootfs.squashfs") >> 20 ))
printf 'ratio (script / boxer):        %6.2f\n' "$(echo "$script_s / $boxer_s" | bc -l)"
