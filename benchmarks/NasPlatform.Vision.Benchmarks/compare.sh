#!/usr/bin/env bash
# TorchSharp vs PyTorch (Debian's python3-torch) on the same CNN, data and loop, one thread each, alternated:
# ROUNDS rounds of (TorchSharp, PyTorch), then the median images/s of each and the ratios.
# Usage (repository root): nice -n 10 benchmarks/NasPlatform.Vision.Benchmarks/compare.sh [ROUNDS] [STEPS]
set -euo pipefail
rounds=${1:-5}
steps=${2:-100}
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
results=$(mktemp)
for ((r = 1; r <= rounds; r++)); do
  OMP_NUM_THREADS=1 dotnet "$dll" "$steps" | tee -a "$results" >&2
  OMP_NUM_THREADS=1 /usr/bin/python3 "$root/benchmarks/NasPlatform.Vision.Benchmarks/torch_bench.py" "$steps" | tee -a "$results" >&2
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def med(framework, key):
    return statistics.median(r[key] for r in rows if r["framework"].startswith(framework))
for key in ("train_images_per_second", "inference_images_per_second"):
    ts, pt = med("torchsharp", key), med("pytorch", key)
    print(f"{key}: TorchSharp {ts:.0f}, PyTorch {pt:.0f}, ratio {ts / pt:.3f}")
PY
rm -f "$results"
