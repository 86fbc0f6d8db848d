using NasPlatform.Distributed.Contracts;

namespace NasPlatform.Distributed.Grains;

/// <summary>A trial the queue holds until its report is collected: waiting, or leased to a worker until <see cref="Expires"/>.</summary>
internal sealed class QueuedTrial(TrialWork work)
{
    public TrialWork Work { get; } = work;

    /// <summary>The current hand-out; null while waiting.</summary>
    public Guid? LeaseId { get; set; }

    public string? Worker { get; set; }

    public DateTime Expires { get; set; }

    /// <summary>How often it was handed out.</summary>
    public int Leases { get; set; }
}
