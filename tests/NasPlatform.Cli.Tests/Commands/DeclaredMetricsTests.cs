using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// An objective or constraint on a quantity the evaluator does not declare and the space does not compute is
/// refused by `nas validate` and `nas run` before anything is evaluated or stored: a typo costs no budget.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DeclaredMetricsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-metrics-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void A_misspelled_objective_is_refused_with_its_place_and_the_nearest_metric_and_nothing_is_stored(string command)
    {
        var file = Experiment("typo", objective: "scroe", constraint: "sum <= 30");

        var (code, _, error) = CliRunner.Run(command, file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{file}:6:", error, StringComparison.Ordinal);
        Assert.Contains("$.objectives[0].metric", error, StringComparison.Ordinal);
        Assert.Contains("'scroe' is neither a metric evaluator 'target' returns nor a free statistic of search space 'digits'; did you mean 'score'?", error, StringComparison.Ordinal);
        Assert.Contains("metrics: score, distance, matches; free statistics: distinct, sum", error, StringComparison.Ordinal);
        // Nothing evaluated, no experiment stored: `nas status` finds none.
        var status = CliRunner.Run("status", file);
        Assert.Equal(ExitCodes.BadInput, status.ExitCode);
        Assert.DoesNotContain("trial", status.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_constraint_on_an_unknown_quantity_is_refused_and_free_statistics_and_metrics_are_accepted()
    {
        var wrong = Experiment("wrong", objective: "score", constraint: "summ <= 30");
        var right = Experiment("right", objective: "distance", constraint: "matches >= 0");

        var refused = CliRunner.Run("validate", wrong, "--plugins", RepoPaths.Plugins);
        var accepted = CliRunner.Run("validate", right, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("$.constraints[0]", refused.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'sum'?", refused.Error, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == ExitCodes.Success, accepted.Error);
    }

    private string Experiment(string name, string objective, string constraint)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "target", "options": { "target": "3141" } },
              "objectives": [ { "metric": "{{objective}}", "direction": "maximize" } ],
              "constraints": ["{{constraint}}"],
              "strategy": { "name": "random" },
              "budget": { "trials": 5 },
              "workers": 1,
              "seed": 3,
              "store": "{{name}}.db"
            }
            """);
        return path;
    }
}
