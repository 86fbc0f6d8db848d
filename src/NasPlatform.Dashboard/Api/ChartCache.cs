using System.Collections.Concurrent;
using NasPlatform.Reporting;
using NasPlatform.Reporting.Charts;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The report's charts of one experiment, rendered once per store version: a live page asks for
/// them after every change, and several tabs share the rendering.
/// </summary>
public sealed class ChartCache
{
    private readonly ConcurrentDictionary<string, Lazy<(string Version, IReadOnlyList<ChartImage> Charts)>> _charts = new(StringComparer.Ordinal);

    /// <summary>The experiment's charts at its current version.</summary>
    public IReadOnlyList<ChartImage> Charts(string key, ExperimentSnapshot experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var version = SnapshotJson.Version(experiment);
        var entry = _charts.GetOrAdd(key, _ => Render(experiment, version));
        if (entry.Value.Version != version)
        {
            var fresh = Render(experiment, version);
            _charts[key] = fresh;
            entry = fresh;
        }

        return entry.Value.Charts;
    }

    private static Lazy<(string, IReadOnlyList<ChartImage>)> Render(ExperimentSnapshot experiment, string version) =>
        new(() => (version, Report.Build([experiment], plugins: null).Charts.ToList()));
}
