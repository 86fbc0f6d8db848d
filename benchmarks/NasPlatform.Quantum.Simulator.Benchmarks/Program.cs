using System.Runtime.Intrinsics;
using NasPlatform.Quantum.Simulator.Benchmarks;

// Simulator benchmarks, every workload as a multiple of the memory floor measured in the same run:
// RX per gate, the RY + CZ ansatz, the adjoint gradient, batch throughput and (above 24 qubits) the largest states.
// Usage: see Options.
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    // Bad command line: say what and how to fix it, exit 2 like the nas commands.
    Console.Error.WriteLine($"error: {e.Message}");
    Environment.Exit(2);
    return;
}

if (options.Kernels)
{
    KernelCosts.Print(options.Qubits, options.Repeats);
    return;
}

Console.WriteLine($"# Quantum simulator benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine($"CPU cores visible: {Environment.ProcessorCount}; Vector256 accelerated: {Vector256.IsHardwareAccelerated}; " +
    $"FMA: {System.Runtime.Intrinsics.X86.Fma.IsSupported}; .NET {Environment.Version}; load average: {LoadAverage()}");
Console.WriteLine();
// The yardstick of issue 20: one in-place read+write pass over a 24-qubit complex128 state, measured in this run,
// on 4 KiB pages as in every run before huge pages (the 2 MiB-page floor is printed beside it).
var yardstickMs = Yardstick(options.Repeats, hugePages: false);
var hugeYardstickMs = Yardstick(options.Repeats, hugePages: true);
Console.WriteLine($"Yardstick (floor): one in-place read+write pass over a 24-qubit complex128 state (256 MiB) on 4 KiB pages = {yardstickMs:F2} ms " +
    $"({2.0 * 256 * (1 << 20) / (yardstickMs / 1e3) / 1e9:F1} GB/s); on 2 MiB pages {hugeYardstickMs:F2} ms.");
Console.WriteLine();
var small = options.Qubits.Where(n => n < LargeStateSection.MinQubits).ToArray();
var rxSizes = options.Qubits.Where(n => n >= 20).ToArray();
if (options.Runs("rx") && rxSizes.Length > 0)
{
    GateSection.Print(rxSizes, options.Repeats, options.PerTarget, options.Precisions, options.HugePages, yardstickMs);
}

if (options.Runs("ansatz") && small.Length > 0)
{
    AnsatzSection.Print(small, options, yardstickMs);
}

if (options.Runs("large") && small.Length < options.Qubits.Length)
{
    LargeStateSection.Print(options.Qubits.Where(n => n >= LargeStateSection.MinQubits).ToArray(), options.Precisions);
}

if (options.Runs("adjoint"))
{
    AdjointSection.Print(options.Quick ? 12 : 16, options.Repeats, options.Precisions);
}

if (options.Runs("throughput"))
{
    ThroughputSection.Print(options.Quick);
}

static double Yardstick(int repeats, bool hugePages)
{
    GC.Collect();
    var state = new BenchState(24, NasPlatform.Quantum.Simulator.Precision.Double, hugePages);
    return Bench.Time(state.ScalePass, repeats);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
