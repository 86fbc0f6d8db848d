using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Features;

/// <summary>A routing blockage: a die rectangle (microns) closed on one routing layer (1 = metal1).</summary>
public sealed record RoutingObstruction(Rect Rect, int Layer);
