using NasPlatform.Abstractions.Views;

namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// Read-only access to the trials of stored experiments, which the host hands a plugin command
/// (<see cref="PluginCommandInvocation.Trials"/>) so that it can work on a found candidate
/// (<c>nas quantum export-circuit EXP --trial N</c>) without knowing the store.
/// </summary>
public interface IStoredTrials
{
    /// <summary>
    /// A completed trial of the experiment <paramref name="experiment"/> names, resolved as the host's own
    /// commands resolve <c>EXP</c>: an experiment file (its store and name) or a store file (its only
    /// experiment, or <paramref name="experimentName"/>). The store is only read.
    /// </summary>
    /// <param name="experiment">The experiment file or store, as the user typed it.</param>
    /// <param name="experimentName">The experiment in a store holding several (<c>--experiment NAME</c>); null otherwise.</param>
    /// <param name="trial">The trial number (<c>nas status</c> lists them).</param>
    /// <returns>The trial's candidate, fidelity, metrics and artifacts, with the experiment's evaluator.</returns>
    /// <exception cref="NasConfigurationException">No such file, experiment or trial, or the trial is not completed; the message says what to do.</exception>
    TrialViewRequest Read(string experiment, string? experimentName, int trial);
}
