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
        foreach (var section in new[] { "summary", "progress", "not-shown", "pareto-1", "failures-1", "predictor-2", "proxy-3" }.Concat(Enumerable.Range(1, 3).SelectMany(k =>
                     new[] { "trials", "best" }.Select(p => $"{p}-{k}"))))
        {
            Assert.Contains($"<section id=\"{section}\">", text);
        }

        // A part an experiment cannot show is left out of it and said once, for every experiment it concerns.
        foreach (var section in new[] { "pareto-2", "pareto-3", "predictor-1", "predictor-3", "proxy-1", "proxy-2", "failures-2", "failures-3" })
        {
            Assert.DoesNotContain($"<section id=\"{section}\">", text);
        }

        var notShown = Regex.Match(text, "<section id=\"not-shown\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(1, Regex.Count(text, "One objective: no Pareto front"));
        Assert.Matches("<td>Pareto front</td><td>One objective[^<]*</td><td>predictor, proxy</td>", notShown);
        Assert.Matches("<td>Proxy fidelities</td><td>No proxy check[^<]*</td><td>nsga2, predictor</td>", notShown);
        Assert.Matches("<td>Failures</td><td>No trial failed.</td><td>predictor, proxy</td>", notShown);

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
        Assert.DoesNotContain("<section id=\"pareto-1\">", text);
    }

    [Fact]
    public void TheInteractivePredictorViewGetsEveryReplayedRefitsPointsWithTheirTrials()
    {
        var snapshot = OpenAll(stores.Predictor).Single();
        var report = Report.Build([snapshot], stores.Plugins);
        var refits = PredictorReplay.Run(snapshot, stores.Plugins, CancellationToken.None);

        var predictor = (Newtonsoft.Json.Linq.JArray)report.Experiments[0].Analysis["predictor"]!;
        Assert.Equal(refits.Count, predictor.Count);
        Assert.True(refits.Count >= 2, $"{refits.Count} refits replayed");
        var accuracy = snapshot.Trials.ToDictionary(t => t.Number, t => t.Metrics.GetValueOrDefault("accuracy", double.NaN));
        for (var i = 0; i < refits.Count; i++)
        {
            var points = predictor[i]["points"]!.Select(p => (Predicted: (double)p[0]!, Measured: (double)p[1]!, Trial: (int)p[2]!)).ToList();
            Assert.Equal(refits[i].Trials, points.Select(p => p.Trial));
            Assert.All(points, p => Assert.Equal(accuracy[p.Trial], p.Measured));
            Assert.Equal(refits[i].Predicted.Select(v => Math.Round(v, 6)), points.Select(p => p.Predicted));
        }

        Assert.Contains("id=\"chart-1-predictor\"", Html.HtmlReport.Render(report));
        Assert.Empty((Newtonsoft.Json.Linq.JArray)Report.Build([OpenAll(stores.Nsga2).Single()], stores.Plugins).Experiments[0].Analysis["predictor"]!);
    }

    [Fact]
    public void BestTrialsListsTheTopTenBestFirstWithOneObjectiveAndTheFrontWithSeveral()
    {
        var snapshot = OpenAll(stores.Predictor).Single();
        var text = Html.HtmlReport.Render(Report.Build([snapshot], plugins: null));

        var section = Regex.Match(text, "<section id=\"best-1\">.*?</section>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(section, "<tr><td class=\"n\">(\\d+)</td><td class=\"n\">(\\d+)</td>").Select(m => (Rank: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Trial: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r.Rank));
        var accuracy = snapshot.Trials.ToDictionary(t => t.Number, t => t.Metrics.GetValueOrDefault("accuracy", double.NaN));
        Assert.Equal(snapshot.Standing.Best[0].Number, rows[0].Trial);
        var shown = rows.Select(r => accuracy[r.Trial]).ToList();
        Assert.Equal(shown.OrderDescending(), shown);
        // Nothing left out ranks above the tenth.
        Assert.All(snapshot.Trials.Where(t => t.IsUsable && rows.All(r => r.Trial != t.Number)), t => Assert.True(t.Metrics["accuracy"] <= shown[^1]));

        var nsga2 = OpenAll(stores.Nsga2).Single();
        var front = Regex.Match(Html.HtmlReport.Render(Report.Build([nsga2], plugins: null)), "<section id=\"best-1\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(Math.Min(20, nsga2.Standing.Best.Count), Regex.Count(front, "<tr><td class=\"n\">"));
        Assert.Contains($"the Pareto front: {nsga2.Standing.Best.Count} trials", front);
    }

    [Fact]
    public void WallTimeStartsAtZeroAndTurnsLogarithmicWhenRunsSpanADecade()
    {
        var linear = Charts.ProgressCharts.TimeLine([ProgressSeries.Of(OpenAll(stores.Predictor).Single())], "accuracy", log: false);
        linear.GetImageBytes(800, 450, ScottPlot.ImageFormat.Png);
        Assert.Equal(0, linear.Axes.GetLimits().Left);

        var shortRun = new ProgressSeries("short", "accuracy", [1, 2, 3], [0.2, 0.9, 1.7], [0.5, 0.6, 0.7]);
        var longRun = new ProgressSeries("long", "accuracy", [1, 2, 3], [3, 12, 28], [0.4, 0.6, 0.8]);
        var similar = new ProgressSeries("similar", "accuracy", [1, 2], [5, 20], [0.4, 0.6]);
        Assert.True(Charts.ProgressCharts.LogTimeAxis([shortRun, longRun]));
        Assert.False(Charts.ProgressCharts.LogTimeAxis([longRun, similar]));
        Assert.False(Charts.ProgressCharts.LogTimeAxis([shortRun]));

        var log = Charts.ProgressCharts.TimeLine([shortRun, longRun], "accuracy", log: true);
        log.GetImageBytes(800, 450, ScottPlot.ImageFormat.Png);
        var labels = log.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Contains("1", labels);
        Assert.Contains("10", labels);
        Assert.True(log.Axes.GetLimits().Left < Math.Log10(0.2), "the shortest time (0.2 s) is off the log axis");
    }

    [Fact]
    public void ChartsUseASansSerifFaceAndThePredictorLegendSitsBesideThePoints()
    {
        var sans = Charts.ChartCanvas.SansFont;
        var face = ScottPlot.Fonts.GetTypeface(sans, bold: false, italic: false).FamilyName;
        Assert.Equal(sans, face);
        Assert.DoesNotContain("Serif", face, StringComparison.OrdinalIgnoreCase);
        var plot = Charts.ChartCanvas.Create("title", "x", "y");
        Assert.Equal(sans, plot.Axes.Title.Label.FontName);
        Assert.Equal(sans, plot.Axes.Bottom.Label.FontName);
        Assert.Equal(sans, plot.Axes.Left.TickLabelStyle.FontName);

        var snapshot = OpenAll(stores.Predictor).Single();
        var scatter = Charts.PredictorScatterChart.Build(snapshot, PredictorReplay.Run(snapshot, stores.Plugins, CancellationToken.None));
        Assert.False(scatter.Legend.IsVisible, "the legend is drawn over the data area");
        var panel = Assert.Single(scatter.Axes.GetPanels(), p => p.GetType().Name == "LegendPanel");
        Assert.Equal(ScottPlot.Edge.Right, panel.Edge);
    }

    private static IReadOnlyList<ExperimentSnapshot> OpenAll(string store)
    {
        using var source = ExperimentSource.Open(store);
        return source.Snapshots();
    }
}
