using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Dashboard.Tests;

/// <summary>
/// Headless Chromium on the learning curves and the lineage of a real evolution run (the example plugin reports its
/// score per position as a step): the curve view's tooltip names the trial and the step, a click opens that trial, the
/// trial panel links its parents (a click opens the parent) and shows its own curve, and the lineage view draws.
/// </summary>
public sealed class CurveBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Learning_curves_hover_and_click_through_and_parents_are_links()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (scripts/system-packages.sh does).");
        await using var run = new PacedRun(trials: 16, pauseAfter: int.MaxValue);
        await run.WaitForFinishedAsync(16, TimeSpan.FromSeconds(60));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0, PluginDirectories = [RepoPaths.Plugins], PollInterval = TimeSpan.FromMilliseconds(200) });
        using var http = new HttpClient { BaseAddress = server.Address };
        var key = (string)JArray.Parse(await http.GetStringAsync("api/experiments"))[0]["key"]!;
        // Population 4: trial 9 is a child, and the API names its parent.
        var child = JObject.Parse(await http.GetStringAsync($"api/experiments/{key}/trials/9"));
        var parent = (int)Assert.Single(child["parents"]!)!;
        Assert.InRange(parent, 0, 8);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync($"{server.Address}#e={key}&chart=curves");
        await Assertions.Expect(page.Locator("#chart-tabs button[data-view=curves]")).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#view-pick")).ToHaveValueAsync("score");

        // Hover the best trial's last point (its line is drawn on top): the tooltip names the trial, the step and the value.
        await page.Locator("#chart").ScrollIntoViewIfNeededAsync();
        var point = await page.EvaluateAsync<double[]>("""
            () => { const c = NasCharts.instances.chart, series = c.getOption().series;
                    const i = series.findIndex((s) => s.z === 3), p = series[i].data[series[i].data.length - 1];
                    const [x, y] = c.convertToPixel({ seriesIndex: i }, [p[0], p[1]]); return [x, y, p[0], p[2]]; }
            """);
        var box = (await page.Locator("#chart").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        var tip = page.Locator(".nas-tooltip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync($"step {(int)point[2]}: score =");
        await Assertions.Expect(tip).ToContainTextAsync($"trial {(int)point[3]}");
        await Screenshot(page, "dashboard-curves-hover.png");

        // A click on the curve opens its trial, whose panel shows its own curve.
        await page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync($"Trial {(int)point[3]} (");
        await Assertions.Expect(page.Locator("#detail-body .nas-trial-extras canvas").First).ToBeVisibleAsync();

        // The child's panel links its parent (a link opened cold); following the link opens the parent as a navigation.
        await page.GotoAsync("about:blank");
        await page.GotoAsync($"{server.Address}#e={key}&t=9&chart=lineage");
        var link = page.Locator($"#trial-parents a.trial-link[data-trial='{parent}']");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#chart-tabs button[data-view=lineage]")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#chart canvas").First).ToBeVisibleAsync();
        await link.ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "dashboard-lineage.png");
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync($"Trial {parent} (");
        Assert.Contains($"t={parent}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#trial-children a.trial-link[data-trial='9']")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync("Trial 9 (");
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
