#!/bin/bash
# ADAPT-VQE with gradient-per-CNOT selection, pruning and stepping stones (issue 17): runs the examples one at a
# time and prints one row each (cnot-front.py), with the UTC start/end and the load average.
set -e
cd "$(dirname "$0")/../.."
out=${1:-.}   # where the exports go (default: here)
for e in h2o-adapt h2o-adapt-cnot h2o-adapt-prune lih-qeb-adapt lih-adapt-prune; do
  echo "$e: start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  nice -n 10 ./nas run examples/quantum/$e.json --rerun > /dev/null
  echo "$e: end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  ./nas export examples/quantum/$e.json --format json -o "$out/$e.export.json" > /dev/null
done
cd "$out" && python3 "$OLDPWD/benchmarks/quantum-chemistry/cnot-front.py" {h2o-adapt,h2o-adapt-cnot,h2o-adapt-prune,lih-qeb-adapt,lih-adapt-prune}.export.json
