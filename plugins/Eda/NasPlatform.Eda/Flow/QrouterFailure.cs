using System.Globalization;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// Says why a qrouter run gave no result, in one line a failed sample's record and the console can carry: how it
/// ended (the signal that killed it, its exit code, or the time limit), at which step of the script (the route
/// script prints a <see cref="Marker"/> before each step, to stderr, which a crash does not lose), and qrouter's
/// last error line. qrouter segfaults (signal 11) on input it cannot handle, e.g. DEF units that do not divide the
/// LEF's database units, and then prints no error of its own: the step is what points at the input.
/// </summary>
public static class QrouterFailure
{
    /// <summary>Printed (to stderr) by the route script before each step, followed by the step's name.</summary>
    public const string Marker = "nas-step:";

    /// <summary>The route script's steps, with what each does, in order.</summary>
    public static IReadOnlyDictionary<string, string> Steps { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["read_lef"] = "reading the LEF",
        ["obstructions"] = "setting layers and obstructions",
        ["read_def"] = "reading the placed DEF",
        ["congested"] = "estimating congestion",
        ["stage1"] = "first-pass routing",
        ["stage2"] = "rip-up and reroute",
        ["write_def"] = "writing the failed nets and the routed DEF",
    };

    /// <summary>The tcl line that announces a step (stderr is unbuffered, so the line survives a crash right after it).</summary>
    public static string Announce(string step) => $"puts stderr \"{Marker} {step}\"";

    /// <summary>The step the run was in when it ended: the last one announced, or null when none was.</summary>
    public static string? LastStep(string output) =>
        output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal)) is { } line
            ? line[Marker.Length..].Trim()
            : null;

    /// <summary>qrouter's last line that reports an error (Error, ERROR, Fatal, cannot, ...), or null.</summary>
    public static string? LastErrorLine(string output) =>
        output.Split('\n').Select(l => l.Trim())
            .LastOrDefault(l => l.Length > 0 && !l.StartsWith(Marker, StringComparison.Ordinal) && IsError(l));

    /// <summary>How a process ended: "killed by signal 11 (SIGSEGV, segmentation fault)", "exited with code 1", or the time limit.</summary>
    public static string Ending(ToolRun run, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.TimedOut)
            return string.Create(CultureInfo.InvariantCulture, $"ran past its {timeout.TotalSeconds:0.##} s limit and was killed");
        // A process killed by signal N reports 128 + N through the shell watchdog (and through .NET).
        if (run.ExitCode > 128 && run.ExitCode < 128 + 65)
            return string.Create(CultureInfo.InvariantCulture, $"was killed by signal {run.ExitCode - 128} ({SignalName(run.ExitCode - 128)})");
        return string.Create(CultureInfo.InvariantCulture, $"exited with code {run.ExitCode}");
    }

    /// <summary>
    /// The first line says it all ("qrouter was killed by signal 11 (SIGSEGV, segmentation fault) at read_def (reading
    /// the placed DEF); last error line: none"), then <paramref name="what"/> and the log tail for the record.
    /// </summary>
    public static string Describe(ToolRun run, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(run);
        var step = LastStep(run.Output);
        var where = step is null ? "before its script started" : $"at {step}" + (Steps.TryGetValue(step, out var doing) ? $" ({doing})" : "");
        var error = LastErrorLine(run.Output) is { } line ? $"last error line: {line}" : "it printed no error line";
        return $"qrouter {Ending(run, timeout)} {where}; {error}. {what}\nLog tail:\n{run.Tail()}";
    }

    private static bool IsError(string line) =>
        line.Contains("error", StringComparison.OrdinalIgnoreCase) || line.Contains("fatal", StringComparison.OrdinalIgnoreCase)
        || line.Contains("cannot", StringComparison.OrdinalIgnoreCase) || line.Contains("can't", StringComparison.OrdinalIgnoreCase)
        || line.Contains("segmentation", StringComparison.OrdinalIgnoreCase) || line.Contains("abort", StringComparison.OrdinalIgnoreCase);

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        4 => "SIGILL",
        6 => "SIGABRT, an abort or failed assertion",
        7 => "SIGBUS, a bus error",
        8 => "SIGFPE, an arithmetic error",
        9 => "SIGKILL, killed from outside, e.g. out of memory",
        11 => "SIGSEGV, a segmentation fault",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "signal " + signal.ToString(CultureInfo.InvariantCulture),
    };
}
