using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Results;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Interactive;

namespace NasPlatform.Reporting.Tests;

/// <summary>The embedded chart library and the analysis JSON the interactive charts draw.</summary>
public sealed class InteractiveChartsTests(RunStores stores) : IClassFixture<RunStores>
{
    [Fact]
    public void TheEmbeddedEChartsIsThePinnedVersionWithItsLicence()
    {
        var pinned = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "NasPlatform.Reporting", "Web", "package.json")))["dependencies"]!["echarts"]!.ToString();
        var script = ChartLibrary.ECharts;
        Assert.True(script.Length > 500_000, $"echarts.min.js has {script.Length} characters: not the full build");
        Assert.Matches(new Regex($"version\\s*=\\s*\"{Regex.Escape(pinned)}\"|\"{Regex.Escape(pinned)}\""), script);
        Assert.Contains("Apache License", ChartLibrary.EChartsLicence);
        Assert.Contains("Apache ECharts", ChartLibrary.EChartsNotice);
        Assert.Contains("window.NasCharts", ChartLibrary.Charts);
    }

    [Fact]
    public void AnalysisDataHasEveryTrialWithItsChoicesTheFrontAndAnImportancePerObjective()
    {
        using var source = ExperimentSource.Open(stores.Nsga2);
        var experiment = source.Snapshots().Single();
        var choices = TrialChoices.Of(experiment.Spec, experiment.Trials.Select(t => t.Candidate), () => stores.Plugins);

        var data = AnalysisData.Of(experiment, choices);

        var names = data["choiceNames"]!.Values<string>().ToList();
        Assert.Equal(6, names.Count);
        Assert.All(names, n => Assert.StartsWith("edge_", n, StringComparison.Ordinal));
        var trials = (JArray)data["trials"]!;
        Assert.Equal(experiment.Trials.Select(t => t.Number), trials.Select(t => (int)t["n"]!));
        var metrics = data["metrics"]!.Values<string>().ToList();
        var accuracy = metrics.IndexOf("accuracy");
        foreach (var (record, json) in experiment.Trials.Zip(trials))
        {
            Assert.Equal(choices.ValuesOf(record.Candidate), json["c"]!.Values<string>());
            Assert.Equal(record.Metrics.TryGetValue("accuracy", out var a) ? a : (double?)null, (double?)json["m"]![accuracy]);
            Assert.Equal(experiment.Standing.Front.Any(f => f.Number == record.Number), (bool)json["front"]!);
        }

        foreach (var objective in new[] { "accuracy", "params" })
        {
            var importance = (JArray)data["importance"]![objective]!;
            Assert.Equal(names.Order(), importance.Select(i => (string)i["choice"]!).Order());
            Assert.Equal(1.0, importance.Sum(i => (double)i["importance"]!), 2);
        }
    }
}
