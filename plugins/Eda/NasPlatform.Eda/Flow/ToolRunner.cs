using System.Diagnostics;
using System.Text;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// Runs an EDA tool in a folder with a time limit, in its own process group under a parent watchdog
/// (<see cref="ToolProcesses"/>); a tool that overruns, or whose run is cancelled, is killed with its children.
/// </summary>
public static class ToolRunner
{
    public static async Task<ToolRun> RunAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = executable + " " + string.Join(' ', arguments);
        if (!OnPath(executable))
            return new ToolRun(command, -1, false, 0, $"{executable} could not be started (not found on PATH); install it (scripts/system-packages.sh installs qflow, qrouter, graywolf and yosys).");
        var (file, wrapped) = ToolProcesses.Wrap(executable, arguments);
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in wrapped)
            info.ArgumentList.Add(argument);
        // qrouter and magic look for a display unless told not to; never let them find one.
        info.Environment.Remove("DISPLAY");

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ToolRun(command, -1, false, 0, $"{executable} could not be started ({e.Message}); install it (scripts/system-packages.sh installs qflow, qrouter, graywolf and yosys).");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                ToolProcesses.KillGroup(process.Id);
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            lock (output)
                return new ToolRun(command, -1, true, watch.Elapsed.TotalSeconds, output.ToString());
        }

        process.WaitForExit();
        lock (output)
            return new ToolRun(command, process.ExitCode, false, watch.Elapsed.TotalSeconds, output.ToString());
    }

    private static bool OnPath(string executable) =>
        executable.Contains('/', StringComparison.Ordinal)
            ? File.Exists(executable)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, executable)));
}
