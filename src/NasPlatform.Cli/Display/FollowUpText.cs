using NasPlatform.Engine.Experiments;

namespace NasPlatform.Cli.Display;

/// <summary>The commands that look further into a run, written for the file (or store) the user ran, so they can be pasted as shown.</summary>
internal static class FollowUpText
{
    /// <summary>How the commands name the experiment: its file, or its store and name for a spec rebuilt from the store.</summary>
    public static string Target(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.SourceFile is { } file
            ? ShellWords.Quote(Shortest(file))
            : $"{ShellWords.Quote(Shortest(spec.StorePath))} --experiment {ShellWords.Quote(spec.Name)}";
    }

    /// <summary>The "look further" lines: every trial, the report, the dashboard.</summary>
    public static void Write(TextWriter output, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(output);
        var target = Target(spec);
        var commands = new (string Command, string What)[]
        {
            ($"nas status {target}", "every trial and the best so far"),
            ($"nas report {target}", "charts and a self-contained HTML report"),
            ($"nas dashboard {target}", "the dashboard in a browser, live while a run writes the store"),
        };
        var width = commands.Max(c => c.Command.Length);
        output.WriteLine("look further:");
        foreach (var (command, what) in commands)
        {
            output.WriteLine($"  {command.PadRight(width)}  {what}");
        }
    }

    // A path under the current folder reads as the user typed it (examples/quantum/tfim-8.json); elsewhere in full.
    private static string Shortest(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
