#!/usr/bin/env bash
# Installs the Debian packages the test suite reads (sourced by ./test.sh and .ci/run):
# dataset-fashion-mnist (real Fashion-MNIST IDX files for the quantum classifier) and, for CI,
# patchelf (scripts/torch-compat.sh can borrow one, but the system's is one download less).
# chromium: the dashboard's browser test drives Debian's chromium (/usr/bin/chromium) through Playwright.
# redis-server: the cluster tests start one on loopback (Orleans membership for `nas worker`).
# psi4: the quantum plugin's molecules (and the chemistry tests, which check against psi4 itself).
# nodejs, npm: Microsoft's Quantum Development Kit (npm qsharp-lang, pinned by the quantum plugin's
# node/package-lock.json) runs on Node; nas_ensure_qdk installs the package with `npm ci` (no root).
# As root it installs with apt-get; otherwise through `sudo -n` when allowed; else it says what to run.

nas_ensure_packages() {
  local missing=()
  [[ -d /usr/share/datasets/fashion-mnist ]] || missing+=(dataset-fashion-mnist)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v redis-server >/dev/null || missing+=(redis-server)
  # The EDA plugin's flow (yosys, graywolf, qrouter via qflow) and the osu018 cells (a Recommends of qflow).
  [[ -d /usr/share/qflow/tech/osu018 ]] || missing+=(qflow qflow-tech-osu018)
  # The quantum plugin's molecules: psi4 computes RHF integrals (FCIDUMP) and FCI reference energies.
  command -v psi4 >/dev/null || missing+=(psi4)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  nas_install_packages "${missing[@]}"
}

# Installs the named Debian packages that are not installed yet (as root with apt-get, else through `sudo -n`,
# else says what to run). For packages no test needs, such as benchmarks' python3-torch: `nas_ensure_debian python3-torch`.
nas_ensure_debian() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  nas_install_packages "${missing[@]}"
}

nas_install_packages() {
  local missing=("$@") runner=()
  ((${#missing[@]} == 0)) && return 0
  if ! command -v apt-get >/dev/null; then
    echo "${nas_tool:-nas}: missing ${missing[*]} and no apt-get here; install them with your package manager" >&2
    return 0
  fi
  if ((EUID != 0)); then
    if sudo -n true 2>/dev/null; then runner=(sudo -n); else
      echo "${nas_tool:-nas}: missing ${missing[*]}; run: sudo apt-get install ${missing[*]} (tests that read them will fail until then)" >&2
      return 0
    fi
  fi
  echo "${nas_tool:-nas}: installing ${missing[*]} (apt-get)" >&2
  # Update the package lists only when the install cannot find the packages without it.
  if ! "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >/dev/null 2>&1; then
    "${runner[@]}" apt-get update -q </dev/null >/dev/null
    "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  fi
}

# Installs the pinned qsharp-lang where the quantum plugin looks for it (QdkInstallation.cs):
# $NASPLATFORM_QDK_HOME, else ${XDG_CACHE_HOME:-~/.cache}/nasplatform/qdk/qsharp-lang-VERSION, with `npm ci`.
nas_ensure_qdk() {
  local here src version home
  here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
  src="$here/../plugins/Quantum/NasPlatform.Plugins.Quantum/node"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "${nas_tool:-nas}: Node.js/npm missing; Microsoft's QDK (qsharp-lang) cannot be installed: sudo apt-get install nodejs npm" >&2
    return 0
  fi
  version="$(node -e 'console.log(require(process.argv[1]).dependencies["qsharp-lang"])' "$src/package.json")"
  home="${NASPLATFORM_QDK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/nasplatform/qdk/qsharp-lang-$version}"
  if [[ "$(node -e 'try{console.log(require(process.argv[1]).version)}catch{}' "$home/node_modules/qsharp-lang/package.json")" == "$version" ]]; then
    return 0
  fi
  echo "${nas_tool:-nas}: installing qsharp-lang $version (Microsoft's QDK) into $home (npm ci)" >&2
  mkdir -p "$home" && cp "$src/package.json" "$src/package-lock.json" "$home/" &&
    (cd "$home" && npm ci --no-audit --no-fund --loglevel=error </dev/null >/dev/null) ||
    echo "${nas_tool:-nas}: npm ci of qsharp-lang failed in $home; the QDK tests will fail until it is installed" >&2
}
