namespace NasPlatform.Abstractions.Search;

/// <summary>Life cycle of a trial.</summary>
public enum TrialState
{
    /// <summary>Recorded, waiting for a worker.</summary>
    Pending,

    /// <summary>Being evaluated.</summary>
    Running,

    /// <summary>Evaluated; metrics are stored.</summary>
    Completed,

    /// <summary>The evaluation threw, timed out or returned NaN/infinite metrics.</summary>
    Failed,

    /// <summary>Stopped early on purpose by a strategy or pruner.</summary>
    Pruned,
}
