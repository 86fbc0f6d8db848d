#!/usr/bin/env bash
# The seed-paper measurement for the quantum plugin (issue 17, docs/benchmarks.md "Quantum architecture
# search: evaluations to a target"): predictor-guided vs random vs regularized evolution on the periodic
# TFIM and Heisenberg rings, RUNS independent runs of QUERIES circuit evaluations each, then evaluations
# to the target energy error per run (median and spread). The experiment files beside this script are the
# spaces measured (the ring examples as they were measured: TFIM with 6 layers, the example now has 8).
#
# usage: benchmarks/quantum-qas/run.sh [RUNS [QUERIES_TFIM [QUERIES_HEISENBERG]]]   (defaults 10 200 150)
#
# Each strategy's finished runs are kept under benchmarks/quantum-qas/<problem>.bench/ (git-ignored) (one JSON file per
# strategy, keyed by the experiment text, runs, budget and seed), so rerunning the same command after a crash
# or Ctrl+C continues where it stopped, and rerunning it when everything is kept only prints the tables.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-10}"
tfim_queries="${2:-200}"
heisenberg_queries="${3:-150}"
strategies="random,regularized-evolution,predictor-guided"

bench() { # problem file queries exact target
  local problem=$1 file=$2 queries=$3 exact=$4 target=$5
  local results="$here/$problem.bench"
  mkdir -p "$results"
  echo "== $problem: $runs runs x $queries evaluations ($strategies)" >&2
  local start=$SECONDS
  "$root/nas" bench strategies "$here/$file" --runs "$runs" --budget "$queries" \
    --strategies "$strategies" --seed 0 --results "$results" >&2
  echo "== $problem: $((SECONDS - start)) s" >&2
  echo "### $problem ($file)"
  echo
  python3 "$here/evaluations_to_target.py" "$results" "$exact" "$target" "25,50,100,$queries"
  echo
}

bench tfim-8-ring tfim-8-ring.json "$tfim_queries" -10.2516617910 1e-3
bench heisenberg-8-ring heisenberg-8-ring.json "$heisenberg_queries" -14.6043736357 1e-2
