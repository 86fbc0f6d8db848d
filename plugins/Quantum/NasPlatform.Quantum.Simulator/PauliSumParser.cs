using System.Globalization;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Reads "0.5 Z0 Z1 + 0.3 X2 - 1.0", "-0.5*X0*X1", or dense strings "0.17 ZZII". Whitespace and newlines
/// separate tokens; '#' starts a comment to the end of the line.
/// </summary>
internal sealed class PauliSumParser(string text, string source)
{
    private int _pos;

    /// <summary>Longest dense factor seen ("ZZII" → 4): the register the author had in mind.</summary>
    public int MaxDenseLength { get; private set; }

    public List<PauliTerm> Parse()
    {
        var terms = new List<PauliTerm>();
        SkipSpace();
        var sign = 1.0;
        if (Peek() is '+' or '-')
        {
            sign = Next() == '-' ? -1.0 : 1.0;
        }

        while (true)
        {
            terms.Add(ParseTerm(sign));
            SkipSpace();
            if (AtEnd)
            {
                break;
            }

            var c = Peek();
            if (c is not ('+' or '-'))
            {
                throw Error($"expected '+' or '-' between terms, found '{c}'");
            }

            sign = Next() == '-' ? -1.0 : 1.0;
        }

        return terms;
    }

    private bool AtEnd => _pos >= text.Length;

    private char Peek() => text[_pos];

    private char Next() => text[_pos++];

    private PauliTerm ParseTerm(double sign)
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("expected a term (a coefficient and/or Pauli factors such as Z0 or ZZII) after the sign");
        }

        var coefficient = 1.0;
        var sawNumber = false;
        if (char.IsDigit(Peek()) || Peek() == '.')
        {
            coefficient = ParseNumber();
            sawNumber = true;
            SkipSpace();
            if (!AtEnd && Peek() == '*')
            {
                _pos++;
                SkipSpace();
            }
        }

        var pauli = PauliString.Identity;
        var sawFactor = false;
        var used = 0UL;
        while (!AtEnd && "IXYZixyz".Contains(Peek(), StringComparison.Ordinal))
        {
            var start = _pos;
            var factor = ParseFactor();
            var support = factor.XMask | factor.ZMask;
            if ((support & used) != 0)
            {
                _pos = start;
                throw Error("a qubit appears twice in one term; write each qubit's Pauli once");
            }

            used |= support;
            pauli = pauli.Times(factor);
            sawFactor = true;
            SkipSpace();
            if (!AtEnd && Peek() == '*')
            {
                _pos++;
                SkipSpace();
            }
        }

        if (!sawNumber && !sawFactor)
        {
            throw Error($"expected a coefficient or a Pauli factor such as Z0 or ZZII, found '{Peek()}'");
        }

        return new PauliTerm(sign * coefficient, pauli);
    }

    private PauliString ParseFactor()
    {
        var start = _pos;
        var letter = Next();
        if (!AtEnd && char.IsDigit(Peek()))
        {
            var digits = _pos;
            while (!AtEnd && char.IsDigit(Peek()))
            {
                _pos++;
            }

            var qubit = int.Parse(text.AsSpan(digits, _pos - digits), CultureInfo.InvariantCulture);
            if (qubit >= 64)
            {
                _pos = start;
                throw Error($"qubit {qubit} is out of range; Pauli sums cover qubits 0..63");
            }

            return PauliString.Single(letter, qubit);
        }

        // Dense form: a run of I/X/Y/Z letters, qubit 0 first.
        while (!AtEnd && "IXYZixyz".Contains(Peek(), StringComparison.Ordinal))
        {
            _pos++;
        }

        if (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() == '_'))
        {
            throw Error($"'{Peek()}' cannot follow a Pauli factor; write factors as Z0 X3 or dense strings as ZZII");
        }

        MaxDenseLength = Math.Max(MaxDenseLength, _pos - start);
        return PauliString.FromDense(text[start.._pos]);
    }

    private double ParseNumber()
    {
        var start = _pos;
        while (!AtEnd && (char.IsDigit(Peek()) || Peek() == '.'))
        {
            _pos++;
        }

        if (!AtEnd && Peek() is 'e' or 'E')
        {
            _pos++;
            if (!AtEnd && Peek() is '+' or '-')
            {
                _pos++;
            }

            while (!AtEnd && char.IsDigit(Peek()))
            {
                _pos++;
            }
        }

        var token = text[start.._pos];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _pos = start;
            throw Error($"'{token}' is not a number");
        }

        return value;
    }

    private void SkipSpace()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Peek()))
            {
                _pos++;
            }
            else if (Peek() == '#')
            {
                while (!AtEnd && Peek() != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }
    }

    private FormatException Error(string message)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(_pos, text.Length); i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new FormatException($"{source}: line {line}, column {column}: {message}. Example: \"0.5 Z0 Z1 + 0.3 X2 - 1.0\".");
    }
}
