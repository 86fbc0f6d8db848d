using NasPlatform.Abstractions;
using NasPlatform.Search;
using NasPlatform.Search.Results;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// One session of an experiment, from restoring its state out of the store to the end of the
/// budget, a cancellation or an error. Everything except the evaluations runs in one logical flow
/// (never two steps at once), so the strategy sees Ask and Tell from one thread at a time.
/// </summary>
internal sealed class RunSession
{
    private readonly ExperimentSpec _spec;
    private readonly ExperimentComponents _components;
    private readonly ITrialStore _store;
    private readonly IRunObserver _observer;
    private readonly RunPlan _plan;
    private readonly ExperimentRecord _experiment;
    private readonly IEvaluationDispatcher _dispatcher;
    private readonly ISearchStrategy _strategy;
    private readonly ProposalSource _proposals;
    private readonly FidelityFronts _fronts;
    private readonly Dictionary<Task<TrialResult>, double> _runningCost = [];
    private readonly HashSet<long> _frontHistory = [];
    private readonly Queue<TrialRecord> _pending = new();
    private readonly Dictionary<Task<TrialResult>, int> _running = [];
    private readonly SortedSet<int> _freeWorkers;
    private readonly Stopwatch _clock = new();
    private double _elapsedRecorded;
    private int _nextNumber;
    private long _nextTell;
    private long _told;
    private int _completed;
    private int _failed;
    private int _pruned;
    private int _infeasible;
    private int _interrupted;
    private double _costFinished;
    private bool _costExhausted;
    private HypervolumeMeasure? _hypervolume;

    public RunSession(
        ExperimentSpec spec,
        ExperimentComponents components,
        ITrialStore store,
        IRunObserver observer,
        RunPlan plan,
        ISearchStrategy strategy,
        ExperimentRecord experiment,
        IEvaluationDispatcher dispatcher)
    {
        _spec = spec;
        _components = components;
        _store = store;
        _observer = observer;
        _plan = plan;
        _experiment = experiment;
        _dispatcher = dispatcher;
        _strategy = strategy;
        _proposals = new ProposalSource(_strategy, components.Space, spec.Constraints, plan.ResolveFidelity, observer);
        _fronts = new FidelityFronts(plan.Objectives, plan.StrategyContext.Fidelities.Select(f => f.Name).ToList());
        _freeWorkers = new SortedSet<int>(Enumerable.Range(0, dispatcher.Slots));
    }

    private int Finished => _completed + _failed + _pruned;

    private double TotalElapsed => _experiment.ElapsedSeconds + _clock.Elapsed.TotalSeconds;

    /// <summary>Fidelity cost of the trials finished (over all sessions) and running.</summary>
    private double CostSpent => _costFinished + _runningCost.Values.Sum();

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        _plan.Journal.Attach(_store, _experiment.Id, () => _told);
        Restore();
        _store.RecordFidelities(_experiment.Id, _plan.StrategyContext.Fidelities);
        _store.SetStatus(_experiment.Id, ExperimentStatus.Running);
        _observer.RunStarted(Summary(ExperimentStatus.Running));

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? stopError;
        try
        {
            stopError = await LoopAsync(shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception unexpected)
        {
            // A strategy, store or observer failed: stop the evaluations and leave the store resumable.
            await shutdown.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
            TryEnd(ExperimentStatus.Failed);
            ExceptionDispatchInfo.Throw(unexpected);
            throw;
        }

        if (stopError is not null)
        {
            End(ExperimentStatus.Failed);
            ExceptionDispatchInfo.Throw(stopError);
        }

        // A cancellation that came after the last trial finished leaves nothing to resume.
        var status = cancellationToken.IsCancellationRequested && (_interrupted > 0 || BudgetAllowsAnother())
            ? ExperimentStatus.Interrupted
            : ExperimentStatus.Completed;
        End(status);
        return Summary(status);
    }

    /// <summary>
    /// Rebuilds the strategy and the counters from the store: replays, in their original order,
    /// every Tell and every Ask (with the generator each trial was proposed with), so a strategy
    /// that plans ahead inside Ask rebuilds exactly as well as one whose state is all in Tell.
    /// </summary>
    private void Restore()
    {
        // A trial left running by a killed or cancelled session goes back to the queue.
        _store.RequeueRunning(_experiment.Id);
        _frontHistory.UnionWith(_store.GetFrontHistory(_experiment.Id).Select(p => p.TellSequence));
        var trials = _store.GetTrials(_experiment.Id);
        var told = trials.Where(t => t.IsFinished).OrderBy(t => t.TellSequence ?? long.MaxValue).ThenBy(t => t.Number).ToList();
        var nextToTell = 0;
        foreach (var trial in trials)
        {
            while (nextToTell < told.Count && told[nextToTell].TellSequence < trial.ToldBefore)
            {
                Replay(told[nextToTell++]);
            }

            _proposals.Replay(trial, ProposalRandom(trial.Number));
        }

        while (nextToTell < told.Count)
        {
            Replay(told[nextToTell++]);
        }

        _hypervolume = _plan.Objectives.IsMultiObjective && told.Count > 0
            ? FrontHypervolume.Measure(_fronts.Members, _plan.Objectives, _spec.ObjectiveReferences)
            : null;

        if (_proposals.ReplayMismatches > 0)
        {
            _observer.Warning($"{_proposals.ReplayMismatches} of {trials.Count} stored proposals came out differently when replayed: " +
                              $"strategy '{_spec.Strategy.Name}' or the search space is not deterministic for a fixed seed, so the resumed search may differ from an uninterrupted one (no stored result is affected).");
        }

        foreach (var trial in trials.Where(t => t.State == TrialState.Pending))
        {
            _plan.ResolveFidelity(trial.Fidelity);
            _pending.Enqueue(trial);
        }

        _nextNumber = trials.Count == 0 ? 0 : trials.Max(t => t.Number) + 1;
        _nextTell = trials.Max(t => t.TellSequence) + 1 ?? 0;
    }

    private void Replay(TrialRecord finished)
    {
        Count(finished);
        // A session killed between recording a trial and its front point leaves a gap; fill it.
        if (finished.TellSequence is { } tell && !_frontHistory.Contains(tell))
        {
            RecordFront(finished);
        }

        _told++;
        _strategy.Tell(finished.ToOutcome());
    }

    private Random ProposalRandom(int number) => new(SeedSequence.Derive(_spec.Seed, number));

    /// <summary>Runs until nothing is left to start or running; returns the configuration error that stopped it, if any.</summary>
    private async Task<Exception?> LoopAsync(CancellationToken shutdown)
    {
        Exception? stopError = null;
        while (true)
        {
            if (stopError is null && !shutdown.IsCancellationRequested)
            {
                try
                {
                    StartTrials(shutdown);
                }
                catch (NasConfigurationException e)
                {
                    // Let the trials already running finish and be recorded before giving up.
                    stopError = e;
                }
            }

            if (_running.Count == 0)
            {
                return stopError;
            }

            var done = await Task.WhenAny(_running.Keys).ConfigureAwait(false);
            _freeWorkers.Add(_running[done]);
            _running.Remove(done);
            _runningCost.Remove(done);
            // Every finished trial is recorded, also after an error has stopped new ones from starting.
            var configurationError = Record(await done.ConfigureAwait(false));
            stopError ??= configurationError;
        }
    }

    private void StartTrials(CancellationToken shutdown)
    {
        while (_freeWorkers.Count > 0 && !shutdown.IsCancellationRequested && BudgetAllowsAnother())
        {
            // A sequential strategy waits for the trial it is running; one that is finished ends the run.
            if (_pending.Count == 0 && (_strategy.IsFinished || _strategy.AwaitsOutcome))
            {
                break;
            }

            TrialRecord trial;
            Fidelity fidelity;
            if (_pending.Count > 0)
            {
                fidelity = _plan.ResolveFidelity(_pending.Peek().Fidelity);
                if (!CostAllows(fidelity.Cost))
                {
                    break;
                }

                trial = _pending.Dequeue();
            }
            else
            {
                var number = _nextNumber;
                var proposal = _proposals.Next(number, ProposalRandom(number));
                if (!CostAllows(proposal.Fidelity.Cost))
                {
                    // Not recorded: the run ends here, and a resume asks again and ends the same way.
                    break;
                }

                trial = _store.AddTrial(_experiment.Id, number, proposal.Candidate, proposal.Fidelity.Name, proposal.FreeStatistics, toldBefore: _nextTell);
                fidelity = proposal.Fidelity;
                _nextNumber++;
            }

            var worker = _freeWorkers.Min;
            _freeWorkers.Remove(worker);
            trial = _store.MarkRunning(_experiment.Id, trial.Number, _dispatcher.DescribeSlot(worker));
            _observer.TrialStarted(trial);
            var request = new EvaluationRequest(trial.Candidate, fidelity, EvaluationSeed(trial.Number), PrepareWorkDirectory(trial.Number));
            var timeout = _spec.TrialTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var execution = EvaluateAsync(trial, new TrialDispatch(trial.Number, request, timeout), worker, shutdown);
            _running.Add(execution, worker);
            _runningCost.Add(execution, fidelity.Cost);
        }
    }

    private async Task<TrialResult> EvaluateAsync(TrialRecord trial, TrialDispatch dispatch, int slot, CancellationToken shutdown)
    {
        var progress = new TrialProgressRelay(trial.Number, _observer);
        EvaluationOutcome outcome;
        try
        {
            outcome = await _dispatcher.EvaluateAsync(dispatch, slot, progress, shutdown).ConfigureAwait(false);
        }
        finally
        {
            progress.Close();
        }

        return new TrialResult(trial, outcome.Result, outcome.Error, outcome.Interrupted, outcome.Worker);
    }

    /// <summary>
    /// Trials budget: finished plus running never exceeds it, and pending trials from an earlier
    /// session already hold their numbers, so the count ends exact. Wall-clock budget: no trial
    /// starts once it is spent; running trials finish (the trial timeout bounds them).
    /// </summary>
    private bool BudgetAllowsAnother() =>
        (_spec.Budget.Seconds is not { } seconds || TotalElapsed < seconds)
        && (_spec.Budget.Trials is not { } trials || Finished + _running.Count < trials)
        && !_costExhausted
        && (_spec.Budget.Cost is null || Fits(_plan.StrategyContext.Fidelities.Min(f => f.Cost)));

    /// <summary>
    /// Cost budget: a trial starts only if the cost of the trials finished and running plus its
    /// own stays within the budget (up to rounding), so the spent cost ends exact or below. The
    /// first trial that does not fit ends the run, even if a cheaper one would.
    /// </summary>
    private bool CostAllows(double cost)
    {
        if (Fits(cost))
        {
            return true;
        }

        _costExhausted = true;
        return false;
    }

    private bool Fits(double cost) =>
        _spec.Budget.Cost is not { } budget || CostSpent + cost <= budget + (1e-9 * Math.Max(1.0, Math.Abs(budget)));

    private double CostOf(string fidelity)
    {
        var known = _plan.StrategyContext.Fidelities.FirstOrDefault(f => f.Name == fidelity);
        if (known is not null)
        {
            return known.Cost;
        }

        // Without a cost budget a stored fidelity the evaluator no longer offers costs nothing here.
        return _spec.Budget.Cost is null ? 0 : _plan.ResolveFidelity(fidelity).Cost;
    }

    /// <summary>Records a finished evaluation and tells the strategy; returns a configuration error it revealed.</summary>
    private NasConfigurationException? Record(TrialResult result)
    {
        if (result.Interrupted)
        {
            // Stays running in the store until the session ends, then goes back to pending.
            _interrupted++;
            return null;
        }

        var verdict = TrialVerdict.Judge(result, _spec, _plan.Objectives, _proposals);
        var artifacts = result.Result?.Artifacts ?? [];
        var trial = _store.Finish(_experiment.Id, result.Trial.Number, verdict.State, verdict.Metrics, verdict.Feasible, verdict.Error, artifacts, _nextTell++, result.Worker);
        Count(trial);
        RecordElapsed();
        RecordFront(trial);
        _told++;
        _strategy.Tell(trial.ToOutcome());
        _observer.TrialFinished(trial, Summary(ExperimentStatus.Running));
        return verdict.ConfigurationError;
    }

    private void Count(TrialRecord trial)
    {
        _costFinished += trial.IsFinished ? CostOf(trial.Fidelity) : 0;
        switch (trial.State)
        {
            case TrialState.Completed:
                _completed++;
                _infeasible += trial.Feasible ? 0 : 1;
                _fronts.Add(trial);
                break;
            case TrialState.Failed:
                _failed++;
                break;
            case TrialState.Pruned:
                _pruned++;
                break;
        }
    }

    /// <summary>With several objectives, measures the front's hypervolume and records it for the finished trial.</summary>
    private void RecordFront(TrialRecord finished)
    {
        if (!_plan.Objectives.IsMultiObjective || finished.TellSequence is not { } tell)
        {
            return;
        }

        _hypervolume = FrontHypervolume.Measure(_fronts.Members, _plan.Objectives, _spec.ObjectiveReferences);
        if (_frontHistory.Add(tell))
        {
            _store.AddFrontPoint(_experiment.Id, new FrontPoint(tell, finished.Number, _hypervolume.FrontSize, _hypervolume.Value, _hypervolume.Reference, _hypervolume.Derived));
        }
    }

    private void End(ExperimentStatus status)
    {
        _store.RequeueRunning(_experiment.Id);
        RecordElapsed();
        _store.SetStatus(_experiment.Id, status);
    }

    private void TryEnd(ExperimentStatus status)
    {
        try
        {
            End(status);
        }
        catch (Exception)
        {
            // The original failure matters more; the next session re-queues whatever is left running.
        }
    }

    private void RecordElapsed()
    {
        var now = _clock.Elapsed.TotalSeconds;
        _store.AddElapsed(_experiment.Id, now - _elapsedRecorded);
        _elapsedRecorded = now;
    }

    private int EvaluationSeed(int number) => SeedSequence.Derive(SeedSequence.Derive(_spec.Seed, number), 1);

    private string PrepareWorkDirectory(int number)
    {
        var directory = Path.Combine(_plan.ArtifactsDirectory, $"trial-{number}");
        // A re-queued trial starts from a clean directory, as it would have the first time.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    private RunSummary Summary(ExperimentStatus status) => new(
        _experiment.Id,
        _experiment.Name,
        status,
        Finished,
        _completed,
        _failed,
        _pruned,
        _infeasible,
        _running.Count,
        _pending.Count + _interrupted,
        _spec.Budget.Trials,
        _spec.Budget.Seconds,
        TotalElapsed,
        BestTrials.From(_fronts, _plan.Objectives),
        _proposals.Rejected)
    {
        CostSpent = CostSpent,
        CostBudget = _spec.Budget.Cost,
        BestFidelity = _fronts.Fidelity,
        Hypervolume = _hypervolume,
    };
}
