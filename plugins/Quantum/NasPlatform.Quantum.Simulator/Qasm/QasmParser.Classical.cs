namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// measure, reset and if. The importer builds a unitary circuit (a pure state for VQE), so it accepts
/// exactly the cases a unitary circuit represents and refuses the rest at their line:
/// <list type="bullet">
/// <item>measure: accepted when no later gate, reset or if uses the measured qubit (terminal measurement:
/// the state before it is the circuit's state, and measuring it gives the file's outcome distribution).</item>
/// <item>reset: accepted on a qubit no gate or measure has touched yet, where it is a no-op on |0⟩.</item>
/// <item>if (c==n) gate: accepted when no measure has written c; c then still holds 0, so the gate runs when
/// n is 0 and does not when n is not 0 (both exactly the file's meaning).</item>
/// </list>
/// </summary>
internal sealed partial class QasmParser
{
    private const string NotUnitary =
        "the importer builds a unitary circuit (a pure state for VQE), which cannot represent a mid-circuit measurement, a reset of a used qubit or a branch on an outcome";

    /// <summary>Measured qubit → its measure statement.</summary>
    private readonly Dictionary<int, QasmToken> _measured = [];

    /// <summary>Qubits a gate has acted on.</summary>
    private readonly HashSet<int> _touched = [];

    /// <summary>Cregs a measure has written.</summary>
    private readonly HashSet<string> _written = [];

    private void Measure()
    {
        var at = Next();
        var (offset, size, _) = Operand();
        Expect("->");
        Bits();
        Expect(";");
        _measurements++;
        for (var q = offset; q < offset + size; q++)
        {
            _measured.TryAdd(q, at);
        }
    }

    /// <summary>c or c[i]; marks the register as written by a measurement.</summary>
    private string Bits()
    {
        var creg = Identifier("a creg such as c[0]");
        if (!_cregs.TryGetValue(creg.Text, out var size))
        {
            throw Error(creg, $"'{creg.Text}' is not a declared creg; declare it with 'creg {creg.Text}[n];'");
        }

        if (Peek().Is("["))
        {
            Next();
            var indexToken = Peek();
            var index = Integer("a bit index");
            Expect("]");
            if (index >= size)
            {
                throw Error(indexToken, $"{creg.Text}[{indexToken.Text}] is out of range; the creg has {size} bits ({creg.Text}[0] to {creg.Text}[{size - 1}])");
            }
        }

        _written.Add(creg.Text);
        return creg.Text;
    }

    private void Reset()
    {
        var at = Next();
        var (offset, size, _) = Operand();
        Expect(";");
        for (var q = offset; q < offset + size; q++)
        {
            if (_measured.ContainsKey(q) || _touched.Contains(q))
            {
                throw Error(at, $"reset of {QubitName(q)} after {(_measured.ContainsKey(q) ? "it was measured" : "gates acted on it")} is a mid-circuit reset, " +
                    $"which is not unitary; {NotUnitary}. Only a reset before any gate on the qubit (a no-op on |0⟩) is accepted: move it there or remove it");
            }
        }

        // Every qubit starts in |0⟩ and none of these has been touched: the reset is a no-op.
    }

    private void If()
    {
        var at = Next();
        Expect("(");
        var creg = Identifier("a creg name");
        if (!_cregs.ContainsKey(creg.Text))
        {
            throw Error(creg, $"'{creg.Text}' is not a declared creg; declare it with 'creg {creg.Text}[n];'");
        }

        Expect("==");
        var value = Integer("the value to compare with");
        Expect(")");
        if (_written.Contains(creg.Text))
        {
            throw Error(at, $"'if ({creg.Text}=={value})' depends on a measurement outcome: {NotUnitary}. Run the branches as separate files, " +
                "or replace the measurement and the condition by a controlled gate (deferred measurement)");
        }

        var next = Peek();
        if (next.Is("measure") || next.Is("reset") || next.Kind != QasmTokenKind.Identifier)
        {
            throw Error(next, $"only a gate can follow 'if (...)' here, found {next}; {NotUnitary}");
        }

        // No measure has written the register: it still holds 0, so the condition is known now.
        GateCall(apply: value == 0);
    }

    /// <summary>Marks the qubits of a gate call as used; refuses a qubit that was measured earlier.</summary>
    private void Touch(QasmToken call, IEnumerable<int> qubits)
    {
        foreach (var q in qubits)
        {
            if (_measured.TryGetValue(q, out var measure))
            {
                throw Error(measure, $"{QubitName(q)} is measured here and then used by '{call.Text}' at line {call.Line}, column {call.Column}; {NotUnitary}. " +
                    "Move the measure after the last gate on this qubit, or remove it");
            }

            _touched.Add(q);
        }
    }

    private string QubitName(int qubit)
    {
        foreach (var (name, (offset, size)) in _qregs)
        {
            if (qubit >= offset && qubit < offset + size)
            {
                return $"{name}[{qubit - offset}]";
            }
        }

        return $"qubit {qubit}";
    }
}
