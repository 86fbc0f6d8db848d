using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Search.Pruners;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Records the intermediate values evaluators report with a step (always, batched and thinned by the
/// <see cref="IntermediateRecorder"/>: readers show them as learning curves) and, when
/// the experiment has a pruner, judges each running trial at each step against the others and fires its
/// prune signal. Reports come from worker threads, trial starts and ends from the coordinating flow, so
/// the histories are guarded by a lock; the store is the truth, and a resumed run reloads them from it.
/// </summary>
internal sealed class TrialPruning
{
    private readonly IPruner? _pruner;
    private readonly string? _metric;
    private readonly ITrialStore _store;
    private readonly long _experimentId;
    private readonly IntermediateRecorder _recorder;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, TrialHistory> _finished = [];
    private readonly Dictionary<int, Watch> _running = [];

    public TrialPruning(IPruner? pruner, string? metric, ITrialStore store, long experimentId)
    {
        _pruner = pruner;
        _metric = metric;
        _store = store;
        _experimentId = experimentId;
        _recorder = new IntermediateRecorder(store, experimentId);
    }

    /// <summary>How many steps of the pruner's metric were reported in this session (to warn when a pruner sees none).</summary>
    public int MetricReports { get; private set; }

    /// <summary>Whether a pruner judges trials (and the dispatcher must honour prune signals).</summary>
    public bool Prunes => _pruner is not null;

    /// <summary>Loads the stored values of finished trials: the comparisons a resumed run judges against.</summary>
    public void Restore(IReadOnlyList<TrialRecord> trials)
    {
        if (_metric is null)
        {
            return;
        }

        var values = _store.GetIntermediateValues(_experimentId).ToLookup(v => v.TrialNumber);
        lock (_gate)
        {
            foreach (var trial in trials.Where(t => t.IsFinished))
            {
                _finished[trial.Number] = new TrialHistory(ByStep(values[trial.Number]), trial.State == TrialState.Completed);
            }
        }
    }

    /// <summary>Starts watching a trial whose evaluation starts now; its progress goes to <see cref="Report"/>.</summary>
    public CancellationToken Start(int number)
    {
        var watch = new Watch();
        lock (_gate)
        {
            _running[number] = watch;
        }

        return watch.Signal.Token;
    }

    /// <summary>Records a stepped report of a running trial and judges it. Called from worker threads.</summary>
    public void Report(int number, EvaluationProgress progress)
    {
        if (progress.Step is not { } step)
        {
            return;
        }

        var finite = progress.Metrics.Where(m => double.IsFinite(m.Value)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        if (finite.Count == 0)
        {
            return;
        }

        Watch? watch;
        lock (_gate)
        {
            if (!_running.TryGetValue(number, out watch) || watch.Decision is not null)
            {
                return;
            }

            watch.LastValues = finite;
        }

        _recorder.Report(number, step, finite);
        if (_metric is null || !finite.TryGetValue(_metric, out var value))
        {
            return;
        }

        PruneDecision? decision;
        lock (_gate)
        {
            MetricReports++;
            watch.Values[step] = value;
            var others = _finished.Values.Concat(_running.Where(r => r.Key != number).Select(r => new TrialHistory(new Dictionary<int, double>(r.Value.Values), false))).ToList();
            decision = _pruner?.Judge(step, new Dictionary<int, double>(watch.Values), others);
            watch.Decision = decision;
        }

        if (decision is not null)
        {
            watch.Signal.Cancel();
        }
    }

    /// <summary>Why the trial was pruned and its last reported values; null when no pruner stopped it.</summary>
    public (PruneDecision Decision, IReadOnlyDictionary<string, double> LastValues)? Pruned(int number)
    {
        lock (_gate)
        {
            return _running.TryGetValue(number, out var watch) && watch.Decision is { } decision
                ? (decision, watch.LastValues)
                : null;
        }
    }

    /// <summary>Writes what a trial reported and is not yet in the store: called before its result is recorded.</summary>
    public void FlushValues(int number) => _recorder.Flush(number);

    /// <summary>Stops watching a trial; a finished one joins the comparisons, an interrupted one is forgotten (it starts over).</summary>
    public void End(int number, TrialRecord? finished)
    {
        if (finished is null)
        {
            _recorder.Forget(number);
        }

        lock (_gate)
        {
            if (_running.Remove(number, out var watch))
            {
                if (finished is not null && _metric is not null)
                {
                    _finished[number] = new TrialHistory(watch.Values, finished.State == TrialState.Completed);
                }
            }
        }
    }

    private Dictionary<int, double> ByStep(IEnumerable<IntermediateValues> values) =>
        values.Where(v => v.Metrics.ContainsKey(_metric!)).ToDictionary(v => v.Step, v => v.Metrics[_metric!]);

    private sealed class Watch
    {
        public CancellationTokenSource Signal { get; } = new();

        public Dictionary<int, double> Values { get; } = [];

        public IReadOnlyDictionary<string, double> LastValues { get; set; } = new Dictionary<string, double>();

        public PruneDecision? Decision { get; set; }
    }
}
