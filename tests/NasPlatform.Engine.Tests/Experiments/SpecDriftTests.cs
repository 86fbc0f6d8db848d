using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Tests.Experiments;

public sealed class SpecDriftTests
{
    private static JObject Stored() => JObject.Parse("""
        {
          "$schema": "../schemas/experiment.schema.json",
          "name": "e", "plugin": "tabular",
          "searchSpace": { "name": "nas-bench-201" },
          "evaluator": { "name": "lookup", "options": { "table": "t.csv" } },
          "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
          "strategy": { "name": "regularized-evolution", "options": { "populationSize": 20 } },
          "budget": { "trials": 100 },
          "seed": 0
        }
        """);

    [Fact]
    public void The_same_file_with_defaults_spelled_out_and_numbers_written_otherwise_is_no_change()
    {
        var given = Stored();
        given["workers"] = 1;
        given["constraints"] = new JArray();
        given["searchSpace"]!["options"] = new JObject();
        given["budget"]!["trials"] = 100.0;
        given.Remove("$schema");
        given["store"] = "elsewhere/e.db";

        Assert.True(SpecDrift.Between(Stored(), given).IsEmpty);
    }

    [Fact]
    public void Seed_strategy_and_evaluator_changes_cannot_apply_and_each_is_listed_with_both_values()
    {
        var given = Stored();
        given["seed"] = 5;
        given["strategy"] = new JObject { ["name"] = "random" };
        given["evaluator"]!["options"]!["table"] = "other.csv";
        given["budget"]!["trials"] = 40;

        var drift = SpecDrift.Between(Stored(), given);

        Assert.Equal(["$.evaluator.options.table", "$.seed", "$.strategy.name", "$.strategy.options.populationSize"], drift.FixedChanges.Select(c => c.Path));
        Assert.Equal("$.seed: 0 (stored) -> 5 (file)", drift.FixedChanges[1].ToString());
        Assert.Equal("$.strategy.options.populationSize: 20 (stored) -> (not set) (file)", drift.FixedChanges[3].ToString());
        Assert.Equal("$.budget.trials: 100 (stored) -> 40 (file)", Assert.Single(drift.Amendments).ToString());
    }

    [Fact]
    public void Budget_workers_timeout_and_description_are_amendments_and_amending_touches_nothing_else()
    {
        var given = Stored();
        given["budget"] = new JObject { ["trials"] = 300, ["seconds"] = 60 };
        given["workers"] = 2;
        given["trialTimeoutSeconds"] = 30;
        given["description"] = "longer";
        given["seed"] = 9;

        var drift = SpecDrift.Between(Stored(), given);
        var amended = SpecDrift.Amend(Stored(), given);

        Assert.Equal(["$.budget.seconds", "$.budget.trials", "$.description", "$.trialTimeoutSeconds", "$.workers"], drift.Amendments.Select(c => c.Path));
        Assert.Equal(300, (int)amended["budget"]!["trials"]!);
        Assert.Equal(2, (int)amended["workers"]!);
        Assert.Equal(0, (int)amended["seed"]!);
        Assert.True(SpecDrift.Between(amended, given).Amendments.Count == 0);
    }

    [Fact]
    public void Objectives_and_constraints_may_change_only_while_no_trial_has_finished()
    {
        var given = Stored();
        given["objectives"]![0]!["metric"] = "acuracy_fixed";
        given["constraints"] = new JArray("params <= 1");
        given["seed"] = 9;

        var judged = SpecDrift.Between(Stored(), given);
        var unjudged = SpecDrift.Between(Stored(), given, anyTrialFinished: false);
        var amended = SpecDrift.Amend(Stored(), given, anyTrialFinished: false);

        Assert.Equal(["$.constraints", "$.objectives[0].metric", "$.seed"], judged.FixedChanges.Select(c => c.Path));
        Assert.Equal(["$.seed"], unjudged.FixedChanges.Select(c => c.Path));
        Assert.Equal(["$.constraints", "$.objectives[0].metric"], unjudged.Amendments.Select(c => c.Path));
        Assert.Equal("acuracy_fixed", (string?)amended["objectives"]![0]!["metric"]);
        Assert.Equal("params <= 1", (string?)amended["constraints"]![0]);
        Assert.Equal(0, (int)amended["seed"]!);
        // Once a trial is judged the old rule holds: amending leaves the objectives as stored.
        Assert.Equal("accuracy", (string?)SpecDrift.Amend(Stored(), given)["objectives"]![0]!["metric"]);
    }
}
