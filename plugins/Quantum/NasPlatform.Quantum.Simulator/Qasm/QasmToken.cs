namespace NasPlatform.Quantum.Simulator.Qasm;

internal enum QasmTokenKind
{
    Identifier,
    Real,
    Integer,
    String,
    Symbol,
    End,
}

internal readonly record struct QasmToken(QasmTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string symbol) => Kind is QasmTokenKind.Symbol or QasmTokenKind.Identifier && Text == symbol;

    public override string ToString() => Kind == QasmTokenKind.End ? "end of file" : $"'{Text}'";
}
