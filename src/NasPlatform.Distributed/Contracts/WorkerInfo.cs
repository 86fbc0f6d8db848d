namespace NasPlatform.Distributed.Contracts;

/// <summary>A worker as it announces itself on every heartbeat.</summary>
/// <param name="Id">Unique per worker process and silo, e.g. "host:pid@10.0.0.2:11111".</param>
/// <param name="Slots">How many trials it evaluates at once.</param>
/// <param name="Plugins">The plugins it loaded.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerInfo(string Id, int Slots, PluginIdentity[] Plugins);
