namespace NasPlatform.Plugins.Eda.Training;

/// <summary>One labelled placement in memory: scaled features [C, G, G], hotspot labels [G, G], failed-net ratio.</summary>
public sealed record RoutabilitySample(string Key, string Design, float[] Features, float[] Hotspot, double Ratio);
