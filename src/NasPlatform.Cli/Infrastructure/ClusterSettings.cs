namespace NasPlatform.Cli.Infrastructure;

/// <summary>What `nas run/resume --cluster` asks for.</summary>
/// <param name="Address">The cluster's Redis address; null runs in this process.</param>
/// <param name="MaxSlots">--workers given with --cluster: at most this many trials at once; null uses every worker slot.</param>
/// <param name="TimeoutSeconds">--cluster-timeout: how long no worker may answer mid-run before the run stops; null for the default.</param>
internal sealed record ClusterSettings(string? Address, int? MaxSlots, double? TimeoutSeconds = null);
