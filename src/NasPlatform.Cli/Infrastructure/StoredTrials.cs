using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Views;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The host's <see cref="IStoredTrials"/> for plugin commands: finds the experiment as `nas status` and
/// `nas train-final` do (<see cref="ExperimentLocator"/>), reads the store and closes it again.
/// </summary>
internal sealed class StoredTrials : IStoredTrials
{
    public TrialViewRequest Read(string experiment, string? experimentName, int trial)
    {
        using var located = ExperimentLocator.Locate(experiment, experimentName);
        var record = located.Store.GetTrials(located.Record.Id).FirstOrDefault(t => t.Number == trial)
            ?? throw new NasConfigurationException($"Experiment '{located.Record.Name}' in {located.Store.Location} has no trial {trial}; `nas status {experiment}` lists its trials.");
        if (record.State != TrialState.Completed)
        {
            throw new NasConfigurationException(
                $"Trial {trial} of '{located.Record.Name}' is {record.State.ToString().ToLowerInvariant()}, not completed: it has no trained result. `nas status {experiment}` lists the completed trials (the best is marked).");
        }

        return new TrialViewRequest(record.Candidate, record.Fidelity, record.Metrics, record.Artifacts,
            located.Spec.Evaluator.Name, located.Spec.Evaluator.Options, located.Spec.BaseDirectory);
    }
}
