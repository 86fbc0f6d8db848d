using NasPlatform.Abstractions;
using NasPlatform.Search;
using NasPlatform.Search.Results;
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
/// <remarks>
/// The session drives the trial loop; its parts each hold one concern: <see cref="ExperimentStanding"/>
/// (counts, cost spent, best trials, front), <see cref="RunBudget"/> (may another trial start),
/// <see cref="FrontRecorder"/> (the stored hypervolume history), <see cref="TrialSlots"/> (pending
/// trials and evaluations in flight) and <see cref="SessionRestore"/> (replaying the store).
/// </remarks>
internal sealed class RunSession
{
    private readonly ExperimentSpec _spec;
    private readonly ITrialStore _store;
    private readonly IRunObserver _observer;
    private readonly RunPlan _plan;
    private readonly ExperimentRecord _experiment;
    private readonly IEvaluationDispatcher _dispatcher;
    private readonly ISearchStrategy _strategy;
    private readonly ProposalSource _proposals;
    private readonly ExperimentStanding _standing;
    private readonly RunBudget _budget;
    private readonly FrontRecorder _front;
    private readonly TrialSlots _slots;
    private readonly TrialPruning _pruning;
    private readonly IReadOnlyList<string> _declaredMetrics;
    private int _nextNumber;
    private long _nextTell;
    private long _told;

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
        _store = store;
        _observer = observer;
        _plan = plan;
        _experiment = experiment;
        _dispatcher = dispatcher;
        _strategy = strategy;
        _proposals = new ProposalSource(_strategy, components.Space, spec.Constraints, plan.ResolveFidelity, observer);
        var fidelities = plan.StrategyContext.Fidelities;
        _standing = new ExperimentStanding(plan.Objectives, spec.ObjectiveReferences, spec.Budget, fidelities)
        {
            // Without a cost budget a stored fidelity the evaluator no longer offers costs nothing here.
            CostOfUnknownFidelity = spec.Budget.Cost is null ? null : name => plan.ResolveFidelity(name).Cost,
        };
        _budget = new RunBudget(spec.Budget, _standing, fidelities, experiment.ElapsedSeconds);
        _front = new FrontRecorder(store, experiment.Id, _standing);
        _slots = new TrialSlots(dispatcher.Slots);
        _declaredMetrics = components.Evaluator.Metrics;
        _pruning = new TrialPruning(spec.Pruner?.Create(spec.Objectives), spec.Pruner?.Metric, store, experiment.Id);
    }

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        _budget.Start();
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
            await Task.WhenAll(_slots.Running).ConfigureAwait(false);
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
        var status = cancellationToken.IsCancellationRequested && (_slots.Interrupted > 0 || _budget.AllowsAnother())
            ? ExperimentStatus.Interrupted
            : ExperimentStatus.Completed;
        WarnIfNothingToPrune();
        End(status);
        return Summary(status);
    }

    /// <summary>A pruner that saw no intermediate value of its metric did nothing: say so rather than let it pass silently.</summary>
    private void WarnIfNothingToPrune()
    {
        if (_spec.Pruner is { } pruner && _pruning.MetricReports == 0 && _standing.Completed + _standing.Pruned > 0)
        {
            _observer.Warning($"Pruner '{pruner.Name}' watches '{pruner.Metric}', but evaluator '{_spec.Evaluator.Name}' reported no intermediate value of it with a step in this session, so no trial could be pruned. " +
                              "Evaluators that report per-epoch validation metrics (EvaluationProgress.Step) can be pruned; for others remove \"pruner\".");
        }
    }

    /// <summary>Rebuilds the strategy, the standing and the queue of pending trials from the store.</summary>
    private void Restore()
    {
        _front.Load();
        var trials = new SessionRestore(_spec, _store, _experiment.Id, _proposals, _observer).Replay(Replay);
        _pruning.Restore(trials);
        foreach (var trial in trials.Where(t => t.State == TrialState.Pending))
        {
            _plan.ResolveFidelity(trial.Fidelity);
            _standing.Apply(trial);
            _slots.Enqueue(trial);
        }

        _nextNumber = trials.Count == 0 ? 0 : trials.Max(t => t.Number) + 1;
        _nextTell = trials.Max(t => t.TellSequence) + 1 ?? 0;
    }

    private void Replay(TrialRecord finished)
    {
        _standing.Apply(finished);
        _front.Record(finished);
        _told++;
        _strategy.Tell(finished.ToOutcome());
    }

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

            if (_slots.Running.Count == 0)
            {
                return stopError;
            }

            var done = await Task.WhenAny(_slots.Running).ConfigureAwait(false);
            _slots.Done(done);
            // Every finished trial is recorded, also after an error has stopped new ones from starting.
            var configurationError = Record(await done.ConfigureAwait(false));
            stopError ??= configurationError;
        }
    }

    private void StartTrials(CancellationToken shutdown)
    {
        while (_slots.HasFreeSlot && !shutdown.IsCancellationRequested && _budget.AllowsAnother())
        {
            // A sequential strategy waits for the trial it is running; one that is finished ends the run.
            if (_slots.NextPending is null && (_strategy.IsFinished || _strategy.AwaitsOutcome))
            {
                break;
            }

            TrialRecord trial;
            Fidelity fidelity;
            if (_slots.NextPending is { } pending)
            {
                fidelity = _plan.ResolveFidelity(pending.Fidelity);
                if (!_budget.CostAllows(fidelity.Cost))
                {
                    break;
                }

                trial = _slots.Dequeue();
            }
            else
            {
                var number = _nextNumber;
                var proposal = _proposals.Next(number, SessionRestore.ProposalRandom(_spec.Seed, number));
                if (!_budget.CostAllows(proposal.Fidelity.Cost))
                {
                    // Not recorded: the run ends here, and a resume asks again and ends the same way.
                    break;
                }

                trial = _store.AddTrial(_experiment.Id, number, proposal.Candidate, proposal.Fidelity.Name, proposal.FreeStatistics, toldBefore: _nextTell, parents: proposal.Parents);
                fidelity = proposal.Fidelity;
                _nextNumber++;
            }

            var worker = _slots.TakeSlot();
            trial = _store.MarkRunning(_experiment.Id, trial.Number, _dispatcher.DescribeSlot(worker));
            _standing.Apply(trial);
            _observer.TrialStarted(trial);
            var request = new EvaluationRequest(trial.Candidate, fidelity, EvaluationSeed(trial.Number), PrepareWorkDirectory(trial.Number));
            var timeout = _spec.TrialTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var dispatch = new TrialDispatch(trial.Number, request, timeout) { Prune = _pruning.Start(trial.Number) };
            _slots.Started(EvaluateAsync(trial, dispatch, worker, shutdown), worker);
        }
    }

    private async Task<TrialResult> EvaluateAsync(TrialRecord trial, TrialDispatch dispatch, int slot, CancellationToken shutdown)
    {
        var progress = new TrialProgressRelay(trial.Number, _observer, _pruning);
        EvaluationOutcome outcome;
        try
        {
            outcome = await _dispatcher.EvaluateAsync(dispatch, slot, progress, shutdown).ConfigureAwait(false);
        }
        finally
        {
            progress.Close();
        }

        return new TrialResult(trial, outcome.Result, outcome.Error, outcome.Interrupted, outcome.Worker) { Pruned = outcome.Pruned };
    }

    /// <summary>Records a finished evaluation and tells the strategy; returns a configuration error it revealed.</summary>
    private NasConfigurationException? Record(TrialResult result)
    {
        if (result.Interrupted)
        {
            // Stays running in the store until the session ends, then goes back to pending: count it as pending now.
            _slots.Interrupt();
            _standing.Apply(result.Trial with { State = TrialState.Pending });
            _pruning.End(result.Trial.Number, null);
            return null;
        }

        var verdict = result.Pruned && _pruning.Pruned(result.Trial.Number) is { } pruned
            ? TrialVerdict.PrunedEarly(pruned.Decision, pruned.LastValues)
            : TrialVerdict.Judge(result, _spec, _plan.Objectives, _declaredMetrics);
        if (verdict.ConfigurationError is { } configuration)
        {
            // The file (or the evaluator) is wrong, not the candidate: the trial is not judged, counted or told. It
            // stays running until the session ends, then goes back to pending, and a resume after the fix evaluates it.
            _slots.Interrupt();
            _standing.Apply(result.Trial with { State = TrialState.Pending });
            _pruning.End(result.Trial.Number, null);
            return configuration;
        }

        var artifacts = result.Result?.Artifacts ?? [];
        _pruning.FlushValues(result.Trial.Number);
        var trial = _store.Finish(_experiment.Id, result.Trial.Number, verdict.State, verdict.Metrics, verdict.Feasible, verdict.Error, artifacts, _nextTell++, result.Worker);
        RemoveIfEmpty(WorkDirectory(trial.Number));
        _standing.Apply(trial);
        _pruning.End(trial.Number, trial);
        RecordElapsed();
        _front.Record(trial);
        _told++;
        _strategy.Tell(trial.ToOutcome());
        _observer.TrialFinished(trial, Summary(ExperimentStatus.Running));
        return verdict.ConfigurationError;
    }

    private void End(ExperimentStatus status)
    {
        _store.RequeueRunning(_experiment.Id);
        RecordElapsed();
        _store.SetStatus(_experiment.Id, status);
        RemoveIfEmpty(_plan.ArtifactsDirectory);
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

    private void RecordElapsed() => _store.AddElapsed(_experiment.Id, _budget.TakeUnrecordedSeconds());

    private int EvaluationSeed(int number) => SeedSequence.Derive(SeedSequence.Derive(_spec.Seed, number), 1);

    private string WorkDirectory(int number) => Path.Combine(_plan.ArtifactsDirectory, $"trial-{number}");

    /// <summary>
    /// Removes a work directory its evaluator left empty (a table lookup writes nothing), so the artifacts folder
    /// holds only what trials wrote. Never fails the run: a directory someone else filled or locked stays.
    /// </summary>
    private static void RemoveIfEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file appeared between the check and the delete, or the folder is not ours to remove: keep it.
        }
    }

    private string PrepareWorkDirectory(int number)
    {
        var directory = WorkDirectory(number);
        // A re-queued trial starts from a clean directory, as it would have the first time.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    private RunSummary Summary(ExperimentStatus status) =>
        RunSummary.Of(_experiment, status, _standing, _budget.TotalElapsed, _proposals.Rejected);
}
