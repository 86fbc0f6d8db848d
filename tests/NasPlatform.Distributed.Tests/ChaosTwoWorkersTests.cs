using System.Diagnostics;
using Xunit.Abstractions;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The chaos check, second half (the other is <see cref="ChaosOneWorkerTests"/>; together 20 kills):
/// 10 SIGKILLs on a two-worker cluster, 7 of the coordinator and 3 of a worker (the other goes on
/// meanwhile), each timed from the first trial stored after the previous one. Nothing stored is lost or
/// duplicated after any kill, and a last `nas resume` completes the budget exactly.
/// </summary>
public sealed class ChaosTwoWorkersTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ten_kills_of_the_coordinator_and_of_either_of_two_workers_lose_nothing_and_the_budget_ends_exact()
    {
        var clock = Stopwatch.StartNew();
        using var redis = new RedisServer(_dir.Path);
        using var first = NasWorker.Start(redis.Address, Path.Combine(_dir.Path, "work"), slots: 1);
        using var second = NasWorker.Start(redis.Address, Path.Combine(_dir.Path, "work"), slots: 1);
        first.WaitReady();
        second.WaitReady();
        output.WriteLine($"workers ready after {ChaosRun.Seconds(clock)}");
        using var run = new ChaosRun(_dir.Path, "chaos2", budget: 150, redis.Address, [first, second]);
        int?[] targets = [null, 0, null, null, 1, null, null, 0, null, null];
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
