namespace NasPlatform.Engine.Constraints;

public enum ComparisonOperator
{
    LessOrEqual,
    Less,
    GreaterOrEqual,
    Greater,
}
