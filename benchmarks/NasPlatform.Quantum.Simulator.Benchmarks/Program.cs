using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Benchmarks;

// Simulator benchmarks: gate passes against the measured memory-bandwidth floor, adjoint gradient cost,
// and batch throughput. Usage: [--qubits 20,22,24] [--repeats 5] [--quick]
var options = Options.Parse(args);
if (options.Kernels)
{
    KernelCosts.Print(options.Qubits, options.Repeats);
    return;
}

Console.WriteLine($"# Quantum simulator benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine($"CPU cores visible: {Environment.ProcessorCount}; Vector256 accelerated: {Vector256.IsHardwareAccelerated}; " +
    $"FMA: {System.Runtime.Intrinsics.X86.Fma.IsSupported}; .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("## Gate passes vs. memory-bandwidth floor (complex128, one thread)");
Console.WriteLine("floor = 2 × 2^n × 16 bytes / in-place copy bandwidth measured on the same arrays just before; ratio = time / floor; times are the best of the repeats.");
Console.WriteLine();
Console.WriteLine("| qubits | in-place GB/s | floor ms | gate | target | ms | ratio |");
Console.WriteLine("|---:|---:|---:|---|---|---:|---:|");
foreach (var n in options.Qubits)
{
    var state = new StateVector(n);
    FillRandom(state);
    var bandwidth = Bench.InPlaceBandwidth(state, options.Repeats);
    var floorMs = 2.0 * state.Length * 16 / bandwidth * 1e3;
    var rx = new Complex[4];
    Gates.Matrix1(GateKind.RX, [0.3], rx);
    var x = new Complex[4];
    Gates.Matrix1(GateKind.X, [], x);
    foreach (var (label, q) in new[] { ("qubit 0 (high bit)", 0), ($"qubit {n / 2}", n / 2), ($"qubit {n - 1} (in-lane bit)", n - 1) })
    {
        var ms = Bench.Time(() => state.Apply1(q, rx), options.Repeats);
        Console.WriteLine($"| {n} | {bandwidth / 1e9:F2} | {floorMs:F2} | RX | {label} | {ms:F2} | {ms / floorMs:F2} |");
    }

    foreach (var (label, c, t) in new[] { ("0 → 1", 0, 1), ($"{n / 2} → {n / 2 + 1}", n / 2, n / 2 + 1), ($"{n - 2} → {n - 1}", n - 2, n - 1), ($"{n - 1} → 0", n - 1, 0) })
    {
        var ms = Bench.Time(() => state.ApplyControlled1(c, t, x), options.Repeats);
        Console.WriteLine($"| {n} | {bandwidth / 1e9:F2} | {floorMs:F2} | CNOT | {label} | {ms:F2} | {ms / floorMs:F2} |");
    }
}

Console.WriteLine();
Console.WriteLine("## Adjoint gradient vs. forward evaluation");
var adjointQubits = options.Quick ? 12 : 16;
var (ansatz, theta) = Workloads.HardwareEfficient(adjointQubits, 200, new Random(1));
var tfim = Hamiltonians.TransverseFieldIsing(adjointQubits);
var fused = ansatz.Fuse();
var psi = new StateVector(adjointQubits);
var adjoint = new AdjointGradient(adjointQubits);
var gradient = new double[ansatz.ParameterCount];
// Interleaved, so that load from other processes hits all three alike; best of the rounds.
double forwardMs = double.MaxValue, unfusedMs = double.MaxValue, adjointMs = double.MaxValue;
for (var round = 0; round < options.Repeats * 4; round++)
{
    forwardMs = Math.Min(forwardMs, Bench.Time(() =>
    {
        psi.Reset();
        fused.Apply(psi, theta);
        _ = tfim.Expectation(psi);
    }, 1));
    unfusedMs = Math.Min(unfusedMs, Bench.Time(() =>
    {
        psi.Reset();
        ansatz.Apply(psi, theta);
        _ = tfim.Expectation(psi);
    }, 1));
    adjointMs = Math.Min(adjointMs, Bench.Time(() => adjoint.Evaluate(ansatz, theta, tfim, gradient), 1));
}

Console.WriteLine($"{adjointQubits} qubits, {ansatz.ParameterCount} parameters, {ansatz.Ops.Count} gates ({fused.StepCount} fused passes), H = TFIM ({tfim.Terms.Count} terms).");
Console.WriteLine();
Console.WriteLine("| forward (fused) + ⟨H⟩ ms | forward (unfused) + ⟨H⟩ ms | adjoint (energy + all gradients) ms | adjoint / forward (fused) | adjoint / forward (unfused) |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
Console.WriteLine($"| {forwardMs:F2} | {unfusedMs:F2} | {adjointMs:F2} | {adjointMs / forwardMs:F2} | {adjointMs / unfusedMs:F2} |");

Console.WriteLine();
Console.WriteLine("## Batch throughput: 8-qubit circuits (parallel across circuits)");
var batch = Enumerable.Range(0, 512).Select(i => Workloads.HardwareEfficient(8, 48, new Random(100 + i))).ToArray();
var h8 = Hamiltonians.TransverseFieldIsing(8);
Console.WriteLine("Each circuit: 8 qubits, 48 parameters (RY/RZ layers + CNOT chain), fused forward + ⟨TFIM⟩.");
Console.WriteLine();
Console.WriteLine("| threads | circuits/s | with adjoint gradient: circuits/s |");
Console.WriteLine("|---:|---:|---:|");
foreach (var threads in new[] { 1, Math.Min(2, Environment.ProcessorCount) }.Distinct())
{
    var forward = Bench.Throughput(batch, threads, options.Quick ? 1 : 3, (c, p, _) =>
    {
        var s = new StateVector(8);
        c.Fuse().Apply(s, p);
        return h8.Expectation(s);
    });
    var withGradient = Bench.Throughput(batch, threads, options.Quick ? 1 : 3, (c, p, workspace) =>
    {
        var g = new double[c.ParameterCount];
        return workspace.Evaluate(c, p, h8, g);
    });
    Console.WriteLine($"| {threads} | {forward:F0} | {withGradient:F0} |");
}

static void FillRandom(StateVector state)
{
    var rng = new Random(5);
    for (var i = 0; i < state.Length; i++)
    {
        state.Re[i] = rng.NextDouble() - 0.5;
        state.Im[i] = rng.NextDouble() - 0.5;
    }

    state.Normalize();
}

internal sealed record Options(int[] Qubits, int Repeats, bool Quick, bool Kernels)
{
    public static Options Parse(string[] args)
    {
        var qubits = new[] { 20, 22, 24 };
        var repeats = 5;
        var quick = false;
        var kernels = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--qubits":
                    qubits = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--repeats":
                    repeats = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--kernels":
                    kernels = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Options: --qubits 20,22,24 --repeats 5 --quick --kernels");
            }
        }

        return new Options(qubits, repeats, quick, kernels);
    }
}
