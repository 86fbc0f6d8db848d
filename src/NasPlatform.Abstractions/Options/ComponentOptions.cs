using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NasPlatform.Abstractions.Options;

/// <summary>
/// Options declared once, as a type (ML.NET SearchSpace's idea): a component's options are a record with
/// <c>init</c> properties whose initialisers are the defaults. From that type alone come the JSON Schema that
/// <c>nas validate</c>, <c>nas plugins --json</c> and the located error messages use, and the binding of an
/// experiment file's options object to an instance. Property names are camelCase in files.
/// </summary>
/// <remarks>
/// What the schema says, per property: its JSON type (from the C# type; <c>required</c> members are required,
/// unknown names are refused), <see cref="DescriptionAttribute"/>, <see cref="RangeAttribute"/> (minimum and maximum,
/// exclusive where asked), <see cref="MinLengthAttribute"/>/<see cref="MaxLengthAttribute"/>/<see cref="LengthAttribute"/>
/// (items of a list, characters of a string), <see cref="AllowedValuesAttribute"/> (the values of a string, or of
/// each item of a list), <see cref="RegularExpressionAttribute"/> (a string's pattern), <see cref="UniqueItemsAttribute"/>, the default (the initialiser's value) and, where a type
/// cannot say it, <see cref="SchemaFragmentAttribute"/>. JSON <c>null</c> is never a valid option value: an option
/// left out keeps its default, which may be <c>null</c> (meaning "derive it").
/// </remarks>
public static class ComponentOptions
{
    private static readonly ConcurrentDictionary<(Type Type, string? Title), string> Schemas = new();

    /// <summary>The serializer settings options are bound with (camelCase, unknown members refused, nullable annotations respected).</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    /// <summary>The JSON Schema (draft 07) of <typeparamref name="TOptions"/>.</summary>
    /// <param name="title">The schema's title, e.g. "layerwise search space options".</param>
    public static string SchemaFor<TOptions>(string? title) => SchemaFor(typeof(TOptions), title);

    /// <summary>The JSON Schema (draft 07) of <paramref name="optionsType"/>.</summary>
    /// <param name="optionsType">A record (or class) with a parameterless constructor and settable or init properties.</param>
    /// <param name="title">The schema's title.</param>
    public static string SchemaFor(Type optionsType, string? title)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        return Schemas.GetOrAdd((optionsType, title), key => Generate(key.Type, key.Title));
    }

    /// <summary>Binds an options object (JSON text) to <typeparamref name="TOptions"/>; options left out keep their defaults.</summary>
    /// <exception cref="NasConfigurationException">The text does not fit the type.</exception>
    public static TOptions Bind<TOptions>(string json) => (TOptions)Bind(typeof(TOptions), json);

    /// <summary>Binds an options object (JSON text) to <paramref name="optionsType"/>; options left out keep their defaults.</summary>
    /// <exception cref="NasConfigurationException">The text does not fit the type.</exception>
    public static object Bind(Type optionsType, string json)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        try
        {
            return JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(json) ? "{}" : json, optionsType, SerializerOptions)
                ?? throw new NasConfigurationException($"Options for {optionsType.Name} must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) ? string.Empty : $" at {e.Path}";
            throw new NasConfigurationException($"Options do not fit {optionsType.Name}{where}: {e.Message}", e);
        }
    }

    /// <summary>The options as JSON text, defaults included (what a component actually ran with).</summary>
    public static string ToJson(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, options.GetType(), SerializerOptions);
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static string Generate(Type optionsType, string? title)
    {
        var instances = new Dictionary<Type, object?>();
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => OptionsSchemaNodes.Transform(context, node, instances),
        };
        var schema = SerializerOptions.GetJsonSchemaAsNode(optionsType, exporter);
        if (schema is not JsonObject root)
        {
            throw new ArgumentException($"{optionsType.Name} does not describe a JSON object; options must be a record with properties.", nameof(optionsType));
        }

        var ordered = new JsonObject { ["$schema"] = "http://json-schema.org/draft-07/schema#" };
        if (title is not null)
        {
            ordered["title"] = title;
        }

        if (Attribute.GetCustomAttribute(optionsType, typeof(DescriptionAttribute)) is DescriptionAttribute description)
        {
            ordered["description"] = description.Description;
        }

        foreach (var (name, value) in root.ToList())
        {
            root.Remove(name);
            ordered[name] ??= value;
        }

        return ordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

}
