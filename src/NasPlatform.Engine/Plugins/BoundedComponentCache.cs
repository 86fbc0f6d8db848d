using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>
/// The host's cache for one plugin, bounded two ways, the least recently used evicted first: at most
/// <see cref="Capacity"/> entries of any kind, and at most <see cref="ByteCapacity"/> bytes of the values
/// added with a size (<see cref="IComponentCache.GetOrAdd{T}(string, Func{T}, Func{T, long})"/>: data sets,
/// dense states). So thousands of small values (a candidate's circuit statistics) and a few large ones
/// share one cache without the large ones pushing memory past the byte limit or the small ones evicting a
/// data set a run still reads. A sized value larger than the whole byte limit is returned but not kept.
/// Each value is created once however many callers ask at the same time; a creation that throws is not
/// kept, so the next call tries again.
/// </summary>
public sealed class BoundedComponentCache : IComponentCache
{
    /// <summary>Entries a plugin may hold by default: far more than the data sets or Hamiltonians of a run,
    /// and enough candidates' statistics that a strategy's recent ones stay cached.</summary>
    public const int DefaultCapacity = 4096;

    /// <summary>Bytes of sized values a plugin may hold by default (2 GiB): a few image data sets
    /// (Fashion-MNIST normalized as floats is about 220 MB) or routability data sets at once.</summary>
    public const long DefaultByteCapacity = 2L << 30;

    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Type, string Key), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = [];

    /// <param name="capacity">Most entries held at once; at least 1.</param>
    /// <param name="byteCapacity">Most bytes of sized values held at once; at least 1.</param>
    public BoundedComponentCache(int capacity = DefaultCapacity, long byteCapacity = DefaultByteCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(byteCapacity, 1);
        Capacity = capacity;
        ByteCapacity = byteCapacity;
    }

    /// <summary>Most entries held at once.</summary>
    public int Capacity { get; }

    /// <summary>Most bytes of sized values held at once.</summary>
    public long ByteCapacity { get; }

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

    /// <summary>Bytes of the sized values held now.</summary>
    public long Bytes { get; private set; }

    /// <summary>Entries evicted so far to stay within <see cref="Capacity"/> and <see cref="ByteCapacity"/>.</summary>
    public long Evictions { get; private set; }

    /// <inheritdoc />
    public T GetOrAdd<T>(string key, Func<T> create)
        where T : class => Get(key, create, bytes: null);

    /// <inheritdoc />
    public T GetOrAdd<T>(string key, Func<T> create, Func<T, long> bytes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Get(key, create, bytes);
    }

    private T Get<T>(string key, Func<T> create, Func<T, long>? bytes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        var (entry, added) = Find(typeof(T), key, create);
        T value;
        try
        {
            value = (T)entry.Value.Value;
        }
        catch
        {
            Forget(entry);
            throw;
        }

        if (added && bytes is not null)
        {
            Weigh(entry, Math.Max(0, bytes(value)));
        }

        return value;
    }

    private (Entry Entry, bool Added) Find<T>(Type type, string key, Func<T> create)
        where T : class
    {
        var id = (type, key);
        lock (_gate)
        {
            if (_entries.TryGetValue(id, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return (node.Value, false);
            }

            var entry = new Entry(id, new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication));
            _entries[id] = _recency.AddFirst(entry);
            while (_entries.Count > Capacity)
            {
                Evict(_recency.Last!);
            }

            return (entry, true);
        }
    }

    /// <summary>Records a new value's size, then evicts sized values, least recently used first, until the bytes fit.</summary>
    private void Weigh(Entry entry, long bytes)
    {
        lock (_gate)
        {
            // Evicted (by count) while it was created: it holds no bytes here.
            if (!_entries.TryGetValue(entry.Id, out var held) || !ReferenceEquals(held.Value, entry))
            {
                return;
            }

            entry.Bytes = bytes;
            Bytes += bytes;
            for (var node = _recency.Last; node is not null && Bytes > ByteCapacity;)
            {
                var previous = node.Previous;
                if (node.Value.Bytes > 0)
                {
                    Evict(node);
                }

                node = previous;
            }
        }
    }

    private void Evict(LinkedListNode<Entry> node)
    {
        Remove(node);
        Evictions++;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Id);
        Bytes -= node.Value.Bytes;
    }

    private void Forget(Entry failed)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(failed.Id, out var node) && ReferenceEquals(node.Value, failed))
            {
                Remove(node);
            }
        }
    }

    private sealed class Entry((Type Type, string Key) id, Lazy<object> value)
    {
        public (Type Type, string Key) Id { get; } = id;

        public Lazy<object> Value { get; } = value;

        /// <summary>The value's size when it was added with one; 0 otherwise (counted by <see cref="Capacity"/> only).</summary>
        public long Bytes { get; set; }
    }
}
