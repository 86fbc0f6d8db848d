using Microsoft.Extensions.Hosting;
using NasPlatform.Distributed.Worker;
using NasPlatform.Engine.Plugins;
using Orleans.Configuration;

namespace NasPlatform.Distributed.Hosting;

/// <summary>Builds the host of a worker silo that joins the cluster through Redis (what `nas worker` runs).</summary>
public static class WorkerHost
{
    public static IHost Build(ClusterAddress cluster, WorkerEndpoint endpoint, PluginCatalog plugins, WorkerOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(cluster.RedisConnectionString);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterAddress.ClusterId;
                o.ServiceId = ClusterAddress.ServiceId;
            });
            silo.ConfigureEndpoints(endpoint.Address, endpoint.SiloPort, endpoint.GatewayPort, listenOnAnyHostAddress: true);
            // Calls are short (waits of a second); a silo that died answers within this or is declared dead.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.AddNasWorker(plugins, options);
        });
        return builder.Build();
    }
}
