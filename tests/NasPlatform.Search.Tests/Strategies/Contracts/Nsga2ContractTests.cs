using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Search.Tests.Strategies.Contracts;

/// <summary>The strategy laws for "nsga2" with two objectives, created through the catalog as the engine does.</summary>
public sealed class Nsga2ContractTests : SearchStrategyContract
{
    protected override JObject Options => JObject.Parse("""{ "populationSize": 8 }""");

    protected override ObjectiveSet Objectives => ContractEvaluator.ScoreAndCost;

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => TestStrategies.Catalog.Create("nsga2", Options, context);
}
