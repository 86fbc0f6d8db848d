using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine;

namespace NasPlatform.Dashboard.Tests;

/// <summary>The JSON API and the pages over a running experiment's store, without a browser.</summary>
public sealed class DashboardApiTests
{
    [Fact]
    public async Task ApiListsTheRunningExperimentItsTrialsChartsAndOneTrialsDetail()
    {
        await using var run = new PacedRun(trials: 20, pauseAfter: 3);
        await run.WaitForFinishedAsync(3, TimeSpan.FromSeconds(30));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0 });
        using var http = new HttpClient { BaseAddress = server.Address };

        var experiments = JArray.Parse(await http.GetStringAsync("api/experiments"));
        var experiment = (JObject)Assert.Single(experiments);
        Assert.Equal("paced", (string?)experiment["name"]);
        Assert.Equal("running", (string?)experiment["status"]);
        var key = (string)experiment["key"]!;

        var trials = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/trials"));
        var completed = ((JArray)trials["trials"]!).Where(t => (string?)t["state"] == "completed").ToList();
        Assert.Equal(3, completed.Count);
        Assert.All(completed, t => Assert.NotNull((double?)t["metrics"]!["score"]));

        var detail = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/trials/0"));
        Assert.Equal(0, (int)detail["number"]!);
        Assert.Equal(JTokenType.Object, detail["candidate"]!.Type);
        Assert.Contains("score", ((JObject)detail["metrics"]!).Properties().Select(p => p.Name));

        var charts = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/charts"));
        var ids = ((JArray)charts["charts"]!).Select(c => (string)c["id"]!).ToList();
        Assert.Contains("best-vs-trials", ids);
        var png = await http.GetByteArrayAsync($"api/experiments/{key}/charts/best-vs-trials.png");
        Assert.Equal(0x89, png[0]);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(png, 1, 3));

        var page = await http.GetStringAsync("/");
        Assert.Contains("<table id=\"trials\">", page);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
        Assert.Contains("EventSource", await http.GetStringAsync("app.js"));

        // The interactive charts: the embedded library, its licence, the chart code and the analysis JSON.
        Assert.Contains("echarts", await http.GetStringAsync("vendor/echarts.min.js"), StringComparison.Ordinal);
        Assert.Contains("Apache License", await http.GetStringAsync("vendor/echarts-LICENSE.txt"), StringComparison.Ordinal);
        Assert.Contains("window.NasCharts", await http.GetStringAsync("nas-charts.js"), StringComparison.Ordinal);
        var analysis = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/analysis"));
        Assert.Equal(trials["trials"]!.Count(), analysis["trials"]!.Count());
        Assert.Equal(trials["choiceNames"]!.Values<string>(), analysis["choiceNames"]!.Values<string>());
    }

    [Fact]
    public async Task APredictorGuidedRunsAnalysisHasItsReplayedRefitsWithTheMeasuredValueOfEachHeldOutTrial()
    {
        await using var run = new PacedRun(trials: 14, pauseAfter: int.MaxValue, strategy: """
            { "name": "predictor-guided", "options": { "initialSamples": 6, "batchSize": 4, "predictor": "gp", "searchSamples": 60, "searchGenerations": 2 } }
            """);
        await run.WaitForFinishedAsync(14, TimeSpan.FromSeconds(120));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0, PluginDirectories = [RepoPaths.Plugins] });
        using var http = new HttpClient { BaseAddress = server.Address };
        var key = (string)JArray.Parse(await http.GetStringAsync("api/experiments"))[0]["key"]!;

        var analysis = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/analysis"));

        var points = ((JArray)analysis["predictor"]!).SelectMany(r => r["points"]!).ToList();
        Assert.True(points.Count >= 4, $"{points.Count} predicted points");
        var score = ((JArray)analysis["trials"]!).ToDictionary(t => (int)t["n"]!, t => (double?)t["m"]![0]);
        Assert.All(points, p => Assert.Equal(score[(int)p[2]!], (double)p[1]!));
        Assert.Equal(points.Count, points.Select(p => (int)p[2]!).Distinct().Count());
    }

    [Fact]
    public async Task TheTrialsTableHasAColumnPerChoiceNamedByTheSpaceOrTheCandidatesJsonWithoutItsPlugin()
    {
        await using var run = new PacedRun(trials: 8, pauseAfter: 3);
        await run.WaitForFinishedAsync(3, TimeSpan.FromSeconds(30));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0, PluginDirectories = [RepoPaths.Plugins] });
        using var http = new HttpClient { BaseAddress = server.Address };
        var key = (string)JArray.Parse(await http.GetStringAsync("api/experiments"))[0]!["key"]!;

        var trials = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/trials"));

        Assert.Equal(["digit0", "digit1", "digit2", "digit3", "digit4", "digit5"], trials["choiceNames"]!.Select(n => (string)n!));
        Assert.Equal(JTokenType.Null, trials["choicesNote"]!.Type);
        foreach (var t in (JArray)trials["trials"]!)
        {
            var detail = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/trials/{(int)t["number"]!}"));
            Assert.Equal(detail["candidate"]!["digits"]!.Select(d => d.ToString()), Enumerable.Range(0, 6).Select(i => (string)t["choices"]![$"digit{i}"]!));
        }
    }

    [Fact]
    public async Task UnknownExperimentsAndTrialsAreNotFound()
    {
        await using var run = new PacedRun(trials: 5, pauseAfter: 1);
        await run.WaitForFinishedAsync(1, TimeSpan.FromSeconds(30));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0 });
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("api/experiments/9-9/trials")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("api/experiments/0-1/trials/999")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("api/experiments/0-1/charts/nothing.png")).StatusCode);
    }

    [Fact]
    public async Task ANonLoopbackHostIsRefusedBeforeAnythingListens()
    {
        await using var run = new PacedRun(trials: 2, pauseAfter: 1);
        await run.WaitForFinishedAsync(1, TimeSpan.FromSeconds(30));

        var refused = await Assert.ThrowsAsync<NasConfigurationException>(() =>
            DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Host = "0.0.0.0", Port = 0 }));

        Assert.Contains("--allow-remote", refused.Message);
    }

    [Fact]
    public async Task AMissingStoreIsBadInputNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"nas-missing-{Guid.NewGuid():N}.db");

        var refused = await Assert.ThrowsAsync<NasConfigurationException>(() =>
            DashboardServer.StartAsync(new DashboardOptions { Sources = [missing], Port = 0 }));

        Assert.Contains(missing, refused.Message);
        Assert.False(File.Exists(missing));
    }
}
