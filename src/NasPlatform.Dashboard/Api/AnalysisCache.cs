using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Interactive;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The analysis JSON of one experiment (trials, choices, importance), computed once per store version: the
/// importance forest is the costly part, and every open tab asks again after each change.
/// </summary>
public sealed class AnalysisCache(CandidateChoicesService choices)
{
    private readonly ConcurrentDictionary<string, Lazy<(string Version, JObject Data)>> _data = new(StringComparer.Ordinal);

    /// <summary>The experiment's analysis at its current version.</summary>
    public JObject Of(string key, ExperimentSnapshot experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var version = SnapshotJson.Version(experiment);
        var entry = _data.GetOrAdd(key, _ => Compute(experiment, version));
        if (entry.Value.Version != version)
        {
            entry = Compute(experiment, version);
            _data[key] = entry;
        }

        return entry.Value.Data;
    }

    private Lazy<(string, JObject)> Compute(ExperimentSnapshot experiment, string version) =>
        new(() =>
        {
            var data = AnalysisData.Of(experiment, choices.Of(experiment));
            data["version"] = version;
            return (version, data);
        });
}
