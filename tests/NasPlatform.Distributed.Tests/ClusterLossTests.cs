namespace NasPlatform.Distributed.Tests;

/// <summary>
/// A run whose cluster is gone fails clearly instead of waiting forever: its only worker is killed
/// (SIGKILL) mid-run and none comes back within --cluster-timeout, so `nas run --cluster` stops with
/// exit 1 naming the cluster and the resume command. Nothing stored is lost, and once a worker is
/// back that command completes the budget exactly (before the fix the run waited without end).
/// </summary>
public sealed class ClusterLossTests : IDisposable
{
    private const int Budget = 30;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_run_whose_every_worker_died_stops_with_exit_1_after_the_cluster_timeout_and_resumes_exactly()
    {
        using var redis = new RedisServer(_dir.Path);
        using var worker = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"), slots: 2);
        Experiments.Hello(_dir.Path, "orphan", Budget, workers: 1, delayMilliseconds: 200, seed: 7);
        var file = Path.Combine(_dir.Path, "orphan.json");
        var store = Path.Combine(_dir.Path, "orphan.db");
        using var run = ChildProcess.Nas("run", file, "--cluster", redis.Address, "--cluster-timeout", "3", "--plugins", RepoPaths.Plugins);
        Poll.Until(() => StoredTrials.Finished(store, "orphan") >= 4 || run.HasExited, TimeSpan.FromSeconds(120), () => $"no progress: {run.Error}");
        Assert.False(run.HasExited, $"the run ended before its worker could be killed: {run.Out}{run.Error}");

        worker.Process.Kill();
        var before = StoredTrials.Of(store, "orphan");

        // 3 s without an answer, after a call that may wait the client's 10 s response timeout.
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), $"the run still waited 60 s after its only worker died: {run.Error}");
        Assert.True(run.ExitCode == 1, $"nas run exited {run.ExitCode}, not 1: {run.Out}{run.Error}");
        Assert.Contains($"lost the cluster at {redis.Address}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"nas resume {file} --cluster {redis.Address}", run.Error, StringComparison.Ordinal);
        var stopped = StoredTrials.Of(store, "orphan");
        StoredTrials.AssertKept(before, stopped);
        Assert.InRange(stopped.Count(t => t.IsFinished), 4, Budget - 1);

        worker.Replace();
        worker.WaitReady();
        using var resume = ChildProcess.Nas("resume", file, "--cluster", redis.Address, "--plugins", RepoPaths.Plugins);
        Assert.True(resume.WaitForExit(TimeSpan.FromSeconds(120)), $"the resume did not finish: {resume.Error}");
        Assert.True(resume.ExitCode == 0, $"nas resume exited {resume.ExitCode}: {resume.Out}{resume.Error}");
        var after = StoredTrials.Of(store, "orphan");
        StoredTrials.AssertKept(stopped, after);
        StoredTrials.AssertBudgetExact(after, Budget);
    }
}
