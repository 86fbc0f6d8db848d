using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Search;

/// <summary>What a strategy asks the engine to evaluate next.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Fidelity">Name of the fidelity to evaluate at; null means the experiment's default fidelity.</param>
public sealed record TrialProposal(Candidate Candidate, string? Fidelity = null)
{
    /// <summary>
    /// The trials (by <see cref="TrialOutcome.Number"/>) the candidate was made from: the mutated tournament winner of
    /// an evolution, the two parents of a crossover. The host stores them with the trial, for the lineage views.
    /// Empty (the default) for a candidate drawn from scratch; a strategy that does not track parents leaves it so.
    /// </summary>
    public IReadOnlyList<int> Parents { get; init; } = [];
}
