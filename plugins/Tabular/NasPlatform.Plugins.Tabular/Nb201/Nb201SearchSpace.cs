using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Plugins.Tabular.Nb201;

/// <summary>
/// The NAS-Bench-201 cell space: 6 edges × 5 operations = 15,625 cells. Candidates are
/// <c>{"edges":[op, ...]}</c> in cell-string edge order (see <see cref="Nb201Cell"/>).
/// Stateless, so safe to share between threads.
/// </summary>
public sealed class Nb201SearchSpace : ISearchSpace
{
    /// <summary>Name the plugin registers the space under.</summary>
    public const string Name = "nas-bench-201";


    private static readonly int OpCount = Nb201Cell.Operations.Count;

    /// <summary>One-hot per edge: 6 × 5.</summary>
    public int EncodingLength => Nb201Cell.EdgeCount * OpCount;

    /// <summary>Uniform over the 15,625 cells.</summary>
    public Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var ops = new int[Nb201Cell.EdgeCount];
        for (var e = 0; e < ops.Length; e++)
        {
            ops[e] = rng.Next(OpCount);
        }

        return new Nb201Cell(ops).ToCandidate();
    }

    /// <summary>Changes exactly one edge (uniform) to a different operation (uniform among the other four).</summary>
    public Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var ops = Nb201Cell.FromCandidate(parent).OperationIndices.ToArray();
        var edge = rng.Next(ops.Length);
        var op = rng.Next(OpCount - 1);
        ops[edge] = op >= ops[edge] ? op + 1 : op;
        return new Nb201Cell(ops).ToCandidate();
    }

    /// <summary>Uniform crossover: each edge's operation comes from either parent with probability 1/2.</summary>
    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var a = Nb201Cell.FromCandidate(first).OperationIndices;
        var b = Nb201Cell.FromCandidate(second).OperationIndices;
        var ops = new int[Nb201Cell.EdgeCount];
        for (var e = 0; e < ops.Length; e++)
        {
            ops[e] = rng.Next(2) == 0 ? a[e] : b[e];
        }

        return new Nb201Cell(ops).ToCandidate();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(Candidate candidate) => Nb201Cell.Problems(candidate);

    /// <summary>One-hot of each edge's operation, edges in cell-string order, operations in <see cref="Nb201Cell.Operations"/> order.</summary>
    public double[] Encode(Candidate candidate)
    {
        var ops = Nb201Cell.FromCandidate(candidate).OperationIndices;
        var features = new double[EncodingLength];
        for (var e = 0; e < ops.Count; e++)
        {
            features[(e * OpCount) + ops[e]] = 1.0;
        }

        return features;
    }

    /// <summary>
    /// One choice per edge in the benchmark's naming, <c>edge_TO_FROM</c> (the cell string's <c>|op~FROM|</c> in node
    /// TO's group), in cell-string order: <c>edge_1_0=nor_conv_3x3</c>, <c>edge_2_0=skip_connect</c>, ...
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        var ops = Nb201Cell.FromCandidate(candidate).OperationIndices;
        return [.. ops.Select((op, e) => new KeyValuePair<string, string>(EdgeName(e), Nb201Cell.Operations[op]))];
    }

    /// <summary>The one-hot slots as <c>edge_1_0=none</c>, <c>edge_1_0=skip_connect</c>, ... in encoding order.</summary>
    public IReadOnlyList<string> EncodingFeatureNames =>
        [.. Enumerable.Range(0, Nb201Cell.EdgeCount).SelectMany(e => Nb201Cell.Operations.Select(op => EdgeName(e) + "=" + op))];

    /// <summary>params, flops, depth and connected; see <see cref="Nb201Network"/> for the conventions.</summary>
    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) =>
        Nb201Network.Statistics(Nb201Cell.FromCandidate(candidate));

    private static string EdgeName(int edge) =>
        string.Create(CultureInfo.InvariantCulture, $"edge_{Nb201Cell.Edges[edge].To}_{Nb201Cell.Edges[edge].From}");
}
