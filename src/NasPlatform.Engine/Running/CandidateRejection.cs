using NasPlatform.Search.Constraints;
using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Engine.Running;

/// <summary>Why a proposal was resampled without spending budget.</summary>
public enum RejectionReason
{
    /// <summary>A free statistic breaks a constraint (the early exit: no evaluation is spent on it).</summary>
    Constraint,

    /// <summary>The candidate is already in the store at that fidelity.</summary>
    Duplicate,
}

/// <summary>A proposal the runner resampled instead of evaluating.</summary>
/// <param name="TrialNumber">The trial the proposal was for.</param>
/// <param name="Candidate">The rejected candidate.</param>
/// <param name="Reason">Why.</param>
/// <param name="Constraint">The violated constraint, for <see cref="RejectionReason.Constraint"/>.</param>
/// <param name="Value">The free statistic's value, for <see cref="RejectionReason.Constraint"/>.</param>
public sealed record CandidateRejection(int TrialNumber, Candidate Candidate, RejectionReason Reason, Constraint? Constraint, double? Value)
{
    /// <summary>One line for a log.</summary>
    public string Message => Reason == RejectionReason.Constraint
        ? $"trial {TrialNumber}: candidate {Candidate.Hash} breaks {Constraint} ({Constraint?.Quantity} = {Value})"
        : $"trial {TrialNumber}: candidate {Candidate.Hash} is already in the store";
}
