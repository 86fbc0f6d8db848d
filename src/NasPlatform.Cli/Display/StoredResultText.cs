using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
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
    public static void Write(TextWriter output, SqliteTrialStore store, ExperimentRecord experiment, ExperimentSpec spec)
    {
        var trials = store.GetTrials(experiment.Id);
        var best = BestTrials.Of(trials, new ObjectiveSet(spec.Objectives), store.GetFidelities(experiment.Id).Select(f => f.Name).ToList());
        var summary = new RunSummary(experiment.Id, experiment.Name, experiment.Status, trials.Count(t => t.IsFinished),
            trials.Count(t => t.State == TrialState.Completed), trials.Count(t => t.State == TrialState.Failed),
            trials.Count(t => t.State == TrialState.Pruned), trials.Count(t => t.State == TrialState.Completed && !t.Feasible),
            0, 0, spec.Budget.Trials, spec.Budget.Seconds, experiment.ElapsedSeconds, best, 0);
        SummaryText.Write(output, summary, spec);
    }
}
