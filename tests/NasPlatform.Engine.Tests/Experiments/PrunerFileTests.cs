using NasPlatform.Abstractions;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Tests.Experiments;

public sealed class PrunerFileTests : IDisposable
{
    // Line numbers matter: "pruner" is on line 9.
    private const string Text = """
        {
          "name": "demo",
          "plugin": "tabular",
          "searchSpace": { "name": "nb201" },
          "evaluator": { "name": "lookup" },
          "objectives": [ { "metric": "accuracy", "direction": "maximize" }, { "metric": "params", "direction": "minimize" } ],
          "budget": { "trials": 100 },
          "seed": 7,
          "pruner": { "name": "median", "startupTrials": 3, "warmupSteps": 2, "interval": 2 }
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_median_pruner_watches_the_first_objective_unless_told_otherwise()
    {
        var spec = ExperimentFile.Load(_dir.Write("x.json", Text));

        Assert.Equal(new PrunerSpec("median", "accuracy", 3, 2, 2), spec.Pruner);
    }

    [Fact]
    public void Defaults_are_optunas_and_none_means_no_pruner()
    {
        var defaults = ExperimentFile.Load(_dir.Write("a.json", Text.Replace("\"startupTrials\": 3, \"warmupSteps\": 2, \"interval\": 2", "\"metric\": \"params\"")));
        var none = ExperimentFile.Load(_dir.Write("b.json", Text.Replace("\"median\"", "\"none\"")));

        Assert.Equal(new PrunerSpec("median", "params", 5, 0, 1), defaults.Pruner);
        Assert.Null(none.Pruner);
    }

    [Fact]
    public void A_misspelled_pruner_is_refused_at_its_line_with_the_nearest_name()
    {
        var path = _dir.Write("x.json", Text.Replace("\"median\"", "\"meidan\""));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);
        var thrown = Assert.Throws<NasConfigurationException>(() => ExperimentFile.Load(path));

        Assert.Equal("$.pruner.name", problem.JsonPath);
        Assert.Equal(9, problem.Line);
        Assert.Contains("unknown pruner 'meidan'; did you mean 'median'?", problem.Message);
        Assert.Contains("known pruners: median, none", problem.Message);
        Assert.Contains($"{path}:9:", thrown.Message);
    }

    [Fact]
    public void A_pruner_metric_that_is_no_objective_is_refused_with_the_nearest_objective()
    {
        var path = _dir.Write("x.json", Text.Replace("\"startupTrials\": 3", "\"metric\": \"acuracy\""));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.pruner.metric", problem.JsonPath);
        Assert.Contains("did you mean 'accuracy'?", problem.Message);
    }

    [Fact]
    public void Pruner_settings_out_of_range_are_schema_problems()
    {
        var path = _dir.Write("x.json", Text.Replace("\"interval\": 2", "\"interval\": 0"));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.pruner.interval", problem.JsonPath);
    }
}
