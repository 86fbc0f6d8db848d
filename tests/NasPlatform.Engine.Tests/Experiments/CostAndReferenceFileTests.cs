using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Tests.Experiments;

public sealed class CostAndReferenceFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_cost_budget_and_objective_references_are_read()
    {
        var path = _dir.Write("mo.json", """
            {
              "name": "mo",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup" },
              "objectives": [
                { "metric": "accuracy", "direction": "maximize", "reference": 10 },
                { "metric": "params", "direction": "minimize" }
              ],
              "budget": { "cost": 12.5 },
              "seed": 1
            }
            """);

        var spec = ExperimentFile.Load(path);

        Assert.Equal(12.5, spec.Budget.Cost);
        Assert.Null(spec.Budget.Trials);
        Assert.Equal(10, spec.ObjectiveReferences["accuracy"]);
        Assert.False(spec.ObjectiveReferences.ContainsKey("params"));
    }

    [Theory]
    [InlineData("\"budget\": { \"cost\": 0 }", "$.budget.cost")]
    [InlineData("\"budget\": { \"cost\": \"lots\" }", "$.budget.cost")]
    [InlineData("\"budget\": { \"trials\": 5 }, \"objectives\": [ { \"metric\": \"a\", \"direction\": \"maximize\", \"reference\": \"low\" } ]", "$.objectives[0].reference")]
    public void Bad_costs_and_references_are_reported_at_their_path(string part, string jsonPath)
    {
        var objectives = part.Contains("objectives") ? string.Empty : "\"objectives\": [ { \"metric\": \"a\", \"direction\": \"maximize\" } ],";
        var path = _dir.Write("bad.json", $$"""
            { "name": "bad", "plugin": "p", "searchSpace": { "name": "s" }, "evaluator": { "name": "e" }, {{objectives}} {{part}}, "seed": 1 }
            """);

        var check = ExperimentFile.Check(path);

        Assert.Contains(check.Problems, p => p.JsonPath == jsonPath);
    }
}
