using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Search;

/// <summary>What a strategy asks the engine to evaluate next.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Fidelity">Name of the fidelity to evaluate at; null means the experiment's default fidelity.</param>
public sealed record TrialProposal(Candidate Candidate, string? Fidelity = null);
