using NasPlatform.Engine.Tests.Running.TestDomain;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Strategies;

/// <summary>The engine's strategies run through the experiment runner: early exit, determinism and resume.</summary>
public sealed class EngineStrategyRunTests : IDisposable
{
    private static readonly IReadOnlyList<Objective> ScoreAndOnes = [new("score", Direction.Maximize), new("ones", Direction.Minimize)];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, int> Strategies => new()
    {
        { "random", "{}", 0 },
        { "regularized-evolution", "{\"populationSize\": 8, \"sampleSize\": 4}", 8 },
        { "nsga2", "{\"populationSize\": 8}", 8 },
        { "hierarchical-proxy", "{\"sampler\": {\"name\": \"regularized-evolution\", \"populationSize\": 6, \"sampleSize\": 3}}", 0 },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task No_candidate_over_a_free_statistic_threshold_is_ever_evaluated(string strategy, string options, int populationSize)
    {
        // At most 4 of 12 bits set: 794 of the 4096 strings, so most samples, crossovers and mutations are rejected.
        var evaluator = new RecordingEvaluator(new NoisyProxyEvaluator());
        var observer = new RecordingObserver();
        var spec = TestExperiments.Spec(_dir.File($"{strategy}.db"), trials: 60, strategy: strategy, strategyOptions: JObject.Parse(options),
            constraints: ["ones <= 4"], objectives: strategy == "nsga2" ? ScoreAndOnes : null);

        var (_, trials) = await StrategyRuns.RunToEnd(spec, evaluator, Factory(strategy), observer: observer);

        Assert.Equal(60, trials.Count);
        Assert.Equal(60, evaluator.Evaluated.Count);
        Assert.All(evaluator.Evaluated, bits => Assert.True(bits.Count(c => c == '1') <= 4, bits));
        var rejected = observer.Rejections.Where(r => r.Reason == RejectionReason.Constraint).ToList();
        Assert.All(rejected, r => Assert.True(r.Value > 4));
        // Rejections in the initial population and among the children bred from it.
        Assert.Contains(rejected, r => r.TrialNumber < Math.Max(populationSize, 1));
        Assert.Contains(rejected, r => r.TrialNumber >= populationSize + 5);
    }

    [Theory]
    [InlineData("nsga2", "{\"populationSize\": 6}", 3)]
    [InlineData("nsga2", "{\"populationSize\": 6}", 17)]
    [InlineData("hierarchical-proxy", "{}", 10)]
    [InlineData("hierarchical-proxy", "{\"sampler\": {\"name\": \"regularized-evolution\", \"populationSize\": 5, \"sampleSize\": 3}}", 23)]
    public async Task Cancelled_and_resumed_runs_give_the_trials_of_an_uninterrupted_run(string strategy, string options, int cancelAt)
    {
        var objectives = strategy == "nsga2" ? ScoreAndOnes : null;
        var reference = TestExperiments.Spec(_dir.File("reference.db"), trials: 40, strategy: strategy, strategyOptions: JObject.Parse(options), objectives: objectives);
        var again = reference with { StorePath = _dir.File("again.db") };
        var interrupted = reference with { StorePath = _dir.File("interrupted.db") };

        var (_, first) = await StrategyRuns.RunToEnd(reference, new NoisyProxyEvaluator(), Factory(strategy));
        var (_, second) = await StrategyRuns.RunToEnd(again, new NoisyProxyEvaluator(), Factory(strategy));
        var resumed = await StrategyRuns.RunInterruptedAndResume(interrupted, () => new NoisyProxyEvaluator(), () => Factory(strategy), cancelAt);

        Assert.Equal(StrategyRuns.Signature(first), StrategyRuns.Signature(second));
        Assert.Equal(StrategyRuns.Signature(first), StrategyRuns.Signature(resumed));
        if (strategy == "hierarchical-proxy")
        {
            Assert.Contains(first, t => t.Fidelity == "full");
        }
    }

    [Fact]
    public async Task Nsga2_with_several_workers_spends_the_budget_exactly_and_evaluates_no_candidate_twice()
    {
        var spec = TestExperiments.Spec(_dir.File("workers.db"), trials: 50, workers: 4, strategy: "nsga2",
            strategyOptions: new JObject { ["populationSize"] = 10 }, objectives: ScoreAndOnes);

        var (summary, trials) = await StrategyRuns.RunToEnd(spec, new NoisyProxyEvaluator(), Factory("nsga2"));

        Assert.Equal(50, summary.TrialsFinished);
        Assert.Equal(50, trials.Select(t => t.Hash).Distinct().Count());
        Assert.NotNull(summary.Hypervolume);
        Assert.True(summary.Hypervolume!.Value > 0);
    }

    private static ISearchStrategyFactory Factory(string name) => TestStrategies.Catalog.Get(name);

    /// <summary>Wraps an evaluator and records the bit strings it was asked to evaluate.</summary>
    private sealed class RecordingEvaluator(IEvaluator inner) : IEvaluator
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _evaluated = new();

        public IReadOnlyList<string> Evaluated => _evaluated.ToList();

        public IReadOnlyList<Fidelity> Fidelities => inner.Fidelities;

        public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
        {
            _evaluated.Enqueue(BitStringSpace.Bits(request.Candidate));
            return inner.EvaluateAsync(request, progress, cancellationToken);
        }
    }
}
