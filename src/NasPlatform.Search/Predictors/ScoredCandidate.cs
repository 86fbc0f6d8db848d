using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Search.Predictors;

/// <summary>A candidate with what a predictor says of it: the predicted utility (larger is better) and its spread.</summary>
public sealed record ScoredCandidate(Candidate Candidate, double Mean, double Spread)
{
    /// <summary>Upper confidence bound: mean + <paramref name="weight"/> × spread.</summary>
    public double UpperBound(double weight) => Mean + (weight * Spread);
}
