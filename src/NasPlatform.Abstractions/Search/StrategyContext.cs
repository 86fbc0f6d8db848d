using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Abstractions.Search;

/// <summary>Everything a strategy is built from.</summary>
/// <param name="Space">The search space.</param>
/// <param name="Objectives">The experiment's objectives.</param>
/// <param name="Fidelities">The evaluator's fidelities, cheapest first.</param>
/// <param name="DefaultFidelity">The fidelity the experiment evaluates at unless a strategy says otherwise.</param>
/// <param name="Options">The strategy's options from the experiment file, validated against its schema.</param>
/// <param name="Seed">The experiment seed, for strategies that need randomness at construction.</param>
public sealed record StrategyContext(
    ISearchSpace Space,
    ObjectiveSet Objectives,
    IReadOnlyList<Fidelity> Fidelities,
    Fidelity DefaultFidelity,
    JObject Options,
    int Seed);
