using NasPlatform.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasPlatform.Engine;
using Orleans.Configuration;

namespace NasPlatform.Distributed.Hosting;

/// <summary>A coordinator's connection to the cluster: an Orleans client that finds the workers' gateways through Redis.</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>How long to wait for a worker's gateway when none is up yet.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <exception cref="NasConfigurationException">No gateway answered (Redis unreachable, or no worker running).</exception>
    public static async Task<ClusterClient> ConnectAsync(ClusterAddress cluster, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(cluster.RedisConnectionString);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterAddress.ClusterId;
                o.ServiceId = ClusterAddress.ServiceId;
            });
            // A call to a worker that was killed waits this long before the coordinator retries elsewhere.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            // A worker that joins again (after Redis lost the membership, or restarted after a crash) has a new silo identity:
            // find it within a second, not the default minute. One small Redis read a second per coordinator.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ConnectTimeout);
        try
        {
            // The client keeps retrying while Redis lists no gateway; give up after a while with a clear message.
            await host.StartAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new NasConfigurationException(
                $"No worker of the cluster at {cluster} answered within {ConnectTimeout.TotalSeconds:0} s. Start `nas worker --cluster {cluster}` on each machine, then run again.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new NasConfigurationException(
                $"Could not join the cluster at {cluster}: {e.GetType().Name}: {e.Message} Check that redis-server runs there and that at least one `nas worker --cluster {cluster}` is running.");
        }

        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
