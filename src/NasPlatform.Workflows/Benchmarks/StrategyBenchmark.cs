using NasPlatform.Abstractions;
using NasPlatform.Search;
using NasPlatform.Search.Constraints;
using NasPlatform.Search.Results;
using System.Runtime.ExceptionServices;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Running;

namespace NasPlatform.Workflows.Benchmarks;

/// <summary>
/// Runs strategies many times against a space and an evaluator, in process and without a store,
/// to compare them on cheap (tabular) evaluators. Run r uses the seed
/// <c>SeedSequence.Derive(baseSeed, r)</c>; within a run, query n's proposals come from
/// <c>new Random(SeedSequence.Derive(runSeed, n))</c>, as the experiment runner does for trial n.
/// A proposal already evaluated in the run at that fidelity, or breaking a constraint on free statistics, is
/// refused without spending a query and the strategy is asked again with the same generator.
/// Runs are independent, so they run in parallel and give the same numbers on any thread count.
/// </summary>
public sealed class StrategyBenchmark
{
    /// <summary>Consecutive refused proposals after which a run gives up.</summary>
    public const int MaxConsecutiveRejections = 10_000;

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

    /// <summary>The seed of run <paramref name="run"/>.</summary>
    public static int RunSeed(int baseSeed, int run) => SeedSequence.Derive(baseSeed, run);

    /// <summary>Runs a strategy <paramref name="runs"/> times with <paramref name="queries"/> queries each.</summary>
    /// <param name="factory">The strategy.</param>
    /// <param name="options">The strategy's options (validate them first, e.g. with StrategyCatalog.ValidateOptions).</param>
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

        var results = new BenchmarkRun[runs];
        // -1 would let the thread pool grow past the cores while runs keep them busy: dozens of runs at once, each slower.
        var degree = maxDegreeOfParallelism < 1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, runs, parallel, r => results[r] = RunOnce(factory, options, RunSeed(baseSeed, r), queries, cancellationToken));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure is as good as any: they all stem from the same configuration.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

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

    /// <summary>One run with its own seed: the trials, in order, and the best value after each.</summary>
    public BenchmarkRun RunOnce(ISearchStrategyFactory factory, JObject options, int runSeed, int queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        var strategy = factory.Create(new StrategyContext(_space, _objectives, _evaluator.Fidelities, _fidelity, options, runSeed)
        {
            FreeStatisticsConstraint = FreeStatisticsConstraint(),
        });
        var evaluated = new HashSet<(Candidate, string)>();
        var trials = new List<TrialOutcome>(queries);
        var bestSoFar = new double[queries];
        var best = double.NaN;
        var rejections = 0;
        string? firstError = null;

        // One scratch directory per run: its trials are sequential, and lookups write nothing.
        var workDirectory = Directory.CreateTempSubdirectory("nas-bench-");
        try
        {
            for (var n = 0; n < queries; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var trialSeed = SeedSequence.Derive(runSeed, n);
                var (proposal, statistics, refused) = Propose(factory.Name, strategy, new Random(trialSeed), evaluated, runSeed, n);
                rejections += refused;
                evaluated.Add((proposal.Candidate, FidelityOf(proposal).Name));

                var (outcome, error) = Evaluate(n, proposal, statistics, SeedSequence.Derive(trialSeed, 1), workDirectory.FullName, cancellationToken);
                firstError ??= error;
                trials.Add(outcome);
                strategy.Tell(outcome);

                if (outcome.IsUsable)
                {
                    var value = outcome.Metrics[_objectives.Primary.Metric];
                    if (double.IsNaN(best) || _objectives.Primary.IsBetter(value, best))
                    {
                        best = value;
                    }
                }

                bestSoFar[n] = best;
            }
        }
        finally
        {
            workDirectory.Delete(recursive: true);
            // Strategies that hold native memory (a TorchSharp predictor) free it now, not at finalization.
            (strategy as IDisposable)?.Dispose();
        }

        return new BenchmarkRun(runSeed, trials, bestSoFar, rejections, firstError);
    }

    /// <summary>The constraints that apply to free statistics, as the predicate strategies get; null when there are none.</summary>
    private Func<IReadOnlyDictionary<string, double>, bool>? FreeStatisticsConstraint() =>
        _constraints.Count == 0
            ? null
            : statistics => _constraints.All(c => !statistics.TryGetValue(c.Quantity, out var v) || c.IsSatisfiedBy(v));

    private (TrialProposal Proposal, IReadOnlyDictionary<string, double> Statistics, int Refused) Propose(
        string strategyName, ISearchStrategy strategy, Random rng, HashSet<(Candidate, string)> evaluated, int runSeed, int query)
    {
        var duplicates = 0;
        var violations = new Dictionary<Constraint, int>();
        for (var refused = 0; refused < MaxConsecutiveRejections; refused++)
        {
            var proposal = strategy.Ask(rng);
            if (evaluated.Contains((proposal.Candidate, FidelityOf(proposal).Name)))
            {
                duplicates++;
                continue;
            }

            var statistics = _space.FreeStatistics(proposal.Candidate);
            var broken = _constraints.FirstOrDefault(c => statistics.TryGetValue(c.Quantity, out var v) && !c.IsSatisfiedBy(v));
            if (broken is not null)
            {
                violations[broken] = violations.GetValueOrDefault(broken) + 1;
                continue;
            }

            return (proposal, statistics, refused);
        }

        var why = violations.Count == 0
            ? string.Empty
            : $" and {violations.Values.Sum()} broke a constraint on free statistics ({string.Join(", ", violations.Select(v => $"{v.Key}: {v.Value}"))})";
        throw new StrategyBenchmarkException(
            $"Strategy '{strategyName}' (run seed {runSeed}, query {query + 1}): {MaxConsecutiveRejections} proposals in a row were refused: " +
            $"{duplicates} were already evaluated in this run{why}. The space may be exhausted for this budget, or the constraints " +
            "leave too little of it; lower --budget or relax the constraints.");
    }

    private (TrialOutcome Outcome, string? Error) Evaluate(
        int number, TrialProposal proposal, IReadOnlyDictionary<string, double> statistics, int seed, string workDirectory, CancellationToken cancellationToken)
    {
        var fidelity = FidelityOf(proposal);
        EvaluationResult result;
        try
        {
            var request = new EvaluationRequest(proposal.Candidate, fidelity, seed, workDirectory);
            result = _evaluator.EvaluateAsync(request, NoProgress.Instance, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return (Failed(number, proposal, fidelity, statistics), $"{e.GetType().Name}: {e.Message}");
        }

        var bad = result.Metrics.FirstOrDefault(m => !double.IsFinite(m.Value));
        if (bad.Key is not null)
        {
            return (Failed(number, proposal, fidelity, statistics), $"metric '{bad.Key}' is {bad.Value}");
        }

        // As in the runner, an objective may name a free statistic (accuracy vs params).
        var metrics = ObjectiveMetrics.Complete(result.Metrics, statistics, _objectives);
        foreach (var objective in _objectives.Objectives.Where(o => !metrics.ContainsKey(o.Metric)))
        {
            throw new NasConfigurationException(
                $"The objective '{objective}' names a metric the evaluator does not return; it returns: {string.Join(", ", result.Metrics.Keys)}; nor is it a free statistic of the space ({string.Join(", ", statistics.Keys)}).");
        }

        var feasible = true;
        foreach (var constraint in _constraints.Where(c => !statistics.ContainsKey(c.Quantity)))
        {
            if (!metrics.TryGetValue(constraint.Quantity, out var value))
            {
                throw new NasConfigurationException(
                    $"The constraint '{constraint}' names neither a free statistic ({string.Join(", ", statistics.Keys)}) nor a metric ({string.Join(", ", result.Metrics.Keys)}).");
            }

            feasible &= constraint.IsSatisfiedBy(value);
        }

        return (new TrialOutcome(number, proposal.Candidate, fidelity.Name, TrialState.Completed, metrics, statistics, feasible), null);
    }

    private static TrialOutcome Failed(int number, TrialProposal proposal, Fidelity fidelity, IReadOnlyDictionary<string, double> statistics) =>
        new(number, proposal.Candidate, fidelity.Name, TrialState.Failed, new Dictionary<string, double>(), statistics, Feasible: true);

    private Fidelity FidelityOf(TrialProposal proposal) => proposal.Fidelity is null ? _fidelity : ResolveFidelity(proposal.Fidelity);

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

    private sealed class NoProgress : IProgress<EvaluationProgress>
    {
        public static readonly NoProgress Instance = new();

        public void Report(EvaluationProgress value)
        {
            // Benchmarks show no per-trial progress.
        }
    }
}
