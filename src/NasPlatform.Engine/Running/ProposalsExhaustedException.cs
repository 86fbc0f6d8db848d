namespace NasPlatform.Engine.Running;

/// <summary>
/// Why a run gave up finding a candidate: the facts behind the <see cref="NasPlatform.Abstractions.NasConfigurationException"/>
/// the runner throws (as its inner exception), for callers that word them their own way, such as a strategy benchmark.
/// </summary>
public sealed class ProposalsExhaustedException : Exception
{
    /// <param name="message">What happened, for people.</param>
    /// <param name="trialNumber">The trial no acceptable candidate was found for.</param>
    /// <param name="duplicates">Proposals refused as already in the store.</param>
    /// <param name="constraintViolations">Proposals refused for breaking a constraint on free statistics.</param>
    public ProposalsExhaustedException(string message, int trialNumber, int duplicates, int constraintViolations)
        : base(message)
    {
        TrialNumber = trialNumber;
        Duplicates = duplicates;
        ConstraintViolations = constraintViolations;
    }

    /// <summary>The trial no acceptable candidate was found for.</summary>
    public int TrialNumber { get; }

    /// <summary>Proposals refused as already in the store.</summary>
    public int Duplicates { get; }

    /// <summary>Proposals refused for breaking a constraint on free statistics.</summary>
    public int ConstraintViolations { get; }
}
