using System.Globalization;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Recursive-descent OpenQASM 2.0 reader. This file: the token cursor, the header, declarations and the
/// statement dispatch; gates are in QasmParser.Gates.cs, measure/reset/if in QasmParser.Classical.cs,
/// parameter expressions in QasmParser.Expressions.cs.
/// </summary>
internal sealed partial class QasmParser
{
    private List<QasmToken> _tokens;
    private string _source;
    private readonly bool _parameterize;
    private readonly Dictionary<string, (int Offset, int Size)> _qregs = [];
    private readonly Dictionary<string, int> _cregs = [];
    private readonly Dictionary<string, GateDefinition> _gates = [];
    private readonly List<GateOp> _ops = [];
    private readonly List<double> _parameters = [];
    private int _qubits;
    private int _measurements;
    private int _pos;

    public QasmParser(string text, string source, bool parameterize)
    {
        ArgumentNullException.ThrowIfNull(text);
        _parameterize = parameterize;
        _source = QasmLibrary.Source;
        _tokens = QasmLexer.Tokenize(QasmLibrary.Text, _source);
        while (Peek().Kind != QasmTokenKind.End)
        {
            ExpectWord("gate", "the built-in library holds gate definitions only");
            GateDeclaration();
        }

        _source = source;
        _tokens = QasmLexer.Tokenize(text, source);
        _pos = 0;
    }

    public QasmImportResult Parse()
    {
        Header();
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

    /// <summary>The OpenQASM 2.0 specification requires 'OPENQASM 2.0;' as the first statement.</summary>
    private void Header()
    {
        var first = Peek();
        if (!first.Is("OPENQASM"))
        {
            throw Error(first, $"the file does not start with 'OPENQASM 2.0;' (found {first}); the OpenQASM 2.0 specification requires this header " +
                "as the first statement, so add the line 'OPENQASM 2.0;' at the top");
        }

        Next();
        var version = Next();
        if (version.Kind is not (QasmTokenKind.Real or QasmTokenKind.Integer) || !version.Text.StartsWith('2'))
        {
            throw Error(version, $"version {version.Text} is not supported; this importer reads OpenQASM 2.0");
        }

        Expect(";");
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

    /// <summary>A whole number; one too large for a long reads as <see cref="long.MaxValue"/> so that range checks name it.</summary>
    private long Integer(string what)
    {
        var token = Next();
        if (token.Kind != QasmTokenKind.Integer)
        {
            throw Error(token, $"expected {what} (a whole number), found {token}");
        }

        return long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : long.MaxValue;
    }

    private QasmException Error(QasmToken at, string problem) => new(_source, at.Line, at.Column, problem);

    private void Statement()
    {
        var token = Peek();
        switch (token.Text)
        {
            case "include":
                Include();
                return;
            case "qreg":
            case "creg":
                Register();
                return;
            case "gate":
                Next();
                GateDeclaration();
                return;
            case "barrier":
                SkipStatement();
                return;
            case "measure":
                Measure();
                return;
            case "reset":
                Reset();
                return;
            case "if":
                If();
                return;
            case "opaque":
                throw Error(token, "an 'opaque' gate has no definition to simulate; declare it with 'gate name(params) qubits { ... }' instead");
        }

        if (token.Kind != QasmTokenKind.Identifier)
        {
            throw Error(token, $"expected a statement, found {token}");
        }

        GateCall(apply: true);
    }

    private void Include()
    {
        Next();
        var file = Next();
        if (file.Kind != QasmTokenKind.String || file.Text != "qelib1.inc")
        {
            throw Error(file, $"only \"qelib1.inc\" can be included (found {file}); paste other files' gate definitions into this one");
        }

        Expect(";");
    }

    private void Register()
    {
        var keyword = Next();
        var name = Identifier("a register name");
        Expect("[");
        var sizeToken = Peek();
        var size = Integer("the register size");
        Expect("]");
        Expect(";");
        if (_qregs.ContainsKey(name.Text) || _cregs.ContainsKey(name.Text))
        {
            throw Error(name, $"register '{name.Text}' is declared twice; rename one of them");
        }

        if (keyword.Text == "creg")
        {
            if (size < 1 || size > 64)
            {
                throw Error(sizeToken, $"creg {name.Text}[{sizeToken.Text}] must have 1 to 64 bits");
            }

            _cregs[name.Text] = (int)size;
            return;
        }

        if (size < 1 || _qubits + size > StateVector.MaxQubits)
        {
            throw Error(name, $"qreg {name.Text}[{sizeToken.Text}] gives {_qubits + Math.Min(size, int.MaxValue)} qubits; the simulator holds 1 to {StateVector.MaxQubits}");
        }

        _qregs[name.Text] = (_qubits, (int)size);
        _qubits += (int)size;
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
}
