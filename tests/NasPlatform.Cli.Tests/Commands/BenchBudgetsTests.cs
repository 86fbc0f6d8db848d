using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>`nas bench strategies --budget 5,10,20`: one set of runs, read at several budgets.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchBudgetsTests : IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "nas-bench-" + Guid.NewGuid().ToString("N"));

    private static string Example => Path.Combine(RepoPaths.Root, "examples", "nb201-evolution.json");

    public void Dispose()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    [Fact]
    public void Each_finished_strategy_is_kept_at_once_and_a_rerun_reads_it_instead_of_running_it_again()
    {
        var first = CliRunner.Run("bench", "strategies", Example, "--runs", "3", "--budget", "10", "--strategies", "random", "--json", "--results", _results, "--plugins", RepoPaths.Plugins);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        var kept = Assert.Single(Directory.GetFiles(_results, "random-*.json"));

        // The same command with a second strategy: random is read back, evolution runs and is kept beside it.
        var second = CliRunner.Run("bench", "strategies", Example, "--runs", "3", "--budget", "10", "--strategies", "random,regularized-evolution", "--json", "--results", _results, "--plugins", RepoPaths.Plugins);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Error);
        Assert.Contains("random: finished earlier, read from", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("regularized-evolution: finished earlier", second.Error, StringComparison.Ordinal);
        var a = JObject.Parse(first.Out)["strategies"]![0]!;
        var b = JObject.Parse(second.Out)["strategies"]![0]!;
        Assert.Equal(a["mean"], b["mean"]);
        Assert.Equal(a["meanBestSoFar"], b["meanBestSoFar"]);
        Assert.Single(Directory.GetFiles(_results, "regularized-evolution-*.json"));

        // Another run count is another bench: nothing is reused.
        var other = CliRunner.Run("bench", "strategies", Example, "--runs", "2", "--budget", "10", "--strategies", "random", "--json", "--results", _results, "--plugins", RepoPaths.Plugins);
        Assert.DoesNotContain("finished earlier", other.Error, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(_results, "random-*.json").Length);
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public void A_budget_list_reports_each_budget_from_the_same_runs()
    {
        var list = CliRunner.Run("bench", "strategies", Example, "--runs", "4", "--budget", "20,5,10", "--strategies", "random", "--json", "--results", _results, "--plugins", RepoPaths.Plugins);
        var single = CliRunner.Run("bench", "strategies", Example, "--runs", "4", "--budget", "10", "--strategies", "random", "--json", "--results", _results, "--plugins", RepoPaths.Plugins);

        Assert.True(list.ExitCode == ExitCodes.Success, list.Error);
        var json = JObject.Parse(list.Out);
        Assert.Equal(20, (int)json["budget"]!);
        Assert.Equal([5, 10, 20], json["budgets"]!.Values<int>());
        var atBudgets = (JArray)json["strategies"]![0]!["atBudgets"]!;
        Assert.Equal([5, 10, 20], atBudgets.Select(b => (int)b["queries"]!));
        Assert.Equal((double)json["strategies"]![0]!["mean"]!, (double)atBudgets[2]["mean"]!, precision: 12);
        // A strategy does not know its budget: the best after 10 of 20 queries is a 10-query run's best.
        Assert.Equal((double)JObject.Parse(single.Out)["strategies"]![0]!["mean"]!, (double)atBudgets[1]["mean"]!, precision: 12);
        Assert.True((double)atBudgets[0]["mean"]! <= (double)atBudgets[1]["mean"]!);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("50,x")]
    [InlineData(",")]
    public void A_budget_that_is_not_a_positive_count_is_bad_input(string budget)
    {
        var run = CliRunner.Run("bench", "strategies", Example, "--runs", "2", "--budget", budget, "--results", _results, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--budget a query count of at least 1 or a comma list of them (got 2 and '{budget}')", run.Error);
    }

    [Fact]
    public void A_plugin_strategy_is_benchmarked_like_a_host_one_and_a_typo_gets_the_nearest_name()
    {
        var hello = Path.Combine(RepoPaths.Root, "examples", "hello.json");

        var typo = CliRunner.Run("bench", "strategies", hello, "--runs", "2", "--budget", "5", "--strategies", "hill-clmb", "--results", _results, "--plugins", RepoPaths.Plugins);
        var run = CliRunner.Run("bench", "strategies", hello, "--runs", "2", "--budget", "5", "--strategies", "hill-climb", "--json", "--results", _results, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("Unknown strategy 'hill-clmb'; did you mean 'hill-climb'?", typo.Error, StringComparison.Ordinal);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal("hill-climb", (string?)JObject.Parse(run.Out)["strategies"]![0]!["name"]);
    }
}
