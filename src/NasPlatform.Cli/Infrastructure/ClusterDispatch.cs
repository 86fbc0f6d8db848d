using NasPlatform.Distributed.Coordinator;
using NasPlatform.Distributed.Hosting;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>A run's connection to the cluster and its dispatcher, closed together.</summary>
internal sealed class ClusterDispatch : IAsyncDisposable
{
    private readonly ClusterClient _client;

    private ClusterDispatch(ClusterClient client, ClusterDispatcher dispatcher)
    {
        _client = client;
        Dispatcher = dispatcher;
    }

    public ClusterDispatcher Dispatcher { get; }

    public static async Task<ClusterDispatch> OpenAsync(string address, int? maxSlots, ExperimentSpec spec, PluginCatalog plugins, CancellationToken cancellationToken)
    {
        var cluster = ClusterAddress.Parse(address, "--cluster");
        var client = await ClusterClient.ConnectAsync(cluster, cancellationToken).ConfigureAwait(false);
        try
        {
            var options = new ClusterDispatchOptions { MaxSlots = maxSlots, Log = line => Console.Error.WriteLine(line) };
            return new ClusterDispatch(client, await ClusterDispatcher.OpenAsync(client.Grains, spec, plugins, options, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.DisposeAsync().ConfigureAwait(false);
        await _client.DisposeAsync().ConfigureAwait(false);
    }
}
