using NasPlatform.Abstractions;
using System.Collections.Concurrent;
using NasPlatform.Abstractions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Strategies;

/// <summary>
/// The strategies known by name: those a front end hands in (the search projects' own, see
/// NasPlatform.Search.Torch's <c>SearchComponents.Strategies</c>) and those plugins register.
/// </summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<string, ISearchStrategyFactory> _byName;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>A catalog of <paramref name="factories"/>.</summary>
    /// <exception cref="NasConfigurationException">Two factories share a name.</exception>
    public StrategyCatalog(IEnumerable<ISearchStrategyFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        _byName = new Dictionary<string, ISearchStrategyFactory>(StringComparer.Ordinal);
        foreach (var factory in factories)
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

    /// <summary>This catalog plus <paramref name="more"/> (plugins' strategies).</summary>
    /// <exception cref="NasConfigurationException">A name is taken twice.</exception>
    public StrategyCatalog With(IEnumerable<ISearchStrategyFactory> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var extra = more.ToList();
        return extra.Count == 0 ? this : new StrategyCatalog(All.Concat(extra));
    }

    /// <summary>Every strategy, ordered by name.</summary>
    public IReadOnlyList<ISearchStrategyFactory> All { get; }

    /// <summary>The strategy named <paramref name="name"/>, or null.</summary>
    public ISearchStrategyFactory? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The strategy named <paramref name="name"/>.</summary>
    /// <exception cref="NasConfigurationException">No strategy has that name; the message lists the names.</exception>
    public ISearchStrategyFactory Get(string name) =>
        Find(name) ?? throw new NasConfigurationException(
            $"Unknown strategy '{name}'{(NearestName.Find(name, All, f => [f.Name]) is { } near ? $"; did you mean '{near.Name}'?" : ".")} Known strategies: {string.Join(", ", All.Select(f => f.Name))}.");

    /// <summary>The JSON Schema of a strategy's options, generated from its options record.</summary>
    public static string SchemaOf(ISearchStrategyFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ComponentOptions.SchemaFor(factory.OptionsType, $"{factory.Name} strategy options");
    }

    /// <summary>
    /// Validates <paramref name="options"/> (strategy.options of an experiment file) against the strategy's schema
    /// and binds them to its options record, defaults filled in.
    /// </summary>
    /// <exception cref="NasConfigurationException">The options are invalid; every problem is listed with its line.</exception>
    public object BindOptions(ISearchStrategyFactory factory, JObject options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        var schema = _schemas.GetOrAdd(factory.Name, _ => SchemaValidator.ParseSchema(SchemaOf(factory), $"options schema of strategy '{factory.Name}'"));
        var problems = SchemaValidator.Validate(options, schema);
        if (problems.Count > 0)
        {
            var lines = problems.Select(p => p.Line is { } line
                ? $"  {p.JsonPath} (line {line}, column {p.Column ?? 1}): {p.Message}"
                : $"  {p.JsonPath}: {p.Message}");
            throw new NasConfigurationException(
                $"Options of strategy '{factory.Name}' are invalid (paths are inside strategy.options):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }

        return ComponentOptions.Bind(factory.OptionsType, options.ToString(Formatting.None));
    }

    /// <summary>Validates and binds the options, then creates the strategy.</summary>
    public ISearchStrategy Create(string name, JObject options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = Get(name);
        return factory.Create(BindOptions(factory, options), context);
    }
}
