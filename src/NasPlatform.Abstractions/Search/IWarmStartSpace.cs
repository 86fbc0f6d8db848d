using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Abstractions.Search;

/// <summary>
/// Optional, for a search space (<see cref="ISearchSpace"/>; it lives beside the strategies that call it, which hand it a <see cref="TrialOutcome"/>) whose candidates can say where their training starts (the initial angles of a
/// variational circuit): a child made from a trained parent then starts from what the parent learned for the parts
/// they share, as ADAPT-VQE starts each circuit from the previous one's angles. Strategies that make children
/// (regularized evolution with <c>"warmStart": true</c>) call it with the parent's finished trial, so what the child
/// inherits comes from the parent's stored metrics alone: the same after a resume, which replays the stored trials,
/// and for a parent transferred from another experiment's store.
/// </summary>
public interface IWarmStartSpace
{
    /// <summary>
    /// <paramref name="child"/> (a mutation of <paramref name="parent"/>'s candidate) made to start training from the
    /// parent's trained values where they share parts; the child unchanged when the parent's metrics hold nothing
    /// to inherit (a trial of another evaluator) or they share nothing. Deterministic, and draws nothing random.
    /// </summary>
    /// <param name="child">The child candidate, of this space.</param>
    /// <param name="parent">The parent's finished, usable trial (its candidate and metrics).</param>
    /// <exception cref="ArgumentException">The child is not a candidate of this space.</exception>
    Candidate WarmStart(Candidate child, TrialOutcome parent);
}
