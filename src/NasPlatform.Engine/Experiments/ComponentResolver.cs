using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Strategies;

namespace NasPlatform.Engine.Experiments;

/// <summary>
/// Turns an experiment's names (plugin, search space, evaluator, strategy) into live components,
/// validating each options object against its schema. Every problem is a
/// <see cref="NasConfigurationException"/> that names the file and the place in it.
/// </summary>
public static class ComponentResolver
{
    public static ExperimentComponents Resolve(ExperimentSpec spec, PluginCatalog plugins, StrategyCatalog? strategies = null)
    {
        var space = CreateSearchSpace(spec, plugins);
        var evaluator = CreateEvaluator(spec, plugins);
        var catalog = strategies ?? StrategyCatalog.Default;
        var factory = catalog.Get(spec.Strategy.Name);
        catalog.ValidateOptions(factory, spec.Strategy.Options);
        return new ExperimentComponents(space, evaluator, factory);
    }

    public static ISearchSpace CreateSearchSpace(ExperimentSpec spec, PluginCatalog plugins)
    {
        RequirePlugin(spec, plugins);
        return plugins.CreateSearchSpace(spec.Plugin, spec.SearchSpace.Name, spec.SearchSpace.Options, spec.BaseDirectory, spec.Seed, Origin(spec, "$.searchSpace.options"));
    }

    public static IEvaluator CreateEvaluator(ExperimentSpec spec, PluginCatalog plugins)
    {
        RequirePlugin(spec, plugins);
        return plugins.CreateEvaluator(spec.Plugin, spec.Evaluator.Name, spec.Evaluator.Options, spec.BaseDirectory, spec.Seed, Origin(spec, "$.evaluator.options"));
    }

    private static string Origin(ExperimentSpec spec, string path) => $"{spec.SourceFile ?? spec.Name}, {path}";

    // A plugin that failed to load is named with its reason, which says more than "unknown plugin".
    private static void RequirePlugin(ExperimentSpec spec, PluginCatalog plugins)
    {
        if (plugins.Find(spec.Plugin) is not null)
        {
            return;
        }

        var failures = plugins.Failures.Where(f => f.Path.Contains(spec.Plugin, StringComparison.OrdinalIgnoreCase)).ToList();
        var loaded = plugins.Plugins.Count == 0 ? "none" : string.Join(", ", plugins.Plugins.Select(p => $"'{p.Description.Id}'"));
        var detail = failures.Count == 0 ? string.Empty : " Plugins that failed to load: " + string.Join("; ", failures.Select(f => $"{f.Path}: {f.Reason}"));
        throw new NasConfigurationException(
            $"{spec.SourceFile ?? spec.Name}: $.plugin: no plugin '{spec.Plugin}' is loaded (loaded: {loaded}). " +
            $"Check `nas plugins`, or add its folder with --plugins DIR or {PluginSearchPath.EnvironmentVariable}.{detail}");
    }
}
