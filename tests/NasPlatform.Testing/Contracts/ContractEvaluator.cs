using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Testing.Contracts;

/// <summary>
/// The evaluator of the strategy contract: a fixed, smooth but bumpy function of a candidate's encoding,
/// so strategies that learn from outcomes see outcomes worth learning from. About one candidate in eight
/// fails and one in eight is infeasible, chosen by its hash, so every strategy meets both.
/// </summary>
public static class ContractEvaluator
{
    /// <summary>Maximize "score".</summary>
    public static ObjectiveSet MaximizeScore { get; } = new([new Objective("score", Direction.Maximize)]);

    /// <summary>Maximize "score", minimize "cost": for multi-objective strategies.</summary>
    public static ObjectiveSet ScoreAndCost { get; } = new([new Objective("score", Direction.Maximize), new Objective("cost", Direction.Minimize)]);

    /// <summary>A cheap proxy fidelity and the full one, cheapest first.</summary>
    public static IReadOnlyList<Fidelity> Fidelities { get; } = [new Fidelity("quick", 1.0 / 3), new Fidelity("full", 1.0)];

    /// <summary>The value of objective <paramref name="index"/> for an encoding at a fidelity of cost <paramref name="cost"/> (1 = full).</summary>
    public static double Value(double[] encoding, int index, double cost)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var value = 0.0;
        for (var i = 0; i < encoding.Length; i++)
        {
            value += encoding[i] * Math.Sin(1.7 * (i + 1) + 0.9 * index);
        }

        // A cheaper fidelity sees the value with a deterministic distortion that shrinks as the cost grows.
        var distortion = Math.Cos(encoding.Select((e, i) => e * (i + 1)).Sum());
        return value + (1 - cost) * distortion;
    }

    /// <summary>
    /// The outcome of trial <paramref name="number"/>, <paramref name="candidate"/> of <paramref name="space"/> evaluated
    /// at <paramref name="fidelity"/> (one of <paramref name="fidelities"/>) for <paramref name="objectives"/>:
    /// completed, failed (metrics empty) or infeasible. With <paramref name="failAll"/> every trial fails,
    /// as with an evaluator that always throws.
    /// </summary>
    public static TrialOutcome Evaluate(ISearchSpace space, ObjectiveSet objectives, IReadOnlyList<Fidelity> fidelities,
        int number, Candidate candidate, string fidelity, bool failAll = false)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(fidelities);
        ArgumentNullException.ThrowIfNull(candidate);
        var freeStatistics = space.FreeStatistics(candidate);
        var bucket = int.Parse(candidate.Hash.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 8;
        if (failAll || bucket == 0)
            return new TrialOutcome(number, candidate, fidelity, TrialState.Failed, new Dictionary<string, double>(), freeStatistics, true);

        var cost = fidelities.Single(f => f.Name == fidelity).Cost;
        var encoding = space.Encode(candidate);
        var metrics = objectives.Objectives.Select((o, j) => (o.Metric, Value: Value(encoding, j, cost)))
            .ToDictionary(m => m.Metric, m => m.Value);
        return new TrialOutcome(number, candidate, fidelity, TrialState.Completed, metrics, freeStatistics, Feasible: bucket != 1);
    }
}
