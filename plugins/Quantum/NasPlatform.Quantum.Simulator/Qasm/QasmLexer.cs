namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>Splits OpenQASM 2.0 or 3 text into tokens with line and column; skips // and /* */ comments.</summary>
internal static class QasmLexer
{
    public static List<QasmToken> Tokenize(string text, string source)
    {
        var tokens = new List<QasmToken>();
        int pos = 0, line = 1, column = 1;

        void Advance(int count)
        {
            for (var k = 0; k < count; k++)
            {
                if (text[pos] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }

                pos++;
            }
        }

        while (pos < text.Length)
        {
            var c = text[pos];
            if (char.IsWhiteSpace(c))
            {
                Advance(1);
                continue;
            }

            if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    Advance(1);
                }

                continue;
            }

            if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '*')
            {
                var end = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new QasmException(source, line, column, "unterminated comment: '/*' has no '*/'; close it");
                }

                Advance(end + 2 - pos);
                continue;
            }

            var (startLine, startColumn, start) = (line, column, pos);
            var (kind, length) = Scan(text, pos, source, line, column);
            Advance(length);
            var tokenText = kind == QasmTokenKind.String ? text[(start + 1)..(pos - 1)] : text[start..pos];
            tokens.Add(new QasmToken(kind, tokenText, startLine, startColumn));
        }

        tokens.Add(new QasmToken(QasmTokenKind.End, string.Empty, line, column));
        return tokens;
    }

    /// <summary>The kind and length of the token starting at <paramref name="pos"/> (not whitespace or a comment).</summary>
    private static (QasmTokenKind Kind, int Length) Scan(string text, int pos, string source, int line, int column)
    {
        var c = text[pos];
        if (char.IsLetter(c) || c == '_')
        {
            var end = pos;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            return (QasmTokenKind.Identifier, end - pos);
        }

        if (char.IsDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsDigit(text[pos + 1])))
        {
            var (end, real) = NumberEnd(text, pos);
            CheckNumber(text[pos..end], source, line, column);
            return (real ? QasmTokenKind.Real : QasmTokenKind.Integer, end - pos);
        }

        if (c == '"')
        {
            var end = text.IndexOf('"', pos + 1);
            return end >= 0
                ? (QasmTokenKind.String, end + 1 - pos)
                : throw new QasmException(source, line, column, "unterminated string; close it with \"");
        }

        // Two-character symbols: -> (measure), == (if), ** (OpenQASM 3 power), != (not used, but named in errors).
        var pair = pos + 1 < text.Length ? text.Substring(pos, 2) : string.Empty;
        if (pair is "->" or "==" or "**" or "!=")
        {
            return (QasmTokenKind.Symbol, 2);
        }

        return ";,()[]{}+-*/^=!@:".Contains(c)
            ? (QasmTokenKind.Symbol, 1)
            : throw new QasmException(source, line, column, $"unexpected character '{c}'");
    }

    /// <summary>Where the number starting at <paramref name="pos"/> ends, and whether it is a real ('.' or an exponent).</summary>
    private static (int End, bool Real) NumberEnd(string text, int pos)
    {
        var end = pos;
        var real = false;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
        {
            real |= text[end] == '.';
            end++;
        }

        if (end < text.Length && text[end] is 'e' or 'E')
        {
            real = true;
            end++;
            if (end < text.Length && text[end] is '+' or '-')
            {
                end++;
            }

            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }
        }

        return (end, real);
    }

    /// <summary>A real has at most one '.', an exponent has digits, and the value fits a double.</summary>
    private static void CheckNumber(string number, string source, int line, int column)
    {
        var e = number.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? number : number[..e];
        if (mantissa.Count(ch => ch == '.') > 1)
        {
            throw new QasmException(source, line, column, $"malformed number '{number}': a real has one '.', e.g. 1.25");
        }

        if (e >= 0 && !char.IsDigit(number[^1]))
        {
            throw new QasmException(source, line, column, $"malformed number '{number}': the exponent needs digits, e.g. {mantissa}e3 or {mantissa}e-3");
        }

        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new QasmException(source, line, column, $"number '{number}' does not fit a double (at most about 1.8e308); write a smaller number");
        }
    }
}
