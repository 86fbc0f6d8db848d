using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// A store that lives in memory and dies with the process: what a strategy benchmark runs its
/// thousands of short experiments on, through the same <see cref="Running.ExperimentRunner"/> as
/// <c>nas run</c>, without a file per run. It keeps the rules of <see cref="SqliteTrialStore"/>
/// (unique names, unique trial numbers, one trial per candidate and fidelity, finish only once) so
/// a runner behaves on it exactly as on disk.
/// </summary>
public sealed class InMemoryTrialStore : ITrialStore
{
    private readonly Lock _gate = new();
    private readonly List<ExperimentRecord> _experiments = [];
    private readonly Dictionary<long, SortedDictionary<int, TrialRecord>> _trials = [];
    private readonly Dictionary<long, IReadOnlyList<Fidelity>> _fidelities = [];
    private readonly Dictionary<long, SortedDictionary<long, FrontPoint>> _fronts = [];
    private readonly Dictionary<long, SortedDictionary<long, StrategyEventRecord>> _events = [];
    private readonly Dictionary<long, SortedDictionary<(int Number, int Step), IntermediateValues>> _intermediate = [];

    /// <inheritdoc />
    public string Location => "(in memory)";

    /// <inheritdoc />
    public ExperimentRecord CreateExperiment(string name, string specDocument, int seed, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(specDocument);
        lock (_gate)
        {
            if (_experiments.Any(e => e.Name == name))
            {
                throw new NasConfigurationException($"The in-memory store already holds an experiment named '{name}'.");
            }

            var experiment = new ExperimentRecord(_experiments.Count + 1, name, specDocument, seed, DateTimeOffset.UtcNow, ExperimentStatus.Running, 0, baseDirectory);
            _experiments.Add(experiment);
            _trials[experiment.Id] = [];
            _fronts[experiment.Id] = [];
            _events[experiment.Id] = [];
            _intermediate[experiment.Id] = [];
            return experiment;
        }
    }

    /// <inheritdoc />
    public ExperimentRecord? FindExperiment(string name)
    {
        lock (_gate)
        {
            return _experiments.FirstOrDefault(e => e.Name == name);
        }
    }

    /// <inheritdoc />
    public ExperimentRecord GetExperiment(long experimentId)
    {
        lock (_gate)
        {
            return Experiment(experimentId);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ExperimentRecord> ListExperiments()
    {
        lock (_gate)
        {
            return [.. _experiments];
        }
    }

    /// <inheritdoc />
    public TrialRecord AddTrial(long experimentId, int number, Candidate candidate, string fidelity, IReadOnlyDictionary<string, double> freeStatistics, long toldBefore = 0, IReadOnlyList<int>? parents = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(freeStatistics);
        lock (_gate)
        {
            var trials = Trials(experimentId);
            if (trials.ContainsKey(number) || trials.Values.Any(t => t.Hash == candidate.Hash && t.Fidelity == fidelity))
            {
                throw new InvalidOperationException(
                    $"Cannot record trial {number} of experiment {experimentId}: its number is taken or candidate {candidate.Hash} is already recorded at fidelity '{fidelity}'.");
            }

            var trial = new TrialRecord(experimentId, number, candidate, candidate.Hash, fidelity, TrialState.Pending, Copy(freeStatistics),
                new Dictionary<string, double>(), true, null, null, DateTimeOffset.UtcNow, null, null, null, [], toldBefore)
            {
                Parents = [.. parents ?? []],
            };
            trials[number] = trial;
            return trial;
        }
    }

    /// <inheritdoc />
    public TrialRecord MarkRunning(long experimentId, int number, string worker)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        lock (_gate)
        {
            var trial = InState(experimentId, number, "pending", TrialState.Pending);
            // The new evaluation starts over: what an interrupted one reported no longer applies.
            foreach (var key in _intermediate[experimentId].Keys.Where(k => k.Number == number).ToList())
            {
                _intermediate[experimentId].Remove(key);
            }

            return Trials(experimentId)[number] = trial with { State = TrialState.Running, Worker = worker, StartedAt = DateTimeOffset.UtcNow };
        }
    }

    /// <inheritdoc />
    public TrialRecord Finish(
        long experimentId,
        int number,
        TrialState state,
        IReadOnlyDictionary<string, double> metrics,
        bool feasible,
        string? error,
        IReadOnlyList<Artifact> artifacts,
        long tellSequence,
        string? worker = null)
    {
        TrialRecord.RequireFinishArguments(state, metrics, artifacts);

        lock (_gate)
        {
            var trial = InState(experimentId, number, "pending or running", TrialState.Pending, TrialState.Running);
            return Trials(experimentId)[number] = trial with
            {
                State = state,
                Metrics = Copy(metrics),
                Feasible = feasible,
                Error = error,
                FinishedAt = DateTimeOffset.UtcNow,
                TellSequence = tellSequence,
                Worker = worker ?? trial.Worker,
                Artifacts = [.. artifacts],
            };
        }
    }

    /// <inheritdoc />
    public void AddIntermediateValues(long experimentId, int number, int step, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lock (_gate)
        {
            Experiment(experimentId);
            _intermediate[experimentId][(number, step)] = new IntermediateValues(number, step, Copy(metrics));
        }
    }

    /// <inheritdoc />
    public void RecordIntermediateValues(long experimentId, IReadOnlyList<IntermediateValues> added, IReadOnlyList<(int TrialNumber, int Step)> removed)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        lock (_gate)
        {
            Experiment(experimentId);
            foreach (var values in added)
            {
                _intermediate[experimentId][(values.TrialNumber, values.Step)] = values with { Metrics = Copy(values.Metrics) };
            }

            foreach (var key in removed)
            {
                _intermediate[experimentId].Remove(key);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IntermediateValues> GetIntermediateValues(long experimentId, int? number = null)
    {
        lock (_gate)
        {
            return _intermediate.TryGetValue(experimentId, out var values)
                ? [.. values.Values.Where(v => number is null || v.TrialNumber == number)]
                : [];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> GetTrials(long experimentId)
    {
        lock (_gate)
        {
            return [.. Trials(experimentId).Values];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> RequeueRunning(long experimentId)
    {
        lock (_gate)
        {
            var trials = Trials(experimentId);
            var requeued = trials.Values.Where(t => t.State == TrialState.Running)
                .Select(t => t with { State = TrialState.Pending, Worker = null, StartedAt = null })
                .ToList();
            foreach (var trial in requeued)
            {
                trials[trial.Number] = trial;
            }

            return requeued;
        }
    }

    /// <inheritdoc />
    public void AddElapsed(long experimentId, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Elapsed seconds must be finite and non-negative.");
        }

        Update(experimentId, e => e with { ElapsedSeconds = e.ElapsedSeconds + seconds });
    }

    /// <inheritdoc />
    public void SetStatus(long experimentId, ExperimentStatus status) => Update(experimentId, e => e with { Status = status });

    /// <inheritdoc />
    public void RecordFidelities(long experimentId, IReadOnlyList<Fidelity> fidelities)
    {
        ArgumentNullException.ThrowIfNull(fidelities);
        lock (_gate)
        {
            Experiment(experimentId);
            _fidelities[experimentId] = [.. fidelities];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Fidelity> GetFidelities(long experimentId)
    {
        lock (_gate)
        {
            return _fidelities.TryGetValue(experimentId, out var fidelities) ? fidelities : [];
        }
    }

    /// <inheritdoc />
    public void AddFrontPoint(long experimentId, FrontPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        lock (_gate)
        {
            Experiment(experimentId);
            _fronts[experimentId].TryAdd(point.TellSequence, point);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FrontPoint> GetFrontHistory(long experimentId)
    {
        lock (_gate)
        {
            return _fronts.TryGetValue(experimentId, out var points) ? [.. points.Values] : [];
        }
    }

    /// <inheritdoc />
    public bool AddStrategyEvent(long experimentId, long sequence, StrategyEvent strategyEvent, long trialsTold)
    {
        ArgumentNullException.ThrowIfNull(strategyEvent);
        lock (_gate)
        {
            Experiment(experimentId);
            return _events[experimentId].TryAdd(sequence, new StrategyEventRecord(
                experimentId, sequence, strategyEvent.Kind, strategyEvent.Summary, Copy(strategyEvent.Values), trialsTold, DateTimeOffset.UtcNow));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StrategyEventRecord> GetStrategyEvents(long experimentId, string? kind = null)
    {
        lock (_gate)
        {
            return _events.TryGetValue(experimentId, out var events)
                ? [.. events.Values.Where(e => kind is null || e.Kind == kind)]
                : [];
        }
    }

    /// <summary>Nothing to release: the store is garbage once unreferenced.</summary>
    public void Dispose()
    {
    }

    private static Dictionary<string, double> Copy(IReadOnlyDictionary<string, double> values) => values.ToDictionary(v => v.Key, v => v.Value);

    private ExperimentRecord Experiment(long experimentId) =>
        _experiments.FirstOrDefault(e => e.Id == experimentId)
        ?? throw new KeyNotFoundException($"The in-memory store has no experiment with id {experimentId}.");

    private SortedDictionary<int, TrialRecord> Trials(long experimentId)
    {
        Experiment(experimentId);
        return _trials[experimentId];
    }

    private TrialRecord InState(long experimentId, int number, string expected, params TrialState[] states)
    {
        if (!Trials(experimentId).TryGetValue(number, out var trial) || !states.Contains(trial.State))
        {
            throw new InvalidOperationException(
                $"Trial {number} of experiment {experimentId} is not {expected} ({(trial is null ? "no such trial" : trial.State.ToString())}).");
        }

        return trial;
    }

    private void Update(long experimentId, Func<ExperimentRecord, ExperimentRecord> change)
    {
        lock (_gate)
        {
            var index = _experiments.FindIndex(e => e.Id == experimentId);
            if (index < 0)
            {
                throw new KeyNotFoundException($"The in-memory store has no experiment with id {experimentId}.");
            }

            _experiments[index] = change(_experiments[index]);
        }
    }
}
