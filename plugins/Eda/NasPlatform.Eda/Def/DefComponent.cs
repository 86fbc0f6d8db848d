using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Def;

/// <summary>
/// A placed instance. <see cref="X"/>, <see cref="Y"/> are the lower-left corner of its box after
/// orientation, in microns; an unplaced component has <see cref="IsPlaced"/> false.
/// </summary>
public sealed record DefComponent(string Name, string Macro, string Status, double X, double Y, Orientation Orientation, int Line)
{
    public bool IsPlaced => Status is "PLACED" or "FIXED" or "COVER";
}
