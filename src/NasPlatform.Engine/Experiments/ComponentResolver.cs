using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Schemas;
using NasPlatform.Engine.Strategies;

namespace NasPlatform.Engine.Experiments;

/// <summary>
/// Turns an experiment's names (plugin, search space, evaluator, strategy) into live components,
/// validating each options object against its schema. Every problem is a
/// <see cref="NasConfigurationException"/> that names the file, the place in it and what exists.
/// </summary>
public static class ComponentResolver
{
    public static ExperimentComponents Resolve(ExperimentSpec spec, PluginCatalog plugins, StrategyCatalog strategies)
    {
        var space = CreateSearchSpace(spec, plugins);
        var evaluator = CreateEvaluator(spec, plugins);
        CheckPair(spec, space, evaluator);
        ArgumentNullException.ThrowIfNull(strategies);
        // Plugins offer strategies through the same door as spaces and evaluators.
        var catalog = strategies.With(plugins.Plugins.SelectMany(p => p.Strategies));
        var factory = catalog.Find(spec.Strategy.Name) ?? throw Problem(spec, "$.strategy.name",
            $"unknown strategy '{spec.Strategy.Name}'; known strategies: {string.Join(", ", catalog.All.Select(f => f.Name))}");
        var strategyOptions = catalog.BindOptions(factory, spec.Strategy.Options);
        MetricCheck.Check(spec, space, evaluator);
        // Trials another experiment lends the strategy ("transferFrom") come from its store: the caller adds them
        // (TransferSource.WithTransferredTrials), since the store's namespace depends on this one.
        return new ExperimentComponents(space, evaluator, factory, strategyOptions);
    }

    public static ISearchSpace CreateSearchSpace(ExperimentSpec spec, PluginCatalog plugins)
    {
        var plugin = RequirePlugin(spec, plugins);
        RequireComponent(spec, "searchSpace", "search space", spec.SearchSpace.Name, plugin.SearchSpaces.Select(s => s.Name), plugin);
        return plugins.CreateSearchSpace(spec.Plugin, spec.SearchSpace.Name, spec.SearchSpace.Options, spec.BaseDirectory, spec.Seed, Origin(spec, "$.searchSpace.options"));
    }

    public static IEvaluator CreateEvaluator(ExperimentSpec spec, PluginCatalog plugins)
    {
        var plugin = RequirePlugin(spec, plugins);
        RequireComponent(spec, "evaluator", "evaluator", spec.Evaluator.Name, plugin.Evaluators.Select(e => e.Name), plugin);
        return plugins.CreateEvaluator(spec.Plugin, spec.Evaluator.Name, spec.Evaluator.Options, spec.BaseDirectory, spec.Seed, Origin(spec, "$.evaluator.options"));
    }

    /// <summary>Asks an evaluator that can (<see cref="ISearchSpaceCheck"/>) whether the space suits it; its problems are a configuration error at the space's options.</summary>
    public static void CheckPair(ExperimentSpec spec, ISearchSpace space, IEvaluator evaluator)
    {
        if (evaluator is ISearchSpaceCheck check && check.CheckSearchSpace(space) is { Count: > 0 } problems)
        {
            throw Problem(spec, "$.searchSpace.options", $"the search space does not suit the evaluator '{spec.Evaluator.Name}': {string.Join("; ", problems)}");
        }
    }

    private static string File(ExperimentSpec spec) => spec.SourceFile ?? spec.Name;

    private static string Origin(ExperimentSpec spec, string path) => $"{File(spec)}, {path}";

    // A plugin that failed to load is named with its reason, which says more than "unknown plugin".
    private static LoadedPlugin RequirePlugin(ExperimentSpec spec, PluginCatalog plugins)
    {
        if (plugins.Find(spec.Plugin) is { } plugin)
        {
            return plugin;
        }

        throw Problem(spec, "$.plugin", $"no plugin '{spec.Plugin}' is loaded: {plugins.WhyNotLoaded(spec.Plugin)}");
    }

    private static void RequireComponent(ExperimentSpec spec, string property, string kind, string name, IEnumerable<string> available, LoadedPlugin plugin)
    {
        var names = available.ToList();
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            var list = names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"'{n}'"));
            throw Problem(spec, $"$.{property}.name", $"plugin '{plugin.Description.Id}' has no {kind} named '{name}'; it has {list}");
        }
    }

    private static NasConfigurationException Problem(ExperimentSpec spec, string jsonPath, string message)
    {
        var position = SourcePosition.Of(spec.Document.SelectToken(jsonPath));
        return new NasConfigurationException(new SchemaProblem(jsonPath, position?.Line, position?.Column, message).Format(File(spec)));
    }
}
