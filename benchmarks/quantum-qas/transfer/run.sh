#!/usr/bin/env bash
# Predictor transfer (issue 17, docs/benchmarks.md "Transfer: a predictor trained on one problem used for a similar
# one"): the periodic 8-qubit TFIM at h = 1 is searched first (tfim-8-ring-h1-source.json, regularized evolution,
# its store beside it); then predictor-guided search at h = 0.5 and h = 1.5, RUNS runs of QUERIES circuit
# evaluations each, from scratch (tfim-8-ring-hXX.json) and with "transferFrom" the h = 1 search
# (tfim-8-ring-hXX-transfer.json); then the same at 10 qubits, h = 1 (tfim-10-ring.json against
# tfim-10-ring-transfer.json, whose space takes over each 8-qubit candidate as its periodic extension); then
# evaluations to the target energy error, with against without.
#
# usage: benchmarks/quantum-qas/transfer/run.sh [RUNS [QUERIES]]   (defaults 5 40)
#
# Finished benches are kept under transfer/<file>.bench/ (git-ignored): rerunning continues where it stopped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
runs="${1:-5}"
queries="${2:-40}"

[[ -f $here/tfim-8-ring-h1-source.db ]] || "$root/nas" run "$here/tfim-8-ring-h1-source.json" >&2

# One pair: predictor-guided from scratch (BASE.json) and with the h = 1 trials (BASE-transfer.json), then the table.
pair() { # base exact title
  local base=$1 exact=$2 title=$3
  for variant in "" -transfer; do
    local file="$base$variant.json" start=$SECONDS
    "$root/nas" bench strategies "$here/$file" --runs "$runs" --budget "$queries" --strategies predictor-guided \
      --seed 0 --results "$here/$base$variant.bench" >&2
    echo "== $file: $((SECONDS - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
  echo "### $title"
  echo
  python3 "$here/../evaluations_to_target.py" \
    "no transfer=$here/$base.bench,with transfer=$here/$base-transfer.bench" \
    "$exact" 1e-3 "10,20,$queries" "predictor-guided (no transfer)"
  echo
}

# Exact ground energies of the periodic TFIM (J = 1), free fermions in the even-parity sector.
pair tfim-8-ring-h05 -8.5090822351 "TFIM ring, h = 0.5"
pair tfim-8-ring-h15 -13.3850052332 "TFIM ring, h = 1.5"
pair tfim-10-ring -12.7849064430 "TFIM ring, n = 10 (from n = 8), h = 1"
