namespace NasPlatform.Engine.Schemas;

/// <summary>One place where a JSON document breaks its schema (or is not JSON, or cannot be read).</summary>
/// <param name="JsonPath">JSON path of the offending value, e.g. "$.budget.trials"; empty for a problem with the whole file.</param>
/// <param name="Line">1-based line in the document, when known.</param>
/// <param name="Column">1-based column in the document, when known.</param>
/// <param name="Message">What was expected, in words.</param>
public sealed record SchemaProblem(string JsonPath, int? Line, int? Column, string Message)
{
    /// <summary>"file:line:col: $.path: message", the form compilers use, so editors can jump to it.</summary>
    public string Format(string file)
    {
        var place = Line is { } l ? $"{file}:{l}:{Column ?? 1}" : file;
        return JsonPath.Length == 0 ? $"{place}: {Message}" : $"{place}: {JsonPath}: {Message}";
    }
}
