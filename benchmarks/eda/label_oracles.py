"""Reference rankers for the routability labels of a `nas eda dataset` folder (issue 19), no training involved.

For the given designs it ranks every sample's first-pass failed-net ratio by
  - the condition mean: the mean label of its routing condition (layers, blockage, derate) over those designs;
  - the sibling mean: the mean label of the same design, density and condition over the other placement seeds;
and prints Kendall tau-b against the true labels, pooled and (sibling mean) averaged within each condition, as the
evaluator's test_kendall_tau and test_kendall_tau_within are computed. A network that only learned the knobs would
score like the first; one that only learned the design and density like the second.

Usage: python3 benchmarks/eda/label_oracles.py DATASET DESIGN[,DESIGN...]
   e.g. python3 benchmarks/eda/label_oracles.py ../eda-data-h19b uart,i2c_master,axis_arb_mux
"""
import glob
import json
import math
import os
import statistics
import sys


def kendall_tau_b(x, y):
    concordant = discordant = ties_x = ties_y = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            a = (x[i] > x[j]) - (x[i] < x[j])
            b = (y[i] > y[j]) - (y[i] < y[j])
            if a == 0 and b == 0:
                continue
            if a == 0:
                ties_x += 1
            elif b == 0:
                ties_y += 1
            elif a == b:
                concordant += 1
            else:
                discordant += 1
    denominator = math.sqrt((concordant + discordant + ties_x) * (concordant + discordant + ties_y))
    return (concordant - discordant) / denominator if denominator else 0.0


def fail(message):
    print(f"label_oracles.py: {message}", file=sys.stderr)
    sys.exit(2)


def condition(record):
    text = f"L{record['layers']} b{record['blockage']:g}"
    derate = record.get("derate", 0) or 0
    return text + (f" r{derate:g}" if derate > 0 else "")


def main():
    if len(sys.argv) != 3 or not os.path.isdir(os.path.join(sys.argv[1], "samples")):
        fail("usage: label_oracles.py DATASET DESIGN[,DESIGN...] (DATASET: a folder with samples/*.json)")
    designs = set(sys.argv[2].split(","))
    rows = []
    for path in glob.glob(os.path.join(sys.argv[1], "samples", "*.json")):
        record = json.load(open(path))
        if record["status"] == "ok" and record["design"] in designs:
            rows.append((record["design"], record["density"], record["seed"], condition(record), record["labels"]["firstPassRatio"]))
    missing = designs - {r[0] for r in rows}
    if missing:
        fail(f"no usable samples of {', '.join(sorted(missing))} in {sys.argv[1]}: name designs of that dataset")
    truth = [r[4] for r in rows]
    conditions = sorted({r[3] for r in rows})
    condition_mean = {c: statistics.mean(r[4] for r in rows if r[3] == c) for c in conditions}
    siblings = [statistics.mean(s[4] for s in rows if s[:2] == r[:2] and s[3] == r[3] and s[2] != r[2]) for r in rows]
    within = [kendall_tau_b([truth[i] for i, r in enumerate(rows) if r[3] == c], [siblings[i] for i, r in enumerate(rows) if r[3] == c]) for c in conditions]
    print(f"{len(rows)} samples of {len(designs)} designs, {len(conditions)} conditions")
    print(f"condition mean: pooled tau {kendall_tau_b(truth, [condition_mean[r[3]] for r in rows]):.3f}")
    print(f"sibling mean:   pooled tau {kendall_tau_b(truth, siblings):.3f}, within-condition tau {statistics.mean(within):.3f}")


main()
