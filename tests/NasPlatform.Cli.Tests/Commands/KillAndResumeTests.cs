using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// The crash guarantee end to end: `nas run` in a child process is killed with SIGKILL mid-run,
/// `nas resume` finishes it, and the store shows nothing lost, nothing evaluated twice, the budget
/// exact, and the same trials as a run that was never interrupted (one worker, same seed).
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private const int Budget = 24;
    private readonly string _work = Directory.CreateTempSubdirectory("nas-kill-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void SigkillMidRunThenResumeLosesNothingAndMatchesAnUninterruptedRun()
    {
        var killed = WriteExperiment("killed");
        var uninterrupted = WriteExperiment("uninterrupted");

        using (var run = NasProcess.Start("run", killed, "--plugins", RepoPaths.Plugins))
        {
            _ = run.StandardOutput.ReadToEndAsync();
            _ = run.StandardError.ReadToEndAsync();
            WaitUntil(() => CompletedIn("killed") >= 6 || run.HasExited, TimeSpan.FromSeconds(60));
            Assert.False(run.HasExited, "the run finished before it could be killed; make trials slower");
            run.Kill(); // SIGKILL on Linux: no handler runs, the store is left as the crash left it
            run.WaitForExit();
        }

        var beforeResume = Trials("killed");
        var completedBefore = beforeResume.Where(t => t.State == TrialState.Completed).ToList();
        Assert.InRange(completedBefore.Count, 6, Budget - 1);

        var resume = NasProcess.Run(TimeSpan.FromSeconds(120), "resume", killed, "--plugins", RepoPaths.Plugins);
        Assert.True(resume.ExitCode == 0, $"resume exited {resume.ExitCode}: {resume.Error}");

        var reference = NasProcess.Run(TimeSpan.FromSeconds(120), "run", uninterrupted, "--plugins", RepoPaths.Plugins);
        Assert.True(reference.ExitCode == 0, $"reference run exited {reference.ExitCode}: {reference.Error}");

        var after = Trials("killed");
        Assert.Equal(Budget, after.Count);
        Assert.Equal(Enumerable.Range(0, Budget), after.Select(t => t.Number));
        Assert.All(after, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Budget, after.Select(t => t.Hash).Distinct().Count());

        foreach (var before in completedBefore)
        {
            var now = after.Single(t => t.Number == before.Number);
            Assert.Equal(before.Candidate, now.Candidate);
            Assert.Equal(before.Metrics, now.Metrics);
            Assert.Equal(before.FinishedAt, now.FinishedAt);
        }

        var expected = Trials("uninterrupted");
        Assert.Equal(expected.Select(t => t.Candidate.Json), after.Select(t => t.Candidate.Json));
        Assert.Equal(expected.Select(t => t.Metrics["score"]), after.Select(t => t.Metrics["score"]));
    }

    private string WriteExperiment(string name)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 5 } },
              "evaluator": { "name": "target", "options": { "target": "27182", "delayMilliseconds": 150 } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "regularized-evolution", "options": { "populationSize": 6, "sampleSize": 3 } },
              "budget": { "trials": {{Budget}} },
              "workers": 1,
              "seed": 11,
              "store": "{{name}}.db"
            }
            """);
        return path;
    }

    private int CompletedIn(string name)
    {
        var path = Path.Combine(_work, name + ".db");
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            return Trials(name).Count(t => t.State == TrialState.Completed);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Abstractions.NasConfigurationException)
        {
            return 0; // the store is still being created
        }
    }

    private IReadOnlyList<TrialRecord> Trials(string name)
    {
        using var store = SqliteTrialStore.OpenExisting(Path.Combine(_work, name + ".db"));
        var experiment = store.FindExperiment(name);
        return experiment is null ? [] : store.GetTrials(experiment.Id);
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not reached in time");
            }

            Thread.Sleep(50);
        }
    }
}
