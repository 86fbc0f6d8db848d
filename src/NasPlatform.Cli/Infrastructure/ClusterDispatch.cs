using NasPlatform.Abstractions;
using NasPlatform.Distributed.Coordinator;
using NasPlatform.Distributed.Hosting;
using NasPlatform.Engine;
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

    /// <exception cref="NasConfigurationException">A bad address or timeout, or no worker answered.</exception>
    public static async Task<ClusterDispatch> OpenAsync(ClusterSettings settings, string address, ExperimentSpec spec, PluginCatalog plugins, CancellationToken cancellationToken)
    {
        var cluster = ClusterAddress.Parse(address, "--cluster");
        var options = new ClusterDispatchOptions { MaxSlots = settings.MaxSlots, Log = line => Console.Error.WriteLine(line) };
        if (settings.TimeoutSeconds is { } seconds)
        {
            options = double.IsFinite(seconds) && seconds is > 0 and <= 86_400
                ? options with { UnreachableLimit = TimeSpan.FromSeconds(seconds) }
                : throw new NasConfigurationException($"--cluster-timeout must be a number of seconds above 0 and at most 86400 (a day), not {seconds}.");
        }

        var client = await ClusterClient.ConnectAsync(cluster, cancellationToken).ConfigureAwait(false);
        try
        {
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
