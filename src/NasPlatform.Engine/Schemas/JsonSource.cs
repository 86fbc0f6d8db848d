using NasPlatform.Abstractions;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// Parses JSON files people write (experiment files, plugin manifests) keeping line and column of
/// every token, so later schema problems can point into the file. Dates stay strings, comments are
/// allowed, duplicate property names are an error (the second would silently win otherwise), and
/// numbers .NET cannot hold keep their text (<see cref="OversizedNumbers"/>).
/// </summary>
public static partial class JsonSource
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    /// <summary>Parses <paramref name="text"/>; on a syntax error returns false with the problem's place.</summary>
    public static bool TryParse(string text, out JToken? token, out SchemaProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        token = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Newtonsoft places this at line 0, a line no editor has.
            problem = new SchemaProblem("$", 1, 1, "invalid JSON: the file is empty; expected a JSON document");
            return false;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
            };
            var parsed = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException($"Unexpected content after the end of the JSON document: {reader.TokenType}.", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }

            AnnotateStarts(parsed, text);
            OversizedNumbers.Normalize(parsed);

            // Newtonsoft reads "key": , as an undefined value instead of failing; JSON has no such value.
            var missing = parsed is JContainer all ? all.DescendantsAndSelf().FirstOrDefault(t => t.Type == JTokenType.Undefined) : null;
            if (missing is not null)
            {
                var position = SourcePosition.Of(missing);
                problem = new SchemaProblem(JsonPaths.Of(missing), position?.Line, position?.Column, "invalid JSON: a value is missing here");
                return false;
            }

            token = parsed;
            return true;
        }
        catch (JsonReaderException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : JsonPaths.FromNewtonsoft(e.Path);
            problem = new SchemaProblem(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition), "invalid JSON: " + WithoutPlace(e.Message));
            return false;
        }
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="NasConfigurationException"/> "origin:line:col: ..." on a syntax error.</summary>
    public static JToken Parse(string text, string origin) =>
        TryParse(text, out var token, out var problem)
            ? token!
            : throw new NasConfigurationException(problem!.Format(origin));

    // Newtonsoft appends "Path 'x', line 2, position 6." which the problem already carries.
    private static string WithoutPlace(string message) => PlaceSuffix().Replace(message, string.Empty).TrimEnd('.', ' ');

    [GeneratedRegex(@"\s*(Path '.*',\s*)?line \d+, position \d+\.?\s*$")]
    private static partial Regex PlaceSuffix();

    private static void AnnotateStarts(JToken root, string text)
    {
        var lines = text.Split('\n');
        var tokens = root is JContainer container ? container.DescendantsAndSelf() : [root];
        foreach (var token in tokens)
        {
            if (token is not IJsonLineInfo info || !info.HasLineInfo() || info.LineNumber > lines.Length)
            {
                continue;
            }

            var line = lines[info.LineNumber - 1];
            var end = Math.Min(info.LinePosition, line.Length) - 1;
            var start = token switch
            {
                JProperty => PropertyNameStart(line, end),
                JValue { Type: JTokenType.String } => QuotedStart(line, end),
                JValue => BareStart(line, end),
                _ => end,
            };
            if (start >= 0)
            {
                token.AddAnnotation(new SourcePosition(info.LineNumber, start + 1));
                if (token is JValue { Value: BigInteger } || OversizedNumbers.IsNonFinite(token))
                {
                    token.AddAnnotation(new NumberLiteral(line[start..(end + 1)]));
                }
            }
        }
    }

    // A property's recorded position is its colon; step back over blanks to the name's closing quote.
    private static int PropertyNameStart(string line, int colon)
    {
        var i = colon - 1;
        while (i >= 0 && char.IsWhiteSpace(line[i]))
        {
            i--;
        }

        return QuotedStart(line, i);
    }

    private static int QuotedStart(string line, int closingQuote)
    {
        if (closingQuote < 0 || closingQuote >= line.Length || line[closingQuote] is not ('"' or '\''))
        {
            return -1;
        }

        var quote = line[closingQuote];
        for (var i = closingQuote - 1; i >= 0; i--)
        {
            if (line[i] == quote && !IsEscaped(line, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEscaped(string line, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static int BareStart(string line, int last)
    {
        if (last < 0 || last >= line.Length)
        {
            return -1;
        }

        var i = last;
        while (i > 0 && !char.IsWhiteSpace(line[i - 1]) && line[i - 1] is not (',' or ':' or '[' or '{'))
        {
            i--;
        }

        return i;
    }
}
