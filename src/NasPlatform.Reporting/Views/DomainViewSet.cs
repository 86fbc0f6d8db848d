namespace NasPlatform.Reporting.Views;

/// <summary>Domain views of some trials, or why there are none.</summary>
/// <param name="Trials">Each trial with its views.</param>
/// <param name="Problem">Why the plugin's views could not be made; null when they could (or the plugin has none).</param>
public sealed record DomainViewSet(IReadOnlyList<TrialViews> Trials, string? Problem);
