#!/usr/bin/env bash
# TorchSharp vs PyTorch (Debian's python3-torch) on the same CNN, data and loop, one thread each, alternated, in two
# arms that give both sides the same glibc allocator:
#   defaults: glibc's own settings on both sides (NASPLATFORM_MALLOC_TUNING=0 turns TorchSharp's tuning off);
#   tuned:    the settings TorchSharp applies by itself (src/NasPlatform.Torch/Native/GlibcAllocatorTuning.cs),
#             given to both processes as glibc's MALLOC_* variables (TorchSharp then leaves them as they are).
# Per arm: ROUNDS rounds of (TorchSharp, PyTorch), then the median images/s of each and the ratios, per wall-clock
# second and per CPU second of the process (the figure to trust when other processes load the machine).
# python3-torch is a benchmark-only dependency: installed here (scripts/system-packages.sh), never by the runtime.
# Usage (repository root): nice -n 10 benchmarks/NasPlatform.Vision.Benchmarks/compare.sh [ROUNDS] [STEPS] [ARMS]
#   ARMS: "defaults tuned" (the default), or one of them.
set -euo pipefail
rounds=${1:-5}
steps=${2:-100}
arms=${3:-defaults tuned}
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
nas_tool=compare.sh
source "$root/scripts/system-packages.sh"
nas_ensure_debian python3-torch
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "compare.sh: PyTorch is missing: sudo apt-get install python3-torch" >&2
  exit 2
fi

# The values of GlibcAllocatorTuning: trim 256 MiB, mmap 32 MiB, top pad 16 MiB, one arena per core.
tuned=(MALLOC_TRIM_THRESHOLD_=$((256 * 1024 * 1024)) MALLOC_MMAP_THRESHOLD_=$((32 * 1024 * 1024))
  MALLOC_TOP_PAD_=$((16 * 1024 * 1024)) MALLOC_ARENA_MAX=$(($(nproc) > 2 ? $(nproc) : 2)))
for arm in $arms; do
  case $arm in
    defaults) settings=(NASPLATFORM_MALLOC_TUNING=0) ;;
    tuned) settings=("${tuned[@]}") ;;
    *) echo "compare.sh: unknown arm '$arm'; use defaults, tuned or both" >&2; exit 2 ;;
  esac
  results=$(mktemp)
  for ((r = 1; r <= rounds; r++)); do
    env "${settings[@]}" OMP_NUM_THREADS=1 dotnet "$dll" "$steps" | tee -a "$results" >&2
    env "${settings[@]}" OMP_NUM_THREADS=1 /usr/bin/python3 "$root/benchmarks/NasPlatform.Vision.Benchmarks/torch_bench.py" "$steps" | tee -a "$results" >&2
  done
  echo "arm $arm (${settings[*]}):"
  /usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def med(framework, key):
    return statistics.median(r[key] for r in rows if r["framework"].startswith(framework))
# Per wall-clock second, and per CPU second of the process (one thread each): on a machine that other processes
# load, the wall clock counts their share too; the CPU time does not (cache contention still does, less).
for key in ("train_images_per_second", "inference_images_per_second", "train_images_per_cpu_second", "inference_images_per_cpu_second"):
    ts, pt = med("torchsharp", key), med("pytorch", key)
    print(f"  {key}: TorchSharp {ts:.0f}, PyTorch {pt:.0f}, ratio {ts / pt:.3f}")
PY
  rm -f "$results"
done
