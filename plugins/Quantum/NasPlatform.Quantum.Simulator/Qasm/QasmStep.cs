namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// One operation of an imported program, in file order: a gate (a call to a defined gate becomes one step
/// per gate of its expansion), a measurement or a reset. <see cref="At"/> is the statement's first token
/// (the call for a gate), so every later refusal can name the place; <see cref="Condition"/> is the
/// 'if (creg == n)' in front of it, or null.
/// </summary>
internal abstract record QasmStep(QasmToken At, QasmCondition? Condition);

/// <summary>A native gate with constant angles.</summary>
internal sealed record QasmGateStep(GateOp Op, QasmToken At, QasmCondition? Condition) : QasmStep(At, Condition);

/// <summary>measure qubit -> register[bit]; <see cref="Register"/> is -1 for an OpenQASM 3 'measure q;' whose result is dropped.</summary>
internal sealed record QasmMeasureStep(int Qubit, int Register, int Bit, QasmToken At, QasmCondition? Condition) : QasmStep(At, Condition);

/// <summary>reset qubit: measure it and flip it back to |0⟩ when the outcome is 1.</summary>
internal sealed record QasmResetStep(int Qubit, QasmToken At, QasmCondition? Condition) : QasmStep(At, Condition);

/// <summary>if (register == value): the register read as a whole number, bit 0 the least significant (OpenQASM 2.0 §3.5).</summary>
internal sealed record QasmCondition(int Register, long Value, QasmToken At)
{
    /// <summary>When set, the condition reads one bit (OpenQASM 3 'if (c[i] == v)' or 'if (c[i])') instead of the whole register.</summary>
    public int Bit { get; init; } = -1;

    /// <summary>For the 'else' branch of an OpenQASM 3 'if': holds when the comparison does not.</summary>
    public bool Negated { get; init; }

    public bool Holds(ReadOnlySpan<ulong> registers)
    {
        var value = Bit < 0 ? registers[Register] : (registers[Register] >> Bit) & 1;
        return (Value >= 0 && value == (ulong)Value) != Negated;
    }

    /// <summary>How the condition reads in the file, for messages.</summary>
    public string Describe(QasmProgram program)
    {
        var name = program.ClassicalRegisters[Register].Name;
        var text = Bit < 0 ? $"if ({name}=={Value})" : $"if ({name}[{Bit}]=={Value})";
        return Negated ? $"else of '{text}'" : $"'{text}'";
    }
}
