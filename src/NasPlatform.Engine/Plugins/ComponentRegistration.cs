using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>A search space or evaluator a plugin registered.</summary>
public sealed record ComponentRegistration<T>(string Name, string Description, string OptionsSchema, Func<ComponentContext, T> Factory);
