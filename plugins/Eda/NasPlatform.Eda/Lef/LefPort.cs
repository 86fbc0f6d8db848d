using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Lef;

/// <summary>One shape of a pin or obstruction, in the macro's frame (microns).</summary>
public sealed record LefShape(string Layer, Rect Rect);
