using System.Diagnostics;
using Xunit.Abstractions;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The chaos check, first half (the other is <see cref="ChaosTwoWorkersTests"/>; together 20 kills):
/// 10 SIGKILLs on a one-worker cluster, 8 of the coordinator and 2 of the worker, each timed from the
/// first trial stored after the previous one. Nothing stored is lost or duplicated after any kill, and
/// a last `nas resume` completes the budget exactly.
/// </summary>
public sealed class ChaosOneWorkerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ten_kills_of_the_coordinator_and_the_only_worker_lose_nothing_and_the_budget_ends_exact()
    {
        var clock = Stopwatch.StartNew();
        using var redis = new RedisServer(_dir.Path);
        using var worker = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"), slots: 2);
        output.WriteLine($"worker ready after {ChaosRun.Seconds(clock)}");
        using var run = new ChaosRun(_dir.Path, "chaos1", budget: 150, redis.Address, [worker]);
        int?[] targets = [null, null, 0, null, null, null, 0, null, null, null];
        foreach (var target in targets)
        {
            run.Kill(target, ChaosRun.Offset(run.Kills));
            output.WriteLine($"kill {run.Kills} ({(target is null ? "coordinator" : "worker")}) at {ChaosRun.Seconds(clock)}");
        }

        run.Finish();
        output.WriteLine($"{run.Kills} kills, {run.Sessions} coordinator sessions, budget exact after {ChaosRun.Seconds(clock)}");
        Assert.Equal(10, run.Kills);
    }
}
