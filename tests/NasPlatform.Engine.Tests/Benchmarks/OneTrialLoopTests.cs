using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Tests.Running;
using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Benchmarks;

/// <summary>
/// A benchmark run is a <c>nas run</c> with one worker: the same proposals, refusals, verdicts and
/// order of telling, whichever store holds the trials.
/// </summary>
public sealed class OneTrialLoopTests : RunnerFixture
{
    [Theory]
    [InlineData("test-random", "ones <= 9")]
    [InlineData("test-hill-climb", "ones >= 3")]
    public async Task A_benchmark_run_makes_the_trials_nas_run_makes_with_the_same_seed(string strategy, string constraint)
    {
        const int seed = 12345;
        var spec = TestExperiments.Spec(StorePath(), trials: 30, seed: seed, strategy: strategy, constraints: [constraint]);
        var (summary, stored) = await RunToEnd(spec, length: 20);
        var benchmark = new StrategyBenchmark(new BitStringSpace(20), new BitStringEvaluator(), new ObjectiveSet(spec.Objectives), spec.Constraints);

        var run = benchmark.RunOnce(Factory(spec), new JObject(), seed, queries: 30);

        Assert.Equal(30, run.Trials.Count);
        Assert.Equal(
            stored.OrderBy(t => t.TellSequence).Select(t => $"{t.Number} {t.Candidate.Json} {t.Fidelity} {t.State} {t.Metrics["score"]:R}"),
            run.Trials.Select(t => $"{t.Number} {t.Candidate.Json} {t.Fidelity} {t.State} {t.Metrics["score"]:R}"));
        Assert.Equal(summary.RejectedCandidates, run.Rejections);
        Assert.True(run.Rejections > 0, "the constraint refuses some proposals, so the refusal path is exercised");
        Assert.Equal(stored.Max(t => t.Metrics["score"]), run.Best);
    }

    [Fact]
    public async Task The_runner_gives_the_same_trials_on_the_in_memory_store_as_on_sqlite()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 25, strategy: "test-hill-climb", constraints: ["ones >= 3"]);
        var (_, onDisk) = await RunToEnd(spec, length: 16);
        using var memory = new InMemoryTrialStore();

        var summary = await Runner(spec with { StorePath = StorePath("other.db") }, memory, new BitStringEvaluator(), length: 16).RunAsync();

        Assert.Equal(Signature(onDisk), Signature(memory.GetTrials(summary.ExperimentId)));
        Assert.Equal(25, summary.TrialsFinished);
    }
}
