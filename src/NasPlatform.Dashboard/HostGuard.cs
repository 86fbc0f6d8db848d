using NasPlatform.Abstractions;
using System.Net;
using NasPlatform.Engine;

namespace NasPlatform.Dashboard;

/// <summary>The dashboard serves loopback only unless told explicitly: it has no authentication.</summary>
public static class HostGuard
{
    /// <summary>Checks <paramref name="host"/>; returns it normalized for a URL.</summary>
    /// <exception cref="NasConfigurationException">Not an IP address or "localhost", or not loopback without <paramref name="allowRemote"/>.</exception>
    public static string Check(string host, bool allowRemote)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "127.0.0.1";
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            throw new NasConfigurationException($"--host '{host}' is not an IP address; use 127.0.0.1 (the default), ::1, or with --allow-remote an address of this machine (0.0.0.0 for all).");
        }

        if (!IPAddress.IsLoopback(address) && !allowRemote)
        {
            throw new NasConfigurationException(
                $"--host {host} is not a loopback address: the dashboard has no authentication, so anyone who reaches it reads every experiment. Add --allow-remote to serve on it anyway, or use 127.0.0.1.");
        }

        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
