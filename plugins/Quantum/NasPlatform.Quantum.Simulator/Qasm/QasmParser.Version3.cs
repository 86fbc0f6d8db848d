namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// The OpenQASM 3 statements that today's SDKs write by default (Qiskit's qasm3.dumps, Microsoft's QDK):
/// 'qubit[n] q;', 'bit[n] c;' (also 'output bit[n] c;'), 'c[0] = measure q[0];' and 'c = measure q;',
/// 'measure q;' (result dropped), 'gphase(θ);' (a global phase: no effect on any outcome, so dropped),
/// and 'if (c == n)', 'if (c[i] == n)', 'if (c[i])', 'if (!c[i])' with a statement or a '{ }' block and an
/// optional 'else'. The rest of the language (classical types, loops, subroutines, gate modifiers, timing)
/// is refused at its place with what to write instead.
/// </summary>
internal sealed partial class QasmParser
{
    private static readonly HashSet<string> OutsideSubset =
    [
        "const", "let", "float", "int", "uint", "angle", "bool", "complex", "duration", "stretch", "array",
        "def", "defcal", "cal", "defcalgrammar", "extern", "return", "for", "while", "switch", "break", "continue", "end", "box", "delay", "pragma",
    ];

    private static readonly HashSet<string> Modifiers = ["ctrl", "negctrl", "inv", "pow"];

    /// <summary>Reads an OpenQASM 3 statement; false when the statement reads as in OpenQASM 2.</summary>
    private bool Version3Statement(QasmToken token)
    {
        if (token.Kind != QasmTokenKind.Identifier)
        {
            return false;
        }

        switch (token.Text)
        {
            case "qubit":
                Next();
                Declaration3(quantum: true);
                return true;
            case "bit":
                Next();
                Declaration3(quantum: false);
                return true;
            case "output":
                Next();
                ExpectWord("bit", "only a bit register can be an output here, e.g. 'output bit[2] c;'");
                Declaration3(quantum: false);
                return true;
            case "input":
                throw Error(token, "an 'input' parameter has no value to simulate with; bind it before exporting (Qiskit: assign_parameters) or write the number");
            case "gphase":
                GlobalPhase();
                return true;
            case "if":
                If3();
                return true;
        }

        RefuseOutsideSubset(token);
        if (_cregs.ContainsKey(token.Text))
        {
            MeasureAssignment();
            return true;
        }

        return false;
    }

    private void RefuseOutsideSubset(QasmToken token)
    {
        if (OutsideSubset.Contains(token.Text))
        {
            throw Error(token, $"'{token.Text}' is outside the OpenQASM 3 subset read here (qubit and bit declarations, gate definitions and calls, " +
                "measure, reset, barrier, if/else on bits); export the circuit with its parameters bound and without classical code");
        }

        if (Modifiers.Contains(token.Text))
        {
            throw Error(token, $"the gate modifier '{token.Text} @' is not supported; call the controlled or inverse gate by name (cx, ccx, crx, cp, sdg, tdg, ...) " +
                "or define it with 'gate'");
        }
    }

    /// <summary>After 'qubit' or 'bit': [n] name; or name; (one qubit or bit).</summary>
    private void Declaration3(bool quantum)
    {
        var sizeToken = Peek();
        var size = 1L;
        if (Peek().Is("["))
        {
            Next();
            sizeToken = Peek();
            size = Integer("the register size");
            Expect("]");
        }

        var name = Identifier("a register name");
        if (Peek().Is("="))
        {
            throw Error(Peek(), $"'{name.Text}' is initialised in its declaration; declare it alone and assign it with measure");
        }

        Expect(";");
        Declare(quantum, name, sizeToken, size);
    }

    /// <summary>c[i] = measure q[j]; or c = measure q;</summary>
    private void MeasureAssignment()
    {
        var at = Peek();
        var bits = Bits();
        Expect("=");
        ExpectWord("measure", "only a measurement can be assigned to a bit register here, e.g. 'c[0] = measure q[0];'");
        var qubits = Operand();
        Expect(";");
        AddMeasurements(at, qubits, bits);
    }

    /// <summary>gphase(θ); multiplies the state by e^{iθ}, which no probability or outcome sees.</summary>
    private void GlobalPhase()
    {
        Next();
        if (Peek().Is("("))
        {
            Evaluate(ExpressionList(null), new Dictionary<string, double>());
        }

        Expect(";");
    }

    private void If3()
    {
        var at = Next();
        Expect("(");
        var negate = Peek().Is("!");
        if (negate)
        {
            Next();
        }

        var creg = Identifier("a bit register");
        if (!_cregs.TryGetValue(creg.Text, out var register))
        {
            throw Error(creg, $"'{creg.Text}' is not a declared {ClassicalWord}; declare it with {ClassicalDeclaration(creg.Text)}");
        }

        var bit = -1;
        if (Peek().Is("["))
        {
            Next();
            var indexToken = Peek();
            var index = Integer("a bit index");
            Expect("]");
            bit = index < register.Size ? (int)index
                : throw Error(indexToken, $"{creg.Text}[{indexToken.Text}] is out of range; the {ClassicalWord} has {register.Size} bits");
        }

        long value;
        if (!negate && Peek().Is("=="))
        {
            Next();
            value = Integer("the value to compare with");
        }
        else
        {
            if (bit < 0 && register.Size != 1)
            {
                throw Error(creg, $"'{creg.Text}' has {register.Size} bits; test one bit ('{creg.Text}[0]') or compare the register with a number ('{creg.Text} == 3')");
            }

            (bit, value) = (Math.Max(bit, 0), negate ? 0 : 1);
        }

        Expect(")");
        var condition = new QasmCondition(register.Index, value, at) { Bit = bit };
        Branch(condition);
        if (Peek().Is("else"))
        {
            Next();
            Branch(condition with { Negated = true });
        }
    }

    /// <summary>One statement or a '{ }' block, every step under <paramref name="condition"/>.</summary>
    private void Branch(QasmCondition condition)
    {
        _condition = condition;
        try
        {
            if (!Peek().Is("{"))
            {
                ConditionedStatement();
                return;
            }

            Next();
            while (!Peek().Is("}"))
            {
                if (Peek().Kind == QasmTokenKind.End)
                {
                    throw Error(Peek(), "missing '}' at the end of the if block");
                }

                ConditionedStatement();
            }

            Next();
        }
        finally
        {
            _condition = null;
        }
    }

    /// <summary>OpenQASM 3 spellings of qelib1 gates: phase = p, cphase = cp.</summary>
    private string Alias(string name) => _version != 3 ? name : name switch
    {
        "phase" => "p",
        "cphase" => "cp",
        _ => name,
    };
}
