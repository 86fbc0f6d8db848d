using System.Collections.Concurrent;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Results;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The choices of an experiment's candidates for the trials table (one column per choice). Each experiment's
/// space is built once, from the plugins the trial views load, and kept: the table is re-read on every change.
/// </summary>
public sealed class CandidateChoicesService(Func<PluginCatalog> plugins)
{
    private readonly ConcurrentDictionary<string, Lazy<(ISearchSpace? Space, string? Problem)>> _spaces = new(StringComparer.Ordinal);

    /// <summary>The choices of every trial of <paramref name="experiment"/>.</summary>
    public TrialChoices Of(ExperimentSnapshot experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (experiment.Trials.Count == 0)
        {
            return TrialChoices.Empty;
        }

        var (space, problem) = _spaces.GetOrAdd($"{experiment.StorePath}|{experiment.Name}", _ => new(() => TrialChoices.SpaceOf(experiment.Spec, plugins))).Value;
        return TrialChoices.Of(space, experiment.Trials.Select(t => t.Candidate), problem);
    }
}
