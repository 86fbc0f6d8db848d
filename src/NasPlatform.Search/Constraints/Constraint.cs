using System.Globalization;
using System.Text.RegularExpressions;

namespace NasPlatform.Search.Constraints;

/// <summary>
/// A bound on a free statistic or a metric, written in experiment files as "params &lt;= 5e6".
/// Bounds on free statistics are checked before evaluation; bounds on metrics after it.
/// </summary>
public sealed partial record Constraint(string Quantity, ComparisonOperator Operator, double Bound)
{
    public bool IsSatisfiedBy(double value) => Operator switch
    {
        ComparisonOperator.LessOrEqual => value <= Bound,
        ComparisonOperator.Less => value < Bound,
        ComparisonOperator.GreaterOrEqual => value >= Bound,
        ComparisonOperator.Greater => value > Bound,
        _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
    };

    /// <summary>Parses "name OP number" with OP one of &lt;=, &lt;, &gt;=, &gt;.</summary>
    public static bool TryParse(string text, out Constraint? constraint)
    {
        constraint = null;
        var match = Pattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["bound"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return false;
        }

        var op = match.Groups["op"].Value switch
        {
            "<=" => ComparisonOperator.LessOrEqual,
            "<" => ComparisonOperator.Less,
            ">=" => ComparisonOperator.GreaterOrEqual,
            _ => ComparisonOperator.Greater,
        };
        constraint = new Constraint(match.Groups["name"].Value, op, bound);
        return true;
    }

    public override string ToString()
    {
        var op = Operator switch
        {
            ComparisonOperator.LessOrEqual => "<=",
            ComparisonOperator.Less => "<",
            ComparisonOperator.GreaterOrEqual => ">=",
            _ => ">",
        };
        return $"{Quantity} {op} {Bound.ToString("R", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The grammar, shared with schemas/experiment.schema.json's pattern.</summary>
    public const string Grammar = @"^\s*(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\s*(?<op><=|>=|<|>)\s*(?<bound>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)\s*$";

    [GeneratedRegex(Grammar)]
    private static partial Regex Pattern();
}
