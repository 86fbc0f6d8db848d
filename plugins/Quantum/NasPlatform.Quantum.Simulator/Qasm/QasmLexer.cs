namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>Splits OpenQASM 2.0 text into tokens with line and column; skips // comments.</summary>
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

            var (startLine, startColumn, start) = (line, column, pos);
            if (char.IsLetter(c) || c == '_')
            {
                var end = pos;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                Advance(end - pos);
                tokens.Add(new QasmToken(QasmTokenKind.Identifier, text[start..pos], startLine, startColumn));
            }
            else if (char.IsDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsDigit(text[pos + 1])))
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

                Advance(end - pos);
                tokens.Add(new QasmToken(real ? QasmTokenKind.Real : QasmTokenKind.Integer, text[start..pos], startLine, startColumn));
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', pos + 1);
                if (end < 0)
                {
                    throw new QasmException(source, startLine, startColumn, "unterminated string; close it with \"");
                }

                Advance(end + 1 - pos);
                tokens.Add(new QasmToken(QasmTokenKind.String, text[(start + 1)..(pos - 1)], startLine, startColumn));
            }
            else if (c == '-' && pos + 1 < text.Length && text[pos + 1] == '>')
            {
                Advance(2);
                tokens.Add(new QasmToken(QasmTokenKind.Symbol, "->", startLine, startColumn));
            }
            else if (c == '=' && pos + 1 < text.Length && text[pos + 1] == '=')
            {
                Advance(2);
                tokens.Add(new QasmToken(QasmTokenKind.Symbol, "==", startLine, startColumn));
            }
            else if (";,()[]{}+-*/^".Contains(c))
            {
                Advance(1);
                tokens.Add(new QasmToken(QasmTokenKind.Symbol, c.ToString(), startLine, startColumn));
            }
            else
            {
                throw new QasmException(source, startLine, startColumn, $"unexpected character '{c}'");
            }
        }

        tokens.Add(new QasmToken(QasmTokenKind.End, string.Empty, line, column));
        return tokens;
    }
}
