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
    public async Task HeartbeatsCarryTheLatestProgressToTheNextCollectionOnlyFromTheLeaseHolder()
    {
        var queue = await Open(leaseSeconds: 10);
        await queue.Offer(Work(6));
        await queue.Offer(Work(7));
        var six = await queue.Lease("worker-a", TimeSpan.Zero);
        var seven = await queue.Lease("worker-b", TimeSpan.Zero);
        Assert.NotNull(six);
        Assert.NotNull(seven);

        Assert.True(await queue.Heartbeat(6, six.LeaseId, Progress(6, "worker-a", 0.1, "epoch 1/10")));
        Assert.True(await queue.Heartbeat(6, six.LeaseId, Progress(6, "worker-a", 0.2, "epoch 2/10")));
        Assert.True(await queue.Heartbeat(7, seven.LeaseId));
        // A lease that is not the trial's (a stale or made-up one) is refused, and its progress dropped.
        Assert.False(await queue.Heartbeat(7, Guid.NewGuid(), Progress(7, "worker-c", 0.9, "epoch 9/10")));

        var batch = await queue.Collect(TimeSpan.Zero);
        Assert.Empty(batch.Reports);
        var only = Assert.Single(batch.Progress);
        Assert.Equal((6, "worker-a", 0.2, "epoch 2/10"), (only.Number, only.Worker, only.Fraction, only.Message));
        Assert.Equal(1.5, only.Metrics["train_loss"]);
        Assert.Empty((await queue.Collect(TimeSpan.Zero)).Progress);

        // Progress not collected before the report is dropped with the finished trial.
        Assert.True(await queue.Heartbeat(6, six.LeaseId, Progress(6, "worker-a", 0.3, "epoch 3/10")));
        Assert.True(await queue.Report(Report(6, "worker-a", 0.8)));
        batch = await queue.Collect(TimeSpan.Zero);
        Assert.Equal(6, Assert.Single(batch.Reports).Number);
        Assert.Empty(batch.Progress);
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

    private static TrialProgress Progress(int number, string worker, double fraction, string message) =>
        new(number, worker, fraction, message, new Dictionary<string, double> { ["train_loss"] = 1.5 });

    private static TrialReport Report(int number, string worker, double score) =>
        new(number, worker, new Dictionary<string, double> { ["score"] = score }, [], null);
}
