using System.Net;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// Orleans' silo and gateway ports are unauthenticated and unencrypted, so `nas worker --host ADDRESS`
/// must listen on that address only, never on every interface (0.0.0.0 or ::).
/// </summary>
public sealed class WorkerBindTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_worker_given_host_127_0_0_1_listens_on_loopback_only_for_its_silo_and_gateway_ports()
    {
        using var redis = new RedisServer(_dir.Path);
        using var worker = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"));

        foreach (var port in new[] { worker.SiloPort, worker.GatewayPort })
        {
            var listening = ListeningSockets.On(port);
            Assert.True(listening.Count > 0, $"nothing listens on port {port}");
            Assert.All(listening, address => Assert.True(
                IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address),
                $"port {port} listens on {address}, not on 127.0.0.1 only (all: {string.Join(", ", listening)})"));
        }
    }
}
