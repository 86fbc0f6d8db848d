using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "hierarchical-proxy" with a regularized-evolution sampler, created through the catalog as the engine does.</summary>
public sealed class HierarchicalProxyWithEvolutionContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{ "eta": 2, "rungSize": 4, "sampler": { "name": "regularized-evolution", "populationSize": 6, "sampleSize": 3 } }""");

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("hierarchical-proxy", Options, context);
}
