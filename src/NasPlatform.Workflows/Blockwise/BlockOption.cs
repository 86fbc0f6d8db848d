namespace NasPlatform.Workflows.Blockwise;

/// <summary>One rated choice for a block: what it is, its utility (larger is better) and its additive costs.</summary>
/// <param name="Item">The choice itself (for example the trial that rated it).</param>
/// <param name="Utility">Its score, larger is better; utilities of the chosen blocks add up.</param>
/// <param name="Costs">Its share of each bounded statistic, in the order of the bounds; non-negative.</param>
public sealed record BlockOption<T>(T Item, double Utility, IReadOnlyList<double> Costs);
