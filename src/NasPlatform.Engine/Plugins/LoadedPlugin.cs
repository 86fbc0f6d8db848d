using NasPlatform.Abstractions.Views;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Engine.Plugins;

/// <summary>A plugin that loaded, with what it registered.</summary>
public sealed record LoadedPlugin(
    PluginDescription Description,
    string Directory,
    IReadOnlyList<ComponentRegistration<ISearchSpace>> SearchSpaces,
    IReadOnlyList<ComponentRegistration<IEvaluator>> Evaluators)
{
    /// <summary>The strategies the plugin offers every experiment.</summary>
    public IReadOnlyList<ISearchStrategyFactory> Strategies { get; init; } = [];

    /// <summary>The <c>nas</c> commands the plugin adds.</summary>
    public IReadOnlyList<PluginCommand> Commands { get; init; } = [];

    /// <summary>The plugin's cache, owned and bounded by the host; every component factory of the plugin gets it.</summary>
    public IComponentCache Cache { get; init; } = new BoundedComponentCache();

    /// <summary>The plugin's domain views of trials; null when it registered none.</summary>
    public ITrialViews? TrialViews { get; init; }
}
