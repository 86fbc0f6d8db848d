using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Plugins;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Interactive;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The analysis JSON of one experiment (trials, choices, importance, the predictor's replayed refits), computed once
/// per store version: the importance forest and the refits are the costly part, and every open tab asks again after
/// each change.
/// </summary>
public sealed class AnalysisCache(CandidateChoicesService choices, Func<PluginCatalog> plugins)
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
            var data = AnalysisData.Of(experiment, choices.Of(experiment), Refits(experiment));
            data["version"] = version;
            return (version, data);
        });

    // Only predictor strategies journal refits; a space or plugin that cannot load leaves the view out (the report's
    // PNG chart and its note say why).
    private IReadOnlyList<PredictorRefit> Refits(ExperimentSnapshot experiment)
    {
        if (experiment.PredictorFits.Count == 0)
        {
            return [];
        }

        try
        {
            return PredictorReplay.Run(experiment, plugins(), CancellationToken.None);
        }
        catch (Abstractions.NasConfigurationException)
        {
            return [];
        }
    }
}
