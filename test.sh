#!/usr/bin/env bash
# Runs the whole test suite: the README's test command, and what .ci/run runs.
#
#   ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Import]
#
# Run it as root on Debian 12 with the packages of .ci/debian-packages: the fixture generators need root
# (mknod, chown, setcap) and the tests compare against real tools (tar, getfattr, unsquashfs, skopeo,
# docker ...); a missing tool fails its test with the Debian package to install.
#
# Besides failed tests, the run fails when
#   - a test is skipped (it counts as failed in the closing line and is named above it);
#   - a test assembly of Boxer.sln runs no test (not checked with --filter, which may leave one empty);
#   - the suite leaves something behind: the tests run with TMPDIR set to a fresh folder that must be empty
#     afterwards, and new boxer* names in the temp folder or anything new under ~/.cache/boxer count too.
#     BOXER_TEST_SHARED_MACHINE=1 checks only that private folder, for a machine where other test runs write
#     the temp folder and ~/.cache/boxer at the same time (their files would be named as ours).
# Prints one closing line "N passed, N failed" (N failed includes skipped tests); exits non-zero if anything
# failed, was skipped or left behind, or nothing ran.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

results=${BOXER_TEST_RESULTS:-$PWD/artifacts/test-results}
rm -rf "$results"
mkdir -p "$results"

# --- leftovers: what the run adds to the temp folder and the recipe cache -------------------------------
temp_root=${TMPDIR:-/tmp}
user_cache="$HOME/.cache/boxer"
# .NET's own per-process files (debugger pipes, diagnostic sockets, MSBuild and NuGet scratch): not the suite's.
dotnet_own='^(clr-debug-pipe-|dotnet-diagnostic-|MSBuild|NuGetScratch|VBCSCompiler|\.dotnet|\.NETCore|CoreFxPipe_|system-commandline-sentinel-files)'
snapshot() {
  [[ ${BOXER_TEST_SHARED_MACHINE:-0} == 1 ]] && return
  # Only boxer* names outside our private folder: other jobs on a shared machine write the temp folder too.
  find "$temp_root" -mindepth 1 -maxdepth 1 -name 'boxer*' -printf 'temp: %p\n' 2>/dev/null
  if [[ -d $user_cache ]]; then
    find "$user_cache" -printf '~/.cache/boxer: %p\n' 2>/dev/null
  fi
}
before=$(snapshot | LC_ALL=C sort)
run_temp=$(mktemp -d "$temp_root/boxer-test-run.XXXXXX") || exit 1
# mktemp makes it 0700; the unprivileged-build specs run boxer as uid 65534 from a folder inside it.
chmod 0755 "$run_temp"

# Build with the usual TMPDIR (MSBuild nodes and the compiler server outlive the run and keep their TMPDIR),
# then run the tests, and only the tests, with the private one.
build_args=()
for ((i = 1; i <= $#; i++)); do
  case ${!i} in
    -c | --configuration | -f | --framework | -r | --runtime) build_args+=("${!i}") && ((i++)) && build_args+=("${!i}") ;;
    -c=* | --configuration=* | -p:* | --property:* | /p:*) build_args+=("${!i}") ;;
  esac
done
dotnet build Boxer.sln -v q -nologo "${build_args[@]}" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
if ((status == 0)); then
  TMPDIR=$run_temp dotnet test Boxer.sln --no-build --results-directory "$results" --logger "trx;LogFilePrefix=boxer" "$@" 2>&1 \
    | tee -a "$results/console.log"
  status=${PIPESTATUS[0]}
fi

leftovers=$(
  # `dotnet test` itself leaves two empty XXXXXX folders (Directory.CreateTempSubdirectory()) per run.
  find "$run_temp" -mindepth 1 -maxdepth 1 -regextype posix-extended ! \( -type d -empty -regex '.*/[A-Za-z0-9]{6}' \) -printf '%f\n' \
    | grep -vE "$dotnet_own" | sed "s|^|temp: $run_temp/|"
  comm -13 <(printf '%s\n' "$before") <(snapshot | LC_ALL=C sort) | grep -v "^temp: $run_temp\$"
)
rm -rf "$run_temp"

# --- counts, skipped tests and empty assemblies from the trx files (one per test assembly) --------------
trx_files=("$results"/*.trx)
[[ -e ${trx_files[0]} ]] || trx_files=()
counter() { # counter NAME: the sum of that <Counters> attribute over every trx file
  cat "${trx_files[@]}" /dev/null | grep -aoE "<Counters [^>]*" | grep -aoE " $1=\"[0-9]+\"" | grep -aoE '[0-9]+' \
    | awk '{ n += $1 } END { print n + 0 }'
}
passed=$(counter passed)
failed=$(($(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
skipped=$(cat "${trx_files[@]}" /dev/null | grep -aoE '<UnitTestResult [^>]*outcome="NotExecuted"' \
  | sed -E 's/.* testName="([^"]*)".*/\1/')
if [[ -n $skipped ]]; then
  echo "skipped (counted as failed):"
  sed 's/^/  /' <<<"$skipped"
fi
# xunit's skipped tests are outcome NotExecuted in the results but not in <Counters notExecuted>: total - executed.
not_run=$(($(counter total) - $(counter executed)))
named=$(grep -c . <<<"$skipped")
failed=$((failed + (not_run > named ? not_run : named)))

empty=
filtered=0
for arg in "$@"; do [[ $arg == --filter* ]] && filtered=1; done
if ((filtered == 0)); then
  # Every test project of Boxer.sln must report tests: an assembly that runs none proves nothing.
  for project in $(grep -aoE 'tests\\[^"\\]+\\[^"\\]+\.Tests\.csproj' Boxer.sln | sed -E 's/.*\\([^\\]+)\.csproj/\1/'); do
    dll=$(tr '[:upper:]' '[:lower:]' <<<"/$project.dll")
    ran=0
    for trx in "${trx_files[@]}"; do
      if grep -aqiF "$dll\"" "$trx"; then
        total=$(grep -aoE '<Counters [^>]*' "$trx" | grep -aoE ' total="[0-9]+"' | grep -aoE '[0-9]+')
        ran=$((ran + ${total:-0}))
      fi
    done
    ((ran > 0)) || empty+="  $project"$'\n'
  done
  if [[ -n $empty ]]; then
    echo "test assemblies that ran no test:"
    printf '%s' "$empty"
  fi
fi

if [[ -n $leftovers ]]; then
  echo "left behind by the suite (a test must remove what it makes):"
  sed 's/^/  /' <<<"$leftovers"
fi

echo "$passed passed, $failed failed"
if ((status != 0 || failed > 0 || passed == 0)) || [[ -n $empty || -n $leftovers ]]; then
  exit 1
fi
