using NasPlatform.Abstractions;
using NasPlatform.Engine;

namespace NasPlatform.Distributed.Hosting;

/// <summary>Where a cluster's membership lives: a Redis server, written <c>redis://HOST:PORT</c> (or <c>HOST:PORT</c>).</summary>
/// <param name="Host">The Redis host.</param>
/// <param name="Port">The Redis port.</param>
public sealed record ClusterAddress(string Host, int Port)
{
    /// <summary>Orleans' cluster id: coordinators and workers of one cluster share it.</summary>
    public const string ClusterId = "nasplatform";

    /// <summary>Orleans' service id.</summary>
    public const string ServiceId = "nasplatform";

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string RedisConnectionString => $"{Host}:{Port}";

    /// <exception cref="NasConfigurationException">The text is not <c>redis://HOST:PORT</c> or <c>HOST:PORT</c>.</exception>
    public static ClusterAddress Parse(string text, string where)
    {
        var rest = text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) ? text["redis://".Length..] : text;
        rest = rest.TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (rest.Length == 0 || rest.Contains('/') || (colon >= 0 && !int.TryParse(rest[(colon + 1)..], out _)))
        {
            throw new NasConfigurationException($"{where}: '{text}' is not a cluster address; write redis://HOST:PORT (the Redis server every worker and coordinator uses), e.g. redis://127.0.0.1:6379.");
        }

        return colon < 0
            ? new ClusterAddress(rest, 6379)
            : new ClusterAddress(rest[..colon], int.Parse(rest[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => $"redis://{Host}:{Port}";
}
