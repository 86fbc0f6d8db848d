using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Storage;

/// <summary>An immutable snapshot of one trial as the store holds it.</summary>
/// <param name="ExperimentId">The experiment the trial belongs to.</param>
/// <param name="Number">The trial's number within its experiment, from 0.</param>
/// <param name="Candidate">The candidate.</param>
/// <param name="Hash">The candidate's hash (<see cref="Candidate.Hash"/>).</param>
/// <param name="Fidelity">Name of the fidelity it is evaluated at.</param>
/// <param name="State">Where it stands.</param>
/// <param name="FreeStatistics">The candidate's free statistics, computed before evaluation.</param>
/// <param name="Metrics">Measured metrics; empty unless completed or pruned (a pruned trial's last intermediate values).</param>
/// <param name="Feasible">False when a constraint on metrics is violated.</param>
/// <param name="Error">Why it failed or was pruned; null otherwise.</param>
/// <param name="Worker">The worker that evaluated it last; null while pending.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="StartedAt">When its (last) evaluation started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="ToldBefore">How many trials the strategy had been told when it proposed this one; resuming replays asks and tells in that order.</param>
/// <param name="TellSequence">Position in the order finished trials were told to the strategy; null until finished.</param>
/// <param name="Artifacts">Files its evaluation produced.</param>
public sealed record TrialRecord(
    long ExperimentId,
    int Number,
    Candidate Candidate,
    string Hash,
    string Fidelity,
    TrialState State,
    IReadOnlyDictionary<string, double> FreeStatistics,
    IReadOnlyDictionary<string, double> Metrics,
    bool Feasible,
    string? Error,
    string? Worker,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long? TellSequence,
    IReadOnlyList<Artifact> Artifacts,
    long ToldBefore = 0)
{
    /// <summary>The earlier trials its candidate was made from (the strategy's <see cref="TrialProposal.Parents"/>); empty when drawn from scratch.</summary>
    public IReadOnlyList<int> Parents { get; init; } = [];

    /// <summary>True once the trial is completed, failed or pruned: it has spent budget.</summary>
    public bool IsFinished => IsFinishedState(State);

    /// <summary>True when the trial completed and meets every constraint.</summary>
    public bool IsUsable => State == TrialState.Completed && Feasible;

    /// <summary>How long its last evaluation took, once finished.</summary>
    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;

    /// <summary>The snapshot a strategy is told.</summary>
    public TrialOutcome ToOutcome() => new(Number, Candidate, Fidelity, State, Metrics, FreeStatistics, Feasible);

    /// <summary>Whether a trial in <paramref name="state"/> has ended: completed, failed or pruned.</summary>
    public static bool IsFinishedState(TrialState state) => state is TrialState.Completed or TrialState.Failed or TrialState.Pruned;

    /// <summary>
    /// The checks every store's <see cref="ITrialStore.Finish"/> applies to its arguments, shared so the stores cannot
    /// drift apart: metrics and artifacts are given, and a trial finishes only to an ended state.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or <paramref name="artifacts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not completed, failed or pruned.</exception>
    internal static void RequireFinishArguments(TrialState state, IReadOnlyDictionary<string, double> metrics, IReadOnlyList<Artifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(artifacts);
        if (!IsFinishedState(state))
        {
            throw new ArgumentException($"A trial finishes as completed, failed or pruned, not {state}.", nameof(state));
        }
    }
}
