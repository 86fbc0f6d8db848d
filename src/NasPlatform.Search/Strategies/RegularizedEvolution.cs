using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// Regularized (aging) evolution, Real et al. 2019, "Regularized Evolution for Image Classifier
/// Architecture Search", Algorithm 1. Until <see cref="PopulationSize"/> trials have been told, and
/// whenever the population is empty, it proposes random samples. Afterwards it draws
/// <see cref="SampleSize"/> members uniformly with replacement (as in the paper), mutates the best of
/// them (by <see cref="ObjectiveSet.Compare"/>; the first drawn wins ties), and the engine
/// evaluates the child (its proposal names the winner as its parent). Every usable outcome joins the population; beyond
/// <see cref="PopulationSize"/> members the oldest leaves, however good it is.
/// </summary>
/// <remarks>
/// All state comes from <see cref="Tell"/> and all randomness from the generator passed to
/// <see cref="Ask"/>, so replaying the stored outcomes rebuilds the strategy exactly.
/// </remarks>
public sealed class RegularizedEvolution : ISearchStrategy
{
    private readonly ISearchSpace _space;
    private readonly ObjectiveSet _objectives;

    // Oldest first; P is small (tens), so removing at the front is cheap.
    private readonly List<TrialOutcome> _population = [];

    // The transferred seeds, by reference: they are another experiment's trials, so never named as parents here.
    private readonly HashSet<TrialOutcome> _seeds = new(ReferenceEqualityComparer.Instance);
    private int _told;

    /// <param name="space">The space searched.</param>
    /// <param name="objectives">What a tournament compares.</param>
    /// <param name="populationSize">P.</param>
    /// <param name="sampleSize">S.</param>
    /// <param name="seeds">
    /// Trials of another experiment on the same space (its "transferFrom"): the usable ones (completed, meeting this
    /// experiment's constraints) fill the population before the first trial, worst first by the objectives (so the best
    /// age last; the best P when there are more), and evolution starts from them at once. Seeding a CNOT-minimising search with an ADAPT-VQE run's accurate circuit lets mutation remove
    /// and replace its operators, a way papers shorten ADAPT's circuits.
    /// </param>
    public RegularizedEvolution(ISearchSpace space, ObjectiveSet objectives, int populationSize, int sampleSize, IReadOnlyList<TrialOutcome>? seeds = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        _space = space;
        _objectives = objectives;
        PopulationSize = populationSize;
        SampleSize = sampleSize;
        // Seeds have no age here: the best are made the youngest, so that aging removes the worst first (ordered by
        // number, an ADAPT run's cheapest accurate circuit is its oldest and would be the first to die).
        foreach (var seed in WorstFirst((seeds ?? []).Where(t => t.IsUsable), objectives).TakeLast(populationSize))
        {
            _population.Add(seed);
            _seeds.Add(seed);
        }

        Seeded = _population.Count > 0;
    }

    /// <summary>
    /// Whether a child starts training from its parent's trained values (<see cref="IWarmStartSpace.WarmStart"/>):
    /// the "warmStart" option; the space must then implement <see cref="IWarmStartSpace"/>. A child of a transferred
    /// seed inherits from the seed's stored metrics.
    /// </summary>
    public bool WarmStart { get; init; }

    /// <summary>Whether transferred trials seeded the population, so that evolution needs no random samples first.</summary>
    public bool Seeded { get; }

    /// <summary>P: the most members the population holds.</summary>
    public int PopulationSize { get; }

    /// <summary>S: members drawn per tournament.</summary>
    public int SampleSize { get; }

    /// <summary>The current population, oldest first.</summary>
    public IReadOnlyList<TrialOutcome> Population => _population;

    /// <summary>Whether the next <see cref="Ask"/> mutates a tournament winner rather than sampling.</summary>
    public bool IsEvolving => (Seeded || _told >= PopulationSize) && _population.Count > 0;

    public TrialProposal Ask(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!IsEvolving)
        {
            return new TrialProposal(_space.Sample(rng));
        }

        TrialOutcome? parent = null;
        for (var i = 0; i < SampleSize; i++)
        {
            var member = _population[rng.Next(_population.Count)];
            if (parent is null || _objectives.Compare(member.Metrics, parent.Metrics) > 0)
            {
                parent = member;
            }
        }

        var child = _space.Mutate(parent!.Candidate, rng);
        if (WarmStart && _space is IWarmStartSpace warm)
        {
            child = warm.WarmStart(child, parent);
        }

        // A seed's number is a trial of the other experiment: naming it would point the lineage at an unrelated trial here.
        return new TrialProposal(child) { Parents = _seeds.Contains(parent) ? [] : [parent.Number] };
    }

    /// <summary>Outcomes ordered from the worst to the best by their objective utilities, compared in objective order (stable).</summary>
    private static IEnumerable<TrialOutcome> WorstFirst(IEnumerable<TrialOutcome> outcomes, ObjectiveSet objectives)
    {
        var ordered = outcomes.Select(o => (Outcome: o, Utilities: objectives.Utilities(o.Metrics).Select(u => double.IsNaN(u) ? double.NegativeInfinity : u).ToArray())).ToList();
        return ordered.OrderBy(o => o.Utilities, Comparer<double[]>.Create(Lexicographic)).Select(o => o.Outcome);
    }

    private static int Lexicographic(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _told++;
        if (!outcome.IsUsable)
        {
            return;
        }

        _population.Add(outcome);
        if (_population.Count > PopulationSize)
        {
            _population.RemoveAt(0);
        }
    }
}
