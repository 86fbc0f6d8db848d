using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Testing.Contracts;

/// <summary>
/// The laws every <see cref="ISearchStrategy"/> obeys, as xUnit tests. Derive one small class per strategy
/// (its name ending in ContractTests) and implement <see cref="CreateStrategy"/>; override the other members
/// to search another space, with other objectives, fidelities or options, or for more or fewer trials.
/// The laws: a seed and the outcomes fix the proposals (and another seed changes them); a fresh strategy
/// replayed from a run's record (Asks with their generators, outcomes told in order, as the engine resumes
/// an experiment) proposes exactly what the original proposes next and reports the same journal events;
/// proposals are valid candidates of the space at fidelities the evaluator offers; failed and infeasible
/// outcomes, even all of them, never break the strategy.
/// </summary>
public abstract class SearchStrategyContract
{
    /// <summary>Creates a fresh strategy, e.g. <c>new MyStrategyFactory().Create(context)</c>.</summary>
    protected abstract ISearchStrategy CreateStrategy(StrategyContext context);

    /// <summary>The space to search; 12-bit rows by default.</summary>
    protected virtual ISearchSpace CreateSpace() => new ContractBitSpace();

    /// <summary>The objectives; maximize "score" by default (<see cref="ContractEvaluator.ScoreAndCost"/> for two).</summary>
    protected virtual ObjectiveSet Objectives => ContractEvaluator.MaximizeScore;

    /// <summary>The evaluator's fidelities, cheapest first; the last is the experiment's.</summary>
    protected virtual IReadOnlyList<Fidelity> Fidelities => ContractEvaluator.Fidelities;

    /// <summary>The strategy's options, as the experiment file would give them.</summary>
    protected virtual JObject Options => new();

    /// <summary>Trials per run: enough for the strategy to get past its initial samples.</summary>
    protected virtual int Trials => 40;

    public static TheoryData<int> WorkerCounts => [1, 3];

    /// <summary>Where a run is interrupted (after that many Asks and Tells) and workers.</summary>
    public static TheoryData<int, int> Interruptions => new() { { 1, 1 }, { 12, 1 }, { 31, 1 }, { 4, 3 }, { 27, 3 } };

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void The_same_seed_and_outcomes_give_the_same_proposals(int workers)
    {
        var first = Run(seed: 7, workers);
        var second = Run(seed: 7, workers);

        Assert.Equal(Trials, first.Driver.Proposals.Count());
        Assert.Equal(Trace(first.Driver), Trace(second.Driver));
        Assert.Equal(first.Journal.Events, second.Journal.Events);
    }

    [Fact]
    public void Another_seed_gives_other_proposals()
    {
        Assert.NotEqual(Trace(Run(seed: 7, workers: 1).Driver), Trace(Run(seed: 8, workers: 1).Driver));
    }

    [Theory]
    [MemberData(nameof(Interruptions))]
    public void A_fresh_strategy_replayed_from_the_record_proposes_what_the_original_proposes_next(int stepsBeforeInterruption, int workers)
    {
        var original = Run(seed: 11, workers);
        var journal = new RecordingJournal();
        var resumed = Driver(seed: 11, workers, journal);

        var mismatches = resumed.Replay(original.Driver.Steps.Take(stepsBeforeInterruption));
        resumed.RunUntil(Trials);

        Assert.True(mismatches.Count == 0, "replayed Asks proposed something else than the stored run:\n" + string.Join("\n", mismatches));
        Assert.Equal(Trace(original.Driver), Trace(resumed));
        Assert.Equal(original.Journal.Events, journal.Events);
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Proposals_are_valid_candidates_at_fidelities_the_evaluator_offers(int workers)
    {
        var space = CreateSpace();
        var offered = Fidelities.Select(f => f.Name).ToList();

        var proposals = Run(seed: 3, workers).Driver.Proposals.ToList();

        Assert.Equal(Trials, proposals.Count);
        Assert.All(proposals, p =>
        {
            Assert.Empty(space.Validate(p.Candidate));
            Assert.True(p.Fidelity is null || offered.Contains(p.Fidelity), $"fidelity '{p.Fidelity}' is not one of {string.Join(", ", offered)}");
        });
    }

    [Fact]
    public void Failed_and_infeasible_outcomes_are_told_without_breaking_the_search()
    {
        var run = Run(seed: 5, workers: 1);
        var outcomes = run.Driver.Steps.Where(s => !s.IsAsk).Select(s => s.Outcome!).ToList();

        // The contract evaluator fails about one trial in eight and finds another one in eight infeasible.
        Assert.Contains(outcomes, o => o.State == TrialState.Failed);
        Assert.Contains(outcomes, o => o.State == TrialState.Completed && !o.Feasible);
        Assert.Equal(Trials, outcomes.Count);
    }

    [Fact]
    public void When_every_trial_fails_it_keeps_proposing_valid_new_candidates()
    {
        var space = CreateSpace();

        var run = Run(seed: 9, workers: 1, failAll: true);

        var proposals = run.Driver.Proposals.ToList();
        Assert.Equal(Trials, proposals.Count);
        Assert.All(proposals, p => Assert.Empty(space.Validate(p.Candidate)));
        Assert.All(run.Driver.Steps.Where(s => !s.IsAsk), s => Assert.Equal(TrialState.Failed, s.Outcome!.State));
    }

    /// <summary>A full run of <see cref="Trials"/> trials with a fresh strategy.</summary>
    protected (StrategyDriver Driver, RecordingJournal Journal) Run(int seed, int workers, bool failAll = false)
    {
        var journal = new RecordingJournal();
        return (Driver(seed, workers, journal, failAll).RunUntil(Trials), journal);
    }

    /// <summary>The context the engine would build for an experiment with these settings.</summary>
    protected StrategyContext Context(ISearchSpace space, int seed, IStrategyJournal journal)
    {
        var fidelities = Fidelities;
        return new StrategyContext(space, Objectives, fidelities, fidelities[^1], seed) { Journal = journal };
    }

    private StrategyDriver Driver(int seed, int workers, RecordingJournal journal, bool failAll = false)
    {
        var space = CreateSpace();
        var strategy = CreateStrategy(Context(space, seed, journal));
        return new StrategyDriver(strategy, space, Objectives, Fidelities, seed, workers, journal, failAll);
    }

    private static List<string> Trace(StrategyDriver driver) => driver.Steps.Select(s => s.ToString()).ToList();
}
