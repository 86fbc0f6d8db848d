using System.Globalization;
using System.Net;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// The TCP sockets in LISTEN state on this machine, read from /proc/net/tcp and /proc/net/tcp6
/// (Linux): what `ss -ltn` shows, without depending on ss being installed.
/// </summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>The local addresses listening on <paramref name="port"/>, IPv4 and IPv6.</summary>
    public static IReadOnlyList<IPAddress> On(int port) =>
        Read("/proc/net/tcp").Concat(Read("/proc/net/tcp6")).Where(s => s.Port == port).Select(s => s.Address).ToList();

    private static IEnumerable<IPEndPoint> Read(string file)
    {
        if (!File.Exists(file))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && fields[3] == ListenState)
            {
                yield return Parse(fields[1]);
            }
        }
    }

    /// <summary>ADDRESS:PORT in hex; the address is written as 32-bit words in the kernel's (little-endian) byte order.</summary>
    private static IPEndPoint Parse(string text)
    {
        var colon = text.IndexOf(':');
        var hex = text[..colon];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var i = 0; i < 4; i++)
            {
                bytes[(word * 4) + (3 - i)] = byte.Parse(hex.AsSpan((word * 8) + (i * 2), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(text[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
