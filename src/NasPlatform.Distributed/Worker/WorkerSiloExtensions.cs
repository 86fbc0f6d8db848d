using Microsoft.Extensions.DependencyInjection;
using NasPlatform.Engine.Plugins;
using Orleans.Runtime;

namespace NasPlatform.Distributed.Worker;

/// <summary>Makes a silo a NasPlatform worker.</summary>
public static class WorkerSiloExtensions
{
    /// <summary>The silo evaluates trials with <paramref name="plugins"/>, on <see cref="WorkerOptions.Slots"/> slots.</summary>
    public static ISiloBuilder AddNasWorker(this ISiloBuilder silo, PluginCatalog plugins, WorkerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Slots, 1);
        silo.Services.AddSingleton(plugins);
        silo.Services.AddSingleton(options);
        silo.Services.AddSingleton<WorkerLoop>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<WorkerLoop>());
        return silo;
    }
}
