using System.Diagnostics;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// A worker stops within 10 s of SIGTERM whatever its Redis does (a service manager waits that
/// long or less before SIGKILL): leaving the cluster cleanly is tried, but not waited for without end.
/// </summary>
public sealed class WorkerShutdownTests : IDisposable
{
    /// <summary>What the README documents for a command stopped by Ctrl+C or SIGTERM.</summary>
    private const int Stopped = 130;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("KILL")]
    [InlineData("STOP")]
    public void A_worker_exits_within_10_s_of_SIGTERM_when_its_redis_server_is_gone_or_frozen(string redisSignal)
    {
        using var redis = new RedisServer(_dir.Path);
        using var started = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"));
        var worker = started.Process;

        redis.Signal(redisSignal);
        // Long enough for the worker to notice: its membership and directory calls start failing.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        var clock = Stopwatch.StartNew();
        worker.Signal("TERM");

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(10)), $"the worker still ran 10 s after SIGTERM (redis {redisSignal}): {worker.Error}");
        Assert.True(worker.ExitCode == Stopped, $"the worker exited {worker.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s, not {Stopped}: {worker.Out}{worker.Error}");
    }

    [Fact]
    public void A_worker_exits_promptly_and_cleanly_on_SIGTERM_while_its_redis_server_runs()
    {
        using var redis = new RedisServer(_dir.Path);
        using var started = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"));
        var worker = started.Process;

        worker.Signal("TERM");

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(10)), $"the worker still ran 10 s after SIGTERM: {worker.Error}");
        Assert.True(worker.ExitCode == Stopped, $"the worker exited {worker.ExitCode}, not {Stopped}: {worker.Out}{worker.Error}");
        Assert.DoesNotContain("did not leave the cluster", worker.Error);
    }
}
