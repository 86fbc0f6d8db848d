namespace NasPlatform.Eda.Flow;

/// <summary>One finished (or killed) tool process.</summary>
public sealed record ToolRun(string Command, int ExitCode, bool TimedOut, double Seconds, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The last lines of the output, for error messages.</summary>
    public string Tail(int lines = 15) => string.Join('\n', Output.Split('\n').TakeLast(lines));
}
