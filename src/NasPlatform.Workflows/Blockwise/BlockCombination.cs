namespace NasPlatform.Workflows.Blockwise;

/// <summary>One choice per block, in block order, with its summed utility and its total costs (fixed part included).</summary>
public sealed record BlockCombination<T>(IReadOnlyList<T> Items, double Utility, IReadOnlyList<double> Costs);
