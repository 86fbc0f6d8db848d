namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>An OpenQASM text the importer cannot read; the message names the source, line and column.</summary>
public sealed class QasmException(string source, int line, int column, string problem)
    : FormatException($"{source}: line {line}, column {column}: {problem}.")
{
    /// <summary>The file (or source name) the text came from.</summary>
    public string FileName { get; } = source;

    /// <summary>1-based line of the offending statement; for an error inside a gate body, the line of the call.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the offending token.</summary>
    public int Column { get; } = column;

    /// <summary>The problem and its fix, without the location prefix.</summary>
    public string Problem { get; } = problem;
}

/// <summary>A parameter expression that cannot be evaluated (division by zero, a non-finite value), at a token.</summary>
internal sealed class QasmEvaluationException(QasmToken at, string problem) : Exception(problem)
{
    public QasmToken At { get; } = at;
}
