using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Strategies;

/// <summary>
/// The strategies known by name: every public non-abstract <see cref="ISearchStrategyFactory"/>
/// with a parameterless constructor in the engine assembly and in any extra assemblies given, so
/// adding a strategy is writing a class.
/// </summary>
public sealed class StrategyCatalog
{
    private static readonly Lazy<StrategyCatalog> DefaultCatalog = new(() => new StrategyCatalog());

    private readonly Dictionary<string, ISearchStrategyFactory> _byName;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>Discovers the engine's strategies and those of <paramref name="extraAssemblies"/>.</summary>
    /// <exception cref="NasConfigurationException">Two factories share a name.</exception>
    public StrategyCatalog(IEnumerable<Assembly>? extraAssemblies = null)
    {
        var assemblies = new[] { typeof(StrategyCatalog).Assembly }
            .Concat(extraAssemblies ?? [])
            .Distinct();
        _byName = new Dictionary<string, ISearchStrategyFactory>(StringComparer.Ordinal);
        foreach (var factory in assemblies.SelectMany(Discover))
        {
            if (_byName.TryGetValue(factory.Name, out var existing))
            {
                throw new NasConfigurationException(
                    $"Two strategies are named '{factory.Name}': {existing.GetType().FullName} ({existing.GetType().Assembly.GetName().Name}) " +
                    $"and {factory.GetType().FullName} ({factory.GetType().Assembly.GetName().Name}); rename one.");
            }

            _byName.Add(factory.Name, factory);
        }

        All = _byName.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The engine's own strategies.</summary>
    public static StrategyCatalog Default => DefaultCatalog.Value;

    /// <summary>Every strategy, ordered by name.</summary>
    public IReadOnlyList<ISearchStrategyFactory> All { get; }

    /// <summary>The strategy named <paramref name="name"/>, or null.</summary>
    public ISearchStrategyFactory? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The strategy named <paramref name="name"/>.</summary>
    /// <exception cref="NasConfigurationException">No strategy has that name; the message lists the names.</exception>
    public ISearchStrategyFactory Get(string name) =>
        Find(name) ?? throw new NasConfigurationException(
            $"Unknown strategy '{name}'. Known strategies: {string.Join(", ", All.Select(f => f.Name))}.");

    /// <summary>Checks options against the strategy's options schema.</summary>
    /// <exception cref="NasConfigurationException">The options break the schema; every problem is listed.</exception>
    public void ValidateOptions(ISearchStrategyFactory factory, JObject options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        var schema = _schemas.GetOrAdd(factory.Name, _ => SchemaValidator.ParseSchema(factory.OptionsSchema, $"options schema of strategy '{factory.Name}'"));
        var problems = SchemaValidator.Validate(options, schema);
        if (problems.Count > 0)
        {
            var lines = problems.Select(p => p.Line is { } line
                ? $"  {p.JsonPath} (line {line}, column {p.Column ?? 1}): {p.Message}"
                : $"  {p.JsonPath}: {p.Message}");
            throw new NasConfigurationException(
                $"Options of strategy '{factory.Name}' are invalid (paths are inside strategy.options):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }
    }

    /// <summary>Validates the options in <paramref name="context"/> and creates the strategy named <paramref name="name"/>.</summary>
    /// <exception cref="NasConfigurationException">Unknown name or invalid options.</exception>
    public ISearchStrategy Create(string name, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = Get(name);
        ValidateOptions(factory, context.Options);
        return factory.Create(context);
    }

    private static IEnumerable<ISearchStrategyFactory> Discover(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.OfType<Type>().Where(t => t.IsPublic).ToArray();
        }

        return types
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
                && typeof(ISearchStrategyFactory).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ISearchStrategyFactory)Activator.CreateInstance(t)!);
    }
}
