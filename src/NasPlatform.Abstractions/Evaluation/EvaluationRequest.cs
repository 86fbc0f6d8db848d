using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Evaluation;

/// <summary>What an evaluator is asked to measure.</summary>
/// <param name="Candidate">The candidate to evaluate.</param>
/// <param name="Fidelity">The budget level to evaluate it at.</param>
/// <param name="Seed">Seed for any randomness inside the evaluation, derived from the experiment seed and trial number.</param>
/// <param name="WorkDirectory">A directory of this trial's own, for scratch files and artifacts; it exists.</param>
public sealed record EvaluationRequest(Candidate Candidate, Fidelity Fidelity, int Seed, string WorkDirectory);
