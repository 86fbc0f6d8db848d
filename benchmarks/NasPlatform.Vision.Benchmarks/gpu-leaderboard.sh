#!/usr/bin/env bash
# The Fashion-MNIST leaderboard attempts on one CUDA GPU, in two phases that each fit a 10-minute slot:
#   search  the searches of examples/vision/gpu-800k.json and gpu-100k.json side by side on the GPU; RESULTS gets
#           their logs and stores.tar.gz (stores and trial artifacts);
#   all     both, one after the other;
#   final   the final training of each search's best trial, side by side, each stopped after FINAL_TIMEOUT_S
#           seconds (default 330); reuses the search's folder when the machine still has it, else unpacks
#           BUNDLE_DIR/stores.tar.gz (copy the search phase's stores.tar.gz there); RESULTS gets the logs and
#           results.tar.gz (stores, final models, result.json files).
#   retrain the candidate files of candidates/ (the 800k search's winner with a longer recipe) trained side by side
#           with `nas train-final examples/vision/gpu-800k.json --candidate FILE`, stopped after FINAL_TIMEOUT_S;
#           RESULTS gets their logs and retrain.tar.gz (models, result.json, and the per-epoch checkpoint of a
#           training that was stopped). Copy that retrain.tar.gz into BUNDLE_DIR and run the phase again to resume.
# Runs on a Linux x64 machine with a CUDA PyTorch install (its LibTorch is the one TorchSharp uses) and no .NET,
# from a bundle that scripts/portable-bundle.sh packed:
#   scripts/portable-bundle.sh .gpu --data /usr/share/datasets/fashion-mnist                          (here)
#   benchmarks/NasPlatform.Vision.Benchmarks/gpu-leaderboard.sh search|final|all .gpu RESULTS [FINAL_TIMEOUT_S] (there)
# NAS_TORCH_LIB (LibTorch's lib folder) and NAS_DOTNET_HOST (a dotnet host) override what the script finds, for a dry
# run on a machine whose LibTorch or C++ runtime differ.
set -uo pipefail
usage="usage: gpu-leaderboard.sh search|final|all|retrain BUNDLE_DIR RESULTS_DIR [FINAL_TIMEOUT_S]"
phase=${1:?$usage}
bundle=$(cd "${2:?$usage}" && pwd)
results=${3:?$usage}
final_timeout=${4:-330}
mkdir -p "$results"
results=$(cd "$results" && pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${NAS_GPU_WORK:-/tmp/nas-gpu}
start=$(date +%s)
say() { echo "[$(($(date +%s) - start)) s] $*"; }

if [[ ! -f $work/nas/nas.dll || ! -f $work/data/t10k-labels-idx1-ubyte ]]; then
  mkdir -p "$work/dotnet" "$work/nas" "$work/data" "$work/exp"
  tar -xJf "$bundle/dotnet.tar.xz" -C "$work/dotnet" &
  tar -xJf "$bundle/nas.tar.xz" -C "$work/nas" &
  tar -xJf "$bundle/data.tar.xz" -C "$work/data" &
  wait
  say "bundle unpacked"
fi

torch_lib=${NAS_TORCH_LIB:-$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')}
export LD_LIBRARY_PATH=$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export DOTNET_ROOT=$work/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1
host=${NAS_DOTNET_HOST:-$work/dotnet/dotnet}
nas() { "$host" "$work/nas/nas.dll" "$@"; }
# A final training stopped by the clock after $1 seconds, each output line stamped with the time (the log then shows
# the seconds per epoch); SIGTERM lets it keep its per-epoch checkpoint.
train_final() { local limit=$1; shift; timeout -s TERM "$limit" "$host" "$work/nas/nas.dll" train-final "$@" 2>&1 |
  while IFS= read -r line; do printf '%(%H:%M:%S)T %s\n' -1 "$line"; done; }
# GPU utilisation every 10 s into $1, in the background; $monitor is its pid.
watch_gpu() { nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv -l 10 >"$1" 2>&1 & monitor=$!; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda)'
nproc
# TorchSharp's native glue is built for its own LibTorch series; list what this LibTorch lacks (empty is good).
ldd -r "$work/nas/libLibTorchSharp.so" 2>&1 | grep -c 'undefined symbol' | sed 's/^/undefined symbols of libLibTorchSharp.so against this LibTorch: /'
ldd -r "$work/nas/libLibTorchSharp.so" 2>&1 | grep 'undefined symbol' | head -5 | c++filt

for name in gpu-800k gpu-100k; do
  python3 - "$repo/examples/vision/$name.json" "$work/exp/$name.json" "$work/data" <<'PY'
import json, os, sys
source, target, data = sys.argv[1:]
experiment = json.load(open(source))
experiment.pop("$schema", None)
experiment["evaluator"]["options"]["dataFolder"] = data
if os.environ.get("NAS_GPU_DEVICE"):  # e.g. cpu, for a dry run of the script on a machine without a GPU
    experiment["evaluator"]["options"]["device"] = os.environ["NAS_GPU_DEVICE"]
json.dump(experiment, open(target, "w"), indent=2)
PY
done
if [[ $phase == search || $phase == all ]]; then
  if ! nas validate "$work/exp/gpu-800k.json"; then
  say "the experiment does not validate here (above); stopping"
  exit 3
fi

watch_gpu "$results/gpu-utilisation.csv"
say "searches start"
pids=()
for name in gpu-800k gpu-100k; do
  nas run "$work/exp/$name.json" >"$results/search-$name.log" 2>&1 &
  pids+=($!)
done
wait "${pids[@]}"
for name in gpu-800k gpu-100k; do
  say "$name search: $(grep -E '^experiment .* (completed|stopped)' "$results/search-$name.log" | tail -1)"
  grep -E '^best:' "$results/search-$name.log" | tail -1
  grep -oE '^best: trial [0-9]+' "$results/search-$name.log" | tail -1 | grep -oE '[0-9]+$' >"$work/exp/$name.best"
done

  kill "$monitor" 2>/dev/null
  say "search phase done"
  [[ $phase == all ]] || { tar -C "$work" -czf "$results/stores.tar.gz" exp; exit 0; }
fi

if [[ $phase == retrain ]]; then
  mkdir -p "$work/retrain"
  if [[ -f $bundle/retrain.tar.gz ]]; then
    tar -xzf "$bundle/retrain.tar.gz" -C "$work"
    say "earlier retraining unpacked (resumes from its checkpoints)"
  fi
  watch_gpu "$results/gpu-utilisation-retrain.csv"
  say "retraining starts (stopped after $final_timeout s)"
  pids=()
  for file in "$repo"/benchmarks/NasPlatform.Vision.Benchmarks/candidates/*.json; do
    name=$(basename "$file" .json)
    train_final "$final_timeout" "$work/exp/gpu-800k.json" --candidate "$file" --out "$work/retrain/$name" >>"$results/retrain-$name.log" &
    pids+=($!)
  done
  wait "${pids[@]}"
  kill "$monitor" 2>/dev/null
  for file in "$repo"/benchmarks/NasPlatform.Vision.Benchmarks/candidates/*.json; do
    name=$(basename "$file" .json)
    say "$name:"
    tail -22 "$results/retrain-$name.log"
  done
  tar -C "$work" -czf "$results/retrain.tar.gz" retrain
  say "done"
  exit 0
fi

[[ $phase == final || $phase == all ]] || { echo "$usage" >&2; exit 2; }
if ! ls "$work"/exp/*.db >/dev/null 2>&1; then
  # Same work folder as the search phase, so the experiment files in it name the right data folder.
  tar -xzf "$bundle/stores.tar.gz" -C "$work" || { echo "no search stores: run the search phase first" >&2; exit 3; }
  say "search stores unpacked"
fi
watch_gpu "$results/gpu-utilisation-final.csv"
say "final trainings start (stopped after $final_timeout s)"
pids=()
for name in gpu-800k gpu-100k; do
  best=$(cat "$work/exp/$name.best" 2>/dev/null)
  if [[ -n $best ]]; then
    train_final "$final_timeout" "$work/exp/$name.json" --trial "$best" >"$results/final-$name.log" &
    pids+=($!)
  fi
done
[[ ${#pids[@]} -gt 0 ]] && wait "${pids[@]}"
kill "$monitor" 2>/dev/null
for name in gpu-800k gpu-100k; do
  say "$name final:"
  tail -25 "$results/final-$name.log" 2>/dev/null
done
tar -C "$work" -czf "$results/results.tar.gz" exp
say "done"
