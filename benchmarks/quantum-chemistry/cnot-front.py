#!/usr/bin/env python3
"""Summarizes `nas export --format json` of CNOT-minimising searches (lih-cnot-*.json, h2o-cnot-*.json): one markdown row each.

Columns: trials; infeasible (completed above chemical accuracy); the fewest CNOTs within chemical accuracy, its
energy_error, operators and trial number; the optimizer's evaluations summed over all trials (the transferred
ADAPT trials are not included: count them beside); the engine's elapsed seconds; the front within chemical
accuracy (fewest CNOTs, then each more accurate circuit with more CNOTs).
"""
import json
import sys

CHEMICAL_ACCURACY = 1.6e-3

print("| experiment | trials | infeasible | fewest CNOTs within 1.6 mHa | its energy_error | operators | trial | evaluations | wall | front (CNOTs @ energy_error) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for path in sys.argv[1:]:
    data = json.load(open(path))
    trials = sorted((t for t in data["trials"] if t["state"] == "completed"), key=lambda t: t["number"])
    accurate = [t for t in trials if t["metrics"]["energy_error"] <= CHEMICAL_ACCURACY]
    evaluations = int(sum(t["metrics"]["evaluations"] for t in trials))
    front, best = [], None
    for t in sorted(accurate, key=lambda t: (t["metrics"]["cnot_count"], t["metrics"]["energy_error"])):
        if best is None or t["metrics"]["energy_error"] < best:
            best = t["metrics"]["energy_error"]
            front.append(f"{int(t['metrics']['cnot_count'])} @ {best:.2e}")
    if accurate:
        c = min(accurate, key=lambda t: (t["metrics"]["cnot_count"], t["metrics"]["energy_error"]))
        m = c["metrics"]
        cells = f"{int(m['cnot_count'])} | {m['energy_error']:.2e} | {int(m['params'])} | {c['number']}"
    else:
        cells = "none | - | - | -"
    print(f"| {data['experiment']} | {len(trials)} | {len(trials) - len(accurate)} | {cells} | {evaluations} | "
          f"{data['elapsedSeconds']:.1f} s | {', '.join(front)} |")
