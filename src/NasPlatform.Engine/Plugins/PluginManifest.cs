using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Schemas;
using NJsonSchema;

namespace NasPlatform.Engine.Plugins;

/// <summary>A plugin folder's <c>plugin.json</c>, validated against <c>schemas/plugin-manifest.schema.json</c>.</summary>
/// <param name="Id">Identifier used in experiment files; must equal the id the plugin describes.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="ContractVersion">"major.minor" of the contract the plugin was built against.</param>
/// <param name="Assembly">File name of the main assembly, next to the manifest.</param>
/// <param name="Description">One line saying what the plugin is for.</param>
public sealed record PluginManifest(string Id, string Version, string ContractVersion, string Assembly, string Description)
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";

    private const string SchemaResource = "NasPlatform.Schemas.plugin-manifest.schema.json";

    private const string InvalidJson = "invalid JSON: ";

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>Reads and validates a manifest.</summary>
    /// <exception cref="PluginRejectedException">The file is not JSON or breaks the schema; the message names line, column, path and fix.</exception>
    public static PluginManifest Read(string manifestPath)
    {
        var token = Parse(manifestPath);
        var problems = SchemaValidator.Validate(token, Schema.Value);
        if (problems.Count > 0)
        {
            var lines = problems.Select(p => Environment.NewLine + "  " + p.Format(FileName));
            throw new PluginRejectedException(
                $"{FileName} does not match schemas/plugin-manifest.schema.json:{string.Concat(lines)}");
        }

        return new PluginManifest(
            (string)token["id"]!,
            (string)token["version"]!,
            (string)token["contractVersion"]!,
            (string)token["assembly"]!,
            (string)token["description"]!);
    }

    /// <summary>Parses the major part of a "major.minor" contract version; null when the text is not of that form.</summary>
    public static int? ContractMajor(string contractVersion)
    {
        var parts = contractVersion.Split('.');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? major
            : null;
    }

    // The same reading as experiment files: strict UTF-8, and problems placed at line 1 or later.
    private static JToken Parse(string manifestPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(manifestPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PluginRejectedException($"{FileName} could not be read: {e.Message}");
        }

        if (!Utf8Text.TryDecode(bytes, out var text, out var encoding))
        {
            throw new PluginRejectedException($"{encoding!.Format(FileName)}");
        }

        if (!JsonSource.TryParse(text, out var token, out var syntax))
        {
            var reason = syntax!.Message.StartsWith(InvalidJson, StringComparison.Ordinal) ? syntax.Message[InvalidJson.Length..] : syntax.Message;
            throw new PluginRejectedException(
                $"{FileName}:{syntax.Line ?? 1}:{syntax.Column ?? 1}: not valid JSON ({reason}); fix the syntax so the file parses.");
        }

        return token!;
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(PluginManifest).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"Embedded resource {SchemaResource} is missing from {typeof(PluginManifest).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return SchemaValidator.ParseSchema(reader.ReadToEnd(), "schemas/plugin-manifest.schema.json");
    }
}
