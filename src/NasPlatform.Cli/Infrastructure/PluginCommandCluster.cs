using NasPlatform.Abstractions.Plugins;
using NasPlatform.Distributed.Contracts;
using NasPlatform.Distributed.Coordinator;
using NasPlatform.Distributed.Hosting;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The cluster of a distributable plugin command (<c>nas eda dataset --cluster redis://HOST:PORT</c>): the connection and
/// the command-line session, closed together. Also what a worker's slot calls to run such a command line here.
/// </summary>
internal sealed class PluginCommandCluster : IAsyncDisposable
{
    /// <summary>The option the host adds to every <see cref="PluginCommand.Distributable"/> command.</summary>
    public static readonly PluginCommandOption Option = new("cluster", "URL",
        "Hand the work to the `nas worker`s of this cluster (redis://HOST:PORT, as `nas run --cluster`); the folders the command names must be at the same path on every worker (a shared disk).");

    private readonly ClusterClient _client;

    private PluginCommandCluster(ClusterClient client, ClusterCommandLines lines)
    {
        _client = client;
        Lines = lines;
    }

    public ClusterCommandLines Lines { get; }

    /// <exception cref="Abstractions.NasConfigurationException">A bad address, no worker answered, or a worker lacks the plugin at this version.</exception>
    public static async Task<PluginCommandCluster> OpenAsync(string address, PluginCommand command, PluginIdentity plugin, TextWriter log, CancellationToken cancellationToken)
    {
        var cluster = ClusterAddress.Parse(address, "--cluster");
        var client = await ClusterClient.ConnectAsync(cluster, cancellationToken).ConfigureAwait(false);
        try
        {
            var options = new ClusterDispatchOptions { Log = log.WriteLine };
            return new PluginCommandCluster(client, await ClusterCommandLines.OpenAsync(client.Grains, $"nas {command.Group} {command.Name}", plugin, options, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Lines.DisposeAsync().ConfigureAwait(false);
        await _client.DisposeAsync().ConfigureAwait(false);
    }
}
