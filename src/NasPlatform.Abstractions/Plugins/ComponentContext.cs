
namespace NasPlatform.Abstractions.Plugins;

/// <summary>What a search space or evaluator factory receives.</summary>
/// <param name="BaseDirectory">Directory of the experiment file; resolve relative paths in options against it.</param>
/// <param name="PluginDirectory">Directory the plugin was loaded from (its own data files live there).</param>
/// <param name="Seed">The experiment seed, for components that need randomness at construction.</param>
public sealed record ComponentContext(string BaseDirectory, string PluginDirectory, int Seed)
{
    /// <summary>
    /// The plugin's cache, owned and bounded by the host (see <see cref="IComponentCache"/>); outside a host it
    /// keeps nothing.
    /// </summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    /// <summary>Resolves a path from the options against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path));
}
