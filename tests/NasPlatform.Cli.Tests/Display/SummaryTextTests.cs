using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Cli.Display;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Tests.Display;

/// <summary>The closing summary stays short: a wide Pareto front, a long candidate and a spec rebuilt from its store.</summary>
public sealed class SummaryTextTests
{
    private const string Document = """
        {
          "name": "front",
          "plugin": "tabular",
          "searchSpace": { "name": "nas-bench-201" },
          "evaluator": { "name": "lookup", "options": { "table": "t.csv" } },
          "objectives": [ { "metric": "accuracy", "direction": "maximize" }, { "metric": "params", "direction": "minimize" } ],
          "strategy": { "name": "nsga2" },
          "budget": { "trials": 50 },
          "store": "/data/runs/front.db",
          "seed": 1
        }
        """;

    [Fact]
    public void AWideFrontShowsItsFirstFiveAndWhereTheRestAre()
    {
        var spec = ExperimentFile.FromDocument(Document, "/data/runs", "test");
        var front = Enumerable.Range(0, 8).Select(i => Trial(i, new string('x', i == 0 ? 400 : 10), i)).ToList();
        using var output = new StringWriter();

        SummaryText.Write(output, Summary(front), spec, headline: "accuracy");

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(5, lines.Count(l => l.StartsWith("best: trial ", StringComparison.Ordinal)));
        // A spec rebuilt from its store is named by the store and the experiment's name.
        var target = $"{spec.StorePath} --experiment front";
        Assert.Contains($"... and 3 more trials on the Pareto front: `nas status {target}` lists them all", lines);
        Assert.Contains(lines, l => l.StartsWith($"  nas report {target} ", StringComparison.Ordinal));
        // The long candidate is cut, and says where the whole of it is.
        var candidate = lines.First(l => l.StartsWith("  candidate: ", StringComparison.Ordinal));
        Assert.Contains($"({Trial(0, new string('x', 400), 0).Candidate.Json.Length} characters; all of it in `nas status {target} --json`)", candidate, StringComparison.Ordinal);
        Assert.True(candidate.Length < 360, candidate);
        // The headline is an objective here, so the best line does not repeat it.
        Assert.Equal("best: trial 0 accuracy=90 params=1000", lines.First(l => l.StartsWith("best: ", StringComparison.Ordinal)));
    }

    private static TrialRecord Trial(int number, string name, double offset) => new(
        1, number, Candidate.FromObject(new { name }), "h" + number, "full", TrialState.Completed,
        new Dictionary<string, double>(), new Dictionary<string, double> { ["accuracy"] = 90 - offset, ["params"] = 1000 - (100 * offset) },
        true, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, number, Array.Empty<Artifact>());

    private static RunSummary Summary(IReadOnlyList<TrialRecord> best) =>
        new(1, "front", ExperimentStatus.Completed, 50, 50, 0, 0, 0, 0, 0, 50, null, 12, best, 0);
}
