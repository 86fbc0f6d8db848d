using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "hierarchical-proxy" (random sampler, quick then full), created through the catalog as the engine does.</summary>
public sealed class HierarchicalProxyContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{ "eta": 2, "rungSize": 4 }""");

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("hierarchical-proxy", Options, context);
}
