namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>An imported circuit and the values of its parameters (empty unless angles were parameterized).</summary>
public sealed record QasmImportResult(Circuit Circuit, double[] Parameters, int MeasurementCount);
