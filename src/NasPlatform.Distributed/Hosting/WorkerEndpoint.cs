using System.Net;

namespace NasPlatform.Distributed.Hosting;

/// <summary>How other silos and coordinators reach a worker.</summary>
/// <param name="Address">The address the worker advertises (reachable from the other machines).</param>
/// <param name="SiloPort">Silo-to-silo port.</param>
/// <param name="GatewayPort">Port coordinators connect to.</param>
public sealed record WorkerEndpoint(IPAddress Address, int SiloPort = 11111, int GatewayPort = 30000);
