using System.Diagnostics;
using System.Text;

namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>
/// Runs a tool as a child process that does not outlive its caller: on timeout or cancellation the whole
/// process tree is killed, and if the calling process dies (even by SIGKILL) a small /bin/sh watchdog,
/// which waits for end-of-file on a pipe only the caller holds open, kills the tool.
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// The watchdog: starts the tool in the background, and a reader of the caller's stdin pipe that kills
    /// it when the pipe closes (the caller ended); exits with the tool's status. The reader holds neither
    /// stdout nor stderr, so the caller sees end-of-output as soon as the tool and the shell are done.
    /// </summary>
    internal const string Watchdog =
        "exec 3<&0; \"$0\" \"$@\" </dev/null 3<&- & tool=$!; " +
        "{ cat <&3; kill -9 $tool; } >/dev/null 2>&1 & watcher=$!; exec 3<&-; " +
        "wait $tool; status=$?; kill $watcher 2>/dev/null; exit $status";

    /// <summary>What a run left.</summary>
    /// <param name="ExitCode">The tool's exit status (−1 when killed for the timeout).</param>
    /// <param name="Output">stdout and stderr, interleaved as they came.</param>
    /// <param name="TimedOut">Killed because it ran past the timeout.</param>
    /// <param name="Seconds">Wall time.</param>
    public sealed record Result(int ExitCode, string Output, bool TimedOut, double Seconds);

    /// <summary>Runs <paramref name="executable"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the tool is killed first).</exception>
    public static async Task<Result> RunAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Watchdog);
        info.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // stdin stays open (the watchdog's pipe) until the tool is done.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new Result(-1, Text(output), true, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            process.StandardInput.Close();
        }

        process.WaitForExit();
        return new Result(process.ExitCode, Text(output), false, watch.Elapsed.TotalSeconds);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the timeout and the kill.
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
