using System.Text;
using System.Text.RegularExpressions;

namespace NasPlatform.Architecture.Tests;

/// <summary>One method of a source file: its name, the line its declaration starts on and how many lines it spans.</summary>
internal sealed record MethodSpan(string Name, int StartLine, int Lines);

/// <summary>
/// Finds the methods of a C# file by brace matching, with no compiler: simple enough to read in one sitting, exact
/// enough for a size rule. The method:
/// <list type="number">
/// <item>Comments, string and character literals (raw, verbatim and interpolated included) and preprocessor lines are
/// blanked out, newlines kept, so braces and semicolons inside them do not count.</item>
/// <item>Walking the text, every <c>{</c>, <c>}</c> and <c>;</c> ends a "header": the text since the previous one.</item>
/// <item>Outside any method, a header that ends in a parameter list (<c>Name(...)</c>, optionally followed by
/// <c>where</c> constraints or <c>: base(...)</c>) and is no type declaration or statement opens a method at its
/// <c>{</c>; the method ends at the matching <c>}</c>. A header <c>Name(...) =&gt;</c> opens an expression-bodied
/// method, which ends at the <c>;</c> that closes it at the same brace depth.</item>
/// <item>A method spans from the line its header starts on (attributes included, doc comments not) to the line of
/// its closing brace or semicolon. Local functions and lambdas count as part of the method around them.</item>
/// </list>
/// Operators and indexers are not found (their headers end otherwise); no method of this repository is one.
/// </summary>
internal static partial class MethodSpans
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "for", "foreach", "while", "switch", "catch", "using", "lock", "fixed", "else", "do", "try", "finally",
        "checked", "unchecked", "unsafe", "return", "new", "when", "nameof", "typeof", "sizeof", "default",
    };

    /// <summary>The methods declared in <paramref name="source"/>, in the order their bodies close.</summary>
    public static IReadOnlyList<MethodSpan> Find(string source)
    {
        var text = Blank(source);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                lineStarts.Add(i + 1);
        }

        int LineOf(int position)
        {
            var index = lineStarts.BinarySearch(position);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        var found = new List<MethodSpan>();
        var braces = new Stack<(string? Method, int StartLine)>();
        (int Depth, string Name, int StartLine)? expressionBodied = null;
        var methodsOpen = 0;
        var headerFrom = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('{' or '}' or ';'))
                continue;
            var raw = text[headerFrom..i];
            var headerLine = LineOf(headerFrom + (raw.Length - raw.TrimStart().Length));
            var header = Whitespace().Replace(raw, " ").Trim();
            var atMemberLevel = methodsOpen == 0 && expressionBodied is null;
            if (c == '{')
            {
                string? method = null;
                if (atMemberLevel && SplitArrow(header) is { } signature)
                {
                    if (MethodName(signature) is { } name)
                        expressionBodied = (braces.Count, name, headerLine);
                }
                else if (atMemberLevel)
                {
                    method = MethodName(header);
                }

                braces.Push((method, headerLine));
                if (method is not null)
                    methodsOpen++;
            }
            else if (c == '}' && braces.TryPop(out var open) && open.Method is not null)
            {
                methodsOpen--;
                found.Add(new MethodSpan(open.Method, open.StartLine, LineOf(i) - open.StartLine + 1));
            }
            else if (c == ';' && expressionBodied is { } pending && pending.Depth == braces.Count)
            {
                expressionBodied = null;
                found.Add(new MethodSpan(pending.Name, pending.StartLine, LineOf(i) - pending.StartLine + 1));
            }
            else if (c == ';' && atMemberLevel && SplitArrow(header) is { } signature && MethodName(signature) is { } name)
            {
                found.Add(new MethodSpan(name, headerLine, LineOf(i) - headerLine + 1));
            }

            headerFrom = i + 1;
        }

        return found;
    }

    /// <summary>The part of a header before its first <c>=&gt;</c>, or null when it has none.</summary>
    private static string? SplitArrow(string header)
    {
        var arrow = header.IndexOf("=>", StringComparison.Ordinal);
        return arrow < 0 ? null : header[..arrow].TrimEnd();
    }

    /// <summary>The method's name when <paramref name="header"/> declares a method or constructor; otherwise null.</summary>
    private static string? MethodName(string header)
    {
        header = Constraints().Replace(header, "");
        header = ConstructorChain().Replace(header, ")");
        if (!header.EndsWith(')') || TypeDeclaration().IsMatch(header))
            return null;
        var depth = 0;
        var open = header.Length - 1;
        for (; open >= 0; open--)
        {
            depth += header[open] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
                break;
        }

        var beforeParameters = header[..Math.Max(open, 0)];
        var name = NameAtEnd().Match(beforeParameters);
        if (!name.Success || Keywords.Contains(name.Groups[1].Value) || beforeParameters.Contains('=', StringComparison.Ordinal))
            return null;
        // A declaration has a return type or modifier before the name; a call statement or `return F(...)` does not.
        var before = beforeParameters[..name.Index].Trim();
        return before.Length == 0 || before.EndsWith('.') || StatementStart().IsMatch(before) ? null : name.Groups[1].Value;
    }

    /// <summary>The source with comments, literals and preprocessor lines blanked, newlines kept.</summary>
    internal static string Blank(string source)
    {
        source = PreprocessorLine().Replace(source, "");
        var text = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var end = LiteralOrCommentEnd(source, i);
            if (end == i)
            {
                text.Append(source[i++]);
                continue;
            }

            // Keep a literal's place (so `x = "a"` still reads as an assignment) and its newlines (so lines still count).
            if (source[i] != '/')
                text.Append("\"\"");
            text.Append('\n', source.AsSpan(i, end - i).Count('\n'));
            i = end;
        }

        return text.ToString();
    }

    /// <summary>Where the comment or literal starting at <paramref name="i"/> ends; <paramref name="i"/> when none starts there.</summary>
    private static int LiteralOrCommentEnd(string s, int i)
    {
        if (At(s, i, "//"))
            return s.IndexOf('\n', i) is var newline and >= 0 ? newline : s.Length;
        if (At(s, i, "/*"))
            return s.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : s.Length;
        var prefix = i;
        while (prefix < s.Length && s[prefix] is '$' or '@')
            prefix++;
        var verbatim = s.AsSpan(i, prefix - i).Contains('@');
        if (prefix < s.Length && s[prefix] == '"')
        {
            if (At(s, prefix, "\"\"\""))
                return RawStringEnd(s, prefix);
            return verbatim ? VerbatimStringEnd(s, prefix + 1) : RegularStringEnd(s, prefix + 1, interpolated: prefix > i);
        }

        if (prefix == i && s[i] == '\'')
        {
            var close = s.IndexOf('\'', s[Math.Min(i + 1, s.Length - 1)] == '\\' ? i + 3 : i + 2);
            return close > i && close - i <= 10 ? close + 1 : i;
        }

        return i;
    }

    private static int RawStringEnd(string s, int quotes)
    {
        var count = 0;
        while (quotes + count < s.Length && s[quotes + count] == '"')
            count++;
        var close = s.IndexOf(new string('"', count), quotes + count, StringComparison.Ordinal);
        return close < 0 ? s.Length : close + count;
    }

    private static int VerbatimStringEnd(string s, int j)
    {
        for (; j < s.Length; j++)
        {
            if (s[j] != '"')
                continue;
            if (j + 1 < s.Length && s[j + 1] == '"')
                j++;
            else
                return j + 1;
        }

        return s.Length;
    }

    private static int RegularStringEnd(string s, int j, bool interpolated)
    {
        var holes = 0;
        for (; j < s.Length; j++)
        {
            if (s[j] == '\\')
            {
                j++;
            }
            else if (holes > 0 && LiteralOrCommentEnd(s, j) is var nested && nested > j)
            {
                // A string inside an interpolation hole, whose braces and quotes are its own.
                j = nested - 1;
            }
            else if (interpolated && At(s, j, "{{"))
            {
                j++;
            }
            else if (interpolated && s[j] is '{' or '}')
            {
                holes = Math.Max(0, holes + (s[j] == '{' ? 1 : -1));
            }
            else if (s[j] == '"' && holes == 0)
            {
                return j + 1;
            }
        }

        return s.Length;
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?m)^[ \t]*#.*$")]
    private static partial Regex PreprocessorLine();

    [GeneratedRegex(@"\s*\bwhere\s+\w+\s*:.*$")]
    private static partial Regex Constraints();

    [GeneratedRegex(@"\)\s*:\s*(base|this)\s*\(.*\)$")]
    private static partial Regex ConstructorChain();

    [GeneratedRegex(@"\b(class|struct|record|interface|enum|namespace)\b")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"([\w@]+)\s*(<[^()]*>)?\s*$")]
    private static partial Regex NameAtEnd();

    [GeneratedRegex(@"^(return|await|yield|throw)\b")]
    private static partial Regex StatementStart();
}
