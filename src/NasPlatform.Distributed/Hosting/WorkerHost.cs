using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasPlatform.Distributed.Worker;
using NasPlatform.Engine.Plugins;
using Orleans.Configuration;

namespace NasPlatform.Distributed.Hosting;

/// <summary>Builds the host of a worker silo that joins the cluster through Redis (what `nas worker` runs), and stops it in bounded time.</summary>
public static class WorkerHost
{
    /// <summary>
    /// How long a stop tries to leave the cluster cleanly (telling Redis, finishing the slots' calls)
    /// before Orleans is told to stop at once. With Redis down or frozen a clean leave never completes.
    /// </summary>
    public static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(4);

    /// <summary>The most <see cref="StopAsync"/> waits in all: a service manager's SIGKILL usually follows SIGTERM after 10 s.</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(6);

    public static IHost Build(ClusterAddress cluster, WorkerEndpoint endpoint, PluginCatalog plugins, WorkerOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Bounds a StopAsync() called without a token as well.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = GracefulStop);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(cluster.RedisConnectionString);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterAddress.ClusterId;
                o.ServiceId = ClusterAddress.ServiceId;
            });
            // The silo and gateway ports are unauthenticated and unencrypted: listen on the advertised address only, never on every interface.
            silo.ConfigureEndpoints(endpoint.Address, endpoint.SiloPort, endpoint.GatewayPort, listenOnAnyHostAddress: false);
            // Calls are short (waits of a second); a silo that died answers within this or is declared dead.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.AddNasWorker(plugins, options);
        });
        return builder.Build();
    }

    /// <summary>
    /// Stops and disposes a worker's host within <see cref="StopLimit"/>: a clean leave for
    /// <see cref="GracefulStop"/>, then an abrupt one; if even that hangs (Redis frozen, a call that
    /// never returns) the host is abandoned, since the process is about to exit and the worker's
    /// leases lapse on their own.
    /// </summary>
    /// <param name="host">A host from <see cref="Build"/>, started or not.</param>
    /// <param name="abrupt">Skip the clean leave (the silo is being replaced: its row in the membership table is gone anyway).</param>
    /// <returns>Whether the worker left the cluster cleanly (false: stopped abruptly, or abandoned).</returns>
    public static async Task<bool> StopAsync(IHost host, bool abrupt = false)
    {
        using var graceful = new CancellationTokenSource(GracefulStop);
        if (abrupt)
        {
            await graceful.CancelAsync().ConfigureAwait(false);
        }

        var stopped = StopAndDisposeAsync(host, graceful);
        if (await Task.WhenAny(stopped, Task.Delay(StopLimit)).ConfigureAwait(false) != stopped)
        {
            // Observed later so an abandoned stop's failure is not an unobserved task exception.
            _ = stopped.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return false;
        }

        return await stopped.ConfigureAwait(false);
    }

    private static async Task<bool> StopAndDisposeAsync(IHost host, CancellationTokenSource graceful)
    {
        var clean = true;
        try
        {
            await host.StopAsync(graceful.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // With Redis gone the membership update fails or is cancelled; the silo is down either way.
            clean = false;
        }

        clean &= !graceful.IsCancellationRequested;
        // Disposing may wait on the Redis connection too; it runs under the caller's limit.
        if (host is IAsyncDisposable async)
        {
            await async.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }

        return clean;
    }
}
