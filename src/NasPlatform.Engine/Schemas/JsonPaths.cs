using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Schemas;

/// <summary>JSON paths in the "$.a.b[0]" form problems are reported in.</summary>
public static class JsonPaths
{
    // The characters for which Newtonsoft writes ['name'] instead of .name, so both spellings agree.
    private static readonly System.Buffers.SearchValues<char> SpecialChars = System.Buffers.SearchValues.Create(['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029']);

    /// <summary>The path of <paramref name="token"/> from its root.</summary>
    public static string Of(JToken token) => FromNewtonsoft(token.Path);

    /// <summary>The path of property <paramref name="name"/> of <paramref name="parent"/>.</summary>
    public static string Child(JToken parent, string name)
    {
        var parentPath = Of(parent);
        return name.Length > 0 && name.AsSpan().IndexOfAny(SpecialChars) < 0
            ? $"{parentPath}.{name}"
            : $"{parentPath}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>Turns a Newtonsoft path ("a.b[0]", "['x y']") into "$.a.b[0]", "$['x y']".</summary>
    public static string FromNewtonsoft(string path) =>
        path.Length == 0 ? "$" : path[0] == '[' ? "$" + path : "$." + path;
}
