#!/usr/bin/env bash
# Measures the cluster (docs/benchmarks.md, "Distributed evaluation"): dispatch overhead per trial
# (NAS-Bench-201 lookups, which cost nothing, in-process vs through the cluster) and the speed-up of
# 2 worker slots over 1 on a CPU-bound example (VQE of the 8-qubit transverse-field Ising chain,
# L-BFGS 200 steps x 2 restarts). Both use warm workers: each `nas run` is a fresh process whose
# code is compiled as it goes, so an in-process CPU-bound run is no fair peer for warm workers. Starts its own redis-server on a free
# loopback port in a temporary folder and two `nas worker` processes (1 slot each), and stops them
# at the end. Each pair of runs is measured side by side, alternating, REPEATS times.
# Usage: scripts/bench-cluster.sh [REPEATS] [LOOKUP_TRIALS] [VQE_TRIALS]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
repeats=${1:-4} lookups=${2:-1000} vqes=${3:-60}
./nas plugins >/dev/null # builds the CLI once
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_ports() { python3 -c 'import socket,sys
s=[socket.socket() for _ in range(int(sys.argv[1]))]
[x.bind(("127.0.0.1",0)) for x in s]; print(" ".join(str(x.getsockname()[1]) for x in s))' "$1"; }
read -r redis_port p1 p2 p3 p4 < <(free_ports 5)
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
cluster=redis://127.0.0.1:$redis_port
for ports in "$p1 $p2" "$p3 $p4"; do
  read -r silo gateway <<<"$ports"
  ./nas worker --cluster "$cluster" --slots 1 --host 127.0.0.1 --silo-port "$silo" --gateway-port "$gateway" >"$work/worker-$silo.out" 2>"$work/worker-$silo.err" &
  pids+=($!)
done
until [[ $(cat "$work"/worker-*.out 2>/dev/null | grep -c "Worker ready") == 2 ]]; do sleep 0.5; done

table=$(readlink -f ../shared/data/nas-bench-201-cifar10.csv)
experiment() { # NAME KIND TRIALS
  local body
  if [[ $2 == lookup ]]; then
    body='"plugin": "tabular", "searchSpace": { "name": "nas-bench-201" },
      "evaluator": { "name": "lookup", "options": { "table": "'"$table"'", "metric": "accuracy" } },
      "objectives": [{ "metric": "accuracy", "direction": "maximize" }]'
  else
    body='"plugin": "quantum",
      "searchSpace": { "name": "layerwise", "options": { "qubits": 8, "layers": 4, "coupling": "line", "rotations": ["none", "rx", "ry", "rz"], "entanglers": ["none", "cnot", "cz"] } },
      "evaluator": { "name": "vqe", "options": { "hamiltonian": { "model": "tfim", "qubits": 8, "j": 1, "h": 1, "periodic": false }, "optimizer": "lbfgs", "fidelities": ["s200x2"] } },
      "objectives": [{ "metric": "energy", "direction": "minimize" }]'
  fi
  printf '{ "name": "%s", %s, "strategy": { "name": "random" }, "budget": { "trials": %s }, "seed": 0, "store": "%s.db" }\n' "$1" "$body" "$3" "$1" >"$work/$1.json"
  echo "$work/$1.json"
}
# Prints the run's own elapsed seconds (from the store, without process start-up and cluster connection).
elapsed() { ./nas run "$@" --json | python3 -c 'import json,sys
for line in sys.stdin:
  e=json.loads(line)
  if e["event"]=="summary": assert e["status"]=="completed", e; print(e["elapsedSeconds"])'; }

# Warm-up, not measured: the workers compile (JIT) the dispatch path and the evaluators once.
elapsed "$(experiment warm-lookup lookup 50)" --workers 2 --cluster "$cluster" >/dev/null
elapsed "$(experiment warm-vqe vqe 4)" --workers 2 --cluster "$cluster" >/dev/null

echo "repeat,case,trials,seconds"
for ((r = 1; r <= repeats; r++)); do
  echo "$r,lookup-local-1,$lookups,$(elapsed "$(experiment "lookup-local-$r" lookup "$lookups")" --workers 1)"
  echo "$r,lookup-cluster-1,$lookups,$(elapsed "$(experiment "lookup-cluster-$r" lookup "$lookups")" --workers 1 --cluster "$cluster")"
  echo "$r,vqe-cluster-1,$vqes,$(elapsed "$(experiment "vqe-cluster1-$r" vqe "$vqes")" --workers 1 --cluster "$cluster")"
  echo "$r,vqe-cluster-2,$vqes,$(elapsed "$(experiment "vqe-cluster2-$r" vqe "$vqes")" --workers 2 --cluster "$cluster")"
done
