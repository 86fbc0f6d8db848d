using NasPlatform.Search.Torch;
using NasPlatform.Engine.Strategies;
using NasPlatform.Abstractions;
using NasPlatform.Distributed.Contracts;
using NasPlatform.Distributed.Coordinator;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Distributed.Tests;

/// <summary>Real experiments on a 3-silo test cluster end with the same trials as the in-process pool.</summary>
public sealed class ClusterRunTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Nb201RandomSearchOnThreeSilosMatchesTheLocalPool()
    {
        var local = await RunLocal(Experiments.Nb201(_dir.Path, "nb201-local", "random", trials: 30, workers: 3, seed: 7));
        var (cluster, dispatcher) = await RunOnCluster(Experiments.Nb201(_dir.Path, "nb201-cluster", "random", trials: 30, workers: 3, seed: 7));

        Assert.Equal(30, local.Count);
        Assert.All(local, t => Assert.Equal(Abstractions.Search.TrialState.Completed, t.State));
        Assert.Equal(Signature(local), Signature(cluster));
        Assert.Equal(TestClusterFixture.Silos, dispatcher.Slots);
        Assert.Equal(TestClusterFixture.Silos, dispatcher.Workers.Count);
        // One recorded result per trial, from the silos' workers (which ones is timing: lookups take
        // microseconds, so the first silo to see the session may take them all).
        Assert.Equal(30, dispatcher.ReportsByWorker.Values.Sum());
        Assert.All(dispatcher.ReportsByWorker.Keys, w => Assert.Contains(w, dispatcher.Workers.Select(i => i.Id)));
        Assert.Equal(dispatcher.ReportsByWorker.OrderBy(w => w.Key), cluster.GroupBy(t => t.Worker!).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(w => w.Key));
    }

    [Fact]
    public async Task Nb201EvolutionOnOneClusterSlotMatchesOneLocalWorkerInOrder()
    {
        // One slot: the strategy is told in the same order, so even an adaptive strategy proposes the same trials.
        var local = await RunLocal(Experiments.Nb201(_dir.Path, "evo-local", "regularized-evolution", trials: 40, workers: 1, seed: 3));
        var (cluster, _) = await RunOnCluster(Experiments.Nb201(_dir.Path, "evo-cluster", "regularized-evolution", trials: 40, workers: 1, seed: 3), maxSlots: 1);

        Assert.Equal(Signature(local, withTellOrder: true), Signature(cluster, withTellOrder: true));
    }

    [Fact]
    public async Task SmallQuantumExperimentOnThreeSilosMatchesTheLocalPool()
    {
        var local = await RunLocal(Experiments.H2Vqe(_dir.Path, "h2-local", trials: 6, workers: 2, seed: 1));
        var (cluster, _) = await RunOnCluster(Experiments.H2Vqe(_dir.Path, "h2-cluster", trials: 6, workers: 2, seed: 1));

        Assert.Equal(6, local.Count(t => t.State == Abstractions.Search.TrialState.Completed));
        Assert.Equal(Signature(local), Signature(cluster));
    }

    [Fact]
    public async Task AWorkerWithAnotherPluginVersionIsAClearErrorAtStart()
    {
        var spec = Experiments.Nb201(_dir.Path, "nb201-mismatch", "random", trials: 3, workers: 1, seed: 1);
        // The workers run the real tabular plugin; this coordinator claims another build of it.
        var error = await Assert.ThrowsAsync<NasConfigurationException>(() =>
            ClusterDispatcher.OpenAsync(fixture.Cluster.Client, spec, new PluginIdentity("tabular", "0.0.0-other"), new ClusterDispatchOptions { MinimumWorkers = TestClusterFixture.Silos }));

        Assert.Contains("plugin 'tabular' version", error.Message);
        Assert.Contains("this coordinator version 0.0.0-other", error.Message);
    }

    private static async Task<IReadOnlyList<TrialRecord>> RunLocal(ExperimentSpec spec)
    {
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var runner = new ExperimentRunner(spec, ComponentResolver.Resolve(spec, TestPlugins.Catalog, new StrategyCatalog(SearchComponents.Strategies)), store);
        var summary = await runner.RunAsync();
        Assert.Equal(ExperimentStatus.Completed, summary.Status);
        return store.GetTrials(summary.ExperimentId);
    }

    private async Task<(IReadOnlyList<TrialRecord> Trials, ClusterDispatcher Dispatcher)> RunOnCluster(ExperimentSpec spec, int? maxSlots = null)
    {
        using var store = SqliteTrialStore.Open(spec.StorePath);
        await using var dispatcher = await ClusterDispatcher.OpenAsync(
            fixture.Cluster.Client, spec, TestPlugins.Catalog, new ClusterDispatchOptions { MinimumWorkers = TestClusterFixture.Silos, MaxSlots = maxSlots });
        var runner = new ExperimentRunner(spec, ComponentResolver.Resolve(spec, TestPlugins.Catalog, new StrategyCatalog(SearchComponents.Strategies)), store) { Dispatcher = dispatcher };
        var summary = await runner.RunAsync();
        Assert.Equal(ExperimentStatus.Completed, summary.Status);
        var trials = store.GetTrials(summary.ExperimentId);
        // The store names the worker that evaluated each trial, not the coordinator's slot it waited on.
        Assert.All(trials, t => Assert.Contains(t.Worker, dispatcher.Workers.Select(i => i.Id)));
        return (trials, dispatcher);
    }

    /// <summary>Number, candidate, fidelity, state and metrics of every trial (and with one slot, the order told).</summary>
    private static List<string> Signature(IEnumerable<TrialRecord> trials, bool withTellOrder = false) =>
        trials.OrderBy(t => t.Number)
            .Select(t => $"{t.Number} {t.Candidate.Json} {t.Fidelity} {t.State} {t.Error} {string.Join(",", t.Metrics.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value:R}"))}"
                         + (withTellOrder ? $" tell={t.TellSequence}" : string.Empty))
            .ToList();
}
