
using NasPlatform.Search.Constraints;
namespace NasPlatform.Search.Tests.Constraints;

public sealed class ConstraintTests
{
    [Theory]
    [InlineData("params <= 5e6", "params", ComparisonOperator.LessOrEqual, 5e6)]
    [InlineData("  flops<1.5E+9 ", "flops", ComparisonOperator.Less, 1.5e9)]
    [InlineData("accuracy >= .9", "accuracy", ComparisonOperator.GreaterOrEqual, 0.9)]
    [InlineData("energy.ground > -12.25", "energy.ground", ComparisonOperator.Greater, -12.25)]
    [InlineData("gate-count <= 40", "gate-count", ComparisonOperator.LessOrEqual, 40)]
    public void Parses_name_operator_and_bound(string text, string quantity, ComparisonOperator op, double bound)
    {
        Assert.True(Constraint.TryParse(text, out var constraint));

        Assert.Equal(new Constraint(quantity, op, bound), constraint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("params")]
    [InlineData("params = 5")]
    [InlineData("params =< 5")]
    [InlineData("params <= five")]
    [InlineData("<= 5")]
    [InlineData("5 <= params")]
    [InlineData("params <= 5 6")]
    [InlineData("1params <= 5")]
    public void Rejects_text_outside_the_grammar(string text)
    {
        Assert.False(Constraint.TryParse(text, out var constraint));
        Assert.Null(constraint);
    }

    [Theory]
    [InlineData("params <= 5e6")]
    [InlineData("flops < 0.1")]
    [InlineData("accuracy >= 0.935")]
    [InlineData("energy > -1.0000000000000002")]
    public void Format_parses_back_to_the_same_constraint(string text)
    {
        Assert.True(Constraint.TryParse(text, out var constraint));

        Assert.True(Constraint.TryParse(constraint!.ToString(), out var again));
        Assert.Equal(constraint, again);
    }

    [Fact]
    public void Formats_with_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("params <= 5000000.5", new Constraint("params", ComparisonOperator.LessOrEqual, 5000000.5).ToString());
            Assert.True(Constraint.TryParse("params <= 1.5", out var constraint));
            Assert.Equal(1.5, constraint!.Bound);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(ComparisonOperator.LessOrEqual, 4.0, true)]
    [InlineData(ComparisonOperator.LessOrEqual, 5.0, true)]
    [InlineData(ComparisonOperator.LessOrEqual, 6.0, false)]
    [InlineData(ComparisonOperator.Less, 4.0, true)]
    [InlineData(ComparisonOperator.Less, 5.0, false)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 5.0, true)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 4.0, false)]
    [InlineData(ComparisonOperator.Greater, 6.0, true)]
    [InlineData(ComparisonOperator.Greater, 5.0, false)]
    public void IsSatisfiedBy_compares_with_the_bound(ComparisonOperator op, double value, bool expected)
    {
        Assert.Equal(expected, new Constraint("q", op, 5.0).IsSatisfiedBy(value));
    }

    [Theory]
    [InlineData(ComparisonOperator.LessOrEqual)]
    [InlineData(ComparisonOperator.Greater)]
    public void NaN_never_satisfies(ComparisonOperator op)
    {
        Assert.False(new Constraint("q", op, 5.0).IsSatisfiedBy(double.NaN));
    }
}
