namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Reads OpenQASM 2.0 (the file must start with 'OPENQASM 2.0;', as the specification requires): qreg
/// (several registers are laid out one after another), every gate of qelib1.inc (the native ones as
/// gate kinds or exact matrices; ccx, cswap, c3x, c3sqrtx, c4x, rccx, rc3x, csx, cu and u0 expanded from
/// built-in definitions, see <c>QasmLibrary</c>), user gate definitions (expanded, except a definition
/// named like a native gate, which is taken as that gate), register broadcasting, and parameter
/// expressions. The circuit is unitary, so measure, reset and if are accepted only where a unitary circuit
/// means the same: terminal measurements (counted, not applied), reset of a still-untouched qubit (a
/// no-op), and if on a creg no measure has written (it holds 0). Everything else, and every syntax,
/// range or arithmetic problem (division by zero, a non-finite value), is a <see cref="QasmException"/>
/// with file, line and column; an error inside a gate body is reported at the call.
/// </summary>
public static class QasmImporter
{
    /// <summary>Imports with constant angles.</summary>
    public static Circuit Import(string text, string source = "OpenQASM") =>
        ImportProgram(text, source).ToCircuit();

    /// <summary>Imports with every rotation angle turned into a fresh parameter; the values come back in <c>Parameters</c>.</summary>
    public static QasmImportResult ImportParameterized(string text, string source = "OpenQASM") =>
        ImportProgram(text, source).ToImportResult(parameterize: true);

    /// <summary>
    /// Imports the whole program, measure, reset and if included, to run with their real semantics
    /// (<see cref="QasmProgram.Sample(int, Random)"/>, <see cref="QasmProgram.Probabilities(int)"/>) or to read as a circuit.
    /// </summary>
    public static QasmProgram ImportProgram(string text, string source = "OpenQASM") =>
        new QasmParser(text, source).Parse();
}
