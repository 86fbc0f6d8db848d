using NasPlatform.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Plugins;

/// <summary>Finds a registered component, validates its options and runs its factory.</summary>
internal static class ComponentFactory
{
    public static ComponentRegistration<T> Find<T>(LoadedPlugin plugin, IReadOnlyList<ComponentRegistration<T>> registrations, string kind, string name)
    {
        var found = registrations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
        if (found is not null)
        {
            return found;
        }

        var available = registrations.Count == 0 ? "none" : string.Join(", ", registrations.Select(r => $"'{r.Name}'"));
        throw new NasConfigurationException(
            $"Plugin '{plugin.Description.Id}' has no {kind} named '{name}'. Available: {available}.");
    }

    public static T Create<T>(LoadedPlugin plugin, ComponentRegistration<T> registration, string kind, JObject options, string baseDirectory, int seed, string origin)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (file, pathPrefix) = SplitOrigin(origin);
        var what = $"{kind} '{registration.Name}' of plugin '{plugin.Description.Id}'";

        var schema = SchemaValidator.ParseSchema(registration.OptionsSchema, $"{what}: options schema");
        // Validate a detached copy: inside a larger document the validator reports paths from that
        // document's root, and the prefix from origin would be applied twice. The copy keeps line info.
        var problems = SchemaValidator.Validate(options.DeepClone(), schema);
        if (problems.Count > 0)
        {
            var lines = problems.Select(p => "  " + (p with { JsonPath = Join(pathPrefix, p.JsonPath) }).Format(file));
            throw new NasConfigurationException(
                $"{origin}: invalid options for {what}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }

        var context = new ComponentContext(baseDirectory, plugin.Directory, seed) { Cache = plugin.Cache };
        T component;
        try
        {
            var bound = ComponentOptions.Bind(registration.OptionsType, options.ToString(Formatting.None));
            component = registration.Create(context, bound);
        }
        catch (ComponentConfigurationException e)
        {
            var relative = (e.OptionPath ?? string.Empty).TrimStart('$').TrimStart('.');
            var line = options.SelectToken(relative) as IJsonLineInfo;
            var problem = new SchemaProblem(
                Join(pathPrefix, relative.Length == 0 ? "$" : relative.StartsWith('[') ? "$" + relative : "$." + relative),
                line?.HasLineInfo() == true ? line.LineNumber : null,
                line?.HasLineInfo() == true ? line.LinePosition : null,
                e.Message);
            throw new NasConfigurationException($"{problem.Format(file)} (rejected by {what})", e);
        }
        catch (Exception e) when (e is not NasConfigurationException)
        {
            throw new InvalidOperationException($"{origin}: {what} failed to start: {e.GetType().Name}: {e.Message}", e);
        }

        return component ?? throw new InvalidOperationException($"{origin}: the factory of {what} returned null.");
    }

    // "experiment.json, $.searchSpace.options" -> ("experiment.json", "$.searchSpace.options").
    private static (string File, string PathPrefix) SplitOrigin(string origin)
    {
        var cut = origin.LastIndexOf(", $", StringComparison.Ordinal);
        return cut < 0 ? (origin, "$") : (origin[..cut], origin[(cut + 2)..]);
    }

    private static string Join(string prefix, string relativePath) =>
        relativePath == "$" ? prefix : prefix + relativePath[1..];
}
