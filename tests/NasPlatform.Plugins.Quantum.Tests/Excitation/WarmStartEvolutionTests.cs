using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Strategies;
using NasPlatform.Search.Strategies;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>
/// Regularized evolution with "warmStart": a child starts training from its parent's trained angles for the
/// operators they share (ADAPT-VQE's warm start), read from the parent's stored metrics, so it is the same
/// with the same seed and after a resume; seeded from a QEB-ADAPT run on LiH through the real engine and store.
/// </summary>
public sealed class WarmStartEvolutionTests : IDisposable
{
    private const int Trials = 10;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("warm-start-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void SharedOperatorsKeepTheParentsAnglesInOrderAndNewOnesStartAtZero()
    {
        Assert.Equal([0.1, 0.0, 0.2, 0.3], InheritedAngles.Of([5, 7, 9], [0.1, 0.2, 0.3], [5, 4, 7, 9])!);
        Assert.Equal([0.1, 0.3], InheritedAngles.Of([5, 7, 9], [0.1, 0.2, 0.3], [5, 9])!);
        Assert.Equal([0.1, 0.0, 0.3], InheritedAngles.Of([5, 7, 9], [0.1, 0.2, 0.3], [5, 8, 9])!);
        // A repeated operator: each copy keeps its own angle, matched in order.
        Assert.Equal([0.1, 0.2, 0.0], InheritedAngles.Of([5, 5], [0.1, 0.2], [5, 5, 5])!);
        Assert.Null(InheritedAngles.Of([5, 7], [0.1, 0.2], [1, 2]));
    }

    [Fact]
    public void AChildThatOnlyAddsAnOperatorReachesAtLeastItsParentsEnergy()
    {
        var (space, evaluator) = LiH();
        var parent = Adapt(space, evaluator)[^1];
        var operators = space.Read(parent.Candidate);
        Assert.True(operators.Length >= 2, "QEB-ADAPT on LiH needs several operators");
        var rng = new Random(3);
        for (var k = 0; k < 5; k++)
        {
            var at = rng.Next(operators.Length + 1);
            var added = rng.Next(space.Pool.Count);
            if ((at > 0 && operators[at - 1] == added) || (at < operators.Length && operators[at] == added))
            {
                // Beside a copy of itself the new operator is matched on either side; the circuit is the same, but not the assertion below.
                continue;
            }

            var child = space.WarmStart(space.CandidateOf([.. operators[..at], added, .. operators[at..]]), parent);

            var angles = Angles(child)!;
            Assert.Equal(0.0, angles[at]);
            Assert.Equal(operators.Select((_, i) => parent.Metrics[ExcitationEvaluation.AngleMetric(i)]), angles.Where((_, i) => i != at));
            var energy = Evaluate(evaluator, child, seed: k)["energy"];
            Assert.True(energy <= parent.Metrics["energy"] + 1e-10, $"child adding {space.Pool.Labels[added]} at {at}: {energy:R}, parent {parent.Metrics["energy"]:R}");
        }
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameTrialsAndAResumeStillWarmStartsFromTheStoredParents()
    {
        var (space, evaluator) = LiH();
        var seeds = Adapt(space, evaluator);

        var reference = await Run("reference", space, evaluator, seeds, cancelAt: null);
        var again = await Run("again", space, evaluator, seeds, cancelAt: null);
        var resumed = await Run("resumed", space, evaluator, seeds, cancelAt: 5);

        Assert.Equal(Trials, reference.Count);
        Assert.Equal(Signature(reference), Signature(again));
        Assert.Equal(Signature(reference), Signature(resumed));
        // Every child of a trial of this run started from that trial's stored angles; some did so after the resume.
        var inherited = resumed.Where(t => t.Parents.Count == 1).ToList();
        Assert.Contains(inherited, t => t.Number >= 5);
        foreach (var child in inherited)
        {
            var parent = resumed[child.Parents[0]];
            var parentOperators = space.Read(parent.Candidate);
            var trained = parentOperators.Select((_, i) => parent.Metrics[ExcitationEvaluation.AngleMetric(i)]).ToArray();
            Assert.Equal(InheritedAngles.Of(parentOperators, trained, space.Read(child.Candidate)), Angles(child.Candidate));
        }

        // The children of ADAPT's circuit (a transferred seed, not a trial here) name no parent but start from its angles.
        Assert.All(resumed, t => Assert.NotNull(Angles(t.Candidate)));
    }

    [Fact]
    public void WarmStartOnASpaceWithoutInitialValuesIsRefused()
    {
        var space = NasPlatform.Plugins.Quantum.Spaces.LayerwiseSpace.Create(TestContexts.Bind<NasPlatform.Plugins.Quantum.Spaces.LayerwiseSpaceOptions>("""{ "qubits": 2, "layers": 1 }"""), TestContexts.In());
        var context = new StrategyContext(space, Objectives(), [], new Fidelity("s300x1", 1), 0);

        var error = Assert.Throws<NasConfigurationException>(() =>
            new RegularizedEvolutionFactory().Create(ComponentOptions.Bind<RegularizedEvolutionOptions>("""{ "populationSize": 4, "sampleSize": 2, "warmStart": true }"""), context));

        Assert.Contains("\"warmStart\"", error.Message, StringComparison.Ordinal);
    }

    private static (ExcitationSpace Space, VariationalEvaluator Evaluator) LiH() =>
        (ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "pool": "qeb", "maxOperators": 12 }"""), TestContexts.In()),
         ExcitationEvaluationTests.Evaluator(ExcitationEvaluationTests.LiH, "jordan-wigner", false));

    private static ObjectiveSet Objectives() =>
        new([new Objective("cnot_count", Direction.Minimize), new Objective("energy_error", Direction.Minimize)]);

    private static IReadOnlyList<double>? Angles(Candidate candidate) => ExcitationArchitecture.TryRead((JObject)candidate.ToJson()).Architecture!.Angles;

    private IReadOnlyDictionary<string, double> Evaluate(VariationalEvaluator evaluator, Candidate candidate, int seed) =>
        evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], seed, _work.FullName), null, CancellationToken.None).Metrics;

    /// <summary>QEB-ADAPT's trials on LiH, judged by the search's constraint as <c>TransferSource</c> judges them.</summary>
    private List<TrialOutcome> Adapt(ExcitationSpace space, VariationalEvaluator evaluator)
    {
        var strategy = new AdaptVqeFactory().Create(ComponentOptions.Bind<AdaptVqeOptions>("""{ "pool": "qeb" }"""),
            new StrategyContext(space, new ObjectiveSet([new Objective("energy", Direction.Minimize)]), [], new Fidelity("s300x1", 1), 0));
        var outcomes = new List<TrialOutcome>();
        while (!strategy.IsFinished && outcomes.Count < 12)
        {
            var candidate = strategy.Ask(new Random(0)).Candidate;
            var metrics = Evaluate(evaluator, candidate, outcomes.Count);
            var outcome = new TrialOutcome(outcomes.Count, candidate, "s300x1", TrialState.Completed, metrics, space.FreeStatistics(candidate), true);
            outcomes.Add(outcome);
            strategy.Tell(outcome);
        }

        Assert.True(outcomes[^1].Metrics["energy_error"] <= 0.0016, $"QEB-ADAPT ended at {outcomes[^1].Metrics["energy_error"]}");
        return outcomes.Select(o => o with { Feasible = o.Metrics["energy_error"] <= 0.0016 }).ToList();
    }

    /// <summary>The search through the engine and a store; with <paramref name="cancelAt"/>, interrupted when that trial starts, then resumed from a fresh store handle.</summary>
    private async Task<IReadOnlyList<TrialRecord>> Run(string name, ExcitationSpace space, VariationalEvaluator evaluator, IReadOnlyList<TrialOutcome> seeds, int? cancelAt)
    {
        var file = Path.Combine(_work.FullName, name + ".json");
        File.WriteAllText(file, new JObject
        {
            ["name"] = name,
            ["plugin"] = "quantum",
            ["searchSpace"] = new JObject { ["name"] = "excitation", ["options"] = new JObject() },
            ["evaluator"] = new JObject { ["name"] = "vqe" },
            ["strategy"] = new JObject
            {
                ["name"] = RegularizedEvolutionFactory.StrategyName,
                ["options"] = new JObject { ["populationSize"] = 4, ["sampleSize"] = 2, ["transferFrom"] = "adapt.json", ["warmStart"] = true },
            },
            ["objectives"] = new JArray(
                new JObject { ["metric"] = "cnot_count", ["direction"] = "minimize" },
                new JObject { ["metric"] = "energy_error", ["direction"] = "minimize" }),
            ["constraints"] = new JArray("energy_error <= 0.0016"),
            ["budget"] = new JObject { ["trials"] = Trials },
            ["seed"] = 5,
        }.ToString());
        var spec = ExperimentFile.Load(file);
        ExperimentRunner Runner(ITrialStore store, IEvaluator trialEvaluator) => new(spec,
            new ExperimentComponents(space, trialEvaluator, new RegularizedEvolutionFactory(), ComponentOptions.Bind<RegularizedEvolutionOptions>(spec.Strategy.Options.ToString()))
            {
                TransferredTrials = seeds,
            },
            store);

        if (cancelAt is { } at)
        {
            using var cancellation = new CancellationTokenSource();
            using var store = SqliteTrialStore.Open(spec.StorePath);
            var interrupted = await Runner(store, new CancellingEvaluator(evaluator, at, cancellation)).RunAsync(cancellation.Token);
            Assert.Equal(at, interrupted.TrialsFinished);
        }

        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var summary = cancelAt is null ? await Runner(store, evaluator).RunAsync() : await Runner(store, evaluator).ResumeAsync();
            Assert.Equal(ExperimentStatus.Completed, summary.Status);
            return store.GetTrials(summary.ExperimentId);
        }
    }

    private static List<string> Signature(IEnumerable<TrialRecord> trials) =>
        trials.Select(t => $"{t.Number} {t.Candidate.Json} {t.State} {t.Feasible} parents={string.Join(",", t.Parents)} energy={t.Metrics.GetValueOrDefault("energy"):R}").ToList();

    /// <summary>Evaluates as the inner evaluator does, except that the evaluation number <c>cancelAt</c> cancels the run instead.</summary>
    private sealed class CancellingEvaluator(IEvaluator inner, int cancelAt, CancellationTokenSource run) : IEvaluator
    {
        private int _calls;

        public IReadOnlyList<Fidelity> Fidelities => inner.Fidelities;

        public IReadOnlyList<string> Metrics => inner.Metrics;

        public async Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) - 1 == cancelAt)
            {
                await run.CancelAsync();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await inner.EvaluateAsync(request, progress, cancellationToken);
        }
    }
}
