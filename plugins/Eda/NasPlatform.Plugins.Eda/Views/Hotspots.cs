using NasPlatform.Plugins.Eda.Training;

namespace NasPlatform.Plugins.Eda.Views;

/// <summary>The contents of a trial's hotspots.json: grid side, the feature channel shown, and the placements.</summary>
public sealed record Hotspots(int Grid, string Channel, IReadOnlyList<HotspotExample> Placements);
