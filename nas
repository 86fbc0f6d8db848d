#!/usr/bin/env bash
# Runs the nas CLI: prepares the TorchSharp compatibility layer where this system needs it
# (scripts/torch-compat.sh), builds the CLI and its plugins when sources changed, then runs
# `dotnet artifacts/bin/nas/nas.dll ARGS` and passes its exit code through. Build output goes to
# stderr, and only when the build fails.
set -euo pipefail
nas_tool=nas
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/scripts/dotnet-env.sh"

out_dir="$nas_repo_root/artifacts/bin/nas"
stamp="$out_dir/.nas-build-stamp"

source_roots=()
for root in src plugins examples schemas Directory.Build.props Directory.Packages.props; do
  [[ -e $nas_repo_root/$root ]] && source_roots+=("$root")
done

# What the build reads: sources, project files, plugin manifests, schemas, the dashboard's page. Run
# outputs kept beside an experiment (stores, <store>-artifacts/, -final/, -report/ folders) are not
# sources, and neither are experiment files under examples/ (only an example plugin's plugin.json is):
# writing them must not make the next ./nas rebuild the CLI under a running process.
source_files() {
  find "${source_roots[@]}" \( -name bin -o -name obj -o -name node_modules -o -name '*-artifacts' -o -name '*-final' -o -name '*-report' \) -prune -o \
    \( -path 'examples/*' -name '*.json' ! -name plugin.json \) -prune -o \
    -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' \
    -o -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.resx' \) "$@"
}

# The source files, so that a file added or deleted counts as a change too.
source_listing() {
  (cd "$nas_repo_root" && source_files -print | LC_ALL=C sort | cksum)
}

sources_changed() {
  [[ -f $out_dir/nas.dll && -f $stamp ]] || return 0
  local newer
  newer=$(cd "$nas_repo_root" && source_files -newer "$stamp" -print -quit)
  [[ -n $newer || "$(source_listing)" != "$(cat "$stamp")" ]]
}

build_cli() {
  local log started
  mkdir -p "$out_dir"
  log="$nas_repo_root/artifacts/nas-build.log"
  if [[ ! -f $out_dir/nas.dll ]]; then
    nas_say "first use: building the CLI and plugins (src/NasPlatform.Cli) into artifacts/bin/nas, about a minute"
  else
    nas_say "sources changed: rebuilding the CLI"
  fi
  # Stamped with the time the build started, so an edit made during the build triggers the next one.
  started=$(mktemp "$out_dir/.nas-build-stamp.XXXXXX")
  source_listing >"$started"
  if ! "$NASPLATFORM_DOTNET_HOST" build "$nas_repo_root/src/NasPlatform.Cli/NasPlatform.Cli.csproj" \
    -nologo -v quiet -clp:NoSummary >"$log" 2>&1; then
    rm -f "$started"
    cat "$log" >&2
    nas_die "the build failed (output above, also in artifacts/nas-build.log)"
  fi
  mv -f "$started" "$stamp"
}

nas_require_sdk
nas_use_dotnet
if sources_changed; then
  mkdir -p "$out_dir"
  exec 8>"$out_dir/.nas-build.lock"
  command -v flock >/dev/null && flock 8
  # Another ./nas may have built while this one waited for the lock.
  if sources_changed; then
    build_cli
  fi
  exec 8>&-
fi
exec "$NASPLATFORM_DOTNET_HOST" "$out_dir/nas.dll" "$@"
