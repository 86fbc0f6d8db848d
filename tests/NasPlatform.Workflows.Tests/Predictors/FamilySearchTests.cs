using NasPlatform.Testing.Domains;
using NasPlatform.Search.Torch;
using NasPlatform.Abstractions;
using NasPlatform.Search.Constraints;
using NasPlatform.Search.Predictors;
using NasPlatform.Workflows.Families;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Workflows.Tests.Predictors;

public sealed class FamilySearchTests
{
    private static readonly BitStringSpace Space = new(12);

    [Theory]
    [InlineData("mlp-ensemble")]
    [InlineData("gp")]
    public void Each_family_holds_the_best_predicted_candidates_that_meet_its_constraints(string predictor)
    {
        var (context, trials) = Experiment(trialCount: 60);
        var settings = new PredictorSettings
        {
            Predictor = predictor,
            PretrainSamples = 300,
            Mlp = new MlpEnsembleOptions { EnsembleSize = 3, HiddenWidth = 32, Epochs = 150, PretrainEpochs = 5 },
        };
        IReadOnlyList<Constraint>[] sets = [[Parse("ones <= 3")], [Parse("ones <= 6"), Parse("ones >= 5")]];
        var search = new PredictorSearchOptions { RandomSamples = 300, Generations = 10, Parents = 20 };

        var result = FamilySearch.Run(context, trials, settings, SearchComponents.Predictors, sets, top: 4, folds: 3, search, throughputRows: 2000);

        Assert.Equal(2, result.Families.Count);
        Assert.Equal(60, result.TrainedOn);
        Assert.InRange(result.KendallTau, 0.5, 1);
        Assert.True(result.ScoringThroughput > 0 && result.SearchThroughput > 0);
        var small = result.Families[0].Members;
        var medium = result.Families[1].Members;
        Assert.Equal(4, small.Count);
        Assert.All(small, m => Assert.True(m.FreeStatistics["ones"] <= 3));
        Assert.All(medium, m => Assert.InRange(m.FreeStatistics["ones"], 5, 6));
        Assert.All(result.Families, f => Assert.All(f.Members.Zip(f.Members.Skip(1)), p => Assert.True(p.First.Predicted >= p.Second.Predicted)));
        // The score weighs bit i by i + 1: the best strings under "ones <= 3" set the last bits.
        Assert.True(BitStringEvaluator.Score(BitStringSpace.Bits(small[0].Candidate)) >= 30, BitStringSpace.Bits(small[0].Candidate));
        var measured = trials.ToDictionary(t => t.Candidate.Hash, t => t.Metrics["score"]);
        Assert.All(result.Families.SelectMany(f => f.Members), m =>
            Assert.Equal(measured.TryGetValue(m.Candidate.Hash, out var v) ? v : null, m.Measured));
    }

    [Fact]
    public void Too_few_usable_trials_is_a_configuration_error_that_says_what_to_do()
    {
        var (context, trials) = Experiment(trialCount: 4);

        var error = Assert.Throws<NasConfigurationException>(() =>
            FamilySearch.Run(context, trials, new PredictorSettings { Predictor = "gp" }, PredictorCatalog.Builtin, [[Parse("ones <= 3")]], top: 3, folds: 5));

        Assert.Contains("4 usable trials", error.Message);
        Assert.Contains("nas resume", error.Message);
    }

    private static (StrategyContext Context, List<TrialOutcome> Trials) Experiment(int trialCount)
    {
        var fidelity = new Fidelity("full", 1.0);
        var context = new StrategyContext(Space, new ObjectiveSet([new Objective("score", Direction.Maximize)]), [fidelity], fidelity, Seed: 3);
        var rng = new Random(5);
        var candidates = Enumerable.Range(0, trialCount * 3).Select(_ => Space.Sample(rng)).DistinctBy(c => c.Hash).Take(trialCount);
        var trials = candidates.Select((c, i) => new TrialOutcome(
            i, c, "full", TrialState.Completed,
            new Dictionary<string, double> { ["score"] = BitStringEvaluator.Score(BitStringSpace.Bits(c)) },
            Space.FreeStatistics(c), Feasible: true)).ToList();
        return (context, trials);
    }

    private static Constraint Parse(string text) =>
        Constraint.TryParse(text, out var constraint) ? constraint! : throw new ArgumentException(text);
}
