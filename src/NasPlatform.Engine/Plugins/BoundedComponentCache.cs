using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>
/// The host's cache for one plugin: at most <see cref="Capacity"/> entries, the least recently used
/// evicted first. Each value is created once however many callers ask at the same time; a creation that
/// throws is not kept, so the next call tries again.
/// </summary>
public sealed class BoundedComponentCache : IComponentCache
{
    /// <summary>Entries a plugin may hold by default: far more than the data sets or Hamiltonians of a run,
    /// and enough candidates' statistics that a strategy's recent ones stay cached.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Type, string Key), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = [];

    /// <param name="capacity">Most entries held at once; at least 1.</param>
    public BoundedComponentCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most entries held at once.</summary>
    public int Capacity { get; }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Entries evicted so far to stay within <see cref="Capacity"/>.</summary>
    public long Evictions { get; private set; }

    /// <inheritdoc />
    public T GetOrAdd<T>(string key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        var id = (typeof(T), key);
        Entry entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(id, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(id, new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication));
                _entries[id] = _recency.AddFirst(entry);
                while (_entries.Count > Capacity)
                {
                    var oldest = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove(oldest.Value.Id);
                    Evictions++;
                }
            }
        }

        try
        {
            return (T)entry.Value.Value;
        }
        catch
        {
            Forget(entry);
            throw;
        }
    }

    private void Forget(Entry failed)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(failed.Id, out var node) && ReferenceEquals(node.Value, failed))
            {
                _recency.Remove(node);
                _entries.Remove(failed.Id);
            }
        }
    }

    private sealed record Entry((Type Type, string Key) Id, Lazy<object> Value);
}
