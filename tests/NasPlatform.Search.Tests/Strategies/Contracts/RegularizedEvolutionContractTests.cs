using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "regularized-evolution", created through the catalog as the engine does.</summary>
public sealed class RegularizedEvolutionContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{ "populationSize": 8, "sampleSize": 4 }""");

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("regularized-evolution", Options, context);
}
