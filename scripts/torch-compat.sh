#!/usr/bin/env bash
# TorchSharp compatibility layer for Linux systems whose libstdc++ predates GCC 13.
#
# TorchSharp-cpu's libLibTorchSharp.so needs GLIBCXX_3.4.32 (for std::ios_base_library_init()), which
# Debian 12 and Ubuntu 22.04 lack. Where the system libstdc++ has it, this script changes nothing and
# prints the system dotnet. Elsewhere it builds, once, a private runtime under .nasplatform/torch-compat/:
#   - a newer glibc, libstdc++ and libgcc_s (Debian 13 packages; Ubuntu 24.04 on Ubuntu), fetched with
#     `apt-get download` from the mirror this system's apt sources already use, through a private
#     source list, list and cache folder (the system's apt configuration and installed packages stay
#     untouched), and unpacked with `dpkg -x`;
#   - a private dotnet root: a copy of the `dotnet` muxer whose ELF interpreter and RPATH point at that
#     glibc/libstdc++, every other entry a symlink to the real installation.
# Everything started through that `dotnet` (builds, `dotnet nas.dll`, test hosts) then loads the newer
# libstdc++. Re-running is cheap: it only checks a state file.
#
# Usage: scripts/torch-compat.sh [--dotnet | --env | --needed]
#   --dotnet  (default) print the path of the dotnet to use
#   --env     print shell `export` lines (eval "$(scripts/torch-compat.sh --env)") that put that dotnet
#             first on PATH and set NASPLATFORM_DOTNET_HOST, which tests.runsettings reads
#   --needed  exit 0 if this system needs the layer, 1 if not; sets nothing up
# Environment:
#   NASPLATFORM_TORCH_COMPAT=0|1  force the layer off or on (default: on only where needed)
#   NASPLATFORM_SYSTEM_DOTNET     the dotnet to wrap (default: the first `dotnet` on PATH)
#   NASPLATFORM_COMPAT_MIRROR     the Debian/Ubuntu mirror URL to fetch from (default: the system's own)
set -euo pipefail

readonly required_version=GLIBCXX_3.4.32
readonly layout_version=1
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
readonly repo_root
readonly compat_dir="$repo_root/.nasplatform/torch-compat"

log() { printf 'torch-compat: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

mode=dotnet
case "${1:-}" in
  '' | --dotnet) mode=dotnet ;;
  --env) mode='env' ;;
  --needed) mode=needed ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown option '$1' (use --dotnet, --env, --needed or --help)" ;;
esac

# The real dotnet muxer, never our own patched copy (which may come first on PATH after --env).
find_system_dotnet() {
  local candidate resolved
  local -a candidates=()
  if [[ -n ${NASPLATFORM_SYSTEM_DOTNET:-} ]]; then
    candidates+=("$NASPLATFORM_SYSTEM_DOTNET")
  else
    mapfile -t candidates < <(type -ap dotnet 2>/dev/null || true)
    [[ -n ${DOTNET_ROOT:-} ]] && candidates+=("$DOTNET_ROOT/dotnet")
    candidates+=("$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet)
  fi
  for candidate in "${candidates[@]}"; do
    [[ -x $candidate ]] || continue
    resolved=$(readlink -f "$candidate")
    [[ $resolved == "$compat_dir"/* ]] && continue
    printf '%s\n' "$resolved"
    return 0
  done
  return 1
}

# The libstdc++ the dynamic loader would give a process on this system.
find_system_libstdcxx() {
  local path
  for path in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libstdc++.so.6 \
    /usr/lib64/libstdc++.so.6 /lib64/libstdc++.so.6; do
    [[ -e $path ]] && {
      printf '%s\n' "$path"
      return 0
    }
  done
  path=$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null) |
    awk '$1 == "libstdc++.so.6" && /x86-64/ { print $NF; exit }')
  [[ -n $path ]] && printf '%s\n' "$path"
}

compat_needed() {
  case ${NASPLATFORM_TORCH_COMPAT:-} in
    0) return 1 ;;
    1) return 0 ;;
  esac
  # TorchSharp-cpu ships Linux natives for x86-64 only; elsewhere there is nothing to fix here.
  [[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] || return 1
  local libstdcxx
  libstdcxx=$(find_system_libstdcxx) || true
  [[ -n $libstdcxx ]] || return 1
  ! grep -qaF "$required_version" "$libstdcxx"
}

print_result() {
  local dotnet=$1
  if [[ $mode == env ]]; then
    printf 'export NASPLATFORM_DOTNET_HOST=%q\n' "$dotnet"
    if [[ $dotnet == "$compat_dir"/* ]]; then
      # shellcheck disable=SC2016 # $PATH is for the shell that evaluates this line.
      printf 'export PATH=%q:"$PATH"\n' "$(dirname "$dotnet")"
    fi
  else
    printf '%s\n' "$dotnet"
  fi
}

if ! compat_needed; then
  [[ $mode == needed ]] && exit 1
  system_dotnet=$(find_system_dotnet) || die "no dotnet found: install the .NET 10 SDK (https://dot.net)"
  print_result "$system_dotnet"
  exit 0
fi
[[ $mode == needed ]] && exit 0

system_dotnet=$(find_system_dotnet) || die "no dotnet found: install the .NET 10 SDK (https://dot.net)"
system_root=$(dirname "$system_dotnet")
[[ $compat_dir != *:* ]] || die "the repository path '$repo_root' contains ':', which cannot appear in an RPATH"

# Everything the built layer depends on; a change (new SDK, moved repository) rebuilds what is affected.
state_key() {
  printf 'layout=%s\ncompat_dir=%s\ndotnet=%s\n' "$layout_version" "$compat_dir" "$system_dotnet"
  stat -c 'muxer=%s %Y %i' "$system_dotnet"
  printf 'entries=%s\n' "$(cd "$system_root" && printf '%s ' *)"
}

private_dotnet="$compat_dir/dotnet/dotnet"
state_file="$compat_dir/state"
layer_ready() {
  [[ -x $private_dotnet && -d $compat_dir/sysroot && -f $state_file && "$(cat "$state_file")" == "$(state_key)" ]]
}
if layer_ready; then
  print_result "$private_dotnet"
  exit 0
fi

mkdir -p "$compat_dir"
if command -v flock >/dev/null; then
  exec 9>"$compat_dir/lock"
  flock 9
  # Another process may have finished the set-up while this one waited.
  if layer_ready; then
    print_result "$private_dotnet"
    exit 0
  fi
fi

started=$SECONDS
log "this system's libstdc++ lacks $required_version, which TorchSharp's native library needs;"
log "setting up a private glibc/libstdc++ and dotnet under ${compat_dir#"$repo_root"/} (once, a few seconds)"

if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
  die "apt-get and dpkg are needed to fetch a newer libstdc++; on this distribution install GCC 13 or newer's libstdc++ (it provides $required_version) instead"
fi

# Which newer release to borrow the runtime libraries from, through the mirror this system already uses.
read -r os_family system_suite < <(
  . /etc/os-release 2>/dev/null || true
  if [[ " ${ID:-} ${ID_LIKE:-} " == *" ubuntu "* ]]; then
    echo "ubuntu ${UBUNTU_CODENAME:-${VERSION_CODENAME:-}}"
  else
    echo "debian ${VERSION_CODENAME:-}"
  fi
)
if [[ $os_family == ubuntu ]]; then
  suite=noble
  keyring=/usr/share/keyrings/ubuntu-archive-keyring.gpg
else
  suite=trixie
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
fi

# The first binary-package URI this system's apt sources use for its own release (one-line and deb822 formats).
system_mirror() {
  local suite=$1 file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -r $file ]] || continue
    awk -v suite="$suite" '
      /^[[:space:]]*deb[[:space:]]/ {
        sub(/^[[:space:]]*deb[[:space:]]+/, "")
        if ($0 ~ /^\[/) sub(/^\[[^]]*\][[:space:]]*/, "")
        if ($2 == suite) { print $1; exit }
      }' "$file"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -r $file ]] || continue
    awk -v suite="$suite" '
      function flush(   n, i, s, u) {
        if (types ~ /(^|[[:space:]])deb([[:space:]]|$)/ && tolower(enabled) != "no") {
          n = split(suites, s, /[[:space:]]+/)
          for (i = 1; i <= n; i++) if (s[i] == suite) { split(uris, u, /[[:space:]]+/); print u[1]; found = 1; exit }
        }
        types = uris = suites = enabled = ""
      }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      { key = tolower($1); value = $0; sub(/^[^:]*:[[:space:]]*/, "", value); sub(/[[:space:]]+$/, "", value) }
      key == "types:" { types = value }
      key == "uris:" { uris = value }
      key == "suites:" { suites = value }
      key == "enabled:" { enabled = value }
      END { if (!found) flush() }' "$file"
  done
}
mirror=${NASPLATFORM_COMPAT_MIRROR:-}
if [[ -z $mirror && -n $system_suite ]]; then
  mirror=$(system_mirror "$system_suite" | head -n1)
fi
[[ -n $mirror ]] ||
  die "found no apt source for this system's release ('${system_suite:-unknown}') to fetch $suite's libraries from; set NASPLATFORM_COMPAT_MIRROR to a mirror URL of that distribution"
components=main
[[ -r $keyring ]] || die "missing $keyring (install the ${keyring##*/} package's archive keyring)"

packages=(libc6 libstdc++6 libgcc-s1)
need_patchelf=false
if ! command -v patchelf >/dev/null; then
  # Borrow patchelf from the same release too; it then runs on the borrowed glibc, so no root is needed.
  need_patchelf=true
  packages+=(patchelf)
fi

debs_dir="$compat_dir/debs"
have_all_debs() {
  local package
  for package in "$@"; do
    compgen -G "$debs_dir/${package}_*.deb" >/dev/null || return 1
  done
}

if ! have_all_debs "${packages[@]}"; then
  apt_dir="$compat_dir/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/empty" "$debs_dir"
  : >"$apt_dir/status"
  printf 'deb [signed-by=%s] %s %s %s\n' "$keyring" "$mirror" "$suite" "$components" >"$apt_dir/sources.list"
  apt_options=(
    -o "Dir::Etc::SourceList=$apt_dir/sources.list"
    -o "Dir::Etc::SourceParts=$apt_dir/empty"
    -o "Dir::Etc::Preferences=$apt_dir/empty/none"
    -o "Dir::Etc::PreferencesParts=$apt_dir/empty"
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::State::status=$apt_dir/status"
    -o "Dir::Cache=$apt_dir/cache"
    -o "Dir::Cache::archives=$apt_dir/cache/archives"
    -o "Acquire::Languages=none"
    -o "APT::Architecture=amd64"
    -o "APT::Architectures=amd64"
  )
  # As root apt downloads as the `_apt` user, which cannot write into this folder.
  [[ $(id -u) == 0 ]] && apt_options+=(-o "APT::Sandbox::User=root")
  apt_log="$apt_dir/apt.log"
  log "fetching ${packages[*]} from $suite ($mirror)"
  apt-get "${apt_options[@]}" -q update >"$apt_log" 2>&1 ||
    {
      cat "$apt_log" >&2
      die "apt-get update of the private $suite source list failed (see above)"
    }
  (cd "$debs_dir" && rm -f ./*.deb && apt-get "${apt_options[@]}" -q download "${packages[@]}") >>"$apt_log" 2>&1 ||
    {
      cat "$apt_log" >&2
      die "apt-get download ${packages[*]} from $suite failed (see above)"
    }
  # The package lists (~30 MB) are only needed to download; the .deb files are kept for re-runs.
  rm -rf "$apt_dir"
fi

sysroot="$compat_dir/sysroot"
rm -rf "$sysroot.tmp"
mkdir -p "$sysroot.tmp"
for package in "${packages[@]}"; do
  for deb in "$debs_dir/${package}"_*.deb; do
    dpkg -x "$deb" "$sysroot.tmp"
  done
done

libstdcxx=$(find "$sysroot.tmp" -name 'libstdc++.so.6' | head -n1)
[[ -n $libstdcxx ]] || die "libstdc++.so.6 not found in the downloaded libstdc++6 package"
grep -qaF "$required_version" "$libstdcxx" || die "the downloaded libstdc++ lacks $required_version too"
lib_rel=$(dirname "${libstdcxx#"$sysroot.tmp/"}")
[[ -e $sysroot.tmp/$lib_rel/libc.so.6 && -e $sysroot.tmp/$lib_rel/ld-linux-x86-64.so.2 ]] ||
  die "the downloaded libc6 does not have libc.so.6 and ld-linux-x86-64.so.2 in $lib_rel"
rm -rf "$sysroot"
mv "$sysroot.tmp" "$sysroot"
lib_dir="$sysroot/$lib_rel"
interpreter="$lib_dir/ld-linux-x86-64.so.2"

if $need_patchelf; then
  patchelf=("$interpreter" --library-path "$lib_dir" "$sysroot/usr/bin/patchelf")
else
  patchelf=(patchelf)
fi

private_root="$compat_dir/dotnet"
rm -rf "$private_root.tmp"
mkdir -p "$private_root.tmp"
for entry in "$system_root"/* "$system_root"/.[!.]*; do
  [[ -e $entry ]] || continue
  name=${entry##*/}
  if [[ $name == dotnet ]]; then
    cp "$entry" "$private_root.tmp/dotnet"
  else
    ln -s "$entry" "$private_root.tmp/$name"
  fi
done
# DT_RPATH (not RUNPATH) so that it also applies to the libraries the muxer loads (hostfxr, coreclr, ...).
"${patchelf[@]}" --set-interpreter "$interpreter" --force-rpath --set-rpath "$lib_dir" "$private_root.tmp/dotnet"
"$private_root.tmp/dotnet" --list-runtimes >/dev/null 2>&1 ||
  die "the patched dotnet in $private_root.tmp does not start: $("$private_root.tmp/dotnet" --list-runtimes 2>&1 | head -n3)"
rm -rf "$private_root"
mv "$private_root.tmp" "$private_root"
state_key >"$state_file"
log "ready in $((SECONDS - started)) s: $private_dotnet"
print_result "$private_dotnet"
