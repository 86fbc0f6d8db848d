using System.Globalization;
using System.Text.RegularExpressions;

namespace NasPlatform.Distributed.Worker;

/// <summary>
/// A plugin command line that exited with a non-zero code on a worker. It crosses the cluster as the trial's error
/// text (<c>PluginCommandExitException: exit N</c>, a newline, the command's last lines), which <see cref="TryParse"/> reads back.
/// </summary>
internal sealed partial class PluginCommandExitException(int exitCode, string tail)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"exit {exitCode}\n{tail}"))
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The exit code and last lines in a trial's error text; false when the text is another failure (a timeout, a crash).</summary>
    public static bool TryParse(string error, out int exitCode, out string tail)
    {
        var match = ErrorText().Match(error);
        exitCode = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        tail = match.Success ? match.Groups[2].Value : error;
        return match.Success;
    }

    [GeneratedRegex(@"^PluginCommandExitException: exit (-?\d+)\n?(.*?)(?: \(on worker [^()]*\))?$", RegexOptions.Singleline)]
    private static partial Regex ErrorText();
}
