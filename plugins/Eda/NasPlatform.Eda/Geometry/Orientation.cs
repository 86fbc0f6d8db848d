namespace NasPlatform.Eda.Geometry;

/// <summary>
/// DEF component orientations. N is as drawn in the LEF; W, S, E rotate it 90, 180, 270 degrees
/// counter-clockwise; FN, FS mirror it about the y and the x axis; FW and FE mirror about y then rotate
/// (OpenDB's MYR90 and MXR90). The placed point of a component is the lower-left corner of its box
/// after the transform.
/// </summary>
public enum Orientation
{
    N,
    W,
    S,
    E,
    FN,
    FW,
    FS,
    FE,
}

/// <summary>Maps points of a macro (its LEF frame) into the die for a placement.</summary>
public static class OrientationTransform
{
    public static bool TryParse(string text, out Orientation orientation) =>
        Enum.TryParse(text, ignoreCase: false, out orientation) && Enum.IsDefined(orientation);

    /// <summary>Whether the placed box has width and height swapped (the quarter turns).</summary>
    public static bool SwapsAxes(Orientation orientation) =>
        orientation is Orientation.W or Orientation.E or Orientation.FW or Orientation.FE;

    /// <summary>
    /// A point (x, y) of a macro of size (w, h), in the macro's frame, as an offset from the placed
    /// lower-left corner.
    /// </summary>
    public static (double X, double Y) Apply(Orientation orientation, double x, double y, double w, double h) => orientation switch
    {
        Orientation.N => (x, y),
        Orientation.W => (h - y, x),
        Orientation.S => (w - x, h - y),
        Orientation.E => (y, w - x),
        Orientation.FN => (w - x, y),
        Orientation.FW => (h - y, w - x),
        Orientation.FS => (x, h - y),
        Orientation.FE => (y, x),
        _ => throw new ArgumentOutOfRangeException(nameof(orientation), orientation, null),
    };
}
