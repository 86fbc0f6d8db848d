# shellcheck shell=bash
# Sourced by ./nas, ./test.sh and .ci/run: finds the .NET 10 SDK and the dotnet to run through
# (the TorchSharp compatibility layer's where this system needs it, see scripts/torch-compat.sh).
# After nas_use_dotnet: $NASPLATFORM_DOTNET_HOST is that dotnet, exported (tests.runsettings starts test
# hosts with it) and first on PATH, so child processes that run `dotnet` get it too.

nas_repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

nas_die() {
  printf '%s: error: %s\n' "${nas_tool:-nas}" "$*" >&2
  exit 1
}

nas_say() {
  printf '%s: %s\n' "${nas_tool:-nas}" "$*" >&2
}

# Fails with a clear message unless a .NET 10 SDK is installed.
nas_require_sdk() {
  local dotnet sdks
  dotnet=$(command -v dotnet 2>/dev/null) || dotnet=${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}
  [[ -n $dotnet && -x $dotnet ]] ||
    nas_die "dotnet was not found. Install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux) and make sure 'dotnet' is on PATH."
  sdks=$("$dotnet" --list-sdks 2>/dev/null || true)
  grep -q '^10\.' <<<"$sdks" ||
    nas_die "the .NET 10 SDK is missing ('dotnet --list-sdks' shows: ${sdks:-nothing}). Install it: https://learn.microsoft.com/dotnet/core/install/linux"
}

# Sets up (once) and selects the dotnet to build and run through.
nas_use_dotnet() {
  local env
  env=$("$nas_repo_root/scripts/torch-compat.sh" --env) || nas_die "could not prepare the TorchSharp compatibility layer (see above)"
  eval "$env"
  export NASPLATFORM_DOTNET_HOST
  [[ -x ${NASPLATFORM_DOTNET_HOST:-} ]] || nas_die "scripts/torch-compat.sh gave no usable dotnet"
}
