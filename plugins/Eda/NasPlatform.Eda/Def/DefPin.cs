using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Def;

/// <summary>An I/O pin of the design: its net, its placed point (microns) and shape layer, if given.</summary>
public sealed record DefPin(string Name, string Net, string? Direction, string? Use, double? X, double? Y, string? Layer, Rect? Shape);
