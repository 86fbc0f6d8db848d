using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Def;

/// <summary>
/// A DEF design. Every coordinate here is in microns: DEF database units divided by the file's
/// UNITS DISTANCE MICRONS; x grows to the right and y upwards from the DEF origin.
/// </summary>
public sealed class DefDesign
{
    public required string File { get; init; }

    public required string Name { get; init; }

    /// <summary>Database units per micron (UNITS DISTANCE MICRONS).</summary>
    public required double DatabaseUnits { get; init; }

    /// <summary>The bounding box of DIEAREA.</summary>
    public required Rect Die { get; init; }

    public required IReadOnlyList<DefComponent> Components { get; init; }

    public required IReadOnlyList<DefPin> Pins { get; init; }

    public required IReadOnlyList<DefNet> Nets { get; init; }

    /// <summary>Special (power) nets, wiring included; not counted as routable signal nets.</summary>
    public required IReadOnlyList<DefNet> SpecialNets { get; init; }
}
