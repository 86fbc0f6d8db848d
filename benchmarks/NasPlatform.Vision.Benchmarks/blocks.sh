#!/usr/bin/env bash
# MBConv against Fused-MBConv on this CPU, alternated: ROUNDS rounds of (mbconv, fused) training the same
# searched candidate, once with depthwise MBConv stages and once with every stage Fused-MBConv, one LibTorch
# thread each; then the median images/s of each, and the MACs per second (a fused block has more MACs for the
# same widths, so images/s alone would flatter MBConv's cheaper arithmetic rather than measure the kernels).
# Usage (repository root): benchmarks/NasPlatform.Vision.Benchmarks/blocks.sh [ROUNDS] [STEPS]
set -euo pipefail
rounds=${1:-5}
steps=${2:-40}
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
results=$(mktemp)
for ((r = 1; r <= rounds; r++)); do
  for network in mbconv fused; do
    OMP_NUM_THREADS=1 dotnet "$dll" "$steps" "$network" | tee -a "$results" >&2
  done
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
arms = {}
for name in ("mbconv", "fused"):
    mine = [r for r in rows if r["network"] == name]
    arms[name] = mine
    macs = mine[0]["macs"]
    train = statistics.median(r["train_images_per_second"] for r in mine)
    infer = statistics.median(r["inference_images_per_second"] for r in mine)
    # Training does about three times the forward MACs (forward, and the two products of the backward pass).
    print(f"{name}: {mine[0]['params']:,} parameters, {macs / 1e6:.2f}M MACs; training {train:.0f} images/s "
          f"({3 * macs * train / 1e9:.2f} GMAC/s), inference {infer:.0f} images/s ({macs * infer / 1e9:.2f} GMAC/s)")
for key, factor, label in (("train_images_per_second", 3, "training"), ("inference_images_per_second", 1, "inference")):
    rate = {n: statistics.median(r[key] for r in arms[n]) * arms[n][0]["macs"] for n in arms}
    ips = {n: statistics.median(r[key] for r in arms[n]) for n in arms}
    print(f"{label}: fused / mbconv images/s {ips['fused'] / ips['mbconv']:.2f}, MACs per second {rate['fused'] / rate['mbconv']:.2f}")
PY
