using Microsoft.Extensions.Hosting;
using NasPlatform.Distributed.Worker;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Distributed.Hosting;

/// <summary>
/// A worker's silo, kept in the cluster for as long as the process runs (what `nas worker` runs). Every
/// <see cref="CheckInterval"/> it reads the membership table in Redis; when Redis answers without this
/// silo (restarted without its data, flushed, restored from an older snapshot) it stops the silo and
/// joins again as a new one on the same address and ports, so coordinators and other workers find it
/// again without anyone restarting the process. Trials the old silo was evaluating are not reported:
/// their coordinator offers them again, and the store records each trial once.
/// </summary>
public sealed class WorkerSupervisor
{
    /// <summary>How often the membership table is read.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt to join again may take before it is abandoned and retried.</summary>
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive checks that must find the silo missing: one read is not trusted alone.</summary>
    private const int LostChecksBeforeRejoin = 2;

    private readonly ClusterAddress _cluster;
    private readonly WorkerEndpoint _endpoint;
    private readonly PluginCatalog _plugins;
    private readonly WorkerOptions _options;
    private IHost? _host;

    public WorkerSupervisor(ClusterAddress cluster, WorkerEndpoint endpoint, PluginCatalog plugins, WorkerOptions options)
    {
        _cluster = cluster;
        _endpoint = endpoint;
        _plugins = plugins;
        _options = options;
    }

    /// <summary>How often the worker joined again after the membership table lost it.</summary>
    public int Rejoins { get; private set; }

    /// <summary>Joins the cluster; on failure the silo is stopped again and the exception rethrown.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var host = WorkerHost.Build(_cluster, _endpoint, _plugins, _options);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await WorkerHost.StopAsync(host).ConfigureAwait(false);
            throw;
        }

        _host = host;
    }

    /// <summary>Checks the membership table until <paramref name="stop"/> fires, joining again whenever the silo was lost.</summary>
    public async Task WatchAsync(CancellationToken stop)
    {
        var lost = 0;
        while (!stop.IsCancellationRequested)
        {
            await Delay(CheckInterval, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested || _host is not { } host)
            {
                return;
            }

            MembershipState state;
            string why;
            try
            {
                (state, why) = await MembershipCheck.CheckAsync(host.Services, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            lost = state switch
            {
                MembershipState.Lost => lost + 1,
                MembershipState.Listed => 0,
                _ => lost,
            };
            if (lost >= LostChecksBeforeRejoin)
            {
                lost = 0;
                await RejoinAsync(host, why, stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops the current silo within <see cref="WorkerHost.StopLimit"/>; see <see cref="WorkerHost.StopAsync"/>.</summary>
    /// <returns>Whether it left the cluster cleanly.</returns>
    public Task<bool> StopAsync()
    {
        var host = Interlocked.Exchange(ref _host, null);
        return host is null ? Task.FromResult(true) : WorkerHost.StopAsync(host);
    }

    private async Task RejoinAsync(IHost old, string why, CancellationToken stop)
    {
        Log($"Worker: {why}: Redis at {_cluster} restarted without its data or lost it. Joining the cluster again as a new silo on {_endpoint.Address}:{_endpoint.SiloPort}.");
        _host = null;
        // Its row is gone, so a clean leave cannot be written; its unreported trials are offered again by their coordinators.
        await WorkerHost.StopAsync(old, abrupt: true).ConfigureAwait(false);
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            var host = WorkerHost.Build(_cluster, _endpoint, _plugins, _options);
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
                limit.CancelAfter(JoinLimit);
                await host.StartAsync(limit.Token).ConfigureAwait(false);
                _host = host;
                Rejoins++;
                Log($"Worker rejoined the cluster at {_cluster} (attempt {attempt}).");
                return;
            }
            catch (Exception e)
            {
                await WorkerHost.StopAsync(host, abrupt: true).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                Log($"Worker: joining the cluster again failed ({e.GetType().Name}: {e.Message}); trying again in 2 s.");
                await Delay(TimeSpan.FromSeconds(2), stop).ConfigureAwait(false);
            }
        }
    }

    private void Log(string line) => _options.Log?.Invoke(line);

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop ends.
        }
    }
}
