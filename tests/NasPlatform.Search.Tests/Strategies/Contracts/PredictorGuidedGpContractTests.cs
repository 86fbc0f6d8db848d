using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "predictor-guided" with the Gaussian-process predictor, created through the catalog as the engine does.</summary>
public sealed class PredictorGuidedGpContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{ "predictor": "gp", "initialSamples": 8, "batchSize": 6, "searchSamples": 30, "searchGenerations": 1, "searchParents": 6, "localMutations": 4 }""");

    /// <summary>Fewer trials than the default: each refit costs a fit of the predictor.</summary>
    protected override int Trials => 24;

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("predictor-guided", Options, context);
}
