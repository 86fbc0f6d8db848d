#!/usr/bin/env python3
"""Summarizes `nas export --format json` of the LiH chemistry experiments: one markdown table row each.

Columns: trials run; the reported circuit's energy_error, cnot_count, depth, params; evaluations; the run's
elapsed seconds (the engine's, without psi4, cached, and process start); sector_leakage.
evaluations = the optimizer's energy-and-gradient evaluations summed over trials; for adapt-vqe plus each
trial's pool_gradient_evaluations (one circuit evaluation per pool operator: the strategy reads them).
The reported circuit: ADAPT's last trial (its final ansatz); for a search the first trial (by number) within
chemical accuracy, with the evaluations of the trials up to it, else the best trial with all evaluations.
On stderr, per search: its cheapest circuit within chemical accuracy (fewest CNOTs), for the CNOT comparison.
"""
import json
import sys

CHEMICAL_ACCURACY = 1.6e-3

for path in sys.argv[1:]:
    data = json.load(open(path))
    trials = sorted((t for t in data["trials"] if t["state"] == "completed"), key=lambda t: t["number"])
    strategy = data["spec"]["strategy"]["name"]
    adapt = strategy == "adapt-vqe"
    accurate = [t for t in trials if t["metrics"]["energy_error"] <= CHEMICAL_ACCURACY]
    if adapt:
        chosen, counted = trials[-1], trials
    elif accurate:
        chosen = accurate[0]
        counted = [t for t in trials if t["number"] <= chosen["number"]]
    else:
        chosen, counted = min(trials, key=lambda t: t["metrics"]["energy"]), trials
    m = chosen["metrics"]
    optimizer = int(sum(t["metrics"]["evaluations"] for t in counted))
    gradients = int(sum(t["metrics"].get("pool_gradient_evaluations", 0) for t in counted)) if adapt else 0
    print(f"| {data['experiment']} | {strategy} | {len(trials)} (trial {chosen['number']}) | {m['energy_error']:.2e} | "
          f"{int(m['cnot_count'])} | {int(m['depth'])} | {int(m['params'])} | {optimizer} + {gradients} = {optimizer + gradients} | "
          f"{data['elapsedSeconds']:.1f} s | {m.get('sector_leakage', 0):.0e} |")
    if accurate and not adapt:
        cheapest = min(accurate, key=lambda t: (t["metrics"]["cnot_count"], t["number"]))
        c = cheapest["metrics"]
        print(f"{data['experiment']}: cheapest within chemical accuracy: trial {cheapest['number']}, {int(c['cnot_count'])} CNOTs, "
              f"{int(c['params'])} operators, energy_error {c['energy_error']:.2e}; best energy_error "
              f"{min(t['metrics']['energy_error'] for t in trials):.2e}", file=sys.stderr)
