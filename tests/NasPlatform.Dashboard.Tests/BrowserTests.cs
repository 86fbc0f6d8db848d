using Microsoft.Playwright;

namespace NasPlatform.Dashboard.Tests;

/// <summary>
/// Headless Chromium (Debian's chromium package) on the dashboard of a running experiment: the
/// trials show, a new trial appears without a reload, filters work, and a trial's detail opens.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task DashboardFollowsARunningExperimentAndOpensATrialsDetail()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (scripts/system-packages.sh does, as ./test.sh and .ci/run call it).");
        await using var run = new PacedRun(trials: 30, pauseAfter: 2);
        await run.WaitForFinishedAsync(2, TimeSpan.FromSeconds(30));
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [run.StorePath], Port = 0, PluginDirectories = [RepoPaths.Plugins], PollInterval = TimeSpan.FromMilliseconds(200) });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GotoAsync(server.Address.ToString());
        await Assertions.Expect(page.Locator("#experiments li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#experiments li")).ToContainTextAsync("paced");
        await Assertions.Expect(page.Locator("#trials tbody tr[data-state=completed]")).ToHaveCountAsync(2);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        run.Release();
        await run.WaitForFinishedAsync(3, TimeSpan.FromSeconds(30));
        await Assertions.Expect(page.Locator("#trials tbody tr[data-number='2'][data-state=completed]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded instead of updating in place");
        await Assertions.Expect(page.Locator("#chart-tabs button[data-view=history]")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#chart canvas").First).ToBeVisibleAsync();
        await page.Locator("#chart-tabs button[data-view=png]").ClickAsync();
        await Assertions.Expect(page.Locator("#charts img[alt^='Best score']").First).ToBeVisibleAsync();

        await page.SelectOptionAsync("#filter-state", "completed");
        await Assertions.Expect(page.Locator("#trials tbody tr")).ToHaveCountAsync(3);
        await page.Locator("#trials th[data-column=score]").ClickAsync();
        await page.Locator("#trials th[data-column=score]").ClickAsync();
        var scores = await page.Locator("#trials tbody tr").EvaluateAllAsync<double[]>(
            "(rows, column) => rows.map(r => parseFloat(r.children[column].textContent))",
            await page.Locator("#trials th").EvaluateAllAsync<int>("(cells) => cells.findIndex(c => c.dataset.column === 'score')"));
        Assert.Equal(scores.OrderDescending(), scores);

        // A column per choice of the candidate (the digits space has six), and the columns box picks columns by name.
        await Assertions.Expect(page.Locator("#trials th[data-column='choice.digit5']")).ToHaveTextAsync("digit5");
        await page.FillAsync("#columns", "digit2,score");
        await Assertions.Expect(page.Locator("#trials th")).ToHaveTextAsync(["number", "state", "fidelity", "digit2", "score", "seconds", "error"]);
        await page.FillAsync("#columns", "digit2,scores");
        await Assertions.Expect(page.Locator("#columns-note")).ToContainTextAsync("no column 'scores'; did you mean score?");
        await page.FillAsync("#columns", string.Empty);

        await page.Locator("#trials tbody tr[data-number='2']").ClickAsync();
        await Assertions.Expect(page.Locator("#detail")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#detail-title")).ToContainTextAsync("Trial 2 (completed");
        using var source = Reporting.Data.ExperimentSource.Open(run.StorePath);
        var trial = source.Snapshots().Single().Trials.Single(t => t.Number == 2);
        var shown = Newtonsoft.Json.Linq.JToken.Parse(await page.Locator("#detail-candidate").InnerTextAsync());
        Assert.True(Newtonsoft.Json.Linq.JToken.DeepEquals(trial.Candidate.ToJson(), shown), $"detail shows {shown}, the store holds {trial.Candidate.Json}");
        await Assertions.Expect(page.Locator("#detail-body")).ToContainTextAsync("score");
        Assert.Empty(external);
    }
}
