using System.Globalization;
using System.Text;

namespace NasPlatform.Eda.Parsing;

/// <summary>
/// LEF/DEF words in order. Words are separated by white space; ';', '(' and ')' are words of their own
/// (outside quotes) so "x;" and "x ;" read alike; '#' starts a comment to the end of the line.
/// </summary>
public sealed class TokenReader
{
    private readonly List<Token> _tokens;
    private int _next;

    private TokenReader(string file, List<Token> tokens)
    {
        File = file;
        _tokens = tokens;
    }

    public string File { get; }

    public bool AtEnd => _next >= _tokens.Count;

    public int Line => _next < _tokens.Count ? _tokens[_next].Line : (_tokens.Count > 0 ? _tokens[^1].Line : 1);

    public static TokenReader Open(string path) => FromText(path, System.IO.File.ReadAllText(path));

    public static TokenReader FromText(string file, string text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var line = 1;
        var wordLine = 1;
        var quoted = false;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(new Token(word.ToString(), wordLine));
                word.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                word.Append(c);
                if (c == '"')
                {
                    quoted = false;
                    Flush();
                }
                else if (c == '\n')
                {
                    line++;
                }

                continue;
            }

            switch (c)
            {
                case '\n':
                    Flush();
                    line++;
                    break;
                case '#' when word.Length == 0:
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                        i++;
                    break;
                case '"' when word.Length == 0:
                    wordLine = line;
                    word.Append(c);
                    quoted = true;
                    break;
                case ';' or '(' or ')':
                    Flush();
                    tokens.Add(new Token(c.ToString(), line));
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        Flush();
                    }
                    else
                    {
                        if (word.Length == 0)
                            wordLine = line;
                        word.Append(c);
                    }

                    break;
            }
        }

        if (quoted)
            throw new LefDefFormatException(file, wordLine, "a quoted string is not closed; add the closing '\"'.");
        Flush();
        return new TokenReader(file, tokens);
    }

    public Token Peek() => AtEnd ? throw Error("the file ends early; it is cut short or a section lacks its END line.") : _tokens[_next];

    public string PeekText() => AtEnd ? string.Empty : _tokens[_next].Text;

    /// <summary>The word <paramref name="ahead"/> places after the next one (0: the next), or "" past the end.</summary>
    public string PeekText(int ahead) => _next + ahead < _tokens.Count ? _tokens[_next + ahead].Text : string.Empty;

    public bool PeekIs(string text) => !AtEnd && string.Equals(_tokens[_next].Text, text, StringComparison.OrdinalIgnoreCase);

    public Token Next()
    {
        var token = Peek();
        _next++;
        return token;
    }

    public string NextText() => Next().Text;

    public void Expect(string text)
    {
        var token = Next();
        if (!string.Equals(token.Text, text, StringComparison.OrdinalIgnoreCase))
            throw new LefDefFormatException(File, token.Line, $"expected '{text}' but found '{token.Text}'.");
    }

    public bool Accept(string text)
    {
        if (!PeekIs(text))
            return false;
        _next++;
        return true;
    }

    public double NextNumber(string what)
    {
        var token = Next();
        if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new LefDefFormatException(File, token.Line, $"expected a number for {what} but found '{token.Text}'.");
        return value;
    }

    public int NextInteger(string what)
    {
        var token = Next();
        if (!int.TryParse(token.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new LefDefFormatException(File, token.Line, $"expected a whole number for {what} but found '{token.Text}'.");
        return value;
    }

    /// <summary>Skips to just after the next ';'.</summary>
    public void SkipStatement()
    {
        while (!AtEnd && _tokens[_next].Text != ";")
            _next++;
        if (AtEnd)
            throw Error("a statement is not closed with ';'.");
        _next++;
    }

    /// <summary>Skips a block up to and including "END <paramref name="name"/>".</summary>
    public void SkipBlock(string name, int startLine)
    {
        while (!AtEnd)
        {
            var token = _tokens[_next++];
            if (string.Equals(token.Text, "END", StringComparison.OrdinalIgnoreCase)
                && !AtEnd && string.Equals(_tokens[_next].Text, name, StringComparison.Ordinal))
            {
                _next++;
                return;
            }
        }

        throw new LefDefFormatException(File, startLine, $"'{name}' starting here has no 'END {name}'.");
    }

    public LefDefFormatException Error(string message) => new(File, Line, message);

    public LefDefFormatException Error(Token at, string message) => new(File, at.Line, message);
}
