namespace NasPlatform.Workflows.Benchmarks;

/// <summary>A benchmark run could not go on, e.g. a strategy kept proposing rejected candidates.</summary>
public sealed class StrategyBenchmarkException : Exception
{
    public StrategyBenchmarkException(string message)
        : base(message)
    {
    }

    public StrategyBenchmarkException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
