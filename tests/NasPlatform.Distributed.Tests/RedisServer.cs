using System.Net.Sockets;

namespace NasPlatform.Distributed.Tests;

/// <summary>A redis-server of the test's own: loopback only, a free port, its own folder, nothing persisted.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly ChildProcess _process;

    public RedisServer(string directory)
    {
        Port = FreePorts.Take(1)[0];
        _process = new ChildProcess("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!Answers())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}: {_process.Out}{_process.Error}");
            }

            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    public string Address => $"redis://127.0.0.1:{Port}";

    /// <summary>Sends redis-server a signal (KILL to crash it, STOP to freeze it with its sockets open).</summary>
    public void Signal(string name) => _process.Signal(name);

    public void Dispose() => _process.Dispose();

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
