using NasPlatform.Abstractions;
using NasPlatform.Search;
using NasPlatform.Search.Constraints;
using System.Runtime.ExceptionServices;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Workflows.Benchmarks;

/// <summary>
/// Runs strategies many times against a space and an evaluator, to compare them on cheap (tabular)
/// evaluators. Each run is an experiment run by the same <see cref="ExperimentRunner"/> as <c>nas run</c>
/// (one worker, a trials budget of the query count, the run's seed) on an <see cref="InMemoryTrialStore"/>:
/// there is one trial loop. Run r uses the seed <c>SeedSequence.Derive(baseSeed, r)</c>; within a run,
/// query n's proposals come from <c>new Random(SeedSequence.Derive(runSeed, n))</c>. A proposal already
/// evaluated in the run at that fidelity, or breaking a constraint on free statistics, is refused without
/// spending a query and the strategy is asked again with the same generator. Runs are independent, so they
/// run in parallel and give the same numbers on any thread count.
/// </summary>
public sealed class StrategyBenchmark
{
    /// <summary>Consecutive refused proposals after which a run gives up.</summary>
    public const int MaxConsecutiveRejections = ExperimentRunner.MaxConsecutiveRejections;

    private readonly ISearchSpace _space;
    private readonly IEvaluator _evaluator;
    private readonly ObjectiveSet _objectives;
    private readonly IReadOnlyList<Constraint> _constraints;
    private readonly Fidelity _fidelity;

    /// <param name="space">The search space; must be safe for concurrent calls (runs go in parallel).</param>
    /// <param name="evaluator">The evaluator; safe for concurrent calls, as the contract requires.</param>
    /// <param name="objectives">The objectives; the primary one is what "best" means.</param>
    /// <param name="constraints">Bounds on free statistics (checked before evaluation) or metrics (after it).</param>
    /// <param name="fidelity">Name of the fidelity to evaluate at; null means the evaluator's highest.</param>
    /// <exception cref="NasConfigurationException">The fidelity is not one the evaluator offers.</exception>
    public StrategyBenchmark(ISearchSpace space, IEvaluator evaluator, ObjectiveSet objectives, IReadOnlyList<Constraint>? constraints = null, string? fidelity = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(objectives);
        _space = space;
        _evaluator = evaluator;
        _objectives = objectives;
        _constraints = constraints ?? [];
        _fidelity = ResolveFidelity(fidelity);
    }

    /// <summary>Trials of another experiment handed to every run's strategy (its "transferFrom"); empty by default.</summary>
    public IReadOnlyList<TrialOutcome> TransferredTrials { get; init; } = [];

    /// <summary>The seed of run <paramref name="run"/>.</summary>
    public static int RunSeed(int baseSeed, int run) => SeedSequence.Derive(baseSeed, run);

    /// <summary>Runs a strategy <paramref name="runs"/> times with <paramref name="queries"/> queries each.</summary>
    /// <param name="factory">The strategy.</param>
    /// <param name="options">The strategy's options (validate them first, e.g. with StrategyCatalog.BindOptions).</param>
    /// <param name="runs">Independent runs.</param>
    /// <param name="queries">Evaluations per run.</param>
    /// <param name="baseSeed">Seed the run seeds derive from.</param>
    /// <param name="maxDegreeOfParallelism">Runs evaluated at once; -1 for as many as the machine has cores.</param>
    /// <param name="cancellationToken">Stops the benchmark.</param>
    /// <exception cref="StrategyBenchmarkException">A run gave up after <see cref="MaxConsecutiveRejections"/> refused proposals.</exception>
    /// <exception cref="NasConfigurationException">An objective or constraint names a metric the evaluator does not return.</exception>
    public StrategyBenchmarkResult Run(
        ISearchStrategyFactory factory,
        JObject options,
        int runs,
        int queries,
        int baseSeed,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);

        var results = RunAll(factory, options, Enumerable.Range(0, runs).Select(r => RunSeed(baseSeed, r)).ToArray(), queries, maxDegreeOfParallelism, cancellationToken);
        var meanCurve = new double[queries];
        for (var q = 0; q < queries; q++)
        {
            var values = results.Select(r => r.BestSoFar[q]).Where(v => !double.IsNaN(v)).ToArray();
            meanCurve[q] = values.Length == 0 ? double.NaN : values.Average();
        }

        return new StrategyBenchmarkResult(
            factory.Name,
            queries,
            baseSeed,
            results.Select(r => r.Best).ToArray(),
            meanCurve,
            results.Sum(r => r.Unusable),
            results.Sum(r => r.Rejections),
            results.Select(r => r.FirstError).FirstOrDefault(e => e is not null))
        {
            BestSoFarPerRun = results.Select(r => r.BestSoFar).ToArray(),
        };
    }

    /// <summary>
    /// Runs with the given seeds, at most <paramref name="maxDegreeOfParallelism"/> at once (-1: one per core),
    /// in the order of the seeds.
    /// </summary>
    public BenchmarkRun[] RunAll(
        ISearchStrategyFactory factory, JObject options, IReadOnlyList<int> runSeeds, int queries, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(runSeeds);
        // -1 would let runs pile up past the cores while they keep them busy: dozens at once, each slower.
        var degree = maxDegreeOfParallelism < 1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        return RunAllAsync(factory, options, runSeeds, queries, degree, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>One run with its own seed: the trials, in order, and the best value after each.</summary>
    public BenchmarkRun RunOnce(ISearchStrategyFactory factory, JObject options, int runSeed, int queries, CancellationToken cancellationToken = default) =>
        RunOnceAsync(factory, options, runSeed, queries, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// One run through the experiment runner, as <c>nas run</c> would do it with one worker and a trials
    /// budget, on a store in memory: the same proposal loop, the same verdict on each result.
    /// </summary>
    public async Task<BenchmarkRun> RunOnceAsync(ISearchStrategyFactory factory, JObject options, int runSeed, int queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);

        // Lock file and trial folders of the run live in a scratch folder; table lookups write nothing else.
        var scratch = Directory.CreateTempSubdirectory("nas-bench-");
        try
        {
            var spec = BenchmarkSpec(factory.Name, options, runSeed, queries, scratch.FullName);
            using var store = new InMemoryTrialStore();
            var components = new ExperimentComponents(_space, _evaluator, factory, ComponentOptions.Bind(factory.OptionsType, options.ToString(Newtonsoft.Json.Formatting.None)))
            {
                TransferredTrials = TransferredTrials,
            };
            var runner = new ExperimentRunner(spec, components, store);
            RunSummary summary;
            try
            {
                summary = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NasConfigurationException e) when (e.InnerException is ProposalsExhaustedException exhausted)
            {
                throw new StrategyBenchmarkException(GiveUpMessage(factory.Name, runSeed, exhausted), e);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return Collect(runSeed, store.GetTrials(summary.ExperimentId), summary.RejectedCandidates);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private async Task<BenchmarkRun[]> RunAllAsync(
        ISearchStrategyFactory factory, JObject options, IReadOnlyList<int> runSeeds, int queries, int degree, CancellationToken cancellationToken)
    {
        // Runs await their evaluations rather than block pool threads, so the pool never starves.
        using var slots = new SemaphoreSlim(degree);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = runSeeds.Select(async seed =>
        {
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                return await RunOnceAsync(factory, options, seed, queries, failed.Token).ConfigureAwait(false);
            }
            catch when (!failed.IsCancellationRequested)
            {
                // The first failure is as good as any (they stem from the same configuration): stop the others.
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        try
        {
            return await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A run was stopped because another failed: report the failure, not the stop.
            var cause = runs.Where(r => r.IsFaulted).Select(r => r.Exception!.InnerException!).First(e => e is not OperationCanceledException);
            ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>The experiment a run is: one worker, a budget of <paramref name="queries"/> trials, the run's seed.</summary>
    private ExperimentSpec BenchmarkSpec(string strategy, JObject options, int runSeed, int queries, string scratch) => new()
    {
        Name = $"bench-{strategy}-{runSeed}",
        Plugin = "benchmark",
        SearchSpace = new ComponentSpec("search space", new JObject()),
        Evaluator = new ComponentSpec("evaluator", new JObject()),
        Strategy = new ComponentSpec(strategy, options),
        Objectives = _objectives.Objectives,
        Constraints = _constraints,
        Budget = new BudgetSpec(queries, null),
        Fidelity = _fidelity.Name,
        Workers = 1,
        Seed = runSeed,
        StorePath = Path.Combine(scratch, "bench.db"),
        BaseDirectory = scratch,
        Document = new JObject(),
    };

    /// <summary>The run's trials in the order the strategy was told them, and the best value after each.</summary>
    private BenchmarkRun Collect(int runSeed, IReadOnlyList<TrialRecord> stored, long rejections)
    {
        var trials = stored.Where(t => t.IsFinished).OrderBy(t => t.TellSequence).ToList();
        var bestSoFar = new double[trials.Count];
        var best = double.NaN;
        for (var n = 0; n < trials.Count; n++)
        {
            if (trials[n].IsUsable)
            {
                var value = trials[n].Metrics[_objectives.Primary.Metric];
                if (double.IsNaN(best) || _objectives.Primary.IsBetter(value, best))
                {
                    best = value;
                }
            }

            bestSoFar[n] = best;
        }

        var firstError = trials.FirstOrDefault(t => t.Error is not null)?.Error;
        return new BenchmarkRun(runSeed, trials.Select(t => t.ToOutcome()).ToList(), bestSoFar, checked((int)rejections), firstError);
    }

    private static string GiveUpMessage(string strategy, int runSeed, ProposalsExhaustedException e)
    {
        var why = e.ConstraintViolations == 0
            ? string.Empty
            : $" and {e.ConstraintViolations} broke a constraint on free statistics";
        return $"Strategy '{strategy}' (run seed {runSeed}, query {e.TrialNumber + 1}): {MaxConsecutiveRejections} proposals in a row were refused: " +
            $"{e.Duplicates} were already evaluated in this run{why}. The space may be exhausted for this budget, or the constraints " +
            "leave too little of it; lower --budget or relax the constraints.";
    }

    private Fidelity ResolveFidelity(string? name)
    {
        if (_evaluator.Fidelities.Count == 0)
        {
            throw new NasConfigurationException("The evaluator declares no fidelity.");
        }

        if (name is null)
        {
            return _evaluator.Fidelities[^1];
        }

        return _evaluator.Fidelities.FirstOrDefault(f => f.Name == name)
            ?? throw new NasConfigurationException(
                $"Unknown fidelity '{name}'; the evaluator offers: {string.Join(", ", _evaluator.Fidelities.Select(f => f.Name))}.");
    }
}
