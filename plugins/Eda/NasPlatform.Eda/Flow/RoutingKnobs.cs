namespace NasPlatform.Eda.Flow;

/// <summary>
/// What qrouter's result depends on besides the placement: routing layers, a blockage covering a
/// fraction of the die on metal2 and metal3 (placed from <see cref="BlockageSeed"/>), and the stage-2 effort.
/// </summary>
public sealed record RoutingKnobs(int Layers, double Blockage, int BlockageSeed, int Effort = 2);
