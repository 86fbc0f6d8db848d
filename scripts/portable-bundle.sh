#!/usr/bin/env bash
# Packs what `nas` needs to run on a Linux x64 machine that has no .NET and gets LibTorch elsewhere (for
# example a GPU machine with a CUDA PyTorch install; docs/gpu.md), as xz tarballs in OUT_DIR:
#   dotnet.tar.xz  the dotnet host and the Microsoft.NETCore.App runtime this SDK runs on;
#   nas.tar.xz     a Release build of the CLI with the plugins named in NAS_PLUGINS (default: Vision), without
#                  TorchSharp-cpu's LibTorch (the target machine's LibTorch is found through LD_LIBRARY_PATH);
#   data.tar.xz    with --data DIR: DIR's files, uncompressed inside (xz packs IDX images tighter than gzip).
# The bundle leaves out what searching and training never load: the chart natives (SkiaSharp, HarfBuzz) and
# Roslyn, and ASP.NET Core (the runtime config no longer asks for it), so `nas report` charts and `nas dashboard`
# need the full build; copy the store back to draw them. An existing
# dotnet.tar.xz or data.tar.xz in OUT_DIR is kept (delete it to pack it again); nas.tar.xz is always rebuilt.
# Usage: scripts/portable-bundle.sh OUT_DIR [--data DIR]
# On the target: tar -xJf dotnet.tar.xz -C /opt/dotnet; tar -xJf nas.tar.xz -C /opt/nas;
#   LD_LIBRARY_PATH=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')/lib \
#   DOTNET_ROOT=/opt/dotnet /opt/dotnet/dotnet /opt/nas/nas.dll run EXPERIMENT.json
set -euo pipefail
out=${1:?usage: scripts/portable-bundle.sh OUT_DIR [--data DIR]}
shift
data=
while [[ $# -gt 0 ]]; do
  case $1 in
    --data) data=${2:?--data needs a folder}; shift 2 ;;
    *) echo "portable-bundle: unknown argument $1" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
plugins=${NAS_PLUGINS:-Vision}

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(ls -d "$dotnet_root"/shared/Microsoft.NETCore.App/*/ | sort -V | tail -1)
echo "portable-bundle: runtime $(basename "$runtime") from $dotnet_root" >&2
[[ -s $out/dotnet.tar.xz ]] ||
  tar -C "$dotnet_root" -cf - dotnet host "shared/Microsoft.NETCore.App/$(basename "$runtime")" | xz -T0 -9 >"$out/dotnet.tar.xz"

# A separate build folder, so the bundle never replaces (or races) the Debug build that ./nas runs.
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
eval "$("$root/scripts/torch-compat.sh" --env)"
dotnet build "$root/src/NasPlatform.Cli/NasPlatform.Cli.csproj" -c Release -nologo -v quiet -clp:NoSummary \
  -p:NasOutDir="$build/nas/" >&2 || { echo "portable-bundle: the Release build failed" >&2; exit 1; }
bin=$build/nas
excludes=(--exclude='libtorch*' --exclude='libc10*' --exclude='libgomp*' --exclude='libshm*' --exclude='libnnapi*'
  --exclude='libjitbackend*' --exclude='libbackend_with_compiler*' --exclude='libaoti*' --exclude='*.pdb' --exclude='*.xml'
  --exclude='libSkiaSharp.so' --exclude='libHarfBuzzSharp.so' --exclude='Microsoft.CodeAnalysis*.dll')
for folder in "$bin"/plugins/*/; do
  name=$(basename "$folder")
  wanted=false
  for p in $plugins; do [[ $name == *"$p"* ]] && wanted=true; done
  $wanted || excludes+=(--exclude="plugins/$name")
done
# Only the dashboard needs ASP.NET Core, and the host refuses to start when a framework it asks for is missing.
python3 - "$bin/nas.runtimeconfig.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
options = config["runtimeOptions"]
options["frameworks"] = [f for f in options["frameworks"] if f["name"] != "Microsoft.AspNetCore.App"]
json.dump(config, open(path, "w"), indent=2)
PY
tar -C "$bin" -cf - "${excludes[@]}" . | xz -T0 -9 >"$out/nas.tar.xz"

if [[ -n $data && ! -s $out/data.tar.xz ]]; then
  staged=$(mktemp -d)
  for f in "$data"/*; do
    case $f in
      *.gz) zcat "$f" >"$staged/$(basename "$f" .gz)" ;;
      *) cp "$f" "$staged/" ;;
    esac
  done
  tar -C "$staged" -cf - . | xz -T0 -9 >"$out/data.tar.xz"
  rm -rf "$staged"
fi
ls -l "$out" >&2
