using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

/// <summary>Runs experiments on <see cref="BitStringSpace"/> in a temporary store.</summary>
public abstract class RunnerFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    protected string StorePath(string name = "store.db") => _dir.File(name);

    protected string Directory => _dir.Path;

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static ExperimentRunner Runner(
        ExperimentSpec spec,
        ITrialStore store,
        BitStringEvaluator evaluator,
        ISearchStrategyFactory? strategy = null,
        IRunObserver? observer = null,
        int length = 8,
        TimeSpan? grace = null) =>
        new(spec, Components(spec, new BitStringSpace(length), evaluator, strategy ?? Factory(spec)), store, observer)
        {
            CancellationGrace = grace ?? TimeSpan.FromSeconds(5),
        };

    /// <summary>The components with the strategy's options bound from the spec, as the resolver binds them.</summary>
    protected static ExperimentComponents Components(ExperimentSpec spec, ISearchSpace space, IEvaluator evaluator, ISearchStrategyFactory strategy) =>
        new(space, evaluator, strategy, ComponentOptions.Bind(strategy.OptionsType, spec.Strategy.Options.ToString()));

    protected static ISearchStrategyFactory Factory(ExperimentSpec spec) =>
        spec.Strategy.Name == "test-hill-climb" ? new HillClimbFactory() : new RandomSamplingFactory();

    /// <summary>Runs a new experiment to the end and returns its summary and stored trials.</summary>
    protected static async Task<(RunSummary Summary, IReadOnlyList<TrialRecord> Trials)> RunToEnd(
        ExperimentSpec spec,
        BitStringEvaluator? evaluator = null,
        IRunObserver? observer = null,
        int length = 8)
    {
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await Runner(spec, store, evaluator ?? new BitStringEvaluator(), observer: observer, length: length).RunAsync();
        return (summary, store.GetTrials(summary.ExperimentId));
    }

    /// <summary>What must be equal between two runs that made the same choices.</summary>
    protected static IReadOnlyList<string> Signature(IEnumerable<TrialRecord> trials) =>
        trials.OrderBy(t => t.Number)
            .Select(t => $"{t.Number} {t.Candidate.Json} {t.Fidelity} {t.State} {t.Feasible} {string.Join(",", t.Metrics.Select(m => $"{m.Key}={m.Value:R}"))} tell={t.TellSequence}")
            .ToList();

    protected static ExperimentRecord Experiment(string storePath, string name = "bits")
    {
        using var store = SqliteTrialStore.OpenExisting(storePath);
        return store.FindExperiment(name)!;
    }
}
