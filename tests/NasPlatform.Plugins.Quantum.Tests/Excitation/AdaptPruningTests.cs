using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Strategies;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>ADAPT-VQE's "selection", "extraOperators" and "prune" options, driven by the real evaluator on LiH (QEB pool).</summary>
public sealed class AdaptPruningTests : IDisposable
{
    private const double Band = 1.6e-3;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("adapt-prune-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void QebCnotCountsAreTwoForASingleAndThirteenForADouble()
    {
        var pool = LiHSpace().Pool;
        Assert.Equal(2, pool.CnotCount(pool.IndexOf("0->1")));
        Assert.Equal(13, pool.CnotCount(pool.IndexOf("0,5->1,6")));
        Assert.Equal(Enumerable.Range(0, pool.Count).Sum(pool.CnotCount), pool.BuildCircuit(Enumerable.Range(0, pool.Count).ToList(), false).Ops.Count(op => op.Kind == NasPlatform.Quantum.Simulator.GateKind.CNOT));
    }

    [Fact]
    public void GradientPerCnotPrefersASingleWhoseGradientPerCnotIsLarger()
    {
        var pool = LiHSpace().Pool;
        var (single, twin, doubleOp) = (pool.IndexOf("0->1"), pool.IndexOf("5->6"), pool.IndexOf("0,5->1,6"));
        var gradients = new double[pool.Count];
        gradients[doubleOp] = 0.01;
        gradients[single] = -0.003;
        gradients[twin] = 0.003;

        // 0.01 / 13 = 7.7e-4 against 0.003 / 2 = 1.5e-3; the first of equal scores wins.
        Assert.Equal(doubleOp, AdaptSelection.Choose(gradients, pool, AdaptSelection.Gradient));
        Assert.Equal(Math.Min(single, twin), AdaptSelection.Choose(gradients, pool, AdaptSelection.GradientPerCnot));
        gradients[doubleOp] = 0.05; // 3.8e-3 per CNOT: the double again
        Assert.Equal(doubleOp, AdaptSelection.Choose(gradients, pool, AdaptSelection.GradientPerCnot));
    }

    [Fact]
    public void PruningRemovesOneOperatorPerTryFromTheAccurateCircuitAndEndsWithinTheBand()
    {
        var space = LiHSpace();
        var journal = new Journal();
        var (strategy, outcomes) = Run(space, """{ "pool": "qeb", "extraOperators": 3, "prune": true }""", journal);
        Assert.Equal("pruned", strategy.StopReason);

        // Growth: one operator more per trial, 3 past the first accurate circuit.
        var firstAccurate = outcomes.FindIndex(o => o.Metrics["energy_error"] <= Band);
        var grown = firstAccurate + 3;
        Assert.True(firstAccurate > 0);
        Assert.All(outcomes.Take(grown + 1), o => Assert.Equal(o.Number, space.Read(o.Candidate).Length));

        // Pruning: each try is the current circuit less one operator, starting from the current trained angles.
        var current = outcomes[grown];
        var doubleTried = false;
        foreach (var trial in outcomes.Skip(grown + 1))
        {
            var (parent, child) = (space.Read(current.Candidate), space.Read(trial.Candidate));
            var angles = trial.Candidate.ToJson()["angles"]!.ToObject<double[]>()!;
            var trained = Enumerable.Range(0, parent.Length).Select(i => current.Metrics[ExcitationEvaluation.AngleMetric(i)]).ToArray();
            var removed = Enumerable.Range(0, parent.Length).First(i => parent.Where((_, j) => j != i).SequenceEqual(child)
                && trained.Where((_, j) => j != i).SequenceEqual(angles));
            doubleTried |= space.Pool.CnotCount(parent[removed]) == 13;
            if (trial.Metrics["energy_error"] <= Band)
            {
                current = trial;
            }
        }

        Assert.True(doubleTried);
        Assert.Equal(space.Read(current.Candidate), strategy.Operators);
        Assert.True(current.Metrics["energy_error"] <= Band);
        Assert.True(current.FreeStatistics["cnot_count"] <= outcomes[firstAccurate].FreeStatistics["cnot_count"], "pruning never ends costlier than ADAPT's first accurate circuit");
        Assert.Equal(outcomes.Count - grown - 1, journal.Events.Count(e => e.Kind == AdaptVqe.PruneKind));
    }

    [Fact]
    public void SteppingStonesGrowARemovalOutsideTheBandWithOperatorsThatKeepItCheaper()
    {
        var space = LiHSpace();
        var (strategy, outcomes) = Run(space, """{ "pool": "qeb", "selection": "gradient-per-cnot", "prune": true, "regrow": true }""", new Journal(), maxTrials: 80);
        Assert.Equal("pruned", strategy.StopReason);
        var cnots = outcomes.Select(o => o.FreeStatistics["cnot_count"]).ToList();
        var errors = outcomes.Select(o => o.Metrics["energy_error"]).ToList();
        var adapt = errors.FindIndex(e => e <= Band);

        // A stepping stone is an earlier try outside the band plus one operator, starting from that try's trained angles.
        var stones = 0;
        for (var t = adapt + 1; t < outcomes.Count; t++)
        {
            var child = space.Read(outcomes[t].Candidate);
            var angles = outcomes[t].Candidate.ToJson()["angles"]!.ToObject<double[]>()!;
            var source = outcomes.Skip(adapt + 1).Take(t - adapt - 1).LastOrDefault(o => errors[o.Number] > Band
                && space.Read(o.Candidate).SequenceEqual(child.Take(child.Length - 1))
                && Enumerable.Range(0, child.Length - 1).Select(i => o.Metrics[ExcitationEvaluation.AngleMetric(i)]).Append(0.0).SequenceEqual(angles));
            if (source is null)
            {
                continue; // a removal: the current circuit less one operator

            }

            stones++;
            var cheapestSoFar = Enumerable.Range(0, t).Where(i => errors[i] <= Band).Min(i => cnots[i]);
            Assert.True(cnots[t] < cheapestSoFar, $"stone {t} has {cnots[t]} CNOTs, the current circuit {cheapestSoFar}");
        }

        Assert.True(stones > 0);
        var final = Enumerable.Range(0, outcomes.Count).Where(i => errors[i] <= Band).MinBy(i => cnots[i]);
        Assert.Equal(space.Read(outcomes[final].Candidate), strategy.Operators);
        Assert.True(cnots[final] < cnots[adapt], $"stepping stones end at {cnots[final]} CNOTs, ADAPT at {cnots[adapt]}");
    }

    [Fact]
    public void APrunedRunReplaysToTheSameNextTry()
    {
        var space = LiHSpace();
        var (_, outcomes) = Run(space, """{ "pool": "qeb", "extraOperators": 2, "prune": true }""", new Journal(), maxTrials: 12);
        Assert.Equal(12, outcomes.Count);
        var replayed = new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>("""{ "pool": "qeb", "extraOperators": 2, "prune": true }"""), Context(space, new Journal()));
        foreach (var outcome in outcomes)
        {
            Assert.Equal(outcome.Candidate, replayed.Ask(new Random(1)).Candidate);
            replayed.Tell(outcome);
        }

        Assert.False(replayed.IsFinished);
        Assert.Equal(space.Read(outcomes[^1].Candidate).Length - (outcomes[^1].Metrics["energy_error"] <= Band ? 1 : 0),
            space.Read(replayed.Ask(new Random(2)).Candidate).Length);
    }

    [Theory]
    [InlineData("""{ "prune": true, "chemicalAccuracy": 0 }""", "$.strategy.options.prune")]
    [InlineData("""{ "extraOperators": 2, "chemicalAccuracy": 0 }""", "$.strategy.options.extraOperators")]
    [InlineData("""{ "regrow": true }""", "$.strategy.options.regrow")]
    public void PruningWithoutABandIsRefused(string options, string path)
    {
        var error = Assert.Throws<NasConfigurationException>(() => new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>(options), Context(LiHSpace(), new Journal())));
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    private static ExcitationSpace LiHSpace() =>
        ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "pool": "qeb", "maxOperators": 12 }"""), TestContexts.In());

    private (AdaptVqe Strategy, List<TrialOutcome> Outcomes) Run(ExcitationSpace space, string options, Journal journal, int maxTrials = 60)
    {
        var evaluator = ExcitationEvaluationTests.Evaluator(ExcitationEvaluationTests.LiH, "jordan-wigner", false);
        var strategy = (AdaptVqe)new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>(options), Context(space, journal));
        var outcomes = new List<TrialOutcome>();
        while (!strategy.IsFinished && outcomes.Count < maxTrials)
        {
            var candidate = strategy.Ask(new Random(outcomes.Count)).Candidate;
            Assert.Empty(space.Validate(candidate));
            var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], outcomes.Count, _work.FullName), null, CancellationToken.None);
            var metrics = result.Metrics;
            // As the engine tells it under "energy_error <= 0.0016": completed, infeasible above the band.
            var outcome = new TrialOutcome(outcomes.Count, candidate, evaluator.Fidelities[0].Name, TrialState.Completed, metrics, space.FreeStatistics(candidate), metrics["energy_error"] <= Band);
            outcomes.Add(outcome);
            strategy.Tell(outcome);
        }

        return (strategy, outcomes);
    }

    private static StrategyContext Context(ExcitationSpace space, Journal journal) =>
        new(space, new ObjectiveSet([new Objective("cnot_count", Direction.Minimize)]), [], new Fidelity("s300x1", 1), 0) { Journal = journal };

    private sealed class Journal : IStrategyJournal
    {
        public List<StrategyEvent> Events { get; } = [];

        public void Record(StrategyEvent strategyEvent) => Events.Add(strategyEvent);
    }
}
