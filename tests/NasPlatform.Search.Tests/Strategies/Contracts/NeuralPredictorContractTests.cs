using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "neural-predictor" with its smallest MLP ensemble, created through the catalog as the engine does.</summary>
public sealed class NeuralPredictorContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{ "trainingSamples": 10, "poolSize": 60, "ensembleSize": 2, "hiddenWidth": 8, "hiddenLayers": 1, "epochs": 10, "pretrain": false }""");

    /// <summary>Fewer trials than the default: each refit costs a fit of the predictor.</summary>
    protected override int Trials => 24;

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("neural-predictor", Options, context);
}
