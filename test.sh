#!/usr/bin/env bash
# Runs the whole test suite: the README's test command, and what .ci/run runs.
#
#   ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Import]
#
# Run it as root on Debian 12 with the packages .ci/run installs: the fixture generators need root
# (mknod, chown, setcap) and the tests compare against real tools (tar, getfattr, unsquashfs, skopeo,
# docker ...); a missing tool fails its test with the Debian package to install.
# Prints one closing line "N passed, N failed"; exits non-zero if anything failed or nothing ran.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

results=${BOXER_TEST_RESULTS:-$PWD/artifacts/test-results}
rm -rf "$results"
mkdir -p "$results"

dotnet test Boxer.sln --results-directory "$results" --logger "trx;LogFilePrefix=boxer" "$@" 2>&1 \
  | tee "$results/console.log"
status=${PIPESTATUS[0]}

# One "Passed!  - Failed: F, Passed: P, ..." or "Failed! - ..." line per test assembly.
read -r passed failed < <(
  grep -aoE '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$results/console.log" \
    | awk '{ gsub(",", ""); f += $4; p += $6 } END { print p + 0, f + 0 }'
)
echo "$passed passed, $failed failed"
if ((status != 0 || failed > 0 || passed == 0)); then
  exit 1
fi
