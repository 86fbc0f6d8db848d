using NasPlatform.Distributed.Contracts;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The queue grain's lease rules on the test cluster. These sessions are never opened in the
/// directory, so the cluster's own workers leave them alone and the test plays the workers.
/// </summary>
public sealed class TrialQueueGrainTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    [Fact]
    public async Task ALeaseWithoutHeartbeatsGoesBackToTheQueueForAnotherWorker()
    {
        var queue = await Open(leaseSeconds: 1.5);
        await queue.Offer(Work(1));

        var first = await queue.Lease("worker-a", TimeSpan.Zero);
        Assert.NotNull(first);
        Assert.Null(await queue.Lease("worker-b", TimeSpan.Zero));

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(await queue.Heartbeat(1, first.LeaseId));
        var second = await queue.Lease("worker-b", TimeSpan.Zero);
        Assert.NotNull(second);
        Assert.Equal(1, second.Work.Number);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
    }

    [Fact]
    public async Task HeartbeatsKeepALease()
    {
        // Beats every 0.25 s for twice the lease: without them the lease would have lapsed.
        var queue = await Open(leaseSeconds: 1.5);
        await queue.Offer(Work(2));
        var lease = await queue.Lease("worker-a", TimeSpan.Zero);
        Assert.NotNull(lease);

        for (var beat = 0; beat < 12; beat++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            Assert.True(await queue.Heartbeat(2, lease.LeaseId));
        }

        Assert.Null(await queue.Lease("worker-b", TimeSpan.Zero));
    }

    [Fact]
    public async Task TheFirstReportCountsAndADuplicateIsDropped()
    {
        var queue = await Open(leaseSeconds: 10);
        await queue.Offer(Work(3));
        var lease = await queue.Lease("worker-a", TimeSpan.Zero);
        Assert.NotNull(lease);

        Assert.True(await queue.Report(Report(3, "worker-a", 0.5)));
        Assert.False(await queue.Report(Report(3, "worker-b", 0.7)));
        var batch = await queue.Collect(TimeSpan.Zero);

        var only = Assert.Single(batch.Reports);
        Assert.Equal("worker-a", only.Worker);
        Assert.Equal(0.5, only.Metrics!["score"]);
        // Offered again (a coordinator re-offering after a lost activation): a reported trial does not run twice.
        await queue.Offer(Work(3));
        Assert.Null(await queue.Lease("worker-c", TimeSpan.Zero));
        Assert.Empty((await queue.Collect(TimeSpan.Zero)).Reports);
    }

    [Fact]
    public async Task AWithdrawnTrialRefusesItsWorkersHeartbeat()
    {
        var queue = await Open(leaseSeconds: 10);
        await queue.Offer(Work(4));
        var lease = await queue.Lease("worker-a", TimeSpan.Zero);
        Assert.NotNull(lease);

        await queue.Withdraw(4);

        Assert.False(await queue.Heartbeat(4, lease.LeaseId));
    }

    [Fact]
    public async Task ALeaseWaitsForWorkOfferedMeanwhile()
    {
        var queue = await Open(leaseSeconds: 10);
        var waiting = queue.Lease("worker-a", TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.False(waiting.IsCompleted);

        await queue.Offer(Work(5));

        var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(5, lease!.Work.Number);
    }

    private async Task<ITrialQueueGrain> Open(double leaseSeconds)
    {
        var queue = fixture.Cluster.Client.GetGrain<ITrialQueueGrain>($"test/{Guid.NewGuid():N}");
        await queue.Open(new SessionSetup("test", "{}", "/", new PluginIdentity("hello", "0.1.0"), leaseSeconds));
        return queue;
    }

    private static TrialWork Work(int number) => new(number, "[1,2,3]", "full", 7, "/nonexistent", null);

    private static TrialReport Report(int number, string worker, double score) =>
        new(number, worker, new Dictionary<string, double> { ["score"] = score }, [], null);
}
