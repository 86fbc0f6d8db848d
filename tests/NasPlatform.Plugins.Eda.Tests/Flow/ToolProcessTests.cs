using System.Diagnostics;
using System.Globalization;
using NasPlatform.Eda.Flow;
using NasPlatform.Testing;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>
/// EDA tools do not outlive their `nas`: a kill -9 of a real `nas eda dataset` child leaves no qflow, yosys or
/// graywolf running (the watchdog kills their process group), and a resume stops any tool still in its folder.
/// </summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-kill-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void KillingNasWithSigkillLeavesNoToolRunning()
    {
        var dataset = Path.Combine(_root, "ds");
        using var nas = ChildProcess.Nas("eda", "dataset", dataset, "--designs", "mul6", "--densities", "0.7", "--seeds", "1", "--layers", "3", "--blockages", "0", "-j", "1", "--plugins", BuiltNas.Plugins);
        // Killed while graywolf places mul6 (about 10 s of work left): without the watchdog it would run on.
        Poll.Until(() => Describe(ToolProcesses.Under(dataset)).Contains("graywolf", StringComparison.Ordinal) || nas.HasExited, TimeSpan.FromSeconds(60), () => "graywolf did not start in the dataset folder:\n" + nas.Error);
        Assert.False(nas.HasExited, nas.Error);
        var tools = Describe(ToolProcesses.Under(dataset));

        nas.Signal("KILL"); // the nas process only: no handler runs, its children are not signalled

        Poll.Until(() => ToolProcesses.Under(dataset).Count == 0, TimeSpan.FromSeconds(3), () => $"still running 3 s after kill -9 of nas: {Describe(ToolProcesses.Under(dataset))} (at the kill: {tools})");
    }

    [Fact]
    public async Task AResumeStopsAToolStillWorkingInTheDatasetFolder()
    {
        // An orphan from a run killed before the watchdog existed: a process whose working directory is in the folder.
        var folder = Directory.CreateDirectory(Path.Combine(_root, "placements", "x")).FullName;
        using var orphan = Process.Start(new ProcessStartInfo("sleep", ["600"]) { WorkingDirectory = folder, UseShellExecute = false })!;

        Assert.Equal([orphan.Id], ToolProcesses.Under(_root));
        Assert.Equal(1, await ToolProcesses.StopOrphansAsync(_root));

        Assert.True(orphan.WaitForExit(5000), "the orphan still runs");
        Assert.Empty(ToolProcesses.Under(_root));
    }

    [Fact]
    public async Task AnInteractiveShellInTheFolderIsSpared()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "placements", "y")).FullName;
        using var shell = Process.Start(new ProcessStartInfo("bash", ["-c", "while :; do sleep 600; done"]) { WorkingDirectory = folder, UseShellExecute = false })!;
        // Wait for the sleep itself: bash's forked child is still "bash" until it execs.
        Poll.Until(() => Describe(ToolProcesses.Under(_root)).Contains("sleep", StringComparison.Ordinal), TimeSpan.FromSeconds(5), () => "bash and its sleep did not start");

        Assert.Equal(1, await ToolProcesses.StopOrphansAsync(_root)); // the sleep, not the bash

        Assert.False(shell.WaitForExit(300), "the shell was killed");
        shell.Kill(entireProcessTree: true);
        shell.WaitForExit();
    }

    [Fact]
    public async Task ARunEndsWhenItsToolEndsNotAtTheWatchdogsNextPoll()
    {
        // The watchdog polls the parent each second; its sleep must not hold the tool's output open (a run of 0.2 s took 1 s).
        // Timed from the tool's own last moment, so a slow start under load (two test hosts on two cores) does not count.
        var run = await ToolRunner.RunAsync("sh", ["-c", "echo hello; sleep 0.1; date +%s%N"], _root, TimeSpan.FromSeconds(30), CancellationToken.None);
        var returned = DateTimeOffset.UtcNow;

        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("hello", run.Output, StringComparison.Ordinal);
        var toolEnded = DateTimeOffset.UnixEpoch.AddTicks(long.Parse(run.Output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture) / 100);
        // With the poller holding the pipe, the run ends when its sleep 1 does: about 0.85 s after the tool.
        Assert.InRange((returned - toolEnded).TotalSeconds, -0.05, 0.5);
    }

    private static string Describe(IEnumerable<int> pids) => string.Join(", ", pids.Select(Name));

    private static string Name(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/comm").Trim()}";
        }
        catch (IOException)
        {
            return $"{pid} (gone)"; // exited while we looked
        }
    }
}
