using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "random", created through the catalog as the engine does.</summary>
public sealed class RandomSearchContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{}""");

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("random", Options, context);
}
