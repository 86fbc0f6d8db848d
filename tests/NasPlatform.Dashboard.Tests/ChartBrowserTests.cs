using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Dashboard.Tests;

/// <summary>
/// Headless Chromium on the interactive charts and the page's URL: a deep link opened cold, the back button, a
/// hover tooltip naming the trial and its choices, zoom, a click that opens the trial, and a layout where the trial
/// panel never lies over the table at 1280 and 1920 px. With NASPLATFORM_SCREENSHOTS=FOLDER it saves the main views
/// there as PNGs (the README's images in docs/images come from it).
/// </summary>
public sealed class ChartBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task DeepLinksBackButtonHoverZoomAndClickThroughWork()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (scripts/system-packages.sh does).");
        await using var run = new PacedRun(trials: 40, pauseAfter: int.MaxValue);
        await run.WaitForFinishedAsync(40, TimeSpan.FromSeconds(60));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0, PluginDirectories = [RepoPaths.Plugins], PollInterval = TimeSpan.FromMilliseconds(200) });
        using var http = new HttpClient { BaseAddress = server.Address };
        var key = (string)JArray.Parse(await http.GetStringAsync("api/experiments"))[0]["key"]!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        // A deep link opened cold: experiment, open trial, sort and chart all come from the URL.
        await page.GotoAsync($"{server.Address}#e={key}&t=5&sort=score:desc&chart=importance&cmp=3,7");
        // The first page load builds the space from the plugins and fits the importance forest: slow on a loaded machine.
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync("Trial 5 (completed", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#chart-tabs button[data-view=importance]")).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#trials th[data-column=score]")).ToHaveClassAsync("sorted-desc");
        await Assertions.Expect(page.Locator("#trials tr.open[data-number='5']")).ToHaveCountAsync(1);
        await Screenshot(page, "dashboard-importance.png");

        // The comparison the link named: trials 3 and 7 side by side, a choice's row highlighted exactly when they differ.
        var table = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/trials"));
        var choices = table["trials"]!.Where(t => (int)t["number"]! is 3 or 7).Select(t => (JObject)t["choices"]!).ToList();
        await Assertions.Expect(page.Locator("#compare-table thead th")).ToHaveCountAsync(3);
        var rows = await page.Locator("#compare-table tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.cells[0].textContent, String(r.classList.contains('differs'))])");
        foreach (var name in table["choiceNames"]!.Values<string>())
        {
            var differs = (string?)choices[0][name!] != (string?)choices[1][name!];
            Assert.Contains(rows, r => r[0] == name && r[1] == (differs ? "true" : "false"));
        }

        await page.Locator("#trials tbody tr[data-number='9']").ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Control] });
        await Assertions.Expect(page.Locator("#compare-table thead th")).ToHaveCountAsync(4);
        await Screenshot(page, "dashboard-compare.png");
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#compare-table thead th")).ToHaveCountAsync(3);
        await AssertNoOverlapAsync(page, 1280);
        await page.SetViewportSizeAsync(1920, 1000);
        await AssertNoOverlapAsync(page, 1920);

        // The back button: a chart tab and a trial are navigations; going back restores the previous view.
        await page.Locator("#chart-tabs button[data-view=history]").ClickAsync();
        Assert.Contains("chart=history", page.Url, StringComparison.Ordinal);
        await page.Locator("#trials tbody tr[data-number='7']").ClickAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync("Trial 7 (");
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync("Trial 5 (");
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#chart-tabs button[data-view=importance]")).ToHaveAttributeAsync("aria-selected", "true");
        await page.GoForwardAsync();
        await Assertions.Expect(page.Locator("#chart-tabs button[data-view=history]")).ToHaveAttributeAsync("aria-selected", "true");

        // Hover over a trial's point: the tooltip names the trial, its score and its choices. (The row clicks above scrolled the page.)
        await page.Locator("#chart").ScrollIntoViewIfNeededAsync();
        var point = await page.EvaluateAsync<double[]>("""
            () => { const c = NasCharts.instances.chart, s = c.getOption().series[0].data, p = s[s.length - 1];
                    const [x, y] = c.convertToPixel({ seriesIndex: 0 }, [p[0], p[1]]); return [x, y, p[2]]; }
            """);
        var box = (await page.Locator("#chart").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        var tip = page.Locator(".nas-tooltip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync($"trial {(int)point[2]}");
        await Assertions.Expect(tip).ToContainTextAsync("score =");
        await Assertions.Expect(tip).ToContainTextAsync("digit0=");
        await Screenshot(page, "dashboard-history-hover.png");

        // Click on the point opens that trial.
        await page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync($"Trial {(int)point[2]} (");
        Assert.Contains($"t={(int)point[2]}", page.Url, StringComparison.Ordinal);

        // Zoom with the mouse wheel over the plot: the x range shrinks.
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.WheelAsync(0, -600);
        await page.WaitForFunctionAsync("() => { const z = NasCharts.instances.chart.getOption().dataZoom[0]; return z.end - z.start < 100; }");

        foreach (var view in new[] { "parallel", "slice", "timeline" })
        {
            await page.Locator($"#chart-tabs button[data-view={view}]").ClickAsync();
            await Assertions.Expect(page.Locator("#chart canvas").First).ToBeVisibleAsync();
            await Screenshot(page, $"dashboard-{view}.png");
        }

        Assert.Empty(external);
    }

    // The trial panel and the trials table side by side, not over each other; the chart at least 600 px wide.
    private static async Task AssertNoOverlapAsync(IPage page, int width)
    {
        var table = (await page.Locator("#trials-wrap").BoundingBoxAsync())!;
        var panel = (await page.Locator("#detail").BoundingBoxAsync())!;
        var chart = (await page.Locator("#chart").BoundingBoxAsync())!;
        Assert.True(table.X + table.Width <= panel.X + 0.5, $"at {width} px the table (x {table.X}..{table.X + table.Width}) runs under the trial panel (from x {panel.X})");
        Assert.True(chart.Width >= 600, $"at {width} px the chart is {chart.Width} px wide");
        Assert.Equal("rgb(255, 255, 255)", await page.Locator("#detail").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("NASPLATFORM_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
        }
    }
}
