using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Workflows.Families;

/// <summary>One candidate of a family: what the predictor says of it, in the primary metric's units.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Predicted">Predicted value of the primary metric.</param>
/// <param name="Spread">The prediction's spread (a standard deviation, in the metric's units).</param>
/// <param name="Measured">The metric's measured value when the experiment evaluated this candidate; null otherwise.</param>
/// <param name="FreeStatistics">The candidate's free statistics.</param>
public sealed record FamilyMember(Candidate Candidate, double Predicted, double Spread, double? Measured, IReadOnlyDictionary<string, double> FreeStatistics);
