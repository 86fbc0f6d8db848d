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

# Exact ground energies of the periodic TFIM (J = 1), free fermions in the even-parity sector.
declare -A exact=([h05]=-8.5090822351 [h15]=-13.3850052332)
declare -A field_value=([h05]=0.5 [h15]=1.5)
for field in h05 h15; do
  for variant in "" -transfer; do
    file="tfim-8-ring-$field$variant.json"
    start=$SECONDS
    "$root/nas" bench strategies "$here/$file" --runs "$runs" --budget "$queries" --strategies predictor-guided \
      --seed 0 --results "$here/tfim-8-ring-$field$variant.bench" >&2
    echo "== $file: $((SECONDS - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
  echo "### TFIM ring, h = ${field_value[$field]}"
  echo
  python3 "$here/../evaluations_to_target.py" \
    "no transfer=$here/tfim-8-ring-$field.bench,with transfer=$here/tfim-8-ring-$field-transfer.bench" \
    "${exact[$field]}" 1e-3 "10,20,$queries" "predictor-guided (no transfer)"
  echo
done

# n = 8 -> n = 10 at h = 1: exact energy of the 10-site ring, even-parity sector.
for variant in "" -transfer; do
  file="tfim-10-ring$variant.json"
  start=$SECONDS
  "$root/nas" bench strategies "$here/$file" --runs "$runs" --budget "$queries" --strategies predictor-guided \
    --seed 0 --results "$here/tfim-10-ring$variant.bench" >&2
  echo "== $file: $((SECONDS - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
echo "### TFIM ring, n = 10 (from n = 8), h = 1"
echo
python3 "$here/../evaluations_to_target.py" \
  "no transfer=$here/tfim-10-ring.bench,with transfer=$here/tfim-10-ring-transfer.bench" \
  -12.7849064430 1e-3 "10,20,$queries" "predictor-guided (no transfer)"
echo
