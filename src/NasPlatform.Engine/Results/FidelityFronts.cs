using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Results;

/// <summary>
/// One Pareto front per fidelity, so that "the best so far" compares like with like: results at a
/// cheap fidelity (a few epochs, a data subset) are not comparable with full-fidelity ones, and are
/// usually worse or noisier. <see cref="Members"/> is the front at the highest fidelity that has a
/// usable trial; lower fidelities count only while no higher one has a result. Fidelities are
/// ranked by the order given (cheapest first, as the evaluator declares them); names outside it
/// rank below every known one. Without an order, every trial joins one front.
/// </summary>
public sealed class FidelityFronts
{
    private readonly ObjectiveSet _objectives;
    private readonly Dictionary<string, int> _rank;
    private readonly SortedDictionary<int, ParetoFront> _fronts = [];
    private readonly Dictionary<string, int> _unknownRank = new(StringComparer.Ordinal);

    /// <param name="objectives">The experiment's objectives.</param>
    /// <param name="fidelityOrder">Fidelity names, cheapest first; null or empty puts every trial in one front.</param>
    public FidelityFronts(ObjectiveSet objectives, IReadOnlyList<string>? fidelityOrder)
    {
        _objectives = objectives ?? throw new ArgumentNullException(nameof(objectives));
        _rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (fidelityOrder?.Count ?? 0); i++)
        {
            _rank.TryAdd(fidelityOrder![i], i);
        }
    }

    /// <summary>The fidelity whose front <see cref="Members"/> holds; null until a trial is usable.</summary>
    public string? Fidelity => TopFront() is { Members.Count: > 0 } front ? front.Members[0].Fidelity : null;

    /// <summary>The front at the highest fidelity with a usable trial, best primary objective first.</summary>
    public IReadOnlyList<TrialRecord> Members => TopFront()?.Members ?? [];

    /// <summary>Every fidelity's front (by rank, cheapest first), for displays that show them all.</summary>
    public IReadOnlyList<IReadOnlyList<TrialRecord>> All =>
        _fronts.Values.Where(f => f.Count > 0).Select(f => f.Members).ToList();

    /// <summary>The best trials of <paramref name="trials"/>: see <see cref="FidelityFronts"/>.</summary>
    public static FidelityFronts Of(IEnumerable<TrialRecord> trials, ObjectiveSet objectives, IReadOnlyList<string>? fidelityOrder)
    {
        var fronts = new FidelityFronts(objectives, fidelityOrder);
        foreach (var trial in trials)
        {
            fronts.Add(trial);
        }

        return fronts;
    }

    /// <summary>Offers a trial to its fidelity's front; returns true when it joined it.</summary>
    public bool Add(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var rank = Rank(trial.Fidelity);
        if (!_fronts.TryGetValue(rank, out var front))
        {
            _fronts[rank] = front = new ParetoFront(_objectives);
        }

        return front.Add(trial);
    }

    private int Rank(string fidelity)
    {
        if (_rank.Count == 0)
        {
            return 0;
        }

        if (_rank.TryGetValue(fidelity, out var rank))
        {
            return rank;
        }

        // Unknown names rank below every known fidelity, in order of first appearance.
        if (!_unknownRank.TryGetValue(fidelity, out rank))
        {
            rank = -1 - _unknownRank.Count;
            _unknownRank[fidelity] = rank;
        }

        return rank;
    }

    private ParetoFront? TopFront() => _fronts.Values.LastOrDefault(f => f.Count > 0);
}
