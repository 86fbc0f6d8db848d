using Microsoft.Playwright;
using NasPlatform.Engine.Plugins;
using NasPlatform.Reporting;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Tests;

/// <summary>
/// Headless Chromium on a report.html opened from file://: hovering a point (moved to the pixel ECharts computes for
/// it; a tooltip needs a real mouse move there) names the trial and its metrics, the wheel zooms, a click shows the
/// trial's card, and the page asks for nothing but its own file.
/// </summary>
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    // The scatter point farthest from every other one, as [x, y, trial] in pixels of the chart element: a tooltip needs
    // the mouse on the point, and a point under another shows the other trial.
    private const string LonePoint = """
        (id) => { const c = NasCharts.instances[id], points = [];
                  c.getOption().series.forEach((s, i) => { if (s.type === "scatter") s.data.forEach((p) => points.push([...c.convertToPixel({ seriesIndex: i }, [p[0], p[1]]), p[p.length - 1]])); });
                  let lone = null, far = -1;
                  for (const a of points) { const d = Math.min(...points.filter((b) => b !== a).map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))); if (d > far) { far = d; lone = a; } }
                  return lone; }
        """;

    [Fact]
    public async Task ReportHtmlFromFileHoversZoomsOpensATrialAndFetchesNothing()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (scripts/system-packages.sh does).");
        await using var run = new PacedRun(trials: 16, pauseAfter: int.MaxValue);
        await run.WaitForFinishedAsync(16, TimeSpan.FromSeconds(60));
        using var source = ExperimentSource.Open(run.StorePath);
        var report = Report.Build(source.Snapshots(), PluginCatalog.Load([RepoPaths.Plugins]));
        await RunInBrowserAsync(report.WriteTo(Path.Combine(run.Folder, "report")));
    }

    [Fact]
    public async Task ThePredictorViewHoversAndOpensHeldOutTrialsWithItsLegendBesideThePoints()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (scripts/system-packages.sh does).");
        await using var run = new PacedRun(trials: 18, pauseAfter: int.MaxValue, strategy: """
            { "name": "predictor-guided", "options": { "initialSamples": 6, "batchSize": 4, "predictor": "gp", "searchSamples": 60, "searchGenerations": 2 } }
            """);
        await run.WaitForFinishedAsync(18, TimeSpan.FromSeconds(120));
        using var source = ExperimentSource.Open(run.StorePath);
        var report = Report.Build(source.Snapshots(), PluginCatalog.Load([RepoPaths.Plugins]));
        var url = new Uri(report.WriteTo(Path.Combine(run.Folder, "report"))).AbsoluteUri;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(url);
        var chart = page.Locator("#chart-1-predictor");
        await Assertions.Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every((i) => i.complete)");
        await chart.ScrollIntoViewIfNeededAsync();

        // Every point's pixel lies left of the legend's box: the legend is beside the plot, not over it.
        var geometry = await page.EvaluateAsync<double[]>("""
            () => { const c = NasCharts.instances["chart-1-predictor"], points = [];
                    c.getOption().series.forEach((s, i) => { if (s.type === "scatter") s.data.forEach((p) => points.push(c.convertToPixel({ seriesIndex: i }, [p[0], p[1]])[0])); });
                    const view = c.getViewOfComponentModel(c.getModel().getComponent("legend")).group;
                    return [Math.max(...points), view.x + view.getBoundingRect().x, points.length]; }
            """);
        Assert.True(geometry[2] >= 4, $"{geometry[2]} predicted points");
        Assert.True(geometry[0] < geometry[1], $"a point at x {geometry[0]} lies under the legend (from x {geometry[1]})");

        var point = await page.EvaluateAsync<double[]>(LonePoint, "chart-1-predictor");
        var box = (await chart.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        await Assertions.Expect(chart.Locator(".nas-tooltip")).ToContainTextAsync($"trial {(int)point[2]}");
        await page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        await Assertions.Expect(page.Locator("#card-1")).ToContainTextAsync($"Trial {(int)point[2]} (completed)");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });

    private static async Task RunInBrowserAsync(string html)
    {
        var url = new Uri(html).AbsoluteUri;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requested = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == url)
            {
                await route.ContinueAsync();
                return;
            }

            requested.Add(route.Request.Url);
            await route.AbortAsync();
        });
        page.Request += (_, request) =>
        {
            if (request.Url != url && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (requested)
                {
                    requested.Add(request.Url);
                }
            }
        };

        await page.GotoAsync(url);
        var chart = page.Locator("#chart-1-history");
        await Assertions.Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        // The PNG figures above decode after load; the chart must not move between measuring a point and hovering it.
        await page.WaitForFunctionAsync("() => [...document.images].every((i) => i.complete)");
        await chart.ScrollIntoViewIfNeededAsync();

        // Hover the best trial's point, at the pixel ECharts places it (relative to the chart element). It lies on the
        // best-so-far line, which must not take its hover.
        var point = await page.EvaluateAsync<double[]>("""
            () => { const c = NasCharts.instances["chart-1-history"], s = c.getOption().series[0].data;
                    const p = s.reduce((a, b) => b[1] > a[1] ? b : a); return [...c.convertToPixel({ seriesIndex: 0 }, [p[0], p[1]]), p[2]]; }
            """);
        var box = (await chart.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        // Each chart of the report has its own tooltip element: the history chart's is the one to see.
        var tip = chart.Locator(".nas-tooltip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync($"trial {(int)point[2]}");
        await Assertions.Expect(tip).ToContainTextAsync("score =");

        // Wheel over the plot zooms in: the visible x range shrinks.
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.WheelAsync(0, -600);
        await page.WaitForFunctionAsync("""() => { const z = NasCharts.instances["chart-1-history"].getOption().dataZoom[0]; return z.end - z.start < 100; }""");

        // Click a point: the trial's card opens with its number and metrics.
        await page.EvaluateAsync("() => NasCharts.instances[\"chart-1-history\"].dispatchAction({ type: 'dataZoom', start: 0, end: 100 })");
        await chart.ScrollIntoViewIfNeededAsync();
        box = (await chart.BoundingBoxAsync())!;
        point = await page.EvaluateAsync<double[]>(LonePoint, "chart-1-history");
        await page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        var card = page.Locator("#card-1");
        await Assertions.Expect(card).ToContainTextAsync($"Trial {(int)point[2]} (completed)");
        await Assertions.Expect(card).ToContainTextAsync("score");

        Assert.Empty(requested);
    }
}
