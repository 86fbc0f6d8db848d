using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The host's <see cref="IStoredTrials"/> for plugin commands: finds the experiment as `nas status` and
/// `nas train-final` do (<see cref="ExperimentLocator"/>), reads the store and closes it again.
/// </summary>
/// <param name="plugins">The loaded plugins, to bind the evaluator's options for the request (null: unbound).</param>
internal sealed class StoredTrials(PluginCatalog? plugins) : IStoredTrials
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
            located.Spec.Evaluator.Name,
            plugins?.BindEvaluatorOptions(located.Spec.Plugin, located.Spec.Evaluator.Name, located.Spec.Evaluator.Options),
            located.Spec.BaseDirectory);
    }
}
