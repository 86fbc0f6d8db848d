using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// `nas run`/`nas resume` compare the file with the stored spec: the case was a resume that silently ran
/// the old strategy, seed and budget after the user had changed all three.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SpecDriftCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-drift-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void A_changed_seed_or_strategy_is_refused_with_each_change_listed_and_nothing_is_run()
    {
        var file = Write(trials: 8, seed: 3, strategy: "regularized-evolution");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        Write(trials: 20, seed: 5, strategy: "random");

        foreach (var command in new[] { "resume", "run" })
        {
            var refused = CliRunner.Run(command, file, "--plugins", RepoPaths.Plugins);

            Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
            Assert.Contains("$.seed: 3 (stored) -> 5 (file)", refused.Error, StringComparison.Ordinal);
            Assert.Contains("$.strategy.name: \"regularized-evolution\" (stored) -> \"random\" (file)", refused.Error, StringComparison.Ordinal);
            Assert.Contains("--restart", refused.Error, StringComparison.Ordinal);
            Assert.Equal(8, Trials(file).Count);
        }
    }

    [Fact]
    public void A_larger_budget_is_applied_by_resume_recorded_as_an_amendment_and_shown_by_status()
    {
        var file = Write(trials: 6, seed: 3, strategy: "regularized-evolution");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        Write(trials: 10, seed: 3, strategy: "regularized-evolution");

        var resumed = CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins);

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Error);
        Assert.Contains("amendment 1: $.budget.trials: 6 (stored) -> 10 (file)", resumed.Error, StringComparison.Ordinal);
        Assert.Equal(10, Trials(file).Count);
        var status = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        var change = status["amendments"]![0]!["changes"]![0]!;
        Assert.Equal("$.budget.trials", (string?)change["path"]);
        Assert.Equal(10, (int)change["given"]!);
        // The store is the truth from now on: the store alone shows the amendment, and resuming from it runs nothing more.
        Assert.Single((JArray)JObject.Parse(CliRunner.Run("status", Path.Combine(_work, "drift.db"), "--json").Out)["amendments"]!);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("resume", Path.Combine(_work, "drift.db"), "--plugins", RepoPaths.Plugins).ExitCode);
        Assert.Equal(10, Trials(file).Count);
    }

    [Fact]
    public void Restart_keeps_the_old_experiment_under_an_archived_name_and_starts_afresh()
    {
        var file = Write(trials: 5, seed: 3, strategy: "regularized-evolution");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        var before = Trials(file).Select(t => t["candidate"]!.ToString()).ToList();
        Write(trials: 7, seed: 4, strategy: "random");

        var restarted = CliRunner.Run("run", file, "--restart", "--plugins", RepoPaths.Plugins);

        Assert.True(restarted.ExitCode == ExitCodes.Success, restarted.Error);
        Assert.Contains("as 'drift@archived-", restarted.Error, StringComparison.Ordinal);
        Assert.Equal(7, Trials(file).Count);
        var export = JObject.Parse(CliRunner.Run("export", Path.Combine(_work, "drift.db"), "--format", "json", "--experiment", ArchivedName(restarted.Error)).Out);
        Assert.Equal(before, ((JArray)export["trials"]!).Select(t => t["candidate"]!.ToString()));
    }

    private static string ArchivedName(string error)
    {
        var start = error.IndexOf("'drift@archived-", StringComparison.Ordinal) + 1;
        return error[start..error.IndexOf('\'', start)];
    }

    private static JArray Trials(string file) => (JArray)JObject.Parse(CliRunner.Run("export", file, "--format", "json").Out)["trials"]!;

    private string Write(int trials, int seed, string strategy)
    {
        var path = Path.Combine(_work, "drift.json");
        File.WriteAllText(path, $$"""
            {
              "name": "drift",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "{{strategy}}" },
              "budget": { "trials": {{trials}} },
              "seed": {{seed}}
            }
            """);
        return path;
    }
}
