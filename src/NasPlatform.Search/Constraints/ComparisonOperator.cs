namespace NasPlatform.Search.Constraints;

public enum ComparisonOperator
{
    LessOrEqual,
    Less,
    GreaterOrEqual,
    Greater,
}
