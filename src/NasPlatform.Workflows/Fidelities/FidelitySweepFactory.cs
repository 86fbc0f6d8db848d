using NasPlatform.Search.Constraints;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Workflows.Fidelities;

/// <summary>Creates <see cref="FidelitySweep"/>; internal, so experiment files cannot name it (only <c>nas proxy-check</c> runs it).</summary>
internal sealed class FidelitySweepFactory(IReadOnlyList<Constraint> constraints) : SearchStrategyFactory<NoOptions>
{
    public const string StrategyName = "fidelity-sweep";

    public override string Name => StrategyName;

    public override string Description => "Evaluates each sampled candidate at every fidelity (the proxy check).";

    public override ISearchStrategy Create(NoOptions options, StrategyContext context) =>
        new FidelitySweep(context.Space, constraints, context.Fidelities.Select(f => f.Name).ToList());
}
