namespace NasPlatform.Eda.Flow;

/// <summary>
/// Place and route time limits scaled to the design's size (standard cells after synthesis): the base limit
/// (--place-timeout, --route-timeout) holds up to <see cref="ReferenceCells"/> cells and grows as
/// (cells / <see cref="ReferenceCells"/>)^<see cref="Exponent"/> above. Why: graywolf's annealing and qrouter's
/// maze search grow faster than the cell count (quiet machine: 21 s to place 219 cells, 48 s for 1,015), so one
/// fixed limit either kills big designs (mult16, 3,091 cells, ran past a fixed 300 s place limit) or waits far
/// too long on a small design's hung tool. A limit the user gives on the command line is used as it is.
/// </summary>
public static class ToolTimeouts
{
    /// <summary>Designs up to this many cells get the base limit.</summary>
    public const int ReferenceCells = 1000;

    /// <summary>Growth of the limit with size above <see cref="ReferenceCells"/>.</summary>
    public const double Exponent = 1.5;

    /// <summary>
    /// Synthesis runs before the cell count is known, and its cost follows the logic more than the file: the shared
    /// axis_eth_fcs.v (a CRC-32's XOR trees, 20 KB like axis_arb_mux.v) ran past 300 s of synthesis at load 45
    /// while the others took 10-40 s. So a scaled build gives synthesis this many times the base place limit.
    /// </summary>
    public const double SynthesisFactor = 3.0;

    /// <summary>The factor the base limit is multiplied by for a design of <paramref name="cells"/> cells (at least 1).</summary>
    public static double Factor(int cells) => cells <= ReferenceCells ? 1.0 : Math.Pow((double)cells / ReferenceCells, Exponent);

    /// <summary>The limit for a design of <paramref name="cells"/> cells: <paramref name="baseSeconds"/> when not <paramref name="scaled"/>.</summary>
    public static TimeSpan For(double baseSeconds, int cells, bool scaled) =>
        TimeSpan.FromSeconds(scaled ? baseSeconds * Factor(cells) : baseSeconds);

    /// <summary>The standard cells of a synthesized BLIF netlist (its .gate lines, buffers included), as qflow places them.</summary>
    public static int CountBlifCells(string blifPath) =>
        File.ReadLines(blifPath).Count(l => l.StartsWith(".gate ", StringComparison.Ordinal) || l.StartsWith(".subckt ", StringComparison.Ordinal));
}
