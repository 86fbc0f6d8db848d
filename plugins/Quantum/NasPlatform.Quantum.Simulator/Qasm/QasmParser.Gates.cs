namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>Gate definitions, gate calls with register broadcasting, expansion of defined gates and native gates.</summary>
internal sealed partial class QasmParser
{
    private const string Supported =
        "id x y z h s sdg t tdg sx sxdg rx ry rz p u1 u2 u3 u U cx CX cz cy ch swap crx cry crz cp cu1 cu3 rxx ryy rzz, " +
        "and from qelib1.inc ccx cswap c3x c3sqrtx c4x rccx rc3x csx cu u0 (OpenQASM 3 also: phase cphase gphase)";

    private void GateDeclaration()
    {
        var name = Identifier("a gate name");
        var parameters = new List<string>();
        if (Peek().Is("("))
        {
            Next();
            while (!Peek().Is(")"))
            {
                parameters.Add(Identifier("a parameter name").Text);
                if (!Peek().Is(")"))
                {
                    Expect(",");
                }
            }

            Next();
        }

        var qubits = new List<string> { Identifier("a qubit argument").Text };
        while (Peek().Is(","))
        {
            Next();
            qubits.Add(Identifier("a qubit argument").Text);
        }

        Expect("{");
        var body = new List<BodyOp>();
        while (!Peek().Is("}"))
        {
            var op = BodyStatement(name, parameters, qubits);
            if (op is not null)
            {
                body.Add(op);
            }
        }

        Next();
        _gates[name.Text] = new GateDefinition(parameters, qubits, body, _source);
    }

    private BodyOp? BodyStatement(QasmToken gate, List<string> parameters, List<string> qubits)
    {
        var at = Identifier("a gate in the body");
        if (at.Text == "barrier")
        {
            SkipStatement();
            return null;
        }

        if (_version == 3)
        {
            RefuseOutsideSubset(at);
            if (at.Text == "gphase")
            {
                // A global phase inside a definition stays global as long as no modifier controls the gate.
                ExpressionList(parameters);
                Expect(";");
                return null;
            }
        }

        var args = Peek().Is("(") ? ExpressionList(parameters) : [];
        var operands = new List<QasmToken> { Identifier("a qubit argument") };
        while (Peek().Is(","))
        {
            Next();
            operands.Add(Identifier("a qubit argument"));
        }

        Expect(";");
        foreach (var operand in operands)
        {
            if (!qubits.Contains(operand.Text))
            {
                throw Error(operand, $"'{operand.Text}' is not an argument of gate {gate.Text}");
            }
        }

        return new BodyOp(at, args, operands.Select(o => o.Text).ToList());
    }

    /// <summary>Parses a gate call and emits its gates, each a step under the current condition.</summary>
    private void GateCall()
    {
        var name = Next();
        _call = name;
        var parameters = Peek().Is("(") ? Evaluate(ExpressionList(null), new Dictionary<string, double>()) : [];
        var operands = new List<(int Offset, int Size, QasmToken At)> { Operand() };
        while (Peek().Is(","))
        {
            Next();
            operands.Add(Operand());
        }

        Expect(";");
        var broadcast = operands.Where(o => o.Size > 1).Select(o => o.Size).Distinct().ToList();
        if (broadcast.Count > 1)
        {
            throw Error(name, "registers of different sizes cannot be broadcast together");
        }

        var repeat = broadcast.Count == 0 ? 1 : broadcast[0];
        for (var k = 0; k < repeat; k++)
        {
            var qubits = operands.Select(o => o.Size > 1 ? o.Offset + k : o.Offset).ToArray();
            Apply(name, parameters, qubits, []);
        }
    }

    /// <summary>reg[i] (size 1) or a whole register (size = register size).</summary>
    private (int Offset, int Size, QasmToken At) Operand()
    {
        var reg = Identifier("a qubit such as q[0]");
        if (!_qregs.TryGetValue(reg.Text, out var register))
        {
            throw Error(reg, $"'{reg.Text}' is not a declared qreg; declare it with 'qreg {reg.Text}[n];'");
        }

        if (!Peek().Is("["))
        {
            return (register.Offset, register.Size, reg);
        }

        Next();
        var indexToken = Peek();
        var index = Integer("a qubit index");
        Expect("]");
        if (index >= register.Size)
        {
            throw Error(indexToken, $"{reg.Text}[{indexToken.Text}] is out of range; the register has {register.Size} qubits ({reg.Text}[0] to {reg.Text}[{register.Size - 1}])");
        }

        return (register.Offset + (int)index, 1, reg);
    }

    /// <summary>
    /// Emits a native gate or expands a defined one. An error inside a body is reported at the call
    /// (<paramref name="at"/>), with the body's line and column as context.
    /// </summary>
    private void Apply(QasmToken at, double[] parameters, int[] qubits, List<string> expanding)
    {
        if (qubits.Distinct().Count() != qubits.Length)
        {
            throw Error(at, $"{at.Text} is applied to the same qubit twice; give it distinct qubits");
        }

        if (Native(Alias(at.Text), parameters, qubits, at))
        {
            return;
        }

        if (!_gates.TryGetValue(at.Text, out var definition))
        {
            throw Error(at, $"unknown gate '{at.Text}'; supported: {Supported}, or define it with 'gate'");
        }

        if (expanding.Contains(at.Text))
        {
            throw Error(at, $"gate {at.Text} calls itself ({string.Join(" -> ", expanding)} -> {at.Text}); a gate body may use only gates defined before it");
        }

        if (definition.Parameters.Count != parameters.Length || definition.Qubits.Count != qubits.Length)
        {
            throw Error(at, $"gate {at.Text} takes {definition.Parameters.Count} parameter(s) and {definition.Qubits.Count} qubit(s), got {parameters.Length} and {qubits.Length}");
        }

        var env = new Dictionary<string, double>();
        for (var k = 0; k < parameters.Length; k++)
        {
            env[definition.Parameters[k]] = parameters[k];
        }

        expanding.Add(at.Text);
        foreach (var op in definition.Body)
        {
            try
            {
                var values = Evaluate(op.Parameters, env);
                var mapped = op.Qubits.Select(a => qubits[definition.Qubits.IndexOf(a)]).ToArray();
                Apply(op.At, values, mapped, expanding);
            }
            catch (QasmException inner)
            {
                throw Error(at, $"in the body of gate {at.Text} ({definition.Source} line {inner.Line}, column {inner.Column}): {inner.Problem}");
            }
        }

        expanding.RemoveAt(expanding.Count - 1);
    }

    private double[] Evaluate(List<QasmExpression> expressions, IReadOnlyDictionary<string, double> env)
    {
        try
        {
            return expressions.Select(e => e.Evaluate(env)).ToArray();
        }
        catch (QasmEvaluationException ex)
        {
            throw Error(ex.At, ex.Message);
        }
    }

    private sealed record BodyOp(QasmToken At, List<QasmExpression> Parameters, List<string> Qubits);

    private sealed record GateDefinition(List<string> Parameters, List<string> Qubits, List<BodyOp> Body, string Source);
}
