using NasPlatform.Search.Constraints;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Workflows.Fidelities;

/// <summary>Creates <see cref="FidelitySweep"/>; internal, so experiment files cannot name it (only <c>nas proxy-check</c> runs it).</summary>
internal sealed class FidelitySweepFactory(IReadOnlyList<Constraint> constraints) : ISearchStrategyFactory
{
    public const string StrategyName = "fidelity-sweep";

    public string Name => StrategyName;

    public string Description => "Evaluates each sampled candidate at every fidelity (the proxy check).";

    public string OptionsSchema => """{ "type": "object", "additionalProperties": false, "properties": {} }""";

    public ISearchStrategy Create(StrategyContext context) =>
        new FidelitySweep(context.Space, constraints, context.Fidelities.Select(f => f.Name).ToList());
}
