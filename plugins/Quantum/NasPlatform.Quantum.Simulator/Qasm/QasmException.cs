namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>An OpenQASM text the importer cannot read; the message names the source, line and column.</summary>
public sealed class QasmException(string source, int line, int column, string problem)
    : FormatException($"{source}: line {line}, column {column}: {problem}.")
{
    public string FileName { get; } = source;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
