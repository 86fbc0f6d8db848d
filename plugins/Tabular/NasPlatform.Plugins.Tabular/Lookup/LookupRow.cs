using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Lookup;

/// <summary>One row of a lookup table.</summary>
/// <param name="Index">The benchmark's architecture index.</param>
/// <param name="Cell">The cell the row describes.</param>
/// <param name="TestAccuracy">Test accuracy in percent.</param>
/// <param name="Line">1-based line of the row in its file.</param>
public sealed record LookupRow(int Index, Nb201Cell Cell, double TestAccuracy, int Line);
