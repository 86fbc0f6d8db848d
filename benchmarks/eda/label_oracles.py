"""Reference rankers for the routability labels of a `nas eda dataset` folder (issue 19), no training involved.

For the given designs it ranks every sample's first-pass failed-net ratio by
  - the condition mean: the mean label of its routing condition (layers, blockage, derate) over those designs;
  - the sibling mean: the mean label of the same design, density and condition over the other placement seeds;
  - the group mean: the true mean label of the sample's group (same design, density and condition; the sample
    included), i.e. a ranker that knows every group's label exactly but cannot tell its placement seeds apart;
and prints Kendall tau-b against the true labels, pooled and averaged within each condition, as the evaluator's
test_kendall_tau and test_kendall_tau_within are computed. A network that only learned the knobs would score like
the first; one that only learned the design and density like the second; the third is the ceiling of any ranker
that reads no placement-seed information, and what is above it can only come from ranking a group's placements.
It also prints the placement seeds' share of the label variance (the within-group sum of squares over the total),
pooled and within each condition, and the median standard deviation of a group's first-pass failed nets.

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
            rows.append((record["design"], record["density"], record["seed"], condition(record), record["labels"]["firstPassRatio"], record["labels"]["firstPassFailed"]))
    missing = designs - {r[0] for r in rows}
    if missing:
        fail(f"no usable samples of {', '.join(sorted(missing))} in {sys.argv[1]}: name designs of that dataset")
    truth = [r[4] for r in rows]
    conditions = sorted({r[3] for r in rows})
    condition_mean = {c: statistics.mean(r[4] for r in rows if r[3] == c) for c in conditions}
    siblings = [statistics.mean(s[4] for s in rows if s[:2] == r[:2] and s[3] == r[3] and s[2] != r[2]) for r in rows]
    groups = {}
    for r in rows:
        groups.setdefault((r[0], r[1], r[3]), []).append(r)
    group_mean = [statistics.mean(s[4] for s in groups[(r[0], r[1], r[3])]) for r in rows]
    print(f"{len(rows)} samples of {len(designs)} designs, {len(conditions)} conditions")
    print(f"condition mean: pooled tau {kendall_tau_b(truth, [condition_mean[r[3]] for r in rows]):.3f}")
    print(f"sibling mean:   pooled tau {kendall_tau_b(truth, siblings):.3f}, within-condition tau {within_tau(rows, truth, siblings, conditions):.3f}")
    print(f"group mean:     pooled tau {kendall_tau_b(truth, group_mean):.3f}, within-condition tau {within_tau(rows, truth, group_mean, conditions):.3f}"
          " (the ceiling without placement-seed information)")
    shares = [seed_share([i for i, r in enumerate(rows) if r[3] == c], truth, group_mean) for c in conditions]
    spread = statistics.median(statistics.pstdev(s[5] for s in g) for g in groups.values())
    print(f"placement seeds' share of the label variance: pooled {seed_share(range(len(rows)), truth, group_mean):.3f}, "
          f"within a condition {statistics.mean(shares):.3f} (range {min(shares):.3f}-{max(shares):.3f}); "
          f"a group's first-pass failed nets vary by {spread:.1f} (median standard deviation)")


def within_tau(rows, truth, predicted, conditions):
    """Kendall tau-b inside each routing condition, averaged over the conditions (the evaluator's *_within)."""
    return statistics.mean(kendall_tau_b([truth[i] for i, r in enumerate(rows) if r[3] == c], [predicted[i] for i, r in enumerate(rows) if r[3] == c])
                           for c in conditions)


def seed_share(indices, truth, group_mean):
    """Within-group sum of squares over the total sum of squares of the labels at these indices."""
    indices = list(indices)
    mean = statistics.mean(truth[i] for i in indices)
    total = sum((truth[i] - mean) ** 2 for i in indices)
    return sum((truth[i] - group_mean[i]) ** 2 for i in indices) / total if total else 0.0


main()
