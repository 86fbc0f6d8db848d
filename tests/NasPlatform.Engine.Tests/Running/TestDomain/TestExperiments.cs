using NasPlatform.Search.Constraints;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Experiments;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running.TestDomain;

/// <summary>Specs for experiments on <see cref="BitStringSpace"/>.</summary>
public static class TestExperiments
{
    public static ExperimentSpec Spec(
        string storePath,
        int? trials = 20,
        double? seconds = null,
        int workers = 1,
        int seed = 7,
        string strategy = "test-random",
        IReadOnlyList<string>? constraints = null,
        IReadOnlyList<Objective>? objectives = null,
        string? fidelity = null,
        double? trialTimeoutSeconds = null,
        JObject? strategyOptions = null,
        string name = "bits")
    {
        var document = new JObject
        {
            ["name"] = name,
            ["plugin"] = "test",
            ["seed"] = seed,
            ["budget"] = new JObject { ["trials"] = trials, ["seconds"] = seconds },
        };
        return new ExperimentSpec
        {
            Name = name,
            Plugin = "test",
            SearchSpace = new ComponentSpec("bits", new JObject()),
            Evaluator = new ComponentSpec("bit-score", new JObject()),
            Strategy = new ComponentSpec(strategy, strategyOptions ?? new JObject()),
            Objectives = objectives ?? [new Objective("score", Direction.Maximize)],
            Constraints = (constraints ?? []).Select(Parse).ToList(),
            Budget = new BudgetSpec(trials, seconds),
            Fidelity = fidelity,
            Workers = workers,
            Seed = seed,
            TrialTimeoutSeconds = trialTimeoutSeconds,
            StorePath = storePath,
            BaseDirectory = Path.GetDirectoryName(storePath)!,
            Document = document,
        };
    }

    private static Constraint Parse(string text) =>
        Constraint.TryParse(text, out var constraint) ? constraint! : throw new ArgumentException($"bad constraint '{text}'");
}
