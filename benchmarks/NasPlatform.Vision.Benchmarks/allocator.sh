#!/usr/bin/env bash
# glibc allocator tuning (src/NasPlatform.Torch/Native/GlibcAllocatorTuning.cs) on and off, alternated:
# ROUNDS rounds of (tuned, NASPLATFORM_MALLOC_TUNING=0) training the same network, one LibTorch thread,
# then the median images/s of each, the ratio, and the CPU seconds (kernel and user) each arm spent on the
# same work, which a loaded machine disturbs less than the images/s.
# Usage (repository root): benchmarks/NasPlatform.Vision.Benchmarks/allocator.sh [ROUNDS] [STEPS] [twoconv|mbconv]
set -euo pipefail
rounds=${1:-5}
steps=${2:-40}
network=${3:-mbconv}
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
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
# CPU seconds are what the same work cost each arm, whatever else ran on the machine meanwhile.
cpu = {}
for arm, name in (("1", "tuned"), ("0", "glibc defaults")):
    sys_s = statistics.median(float(t[1]) for t in times if t[0] == arm)
    user_s = statistics.median(float(t[2]) for t in times if t[0] == arm)
    cpu[arm] = sys_s + user_s
    print(f"{name}: median CPU per run {sys_s + user_s:.1f} s (kernel {sys_s:.1f} s, user {user_s:.1f} s)")
print(f"CPU seconds, glibc defaults / tuned: {cpu['0'] / cpu['1']:.2f}")
PY
rm -f "$results" "$times"
