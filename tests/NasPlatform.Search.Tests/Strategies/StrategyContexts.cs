using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Search.Tests.Strategies;

/// <summary>The context a strategy is created with on the line space, maximizing its score, one fidelity.</summary>
internal static class StrategyContexts
{
    public static StrategyContext Context() =>
        new(new LineSpace(10), Outcomes.MaximizeScore, [new Fidelity("full")], new Fidelity("full"), Seed: 0);
}
