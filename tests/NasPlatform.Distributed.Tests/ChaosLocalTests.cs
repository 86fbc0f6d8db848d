using System.Diagnostics;
using Xunit.Abstractions;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The chaos check on one machine, as most users run: 20 SIGKILLs of `nas run`/`nas resume`, 10 with one
/// local worker and 10 with two, each timed from the first trial stored after the previous kill (a kill before
/// the store holds anything new proves nothing). After every kill nothing stored is lost, rewritten or
/// duplicated; a last `nas resume` completes the budget exactly. Sized to stay under a minute on two cores: a
/// process start is most of each kill's time. The cluster's chaos check is <see cref="ChaosOneWorkerTests"/>
/// and <see cref="ChaosTwoWorkersTests"/>.
/// </summary>
public sealed class ChaosLocalTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Ten_kills_of_a_run_on_one_machine_lose_nothing_and_the_budget_ends_exact(int workers)
    {
        var clock = Stopwatch.StartNew();
        using var run = new ChaosRun(_dir.Path, $"local{workers}", budget: 80, cluster: null, workers: [], localWorkers: workers);
        for (var kill = 0; kill < 10; kill++)
        {
            run.Kill(worker: null, ChaosRun.Offset(run.Kills));
            output.WriteLine($"kill {run.Kills} at {ChaosRun.Seconds(clock)}");
        }

        run.Finish();
        output.WriteLine($"{run.Kills} kills, {run.Sessions} sessions, budget exact after {ChaosRun.Seconds(clock)}");
        Assert.Equal(10, run.Kills);
        Assert.Equal(11, run.Sessions);
    }
}
