namespace NasPlatform.Quantum.Chemistry.Integrals;

/// <summary>An FCIDUMP that cannot be read: the message starts with "file:line:" and says what is wrong.</summary>
public sealed class FcidumpFormatException : FormatException
{
    /// <param name="source">The file (or the name given for text).</param>
    /// <param name="line">1-based line number.</param>
    /// <param name="problem">What is wrong there and how to fix it.</param>
    public FcidumpFormatException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}")
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file (or the name given for text).</summary>
    public new string Source { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>The message without the place.</summary>
    public string Problem { get; }
}
