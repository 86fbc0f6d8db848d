using NasPlatform.Abstractions;
using NasPlatform.Search.Predictors;
using NasPlatform.Search.Tests.Strategies;
using NasPlatform.Testing.Domains;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Search.Tests.Predictors;

public sealed class TransferTargetsTests
{
    [Fact]
    public void Without_transferred_trials_the_targets_are_the_utilities()
    {
        var own = new[] { Outcomes.Completed(0, 1, 3.0), Outcomes.Completed(1, 2, 5.0) };

        Assert.Equal([3.0, 5.0], TransferTargets.Of(own, [], StrategyContexts.Context()));
    }

    [Fact]
    public void Each_problem_is_standardised_on_its_own()
    {
        // This problem's scores are around 100, the other's around -10: after standardising both span -1..1.
        var own = new[] { Outcomes.Completed(0, 1, 99.0), Outcomes.Completed(1, 2, 101.0) };
        var transferred = new[] { Outcomes.Completed(0, 3, -12.0), Outcomes.Completed(1, 4, -10.0), Outcomes.Completed(2, 5, -8.0) };

        var targets = TransferTargets.Of(own, transferred, StrategyContexts.Context());

        var third = Math.Sqrt(1.5);
        double[] expected = [-1.0, 1.0, -third, 0.0, third];
        Assert.Equal(expected.Length, targets.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], targets[i], 12);
        }
    }

    [Fact]
    public void Values_that_do_not_vary_standardise_to_zero()
    {
        Assert.Equal([0.0, 0.0], TransferTargets.Standardize([4.0, 4.0]));
        Assert.Empty(TransferTargets.Standardize([]));
    }

    [Fact]
    public void Only_usable_transferred_trials_are_learnt_from()
    {
        var context = StrategyContexts.Context() with
        {
            TransferredTrials = [Outcomes.Completed(0, 1, 2.0), Outcomes.Completed(1, 2, 3.0, feasible: false), Outcomes.Failed(2, LineSpace.At(3))],
        };

        Assert.Equal([0], TransferTargets.Usable(context).Select(t => t.Number));
    }

    [Fact]
    public void TransferFrom_that_no_host_read_is_refused_naming_the_option_and_file()
    {
        var catalog = TestStrategies.Catalog;
        var options = JObject.Parse("""{ "transferFrom": "other.json" }""");

        var error = Assert.Throws<NasConfigurationException>(() => catalog.Create("predictor-guided", options, StrategyContexts.Context()));

        Assert.Contains("\"transferFrom\" names 'other.json'", error.Message);
    }
}
