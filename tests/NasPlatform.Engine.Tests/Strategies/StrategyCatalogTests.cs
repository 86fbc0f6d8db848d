using NasPlatform.Abstractions;
using NasPlatform.Search.Strategies;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Strategies;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void Finds_the_engine_strategies_by_name()
    {
        var catalog = TestStrategies.Catalog;

        // Other strategies join as they are written; these must be there, in name order.
        Assert.Subset(catalog.All.Select(f => f.Name).ToHashSet(), new HashSet<string> { "hierarchical-proxy", "neural-predictor", "nsga2", "predictor-guided", "random", "regularized-evolution" });
        Assert.Equal(catalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), catalog.All.Select(f => f.Name));
        Assert.IsType<RandomSearchFactory>(catalog.Find("random"));
        Assert.IsType<RegularizedEvolutionFactory>(catalog.Find("regularized-evolution"));
        Assert.Null(catalog.Find("evolution"));
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<NasConfigurationException>(() => TestStrategies.Catalog.Get("bayesian"));

        Assert.Equal($"Unknown strategy 'bayesian'. Known strategies: {string.Join(", ", TestStrategies.Catalog.All.Select(f => f.Name))}.", error.Message);
        Assert.Contains("hierarchical-proxy, neural-predictor, nsga2, predictor-guided, random, regularized-evolution", error.Message);
    }

    [Fact]
    public void Holds_the_factories_it_is_given_in_name_order()
    {
        var catalog = new StrategyCatalog([new FixedPointFactory(), .. TestStrategies.Catalog.All]);

        var names = catalog.All.Select(f => f.Name).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "fixed-point", "random", "regularized-evolution" });
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.IsType<FixedPointFactory>(catalog.Get("fixed-point"));
    }

    [Fact]
    public void Two_factories_with_one_name_are_refused_with_both_types_named()
    {
        var error = Assert.Throws<NasConfigurationException>(() => new StrategyCatalog([new RandomSearchFactory(), new RandomSearchFactory()]));

        Assert.Contains("Two strategies are named 'random'", error.Message);
        Assert.Contains("rename one", error.Message);
    }

    [Fact]
    public void Every_options_schema_is_a_schema_that_accepts_empty_options()
    {
        foreach (var factory in TestStrategies.Catalog.All)
        {
            TestStrategies.Catalog.BindOptions(factory, new JObject());
        }
    }

    [Fact]
    public void Create_validates_options_against_the_schema()
    {
        var options = JObject.Parse("""{"populationSize": "ten", "tournament": 3}""");

        var error = Assert.Throws<NasConfigurationException>(() => TestStrategies.Catalog.Create("regularized-evolution", options, Context()));

        Assert.Contains("Options of strategy 'regularized-evolution' are invalid", error.Message);
        Assert.Contains("$.populationSize", error.Message);
        Assert.Contains("expected an integer", error.Message);
        Assert.Contains("'tournament' is not allowed here", error.Message);
    }

    [Fact]
    public void Create_builds_the_named_strategy_with_its_options()
    {
        var strategy = TestStrategies.Catalog.Create("regularized-evolution", JObject.Parse("""{"populationSize": 7, "sampleSize": 4}"""), Context());

        var evolution = Assert.IsType<RegularizedEvolution>(strategy);
        Assert.Equal(7, evolution.PopulationSize);
        Assert.Equal(4, evolution.SampleSize);
    }

    internal static StrategyContext Context() =>
        new(new LineSpace(10), Outcomes.MaximizeScore, [new Fidelity("full")], new Fidelity("full"), Seed: 0);
}

/// <summary>A third-party strategy as the catalog would find it in another assembly.</summary>
public sealed class FixedPointFactory : SearchStrategyFactory<NoOptions>
{
    public override string Name => "fixed-point";

    public override string Description => "Always proposes x = 0.";

    public override ISearchStrategy Create(NoOptions options, StrategyContext context) => new FixedPoint();

    private sealed class FixedPoint : ISearchStrategy
    {
        public TrialProposal Ask(Random rng) => new(LineSpace.At(0));

        public void Tell(TrialOutcome outcome)
        {
        }
    }
}
