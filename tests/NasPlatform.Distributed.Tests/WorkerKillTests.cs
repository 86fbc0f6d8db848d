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
        using var doomedWorker = NasWorker.Start(redis.Address, Path.Combine(_dir.Path, "work"), slots: 2);
        using var survivorWorker = NasWorker.Start(redis.Address, Path.Combine(_dir.Path, "work"), slots: 2);
        doomedWorker.WaitReady();
        survivorWorker.WaitReady();
        var doomed = doomedWorker.Process;
        var survivor = survivorWorker.Process;

        var experiment = WriteExperiment("killworker");
        using var run = ChildProcess.Nas("run", experiment, "--cluster", redis.Address, "--plugins", RepoPaths.Plugins);
        // Killed while it evaluates: at least one trial it leased is neither finished nor reported.
        WaitUntil(() => (Completed() >= 6 && Evaluating(doomed.Error).Except(Reported(doomed.Error)).Any()) || run.HasExited, TimeSpan.FromSeconds(90),
            () => $"no progress on the worker to kill: {run.Error}{doomed.Error}");
        Assert.False(run.HasExited, $"the run ended before a worker could be killed: {run.Out}{run.Error}");
        doomed.Kill();
        var inFlight = Evaluating(doomed.Error).Except(Reported(doomed.Error)).ToList();

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(120)), $"the run did not finish after the kill: {run.Error}");
        Assert.True(run.ExitCode == 0, $"nas run exited {run.ExitCode}: {run.Out}{run.Error}");

        StoredTrials.AssertBudgetExact(Trials(), Budget);
        // The killed worker held trials it never reported; the survivor evaluated and reported them.
        Assert.NotEmpty(inFlight);
        // The survivor logs a report just after delivering it, so its last line may trail the run's end a little.
        WaitUntil(() => inFlight.All(Reported(survivor.Error).Contains), TimeSpan.FromSeconds(20),
            () => $"trials {string.Join(", ", inFlight)} were in flight on the killed worker; the survivor reported: {string.Join(", ", Reported(survivor.Error))}");
    }

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

    private int Completed() => Trials().Count(t => t.State == TrialState.Completed);

    private IReadOnlyList<TrialRecord> Trials() => StoredTrials.Of(Path.Combine(_dir.Path, "killworker.db"), "killworker");

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> why) => Poll.Until(condition, timeout, why);
}
