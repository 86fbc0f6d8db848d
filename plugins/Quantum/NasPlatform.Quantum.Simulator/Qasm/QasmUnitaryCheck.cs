namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Reads a program as a unitary circuit where that means the same as the file, and refuses it at the place
/// where it does not:
/// <list type="bullet">
/// <item>measure: accepted when no later gate, reset or conditioned operation uses the measured qubit
/// (terminal measurement: the state before it is the circuit's state, and measuring it gives the file's
/// outcome distribution).</item>
/// <item>reset: accepted on a qubit no gate or measure has touched yet, where it is a no-op on |0⟩.</item>
/// <item>if (c==n): accepted when no measure has written c; c then still holds 0, so the operation runs when
/// n is 0 and does not when n is not 0 (both exactly the file's meaning).</item>
/// </list>
/// </summary>
internal static class QasmUnitaryCheck
{
    private const string NotUnitary =
        "this caller needs a unitary circuit (a pure state), which cannot represent a mid-circuit measurement, a reset of a used qubit " +
        "or a branch on an outcome; 'nas quantum qasm FILE --shots N' runs such a program with its real semantics (QasmImporter.ImportProgram)";

    public static List<GateOp> Gates(QasmProgram program)
    {
        var measured = new Dictionary<int, QasmToken>();
        var touched = new HashSet<int>();
        var written = new HashSet<int>();
        var gates = new List<GateOp>();
        foreach (var step in program.Steps)
        {
            if (step.Condition is { } condition)
            {
                if (written.Contains(condition.Register))
                {
                    throw Error(program, condition.At, $"{condition.Describe(program)} depends on a measurement outcome; " +
                        $"{NotUnitary}. Or replace the measurement and the condition by a controlled gate (deferred measurement)");
                }

                // No measure has written the register: it still holds 0, so the condition is known now.
                if (!condition.Holds(new ulong[program.ClassicalRegisters.Count]))
                {
                    continue;
                }
            }

            switch (step)
            {
                case QasmGateStep gate:
                    foreach (var q in Qubits(gate.Op))
                    {
                        if (measured.TryGetValue(q, out var measure))
                        {
                            throw Error(program, measure, $"mid-circuit measurement: {program.QubitName(q)} is measured here and then used by '{gate.At.Text}' " +
                                $"at line {gate.At.Line}, column {gate.At.Column}; {NotUnitary}. Or move the measure after the last gate on this qubit");
                        }

                        touched.Add(q);
                    }

                    gates.Add(gate.Op);
                    break;
                case QasmMeasureStep measure:
                    measured.TryAdd(measure.Qubit, measure.At);
                    if (measure.Register >= 0)
                    {
                        written.Add(measure.Register);
                    }

                    break;
                case QasmResetStep reset when measured.ContainsKey(reset.Qubit) || touched.Contains(reset.Qubit):
                    throw Error(program, reset.At, $"mid-circuit reset of {program.QubitName(reset.Qubit)} after " +
                        $"{(measured.ContainsKey(reset.Qubit) ? "it was measured" : "gates acted on it")}; {NotUnitary}. " +
                        "Only a reset before any gate on the qubit (a no-op on |0⟩) is accepted here");
            }
        }

        return gates;
    }

    private static IEnumerable<int> Qubits(GateOp op) => op.Qubit1 >= 0 ? [op.Qubit0, op.Qubit1] : [op.Qubit0];

    private static QasmException Error(QasmProgram program, QasmToken at, string problem) => new(program.Source, at.Line, at.Column, problem);
}
