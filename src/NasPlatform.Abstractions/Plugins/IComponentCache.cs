namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// A cache the host owns and bounds, one per plugin, handed to every factory as
/// <see cref="ComponentContext.Cache"/>: for what is costly to compute and the same for every component of
/// the plugin in a process (a candidate's circuit statistics, an exact ground state, a parsed data set).
/// A plugin keeps no static cache of its own, so a long search cannot grow memory without limit.
/// </summary>
/// <remarks>
/// The host may evict any entry (least recently used first) once the plugin holds more than its limit; an
/// evicted value is created again on its next use, so a value must be a pure function of its key: a value
/// read from files has their length and write time (or a content hash) in its key, so an edited file is read
/// afresh. Safe for concurrent calls: callers asking for the same key while it is created wait for that one
/// creation. A large value (a data set, a dense state) is added with its size in bytes, so that a few of them
/// and many small values (one per candidate) are bounded apart: the host limits both the number of entries
/// and the bytes of the sized ones.
/// </remarks>
public interface IComponentCache
{
    /// <summary>The value cached under <paramref name="key"/> for type <typeparamref name="T"/>, created with <paramref name="create"/> when absent.</summary>
    /// <param name="key">Identifies the value within the plugin, e.g. "circuit-statistics|HASH|48".</param>
    /// <param name="create">Computes the value; not called when it is cached.</param>
    T GetOrAdd<T>(string key, Func<T> create)
        where T : class;

    /// <summary>
    /// Like <see cref="GetOrAdd{T}(string, Func{T})"/>, for a large value: <paramref name="bytes"/> tells its
    /// approximate size once created, which counts against the plugin's limit on the bytes of sized values.
    /// A cache that bounds nothing by size ignores it.
    /// </summary>
    /// <param name="key">Identifies the value within the plugin, e.g. "fashion-mnist|/data|STAMP".</param>
    /// <param name="create">Computes the value; not called when it is cached.</param>
    /// <param name="bytes">The value's approximate size in memory, in bytes (called once, after creation).</param>
    T GetOrAdd<T>(string key, Func<T> create, Func<T, long> bytes)
        where T : class => GetOrAdd(key, create);
}
