using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Abstractions.Views;

/// <summary>The trial a <see cref="ITrialViews"/> renders.</summary>
/// <param name="Candidate">The trial's candidate.</param>
/// <param name="Fidelity">The fidelity it was evaluated at.</param>
/// <param name="Metrics">Its measured metrics.</param>
/// <param name="Artifacts">Files its evaluation produced (absolute paths; a file may have been deleted since).</param>
/// <param name="Evaluator">The evaluator's name in the experiment file.</param>
/// <param name="EvaluatorOptions">The evaluator's options bound to the record it registered (cast to it), defaults filled in; null when the host could not bind them (an experiment stored by an older version whose options no longer fit).</param>
/// <param name="BaseDirectory">Folder relative paths in the options resolve against.</param>
public sealed record TrialViewRequest(
    Candidate Candidate,
    string Fidelity,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<Artifact> Artifacts,
    string Evaluator,
    object? EvaluatorOptions,
    string BaseDirectory);
