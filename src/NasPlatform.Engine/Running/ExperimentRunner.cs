using NasPlatform.Abstractions;
using Newtonsoft.Json;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Runs an experiment: asks the strategy for candidates, drops those that break a constraint on
/// free statistics or are already in the store (resampling without spending budget), records each
/// accepted one as a trial, has its <see cref="Dispatcher"/> evaluate up to as many at once as it
/// has slots (by default <see cref="ExperimentSpec.Workers"/>, in this process), records
/// the results and tells the strategy. The store is the only source of truth, so
/// <see cref="ResumeAsync"/> rebuilds everything from it.
/// </summary>
/// <remarks>
/// Determinism: trial <c>n</c> is proposed with <c>new Random(SeedSequence.Derive(seed, n))</c>, and
/// the strategy is told trials in the order they finish, which the store records. With one worker
/// the same spec and seed give the same trials in the same order, however often the run is
/// interrupted and resumed.
/// Constraints whose quantity is one of a candidate's free statistics are checked before
/// evaluation; the others apply to the returned metrics (a violation makes the trial infeasible,
/// not failed). A constraint or objective naming a quantity that is neither a free statistic nor a
/// returned metric is a configuration error: the first trial that shows it is recorded as failed
/// and the run stops with a <see cref="NasConfigurationException"/>.
/// </remarks>
public sealed class ExperimentRunner
{
    /// <summary>Proposals refused in a row (duplicates, constraint violations) after which a run gives up.</summary>
    public const int MaxConsecutiveRejections = 10_000;

    private readonly ExperimentSpec _spec;
    private readonly ExperimentComponents _components;
    private readonly ITrialStore _store;
    private readonly IRunObserver _observer;

    public ExperimentRunner(ExperimentSpec spec, ExperimentComponents components, ITrialStore store, IRunObserver? observer = null)
    {
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _components = components ?? throw new ArgumentNullException(nameof(components));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _observer = observer ?? new SilentObserver();
    }

    /// <summary>How long a cancelled evaluation may take to stop before the runner moves on without it.</summary>
    internal TimeSpan CancellationGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Who evaluates the trials; null (the default) is the in-process pool of
    /// <see cref="ExperimentSpec.Workers"/> slots running the components' evaluator.
    /// </summary>
    public IEvaluationDispatcher? Dispatcher { get; init; }

    /// <summary>Starts the experiment in the store and runs it until its budget is spent or <paramref name="cancellationToken"/> fires.</summary>
    /// <returns>The summary; its status is Completed (budget spent) or Interrupted (cancelled; trials that were running are pending again).</returns>
    /// <exception cref="NasConfigurationException">The store already holds an experiment of that name, the spec does not fit the components, or no acceptable candidate can be found.</exception>
    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var plan = Plan();
        var strategy = _components.StrategyFactory.Create(_components.StrategyOptions, plan.StrategyContext);
        using var session = ExperimentLock.Acquire(ExperimentFolders.Lock(_spec.StorePath, _spec.Name), _spec);
        if (_store.FindExperiment(_spec.Name) is not null)
        {
            throw new NasConfigurationException(
                $"Store '{_store.Location}' already holds an experiment named '{_spec.Name}'. Continue it with `{_spec.ResumeCommand}`, or give the experiment another \"name\".");
        }

        var experiment = _store.CreateExperiment(_spec.Name, _spec.Document.ToString(Formatting.Indented), _spec.Seed, _spec.BaseDirectory);
        return await RunSessionAsync(WithArtifacts(plan, experiment), strategy, experiment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes every check a run makes before its first trial (budget, workers, fidelities, pruner, the strategy and its
    /// options) without touching any store, so a command can refuse a configuration mistake before it creates a file.
    /// </summary>
    /// <exception cref="NasConfigurationException">The spec does not fit the components.</exception>
    public static void CheckBeforeStart(ExperimentSpec spec, ExperimentComponents components)
    {
        var runner = new ExperimentRunner(spec, components, new InMemoryTrialStore());
        var strategy = runner._components.StrategyFactory.Create(runner._components.StrategyOptions, runner.Plan().StrategyContext);
        (strategy as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Continues the stored experiment of the spec's name: rebuilds the strategy by replaying the
    /// finished trials in the order they were told, evaluates the trials left pending or running
    /// (same numbers, same candidates) first, then goes on until the budget is spent.
    /// </summary>
    /// <exception cref="NasConfigurationException">The store has no such experiment, or it was started with another seed.</exception>
    public async Task<RunSummary> ResumeAsync(CancellationToken cancellationToken = default)
    {
        var plan = Plan();
        var strategy = _components.StrategyFactory.Create(_components.StrategyOptions, plan.StrategyContext);
        using var session = ExperimentLock.Acquire(ExperimentFolders.Lock(_spec.StorePath, _spec.Name), _spec);
        var experiment = _store.FindExperiment(_spec.Name)
            ?? throw new NasConfigurationException($"Store '{_store.Location}' has no experiment named '{_spec.Name}'. Start it with `nas run FILE`.");
        if (experiment.Seed != _spec.Seed)
        {
            throw new NasConfigurationException(
                $"Experiment '{_spec.Name}' in store '{_store.Location}' was started with seed {experiment.Seed}, not {_spec.Seed}; resume it with its stored spec.");
        }

        return await RunSessionAsync(WithArtifacts(plan, experiment), strategy, experiment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Trial folders are keyed by the store and the experiment's id, known once the experiment is stored.</summary>
    private RunPlan WithArtifacts(RunPlan plan, ExperimentRecord experiment) =>
        plan with { ArtifactsDirectory = ExperimentFolders.Artifacts(_spec.StorePath, experiment.Id, experiment.Name) };

    /// <summary>Runs a session, then frees what the strategy holds (a TorchSharp predictor's native memory) at once, not at finalization.</summary>
    private async Task<RunSummary> RunSessionAsync(RunPlan plan, ISearchStrategy strategy, ExperimentRecord experiment, CancellationToken cancellationToken)
    {
        try
        {
            return await NewSession(plan, strategy, experiment).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (strategy as IDisposable)?.Dispose();
        }
    }

    /// <summary>A fresh strategy per session: resuming replays the store into it.</summary>
    private RunSession NewSession(RunPlan plan, ISearchStrategy strategy, ExperimentRecord experiment) =>
        new(_spec, _components, _store, _observer, plan, strategy, experiment,
            Dispatcher ?? new LocalEvaluationDispatcher(_components.Evaluator, _spec.Workers, CancellationGrace));

    /// <summary>Checks the spec against the components and resolves what the run needs.</summary>
    private RunPlan Plan()
    {
        var where = $"Experiment '{_spec.Name}'";
        if (_spec.Workers < 1)
        {
            throw new NasConfigurationException($"{where}: \"workers\" must be at least 1, not {_spec.Workers}.");
        }

        if (_spec.Budget.Trials is null && _spec.Budget.Seconds is null && _spec.Budget.Cost is null)
        {
            throw new NasConfigurationException($"{where}: the budget sets none of \"trials\", \"seconds\" and \"cost\"; set at least one.");
        }

        if (_spec.Budget.Trials is < 0 || _spec.Budget.Seconds is { } seconds && !(seconds >= 0) || _spec.Budget.Cost is { } cost && !(cost >= 0 && double.IsFinite(cost)))
        {
            throw new NasConfigurationException($"{where}: the budget must not be negative.");
        }

        if (_spec.TrialTimeoutSeconds is { } timeout && !(timeout > 0 && double.IsFinite(timeout)))
        {
            throw new NasConfigurationException($"{where}: the trial timeout must be a positive number of seconds, not {timeout}.");
        }

        if (_spec.Objectives.Count == 0)
        {
            throw new NasConfigurationException($"{where}: declare at least one objective.");
        }

        var fidelities = _components.Evaluator.Fidelities;
        if (fidelities.Count == 0)
        {
            throw new NasConfigurationException($"{where}: evaluator '{_spec.Evaluator.Name}' offers no fidelity; its plugin must declare at least one.");
        }

        if (_spec.Budget.Cost is not null && fidelities.FirstOrDefault(f => !(f.Cost > 0 && double.IsFinite(f.Cost))) is { } free)
        {
            throw new NasConfigurationException(
                $"{where}: the budget sets \"cost\", but evaluator '{_spec.Evaluator.Name}' gives fidelity '{free.Name}' the cost {free.Cost}; a cost budget needs every fidelity to cost more than 0. Use a \"trials\" or \"seconds\" budget instead.");
        }

        if (_spec.Pruner is not null && Dispatcher is { CanPrune: false } dispatcher)
        {
            throw PrunerSpec.Unsupported(_spec, $"its dispatcher ({dispatcher.GetType().Name})");
        }

        var defaultFidelity = _spec.Fidelity is null ? fidelities[^1] : FindFidelity(_spec.Fidelity, fidelities, $"{where}: \"fidelity\"");
        var objectives = new ObjectiveSet(_spec.Objectives);
        var journal = new RunJournal();
        var context = new StrategyContext(_components.Space, objectives, fidelities, defaultFidelity, _spec.Seed)
        {
            FreeStatisticsConstraint = FreeStatisticsConstraint(),
            Journal = journal,
            Status = new ObservedStrategyStatus(_observer),
            TransferredTrials = _components.TransferredTrials,
        };
        return new RunPlan(objectives, context, string.Empty, name => name is null ? defaultFidelity : FindFidelity(name, fidelities, $"{where}: strategy '{_spec.Strategy.Name}' proposed a fidelity, and"), journal);
    }

    /// <summary>The constraints that bound free statistics, as the predicate strategies get (a quantity a candidate does not report is a metric, judged after evaluation); null without constraints.</summary>
    private Func<IReadOnlyDictionary<string, double>, bool>? FreeStatisticsConstraint()
    {
        var constraints = _spec.Constraints;
        return constraints.Count == 0
            ? null
            : statistics => constraints.All(c => !statistics.TryGetValue(c.Quantity, out var v) || c.IsSatisfiedBy(v));
    }

    private Fidelity FindFidelity(string name, IReadOnlyList<Fidelity> fidelities, string where) =>
        fidelities.FirstOrDefault(f => f.Name == name)
        ?? throw new NasConfigurationException(
            $"{where} '{name}' is not a fidelity of evaluator '{_spec.Evaluator.Name}'; it offers {string.Join(", ", fidelities.Select(f => $"'{f.Name}'"))}.");

    private sealed class SilentObserver : IRunObserver
    {
    }
}
