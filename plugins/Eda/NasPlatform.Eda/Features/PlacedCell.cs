using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Features;

/// <summary>A component's box on the die (microns) and what kind of cell it is.</summary>
public sealed record PlacedCell(string Name, string Macro, Rect Box, bool IsFiller, bool IsBlock);
