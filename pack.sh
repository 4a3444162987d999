#!/usr/bin/env bash
# Packs the plugin-facing libraries (Boxer.Abstractions, Boxer.Formats) into a local NuGet feed,
# artifacts/packages, so a target plugin can be built outside this repository against them:
#   ./pack.sh && dotnet build my-plugin --source "$PWD/artifacts/packages" --source https://api.nuget.org/v3/index.json
# Pass extra MSBuild arguments through, e.g. ./pack.sh -p:Version=1.1.0
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
feed="$root/artifacts/packages"
mkdir -p "$feed"
for project in src/Boxer.Abstractions src/Boxer.Formats; do
  dotnet pack "$root/$project" -c Release -o "$feed" --nologo -v quiet "$@"
done
ls -1 "$feed"
