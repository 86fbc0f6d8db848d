using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Strategies;

namespace NasPlatform.Search.Tests.Strategies;

public sealed class PredictorStrategyOptionsTests
{
    [Theory]
    [InlineData("predictor-guided", """{ "initialSamples": 10, "batchSize": 5, "explorationFraction": 0.2, "predictor": "gp", "pretrain": false, "initialDesign": "random" }""")]
    [InlineData("neural-predictor", """{ "trainingSamples": 50, "poolSize": 5000, "predictor": "mlp-ensemble", "ensembleSize": 5, "rankingLossWeight": 0.5 }""")]
    [InlineData("predictor-guided", "{}")]
    public void Valid_options_pass_the_schema(string strategy, string options)
    {
        var catalog = TestStrategies.Catalog;

        catalog.BindOptions(catalog.Get(strategy), JObject.Parse(options));
    }

    [Theory]
    [InlineData("predictor-guided", """{ "predictor": "forest" }""", "predictor")]
    [InlineData("predictor-guided", """{ "batchSize": 0 }""", "batchSize")]
    [InlineData("predictor-guided", """{ "explorationFraction": 1.5 }""", "explorationFraction")]
    [InlineData("neural-predictor", """{ "poolSize": "many" }""", "poolSize")]
    [InlineData("neural-predictor", """{ "populationSize": 10 }""", "populationSize")]
    public void Invalid_options_are_refused_naming_the_option(string strategy, string options, string named)
    {
        var catalog = TestStrategies.Catalog;

        var error = Assert.Throws<NasConfigurationException>(() => catalog.BindOptions(catalog.Get(strategy), JObject.Parse(options)));

        Assert.Contains(named, error.Message);
        Assert.Contains($"Options of strategy '{strategy}' are invalid", error.Message);
    }
}
