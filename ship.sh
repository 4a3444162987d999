#!/usr/bin/env bash
# Makes boxer's install artifacts (README "Install"), for users without a clone and for CI jobs:
#
#   ./ship.sh tool          artifacts/tool/boxer.<version>.nupkg, a .NET tool:
#                             dotnet tool install --global boxer --add-source artifacts/tool
#   ./ship.sh linux-x64     artifacts/boxer-<version>-linux-x64.tar.gz: a self-contained single-file boxer
#   ./ship.sh linux-arm64   (runs with no .NET installed), its plugins, the shipped recipes and a README
#   ./ship.sh               all three
#   ./ship.sh --out DIR ... writes to DIR instead of artifacts/ (the specs build into their own temp dir)
#
# Extra MSBuild arguments after `--` go to every build, e.g. ./ship.sh tool -- -p:Version=1.1.0.
# SOURCE_DATE_EPOCH (default: the last commit's time) sets the archives' entry times.
# (pack.sh stays the plugin-author feed of Boxer.Abstractions and Boxer.Formats; this one packs the application.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

kinds=()
msbuild=()
out="$root/artifacts"
while (($#)); do
  case $1 in
    --out) out="$(realpath -m "$2")"; shift ;;
    --) shift; msbuild=("$@"); break ;;
    tool | linux-x64 | linux-arm64) kinds+=("$1") ;;
    *) echo "ship.sh: unknown artifact '$1' (tool, linux-x64, linux-arm64)" >&2; exit 2 ;;
  esac
  shift
done
((${#kinds[@]})) || kinds=(tool linux-x64 linux-arm64)

host="$root/src/Boxer.Host/Boxer.Host.csproj"
work="$out/ship-work"
version="$(dotnet msbuild "$host" -getProperty:Version "${msbuild[@]}")"
epoch="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1700000000)}"
rm -rf "$work"
mkdir -p "$work/plugins" "$out"

# The in-tree plugins, built as ./boxer builds them (each copies itself to the host's bin/Release/.../plugins).
for project in "$root"/plugins/*/*.csproj; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary "${msbuild[@]}"
  name="$(basename "$project" .csproj)"
  cp -a "$root/src/Boxer.Host/bin/Release/net10.0/plugins/$name" "$work/plugins/$name"
done

for kind in "${kinds[@]}"; do
  case $kind in
    tool)
      rm -f "$out/tool/boxer.$version.nupkg"
      dotnet pack "$host" -c Release -o "$out/tool" --nologo -v quiet -clp:NoSummary \
        -p:BoxerPackTool=true -p:BoxerPluginsDir="$work/plugins" "${msbuild[@]}"
      echo "$out/tool/boxer.$version.nupkg"
      ;;
    linux-*)
      name="boxer-$version-$kind"
      publish="$work/$name"
      # Single file with everything self-extracting on first run: Roslyn compiles recipes against the framework
      # assemblies as files on disk, and plugins bind to files too. Invariant globalization: no ICU needed.
      # No ReadyToRun: crossgen of Roslyn takes many minutes and start-up gained little (README "Install").
      dotnet publish "$host" -c Release -r "$kind" --self-contained -o "$publish" --nologo -v quiet -clp:NoSummary \
        -p:PublishSingleFile=true -p:IncludeAllContentForSelfExtract=true \
        -p:DebugType=none -p:BoxerPluginsDir="$work/plugins" "${msbuild[@]}"
      cp "$root/ship/README.archive.md" "$publish/README.md"
      tar -C "$work" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" --format=gnu \
        -cf - "$name" | gzip -9n > "$out/$name.tar.gz"
      echo "$out/$name.tar.gz"
      ;;
  esac
done
rm -rf "$work"
