using NasPlatform.Search.Results;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal, Meyarivan 2002) in ask/tell form. Generation 0 is
/// <see cref="PopulationSize"/> random samples. Every further proposal is a child: two binary
/// tournaments on (non-domination rank, then crowding distance) pick the parents, the space's
/// crossover combines them (with probability <see cref="CrossoverProbability"/>, else the first
/// parent is copied) and the space's mutation changes the child (always after a copy, else with
/// probability <see cref="MutationProbability"/>). Outcomes are grouped into generations of
/// <see cref="PopulationSize"/> in the order they are told; after each, the parents and the
/// generation's children are sorted into fronts and the best <see cref="PopulationSize"/> survive
/// (whole fronts, the last one cut by crowding distance, larger first).
/// </summary>
/// <remarks>
/// Constraints: candidates whose free statistics break a constraint never reach the population,
/// because the runner rejects them before evaluation (also children of crossover and mutation).
/// Trials that break a constraint on metrics (infeasible) rank after every feasible one, sorted
/// among themselves by their objectives; failed trials count in their generation but never
/// survive. Ties keep the order trials were told, so with one worker the search is deterministic
/// for a fixed seed, and replaying the stored outcomes rebuilds it exactly.
/// </remarks>
public sealed class Nsga2 : ISearchStrategy
{
    private readonly ISearchSpace _space;
    private readonly ObjectiveSet _objectives;
    private readonly List<TrialOutcome> _children = [];
    private List<Member> _parents = [];
    private int _toldInGeneration;

    public Nsga2(ISearchSpace space, ObjectiveSet objectives, int populationSize, double crossoverProbability, double mutationProbability)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 2);
        if (crossoverProbability is < 0 or > 1 || double.IsNaN(crossoverProbability))
        {
            throw new ArgumentOutOfRangeException(nameof(crossoverProbability), crossoverProbability, "A probability lies in [0, 1].");
        }

        if (mutationProbability is < 0 or > 1 || double.IsNaN(mutationProbability))
        {
            throw new ArgumentOutOfRangeException(nameof(mutationProbability), mutationProbability, "A probability lies in [0, 1].");
        }

        _space = space;
        _objectives = objectives;
        PopulationSize = populationSize;
        CrossoverProbability = crossoverProbability;
        MutationProbability = mutationProbability;
    }

    /// <summary>N: the population size, and the number of trials per generation.</summary>
    public int PopulationSize { get; }

    /// <summary>Chance that a child is a crossover of its two parents rather than a copy of the first.</summary>
    public double CrossoverProbability { get; }

    /// <summary>Chance that a crossover child is also mutated (a copy always is).</summary>
    public double MutationProbability { get; }

    /// <summary>Generations selected so far (0 while the first random population is being evaluated).</summary>
    public int Generation { get; private set; }

    /// <summary>The surviving population with rank and crowding distance, best first.</summary>
    public IReadOnlyList<(TrialOutcome Outcome, int Rank, double Crowding)> Population =>
        _parents.Select(m => (m.Outcome, m.Rank, m.Crowding)).ToList();

    public TrialProposal Ask(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (_parents.Count == 0)
        {
            return new TrialProposal(_space.Sample(rng));
        }

        var first = Tournament(rng);
        var second = Tournament(rng);
        var crossed = rng.NextDouble() < CrossoverProbability;
        var child = crossed ? _space.Crossover(first.Outcome.Candidate, second.Outcome.Candidate, rng) : first.Outcome.Candidate;
        if (!crossed || rng.NextDouble() < MutationProbability)
        {
            child = _space.Mutate(child, rng);
        }

        // The lineage: both parents of a crossover (one when a tournament picked the same trial twice), else the copied one.
        int[] parents = crossed && second.Outcome.Number != first.Outcome.Number ? [first.Outcome.Number, second.Outcome.Number] : [first.Outcome.Number];
        return new TrialProposal(child) { Parents = parents };
    }

    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _toldInGeneration++;
        if (outcome.State == TrialState.Completed && _objectives.Utilities(outcome.Metrics).All(double.IsFinite))
        {
            _children.Add(outcome);
        }

        if (_toldInGeneration >= PopulationSize)
        {
            Select();
            _toldInGeneration = 0;
            _children.Clear();
            Generation++;
        }
    }

    /// <summary>
    /// Ranks outcomes as NSGA-II does: feasible ones by non-dominated sorting, then infeasible ones
    /// the same way with ranks after the feasible; crowding distance within each front. The
    /// result is in selection order: by rank, then crowding distance (larger first), then input order.
    /// </summary>
    public static IReadOnlyList<(TrialOutcome Outcome, int Rank, double Crowding)> Rank(IReadOnlyList<TrialOutcome> outcomes, ObjectiveSet objectives)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(objectives);
        return RankMembers(outcomes, objectives).Select(m => (m.Outcome, m.Rank, m.Crowding)).ToList();
    }

    private static List<Member> RankMembers(IReadOnlyList<TrialOutcome> outcomes, ObjectiveSet objectives)
    {
        var ranked = new List<Member>(outcomes.Count);
        var nextRank = 0;
        foreach (var group in new[] { outcomes.Where(o => o.Feasible).ToList(), outcomes.Where(o => !o.Feasible).ToList() })
        {
            var points = group.Select(o => objectives.Utilities(o.Metrics)).ToList();
            foreach (var front in NonDominatedSorting.Fronts(points))
            {
                var crowding = NonDominatedSorting.CrowdingDistances(points, front);
                ranked.AddRange(front
                    .Select((index, k) => new Member(group[index], nextRank, crowding[k], index))
                    .OrderByDescending(m => m.Crowding)
                    .ThenBy(m => m.Order));
                nextRank++;
            }
        }

        return ranked;
    }

    private void Select()
    {
        // Parents first, so on equal rank and crowding the older survives.
        var pool = _parents.Select(m => m.Outcome).Concat(_children).ToList();
        _parents = RankMembers(pool, _objectives).Take(PopulationSize).ToList();
    }

    private Member Tournament(Random rng)
    {
        var a = rng.Next(_parents.Count);
        if (_parents.Count == 1)
        {
            return _parents[a];
        }

        // Two distinct contestants.
        var b = rng.Next(_parents.Count - 1);
        b += b >= a ? 1 : 0;
        var first = _parents[a];
        var second = _parents[b];
        if (first.Rank != second.Rank)
        {
            return first.Rank < second.Rank ? first : second;
        }

        return second.Crowding > first.Crowding ? second : first;
    }

    private sealed record Member(TrialOutcome Outcome, int Rank, double Crowding, int Order);
}
