using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>`nas report` and `nas dashboard` from the command line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReportDashboardCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void ReportComparesTwoExperimentsAndWritesPngsAndOneHtml()
    {
        var first = WriteExperiment("first", "random");
        var second = WriteExperiment("second", "regularized-evolution");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", first, "--plugins", RepoPaths.Plugins).ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", second, "--plugins", RepoPaths.Plugins).ExitCode);
        var output = Path.Combine(_work, "out");

        var report = CliRunner.Run("report", first, Path.Combine(_work, "second.db"), "-o", output, "--json", "--plugins", RepoPaths.Plugins);

        Assert.True(report.ExitCode == ExitCodes.Success, report.Error);
        var json = JObject.Parse(report.Out);
        Assert.Equal(["first", "second"], json["experiments"]!.Values<string>());
        Assert.Equal(Path.Combine(output, "report.html"), (string?)json["html"]);
        var charts = json["charts"]!.Values<string>().ToList();
        Assert.Contains(Path.Combine(output, "best-vs-trials.png"), charts);
        Assert.Contains(Path.Combine(output, "e2-trials.png"), charts);
        Assert.All(charts, c => Assert.True(new FileInfo(c!).Length > 5000, c));
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<td>first</td><td>tabular</td><td>random</td>", html);
        Assert.Contains("<section id=\"experiment-2\">", html);
    }

    [Fact]
    public void ReportAndDashboardOnAMissingStoreAreBadInput()
    {
        var missing = Path.Combine(_work, "missing.db");

        var report = CliRunner.Run("report", missing);
        var dashboard = CliRunner.Run("dashboard", missing, "--port", "0");

        Assert.Equal(ExitCodes.BadInput, report.ExitCode);
        Assert.Contains("does not exist", report.Error);
        Assert.Equal(ExitCodes.BadInput, dashboard.ExitCode);
        Assert.Contains("does not exist", dashboard.Error);
        Assert.False(File.Exists(missing));

        // A folder is watched, but a mistyped one is not waited for: exit 2 with the likely name.
        Directory.CreateDirectory(Path.Combine(_work, "runs"));
        var typo = CliRunner.Run("dashboard", Path.Combine(_work, "runz"), "--port", "0");
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains($"did you mean {Path.Combine(_work, "runs")}?", typo.Error);
    }

    [Fact]
    public void DashboardRefusesANonLoopbackHostWithoutAllowRemote()
    {
        var file = WriteExperiment("loop", "random");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);

        var dashboard = CliRunner.Run("dashboard", file, "--host", "0.0.0.0", "--port", "0");

        Assert.Equal(ExitCodes.BadInput, dashboard.ExitCode);
        Assert.Contains("--allow-remote", dashboard.Error);
    }

    [Fact]
    public async Task DashboardServesUntilStopped()
    {
        var file = WriteExperiment("served", "random");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        using var process = NasProcess.Start("dashboard", file, "--port", "0");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
            var address = System.Text.RegularExpressions.Regex.Match(line, "http://127\\.0\\.0\\.1:\\d+/").Value;
            Assert.NotEmpty(address);
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var experiments = JArray.Parse(await http.GetStringAsync("api/experiments"));
            Assert.Equal("served", (string?)experiments.Single()["name"]);
        }
        finally
        {
            // SIGTERM, as a service manager stops it: the dashboard ends cleanly with exit code 0.
            System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "the dashboard did not stop on SIGTERM");
        }

        Assert.Equal(ExitCodes.Success, process.ExitCode);
    }

    private string WriteExperiment(string name, string strategy)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "{{strategy}}" },
              "budget": { "trials": 12 },
              "seed": 5
            }
            """);
        return path;
    }
}
