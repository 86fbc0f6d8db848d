namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The cluster heals when its membership store loses its data: redis-server is killed (SIGKILL) mid-run
/// and a fresh, empty one starts on the same port. The live workers notice that the membership table no
/// longer lists them and join again by themselves; the run finishes with every trial recorded exactly
/// once, no worker process is restarted, and a new coordinator finds the workers (before the fix they
/// were orphaned: the run hung and `nas run --cluster` found no worker until every worker was restarted).
/// </summary>
public sealed class RedisRestartTests : IDisposable
{
    private const int Budget = 40;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Workers_rejoin_after_redis_restarts_empty_and_the_run_records_every_trial_once()
    {
        using var redis = new RedisServer(_dir.Path);
        using var first = NasWorker.Start(redis.Address, Path.Combine(_dir.Path, "work"), slots: 2);
        using var second = NasWorker.Start(redis.Address, Path.Combine(_dir.Path, "work"), slots: 2);
        first.WaitReady();
        second.WaitReady();
        var workers = new[] { first.Process, second.Process };

        Experiments.Hello(_dir.Path, "healing", Budget, workers: 1, delayMilliseconds: 300, seed: 5);
        var store = Path.Combine(_dir.Path, "healing.db");
        using var run = ChildProcess.Nas("run", Path.Combine(_dir.Path, "healing.json"), "--cluster", redis.Address, "--plugins", RepoPaths.Plugins);
        Poll.Until(() => StoredTrials.Finished(store, "healing") >= 6 || run.HasExited, TimeSpan.FromSeconds(120), () => $"no progress: {run.Error}");
        Assert.False(run.HasExited, $"the run ended before Redis could be restarted: {run.Out}{run.Error}");
        var before = StoredTrials.Of(store, "healing").Where(t => t.IsFinished).ToList();

        redis.RestartEmpty();

        Poll.Until(() => workers.All(w => w.Error.Contains("Worker rejoined the cluster", StringComparison.Ordinal)), TimeSpan.FromSeconds(60),
            () => $"the workers did not rejoin after Redis restarted empty: {first.Process.Error} / {second.Process.Error}");
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(120)), $"the run did not finish after Redis restarted: {run.Error}");
        Assert.True(run.ExitCode == 0, $"nas run exited {run.ExitCode}: {run.Out}{run.Error}");

        var after = StoredTrials.Of(store, "healing");
        StoredTrials.AssertBudgetExact(after, Budget);
        StoredTrials.AssertKept(before, after);

        Assert.All(workers, w => Assert.False(w.HasExited, $"a worker exited: {w.Out}{w.Error}"));

        // A coordinator started after the restart finds the workers through the new Redis.
        Experiments.Hello(_dir.Path, "after", trials: 4, workers: 1, delayMilliseconds: 0, seed: 1);
        using var next = ChildProcess.Nas("run", Path.Combine(_dir.Path, "after.json"), "--cluster", redis.Address, "--plugins", RepoPaths.Plugins);
        Assert.True(next.WaitForExit(TimeSpan.FromSeconds(90)), $"a new run did not finish on the healed cluster: {next.Error}");
        Assert.True(next.ExitCode == 0, $"a new run on the healed cluster exited {next.ExitCode}: {next.Out}{next.Error}");
        StoredTrials.AssertBudgetExact(StoredTrials.Of(Path.Combine(_dir.Path, "after.db"), "after"), 4);
    }
}
