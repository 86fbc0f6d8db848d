using System.Globalization;
using System.Text.RegularExpressions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The lease guarantee end to end, with real processes: redis-server on loopback, two `nas worker`
/// silos and `nas run --cluster`; one worker is killed with SIGKILL while it evaluates, and the run
/// still completes with every trial recorded exactly once (the dead worker's trials ran on the other).
/// </summary>
public sealed partial class WorkerKillTests : IDisposable
{
    private const int Budget = 24;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SigkillOfAWorkerMidRunLosesNoTrialAndRecordsEachOnce()
    {
        using var redis = new RedisServer(_dir.Path);
        var ports = FreePorts.Take(4);
        using var doomed = Worker(redis, ports[0], ports[1]);
        using var survivor = Worker(redis, ports[2], ports[3]);
        WaitUntil(() => doomed.Out.Contains("Worker ready") && survivor.Out.Contains("Worker ready"), TimeSpan.FromSeconds(180),
            () => $"workers did not start: {doomed.Error} / {survivor.Error}");

        var experiment = WriteExperiment("killworker");
        using var run = ChildProcess.Nas("run", experiment, "--cluster", redis.Address, "--plugins", RepoPaths.Plugins);
        WaitUntil(() => Completed() >= 6 || run.HasExited, TimeSpan.FromSeconds(90), () => $"no progress: {run.Error}");
        Assert.False(run.HasExited, $"the run ended before a worker could be killed: {run.Out}{run.Error}");
        doomed.Kill();
        var inFlight = Evaluating(doomed.Error).Except(Reported(doomed.Error)).ToList();

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(120)), $"the run did not finish after the kill: {run.Error}");
        Assert.True(run.ExitCode == 0, $"nas run exited {run.ExitCode}: {run.Out}{run.Error}");

        var trials = Trials();
        Assert.Equal(Enumerable.Range(0, Budget), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Budget, trials.Select(t => t.Hash).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Budget).Select(i => (long?)i), trials.Select(t => t.TellSequence).Order());
        // The killed worker held trials it never reported; the survivor evaluated and reported them.
        Assert.NotEmpty(inFlight);
        // The survivor logs a report just after delivering it, so its last line may trail the run's end a little.
        WaitUntil(() => inFlight.All(Reported(survivor.Error).Contains), TimeSpan.FromSeconds(20),
            () => $"trials {string.Join(", ", inFlight)} were in flight on the killed worker; the survivor reported: {string.Join(", ", Reported(survivor.Error))}");
    }

    private static ChildProcess Worker(RedisServer redis, int siloPort, int gatewayPort) =>
        ChildProcess.Nas("worker", "--cluster", redis.Address, "--slots", "2", "--host", "127.0.0.1",
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--plugins", RepoPaths.Plugins);

    private string WriteExperiment(string name)
    {
        var path = Path.Combine(_dir.Path, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 5 } },
              "evaluator": { "name": "target", "options": { "target": "27182", "delayMilliseconds": 600 } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": {{Budget}} },
              "seed": 5,
              "store": "{{name}}.db"
            }
            """);
        return path;
    }

    private static IEnumerable<int> Evaluating(string log) => Numbers(EvaluatingLine(), log);

    private static IEnumerable<int> Reported(string log) => Numbers(ReportedLine(), log);

    private static IEnumerable<int> Numbers(Regex line, string log) =>
        line.Matches(log).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Trial (\d+) of '[^']*': evaluating")]
    private static partial Regex EvaluatingLine();

    [GeneratedRegex(@"Trial (\d+) of '[^']*': reported")]
    private static partial Regex ReportedLine();

    private int Completed()
    {
        if (!File.Exists(Path.Combine(_dir.Path, "killworker.db")))
        {
            return 0;
        }

        try
        {
            return Trials().Count(t => t.State == TrialState.Completed);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Abstractions.NasConfigurationException)
        {
            return 0; // the store is still being created
        }
    }

    private IReadOnlyList<TrialRecord> Trials()
    {
        using var store = SqliteTrialStore.OpenExisting(Path.Combine(_dir.Path, "killworker.db"));
        var experiment = store.FindExperiment("killworker");
        return experiment is null ? [] : store.GetTrials(experiment.Id);
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> why)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(why());
            }

            Thread.Sleep(50);
        }
    }
}
