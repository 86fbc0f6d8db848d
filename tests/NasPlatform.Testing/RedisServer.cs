using System.Globalization;
using System.Net.Sockets;

namespace NasPlatform.Testing;

/// <summary>A redis-server of the test's own: loopback only, a free port, its own folder, nothing persisted.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly string _directory;
    private ChildProcess _process;

    public RedisServer(string directory)
    {
        _directory = directory;
        Port = FreePorts.Take(1)[0];
        _process = Start();
    }

    public int Port { get; }

    public string Address => $"redis://127.0.0.1:{Port}";

    /// <summary>Sends redis-server a signal (KILL to crash it, STOP to freeze it with its sockets open).</summary>
    public void Signal(string name) => _process.Signal(name);

    /// <summary>Crashes redis-server (SIGKILL) and starts a fresh one on the same port: every key is gone, as after a restart without persistence.</summary>
    public void RestartEmpty()
    {
        _process.Kill();
        _process.Dispose();
        _process = Start();
    }

    public void Dispose() => _process.Dispose();

    private ChildProcess Start()
    {
        var process = new ChildProcess("redis-server", ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no"]);
        try
        {
            Poll.Until(() => Answers() || process.HasExited, TimeSpan.FromSeconds(10), () => $"redis-server did not start on port {Port}");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start on port {Port}: {process.Out}{process.Error}");
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return process;
    }

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
