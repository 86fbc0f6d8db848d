using Spectre.Console;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// Spectre.Console renders for 80 columns when standard output is not a terminal (a file, a pipe, a CI
/// log), which folds `nas status` tables into cells of a few characters ("accura…", numbers split over
/// lines). Redirected output is rendered for the width in <c>COLUMNS</c> when set, else for
/// <see cref="DefaultWidth"/> columns; tables still size to their content, so they only stop folding.
/// </summary>
internal static class RedirectedOutput
{
    /// <summary>Wide enough for the trials table and a candidate's JSON on one line in most experiments.</summary>
    public const int DefaultWidth = 512;

    public static void Widen()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Width(Environment.GetEnvironmentVariable("COLUMNS"));
        }
    }

    /// <summary>The rendering width for a <c>COLUMNS</c> value (ignored unless a whole number of at least 40).</summary>
    public static int Width(string? columns) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width >= 40
            ? width
            : DefaultWidth;
}
