namespace NasPlatform.Dashboard;

/// <summary>What `nas dashboard` serves and where.</summary>
public sealed record DashboardOptions
{
    /// <summary>Experiment files (.json) or stores (.db) to show.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Only this experiment of each store; null for all.</summary>
    public string? ExperimentName { get; init; }

    /// <summary>Address to listen on; a loopback address unless <see cref="AllowRemote"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8050;

    /// <summary>Allows a non-loopback <see cref="Host"/>: the dashboard has no authentication, so anyone who reaches the port reads the experiments.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Extra plugin folders, for the plugins' domain views in trial details.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>How often a live page checks the store for new trials.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
