using System.Globalization;

namespace NasPlatform.Workflows.Blockwise;

/// <summary>An upper bound on one additive statistic of a combination: <c>Statistic &lt;= Limit</c> (or <c>&lt;</c> when strict).</summary>
public sealed record CostBound(string Statistic, double Limit, bool Strict = false)
{
    public bool Admits(double value) => Strict ? value < Limit : value <= Limit;

    public override string ToString() => $"{Statistic} {(Strict ? "<" : "<=")} {Limit.ToString("R", CultureInfo.InvariantCulture)}";
}
