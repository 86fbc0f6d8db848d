#!/usr/bin/env bash
# Runs the whole default test suite exactly as CI does (.ci/run calls this): prepares the TorchSharp
# compatibility layer where this system needs it (scripts/torch-compat.sh), builds NasPlatform.sln,
# runs `dotnet test` on it without rebuilding, and ends with one line: `Tests: N passed, N failed, N skipped`.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Torch).
# Long tests are opt-in: NASPLATFORM_LONG_TESTS=1 ./test.sh (the tests read the variable).
set -euo pipefail
nas_tool=test.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/scripts/dotnet-env.sh"
cd "$nas_repo_root"
export DOTNET_NOLOGO=1

nas_require_sdk
source "$nas_repo_root/scripts/system-packages.sh"
nas_ensure_packages
nas_ensure_qdk
nas_use_dotnet
if [[ $NASPLATFORM_DOTNET_HOST == "$nas_repo_root"/.nasplatform/* ]]; then
  nas_say "building and testing through the TorchSharp compatibility dotnet ($NASPLATFORM_DOTNET_HOST)"
fi
if [[ ${NASPLATFORM_LONG_TESTS:-} == 1 ]]; then
  nas_say "NASPLATFORM_LONG_TESTS=1: long tests included"
fi

nas_say "building NasPlatform.sln"
if ! "$NASPLATFORM_DOTNET_HOST" build NasPlatform.sln -nologo -v quiet -clp:NoSummary; then
  nas_die "the build failed (see above); no tests were run"
fi

# Each test project writes its TRX file into its own TestResults folder (one shared folder would let
# two projects finishing in the same second overwrite each other's file); they are gathered afterwards.
results="$nas_repo_root/artifacts/test-results"
project_results() {
  find "$nas_repo_root" \( -path "$nas_repo_root/artifacts" -o -path "$nas_repo_root/.nasplatform" -o -name .git \
    -o -name bin -o -name obj \) -prune -o -type d -name TestResults -print | while read -r dir; do
    if compgen -G "$(dirname "$dir")/*.csproj" >/dev/null; then printf '%s\n' "$dir"; fi
  done
}
rm -rf "$results"
project_results | while read -r dir; do rm -rf "$dir"; done
nas_say "running the tests"
test_status=0
# Long tests (trait Category=Long) are left out unless NASPLATFORM_LONG_TESTS=1; a --filter given
# here is combined with that rule.
args=("$@")
if [[ ${NASPLATFORM_LONG_TESTS:-} != 1 ]]; then
  filtered=0
  for i in "${!args[@]}"; do
    if [[ ${args[$i]} == --filter && $((i + 1)) -lt ${#args[@]} ]]; then
      args[i + 1]="(${args[$((i + 1))]})&Category!=Long"
      filtered=1
    fi
  done
  ((filtered)) || args+=(--filter "Category!=Long")
fi
"$NASPLATFORM_DOTNET_HOST" test NasPlatform.sln --no-build -nologo --logger "trx;LogFilePrefix=tests" "${args[@]}" || test_status=$?
mkdir -p "$results"
project_results | while read -r dir; do
  mv "$dir" "$results/$(basename "$(dirname "$dir")")"
done
nas_say "TRX files gathered in artifacts/test-results"

# Sums the counters of every project's TRX file; skipped tests are those counted but not executed.
read -r passed failed skipped < <(
  find "$results" -name '*.trx' -print0 | xargs -0 -r cat | awk '
    /<Counters / {
      for (i = 1; i <= NF; i++) {
        if (split($i, kv, "=") == 2) { gsub(/[^0-9]/, "", kv[2]); count[kv[1]] += kv[2] }
      }
    }
    END {
      printf "%d %d %d\n", count["passed"], count["failed"] + count["error"] + count["timeout"] + count["aborted"], count["total"] - count["executed"]
    }'
)

if ((test_status != 0 && failed == 0)); then
  nas_say "dotnet test exited with $test_status although no test failed: a test host crashed or aborted (see above)"
fi
summary="Tests: $passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
((test_status == 0 && failed == 0))
