using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// LibTorch's native libraries are hundreds of megabytes and most of a short command's start-up: `nas run` loads them
/// only when a component uses torch, not for every experiment (the host's thread default waits for that moment).
/// </summary>
public sealed class LibTorchLoadingTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-libtorch-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_run_whose_components_need_no_torch_never_maps_LibTorch()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/PID/maps is Linux's; the CI and the supported machines are Linux
        }

        var file = Path.Combine(_work, "plain.json");
        File.WriteAllText(file, """
            {
              "name": "plain",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 5 } },
              "evaluator": { "name": "target", "options": { "target": "27182", "delayMilliseconds": 200 } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": 200 },
              "workers": 1,
              "seed": 1,
              "store": "plain.db"
            }
            """);

        using var run = NasProcess.Start("run", file, "--plugins", RepoPaths.Plugins);
        _ = run.StandardOutput.ReadToEndAsync();
        _ = run.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (Completed(Path.Combine(_work, "plain.db")) < 2 && !run.HasExited)
            {
                Assert.True(DateTime.UtcNow < deadline, "no trial completed within 120 s");
                Thread.Sleep(50);
            }

            Assert.False(run.HasExited, "the run ended before its libraries could be read");
            var maps = File.ReadAllText($"/proc/{run.Id}/maps");
            Assert.Contains("e_sqlite3", maps, StringComparison.Ordinal); // the read sees the run's native libraries
            Assert.DoesNotContain("libtorch_cpu", maps, StringComparison.Ordinal);
            Assert.DoesNotContain("LibTorchSharp", maps, StringComparison.Ordinal);
        }
        finally
        {
            run.Kill();
            run.WaitForExit();
        }
    }

    private static int Completed(string store)
    {
        if (!File.Exists(store))
        {
            return 0;
        }

        try
        {
            using var opened = SqliteTrialStore.OpenExisting(store);
            return opened.FindExperiment("plain") is { } found ? opened.GetTrials(found.Id).Count(t => t.IsFinished) : 0;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Abstractions.NasConfigurationException)
        {
            return 0; // the store is still being created
        }
    }
}
