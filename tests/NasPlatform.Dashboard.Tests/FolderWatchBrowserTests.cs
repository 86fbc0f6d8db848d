using Microsoft.Playwright;

namespace NasPlatform.Dashboard.Tests;

/// <summary>
/// Headless Chromium on a dashboard started over an empty folder: the page says what it watches; a run started
/// afterwards (a real experiment through the engine) appears with its trials, and a second run's store too, all
/// without a reload.
/// </summary>
public sealed class FolderWatchBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task RunsStartedAfterTheDashboardAppearLiveFromTheWatchedFolder()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (scripts/system-packages.sh does).");
        var folder = Directory.CreateTempSubdirectory("nas-watch-").FullName;
        try
        {
            await using var server = await DashboardServer.StartAsync(new DashboardOptions { Sources = [folder], Port = 0, PollInterval = TimeSpan.FromMilliseconds(200) });
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(server.Address.ToString());
            await Assertions.Expect(page.Locator("#live")).ToContainTextAsync($"watching {folder}: no experiment yet");
            await Assertions.Expect(page.Locator("#experiments li")).ToHaveCountAsync(0);
            await page.EvaluateAsync("() => { window.sameDocument = true; }");

            // A run starts after the page: its store appears in the folder, the page picks it and follows its trials.
            await using (var first = new PacedRun(trials: 6, pauseAfter: 2, folder: folder, name: "first"))
            {
                await first.WaitForFinishedAsync(2, TimeSpan.FromSeconds(30));
                await Assertions.Expect(page.Locator("#experiments li")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
                await Assertions.Expect(page.Locator("#experiments li")).ToContainTextAsync("first");
                await Assertions.Expect(page.Locator("#trials tbody tr[data-state=completed]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
                first.Release();
                await first.WaitForFinishedAsync(3, TimeSpan.FromSeconds(30));
                await Assertions.Expect(page.Locator("#trials tbody tr[data-number='2'][data-state=completed]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            }

            // A second run, in a subfolder: another store, listed beside the first.
            Directory.CreateDirectory(Path.Combine(folder, "study"));
            await using (var second = new PacedRun(trials: 3, pauseAfter: 1, folder: Path.Combine(folder, "study"), name: "second"))
            {
                await second.WaitForFinishedAsync(1, TimeSpan.FromSeconds(30));
                await Assertions.Expect(page.Locator("#experiments li")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
                await Assertions.Expect(page.Locator("#experiments li").Nth(1)).ToContainTextAsync("second");
                await page.Locator("#experiments li").Nth(1).ClickAsync();
                await Assertions.Expect(page.Locator("#experiment-title")).ToHaveTextAsync("second");
                await Assertions.Expect(page.Locator("#trials tbody tr[data-state=completed]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            }

            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded instead of updating in place");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
