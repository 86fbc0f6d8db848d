using System.Diagnostics.CodeAnalysis;

namespace NasPlatform.Abstractions.Options;

/// <summary>
/// Gives an option's JSON Schema by hand where a C# type cannot say it: an option that takes one of several
/// shapes (a name or an edge list, say), read as a <see cref="System.Text.Json.JsonElement"/>. The fragment
/// replaces the generated schema of the property; the description and default still come from the property.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SchemaFragmentAttribute : Attribute
{
    /// <param name="json">A JSON Schema object, e.g. <c>{ "oneOf": [ { "enum": ["line", "ring"] }, { "type": "array" } ] }</c>.</param>
    public SchemaFragmentAttribute([StringSyntax(StringSyntaxAttribute.Json)] string json) => Json = json;

    /// <summary>The JSON Schema of the property.</summary>
    public string Json { get; }
}
