namespace NasPlatform.Plugins.Eda.Training;

/// <summary>
/// One labelled placement in memory: scaled features [C, G, G], hotspot labels [G, G], failed-net ratio,
/// and its routing conditions (layers and blockage, e.g. "L2-b0.25") for the within-condition tau.
/// </summary>
public sealed record RoutabilitySample(string Key, string Design, float[] Features, float[] Hotspot, double Ratio, string Conditions = "", double Density = 0);
