namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// The cache of a <see cref="ComponentContext"/> made outside a host (a plugin's own tests): it keeps
/// nothing, so every call computes its value.
/// </summary>
public sealed class UncachedComponentCache : IComponentCache
{
    /// <summary>The one instance.</summary>
    public static UncachedComponentCache Instance { get; } = new();

    private UncachedComponentCache()
    {
    }

    /// <inheritdoc />
    public T GetOrAdd<T>(string key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return create();
    }
}
