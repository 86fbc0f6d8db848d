namespace NasPlatform.Abstractions.Views;

/// <summary>
/// Shows a trial in its domain's terms (a circuit diagram, a block table, a confusion matrix, maps
/// side by side) in <c>nas report</c> and the dashboard, so the host stays generic. Optional: a
/// plugin without it gets the generic charts only.
/// </summary>
/// <remarks>
/// A plugin registers its views with <see cref="Plugins.IPluginRegistry.AddTrialViews"/>; the host
/// constructs no evaluator or space to find them. Rendering runs in the reader's process (not during the search),
/// may read the trial's artifacts, and must not write anywhere. An exception is shown in place of
/// the views, with its message; it never stops a report.
/// </remarks>
public interface ITrialViews
{
    /// <summary>The views of one finished trial, in display order; empty when there is nothing to show for it.</summary>
    /// <param name="request">The trial: candidate, metrics, artifacts and the evaluator that measured it.</param>
    /// <param name="cancellationToken">Stops a slow rendering.</param>
    IReadOnlyList<TrialView> Render(TrialViewRequest request, CancellationToken cancellationToken);
}
