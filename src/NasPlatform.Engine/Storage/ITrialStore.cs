using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// The experiment store: the only source of truth about experiments and their trials. Every
/// write is one transaction, so a process killed at any point leaves every finished trial intact.
/// Implementations are safe to call from several threads.
/// </summary>
public interface ITrialStore : IDisposable
{
    /// <summary>Where the store lives (a file path for the SQLite store).</summary>
    string Location { get; }

    /// <summary>Records a new experiment with status <see cref="ExperimentStatus.Running"/>.</summary>
    /// <exception cref="NasConfigurationException">An experiment with that name exists already.</exception>
    ExperimentRecord CreateExperiment(string name, string specDocument, int seed, string baseDirectory);

    /// <summary>The experiment with that name, or null.</summary>
    ExperimentRecord? FindExperiment(string name);

    /// <summary>The experiment with that id.</summary>
    /// <exception cref="KeyNotFoundException">No such experiment.</exception>
    ExperimentRecord GetExperiment(long experimentId);

    /// <summary>All experiments, oldest first.</summary>
    IReadOnlyList<ExperimentRecord> ListExperiments();

    /// <summary>
    /// Records a new trial in state <see cref="TrialState.Pending"/>, with the earlier trials its candidate was made
    /// from (<see cref="TrialProposal.Parents"/>; none when null) in the same transaction.
    /// </summary>
    /// <exception cref="InvalidOperationException">The number is taken, or the candidate is already recorded at that fidelity.</exception>
    TrialRecord AddTrial(long experimentId, int number, Candidate candidate, string fidelity, IReadOnlyDictionary<string, double> freeStatistics, long toldBefore = 0, IReadOnlyList<int>? parents = null);

    /// <summary>
    /// Moves a pending trial to <see cref="TrialState.Running"/> on <paramref name="worker"/>, dropping the
    /// intermediate values of an earlier, interrupted evaluation of it (the new one starts over).
    /// </summary>
    /// <exception cref="InvalidOperationException">The trial does not exist or is not pending.</exception>
    TrialRecord MarkRunning(long experimentId, int number, string worker);

    /// <summary>Finishes a pending or running trial, with its artifacts, in one transaction.</summary>
    /// <param name="experimentId">The experiment.</param>
    /// <param name="number">The trial.</param>
    /// <param name="state">Completed, Failed or Pruned.</param>
    /// <param name="metrics">Measured metrics (finite values only; empty when failed).</param>
    /// <param name="feasible">False when a constraint on metrics is violated.</param>
    /// <param name="error">Why it failed; null otherwise.</param>
    /// <param name="artifacts">Files its evaluation produced.</param>
    /// <param name="tellSequence">Its position in the order finished trials are told to the strategy.</param>
    /// <param name="worker">Who evaluated it, when known only now (a cluster worker); null keeps the worker recorded when it started.</param>
    /// <exception cref="InvalidOperationException">The trial does not exist or is finished already.</exception>
    TrialRecord Finish(
        long experimentId,
        int number,
        TrialState state,
        IReadOnlyDictionary<string, double> metrics,
        bool feasible,
        string? error,
        IReadOnlyList<Artifact> artifacts,
        long tellSequence,
        string? worker = null);

    /// <summary>Records what a running trial's evaluator reported at <paramref name="step"/>; a step recorded before is replaced.</summary>
    void AddIntermediateValues(long experimentId, int number, int step, IReadOnlyDictionary<string, double> metrics);

    /// <summary>
    /// Records a batch of intermediate values (a step recorded before is replaced) and drops the steps in
    /// <paramref name="removed"/>, in one transaction: how a run writes them, a batch every few seconds rather than a
    /// write per step, thinned so a long training keeps a bounded number of steps per trial.
    /// </summary>
    void RecordIntermediateValues(long experimentId, IReadOnlyList<IntermediateValues> added, IReadOnlyList<(int TrialNumber, int Step)> removed);

    /// <summary>The experiment's intermediate values by trial and step; one trial's when <paramref name="number"/> is given.</summary>
    IReadOnlyList<IntermediateValues> GetIntermediateValues(long experimentId, int? number = null);

    /// <summary>All trials of an experiment, by number.</summary>
    IReadOnlyList<TrialRecord> GetTrials(long experimentId);

    /// <summary>Moves every running trial of the experiment back to pending and returns them, by number.</summary>
    IReadOnlyList<TrialRecord> RequeueRunning(long experimentId);

    /// <summary>Adds wall-clock seconds of running to the experiment's total.</summary>
    void AddElapsed(long experimentId, double seconds);

    /// <summary>Sets the experiment's status.</summary>
    void SetStatus(long experimentId, ExperimentStatus status);

    /// <summary>
    /// Records the evaluator's fidelities, cheapest first, replacing those recorded before: what
    /// readers without the plugin (<c>nas status</c>) need to rank fidelities and sum costs.
    /// </summary>
    void RecordFidelities(long experimentId, IReadOnlyList<Fidelity> fidelities);

    /// <summary>The fidelities last recorded for the experiment, cheapest first; empty when none were.</summary>
    IReadOnlyList<Fidelity> GetFidelities(long experimentId);

    /// <summary>Records the Pareto front's hypervolume after a finished trial; a point for the same tell sequence is kept, not replaced.</summary>
    void AddFrontPoint(long experimentId, FrontPoint point);

    /// <summary>The recorded hypervolumes, in tell order.</summary>
    IReadOnlyList<FrontPoint> GetFrontHistory(long experimentId);

    /// <summary>
    /// Records an event the experiment's strategy reported, unless one is already recorded under
    /// <paramref name="sequence"/> (a resumed strategy replaying its history reports its events again).
    /// </summary>
    /// <returns>True when recorded, false when that sequence number was already there.</returns>
    bool AddStrategyEvent(long experimentId, long sequence, StrategyEvent strategyEvent, long trialsTold);

    /// <summary>The experiment's strategy events by sequence; only those of <paramref name="kind"/> when given.</summary>
    IReadOnlyList<StrategyEventRecord> GetStrategyEvents(long experimentId, string? kind = null);
}
