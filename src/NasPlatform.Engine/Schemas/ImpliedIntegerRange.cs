using NJsonSchema;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// Gives every <c>"type": "integer"</c> of a schema the range of a .NET int where the schema sets no
/// bound of its own: the engine and plugins read integers as int (<c>Value&lt;int&gt;()</c>), which
/// throws OverflowException on 3000000000 however valid the schema found it. The bounds this adds
/// are marked, so messages name them only to a value beyond them ("expected an integer >= 1",
/// not "... and &lt;= 2147483647", for 0).
/// </summary>
public static class ImpliedIntegerRange
{
    /// <summary>Extension keyword set on a schema whose minimum this class added.</summary>
    public const string ImpliedMinimum = "x-implied-minimum";

    /// <summary>Extension keyword set on a schema whose maximum this class added.</summary>
    public const string ImpliedMaximum = "x-implied-maximum";

    /// <summary>Adds the implied bounds to <paramref name="schema"/> and every schema inside it.</summary>
    public static void Apply(JsonSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var pending = new Stack<JsonSchema>([schema]);
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            Bound(current);
            foreach (var child in Children(current))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Whether <paramref name="keyword"/> (<see cref="ImpliedMinimum"/> or <see cref="ImpliedMaximum"/>) was added to <paramref name="schema"/>.</summary>
    public static bool IsImplied(JsonSchema schema, string keyword) =>
        schema.ExtensionData?.ContainsKey(keyword) == true;

    private static void Bound(JsonSchema schema)
    {
        if (!schema.Type.HasFlag(JsonObjectType.Integer))
        {
            return;
        }

        if (schema.Minimum is null && schema.ExclusiveMinimum is null)
        {
            schema.Minimum = int.MinValue;
            Mark(schema, ImpliedMinimum);
        }

        if (schema.Maximum is null && schema.ExclusiveMaximum is null)
        {
            schema.Maximum = int.MaxValue;
            Mark(schema, ImpliedMaximum);
        }
    }

    private static void Mark(JsonSchema schema, string keyword)
    {
        schema.ExtensionData ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        schema.ExtensionData[keyword] = true;
    }

    private static IEnumerable<JsonSchema> Children(JsonSchema schema)
    {
        IEnumerable<JsonSchema?> all =
        [
            schema.Reference, schema.Item, schema.Not, schema.AdditionalItemsSchema, schema.AdditionalPropertiesSchema,
            .. schema.Items, .. schema.AllOf, .. schema.AnyOf, .. schema.OneOf,
            .. schema.Properties.Values, .. schema.PatternProperties.Values, .. schema.Definitions.Values,
        ];
        return all.OfType<JsonSchema>();
    }
}
