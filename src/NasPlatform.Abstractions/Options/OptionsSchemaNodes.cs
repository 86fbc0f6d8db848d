using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace NasPlatform.Abstractions.Options;

/// <summary>Turns a property's attributes and initialiser into JSON Schema keywords (see <see cref="ComponentOptions"/>).</summary>
internal static class OptionsSchemaNodes
{
    public static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema, Dictionary<Type, object?> instances)
    {
        if (context.PropertyInfo is not { } property)
        {
            if (schema is JsonObject plain)
            {
                StripNull(plain);
            }

            return schema;
        }

        // A property of any JSON value (JsonElement) has the schema "true"; its attributes still apply.
        var node = schema as JsonObject ?? [];

        var attributes = property.AttributeProvider;
        if (Find<SchemaFragmentAttribute>(attributes) is { } fragment)
        {
            node = JsonNode.Parse(fragment.Json) as JsonObject
                ?? throw new InvalidOperationException($"The schema fragment of {property.DeclaringType.Name}.{property.Name} is not a JSON object.");
        }
        else
        {
            StripNull(node);
        }

        if (Find<DescriptionAttribute>(attributes) is { } description)
        {
            node["description"] = description.Description;
        }

        ApplyRange(node, Find<RangeAttribute>(attributes));
        ApplyLengths(node, attributes);
        if (Find<AllowedValuesAttribute>(attributes) is { } allowed)
        {
            var target = node["items"] as JsonObject ?? node;
            target.Remove("type");
            target["enum"] = new JsonArray([.. allowed.Values.Select(v => JsonValue.Create(v?.ToString()))]);
        }

        if (Find<RegularExpressionAttribute>(attributes) is { } pattern)
        {
            node["pattern"] = pattern.Pattern;
        }

        if (Find<UniqueItemsAttribute>(attributes) is not null)
        {
            node["uniqueItems"] = true;
        }

        if (!property.IsRequired && DefaultOf(property, instances) is { } value)
        {
            node["default"] = value;
        }

        return node;
    }

    private static void ApplyRange(JsonObject node, RangeAttribute? range)
    {
        if (range is null)
        {
            return;
        }

        var minimum = Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
        var maximum = Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
        if (!double.IsInfinity(minimum) && minimum > int.MinValue)
        {
            node[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = Number(minimum);
        }

        if (!double.IsInfinity(maximum) && maximum < int.MaxValue)
        {
            node[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = Number(maximum);
        }
    }

    private static void ApplyLengths(JsonObject node, System.Reflection.ICustomAttributeProvider? attributes)
    {
        var isArray = node["type"] is JsonValue t && (string?)t == "array" || node.ContainsKey("items");
        var (min, max) = (isArray ? "minItems" : "minLength", isArray ? "maxItems" : "maxLength");
        if (Find<MinLengthAttribute>(attributes) is { } minLength)
        {
            node[min] = minLength.Length;
        }

        if (Find<MaxLengthAttribute>(attributes) is { } maxLength)
        {
            node[max] = maxLength.Length;
        }

        if (Find<LengthAttribute>(attributes) is { } length)
        {
            node[min] = length.MinimumLength;
            node[max] = length.MaximumLength;
        }
    }

    // JSON null is never an option value: a nullable property means "left out, derive it", not "may be null".
    private static void StripNull(JsonObject node)
    {
        if (node["type"] is JsonArray types)
        {
            var kept = types.Select(t => (string?)t).Where(t => t != "null").ToList();
            node["type"] = kept.Count == 1 ? JsonValue.Create(kept[0]) : new JsonArray([.. kept.Select(k => JsonValue.Create(k))]);
        }

        if (node["enum"] is JsonArray values && values.Any(v => v is null))
        {
            node["enum"] = new JsonArray([.. values.Where(v => v is not null).Select(v => v!.DeepClone())]);
        }
    }

    private static JsonNode? DefaultOf(JsonPropertyInfo property, Dictionary<Type, object?> instances)
    {
        if (property.Get is null)
        {
            return null;
        }

        if (!instances.TryGetValue(property.DeclaringType, out var instance))
        {
            instance = property.DeclaringType.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(property.DeclaringType);
            instances[property.DeclaringType] = instance;
        }

        var value = instance is null ? null : property.Get(instance);
        return value is null ? null : JsonSerializer.SerializeToNode(value, property.PropertyType, ComponentOptions.SerializerOptions);
    }

    private static JsonValue Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static T? Find<T>(System.Reflection.ICustomAttributeProvider? attributes)
        where T : Attribute =>
        attributes?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
