using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Spaces;

/// <summary>
/// Optional, for a search space that can take over candidates of a related space of the same name whose options
/// differ, such as the same circuit family on another number of qubits. Trials of one experiment can then teach a
/// strategy of another (<c>"transferFrom"</c>) although the two experiments' spaces are not identical: each
/// transferred trial's candidate is replaced by its counterpart in this space, so the predictor encodes it as one of
/// its own and evolution can mutate it.
/// </summary>
/// <remarks>
/// The counterpart must be a valid candidate of this space (<see cref="ISearchSpace.Validate"/> returns no problem)
/// and must depend only on the candidate given, so that a transfer is reproducible.
/// </remarks>
public interface ICandidateTransfer
{
    /// <summary>
    /// This space's counterpart of <paramref name="candidate"/>, a candidate of a space of the same name with other
    /// options, or null when it has none (it uses a choice this space does not offer, or does not fit).
    /// </summary>
    Candidate? Transfer(Candidate candidate);
}
