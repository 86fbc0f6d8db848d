#!/usr/bin/env bash
# glibc allocator tuning (src/NasPlatform.Torch/Native/GlibcAllocatorTuning.cs) on and off, alternated:
# ROUNDS rounds of (tuned, NASPLATFORM_MALLOC_TUNING=0) training the same network, one LibTorch thread,
# then the median images/s of each, the ratio, and the CPU seconds spent in the kernel by each arm.
# Usage (repository root): benchmarks/NasPlatform.Vision.Benchmarks/allocator.sh [ROUNDS] [STEPS] [twoconv|mbconv]
set -euo pipefail
rounds=${1:-5}
steps=${2:-40}
network=${3:-mbconv}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
eval "$("$root/scripts/torch-compat.sh" --env)"
dotnet build -c Release -v q -nologo "$root/benchmarks/NasPlatform.Vision.Benchmarks" >&2
dll="$root/benchmarks/NasPlatform.Vision.Benchmarks/bin/Release/net10.0/linux-x64/NasPlatform.Vision.Benchmarks.dll"
results=$(mktemp)
times=$(mktemp)
for ((r = 1; r <= rounds; r++)); do
  for arm in 1 0; do
    /usr/bin/time -f "$arm %S %U" -a -o "$times" env NASPLATFORM_MALLOC_TUNING=$arm OMP_NUM_THREADS=1 \
      dotnet "$dll" "$steps" "$network" | tee -a "$results" >&2
  done
done
/usr/bin/python3 - "$results" "$times" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
times = [line.split() for line in open(sys.argv[2]) if line.strip() and line[0] in "01"]
def med(tuned, key):
    return statistics.median(r[key] for r in rows if r["allocator_tuned"] == tuned)
for key in ("train_images_per_second", "inference_images_per_second"):
    on, off = med(True, key), med(False, key)
    print(f"{key}: tuned {on:.0f}, glibc defaults {off:.0f}, ratio {on / off:.3f}")
for arm, name in (("1", "tuned"), ("0", "glibc defaults")):
    sys_s = statistics.median(float(t[1]) for t in times if t[0] == arm)
    user_s = statistics.median(float(t[2]) for t in times if t[0] == arm)
    print(f"{name}: median kernel (sys) {sys_s:.1f} s, user {user_s:.1f} s per run")
PY
rm -f "$results" "$times"
