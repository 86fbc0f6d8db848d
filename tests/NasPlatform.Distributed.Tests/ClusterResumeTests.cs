using NasPlatform.Search.Torch;
using NasPlatform.Engine.Strategies;
using NasPlatform.Abstractions.Search;
using NasPlatform.Distributed.Coordinator;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Distributed.Tests;

/// <summary>A cluster run stopped mid-way resumes (on the cluster) to the trials an uninterrupted local run makes.</summary>
public sealed class ClusterResumeTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>, IDisposable
{
    private const int Budget = 12;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AStoppedClusterRunResumesWithNothingLostOrEvaluatedTwice()
    {
        var spec = Experiments.Hello(_dir.Path, "hello-cluster", Budget, workers: 3, delayMilliseconds: 150, seed: 4);
        var components = ComponentResolver.Resolve(spec, TestPlugins.Catalog, new StrategyCatalog(SearchComponents.Strategies));
        using var stop = new CancellationTokenSource();
        RunSummary first;
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            await using var dispatcher = await Open(spec);
            var runner = new ExperimentRunner(spec, components, store, new StopAfter(4, stop)) { Dispatcher = dispatcher };
            first = await runner.RunAsync(stop.Token);
        }

        Assert.Equal(ExperimentStatus.Interrupted, first.Status);
        Assert.InRange(first.Completed, 4, Budget - 1);

        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            await using var dispatcher = await Open(spec);
            var resumed = await new ExperimentRunner(spec, components, store) { Dispatcher = dispatcher }.ResumeAsync();
            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
        }

        var local = Experiments.Hello(_dir.Path, "hello-local", Budget, workers: 3, delayMilliseconds: 0, seed: 4);
        using var localStore = SqliteTrialStore.Open(local.StorePath);
        var reference = await new ExperimentRunner(local, ComponentResolver.Resolve(local, TestPlugins.Catalog, new StrategyCatalog(SearchComponents.Strategies)), localStore).RunAsync();

        using var check = SqliteTrialStore.OpenExisting(spec.StorePath);
        var trials = check.GetTrials(check.FindExperiment(spec.Name)!.Id);
        Assert.Equal(Enumerable.Range(0, Budget), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        var expected = localStore.GetTrials(reference.ExperimentId);
        Assert.Equal(expected.Select(t => (t.Candidate.Json, t.Metrics["score"])), trials.Select(t => (t.Candidate.Json, t.Metrics["score"])));
    }

    private Task<ClusterDispatcher> Open(ExperimentSpec spec) =>
        ClusterDispatcher.OpenAsync(fixture.Cluster.Client, spec, TestPlugins.Catalog, new ClusterDispatchOptions { MinimumWorkers = TestClusterFixture.Silos });

    /// <summary>Stops the run (as Ctrl+C does) once <paramref name="count"/> trials have finished.</summary>
    private sealed class StopAfter(int count, CancellationTokenSource stop) : IRunObserver
    {
        public void TrialFinished(TrialRecord trial, RunSummary summary)
        {
            if (summary.TrialsFinished >= count)
            {
                stop.Cancel();
            }
        }
    }
}
