#!/usr/bin/env python3
"""Reads the per-run best-so-far curves that `nas bench strategies --results DIR` keeps (one JSON file per
strategy) and prints, per strategy, the circuit evaluations each run needed to reach a target energy error,
the evaluations needed to reach random search's final quality, and the best energy error at equal
evaluations: median and spread (min-max) over the runs. Markdown on stdout.

usage: evaluations_to_target.py RESULTS EXACT_ENERGY TARGET [CHECKPOINTS [REFERENCE]]
  RESULTS       a results folder, or a comma list of LABEL=FOLDER (rows named "strategy (LABEL)"), e.g. to set
                the same strategy with and without transfer side by side
  EXACT_ENERGY  the ground energy (energy_error = best energy - EXACT_ENERGY)
  TARGET        energy_error to reach, e.g. 1e-3
  CHECKPOINTS   comma list of evaluation counts for the equal-evaluation table (default 25,50,100,200)
  REFERENCE     whose final quality the "evaluations to reference" column counts to: a row name (default
                random), or NAME=ERROR@BUDGET for a reference measured elsewhere (random search's median best
                energy_error ERROR after BUDGET evaluations, e.g. random=0.09125@200)
"""
import glob
import json
import math
import os
import statistics
import sys


def first_reach(curve, exact, threshold):
    """1-based evaluation count at which the run's best error first drops below threshold, or None."""
    for i, best in enumerate(curve):
        if best is not None and not math.isnan(best) and best - exact < threshold:
            return i + 1
    return None


def median_of_counts(counts, budget):
    """Median with unreached runs counted as beyond the budget; '>Q' when the median run did not reach."""
    ranked = sorted(c if c is not None else math.inf for c in counts)
    m = statistics.median(ranked)
    return f">{budget}" if math.isinf(m) else f"{m:g}"


def spread(counts):
    reached = [c for c in counts if c is not None]
    return f"{min(reached)}-{max(reached)}" if reached else "-"


def read_results(argument):
    """Rows by name: (per-run best-so-far curves, wall seconds, failed trials) from one folder or LABEL=FOLDER pairs."""
    folders = [("", argument)] if "=" not in argument else [tuple(part.split("=", 1)) for part in argument.split(",")]
    results = {}
    for label, folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
            document = json.load(open(path))
            result = document["result"]
            curves = [[float("nan") if v is None else v for v in run] for run in result["BestSoFarPerRun"]]
            name = document["strategy"] + (f" ({label})" if label else "")
            results[name] = (curves, document["seconds"], result.get("UnusableTrials", 0))
    if not results:
        sys.exit(f"no results in {argument}")
    return results


def full_curves(results, name):
    """A row's runs over their whole budget (the wall time covers all of it)."""
    return results[name][0]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    exact, target = float(sys.argv[2]), float(sys.argv[3])
    checkpoints = [int(c) for c in (sys.argv[4] if len(sys.argv) > 4 else "25,50,100,200").split(",")]
    reference = sys.argv[5] if len(sys.argv) > 5 else "random"
    results = read_results(sys.argv[1])
    budget = min(len(c[0]) for c, _, _ in results.values())
    reference_name, reference_final = reference, None
    if "=" in reference:
        reference_name, measured = reference.split("=", 1)
        error, at = measured.split("@")
        reference_final, reference_budget = float(error), int(at)
    elif reference in results:
        reference_budget = budget
        reference_final = statistics.median(run[budget - 1] - exact for run in results[reference][0])

    print(f"Target energy_error < {target:g}; budget {budget} evaluations per run (the smallest of the strategies'); exact energy {exact:.10f}.")
    if reference_final is not None:
        print(f"The reference, {reference_name}'s final quality (median over its runs of the best energy_error after {reference_budget}): {reference_final:.4g}.")
    print()
    print("| strategy | runs | reached target | evaluations to target, median (min-max of runs that reached) "
          f"| evaluations to {reference_name}'s final quality, median (min-max) | wall s (all runs) | evaluations/s | failed trials |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    random_final = reference_final
    for name, (curves, seconds, failed) in results.items():
        # Strategies measured with a larger budget are read only up to the common one.
        curves = [run[:budget] for run in curves]
        to_target = [first_reach(c, exact, target) for c in curves]
        to_random = [first_reach(c, exact, random_final * (1 + 1e-12)) for c in curves] if random_final is not None else []
        reached = sum(c is not None for c in to_target)
        print(f"| {name} | {len(curves)} | {reached}/{len(curves)} | {median_of_counts(to_target, budget)} ({spread(to_target)}) "
              f"| {median_of_counts(to_random, budget) if to_random else '-'} ({spread(to_random) if to_random else '-'}) "
              f"| {seconds:.0f} | {sum(len(c) for c in full_curves(results, name)) / seconds:.2g} | {failed} |")
    print()
    print("Best energy_error after n evaluations, median (min-max) over the runs:")
    print()
    usable = [c for c in checkpoints if c <= budget]
    print("| strategy | " + " | ".join(f"n = {c}" for c in usable) + " |")
    print("|---|" + "---:|" * len(usable))
    for name, (curves, _, _) in results.items():
        cells = []
        for c in usable:
            errors = [run[c - 1] - exact for run in curves if not math.isnan(run[c - 1])]
            cells.append(f"{statistics.median(errors):.3g} ({min(errors):.2g}-{max(errors):.2g})" if errors else "-")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
