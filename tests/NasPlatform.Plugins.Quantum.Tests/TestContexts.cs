using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Tests;

/// <summary>Options records from JSON text, and component contexts for factories.</summary>
internal static class TestContexts
{
    /// <summary>Binds options JSON to the component's options record, as the host does after validating it.</summary>
    public static TOptions Bind<TOptions>(string optionsJson) => ComponentOptions.Bind<TOptions>(optionsJson);

    /// <summary>A context whose relative paths resolve against <paramref name="baseDirectory"/> (default: the temp folder), with the tests' shared cache as the host would give.</summary>
    public static ComponentContext In(string? baseDirectory = null) =>
        new(baseDirectory ?? Path.GetTempPath(), AppContext.BaseDirectory, 0) { Cache = TestCache.Shared };
}
