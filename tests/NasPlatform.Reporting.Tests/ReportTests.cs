using NasPlatform.Search.Results;
using System.Text.RegularExpressions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Results;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Reporting.Tests;

/// <summary>Every chart type and the HTML report, from stores made by real runs.</summary>
public sealed class ReportTests(RunStores stores) : IClassFixture<RunStores>
{
    [Fact]
    public void ReportOnThreeRunsWritesEveryChartTypeAsPngAndOneSelfContainedHtml()
    {
        var snapshots = new[] { stores.Nsga2, stores.Predictor, stores.Proxy }.SelectMany(OpenAll).ToList();
        Assert.Equal(["nsga2", "predictor", "proxy"], snapshots.Select(s => s.Name));
        var report = Report.Build(snapshots, stores.Plugins);
        var folder = Path.Combine(stores.Folder, "report-all");

        var html = report.WriteTo(folder);

        var expected = new[] { "best-vs-trials", "best-vs-time", "e1-trials", "e1-pareto-accuracy-params", "e2-trials", "e2-predictor", "e2-predictor-scatter", "e3-trials", "e3-proxy" };
        Assert.Equal(expected.Order(), report.Charts.Select(c => c.Id).Order());
        foreach (var id in expected)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, id + ".png"));
            Assert.Equal((800, 450), Png.Size(bytes));
            Assert.True(bytes.Length > 10_000, $"{id}.png has {bytes.Length} bytes: too few for a drawn chart");
        }

        var text = File.ReadAllText(html);
        foreach (var section in new[] { "summary", "progress" }.Concat(Enumerable.Range(1, 3).SelectMany(k =>
                     new[] { "trials", "pareto", "predictor", "proxy", "best", "failures", "views" }.Select(p => $"{p}-{k}"))))
        {
            Assert.Contains($"<section id=\"{section}\">", text);
        }

        // Self-contained: every chart inlined, nothing fetched from anywhere.
        Assert.Equal(expected.Length, Regex.Count(text, "src=\"data:image/png;base64,"));
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", text);
        // The interactive charts: the library and the platform's chart code inlined (no script has a src), a section per experiment.
        Assert.DoesNotMatch("<script[^>]*src=", text);
        Assert.Contains("Licensed to the Apache Software Foundation", text);
        Assert.Contains("window.NasCharts", text);
        foreach (var k in Enumerable.Range(1, 3))
        {
            Assert.Contains($"<section id=\"analysis-{k}\">", text);
            Assert.Contains($"id=\"chart-{k}-history\"", text);
        }
    }

    [Fact]
    public void FailedTrialsAreListedWithTheEvaluatorsError()
    {
        var snapshot = OpenAll(stores.Nsga2).Single();
        var failed = snapshot.Trials.Where(t => t.State == TrialState.Failed).ToList();
        Assert.NotEmpty(failed);

        var text = Html.HtmlReport.Render(Report.Build([snapshot], plugins: null));

        var section = Regex.Match(text, "<section id=\"failures-1\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains($"{failed.Count} failed trials", section);
        Assert.Contains("is not in the lookup table", section);
        Assert.All(failed, t => Assert.Contains($"<td class=\"n\">{t.Number}</td>", section));
    }

    [Fact]
    public void BestSoFarNeverGetsWorseAndEndsAtTheBestTrial()
    {
        var snapshot = OpenAll(stores.Predictor).Single();

        var series = ProgressSeries.Of(snapshot);

        var finished = snapshot.Trials.Count(t => t.IsFinished);
        Assert.Equal(finished, series.Values.Length);
        Assert.Equal(Enumerable.Range(1, finished).Select(i => (double)i), series.Trials);
        var values = series.Values.Where(double.IsFinite).ToList();
        Assert.True(values.Zip(values.Skip(1)).All(p => p.Second >= p.First), "best accuracy so far decreased");
        Assert.Equal(BestTrials.Of(snapshot.Trials, snapshot.Objectives).Single().Metrics["accuracy"], series.Values[^1]);
        Assert.True(series.Seconds.Zip(series.Seconds.Skip(1)).All(p => p.Second >= p.First), "trial end times go backwards");
    }

    [Fact]
    public void MultiObjectiveProgressIsTheRecordedHypervolumeAndTheParetoCaptionGivesTheFrontsValue()
    {
        var snapshot = OpenAll(stores.Nsga2).Single();

        var series = ProgressSeries.Of(snapshot);
        var chart = Charts.ParetoCharts.Render(snapshot, string.Empty).Single();

        Assert.Equal("hypervolume", series.Quantity);
        Assert.Equal(snapshot.FrontHistory[^1].Hypervolume, series.Values[^1]);
        var front = ParetoFront.Of(snapshot.Trials, snapshot.Objectives);
        var measure = FrontHypervolume.Measure(front, snapshot.Objectives, snapshot.Spec.ObjectiveReferences);
        Assert.True(measure.Value > 0);
        Assert.Contains($"Hypervolume {measure.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} ", chart.Caption);
    }

    [Fact]
    public void PredictorChartShowsEveryJournaledRefitWithAHeldOutTau()
    {
        var snapshot = OpenAll(stores.Predictor).Single();
        var withTau = snapshot.PredictorFits.Count(f => f.Values.ContainsKey("kendallTau"));
        Assert.True(withTau >= 2, $"the run journaled {withTau} refits with a held-out tau");

        var chart = Charts.PredictorChart.Render(snapshot, "p");

        Assert.NotNull(chart);
        Assert.StartsWith($"{withTau} refits.", chart.Caption);
    }

    [Fact]
    public void ReplayedRefitsPredictExactlyTheTrialsTheRunHeldOutAtItsNextRefit()
    {
        var snapshot = OpenAll(stores.Predictor).Single();

        var refits = PredictorReplay.Run(snapshot, stores.Plugins, CancellationToken.None);

        var fits = snapshot.PredictorFits;
        Assert.Equal(fits.Count, refits.Count);
        for (var i = 0; i + 1 < fits.Count; i++)
        {
            Assert.Equal(fits[i].TrialsTold, refits[i].TrialsTold);
            Assert.Equal(fits[i].Values["trainedOn"], refits[i].TrainedOn);
            Assert.Equal(fits[i + 1].Values["heldOut"], refits[i].Measured.Length);
            Assert.Equal(fits[i + 1].Values["kendallTau"], refits[i].JournaledTau);
        }

        var told = snapshot.Trials.Where(t => t.TellSequence is not null).ToDictionary(t => t.TellSequence!.Value);
        var first = refits[0];
        var expected = Enumerable.Range((int)first.TrialsTold, first.Measured.Length).Select(k => told[k].Metrics["accuracy"]);
        Assert.Equal(expected, first.Measured);
        Assert.All(refits, r => Assert.InRange(r.KendallTau, -1, 1));
    }

    [Fact]
    public void ProxyChartReadsTheStoredProxyCheckBesideTheExperiment()
    {
        var snapshot = OpenAll(stores.Proxy).Single();

        Assert.NotNull(snapshot.ProxyCheck);
        Assert.Equal("proxy-proxy-check", snapshot.ProxyCheck.ExperimentName);
        Assert.Equal(24, snapshot.ProxyCheck.Samples);
        Assert.Equal(["quick", "full"], snapshot.ProxyCheck.Fidelities.Select(f => f.Fidelity));
        Assert.Equal(1.0, snapshot.ProxyCheck.Fidelities[^1].KendallTau, 12);
        Assert.Contains("proxy check 'proxy-proxy-check' (24 sampled candidates)", Charts.ProxyChart.Render(snapshot, "x")!.Caption);
    }

    [Fact]
    public void ASingleObjectiveExperimentSaysWhyItHasNoParetoFront()
    {
        var snapshot = OpenAll(stores.Predictor).Single();

        var text = Html.HtmlReport.Render(Report.Build([snapshot], plugins: null));

        Assert.Empty(Charts.ParetoCharts.Render(snapshot, string.Empty));
        Assert.Contains("One objective: no Pareto front", text);
    }

    private static IReadOnlyList<ExperimentSnapshot> OpenAll(string store)
    {
        using var source = ExperimentSource.Open(store);
        return source.Snapshots();
    }
}
