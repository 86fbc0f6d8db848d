using System.Globalization;
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
        var ports = FreePorts.Take(2);
        using var worker = ChildProcess.Nas("worker", "--cluster", redis.Address, "--slots", "1", "--host", "127.0.0.1",
            "--silo-port", ports[0].ToString(CultureInfo.InvariantCulture), "--gateway-port", ports[1].ToString(CultureInfo.InvariantCulture),
            "--plugins", RepoPaths.Plugins, "--work-dir", Path.Combine(_dir.Path, "work"));
        WorkerWait.Until(() => worker.Out.Contains("Worker ready") || worker.HasExited, TimeSpan.FromSeconds(180), () => $"the worker did not start: {worker.Error}");
        Assert.False(worker.HasExited, worker.HasExited ? $"the worker exited {worker.ExitCode}: {worker.Out}{worker.Error}" : null);

        foreach (var port in ports)
        {
            var listening = ListeningSockets.On(port);
            Assert.True(listening.Count > 0, $"nothing listens on port {port}");
            Assert.All(listening, address => Assert.True(
                IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address),
                $"port {port} listens on {address}, not on 127.0.0.1 only (all: {string.Join(", ", listening)})"));
        }
    }
}
