using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Search;

/// <summary>An immutable snapshot of a finished trial, as strategies see it.</summary>
/// <param name="Number">The trial's number within its experiment, from 0.</param>
/// <param name="Candidate">The evaluated candidate.</param>
/// <param name="Fidelity">Name of the fidelity it was evaluated at.</param>
/// <param name="State">Completed, Failed or Pruned.</param>
/// <param name="Metrics">Measured metrics (empty when failed; for a pruned trial its last intermediate values, partial, never final: use <see cref="IsUsable"/> trials only).</param>
/// <param name="FreeStatistics">The candidate's free statistics.</param>
/// <param name="Feasible">False when a constraint on metrics is violated.</param>
public sealed record TrialOutcome(
    int Number,
    Candidate Candidate,
    string Fidelity,
    TrialState State,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> FreeStatistics,
    bool Feasible)
{
    /// <summary>True when the trial completed and meets every constraint.</summary>
    public bool IsUsable => State == TrialState.Completed && Feasible;
}
