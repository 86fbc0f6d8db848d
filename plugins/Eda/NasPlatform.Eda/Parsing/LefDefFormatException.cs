namespace NasPlatform.Eda.Parsing;

/// <summary>A LEF or DEF file that cannot be read: names the file, the line and what was expected.</summary>
public sealed class LefDefFormatException : Exception
{
    public LefDefFormatException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    public int Line { get; }
}
