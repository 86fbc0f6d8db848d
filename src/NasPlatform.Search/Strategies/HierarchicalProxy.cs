using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// The hierarchical proxy of EcoNAS (Zhou et al. 2020, "EcoNAS: Finding Proxies for Economical
/// Neural Architecture Search"), run as successive halving (Jamieson and Talwalkar 2016) over a
/// ladder of fidelities (rungs), cheapest first. New candidates come from an inner sampler
/// (random search or regularized evolution, which sees only lowest-rung results) and are
/// evaluated at the lowest rung. Lowest-rung results are grouped into brackets of
/// <see cref="RungSize"/> in the order they are told; once a bracket's rung is complete, its best
/// 1/<see cref="Eta"/> (at least one; usable trials only) are evaluated again at the next rung,
/// and so on up the ladder. Promotions go before new samples, highest rung first, so the compute
/// goes to candidates the cheap proxy ranks well, and full-fidelity results come early.
/// </summary>
/// <remarks>
/// Each rung is a separate trial (the candidate × fidelity pair the store keys on), evaluated from
/// scratch: the evaluator contract has no warm start, so, unlike EcoNAS's continued training, a
/// promotion costs the next fidelity's full cost. "Best" in a multi-objective experiment means
/// NSGA-II's order (non-domination rank, then crowding distance); with one objective, the better
/// value, earlier on ties. With several workers, new brackets start while earlier ones wait for
/// results, as in parallel successive halving. All state comes from Tell and from the planned
/// promotions in Ask, and all randomness from the generator given to Ask (the sampler's), so
/// replaying a stored run rebuilds the strategy exactly.
/// </remarks>
public sealed class HierarchicalProxy : ISearchStrategy
{
    private readonly ObjectiveSet _objectives;
    private readonly ISearchStrategy _sampler;
    private readonly Dictionary<string, int> _rungOf;
    private readonly List<Bracket> _brackets = [];
    private readonly Dictionary<string, Bracket> _bracketOf = new(StringComparer.Ordinal);
    private readonly List<(Candidate Candidate, int Rung)> _promotions = [];

    /// <param name="rungs">Fidelity names, cheapest first; at least one.</param>
    /// <param name="eta">Keep the best 1/eta of a rung; at least 2.</param>
    /// <param name="rungSize">Candidates per bracket at the lowest rung; at least 1.</param>
    /// <param name="sampler">Proposes new candidates (its fidelity is ignored); told only lowest-rung outcomes.</param>
    /// <param name="objectives">The experiment's objectives.</param>
    public HierarchicalProxy(IReadOnlyList<string> rungs, double eta, int rungSize, ISearchStrategy sampler, ObjectiveSet objectives)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(objectives);
        if (rungs.Count == 0 || rungs.Distinct(StringComparer.Ordinal).Count() != rungs.Count)
        {
            throw new ArgumentException("The rungs must be at least one fidelity name, each once.", nameof(rungs));
        }

        if (!(eta >= 2) || double.IsInfinity(eta))
        {
            throw new ArgumentOutOfRangeException(nameof(eta), eta, "eta must be at least 2.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rungSize, 1);
        Rungs = rungs.ToArray();
        Eta = eta;
        RungSize = rungSize;
        _sampler = sampler;
        _objectives = objectives;
        _rungOf = Rungs.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The fidelity ladder, cheapest first.</summary>
    public IReadOnlyList<string> Rungs { get; }

    /// <summary>A rung keeps its best 1/eta for the next one.</summary>
    public double Eta { get; }

    /// <summary>Candidates per bracket at the lowest rung.</summary>
    public int RungSize { get; }

    /// <summary>Brackets started so far.</summary>
    public int Brackets => _brackets.Count;

    /// <summary>How many candidates of a full bracket reach rung <paramref name="rung"/> (rung 0: <see cref="RungSize"/>).</summary>
    public int Planned(int rung)
    {
        var size = RungSize;
        for (var k = 0; k < rung; k++)
        {
            size = Math.Max(1, (int)Math.Floor(size / Eta));
        }

        return size;
    }

    public TrialProposal Ask(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (_promotions.Count > 0)
        {
            // Highest rung first; among equals, the order they were promoted in.
            var next = _promotions.Select((p, i) => (p, i)).MaxBy(x => (x.p.Rung, -x.i));
            _promotions.RemoveAt(next.i);
            return new TrialProposal(next.p.Candidate, Rungs[next.p.Rung]);
        }

        // The sampler's proposal as it is (an evolution sampler's parents included), at the cheapest rung.
        return _sampler.Ask(rng) with { Fidelity = Rungs[0] };
    }

    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!_rungOf.TryGetValue(outcome.Fidelity, out var rung))
        {
            return;
        }

        Bracket? bracket;
        if (rung == 0)
        {
            bracket = _brackets.Count > 0 && _brackets[^1].Results[0].Count < RungSize ? _brackets[^1] : null;
            if (bracket is null)
            {
                bracket = new Bracket(Rungs.Count, RungSize);
                _brackets.Add(bracket);
            }

            _sampler.Tell(outcome);
        }
        else if (!_bracketOf.TryGetValue(outcome.Candidate.Hash, out bracket) || bracket.Results[rung].Count >= bracket.Expected[rung])
        {
            // Not a promotion this strategy made (a foreign trial at a higher fidelity): ignore it.
            return;
        }

        bracket.Results[rung].Add(outcome);
        _bracketOf[outcome.Candidate.Hash] = bracket;
        if (rung + 1 < Rungs.Count && bracket.Results[rung].Count == bracket.Expected[rung])
        {
            Promote(bracket, rung);
        }
    }

    private void Promote(Bracket bracket, int rung)
    {
        var keep = Math.Max(1, (int)Math.Floor(bracket.Expected[rung] / Eta));
        var usable = bracket.Results[rung].Where(o => o.IsUsable && _objectives.Utilities(o.Metrics).All(double.IsFinite)).ToList();
        var promoted = Order(usable).Take(keep).ToList();
        bracket.Expected[rung + 1] = promoted.Count;
        foreach (var outcome in promoted)
        {
            _promotions.Add((outcome.Candidate, rung + 1));
        }
    }

    private IEnumerable<TrialOutcome> Order(List<TrialOutcome> outcomes)
    {
        if (!_objectives.IsMultiObjective)
        {
            var primary = _objectives.Primary;
            return outcomes.Select((o, i) => (o, i)).OrderByDescending(x => primary.Utility(x.o.Metrics[primary.Metric])).ThenBy(x => x.i).Select(x => x.o);
        }

        return Nsga2.Rank(outcomes, _objectives).Select(r => r.Outcome);
    }

    private sealed class Bracket
    {
        public Bracket(int rungs, int rungSize)
        {
            Results = Enumerable.Range(0, rungs).Select(_ => new List<TrialOutcome>()).ToArray();
            Expected = new int[rungs];
            Expected[0] = rungSize;
        }

        public List<TrialOutcome>[] Results { get; }

        /// <summary>Results each rung waits for before promoting: the rung size, then the number promoted into it.</summary>
        public int[] Expected { get; }
    }
}
