namespace NasPlatform.Engine.Running;

/// <summary>
/// One running trial's stepped reports, thinned to a bounded number of steps as they arrive, and the changes not yet
/// written to the store. A long training (a VQE of 10,000 optimizer steps, a network trained for 2,000 epochs) must
/// neither grow the store without bound nor write it at every step. Reports are kept at a stride that doubles each
/// time more than <see cref="Capacity"/> steps are kept (every report, then every second, every fourth, ...), so the
/// kept steps stay spread evenly over the whole run; the first report, the newest and, for every metric, the
/// reports with its lowest and highest value are always kept, so a curve keeps its start, its end and its extremes.
/// Not thread-safe: the recorder guards it.
/// </summary>
internal sealed class IntermediateSeries
{
    private readonly List<Point> _kept = [];
    private readonly Dictionary<int, IReadOnlyDictionary<string, double>> _added = [];
    private readonly HashSet<int> _removed = [];
    private long _reports;
    private long _stride = 1;

    public IntermediateSeries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        Capacity = capacity;
    }

    /// <summary>Above this many kept steps the stride doubles (protected reports aside, at most this many stay).</summary>
    public int Capacity { get; }

    /// <summary>The kept steps, in step order.</summary>
    public IReadOnlyList<int> Steps => _kept.Select(p => p.Step).ToList();

    /// <summary>Whether changes wait to be written.</summary>
    public bool HasChanges => _added.Count > 0 || _removed.Count > 0;

    /// <summary>Takes a report; a step reported again replaces its values (an evaluator may refine a step).</summary>
    public void Add(int step, IReadOnlyDictionary<string, double> metrics)
    {
        var at = _kept.FindIndex(p => p.Step == step);
        if (at >= 0)
        {
            _kept[at] = _kept[at] with { Metrics = metrics };
            MarkAdded(step, metrics);
            return;
        }

        var point = new Point(_reports++, step, metrics);
        var index = _kept.FindLastIndex(p => p.Step < step) + 1;
        _kept.Insert(index, point);
        MarkAdded(step, metrics);
        // The newest report is always kept; once another arrives it stays only on the stride or as an extreme (judged
        // with the new one, which a steadily falling loss makes the new lowest).
        if (index == _kept.Count - 1 && _kept.Count > 2 && _kept[^2] is var previous && !OnStride(previous) && !Extremes().Contains(previous.Step))
        {
            Drop(previous);
            _kept.RemoveAt(_kept.Count - 2);
        }

        while (_kept.Count > Capacity && Thin())
        {
        }
    }

    /// <summary>The changes since the last call: steps to write (with their values) and steps to delete.</summary>
    public (List<(int Step, IReadOnlyDictionary<string, double> Metrics)> Added, List<int> Removed) Drain()
    {
        var added = _added.OrderBy(a => a.Key).Select(a => (a.Key, a.Value)).ToList();
        var removed = _removed.Order().ToList();
        _added.Clear();
        _removed.Clear();
        return (added, removed);
    }

    private bool OnStride(Point point) => point.Ordinal % _stride == 0;

    /// <summary>Doubles the stride and drops what is off it; false when nothing could be dropped.</summary>
    private bool Thin()
    {
        _stride *= 2;
        var keep = Extremes();
        keep.Add(_kept[0].Step);
        keep.Add(_kept[^1].Step);
        var dropped = _kept.Where(p => !OnStride(p) && !keep.Contains(p.Step)).ToList();
        foreach (var point in dropped)
        {
            Drop(point);
        }

        _kept.RemoveAll(p => !OnStride(p) && !keep.Contains(p.Step));
        return dropped.Count > 0 || _stride < _reports;
    }

    /// <summary>The steps holding each metric's lowest and highest kept value (the first such step on ties).</summary>
    private HashSet<int> Extremes()
    {
        var low = new Dictionary<string, (double Value, int Step)>(StringComparer.Ordinal);
        var high = new Dictionary<string, (double Value, int Step)>(StringComparer.Ordinal);
        foreach (var point in _kept)
        {
            foreach (var (name, value) in point.Metrics)
            {
                if (!low.TryGetValue(name, out var l) || value < l.Value)
                {
                    low[name] = (value, point.Step);
                }

                if (!high.TryGetValue(name, out var h) || value > h.Value)
                {
                    high[name] = (value, point.Step);
                }
            }
        }

        return [.. low.Values.Select(v => v.Step), .. high.Values.Select(v => v.Step)];
    }

    private void MarkAdded(int step, IReadOnlyDictionary<string, double> metrics)
    {
        _added[step] = metrics;
        _removed.Remove(step);
    }

    private void Drop(Point point)
    {
        // Deleting a step never written is harmless; writing it only to delete it is not needed.
        _added.Remove(point.Step);
        _removed.Add(point.Step);
    }

    private sealed record Point(long Ordinal, int Step, IReadOnlyDictionary<string, double> Metrics);
}
