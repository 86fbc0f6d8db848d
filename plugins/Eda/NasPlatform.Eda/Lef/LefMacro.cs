namespace NasPlatform.Eda.Lef;

/// <summary>A LEF cell or block: class, size in microns, pins and obstructions.</summary>
public sealed record LefMacro(
    string Name,
    string Class,
    double Width,
    double Height,
    IReadOnlyDictionary<string, LefPin> Pins,
    IReadOnlyList<LefShape> Obstructions)
{
    /// <summary>A block (hard macro) rather than a standard cell: LEF CLASS BLOCK or RING.</summary>
    public bool IsBlock => Class.StartsWith("BLOCK", StringComparison.OrdinalIgnoreCase) || Class.StartsWith("RING", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A filler: no pin other than power and ground (osu018's FILL is CLASS CORE, not CORE SPACER, so the
    /// class alone does not tell).
    /// </summary>
    public bool IsFiller => Class.Contains("SPACER", StringComparison.OrdinalIgnoreCase) || Pins.Values.All(p => p.IsSupply);
}
