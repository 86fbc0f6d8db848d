using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// A configuration failure found after the start (an evaluator that declares a metric but does not return it) costs no
/// budget and leaves the experiment resumable: before, the trial was stored as a finished failure, the experiment
/// marked failed, and the file's fix (another objective) refused as spec drift, so the only way on was a new name.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConfigurationFailureTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-config-failure-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Plugins => RepoPaths.Fixture("ForgetfulPlugin");

    [Fact]
    public void A_declared_metric_that_is_not_returned_stops_the_run_with_exit_2_spends_nothing_and_resume_goes_on_after_the_fix()
    {
        var file = Write(objective: "latency_ms", direction: "minimize");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("validate", file, "--plugins", Plugins).ExitCode); // declared: validate cannot know

        var run = CliRunner.Run("run", file, "--plugins", Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Evaluator 'forgetful' declares the metric 'latency_ms' but did not return it", run.Error, StringComparison.Ordinal);
        Assert.Contains("Trial 0 was not counted against the budget", run.Error, StringComparison.Ordinal);
        Assert.Contains($"nas resume {file}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        var stopped = Status(file);
        Assert.Equal("failed", (string?)stopped["status"]);
        var pending = Assert.Single((JArray)stopped["trials"]!);
        Assert.Equal("pending", (string?)pending["state"]);

        // Resuming the unchanged file fails the same way and still spends nothing: the same trial waits.
        var again = CliRunner.Run("resume", file, "--plugins", Plugins);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("Trial 0 was not counted", again.Error, StringComparison.Ordinal);
        Assert.True(JToken.DeepEquals(pending, Assert.Single((JArray)Status(file)["trials"]!)));

        // The fix: another objective. No trial has finished, so nothing was judged under the old one and it applies.
        Write(objective: "score", direction: "maximize");
        var fixedRun = CliRunner.Run("resume", file, "--plugins", Plugins);

        Assert.True(fixedRun.ExitCode == ExitCodes.Success, fixedRun.Error + fixedRun.Out);
        Assert.Contains("amendment 1: $.objectives[0].direction: \"minimize\" (stored) -> \"maximize\" (file); $.objectives[0].metric: \"latency_ms\" (stored) -> \"score\" (file)", fixedRun.Error, StringComparison.Ordinal);
        var done = Status(file);
        Assert.Equal("completed", (string?)done["status"]);
        var trials = (JArray)done["trials"]!;
        Assert.Equal(5, trials.Count); // the budget, exactly: the stopped trial was not counted
        Assert.All(trials, t => Assert.Equal("completed", (string?)t["state"]));
        Assert.Equal(pending["candidate"]!.ToString(), trials.Single(t => (int)t["number"]! == 0)["candidate"]!.ToString());
    }

    [Fact]
    public void Once_a_trial_has_finished_a_changed_objective_is_refused_as_drift()
    {
        var file = Write(objective: "score", direction: "maximize");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", Plugins).ExitCode);
        Write(objective: "distance", direction: "minimize");

        var refused = CliRunner.Run("resume", file, "--plugins", Plugins);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("$.objectives[0].metric: \"score\" (stored) -> \"distance\" (file)", refused.Error, StringComparison.Ordinal);
        Assert.Empty((JArray)Status(file)["amendments"]!);
    }

    private static JObject Status(string file)
    {
        var status = CliRunner.Run("status", file, "--json");
        Assert.True(status.ExitCode == ExitCodes.Success, status.Error);
        return JObject.Parse(status.Out);
    }

    private string Write(string objective, string direction)
    {
        var path = Path.Combine(_work, "forgetful.json");
        File.WriteAllText(path, $$"""
            {
              "name": "forgetful",
              "plugin": "forgetful",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "forgetful", "options": { "target": "3141" } },
              "objectives": [ { "metric": "{{objective}}", "direction": "{{direction}}" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": 5 },
              "workers": 1,
              "seed": 3,
              "store": "forgetful.db"
            }
            """);
        return path;
    }
}
