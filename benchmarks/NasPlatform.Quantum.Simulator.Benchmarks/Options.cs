using System.Globalization;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>Command line of the simulator benchmark; unknown options fail with the list of known ones.</summary>
internal sealed record Options(int[] Qubits, int Repeats, bool Quick, bool Kernels, int Layers, bool PerTarget, string[] Sections, Precision[] Precisions, bool[] HugePages, string[] Plans)
{
    public static readonly string[] AllSections = ["rx", "ansatz", "adjoint", "throughput", "large"];

    /// <summary>Ansatz plans: Fuse(), Fuse(true), Fuse(true) with the single-precision 4×4 loop before unrolling, FuseDense(k), FuseDense(3) on the generic kernel, FuseDense() (k by cost).</summary>
    public static readonly string[] AllPlans = ["pairwise", "unblocked", "blocked", "folded", "folded-loop", "dense2", "dense3", "dense3generic", "dense4", "auto"];

    /// <summary>A plan name: one of <see cref="AllPlans"/>, or <c>blockedC-R</c> (cache blocks of C qubits with runs of R bits, e.g. blocked15-8).</summary>
    public static bool IsPlan(string name) => AllPlans.Contains(name) || System.Text.RegularExpressions.Regex.IsMatch(name, @"^blocked\d{1,2}-\d{1,2}$");

    private const string Usage = "Options: --qubits 16,20,22,24 --repeats 5 --layers 10 --only rx,ansatz,adjoint,throughput,large --per-target --precision double|single|both --pages small|huge|both --plans pairwise,unblocked,blocked,blockedC-R,folded,folded-loop,dense2,dense3,dense3generic,dense4,auto --quick --kernels --no-prefetch --prefetch-distance BYTES --prefetch-max-partner BYTES --no-staging --staging-min-partner BYTES --no-placement";

    public bool Runs(string section) => Sections.Contains(section);

    public static Options Parse(string[] args)
    {
        var qubits = new[] { 16, 20, 22, 24 };
        var repeats = 5;
        var layers = 10;
        var quick = false;
        var kernels = false;
        var perTarget = false;
        var sections = AllSections;
        Precision[] precisions = [Precision.Double];
        bool[] hugePages = [StateMemory.HugePages];
        string[] plans = ["pairwise", "auto"];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--qubits":
                    qubits = Value(args, ref i).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--repeats":
                    repeats = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--layers":
                    layers = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    sections = Value(args, ref i).Split(',');
                    var unknown = sections.FirstOrDefault(s => !AllSections.Contains(s));
                    if (unknown is not null)
                    {
                        throw new ArgumentException($"Unknown section '{unknown}' in --only. {Usage}");
                    }

                    break;
                case "--precision":
                    precisions = Value(args, ref i) switch
                    {
                        "double" => [Precision.Double],
                        "single" => [Precision.Single],
                        "both" => [Precision.Double, Precision.Single],
                        var other => throw new ArgumentException($"Unknown precision '{other}': use double, single or both. {Usage}"),
                    };
                    break;
                case "--pages":
                    // 4 KiB pages, 2 MiB transparent huge pages for states of 4 MiB and more, or both side by side.
                    hugePages = Value(args, ref i) switch
                    {
                        "small" => [false],
                        "huge" => [true],
                        "both" => [false, true],
                        var other => throw new ArgumentException($"Unknown page size '{other}': use small, huge or both. {Usage}"),
                    };
                    break;
                case "--plans":
                    plans = Value(args, ref i).Split(',');
                    var unknownPlan = plans.FirstOrDefault(p => !IsPlan(p));
                    if (unknownPlan is not null)
                    {
                        throw new ArgumentException($"Unknown plan '{unknownPlan}' in --plans. {Usage}");
                    }

                    break;
                case "--per-target":
                    perTarget = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--kernels":
                    kernels = true;
                    break;
                case "--no-prefetch":
                    // The one-qubit passes without the block prefetch (Kernels/BlockPrefetch.cs), to time what it changes.
                    NasPlatform.Quantum.Simulator.Kernels.BlockPrefetch.Enabled = false;
                    break;
                case "--prefetch-distance":
                    // How far ahead the block prefetch reads (bytes per array; rounded up to whole blocks), for sweeps.
                    NasPlatform.Quantum.Simulator.Kernels.BlockPrefetch.DistanceBytes = Bytes(args, ref i);
                    break;
                case "--prefetch-max-partner":
                    // The widest partner distance (bytes) the block prefetch serves, for sweeps.
                    NasPlatform.Quantum.Simulator.Kernels.BlockPrefetch.MaxPartnerBytes = Bytes(args, ref i);
                    break;
                case "--no-staging":
                    // Top-target passes without the far-partner staging (Kernels/FarPartnerStaging.cs), to time what it changes.
                    NasPlatform.Quantum.Simulator.Kernels.FarPartnerStaging.Enabled = false;
                    break;
                case "--staging-min-partner":
                    // The smallest partner distance (bytes) whose pass is staged through a tile, for sweeps.
                    NasPlatform.Quantum.Simulator.Kernels.FarPartnerStaging.MinPartnerBytes = Bytes(args, ref i);
                    break;
                case "--no-placement":
                    // Large arrays wherever the GC puts them (StatePlacement.cs), to time what the placement changes.
                    NasPlatform.Quantum.Simulator.StatePlacement.Enabled = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}");
            }
        }

        return new Options(qubits, repeats, quick, kernels, layers, perTarget, sections, precisions, hugePages, plans);
    }

    private static int Bytes(string[] args, ref int i)
    {
        var text = Value(args, ref i);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes >= 64
            ? bytes
            : throw new ArgumentException($"{args[i - 1]} takes a whole number of bytes, 64 or more; got '{text}'. {Usage}");
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value. {Usage}");
}
