using System.Globalization;
using System.Numerics;

namespace NasPlatform.Quantum.Simulator.Qasm;

internal sealed class QasmParser
{
    private const string Supported =
        "id x y z h s sdg t tdg sx sxdg rx ry rz p u1 u2 u3 u U cx CX cz cy ch swap crx cry crz cp cu1 cu3 rxx ryy rzz";

    private static readonly HashSet<string> Functions = ["sin", "cos", "tan", "exp", "ln", "sqrt"];

    private readonly List<QasmToken> _tokens;
    private readonly string _source;
    private readonly bool _parameterize;
    private readonly Dictionary<string, (int Offset, int Size)> _qregs = [];
    private readonly HashSet<string> _cregs = [];
    private readonly Dictionary<string, GateDefinition> _gates = [];
    private readonly List<GateOp> _ops = [];
    private readonly List<double> _parameters = [];
    private int _qubits;
    private int _measurements;
    private int _pos;

    public QasmParser(string text, string source, bool parameterize)
    {
        ArgumentNullException.ThrowIfNull(text);
        _source = source;
        _parameterize = parameterize;
        _tokens = QasmLexer.Tokenize(text, source);
    }

    public QasmImportResult Parse()
    {
        ExpectWord("OPENQASM", "a file starts with 'OPENQASM 2.0;'");
        var version = Next();
        if (version.Kind is not (QasmTokenKind.Real or QasmTokenKind.Integer) || !version.Text.StartsWith('2'))
        {
            throw Error(version, $"version {version.Text} is not supported; this importer reads OpenQASM 2.0");
        }

        Expect(";");
        while (Peek().Kind != QasmTokenKind.End)
        {
            Statement();
        }

        if (_qubits == 0)
        {
            throw Error(Peek(), "no qreg declared; add e.g. 'qreg q[4];'");
        }

        var circuit = new Circuit(_qubits);
        circuit.AddRange(_ops);
        return new QasmImportResult(circuit, [.. _parameters], _measurements);
    }

    private QasmToken Peek() => _tokens[_pos];

    private QasmToken Next() => _tokens[_pos++];

    private QasmToken Expect(string symbol)
    {
        var token = Next();
        if (!token.Is(symbol))
        {
            throw Error(token, $"expected '{symbol}', found {token}");
        }

        return token;
    }

    private void ExpectWord(string word, string hint)
    {
        var token = Next();
        if (!token.Is(word))
        {
            throw Error(token, $"expected '{word}', found {token}; {hint}");
        }
    }

    private QasmToken Identifier(string what)
    {
        var token = Next();
        if (token.Kind != QasmTokenKind.Identifier)
        {
            throw Error(token, $"expected {what}, found {token}");
        }

        return token;
    }

    private int Integer(string what)
    {
        var token = Next();
        if (token.Kind != QasmTokenKind.Integer)
        {
            throw Error(token, $"expected {what} (a whole number), found {token}");
        }

        return int.Parse(token.Text, CultureInfo.InvariantCulture);
    }

    private QasmException Error(QasmToken at, string problem) => new(_source, at.Line, at.Column, problem);

    private void Statement()
    {
        var token = Peek();
        switch (token.Text)
        {
            case "include":
            {
                Next();
                var file = Next();
                if (file.Kind != QasmTokenKind.String || file.Text != "qelib1.inc")
                {
                    throw Error(file, $"only \"qelib1.inc\" can be included (found {file})");
                }

                Expect(";");
                return;
            }

            case "qreg":
            case "creg":
            {
                Next();
                var name = Identifier("a register name");
                Expect("[");
                var size = Integer("the register size");
                Expect("]");
                Expect(";");
                if (_qregs.ContainsKey(name.Text) || _cregs.Contains(name.Text))
                {
                    throw Error(name, $"register '{name.Text}' is declared twice");
                }

                if (token.Text == "creg")
                {
                    _cregs.Add(name.Text);
                    return;
                }

                if (size < 1 || _qubits + size > StateVector.MaxQubits)
                {
                    throw Error(name, $"qreg {name.Text}[{size}] gives {_qubits + size} qubits; the simulator holds 1 to {StateVector.MaxQubits}");
                }

                _qregs[name.Text] = (_qubits, size);
                _qubits += size;
                return;
            }

            case "gate":
                Next();
                GateDeclaration();
                return;
            case "barrier":
                SkipStatement();
                return;
            case "measure":
                _measurements++;
                SkipStatement();
                return;
            case "reset":
            case "if":
            case "opaque":
                throw Error(token, $"'{token.Text}' is not supported: the simulator imports unitary circuits only");
        }

        if (token.Kind != QasmTokenKind.Identifier)
        {
            throw Error(token, $"expected a statement, found {token}");
        }

        GateCall();
    }

    private void SkipStatement()
    {
        while (!Peek().Is(";"))
        {
            if (Peek().Kind == QasmTokenKind.End)
            {
                throw Error(Peek(), "missing ';'");
            }

            Next();
        }

        Next();
    }

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
            var at = Identifier("a gate in the body");
            if (at.Text == "barrier")
            {
                SkipStatement();
                continue;
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
                    throw Error(operand, $"'{operand.Text}' is not an argument of gate {name.Text}");
                }
            }

            body.Add(new BodyOp(at, args, operands.Select(o => o.Text).ToList()));
        }

        Next();
        _gates[name.Text] = new GateDefinition(parameters, qubits, body);
    }

    private List<QasmExpression> ExpressionList(IReadOnlyCollection<string>? variables)
    {
        Expect("(");
        var list = new List<QasmExpression>();
        while (!Peek().Is(")"))
        {
            list.Add(Expression(variables));
            if (!Peek().Is(")"))
            {
                Expect(",");
            }
        }

        Next();
        return list;
    }

    private void GateCall()
    {
        var name = Next();
        var parameters = Peek().Is("(")
            ? ExpressionList(null).Select(e => e.Evaluate(new Dictionary<string, double>())).ToArray()
            : [];
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
            Apply(name, parameters, qubits, 0);
        }
    }

    /// <summary>reg[i] (size 1) or a whole register (size = register size).</summary>
    private (int Offset, int Size, QasmToken At) Operand()
    {
        var reg = Identifier("a qubit such as q[0]");
        if (!_qregs.TryGetValue(reg.Text, out var register))
        {
            throw Error(reg, $"'{reg.Text}' is not a declared qreg");
        }

        if (!Peek().Is("["))
        {
            return (register.Offset, register.Size, reg);
        }

        Next();
        var index = Integer("a qubit index");
        Expect("]");
        if (index >= register.Size)
        {
            throw Error(reg, $"{reg.Text}[{index}] is out of range; the register has {register.Size} qubits");
        }

        return (register.Offset + index, 1, reg);
    }

    private void Apply(QasmToken at, double[] parameters, int[] qubits, int depth)
    {
        if (qubits.Distinct().Count() != qubits.Length)
        {
            throw Error(at, $"{at.Text} is applied to the same qubit twice");
        }

        if (Native(at.Text, parameters, qubits, at))
        {
            return;
        }

        if (!_gates.TryGetValue(at.Text, out var definition))
        {
            throw Error(at, $"unknown gate '{at.Text}'; supported: {Supported}, or define it with 'gate'");
        }

        if (depth > 64)
        {
            throw Error(at, $"gate {at.Text} expands recursively");
        }

        if (definition.Parameters.Count != parameters.Length || definition.Qubits.Count != qubits.Length)
        {
            throw Error(at, $"gate {at.Text} takes {definition.Parameters.Count} parameter(s) and {definition.Qubits.Count} qubit(s)");
        }

        var env = new Dictionary<string, double>();
        for (var k = 0; k < parameters.Length; k++)
        {
            env[definition.Parameters[k]] = parameters[k];
        }

        foreach (var op in definition.Body)
        {
            var values = op.Parameters.Select(e => e.Evaluate(env)).ToArray();
            var mapped = op.Qubits.Select(a => qubits[definition.Qubits.IndexOf(a)]).ToArray();
            Apply(op.At, values, mapped, depth + 1);
        }
    }

    /// <summary>Emits a gate this simulator knows; false when the name is not native.</summary>
    private bool Native(string name, double[] p, int[] q, QasmToken at)
    {
        void Need(int parameters, int qubits)
        {
            if (p.Length != parameters || q.Length != qubits)
            {
                throw Error(at, $"{name} takes {parameters} parameter(s) and {qubits} qubit(s), got {p.Length} and {q.Length}");
            }
        }

        void Emit(GateKind kind, params double[] angles)
        {
            var list = new Angle[angles.Length];
            for (var k = 0; k < angles.Length; k++)
            {
                if (_parameterize)
                {
                    list[k] = Angle.Parameter(_parameters.Count);
                    _parameters.Add(angles[k]);
                }
                else
                {
                    list[k] = Angle.Constant(angles[k]);
                }
            }

            _ops.Add(Circuit.MakeOp(kind, q[0], q.Length > 1 ? q[1] : -1, list, null));
        }

        void EmitMatrix(Complex[] entries)
        {
            var matrix = new ComplexMatrix(entries.Length == 4 ? 2 : 4, entries);
            _ops.Add(Circuit.MakeOp(entries.Length == 4 ? GateKind.Unitary1 : GateKind.Unitary2, q[0], q.Length > 1 ? q[1] : -1, [], matrix));
        }

        Complex[] Controlled(GateKind target, params double[] angles)
        {
            var m = new Complex[16];
            Gates.Matrix2(GateKind.CRX, [0.0], m);
            Span<Complex> u = stackalloc Complex[4];
            Gates.Matrix1(target, angles, u);
            m[10] = u[0];
            m[11] = u[1];
            m[14] = u[2];
            m[15] = u[3];
            return m;
        }

        GateKind? simple = name switch
        {
            "id" => GateKind.I,
            "x" => GateKind.X,
            "y" => GateKind.Y,
            "z" => GateKind.Z,
            "h" => GateKind.H,
            "s" => GateKind.S,
            "sdg" => GateKind.Sdg,
            "t" => GateKind.T,
            "tdg" => GateKind.Tdg,
            "sx" => GateKind.SX,
            "rx" => GateKind.RX,
            "ry" => GateKind.RY,
            "rz" => GateKind.RZ,
            "p" or "u1" => GateKind.P,
            "u3" or "u" or "U" => GateKind.U3,
            "cx" or "CX" => GateKind.CNOT,
            "cz" => GateKind.CZ,
            "swap" => GateKind.SWAP,
            "crx" => GateKind.CRX,
            "cry" => GateKind.CRY,
            "crz" => GateKind.CRZ,
            "rxx" => GateKind.RXX,
            "ryy" => GateKind.RYY,
            "rzz" => GateKind.RZZ,
            _ => null,
        };
        if (simple is { } kind)
        {
            Need(Gates.AngleCount(kind), Gates.Arity(kind));
            Emit(kind, p);
            return true;
        }

        switch (name)
        {
            case "u2":
                Need(2, 1);
                Emit(GateKind.U3, Math.PI / 2, p[0], p[1]);
                return true;
            case "sxdg":
            {
                Need(0, 1);
                var m = new Complex[4];
                Gates.Matrix1(GateKind.SX, [], m);
                EmitMatrix([Complex.Conjugate(m[0]), Complex.Conjugate(m[2]), Complex.Conjugate(m[1]), Complex.Conjugate(m[3])]);
                return true;
            }

            case "cy":
                Need(0, 2);
                EmitMatrix(Controlled(GateKind.Y));
                return true;
            case "ch":
                Need(0, 2);
                EmitMatrix(Controlled(GateKind.H));
                return true;
            case "cp" or "cu1":
                Need(1, 2);
                EmitMatrix(Controlled(GateKind.P, p[0]));
                return true;
            case "cu3":
                Need(3, 2);
                EmitMatrix(Controlled(GateKind.U3, p[0], p[1], p[2]));
                return true;
            default:
                return false;
        }
    }

    private QasmExpression Expression(IReadOnlyCollection<string>? variables)
    {
        var left = Term(variables);
        while (Peek().Is("+") || Peek().Is("-"))
        {
            var op = Next().Text[0];
            left = new QasmExpression.Binary(op, left, Term(variables));
        }

        return left;
    }

    private QasmExpression Term(IReadOnlyCollection<string>? variables)
    {
        var left = Power(variables);
        while (Peek().Is("*") || Peek().Is("/"))
        {
            var op = Next().Text[0];
            left = new QasmExpression.Binary(op, left, Power(variables));
        }

        return left;
    }

    private QasmExpression Power(IReadOnlyCollection<string>? variables)
    {
        var baseValue = Unary(variables);
        if (Peek().Is("^"))
        {
            Next();
            return new QasmExpression.Binary('^', baseValue, Power(variables));
        }

        return baseValue;
    }

    private QasmExpression Unary(IReadOnlyCollection<string>? variables)
    {
        if (Peek().Is("-"))
        {
            Next();
            return new QasmExpression.Negate(Unary(variables));
        }

        if (Peek().Is("+"))
        {
            Next();
            return Unary(variables);
        }

        var token = Next();
        switch (token.Kind)
        {
            case QasmTokenKind.Real:
            case QasmTokenKind.Integer:
                return new QasmExpression.Number(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case QasmTokenKind.Identifier when token.Text == "pi":
                return new QasmExpression.Number(Math.PI);
            case QasmTokenKind.Identifier when Functions.Contains(token.Text):
            {
                Expect("(");
                var argument = Expression(variables);
                Expect(")");
                return new QasmExpression.Call(token.Text, argument);
            }

            case QasmTokenKind.Identifier when variables is not null && variables.Contains(token.Text):
                return new QasmExpression.Variable(token.Text, token);
            case QasmTokenKind.Symbol when token.Text == "(":
            {
                var inner = Expression(variables);
                Expect(")");
                return inner;
            }

            default:
                throw Error(token, $"expected a number, pi, a parameter or '(', found {token}");
        }
    }

    private sealed record BodyOp(QasmToken At, List<QasmExpression> Parameters, List<string> Qubits);

    private sealed record GateDefinition(List<string> Parameters, List<string> Qubits, List<BodyOp> Body);
}
