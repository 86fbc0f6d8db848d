namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// measure, reset and if, kept as program steps in file order; whether a caller may read them as a unitary
/// circuit is decided later (<see cref="QasmUnitaryCheck"/>), and <see cref="QasmProgramRunner"/> executes them.
/// </summary>
internal sealed partial class QasmParser
{
    /// <summary>The call whose gates are being emitted, for the places of later refusals.</summary>
    private QasmToken _call;

    /// <summary>The 'if' in front of the statement being read, or null.</summary>
    private QasmCondition? _condition;

    /// <summary>measure q -> c; (both whole registers of one size, or one qubit and one bit).</summary>
    private void Measure()
    {
        var at = Next();
        var qubits = Operand();
        if (_version == 3 && Peek().Is(";"))
        {
            // OpenQASM 3 'measure q;': the qubits collapse, the outcome is not kept.
            Next();
            for (var k = 0; k < qubits.Size; k++)
            {
                _steps.Add(new QasmMeasureStep(qubits.Offset + k, -1, 0, at, _condition));
            }

            return;
        }

        Expect("->");
        var bits = Bits();
        Expect(";");
        AddMeasurements(at, qubits, bits);
    }

    private void AddMeasurements(QasmToken at, (int Offset, int Size, QasmToken At) qubits, (int Register, int Bit, int Size, QasmToken At) bits)
    {
        if (qubits.Size != bits.Size)
        {
            throw Error(at, $"measure of {qubits.Size} qubit(s) into {bits.Size} bit(s); measure a whole qreg into a creg of the same size, or one qubit into one bit");
        }

        _measurements++;
        for (var k = 0; k < qubits.Size; k++)
        {
            _steps.Add(new QasmMeasureStep(qubits.Offset + k, bits.Register, bits.Bit + k, at, _condition));
        }
    }

    /// <summary>c (the whole register) or c[i].</summary>
    private (int Register, int Bit, int Size, QasmToken At) Bits()
    {
        var creg = Identifier("a creg such as c[0]");
        if (!_cregs.TryGetValue(creg.Text, out var register))
        {
            throw Error(creg, $"'{creg.Text}' is not a declared {ClassicalWord}; declare it with {ClassicalDeclaration(creg.Text)}");
        }

        if (!Peek().Is("["))
        {
            return (register.Index, 0, register.Size, creg);
        }

        Next();
        var indexToken = Peek();
        var index = Integer("a bit index");
        Expect("]");
        if (index >= register.Size)
        {
            throw Error(indexToken, $"{creg.Text}[{indexToken.Text}] is out of range; the {ClassicalWord} has {register.Size} bits ({creg.Text}[0] to {creg.Text}[{register.Size - 1}])");
        }

        return (register.Index, (int)index, 1, creg);
    }

    private void Reset()
    {
        var at = Next();
        var (offset, size, _) = Operand();
        Expect(";");
        for (var q = offset; q < offset + size; q++)
        {
            _steps.Add(new QasmResetStep(q, at, _condition));
        }
    }

    /// <summary>if (c == n) followed by one gate call, measure or reset (OpenQASM 2.0's 'qop').</summary>
    private void If()
    {
        var at = Next();
        Expect("(");
        var creg = Identifier("a creg name");
        if (!_cregs.TryGetValue(creg.Text, out var register))
        {
            throw Error(creg, $"'{creg.Text}' is not a declared {ClassicalWord}; declare it with {ClassicalDeclaration(creg.Text)}");
        }

        Expect("==");
        var value = Integer("the value to compare with");
        Expect(")");
        _condition = new QasmCondition(register.Index, value, at);
        try
        {
            ConditionedStatement();
        }
        finally
        {
            _condition = null;
        }
    }

    private void ConditionedStatement()
    {
        var next = Peek();
        if (_version == 3 && next.Kind == QasmTokenKind.Identifier)
        {
            RefuseOutsideSubset(next);
        }

        if (next.Is("barrier"))
        {
            SkipStatement();
        }
        else if (_version == 3 && next.Is("gphase"))
        {
            GlobalPhase();
        }
        else if (_version == 3 && _cregs.ContainsKey(next.Text))
        {
            MeasureAssignment();
        }
        else if (next.Is("measure"))
        {
            Measure();
        }
        else if (next.Is("reset"))
        {
            Reset();
        }
        else if (next.Kind == QasmTokenKind.Identifier && !next.Is("if") && !next.Is("gate") && !next.Is("qreg") && !next.Is("creg") && !next.Is("qubit") && !next.Is("bit"))
        {
            GateCall();
        }
        else
        {
            throw Error(next, $"only a gate call, measure or reset can follow 'if (...)', found {next}");
        }
    }

    private string ClassicalWord => _version == 3 ? "bit register" : "creg";

    private string ClassicalDeclaration(string name) => _version == 3 ? $"'bit[n] {name};'" : $"'creg {name}[n];'";
}
