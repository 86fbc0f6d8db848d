using NasPlatform.Distributed.Worker;
using Orleans.TestingHost;

namespace NasPlatform.Distributed.Tests;

/// <summary>Three in-process worker silos (one slot each), shared by the tests of a class.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public const int Silos = 3;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(Silos);
        builder.AddSiloBuilderConfigurator<WorkerSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class WorkerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddNasWorker(TestPlugins.Catalog, new WorkerOptions { Slots = 1 });
    }
}
