using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Reporting.Views;

/// <summary>One trial's domain views.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Views">Its views, in display order.</param>
/// <param name="Problem">Why rendering failed; null when it did not.</param>
public sealed record TrialViews(TrialRecord Trial, IReadOnlyList<TrialView> Views, string? Problem);
