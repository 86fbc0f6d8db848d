using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Strategies;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>ADAPT-VQE driven by the real evaluator, ask/tell as the engine drives it.</summary>
public sealed class AdaptVqeTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("adapt-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void OnH2OneDoubleExcitationReachesFci()
    {
        var evaluator = ExcitationEvaluationTests.Evaluator(ExcitationEvaluationTests.H2, "jordan-wigner", false);
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 2, "electrons": 2, "maxOperators": 4 }"""), TestContexts.In());
        var (strategy, outcomes) = Run(evaluator, space, """{ "chemicalAccuracy": 1e-6 }""", "fermionic-sd");

        Assert.True(strategy.IsFinished);
        Assert.Equal("chemical accuracy", strategy.StopReason);
        Assert.Equal(2, outcomes.Count);
        // Trial 0 is Hartree-Fock; at it only the double has a gradient (Brillouin: singles vanish).
        Assert.Equal(0, outcomes[0].Metrics["params"]);
        Assert.Equal(["0,2->1,3"], strategy.Operators.Select(k => space.Pool.Labels[k]));
        Assert.True(Math.Abs(outcomes[0].Metrics[ExcitationEvaluation.GradientMetric(space.Pool.IndexOf("0->1"))]) < 1e-10);
        Assert.True(Math.Abs(outcomes[1].Metrics["energy_error"]) < 1e-6, $"error {outcomes[1].Metrics["energy_error"]}");
    }

    [Fact]
    public void QubitAdaptOnLiHReachesChemicalAccuracyAndReplaysToTheSameNextStep()
    {
        var evaluator = ExcitationEvaluationTests.Evaluator(ExcitationEvaluationTests.LiH, "jordan-wigner", false);
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "pool": "qubit", "maxOperators": 12 }"""), TestContexts.In());
        var (strategy, outcomes) = Run(evaluator, space, "{}", "qubit");
        Assert.Equal("chemical accuracy", strategy.StopReason);
        Assert.True(outcomes[^1].Metrics["energy_error"] <= 1.6e-3);
        Assert.True(outcomes.Zip(outcomes.Skip(1)).All(p => p.Second.Metrics["energy"] <= p.First.Metrics["energy"] + 1e-9), "each step may only lower the energy (warm start)");
        Assert.Equal(outcomes.Count - 1, strategy.Operators.Count);

        // A resumed run rebuilds the strategy from the stored outcomes: the same asks, the same candidates.
        var replayed = new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>("{}"), Context(space));
        foreach (var outcome in outcomes.Take(outcomes.Count - 1))
        {
            Assert.Equal(outcome.Candidate, replayed.Ask(new Random(0)).Candidate);
            replayed.Tell(outcome);
        }

        Assert.Equal(outcomes[^1].Candidate, replayed.Ask(new Random(0)).Candidate);
        Assert.True(replayed.AwaitsOutcome);
    }

    [Fact]
    public void QebAdaptOnLiHReachesChemicalAccuracyInsideTheSectorWithFewerCnotsThanFermionic()
    {
        var evaluator = ExcitationEvaluationTests.Evaluator(ExcitationEvaluationTests.LiH, "jordan-wigner", false);
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "pool": "qeb", "maxOperators": 12 }"""), TestContexts.In());
        var (strategy, outcomes) = Run(evaluator, space, """{ "pool": "qeb" }""", "qeb");
        Assert.Equal("chemical accuracy", strategy.StopReason);
        Assert.True(outcomes[^1].Metrics["energy_error"] <= 1.6e-3);
        Assert.All(outcomes, o => Assert.True(o.Metrics["sector_leakage"] < 1e-20, $"leakage {o.Metrics["sector_leakage"]}"));

        // The same operators as fermionic excitations: the same kind of state, but the Z strings cost CNOTs.
        var fermionic = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "maxOperators": 12 }"""), TestContexts.In());
        var same = fermionic.CandidateOf(strategy.Operators.Select(k => fermionic.Pool.IndexOf(space.Pool.Labels[k])).ToList());
        Assert.True(outcomes[^1].Metrics["cnot_count"] < fermionic.FreeStatistics(same)["cnot_count"]);
    }

    [Fact]
    public void ThePoolOptionMustBeTheSpaces()
    {
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 2, "electrons": 2 }"""), TestContexts.In());
        var error = Assert.Throws<NasPlatform.Abstractions.NasConfigurationException>(() => new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>("""{ "pool": "qubit" }"""), Context(space)));
        Assert.Contains("space's pool is \"fermionic-sd\"", error.Message, StringComparison.Ordinal);
    }

    private (AdaptVqe Strategy, List<TrialOutcome> Outcomes) Run(VariationalEvaluator evaluator, ExcitationSpace space, string options, string pool)
    {
        var strategy = (AdaptVqe)new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>(options), Context(space));
        Assert.Equal(pool, space.Pool.Kind);
        var outcomes = new List<TrialOutcome>();
        while (!strategy.IsFinished && outcomes.Count < 15)
        {
            Assert.False(strategy.AwaitsOutcome);
            var candidate = strategy.Ask(new Random(outcomes.Count)).Candidate;
            Assert.True(strategy.AwaitsOutcome);
            Assert.Empty(space.Validate(candidate));
            var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], outcomes.Count, _work.FullName), null, CancellationToken.None);
            var outcome = new TrialOutcome(outcomes.Count, candidate, evaluator.Fidelities[0].Name, TrialState.Completed, result.Metrics, space.FreeStatistics(candidate), true);
            outcomes.Add(outcome);
            strategy.Tell(outcome);
        }

        return (strategy, outcomes);
    }

    private static StrategyContext Context(ExcitationSpace space) =>
        new(space, new ObjectiveSet([new Objective("energy", Direction.Minimize)]), [], new Fidelity("s300x1", 1), 0);
}
