using System.Collections.Concurrent;
using NJsonSchema;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// The JSON Schemas of the repository's schemas/ folder, embedded in the engine so the CLI
/// validates files wherever it is installed (see NasPlatform.Engine.csproj).
/// </summary>
public static class EmbeddedSchemas
{
    /// <summary>File name of the experiment file schema.</summary>
    public const string Experiment = "experiment.schema.json";

    private const string ResourcePrefix = "NasPlatform.Schemas.";

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Parsed = new(StringComparer.Ordinal);

    /// <summary>The schema's text, as committed in schemas/<paramref name="fileName"/>.</summary>
    public static string ReadText(string fileName)
    {
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Schema '{fileName}' is not embedded in {typeof(EmbeddedSchemas).Assembly.GetName().Name}; is schemas/{fileName} missing from the build?");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed schema, parsed once per process.</summary>
    public static JsonSchema Get(string fileName) =>
        Parsed.GetOrAdd(fileName, name => new Lazy<JsonSchema>(() => SchemaValidator.ParseSchema(ReadText(name), "schemas/" + name))).Value;
}
