using System.Globalization;

namespace NasPlatform.Testing;

/// <summary>
/// A `nas worker` process on loopback with free silo and gateway ports of its own (so parallel tests never
/// collide), its own work folder and the built plugins. <see cref="Replace"/> starts a fresh process on the
/// same ports, as an operator restarting a crashed worker would.
/// </summary>
public sealed class NasWorker : IDisposable
{
    /// <summary>How long a worker may take to start on a loaded machine.</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(180);

    private readonly string _cluster;
    private readonly string _workDirectory;
    private readonly int _slots;

    private NasWorker(string cluster, string workDirectory, int slots, int siloPort, int gatewayPort)
    {
        _cluster = cluster;
        _workDirectory = workDirectory;
        _slots = slots;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Process = Launch();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The current process (a new one after <see cref="Replace"/>).</summary>
    public ChildProcess Process { get; private set; }

    public bool IsReady => Process.Out.Contains("Worker ready", StringComparison.Ordinal);

    /// <summary>Starts a worker without waiting for it (see <see cref="WaitReady"/>).</summary>
    public static NasWorker Start(string cluster, string workDirectory, int slots = 1)
    {
        var ports = FreePorts.Take(2);
        return new NasWorker(cluster, workDirectory, slots, ports[0], ports[1]);
    }

    /// <summary>Starts a worker and waits until it has joined the cluster.</summary>
    public static NasWorker StartReady(string cluster, string workDirectory, int slots = 1)
    {
        var worker = Start(cluster, workDirectory, slots);
        try
        {
            worker.WaitReady();
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        return worker;
    }

    /// <exception cref="TimeoutException">It did not print "Worker ready" within <see cref="StartLimit"/>.</exception>
    /// <exception cref="InvalidOperationException">It exited instead.</exception>
    public void WaitReady()
    {
        Poll.Until(() => IsReady || Process.HasExited, StartLimit, () => $"the worker did not start: {Process.Error}");
        if (!IsReady)
        {
            throw new InvalidOperationException($"the worker exited {Process.ExitCode} at start: {Process.Out}{Process.Error}");
        }
    }

    /// <summary>SIGKILL, then a fresh worker on the same ports (not waited for).</summary>
    public void KillAndReplace()
    {
        Process.Kill();
        Replace();
    }

    /// <summary>Starts a fresh process on the same ports; the old one must have exited.</summary>
    public void Replace()
    {
        Process.Dispose();
        Process = Launch();
    }

    public void Dispose() => Process.Dispose();

    private ChildProcess Launch() =>
        ChildProcess.Nas("worker", "--cluster", _cluster, "--slots", _slots.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1",
            "--silo-port", SiloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", GatewayPort.ToString(CultureInfo.InvariantCulture),
            "--plugins", BuiltNas.Plugins, "--work-dir", _workDirectory);
}
