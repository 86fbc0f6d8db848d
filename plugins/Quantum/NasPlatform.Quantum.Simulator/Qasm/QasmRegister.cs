namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>A declared register: OpenQASM 2 qreg/creg or OpenQASM 3 qubit/bit. Qubit registers are laid out one after another from <see cref="Offset"/>.</summary>
public sealed record QasmRegister(string Name, int Offset, int Size);
