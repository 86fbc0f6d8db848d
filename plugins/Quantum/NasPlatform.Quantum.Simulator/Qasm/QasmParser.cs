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
    private readonly Dictionary<string, (int Offset, int Size)> _qregs = [];
    private readonly Dictionary<string, (int Index, int Size)> _cregs = [];
    private readonly List<QasmRegister> _quantum = [];
    private readonly List<QasmRegister> _classical = [];
    private readonly Dictionary<string, GateDefinition> _gates = [];
    private readonly List<QasmStep> _steps = [];
    private int _qubits;
    private int _version = 2;
    private int _measurements;
    private int _pos;

    public QasmParser(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    public QasmProgram Parse()
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

        return new QasmProgram(_source, _version, _quantum, _classical, _steps, _measurements);
    }

    /// <summary>Both specifications require 'OPENQASM 2.0;' or 'OPENQASM 3.0;' ('OPENQASM 3;') as the first statement; it sets the version read.</summary>
    private void Header()
    {
        var first = Peek();
        if (!first.Is("OPENQASM"))
        {
            throw Error(first, $"the file does not start with 'OPENQASM 2.0;' (found {first}); the OpenQASM 2.0 specification requires this header " +
                "as the first statement, so add the line 'OPENQASM 2.0;' at the top ('OPENQASM 3.0;' for an OpenQASM 3 file)");
        }

        Next();
        var version = Next();
        var major = version.Kind is QasmTokenKind.Real or QasmTokenKind.Integer ? version.Text.Split('.')[0] : string.Empty;
        if (major is not ("2" or "3"))
        {
            throw Error(version, $"version {version.Text} is not supported; this importer reads OpenQASM 2.0 and 3");
        }

        _version = major == "2" ? 2 : 3;
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
        if (_version == 3 && Version3Statement(token))
        {
            return;
        }

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

        GateCall();
    }

    private void Include()
    {
        Next();
        var file = Next();
        var known = _version == 3 ? file.Text is "stdgates.inc" or "qelib1.inc" : file.Text == "qelib1.inc";
        if (file.Kind != QasmTokenKind.String || !known)
        {
            throw Error(file, $"only \"{(_version == 3 ? "stdgates.inc" : "qelib1.inc")}\" can be included (found {file}); paste other files' gate definitions into this one");
        }

        Expect(";");
    }

    /// <summary>qreg name[n]; or creg name[n];</summary>
    private void Register()
    {
        var keyword = Next();
        var name = Identifier("a register name");
        Expect("[");
        var sizeToken = Peek();
        var size = Integer("the register size");
        Expect("]");
        Expect(";");
        Declare(keyword.Text == "qreg", name, sizeToken, size);
    }

    /// <summary>Adds a register; qubit registers are laid out one after another.</summary>
    private void Declare(bool quantum, QasmToken name, QasmToken sizeToken, long size)
    {
        if (_qregs.ContainsKey(name.Text) || _cregs.ContainsKey(name.Text))
        {
            throw Error(name, $"register '{name.Text}' is declared twice; rename one of them");
        }

        if (!quantum)
        {
            if (size < 1 || size > 64)
            {
                throw Error(sizeToken, $"{ClassicalWord} {name.Text} of {sizeToken.Text} bits: a classical register here has 1 to 64 bits");
            }

            _cregs[name.Text] = (_classical.Count, (int)size);
            _classical.Add(new QasmRegister(name.Text, _classical.Sum(r => r.Size), (int)size));
            return;
        }

        if (size < 1 || _qubits + size > StateVector.MaxQubits)
        {
            throw Error(name, $"qubit register {name.Text}[{sizeToken.Text}] gives {_qubits + Math.Min(size, int.MaxValue)} qubits; the simulator holds 1 to {StateVector.MaxQubits}");
        }

        _qregs[name.Text] = (_qubits, (int)size);
        _quantum.Add(new QasmRegister(name.Text, _qubits, (int)size));
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
