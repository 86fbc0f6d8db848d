using System.Diagnostics;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Writes the intermediate values of running trials to the store in batches: a report only updates the trial's
/// <see cref="IntermediateSeries"/> in memory (thinned to at most <see cref="Capacity"/> steps per trial, keeping the
/// first, the last and each metric's extremes), and the changes of every trial go to the store in one transaction at
/// most every <see cref="FlushInterval"/> and when a trial finishes (before its result is recorded, so a finished
/// trial has its whole curve). A process killed mid-run loses at most the last interval's reports of the trials
/// then running, which a resumed run evaluates afresh anyway; no trial is lost. Reports come from worker threads.
/// </summary>
internal sealed class IntermediateRecorder
{
    /// <summary>Steps kept per trial by default: enough for a smooth curve, bounded for a training of any length.</summary>
    public const int DefaultCapacity = 500;

    private readonly ITrialStore _store;
    private readonly long _experimentId;
    private readonly Lock _gate = new();
    private readonly Lock _writing = new();
    private readonly Dictionary<int, IntermediateSeries> _series = [];
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();

    public IntermediateRecorder(ITrialStore store, long experimentId, int capacity = DefaultCapacity, TimeSpan? flushInterval = null)
    {
        _store = store;
        _experimentId = experimentId;
        Capacity = capacity;
        FlushInterval = flushInterval ?? TimeSpan.FromSeconds(2);
    }

    /// <summary>Most steps kept per trial (protected first, last and extreme steps aside).</summary>
    public int Capacity { get; }

    /// <summary>How long reports may wait in memory before they are written.</summary>
    public TimeSpan FlushInterval { get; }

    /// <summary>Store transactions written so far (a test's check that reports are batched).</summary>
    public int Flushes { get; private set; }

    /// <summary>Takes a report of a running trial; writes the pending batch when the interval has passed.</summary>
    public void Report(int number, int step, IReadOnlyDictionary<string, double> metrics)
    {
        bool due;
        lock (_gate)
        {
            if (!_series.TryGetValue(number, out var series))
            {
                _series[number] = series = new IntermediateSeries(Capacity);
            }

            series.Add(step, metrics);
            due = _sinceFlush.Elapsed >= FlushInterval;
        }

        if (due)
        {
            Flush();
        }
    }

    /// <summary>Writes the pending changes: every trial's, or one trial's (which then is forgotten: it finished).</summary>
    public void Flush(int? finished = null)
    {
        // One writer at a time, so two batches of one trial reach the store in the order they were taken.
        lock (_writing)
        {
            var added = new List<IntermediateValues>();
            var removed = new List<(int TrialNumber, int Step)>();
            lock (_gate)
            {
                foreach (var (number, series) in _series.Where(s => finished is null || s.Key == finished))
                {
                    var (stepsAdded, stepsRemoved) = series.Drain();
                    added.AddRange(stepsAdded.Select(a => new IntermediateValues(number, a.Step, a.Metrics)));
                    removed.AddRange(stepsRemoved.Select(step => (number, step)));
                }

                if (finished is { } done)
                {
                    _series.Remove(done);
                }
                else
                {
                    _sinceFlush.Restart();
                }
            }

            if (added.Count + removed.Count > 0)
            {
                _store.RecordIntermediateValues(_experimentId, added, removed);
                Flushes++;
            }
        }
    }

    /// <summary>Drops what an interrupted trial reported and not yet written: its next evaluation starts over.</summary>
    public void Forget(int number)
    {
        lock (_gate)
        {
            _series.Remove(number);
        }
    }
}
