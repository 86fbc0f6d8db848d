using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>nsga2 with the hypervolume in `nas status`, the hierarchical proxy with a cost budget, and `nas proxy-check`.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MultiFidelityCommandsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-mf-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void Nsga2_on_accuracy_and_params_shows_the_front_its_hypervolume_and_history()
    {
        var file = Write("mo.json", $$"""
            {
              "name": "mo",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [
                { "metric": "accuracy", "direction": "maximize", "reference": 0 },
                { "metric": "params", "direction": "minimize", "reference": 2e6 }
              ],
              "strategy": { "name": "nsga2", "options": { "populationSize": 10 } },
              "budget": { "trials": 40 },
              "seed": 5
            }
            """);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("Pareto front:", run.Out);

        var status = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        var best = (JArray)status["best"]!;
        Assert.True(best.Count >= 2);
        Assert.All(best, b => Assert.Equal((double)b["freeStatistics"]!["params"]!, (double)b["metrics"]!["params"]!));
        var hypervolume = (JObject)status["hypervolume"]!;
        Assert.True((double)hypervolume["value"]! > 0);
        Assert.Equal(best.Count, (int)hypervolume["frontSize"]!);
        Assert.Equal(2e6, (double)hypervolume["reference"]!["params"]!);
        Assert.False((bool)hypervolume["referenceDerived"]!);
        var history = (JArray)status["frontHistory"]!;
        Assert.Equal(40, history.Count);
        Assert.Equal((double)hypervolume["value"]!, (double)history[^1]!["hypervolume"]!, 9);
        var values = history.Select(h => (double)h["hypervolume"]!).ToList();
        Assert.Equal(values.Order(), values);
    }

    [Fact]
    public void The_hierarchical_proxy_on_the_hello_plugin_spends_its_cost_budget_exactly_and_reports_full_fidelity_results()
    {
        var file = Write("proxy.json", """
            {
              "name": "proxy",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 6 } },
              "evaluator": { "name": "target", "options": { "target": "314159" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "hierarchical-proxy", "options": { "eta": 4 } },
              "budget": { "cost": 12 },
              "seed": 2
            }
            """);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("cost spent: 12 / 12", run.Out);

        var status = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        Assert.Equal(12, (double)status["costSpent"]!, 9);
        Assert.Equal(12, (double)status["costBudget"]!);
        Assert.Equal("full", (string?)status["bestFidelity"]);
        var trials = (JArray)status["trials"]!;
        // Brackets of 4 at "quick" (0.5 each), the best one at "full" (1): cost 3 per bracket.
        Assert.Equal(20, trials.Count);
        Assert.Equal(4, trials.Count(t => (string?)t["fidelity"] == "full"));

        // Run again, the finished experiment shows its summary from the store: the same cost line as the run's.
        var again = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.Contains("already ran to its budget", again.Out);
        Assert.Contains("cost spent: 12 / 12", again.Out);
    }

    [Fact]
    public void Before_any_trial_finished_neither_the_run_nor_status_shows_a_hypervolume()
    {
        // A wall-clock budget spent before the first trial starts: the experiment ends with no trial.
        var file = Write("none.json", """
            {
              "name": "none",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 6 } },
              "evaluator": { "name": "target", "options": { "target": "314159" } },
              "objectives": [ { "metric": "score", "direction": "maximize" }, { "metric": "sum", "direction": "minimize" } ],
              "strategy": { "name": "nsga2", "options": { "populationSize": 8 } },
              "budget": { "seconds": 0.000001 },
              "seed": 1
            }
            """);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.DoesNotContain("Pareto front:", run.Out);

        var status = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        Assert.Empty((JArray)status["trials"]!);
        Assert.Equal(JTokenType.Null, status["hypervolume"]!.Type);
    }

    [Fact]
    public void Proxy_check_ranks_the_cheap_fidelity_against_the_full_one_and_keeps_its_trials()
    {
        var file = Write("hello.json", """
            {
              "name": "hello",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 6 } },
              "evaluator": { "name": "target", "options": { "target": "314159" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "budget": { "trials": 10 },
              "seed": 4
            }
            """);

        var check = CliRunner.Run("proxy-check", file, "--samples", "30", "--json", "--plugins", RepoPaths.Plugins);

        Assert.True(check.ExitCode == ExitCodes.Success, check.Error);
        var report = JObject.Parse(check.Out);
        Assert.Equal("hello-proxy-check", (string?)report["experiment"]);
        Assert.Equal(30, (int)report["samples"]!);
        Assert.Equal("full", (string?)report["reference"]);
        var rows = (JArray)report["fidelities"]!;
        Assert.Equal(["quick", "full"], rows.Select(r => (string?)r["fidelity"]));
        Assert.Equal(1, (double)rows[1]["kendallTau"]!, 9);
        Assert.InRange((double)rows[0]["kendallTau"]!, 0.2, 0.99);
        Assert.Equal(0.5, (double)rows[0]["cost"]!);

        var status = JObject.Parse(CliRunner.Run("status", Path.Combine(_work, "hello.db"), "--experiment", "hello-proxy-check", "--json").Out);
        Assert.Equal(60, ((JArray)status["trials"]!).Count);
    }

    [Fact]
    public void Proxy_check_of_an_evaluator_with_one_fidelity_is_bad_input()
    {
        var file = Write("nb.json", $$"""
            {
              "name": "nb",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "budget": { "trials": 10 },
              "seed": 4
            }
            """);

        var check = CliRunner.Run("proxy-check", file, "--samples", "10", "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, check.ExitCode);
        Assert.Contains("no cheaper proxy", check.Error);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }
}
