using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Engine.Plugins;

/// <summary>A plugin that loaded, with what it registered.</summary>
public sealed record LoadedPlugin(
    PluginDescription Description,
    string Directory,
    IReadOnlyList<ComponentRegistration<ISearchSpace>> SearchSpaces,
    IReadOnlyList<ComponentRegistration<IEvaluator>> Evaluators);
