namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Reads OpenQASM 2.0: qreg (several registers are laid out one after another), the qelib1.inc gates this
/// simulator supports (plus u2, u1/p, cy, ch, cp/cu1, cu3 and sxdg as exact matrices), user gate
/// definitions (expanded, except a definition named like a native gate, which is taken as that gate),
/// register broadcasting, and parameter expressions. creg, barrier and measure are accepted and skipped:
/// circuits here are unitary. reset, if and opaque are rejected.
/// </summary>
public static class QasmImporter
{
    /// <summary>Imports with constant angles.</summary>
    public static Circuit Import(string text, string source = "OpenQASM") =>
        new QasmParser(text, source, parameterize: false).Parse().Circuit;

    /// <summary>Imports with every rotation angle turned into a fresh parameter; the values come back in <c>Parameters</c>.</summary>
    public static QasmImportResult ImportParameterized(string text, string source = "OpenQASM") =>
        new QasmParser(text, source, parameterize: true).Parse();
}
