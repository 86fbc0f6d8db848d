using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// The RY + CZ ladder ansatz (10 layers) run through the fused plans: time per circuit, passes over the state,
/// and the ratio to the yardstick: the floor of a 24-qubit complex128 state (issue 20 compares every
/// workload, at every size and precision, with that one pass), besides the floor of the same register.
/// Every plan on every kind of page is timed in interleaved rounds, so that load from other processes hits all alike.
/// </summary>
internal static class AnsatzSection
{
    public static void Print(int[] qubits, Options options, double yardstickMs)
    {
        var (layers, repeats, precisions, hugePages) = (options.Layers, options.Repeats, options.Precisions, options.HugePages);
        Console.WriteLine($"## RY + CZ ladder ansatz ({layers} layers), fused forward simulation (one thread)");
        Console.WriteLine($"yardstick = 24-qubit complex128 floor = {yardstickMs:F2} ms; the circuit time includes resetting the state to |0…0⟩. " +
            "Plans: 2x2/4x4 = Circuit.Fuse() (one-qubit gates folded into 4×4 from 22 qubits), folded = Fuse(true) ('loop' = single precision's 4×4 before unrolling), dense k≤K = FuseDense(K) " +
            "(three-qubit blocks on the unrolled kernel; 'generic' = on DenseKernel's loop), auto = FuseDense() (k by the modelled cost); pages 4K or 2M (huge pages).");
        Console.WriteLine();
        Console.WriteLine("| qubits | precision | plan | pages | gates | passes | same-size floor ms | ms per circuit | ms per pass | pass / same-size floor | circuit / yardstick |");
        Console.WriteLine("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            foreach (var precision in precisions)
            {
                GC.Collect();
                var (circuit, theta) = Workloads.RyCzLadder(n, layers, new Random(1));
                var plans = Plans(circuit, options.Plans);
                var states = hugePages.Select(huge => new BenchState(n, precision, huge)).ToArray();
                var floors = states.Select(s => Bench.Time(s.ScalePass, repeats)).ToArray();
                var circuitRepeats = n >= 24 ? Math.Min(repeats, 3) : repeats;
                var best = new double[plans.Count, states.Length];
                for (var p = 0; p < plans.Count; p++)
                {
                    for (var v = 0; v < states.Length; v++)
                    {
                        best[p, v] = double.MaxValue;
                    }
                }

                for (var round = 0; round < circuitRepeats; round++)
                {
                    for (var p = 0; p < plans.Count; p++)
                    {
                        for (var v = 0; v < states.Length; v++)
                        {
                            var (plan, state) = (plans[p], states[v]);
                            best[p, v] = Math.Min(best[p, v], Bench.Time(() => plan.Run(state, theta), 1));
                        }
                    }
                }

                for (var p = 0; p < plans.Count; p++)
                {
                    for (var v = 0; v < states.Length; v++)
                    {
                        Console.WriteLine($"| {n} | {precision.ToString().ToLowerInvariant()} | {plans[p].Label} | {states[v].Pages} | {circuit.Ops.Count} | " +
                            $"{plans[p].Passes} | {floors[v]:F2} | {best[p, v]:F1} | {best[p, v] / plans[p].Passes:F3} | " +
                            $"{best[p, v] / plans[p].Passes / floors[v]:F2} | {best[p, v] / yardstickMs:F2} |");
                    }
                }
            }
        }

        Console.WriteLine();
    }

    private static List<Plan> Plans(Circuit circuit, string[] names)
    {
        var plans = new List<Plan>();
        foreach (var name in names)
        {
            switch (name)
            {
                case "pairwise":
                    var pairwise = circuit.Fuse();
                    plans.Add(new(pairwise.IsBlocked ? $"Fuse() blocked ({pairwise.GatePassCount} in cache)" : "2x2/4x4", pairwise.StepCount, (s, t) => s.Run(pairwise, t)));
                    break;
                case "unblocked":
                    var unblocked = circuit.Fuse(circuit.NumQubits >= FusedCircuit.TwoQubitFusionMinQubits);
                    plans.Add(new("2x2/4x4 unblocked", unblocked.StepCount, (s, t) => s.Run(unblocked, t)));
                    break;
                case var blockedName when blockedName.StartsWith("blocked", StringComparison.Ordinal):
                    var sizes = blockedName.Length > 8 ? blockedName[7..].Split('-').Select(int.Parse).ToArray() : [FusedCircuit.DefaultChunkQubits, FusedCircuit.DefaultMinRunBits];
                    if (circuit.NumQubits <= sizes[0])
                    {
                        break;
                    }

                    var blocked = circuit.FuseBlocked(sizes[0], sizes[1]);
                    plans.Add(new($"blocked c={sizes[0]} r={sizes[1]} ({blocked.GatePassCount} in cache)", blocked.StepCount, (s, t) => s.Run(blocked, t)));
                    break;
                case "folded":
                    var folded = circuit.Fuse(intoTwoQubitGates: true);
                    plans.Add(new("folded 4x4", folded.StepCount, (s, t) => s.Run(folded, t)));
                    break;
                case "folded-loop":
                    var loop = circuit.Fuse(intoTwoQubitGates: true);
                    plans.Add(new("folded 4x4 loop", loop.StepCount, (s, t) => WithKernel(() => Kernels.TwoQubitKernelSingle.Unrolled = false, () => s.Run(loop, t))));
                    break;
                case "dense3generic":
                    var generic = circuit.FuseDense(3);
                    plans.Add(new("dense k≤3 generic", generic.StepCount, (s, t) => WithKernel(() => Kernels.DenseKernel3.Enabled = false, () => s.Run(generic, t))));
                    break;
                case "auto":
                    var auto = circuit.FuseDense();
                    plans.Add(new($"auto (k≤{auto.MaxBlockQubits})", auto.StepCount, (s, t) => s.Run(auto, t)));
                    break;
                default:
                    var dense = circuit.FuseDense(name[^1] - '0');
                    plans.Add(new($"dense k≤{dense.MaxBlockQubits}", dense.StepCount, (s, t) => s.Run(dense, t)));
                    break;
            }
        }

        return plans;
    }

    /// <summary>Runs a plan with an earlier kernel switched in (the generic dense loop, the single 4×4 loop), then back.</summary>
    private static void WithKernel(Action switchIn, Action run)
    {
        switchIn();
        try
        {
            run();
        }
        finally
        {
            Kernels.DenseKernel3.Enabled = true;
            Kernels.TwoQubitKernelSingle.Unrolled = true;
        }
    }

    private sealed record Plan(string Label, int Passes, Action<BenchState, double[]> Run);
}
