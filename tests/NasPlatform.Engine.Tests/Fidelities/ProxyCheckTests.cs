using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using NasPlatform.Search.Results;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Fidelities;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Fidelities;

public sealed class ProxyCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Every_sample_is_evaluated_at_every_fidelity_and_ranked_against_the_highest()
    {
        var evaluator = new NoisyProxyEvaluator();
        using var store = SqliteTrialStore.Open(_dir.File("check.db"));

        var (summary, report) = await Check(Spec(), evaluator, store).RunAsync(samples: 60);

        var trials = store.GetTrials(summary.ExperimentId);
        Assert.Equal("bits-proxy-check", summary.ExperimentName);
        Assert.Equal(180, trials.Count);
        for (var k = 0; k < 60; k++)
        {
            Assert.Equal(["epoch-1", "epoch-3", "full"], trials.Skip(3 * k).Take(3).Select(t => t.Fidelity));
            Assert.Single(trials.Skip(3 * k).Take(3).Select(t => t.Hash).Distinct());
        }

        Assert.Equal(60, trials.Select(t => t.Hash).Distinct().Count());
        Assert.Equal("score", report.Metric);
        Assert.Equal(60, report.Samples);
        Assert.Equal(["epoch-1", "epoch-3", "full"], report.Fidelities.Select(f => f.Fidelity));
        Assert.Equal([1.0 / 9, 1.0 / 3, 1.0], report.Fidelities.Select(f => f.Cost));
        Assert.All(report.Fidelities, f => Assert.Equal(60, f.Compared));

        // The correlations are those of the evaluator's values, computed directly.
        var bits = trials.Where(t => t.Fidelity == "full").OrderBy(t => t.Number).Select(t => BitStringSpace.Bits(t.Candidate)).ToList();
        var truth = bits.Select(NoisyProxyEvaluator.Truth).ToList();
        foreach (var row in report.Fidelities)
        {
            var proxy = bits.Select(b => evaluator.Measure(b, row.Fidelity)).ToList();
            Assert.Equal(RankCorrelation.KendallTauB(proxy, truth), row.KendallTau, 12);
            Assert.Equal(RankCorrelation.Spearman(proxy, truth), row.Spearman, 12);
        }

        Assert.Equal(1, report.Fidelities[^1].KendallTau, 12);
        // Less noise, better ranking.
        Assert.True(report.Fidelities[0].KendallTau < report.Fidelities[1].KendallTau);
        Assert.True(report.Fidelities[1].KendallTau < 1);
        Assert.InRange(report.Fidelities[0].KendallTau, 0.3, 0.95);
    }

    [Fact]
    public async Task Samples_respect_the_constraints_on_free_statistics_without_a_rejection()
    {
        var observer = new RecordingObserver();
        var spec = Spec() with { Constraints = TestExperiments.Spec(_dir.File("x.db"), constraints: ["ones <= 5"]).Constraints };
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var (summary, _) = await Check(spec, new NoisyProxyEvaluator(), store, observer).RunAsync(samples: 30);

        Assert.All(store.GetTrials(summary.ExperimentId), t => Assert.True(t.FreeStatistics["ones"] <= 5));
        Assert.Empty(observer.Rejections);
    }

    [Fact]
    public async Task Running_the_check_again_with_more_samples_evaluates_only_the_new_ones()
    {
        using var store = SqliteTrialStore.Open(_dir.File("check.db"));
        var (_, first) = await Check(Spec(), new NoisyProxyEvaluator(), store).RunAsync(samples: 10);

        var evaluator = new NoisyProxyEvaluator();
        var recording = new CountingEvaluator(evaluator);
        var (summary, second) = await Check(Spec(), recording, store).RunAsync(samples: 25);

        Assert.Equal(10, first.Samples);
        Assert.Equal(25, second.Samples);
        Assert.Equal(45, recording.Count);
        Assert.Equal(75, store.GetTrials(summary.ExperimentId).Count);

        // Asking for fewer than stored reports on the first ones.
        var (_, fewer) = await Check(Spec(), new NoisyProxyEvaluator(), store).RunAsync(samples: 10);
        Assert.Equal(first.Fidelities.Select(f => (f.Fidelity, f.Compared, f.KendallTau, f.Spearman)), fewer.Fidelities.Select(f => (f.Fidelity, f.Compared, f.KendallTau, f.Spearman)));
    }

    [Fact]
    public async Task Several_workers_give_the_same_samples_and_report_as_one()
    {
        using var one = SqliteTrialStore.Open(_dir.File("one.db"));
        using var four = SqliteTrialStore.Open(_dir.File("four.db"));

        var (s1, r1) = await Check(Spec(), new NoisyProxyEvaluator(), one).RunAsync(samples: 20);
        var (s4, r4) = await Check(Spec() with { Workers = 4 }, new NoisyProxyEvaluator(), four).RunAsync(samples: 20);

        Assert.Equal(one.GetTrials(s1.ExperimentId).Select(t => (t.Number, t.Hash, t.Fidelity)), four.GetTrials(s4.ExperimentId).Select(t => (t.Number, t.Hash, t.Fidelity)));
        Assert.Equal(r1.Fidelities.Select(f => f.KendallTau), r4.Fidelities.Select(f => f.KendallTau));
    }

    [Fact]
    public async Task An_evaluator_with_one_fidelity_or_an_unknown_metric_is_refused_with_the_reason()
    {
        using var store = SqliteTrialStore.Open(_dir.File("check.db"));
        var single = new SingleFidelityEvaluator();

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Check(Spec(), single, store).RunAsync(samples: 5));
        Assert.Contains("one fidelity ('only')", error.Message);

        var unknown = await Assert.ThrowsAsync<NasConfigurationException>(() => Check(Spec(), new NoisyProxyEvaluator(), store).RunAsync(samples: 3, metric: "loss"));
        Assert.Contains("'loss'", unknown.Message);
        Assert.Contains("'score'", unknown.Message);

        var few = await Assert.ThrowsAsync<NasConfigurationException>(() => Check(Spec(), new NoisyProxyEvaluator(), store).RunAsync(samples: 1));
        Assert.Contains("at least 2", few.Message);
    }

    private ExperimentSpec Spec() => TestExperiments.Spec(_dir.File("check.db"), strategy: "regularized-evolution");

    private static ProxyCheck Check(ExperimentSpec spec, IEvaluator evaluator, ITrialStore store, IRunObserver? observer = null) =>
        new(spec, new ExperimentComponents(new BitStringSpace(12), evaluator, new RegularizedEvolutionFactory(), NasPlatform.Abstractions.Options.ComponentOptions.Bind<RegularizedEvolutionOptions>(spec.Strategy.Options.ToString())), store, observer);

    private sealed class CountingEvaluator(IEvaluator inner) : IEvaluator
    {
        private int _count;

        public int Count => _count;

        public IReadOnlyList<Fidelity> Fidelities => inner.Fidelities;

        public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return inner.EvaluateAsync(request, progress, cancellationToken);
        }
    }

    private sealed class SingleFidelityEvaluator : IEvaluator
    {
        public IReadOnlyList<Fidelity> Fidelities { get; } = [new Fidelity("only")];

        public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken) =>
            Task.FromResult(new EvaluationResult(new Dictionary<string, double> { ["score"] = 1 }));
    }
}
