using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>
/// The closing summary of an experiment that already ran to its budget, rebuilt from its store
/// alone, so that showing it writes nothing (the store may be read-only).
/// </summary>
internal static class StoredResultText
{
    public static void Write(TextWriter output, SqliteTrialStore store, ExperimentRecord experiment, ExperimentSpec spec, string? headline = null)
    {
        var standing = ExperimentStanding.Of(store.GetTrials(experiment.Id), spec, store.GetFidelities(experiment.Id));
        // Nothing was proposed in this session, so nothing was rejected.
        SummaryText.Write(output, RunSummary.Of(experiment, experiment.Status, standing, experiment.ElapsedSeconds, 0), spec, headline);
    }
}
