namespace NasPlatform.Engine.Experiments;

/// <summary>Paths and names as a POSIX shell reads them, for commands that messages suggest the user run.</summary>
public static class ShellWords
{
    /// <summary><paramref name="word"/> as is when the shell keeps it whole, else in single quotes.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=' or ',' or '@')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }
}
