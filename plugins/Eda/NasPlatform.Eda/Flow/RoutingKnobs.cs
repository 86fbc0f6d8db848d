namespace NasPlatform.Eda.Flow;

/// <summary>
/// What qrouter's result depends on besides the placement: routing layers, a blockage covering a
/// fraction of the die on metal2 and metal3 (placed from <see cref="BlockageSeed"/>), the stage-2 effort, and
/// <see cref="Derate"/>: the share of metal3's tracks removed by uniform stripes over the whole die (a capacity
/// cut that makes nets fail where the placement is congested, not where a rectangle sits; see <see cref="Blockages"/>).
/// </summary>
public sealed record RoutingKnobs(int Layers, double Blockage, int BlockageSeed, int Effort = 2, double Derate = 0);
